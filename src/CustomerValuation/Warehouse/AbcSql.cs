using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using CustomerValuation.Abc;
using CustomerValuation.Internal;

namespace CustomerValuation.Warehouse;

/// <summary>
/// SQL that computes the ABC classes of <see cref="AbcClassifier"/> where the values are: one row
/// per customer with its class, rank, value, share and cumulative share (docs/warehouse.md).
/// </summary>
/// <remarks>
/// A customer's value is the sum of its rows' values (so a table of transaction lines can be given
/// directly). Customers with a positive value are ranked by value, largest first, equal values by id
/// in binary (ordinal) order, as the keyed <see cref="AbcClassifier.Analyze{T, TId}(IEnumerable{T}, Func{T, TId}, Func{T, decimal}, AbcOptions?, IComparer{TId}?)"/>
/// ranks them with <see cref="StringComparer.Ordinal"/>; zero and negative values get the
/// non-positive class and the ranks after the positive ones. The class of rank i follows the boundary rule with the library's
/// tolerance of 10⁻¹² of the total weight W (value: the positive total; count: the number of
/// positive customers): <see cref="AbcBoundaryRule.JoinUpperClass"/> counts the breakpoints with
/// b·W − 10⁻¹²·W ≤ S(i−1), <see cref="AbcBoundaryRule.JoinLowerClass"/> those with S(i) &gt; b·W + 10⁻¹²·W.
/// The SQL sums exactly (numeric) where the library sums doubles with compensation; the two can
/// differ only for a running share within about 10⁻¹⁶ of a breakpoint ± the tolerance.
/// </remarks>
public static class AbcSql
{
    /// <summary>One row per customer: <c>customer_id</c> (text), <c>class</c>, <c>class_index</c>, <c>rank</c>, <c>value</c>, <c>share</c>, <c>cumulative_share</c>, in rank order (the non-positive customers last, share 0 and the last positive customer's cumulative share, as in the library).</summary>
    /// <param name="table">The table: <c>table</c>, <c>schema.table</c> or <c>catalog.schema.table</c>.</param>
    /// <param name="idColumn">The customer id column (any type, compared as text; NULL ids are left out).</param>
    /// <param name="valueColumn">The value column (a numeric type).</param>
    /// <param name="options">Breakpoints, basis, boundary rule and labels, as for <see cref="AbcClassifier"/>.</param>
    /// <param name="dialect">The SQL dialect.</param>
    /// <returns>The statement and its parameters: <c>breakpoint_1</c> …, <c>label_0</c> …, <c>label_non_positive</c>.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">A name breaks the identifier grammar, or <paramref name="dialect"/> is not defined.</exception>
    public static SqlStatement Classes(string table, string idColumn, string valueColumn, AbcOptions options, SqlDialect dialect)
    {
        Guard.NotNull(table, nameof(table));
        Guard.NotNull(idColumn, nameof(idColumn));
        Guard.NotNull(valueColumn, nameof(valueColumn));
        Guard.NotNull(options, nameof(options));
        if (dialect is < SqlDialect.PostgreSql or > SqlDialect.TSql)
        {
            throw new ArgumentException($"{dialect} is not a defined SqlDialect.", nameof(dialect));
        }

        string source = SqlText.QualifiedName(dialect, table, nameof(table));
        string id = SqlText.AsText(dialect, "t." + SqlText.Identifier(dialect, idColumn, nameof(idColumn)));
        string value = "t." + SqlText.Identifier(dialect, valueColumn, nameof(valueColumn));
        var parameters = new List<SqlParameter>();
        bool byValue = options.Basis == AbcBasis.ValueShare;
        // Positive values first, by value descending, equal values by id; then the non-positive ones the same way.
        string order = "CASE WHEN v.value > 0 THEN 0 ELSE 1 END, v.value DESC, " + RfmSql.TextOrder(dialect, "v.customer_id");
        string positive = "CASE WHEN v.value > 0 THEN v.value END";

        var sb = new StringBuilder();
        sb.Append("WITH v AS (\n  SELECT ").Append(id).Append(" AS customer_id, SUM(").Append(value).Append(") AS value\n  FROM ").Append(source).Append(" t\n  WHERE ")
            .Append(id).Append(" IS NOT NULL\n  GROUP BY ").Append(id).Append("\n),\n");
        sb.Append("ranked AS (\n  SELECT v.customer_id, v.value,\n");
        sb.Append("    ROW_NUMBER() OVER (ORDER BY ").Append(order).Append(") AS rank_no,\n");
        sb.Append("    SUM(").Append(positive).Append(") OVER (ORDER BY ").Append(order).Append(" ROWS UNBOUNDED PRECEDING) AS running,\n");
        sb.Append("    SUM(").Append(positive).Append(") OVER () AS total,\n");
        sb.Append("    COUNT(").Append(positive).Append(") OVER () AS positives\n");
        sb.Append("  FROM v\n),\n");
        string weight = byValue ? "r.total" : "r.positives";
        string before = byValue ? "(r.running - r.value)" : "(r.rank_no - 1)";
        string upTo = byValue ? "r.running" : "r.rank_no";
        string tolerance = SqlText.Parameter(dialect, "tolerance");
        parameters.Add(new SqlParameter("tolerance", AbcClassifier.ShareTolerance));
        sb.Append("classed AS (\n  SELECT r.*, CASE WHEN r.value <= 0 THEN ").Append(options.NonPositiveClassIndex.ToString(CultureInfo.InvariantCulture)).Append(" ELSE 0");
        for (int k = 0; k < options.Breakpoints.Count; k++)
        {
            string name = "breakpoint_" + (k + 1).ToString(CultureInfo.InvariantCulture);
            parameters.Add(new SqlParameter(name, options.Breakpoints[k]));
            string b = SqlText.Parameter(dialect, name);
            sb.Append("\n    + CASE WHEN ");
            sb.Append(options.BoundaryRule == AbcBoundaryRule.JoinUpperClass
                ? b + " * " + weight + " - " + tolerance + " * " + weight + " <= " + before
                : upTo + " > " + b + " * " + weight + " + " + tolerance + " * " + weight);
            sb.Append(" THEN 1 ELSE 0 END");
        }

        sb.Append(" END AS class_index\n  FROM ranked r\n)\n");
        sb.Append("SELECT c.customer_id,\n  CASE c.class_index");
        for (int k = 0; k < options.Labels.Count; k++)
        {
            string name = "label_" + k.ToString(CultureInfo.InvariantCulture);
            parameters.Add(new SqlParameter(name, options.Labels[k]));
            sb.Append(" WHEN ").Append(k.ToString(CultureInfo.InvariantCulture)).Append(" THEN ").Append(SqlText.Parameter(dialect, name));
        }

        parameters.Add(new SqlParameter("label_non_positive", options.NonPositiveLabel));
        sb.Append(" ELSE ").Append(SqlText.Parameter(dialect, "label_non_positive")).Append(" END AS class,\n");
        sb.Append("  c.class_index, c.rank_no AS rank, c.value,\n");
        // Spark SQL keeps as few as 6 fraction digits in a DECIMAL quotient whose declared precision passes
        // 38 (running / total of two SUMs does): there the shares are computed in DOUBLE, as the library does.
        string Quotient(string x, string y) => dialect == SqlDialect.SparkSql
            ? SqlText.AsDouble(dialect, x) + " / " + SqlText.AsDouble(dialect, y)
            : x + " / " + y;
        sb.Append("  CASE WHEN c.value > 0 THEN ").Append(Quotient("c.value", "c.total")).Append(" ELSE 0 END AS share,\n");
        sb.Append("  CASE WHEN c.value > 0 THEN ").Append(Quotient("c.running", "c.total")).Append(" WHEN c.total IS NULL THEN 0 ELSE 1 END AS cumulative_share\n");
        sb.Append("FROM classed c\nORDER BY c.rank_no");
        return new SqlStatement(dialect, sb.ToString(), parameters);
    }
}
