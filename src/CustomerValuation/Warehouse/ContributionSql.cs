using System;
using System.Text;
using CustomerValuation.Contribution;
using CustomerValuation.Internal;

namespace CustomerValuation.Warehouse;

/// <summary>
/// SQL that computes <see cref="ContributionAnalyzer"/>'s figures per (group, item) where the data
/// is: gross margin, margin rate, turnover, cross ratio (or GMROI), sales share, contribution ratio,
/// contribution share, gross margin share, rank in the group and the flags (docs/contribution.md).
/// </summary>
/// <remarks>
/// Rows with the same (group, item) are summed first (a query cannot stop on a repeated pair as the
/// library does). The figures follow docs/contribution.md: rate = m ÷ s (s &gt; 0), turnover = s ÷ v
/// (v &gt; 0), cross ratio = m ÷ v when both are defined, sales share = s ÷ S, contribution ratio =
/// cross ratio × sales share, contribution share = cross·s ÷ Σ cross·s of the group's rows that have
/// one (when S &gt; 0 and that sum &gt; 0), gross margin share = m ÷ Σ m (when Σ m &gt; 0); undefined
/// figures are NULL. The rank in the group is by contribution ratio, highest first, equal ratios and
/// the rows without one (last) by item in binary order; for the rank the ratio is computed in double,
/// as the library does, so that exactly the ratios equal in double tie. The flags are one 0/1 column each.
/// The SQL computes exactly (<c>numeric</c>) where the library computes in double; the figures agree
/// to about 15 significant digits.
/// </remarks>
public static class ContributionSql
{
    /// <summary>
    /// One row per (group, item): <c>group_key</c>, <c>item</c>, <c>sales</c>, <c>cost_of_goods</c>,
    /// <c>average_inventory</c>, <c>gross_margin</c>, <c>gross_margin_rate</c>, <c>turnover</c>,
    /// <c>cross_ratio</c>, <c>sales_share</c>, <c>contribution_ratio</c>, <c>contribution_share</c>,
    /// <c>gross_margin_share</c>, <c>rank_in_group</c> and the flags <c>no_sales</c>,
    /// <c>no_inventory</c>, <c>negative_margin</c>, <c>no_group_sales</c>,
    /// <c>no_group_contribution</c>, <c>no_group_margin</c>; ordered by group, then rank.
    /// </summary>
    /// <param name="table">The table: <c>table</c>, <c>schema.table</c> or <c>catalog.schema.table</c>.</param>
    /// <param name="groupColumn">The group column (compared as text).</param>
    /// <param name="itemColumn">The item column (compared as text).</param>
    /// <param name="salesColumn">The sales column (0 or more).</param>
    /// <param name="costColumn">The cost of goods column (0 or more).</param>
    /// <param name="inventoryColumn">The average inventory column (0 or more; NULL is a missing inventory).</param>
    /// <param name="dialect">The SQL dialect.</param>
    /// <returns>The statement (it has no parameters).</returns>
    /// <exception cref="ArgumentNullException">A name is null.</exception>
    /// <exception cref="ArgumentException">A name breaks the identifier grammar, or <paramref name="dialect"/> is not defined.</exception>
    public static SqlStatement Rows(string table, string groupColumn, string itemColumn, string salesColumn, string costColumn, string inventoryColumn, SqlDialect dialect)
    {
        Guard.NotNull(table, nameof(table));
        Guard.NotNull(groupColumn, nameof(groupColumn));
        Guard.NotNull(itemColumn, nameof(itemColumn));
        Guard.NotNull(salesColumn, nameof(salesColumn));
        Guard.NotNull(costColumn, nameof(costColumn));
        Guard.NotNull(inventoryColumn, nameof(inventoryColumn));
        if (dialect is < SqlDialect.PostgreSql or > SqlDialect.TSql)
        {
            throw new ArgumentException($"{dialect} is not a defined SqlDialect.", nameof(dialect));
        }

        string source = SqlText.QualifiedName(dialect, table, nameof(table));
        string Column(string name, string argument) => "t." + SqlText.Identifier(dialect, name, argument);
        string group = SqlText.AsText(dialect, Column(groupColumn, nameof(groupColumn)));
        string item = SqlText.AsText(dialect, Column(itemColumn, nameof(itemColumn)));
        string itemOrder = RfmSql.TextOrder(dialect, "f.item");

        string D(string x) => SqlText.AsDouble(dialect, x);

        // Spark SQL types a DECIMAL quotient or product by the declared precisions, and once they pass 38
        // digits keeps as few as 6 fraction digits (a SUM adds 10 to the precision): a sales share or a
        // contribution ratio of 0.0001 would keep one significant digit. There the quotients are
        // computed in DOUBLE, as the library computes them; the other dialects divide exactly.
        bool inDouble = dialect == SqlDialect.SparkSql;
        string Quotient(string a, string b) => inDouble ? D(a) + " / " + D(b) : a + " / " + b;

        var sb = new StringBuilder();
        sb.Append("WITH r AS (\n  SELECT ").Append(group).Append(" AS group_key, ").Append(item).Append(" AS item,\n");
        sb.Append("    SUM(").Append(Column(salesColumn, nameof(salesColumn))).Append(") AS sales,\n");
        sb.Append("    SUM(").Append(Column(costColumn, nameof(costColumn))).Append(") AS cost_of_goods,\n");
        sb.Append("    SUM(").Append(Column(inventoryColumn, nameof(inventoryColumn))).Append(") AS average_inventory\n");
        sb.Append("  FROM ").Append(source).Append(" t\n  GROUP BY ").Append(group).Append(", ").Append(item).Append("\n),\n");
        sb.Append("f AS (\n  SELECT r.*, r.sales - r.cost_of_goods AS gross_margin,\n");
        sb.Append("    CASE WHEN r.sales > 0 THEN ").Append(Quotient("(r.sales - r.cost_of_goods)", "r.sales")).Append(" END AS gross_margin_rate,\n");
        sb.Append("    CASE WHEN r.average_inventory > 0 THEN ").Append(Quotient("r.sales", "r.average_inventory")).Append(" END AS turnover,\n");
        sb.Append("    CASE WHEN r.sales > 0 AND r.average_inventory > 0 THEN ").Append(Quotient("(r.sales - r.cost_of_goods)", "r.average_inventory")).Append(" END AS cross_ratio,\n");
        sb.Append("    SUM(r.sales) OVER (PARTITION BY r.group_key) AS group_sales,\n");
        sb.Append("    SUM(r.sales - r.cost_of_goods) OVER (PARTITION BY r.group_key) AS group_margin,\n");
        sb.Append("    SUM(CASE WHEN r.sales > 0 AND r.average_inventory > 0 THEN ").Append(Quotient("(r.sales - r.cost_of_goods)", "r.average_inventory")).Append(" * r.sales END) OVER (PARTITION BY r.group_key) AS group_weighted\n");
        sb.Append("  FROM r\n),\n");
        // The rank compares contribution ratios as the library computes them, in double: (s − c) ÷ v ×
        // (s ÷ S), so that ratios equal in double (and only those) tie and go by item.
        sb.Append("g AS (\n  SELECT f.*,\n");
        sb.Append("    CASE WHEN f.group_sales > 0 THEN ").Append(Quotient("f.sales", "f.group_sales")).Append(" END AS sales_share,\n");
        sb.Append("    CASE WHEN f.cross_ratio IS NOT NULL AND f.group_sales > 0 THEN (").Append(D("f.sales")).Append(" - ").Append(D("f.cost_of_goods")).Append(") / ").Append(D("f.average_inventory"))
            .Append(" * (").Append(D("f.sales")).Append(" / ").Append(D("f.group_sales")).Append(") END AS rank_key\n");
        sb.Append("  FROM f\n)\n");
        sb.Append("SELECT f.group_key, f.item, f.sales, f.cost_of_goods, f.average_inventory, f.gross_margin, f.gross_margin_rate, f.turnover, f.cross_ratio, f.sales_share,\n");
        sb.Append("  f.cross_ratio * f.sales_share AS contribution_ratio,\n");
        sb.Append("  CASE WHEN f.group_sales > 0 AND f.group_weighted > 0 THEN f.cross_ratio * f.sales / f.group_weighted END AS contribution_share,\n");
        sb.Append("  CASE WHEN f.group_margin > 0 THEN ").Append(Quotient("f.gross_margin", "f.group_margin")).Append(" END AS gross_margin_share,\n");
        sb.Append("  ROW_NUMBER() OVER (PARTITION BY f.group_key ORDER BY CASE WHEN f.rank_key IS NULL THEN 1 ELSE 0 END, f.rank_key DESC, ")
            .Append(itemOrder).Append(") AS rank_in_group,\n");
        sb.Append("  CASE WHEN f.sales = 0 THEN 1 ELSE 0 END AS no_sales,\n");
        sb.Append("  CASE WHEN f.average_inventory IS NULL OR f.average_inventory = 0 THEN 1 ELSE 0 END AS no_inventory,\n");
        sb.Append("  CASE WHEN f.gross_margin < 0 THEN 1 ELSE 0 END AS negative_margin,\n");
        sb.Append("  CASE WHEN f.group_sales > 0 THEN 0 ELSE 1 END AS no_group_sales,\n");
        sb.Append("  CASE WHEN f.group_sales > 0 AND f.group_weighted > 0 THEN 0 ELSE 1 END AS no_group_contribution,\n");
        sb.Append("  CASE WHEN f.group_margin > 0 THEN 0 ELSE 1 END AS no_group_margin\n");
        sb.Append("FROM g f\n");
        sb.Append("ORDER BY ").Append(RfmSql.TextOrder(dialect, "f.group_key")).Append(", rank_in_group");
        return new SqlStatement(dialect, sb.ToString(), []);
    }
}
