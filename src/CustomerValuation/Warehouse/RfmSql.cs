using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using CustomerValuation.Internal;
using CustomerValuation.Rfm;

namespace CustomerValuation.Warehouse;

/// <summary>
/// SQL that computes the RFM features of <see cref="RfmFeatures"/> where the transaction lines
/// are, with the same definitions and the same line policies (docs/warehouse.md).
/// </summary>
/// <remarks>
/// Every line gets a status by the library's policies in their order: 1 no customer (NULL, or text
/// that is empty or only spaces), 2 after the as-of date, 3 cancelled (the order id starts with the
/// prefix, compared character by character), 4 amount ≤ 0 (or quantity ≤ 0 or unit price ≤ 0),
/// netted or removed, 5 an exact repeat of an earlier purchase line (with
/// <see cref="RfmDuplicatePolicy.Remove"/>), 0 a purchase. The features are then aggregates of
/// the purchase (and netted) lines per customer; <see cref="LineReport"/> counts the statuses.
/// Two policies that stop the library with an exception cannot stop a query: a line after the
/// as-of date under <see cref="RfmFutureLinePolicy.Reject"/>, and a purchase line without an order
/// id while frequency counts orders. The line report counts both, so a driver can refuse the result.
/// </remarks>
public static class RfmSql
{
    /// <summary>
    /// One row per customer with a purchase line: <c>customer_id</c> (as text), <c>recency_days</c>,
    /// <c>frequency</c>, <c>monetary</c>, <c>total_amount</c>, <c>first_purchase</c>,
    /// <c>last_purchase</c>, <c>tenure_days</c>, ordered as the library orders ids (by value when every
    /// id is an integer, equal values then by text; otherwise by text, character by character).
    /// </summary>
    /// <param name="source">The table and columns.</param>
    /// <param name="options">The as-of date and the line policies, as for <see cref="RfmFeatures"/>.</param>
    /// <param name="dialect">The SQL dialect.</param>
    /// <returns>The statement and its parameters (<c>as_of</c>, and <c>cancelled_prefix</c> and <c>cancelled_prefix_length</c> with a prefix).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> or <paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">A table or column name breaks the identifier grammar, frequency counts orders (or a prefix is set) without an order column, or <paramref name="dialect"/> is not defined.</exception>
    public static SqlStatement Features(RfmSqlSource source, RfmTransactionOptions options, SqlDialect dialect)
    {
        var q = new Query(source, options, dialect);
        string asOf = SqlText.AsDate(dialect, SqlText.Parameter(dialect, "as_of"));
        string purchase = "l.status = 0";
        string counted = options.NonPositiveAmounts == RfmNonPositivePolicy.Net ? "l.status IN (0, 4)" : purchase;
        string frequency = options.Frequency == RfmFrequencyBasis.DistinctOrders
            ? "COUNT(DISTINCT CASE WHEN " + purchase + " THEN l.order_id END)"
            : "COUNT(DISTINCT CASE WHEN " + purchase + " THEN l.day END)";
        string total = "SUM(CASE WHEN " + counted + " THEN l.amount END)";
        string first = "MIN(CASE WHEN " + purchase + " THEN l.day END)";
        string last = "MAX(CASE WHEN " + purchase + " THEN l.day END)";

        var sb = new StringBuilder();
        q.AppendLines(sb);
        sb.Append("SELECT\n");
        sb.Append("  l.customer_id AS customer_id,\n");
        sb.Append("  ").Append(SqlText.DayDifference(dialect, last, asOf)).Append(" AS recency_days,\n");
        sb.Append("  ").Append(frequency).Append(" AS frequency,\n");
        sb.Append("  ").Append(options.Monetary == RfmMonetaryBasis.Sum ? total : total + " / " + frequency).Append(" AS monetary,\n");
        sb.Append("  ").Append(total).Append(" AS total_amount,\n");
        sb.Append("  ").Append(first).Append(" AS first_purchase,\n");
        sb.Append("  ").Append(last).Append(" AS last_purchase,\n");
        sb.Append("  ").Append(SqlText.DayDifference(dialect, first, asOf)).Append(" AS tenure_days\n");
        sb.Append("FROM lines l\n");
        sb.Append("WHERE ").Append(counted).Append('\n');
        sb.Append("GROUP BY l.customer_id\n");
        sb.Append("HAVING COUNT(CASE WHEN ").Append(purchase).Append(" THEN 1 END) > 0\n");
        sb.Append("ORDER BY ").Append(IdOrder(dialect, "l.customer_id"));
        return new SqlStatement(dialect, sb.ToString(), q.Parameters);
    }

    /// <summary>
    /// One row that accounts for every line, as <see cref="RfmAggregationReport"/> does:
    /// <c>lines_read</c>, <c>lines_without_customer</c>, <c>lines_after_as_of</c>,
    /// <c>cancelled_lines</c>, <c>non_positive_lines_excluded</c>, <c>non_positive_lines_netted</c>,
    /// <c>duplicate_lines_removed</c>, <c>purchase_lines</c>, <c>purchase_lines_without_order</c>,
    /// <c>customers</c>, <c>customers_without_purchase</c>, <c>total_amount</c>.
    /// </summary>
    /// <param name="source">The table and columns.</param>
    /// <param name="options">The as-of date and the line policies.</param>
    /// <param name="dialect">The SQL dialect.</param>
    /// <returns>The statement and its parameters.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> or <paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">As for <see cref="Features"/>.</exception>
    public static SqlStatement LineReport(RfmSqlSource source, RfmTransactionOptions options, SqlDialect dialect)
    {
        var q = new Query(source, options, dialect);
        bool net = options.NonPositiveAmounts == RfmNonPositivePolicy.Net;
        string Count(string condition) => "COUNT(CASE WHEN " + condition + " THEN 1 END)";
        var sb = new StringBuilder();
        q.AppendLines(sb);
        sb.Append("SELECT\n");
        sb.Append("  COUNT(*) AS lines_read,\n");
        sb.Append("  ").Append(Count("l.status = 1")).Append(" AS lines_without_customer,\n");
        sb.Append("  ").Append(Count("l.status = 2")).Append(" AS lines_after_as_of,\n");
        sb.Append("  ").Append(Count("l.status = 3")).Append(" AS cancelled_lines,\n");
        sb.Append("  ").Append(net ? "0" : Count("l.status = 4")).Append(" AS non_positive_lines_excluded,\n");
        sb.Append("  ").Append(net ? Count("l.status = 4") : "0").Append(" AS non_positive_lines_netted,\n");
        sb.Append("  ").Append(Count("l.status = 5")).Append(" AS duplicate_lines_removed,\n");
        sb.Append("  ").Append(Count("l.status = 0")).Append(" AS purchase_lines,\n");
        sb.Append("  ").Append(Count("l.status = 0 AND l.order_id IS NULL")).Append(" AS purchase_lines_without_order,\n");
        sb.Append("  COUNT(DISTINCT CASE WHEN l.status = 0 THEN l.customer_id END) AS customers,\n");
        sb.Append("  COUNT(DISTINCT l.customer_id) - COUNT(DISTINCT CASE WHEN l.status = 0 THEN l.customer_id END) AS customers_without_purchase,\n");
        sb.Append("  SUM(CASE WHEN l.status = 0").Append(net ? " OR (l.status = 4 AND l.customer_id IN (SELECT p.customer_id FROM lines p WHERE p.status = 0))" : string.Empty).Append(" THEN l.amount END) AS total_amount\n");
        sb.Append("FROM lines l");
        return new SqlStatement(dialect, sb.ToString(), q.Parameters);
    }

    /// <summary>
    /// The library's id order as an ORDER BY list: by value when every id in the result is an
    /// integer (equal values then by text), else by text, character by character (binary collation).
    /// </summary>
    internal static string IdOrder(SqlDialect dialect, string id)
    {
        string isInteger = dialect switch
        {
            SqlDialect.SparkSql => id + " RLIKE '^-?[0-9]+$'",
            SqlDialect.TSql => "(" + id + " NOT LIKE '%[^0-9]%' AND " + id + " <> '') OR (" + id + " LIKE '-_%' AND SUBSTRING(" + id + ", 2, 4000) NOT LIKE '%[^0-9]%')",
            _ => id + " ~ '^-?[0-9]+$'",
        };
        string allIntegers = "MIN(CASE WHEN " + isInteger + " THEN 1 ELSE 0 END) OVER ()";
        string number = dialect switch
        {
            SqlDialect.SparkSql => "try_cast(" + id + " AS DECIMAL(38, 0))",
            SqlDialect.TSql => "TRY_CAST(" + id + " AS decimal(38, 0))",
            _ => "CAST(" + id + " AS numeric)",
        };
        string text = dialect switch
        {
            SqlDialect.TSql => id + " COLLATE Latin1_General_100_BIN2",
            SqlDialect.PostgreSql => id + " COLLATE \"C\"",
            _ => id,
        };
        return "CASE WHEN " + allIntegers + " = 1 THEN " + number + " END, " + text;
    }

    /// <summary>The common part: the lines with their status, as a CTE named <c>lines</c>.</summary>
    private sealed class Query
    {
        private readonly RfmSqlSource _source;
        private readonly RfmTransactionOptions _options;
        private readonly SqlDialect _dialect;

        public Query(RfmSqlSource source, RfmTransactionOptions options, SqlDialect dialect)
        {
            Guard.NotNull(source, nameof(source));
            Guard.NotNull(options, nameof(options));
            if (dialect is < SqlDialect.PostgreSql or > SqlDialect.TSql)
            {
                throw new ArgumentException($"{dialect} is not a defined SqlDialect.", nameof(dialect));
            }

            if (source.OrderColumn is null && options.Frequency == RfmFrequencyBasis.DistinctOrders)
            {
                throw new ArgumentException("Frequency counts distinct orders (RfmFrequencyBasis.DistinctOrders) but the source has no order column; give one, or count distinct days.", nameof(source));
            }

            if (source.OrderColumn is null && options.CancelledOrderPrefix is not null)
            {
                throw new ArgumentException("A cancelled-order prefix is set but the source has no order column.", nameof(source));
            }

            _source = source;
            _options = options;
            _dialect = dialect;
            var parameters = new List<SqlParameter> { new("as_of", options.AsOf) };
            if (options.CancelledOrderPrefix is { } prefix)
            {
                parameters.Add(new SqlParameter("cancelled_prefix", prefix));
                parameters.Add(new SqlParameter("cancelled_prefix_length", prefix.Length));
            }

            Parameters = parameters;
        }

        public IReadOnlyList<SqlParameter> Parameters { get; }

        public void AppendLines(StringBuilder sb)
        {
            SqlDialect d = _dialect;
            string Column(string name, string argument) => "t." + SqlText.Identifier(d, name, argument);
            string table = SqlText.QualifiedName(d, _source.Table, nameof(RfmSqlSource.Table));
            string customer = SqlText.AsText(d, Column(_source.CustomerColumn, nameof(RfmSqlSource.CustomerColumn)));
            string timestamp = Column(_source.TimestampColumn, nameof(RfmSqlSource.TimestampColumn));
            bool byAmount = _source.AmountColumn is not null;
            string quantity = byAmount ? string.Empty : Column(_source.QuantityColumn!, nameof(RfmSqlSource.QuantityColumn));
            string price = byAmount ? string.Empty : Column(_source.UnitPriceColumn!, nameof(RfmSqlSource.UnitPriceColumn));
            string amount = byAmount ? Column(_source.AmountColumn!, nameof(RfmSqlSource.AmountColumn)) : quantity + " * " + price;
            string order = _source.OrderColumn is null
                ? "NULL"
                : "NULLIF(" + SqlText.AsText(d, Column(_source.OrderColumn, nameof(RfmSqlSource.OrderColumn))) + ", '')";
            string asOf = SqlText.AsDate(d, SqlText.Parameter(d, "as_of"));
            string trimmed = d == SqlDialect.TSql ? "LTRIM(RTRIM(" + customer + "))" : "TRIM(" + customer + ")";

            sb.Append("WITH raw AS (\n");
            sb.Append("  SELECT\n");
            sb.Append("    CASE WHEN ").Append(trimmed).Append(" = '' THEN NULL ELSE ").Append(customer).Append(" END AS customer_id,\n");
            sb.Append("    ").Append(timestamp).Append(" AS ts,\n");
            sb.Append("    ").Append(SqlText.AsDate(d, timestamp)).Append(" AS day,\n");
            sb.Append("    ").Append(amount).Append(" AS amount,\n");
            sb.Append("    ").Append(byAmount ? "NULL" : quantity).Append(" AS quantity,\n");
            sb.Append("    ").Append(byAmount ? "NULL" : price).Append(" AS unit_price,\n");
            sb.Append("    ").Append(order).Append(" AS order_id");
            for (int k = 0; k < _source.LineKeyColumns.Count; k++)
            {
                sb.Append(",\n    ").Append(Column(_source.LineKeyColumns[k], nameof(RfmSqlSource.LineKeyColumns))).Append(" AS line_key_").Append(k);
            }

            sb.Append("\n  FROM ").Append(table).Append(" t\n");
            sb.Append("),\n");
            sb.Append("classified AS (\n");
            sb.Append("  SELECT r.*,\n");
            sb.Append("    CASE\n");
            sb.Append("      WHEN r.customer_id IS NULL THEN 1\n");
            sb.Append("      WHEN r.day > ").Append(asOf).Append(" THEN 2\n");
            if (_options.CancelledOrderPrefix is not null)
            {
                sb.Append("      WHEN r.order_id IS NOT NULL AND ")
                    .Append(SqlText.StartsWith(d, "r.order_id", SqlText.Parameter(d, "cancelled_prefix"), SqlText.Parameter(d, "cancelled_prefix_length")))
                    .Append(" THEN 3\n");
            }

            sb.Append("      WHEN ").Append(byAmount ? "r.amount <= 0" : "r.quantity <= 0 OR r.unit_price <= 0").Append(" THEN 4\n");
            sb.Append("      ELSE 0\n");
            sb.Append("    END AS status\n");
            sb.Append("  FROM raw r\n");
            sb.Append(')');
            if (_options.Duplicates == RfmDuplicatePolicy.Remove)
            {
                string key = (byAmount ? "r.customer_id, r.ts, r.amount, r.order_id" : "r.customer_id, r.ts, r.quantity, r.unit_price, r.order_id")
                    + string.Concat(Enumerable.Range(0, _source.LineKeyColumns.Count).Select(k => ", r.line_key_" + k.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                sb.Append(",\nlines AS (\n");
                sb.Append("  SELECT r.customer_id, r.ts, r.day, r.amount, r.quantity, r.unit_price, r.order_id,\n");
                sb.Append("    CASE WHEN r.status = 0 AND ROW_NUMBER() OVER (PARTITION BY r.status, ").Append(key)
                    .Append(" ORDER BY r.ts) > 1 THEN 5 ELSE r.status END AS status\n");
                sb.Append("  FROM classified r\n");
                sb.Append(")\n");
            }
            else
            {
                sb.Append(",\nlines AS (SELECT * FROM classified)\n");
            }
        }
    }
}
