using System;
using System.Collections.Generic;
using System.Globalization;
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
        var sb = new StringBuilder();
        q.AppendLines(sb);
        q.AppendFeatures(sb);
        // The id number is a column, not a window in the ORDER BY: Spark SQL allows window functions only in the select list.
        sb.Append(",\nnumbered AS (\n  SELECT f.*, ").Append(IdNumber(dialect, "f.customer_id")).Append(" AS id_number\n  FROM features f\n)\n");
        sb.Append("SELECT n.customer_id, n.recency_days, n.frequency, n.monetary, n.total_amount, n.first_purchase, n.last_purchase, n.tenure_days\n");
        sb.Append("FROM numbered n");
        return new SqlStatement(dialect, sb.ToString(), "n.id_number, " + TextOrder(dialect, "n.customer_id"), q.Parameters);
    }

    /// <summary>
    /// One row per customer with its features and scores, as <see cref="RfmScorer"/> scores the
    /// features of <see cref="Features"/>: <c>customer_id</c>, <c>recency_days</c>, <c>frequency</c>,
    /// <c>monetary</c>, <c>r</c>, <c>f</c>, <c>m</c>, <c>cell</c> and, with a segment table,
    /// <c>segment</c>; in the library's id order.
    /// </summary>
    /// <remarks>
    /// Per dimension, with m customers and n scores: the rank method is <c>NTILE(n)</c> over (value, id
    /// order); the pandas-style placement (<see cref="RfmRankBinning.QcutOfRank"/>) puts rank k in bin
    /// ⌈(k − 1)·n ∕ (m − 1)⌉ (at least 1); value breakpoints compare each value with the order
    /// statistics x_⌊(m−1)·j∕n⌋, j = 1 … n − 1 (the exact form of the type-7 edges, as the library
    /// does); fixed thresholds are parameters. Bins count up with the value; R is n + 1 − bin.
    /// </remarks>
    /// <param name="source">The table and columns.</param>
    /// <param name="options">The as-of date and the line policies.</param>
    /// <param name="scoring">The scores per dimension.</param>
    /// <param name="segments">The segment rules, or null for no segment column.</param>
    /// <param name="dialect">The SQL dialect.</param>
    /// <returns>The statement and its parameters (those of <see cref="Features"/>, fixed thresholds <c>r_t1</c> …, segment names <c>segment_0</c> … and <c>segment_fallback</c>).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="source"/>, <paramref name="options"/> or <paramref name="scoring"/> is null.</exception>
    /// <exception cref="ArgumentException">As for <see cref="Features"/>, or the segment table is for another number of scores.</exception>
    public static SqlStatement Scores(RfmSqlSource source, RfmTransactionOptions options, RfmScoringOptions scoring, RfmSegmentTable? segments, SqlDialect dialect)
    {
        var q = new Query(source, options, dialect);
        Guard.NotNull(scoring, nameof(scoring));
        int n = scoring.ScoreCount;
        if (segments is not null && segments.ScoreCount != n)
        {
            throw new ArgumentException($"The segment table is written for {segments.ScoreCount} scores per dimension, the scoring has {n}.", nameof(segments));
        }

        var parameters = new List<SqlParameter>(q.Parameters);
        var dims = new[]
        {
            new Dimension("r", "recency_days", scoring.Recency),
            new Dimension("f", "frequency", scoring.Frequency),
            new Dimension("m", "monetary", scoring.Monetary),
        };
        // The id order is computed once, as an integer rank: the windows then break ties by comparing integers.
        string idOrder = "o.id_rank";
        var sb = new StringBuilder();
        q.AppendLines(sb);
        q.AppendFeatures(sb, scoresOnly: true);
        // The customer count only where a method needs it, and no id number after the id rank: the
        // three windows that follow sort whole rows, so every column left out makes them cheaper.
        bool counted = dims.Any(d => d.Scoring.Method == RfmScoringMethod.ValueBreakpoints
            || (d.Scoring.Method == RfmScoringMethod.RankEqualCount && d.Scoring.RankBinning != RfmRankBinning.Ntile));
        string count = counted ? ", COUNT(*) OVER () AS m_count" : string.Empty;
        sb.Append(",\nnumbered AS (\n  SELECT f.*, ").Append(IdNumber(dialect, "f.customer_id")).Append(" AS id_number").Append(count).Append("\n  FROM features f\n)");
        sb.Append(",\nordered AS (\n  SELECT n.customer_id, n.recency_days, n.frequency, n.monetary").Append(counted ? ", n.m_count" : string.Empty)
            .Append(",\n    ROW_NUMBER() OVER (ORDER BY n.id_number, ").Append(TextOrder(dialect, "n.customer_id")).Append(") AS id_rank\n  FROM numbered n\n)");
        sb.Append(",\nwindowed AS (\n  SELECT o.*");
        foreach (Dimension d in dims)
        {
            string v = "o." + d.Column;
            switch (d.Scoring.Method)
            {
                case RfmScoringMethod.RankEqualCount when d.Scoring.RankBinning == RfmRankBinning.Ntile:
                    sb.Append(",\n    NTILE(").Append(n.ToString(CultureInfo.InvariantCulture)).Append(") OVER (ORDER BY ").Append(v).Append(", ").Append(idOrder).Append(") AS bin_").Append(d.Name);
                    break;
                case RfmScoringMethod.RankEqualCount:
                    sb.Append(",\n    ROW_NUMBER() OVER (ORDER BY ").Append(v).Append(", ").Append(idOrder).Append(") AS k_").Append(d.Name);
                    break;
                case RfmScoringMethod.ValueBreakpoints:
                    sb.Append(",\n    ROW_NUMBER() OVER (ORDER BY ").Append(v).Append(") AS k_").Append(d.Name);
                    break;
                default:
                    break;
            }
        }

        sb.Append("\n  FROM ordered o\n)");
        bool edges = dims.Any(d => d.Scoring.Method == RfmScoringMethod.ValueBreakpoints);
        if (edges)
        {
            sb.Append(",\nedges AS (\n  SELECT MAX(1) AS one");
        }

        foreach (Dimension d in dims.Where(d => d.Scoring.Method == RfmScoringMethod.ValueBreakpoints))
        {
            for (int j = 1; j < n; j++)
            {
                string index = IntDiv(dialect, "(w.m_count - 1) * " + j.ToString(CultureInfo.InvariantCulture), n.ToString(CultureInfo.InvariantCulture)) + " + 1";
                sb.Append(",\n    MAX(CASE WHEN w.k_").Append(d.Name).Append(" = ").Append(index).Append(" THEN w.").Append(d.Column).Append(" END) AS e_").Append(d.Name).Append('_').Append(j.ToString(CultureInfo.InvariantCulture));
            }
        }

        if (edges)
        {
            sb.Append("\n  FROM windowed w\n)");
        }

        sb.Append(",\nbinned AS (\n  SELECT w.*");
        foreach (Dimension d in dims)
        {
            sb.Append(",\n    ").Append(Bin(dialect, d, n, parameters)).Append(" AS b_").Append(d.Name);
        }

        sb.Append(edges ? "\n  FROM windowed w CROSS JOIN edges e\n)" : "\n  FROM windowed w\n)");
        sb.Append(",\nscored AS (\n  SELECT b.customer_id, b.recency_days, b.frequency, b.monetary, b.id_rank, ")
            .Append(n + 1).Append(" - b.b_r AS r, b.b_f AS f, b.b_m AS m\n  FROM binned b\n)\n");
        string R = SqlText.AsText(dialect, "s.r"), F = SqlText.AsText(dialect, "s.f"), M = SqlText.AsText(dialect, "s.m");
        sb.Append("SELECT s.customer_id, s.recency_days, s.frequency, s.monetary, s.r, s.f, s.m,\n");
        sb.Append("  CASE WHEN s.r <= 9 AND s.f <= 9 AND s.m <= 9 THEN CONCAT(").Append(R).Append(", ").Append(F).Append(", ").Append(M)
            .Append(") ELSE CONCAT(").Append(R).Append(", '-', ").Append(F).Append(", '-', ").Append(M).Append(") END AS cell");
        if (segments is not null)
        {
            sb.Append(",\n  CASE");
            for (int i = 0; i < segments.Rules.Count; i++)
            {
                RfmSegmentRule rule = segments.Rules[i];
                string name = "segment_" + i.ToString(CultureInfo.InvariantCulture);
                parameters.Add(new SqlParameter(name, rule.Name));
                sb.Append("\n    WHEN ").Append(Between("s.r", rule.RecencyLow, rule.RecencyHigh)).Append(" AND ").Append(Between("s.f", rule.FrequencyLow, rule.FrequencyHigh))
                    .Append(" AND ").Append(Between("s.m", rule.MonetaryLow, rule.MonetaryHigh)).Append(" THEN ").Append(SqlText.Parameter(dialect, name));
            }

            parameters.Add(new SqlParameter("segment_fallback", segments.FallbackSegment));
            sb.Append("\n    ELSE ").Append(SqlText.Parameter(dialect, "segment_fallback")).Append(" END AS segment");
        }

        sb.Append("\nFROM scored s");
        return new SqlStatement(dialect, sb.ToString(), "s.id_rank", parameters);
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
        q.AppendLines(sb, withStatus: true);
        if (net)
        {
            sb.Append(",\nflagged AS (\n  SELECT l.*, MAX(CASE WHEN l.status = 0 THEN 1 ELSE 0 END) OVER (PARTITION BY l.customer_id) AS has_purchase\n  FROM lines l\n)");
        }

        sb.Append("\nSELECT\n");
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
        sb.Append("  COUNT(DISTINCT CASE WHEN l.status <> 1 THEN l.customer_id END) - COUNT(DISTINCT CASE WHEN l.status = 0 THEN l.customer_id END) AS customers_without_purchase,\n");
        // A netted line counts in the total when its customer has a purchase: a window flag, since
        // SQL Server refuses a subquery inside an aggregate.
        sb.Append("  SUM(CASE WHEN l.status = 0").Append(net ? " OR (l.status = 4 AND l.has_purchase = 1)" : string.Empty).Append(" THEN l.amount END) AS total_amount\n");
        sb.Append(net ? "FROM flagged l" : "FROM lines l");
        return new SqlStatement(dialect, sb.ToString(), null, q.Parameters);
    }

    /// <summary>The id as a number when every id of the rows is an integer, else NULL (a window over all rows).</summary>
    internal static string IdNumber(SqlDialect dialect, string id)
    {
        string isInteger = dialect switch
        {
            // Java's $ also matches before a final line break: the second test refuses any other character.
            SqlDialect.SparkSql => id + " RLIKE '^-?[0-9]+$' AND NOT " + id + " RLIKE '[^-0-9]'",
            // A binary collation, so that [0-9] is the ten ASCII digits whatever the database's collation.
            SqlDialect.TSql => "(" + id + " COLLATE Latin1_General_100_BIN2 NOT LIKE '%[^0-9]%' AND " + id + " <> '') OR (" + id + " COLLATE Latin1_General_100_BIN2 LIKE '-_%' AND SUBSTRING(" + id + ", 2, 4000) COLLATE Latin1_General_100_BIN2 NOT LIKE '%[^0-9]%')",
            _ => id + " ~ '^-?[0-9]+$'",
        };
        string number = dialect switch
        {
            SqlDialect.SparkSql => "try_cast(" + id + " AS DECIMAL(38, 0))",
            SqlDialect.TSql => "TRY_CAST(" + id + " AS decimal(38, 0))",
            _ => "CAST(" + id + " AS numeric)",
        };
        return "CASE WHEN MIN(CASE WHEN " + isInteger + " THEN 1 ELSE 0 END) OVER () = 1 THEN " + number + " END";
    }

    /// <summary>Text in ordinal (binary) order.</summary>
    internal static string TextOrder(SqlDialect dialect, string id) => dialect switch
    {
        SqlDialect.TSql => id + " COLLATE Latin1_General_100_BIN2",
        SqlDialect.PostgreSql => id + " COLLATE \"C\"",
        _ => id,
    };

    private static string IntDiv(SqlDialect dialect, string a, string b) =>
        dialect == SqlDialect.SparkSql ? "(" + a + ") DIV " + b : "(" + a + ") / " + b;

    private static string Between(string score, int low, int high) =>
        score + " BETWEEN " + low.ToString(CultureInfo.InvariantCulture) + " AND " + high.ToString(CultureInfo.InvariantCulture);

    /// <summary>The ascending bin (1 … n) of one dimension.</summary>
    private static string Bin(SqlDialect dialect, Dimension d, int n, List<SqlParameter> parameters)
    {
        string v = "w." + d.Column;
        switch (d.Scoring.Method)
        {
            case RfmScoringMethod.RankEqualCount when d.Scoring.RankBinning == RfmRankBinning.Ntile:
                return "w.bin_" + d.Name;
            case RfmScoringMethod.RankEqualCount:
                // The smallest j with k ≤ 1 + (m − 1)·j/n: ⌈(k − 1)·n / (m − 1)⌉, at least 1 (one customer: bin 1).
                string k = "w.k_" + d.Name;
                string nText = n.ToString(CultureInfo.InvariantCulture);
                return "CASE WHEN w.m_count = 1 OR " + k + " = 1 THEN 1 ELSE "
                    + IntDiv(dialect, "(" + k + " - 1) * " + nText + " + w.m_count - 2", "(w.m_count - 1)") + " END";
            case RfmScoringMethod.ValueBreakpoints:
            {
                var sb = new StringBuilder("(1");
                for (int j = 1; j < n; j++)
                {
                    sb.Append(" + CASE WHEN e.e_").Append(d.Name).Append('_').Append(j.ToString(CultureInfo.InvariantCulture)).Append(" < ").Append(v).Append(" THEN 1 ELSE 0 END");
                }

                return sb.Append(')').ToString();
            }

            default:
            {
                var sb = new StringBuilder("(1");
                for (int j = 0; j < d.Scoring.Thresholds.Count; j++)
                {
                    string name = d.Name + "_t" + (j + 1).ToString(CultureInfo.InvariantCulture);
                    parameters.Add(new SqlParameter(name, d.Scoring.Thresholds[j]));
                    sb.Append(" + CASE WHEN ").Append(SqlText.Parameter(dialect, name)).Append(" < ").Append(v).Append(" THEN 1 ELSE 0 END");
                }

                return sb.Append(')').ToString();
            }
        }
    }

    private sealed class Dimension
    {
        public Dimension(string name, string column, RfmDimensionScoring scoring)
        {
            Name = name;
            Column = column;
            Scoring = scoring;
        }

        public string Name { get; }

        public string Column { get; }

        public RfmDimensionScoring Scoring { get; }
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

        /// <summary>
        /// Appends the CTE <c>features</c>: one row per customer with a purchase line. Without
        /// duplicate removal it reads the lines of <c>raw</c> through a plain conjunction of the
        /// policies (no status column), which the planner can estimate: a filter on a <c>CASE</c>
        /// looks far more selective than it is and led PostgreSQL to a slower parallel plan.
        /// </summary>
        public void AppendFeatures(StringBuilder sb, bool scoresOnly = false)
        {
            SqlDialect dialect = _dialect;
            RfmTransactionOptions options = _options;
            string asOf = SqlText.AsDate(dialect, SqlText.Parameter(dialect, "as_of"));
            bool net = options.NonPositiveAmounts == RfmNonPositivePolicy.Net;
            string from, kept, purchase;
            if (UsesStatus)
            {
                from = "lines";
                purchase = "l.status = 0";
                kept = net ? "l.status IN (0, 4)" : purchase;
            }
            else
            {
                // Status 0 is "none of the policies 1 to 4 applies"; NULL comparisons fall through
                // the status CASE, so they keep a line here too.
                from = "raw";
                string counted = "NOT (" + NoCustomer("l") + ") AND (l.day IS NULL OR l.day <= " + asOf + ")";
                if (options.CancelledOrderPrefix is not null)
                {
                    counted += " AND NOT (" + Cancelled("l") + ")";
                }

                purchase = Positive("l");
                kept = net ? counted : counted + " AND " + purchase;
            }

            // Without netting the WHERE clause keeps only purchases, so the aggregates need no CASE.
            string OfPurchases(string expression) => net ? "CASE WHEN " + purchase + " THEN " + expression + " END" : expression;
            string frequency = "COUNT(DISTINCT " + OfPurchases(options.Frequency == RfmFrequencyBasis.DistinctOrders ? "l.order_id" : "l.day") + ")";
            string total = "SUM(l.amount)";
            string first = "MIN(" + OfPurchases("l.day") + ")";
            string last = "MAX(" + OfPurchases("l.day") + ")";
            sb.Append(",\nfeatures AS (\n");
            sb.Append("  SELECT\n");
            sb.Append("    l.customer_id AS customer_id,\n");
            sb.Append("    ").Append(SqlText.DayDifference(dialect, last, asOf)).Append(" AS recency_days,\n");
            sb.Append("    ").Append(frequency).Append(" AS frequency,\n");
            // NULLIF: a netted customer with no purchase line, or purchases without order ids, count 0 (no
            // engine promises to apply HAVING first); T-SQL and Spark SQL divide decimals to 6 places, so in double there.
            sb.Append("    ").Append(options.Monetary == RfmMonetaryBasis.Sum ? total : SqlText.Quotient(dialect, total, "NULLIF(" + frequency + ", 0)")).Append(" AS monetary");
            if (!scoresOnly)
            {
                // Scoring needs only R, F and M: narrower rows sort faster in the windows that follow.
                sb.Append(",\n    ").Append(total).Append(" AS total_amount,\n");
                sb.Append("    ").Append(first).Append(" AS first_purchase,\n");
                sb.Append("    ").Append(last).Append(" AS last_purchase,\n");
                sb.Append("    ").Append(SqlText.DayDifference(dialect, first, asOf)).Append(" AS tenure_days");
            }

            sb.Append('\n');
            sb.Append("  FROM ").Append(from).Append(" l\n");
            sb.Append("  WHERE ").Append(kept).Append('\n');
            sb.Append("  GROUP BY l.customer_id\n");
            if (net)
            {
                sb.Append("  HAVING COUNT(CASE WHEN ").Append(purchase).Append(" THEN 1 END) > 0\n");
            }

            sb.Append(')');
        }

        /// <summary>Whether the lines need a status column: for the line report, and to number repeated lines.</summary>
        private bool UsesStatus => _options.Duplicates == RfmDuplicatePolicy.Remove;

        /// <summary>Policy 1: no customer (NULL, or text that is empty or only spaces).</summary>
        private string NoCustomer(string alias)
        {
            string id = alias + ".customer_id";
            return _dialect switch
            {
                SqlDialect.TSql => id + " IS NULL OR LTRIM(RTRIM(" + id + ")) = ''",
                // Only text below '!' in byte order can be spaces alone: the common id skips the TRIM.
                SqlDialect.PostgreSql => id + " IS NULL OR (" + id + " COLLATE \"C\" < '!' AND TRIM(" + id + ") = '')",
                _ => id + " IS NULL OR TRIM(" + id + ") = ''",
            };
        }

        /// <summary>Policy 3: the order id starts with the cancelled prefix.</summary>
        private string Cancelled(string alias) =>
            alias + ".order_id IS NOT NULL AND "
            + SqlText.StartsWith(_dialect, alias + ".order_id", SqlText.Parameter(_dialect, "cancelled_prefix"), SqlText.Parameter(_dialect, "cancelled_prefix_length"));

        /// <summary>Not policy 4: the amount is not ≤ 0 (nor the quantity or the unit price); NULL falls through the status CASE, so it counts as positive.</summary>
        private string Positive(string alias) => _source.AmountColumn is not null
            ? "(" + alias + ".amount IS NULL OR " + alias + ".amount > 0)"
            : "(" + alias + ".quantity IS NULL OR " + alias + ".quantity > 0) AND (" + alias + ".unit_price IS NULL OR " + alias + ".unit_price > 0)";

        /// <summary>
        /// Appends the CTE <c>raw</c> (the lines with the columns renamed) and, with
        /// <paramref name="withStatus"/> or duplicate removal, <c>classified</c> and <c>lines</c>
        /// (each line with its status).
        /// </summary>
        public void AppendLines(StringBuilder sb, bool withStatus = false)
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

            sb.Append("WITH raw AS (\n");
            sb.Append("  SELECT\n");
            sb.Append("    ").Append(customer).Append(" AS customer_id,\n");
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
            sb.Append(')');
            if (!withStatus && !UsesStatus)
            {
                return;
            }

            sb.Append(",\nclassified AS (\n");
            sb.Append("  SELECT r.*,\n");
            sb.Append("    CASE\n");
            sb.Append("      WHEN ").Append(NoCustomer("r")).Append(" THEN 1\n");
            sb.Append("      WHEN r.day > ").Append(asOf).Append(" THEN 2\n");
            if (_options.CancelledOrderPrefix is not null)
            {
                sb.Append("      WHEN ").Append(Cancelled("r")).Append(" THEN 3\n");
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
                sb.Append(')');
            }
            else
            {
                sb.Append(",\nlines AS (SELECT * FROM classified)");
            }
        }
    }
}
