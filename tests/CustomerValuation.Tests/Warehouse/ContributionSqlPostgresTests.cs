using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CustomerValuation.Contribution;
using CustomerValuation.Warehouse;
using Npgsql;
using Xunit;
using Xunit.Abstractions;

namespace CustomerValuation.Tests.Warehouse;

/// <summary>
/// The generated contribution SQL on a real PostgreSQL gives <see cref="ContributionAnalyzer"/>'s
/// figures, ranks and flags for every (group, item) of a table derived from Online Retail (country ×
/// stock code; cost, and an inventory that is sometimes missing or 0, derived by fixed rules), read
/// back and analysed in memory. Figures to 1e-9 relative (numeric against double).
/// </summary>
[Collection(PostgresTestGroup.Name)]
public sealed class ContributionSqlPostgresTests(RfmSqlData data, ITestOutputHelper output) : IClassFixture<RfmSqlData>
{
    [PostgresFact(WarehouseData.OnlineRetail)]
    public void OnlineRetailByCountryAndProduct_FiguresRanksAndFlags_EqualInMemory()
    {
        _ = data.OnlineRetail; // loads rfm_online_retail.transactions
        using NpgsqlConnection connection = PostgresServer.Open();
        TransactionTable.Execute(connection, """
            DROP TABLE IF EXISTS rfm_online_retail.contribution;
            CREATE TABLE rfm_online_retail.contribution AS
            SELECT country AS grp, stock_code AS item, sales,
                   ROUND(sales * (0.40 + (abs(hashtext(item_key)) % 80) / 100.0), 2) AS cost,
                   CASE WHEN abs(hashtext(item_key)) % 11 = 0 THEN NULL
                        WHEN abs(hashtext(item_key)) % 11 = 1 THEN 0
                        ELSE ROUND(sales / (1 + abs(hashtext(item_key)) % 9), 2) END AS inventory
            FROM (SELECT country, stock_code, country || '/' || stock_code AS item_key,
                         SUM(CASE WHEN amount > 0 THEN amount ELSE 0 END) AS sales
                  FROM rfm_online_retail.transactions GROUP BY country, stock_code) x;
            """);
        var rows = new List<(string Group, string Item, double Sales, double Cost, double? Inventory)>();
        using (var read = new NpgsqlCommand("SELECT grp, item, sales, cost, inventory FROM rfm_online_retail.contribution", connection))
        using (NpgsqlDataReader r = read.ExecuteReader())
        {
            while (r.Read())
            {
                rows.Add((r.GetString(0), r.GetString(1), (double)r.GetDecimal(2), (double)r.GetDecimal(3), r.IsDBNull(4) ? null : (double)r.GetDecimal(4)));
            }
        }

        ContributionResult<string, string> expected = ContributionAnalyzer.Analyze(rows, x => x.Group, x => x.Item, x => x.Sales, x => x.Cost, x => x.Inventory, InventoryBasis.SellingPrice);
        var byKey = expected.ToDictionary(x => (x.Group, x.Item));
        SqlStatement statement = ContributionSql.Rows("rfm_online_retail.contribution", "grp", "item", "sales", "cost", "inventory", SqlDialect.PostgreSql);
        // numeric results can hold more digits than a decimal: the test reads them through float8.
        string[] figures = ["gross_margin", "gross_margin_rate", "turnover", "cross_ratio", "sales_share", "contribution_ratio", "contribution_share", "gross_margin_share"];
        string query = "SELECT q.group_key, q.item, " + string.Join(", ", figures.Select(c => $"CAST(q.{c} AS float8) AS {c}"))
            + ", q.rank_in_group, q.no_sales, q.no_inventory, q.negative_margin, q.no_group_sales, q.no_group_contribution, q.no_group_margin FROM (" + statement.Text + ") q";
        using var command = new NpgsqlCommand(query, connection) { CommandTimeout = 600 };
        using NpgsqlDataReader row = command.ExecuteReader();
        int n = 0, differ = 0, nearTies = 0;

        // Two ratios a few ulps apart (the library's compensated group sum against the exact one cast
        // to double) may swap places; only such near ties may rank differently.
        bool NearTie(ContributionItem<string, string> e) =>
            e.Figures.ContributionRatio is { } ratio
            && expected.Any(o => o.Group == e.Group && o.Item != e.Item && o.Figures.ContributionRatio is { } other
                && Math.Abs(other - ratio) <= 1e-12 * Math.Abs(ratio) && Math.Abs(o.RankInGroup - e.RankInGroup) == 1);
        string? first = null;
        bool Near(double? e, string column)
        {
            int at = row.GetOrdinal(column);
            return row.IsDBNull(at) ? e is null : e is { } x && Math.Abs(x - row.GetDouble(at)) <= 1e-9 * Math.Max(1, Math.Abs(x));
        }

        while (row.Read())
        {
            ContributionItem<string, string> e = byKey[(row.GetString(0), row.GetString(1))];
            ContributionRow f = e.Figures;
            ContributionIssues flags =
                (Convert.ToInt32(row["no_sales"], CultureInfo.InvariantCulture) == 1 ? ContributionIssues.NoSales : 0)
                | (Convert.ToInt32(row["no_inventory"], CultureInfo.InvariantCulture) == 1 ? ContributionIssues.NoInventory : 0)
                | (Convert.ToInt32(row["negative_margin"], CultureInfo.InvariantCulture) == 1 ? ContributionIssues.NegativeMargin : 0)
                | (Convert.ToInt32(row["no_group_sales"], CultureInfo.InvariantCulture) == 1 ? ContributionIssues.NoGroupSales : 0)
                | (Convert.ToInt32(row["no_group_contribution"], CultureInfo.InvariantCulture) == 1 ? ContributionIssues.NoGroupContribution : 0)
                | (Convert.ToInt32(row["no_group_margin"], CultureInfo.InvariantCulture) == 1 ? ContributionIssues.NoGroupMargin : 0);
            int sqlRank = Convert.ToInt32(row["rank_in_group"], CultureInfo.InvariantCulture);
            bool rankOk = e.RankInGroup == sqlRank || NearTie(e);
            bool same = Near(f.GrossMargin, "gross_margin") && Near(f.GrossMarginRate, "gross_margin_rate") && Near(f.Turnover, "turnover")
                && Near(f.CrossRatio, "cross_ratio") && Near(f.SalesShare, "sales_share") && Near(f.ContributionRatio, "contribution_ratio")
                && Near(f.ContributionShare, "contribution_share") && Near(f.GrossMarginShare, "gross_margin_share")
                && rankOk && flags == f.Flags;
            nearTies += e.RankInGroup == sqlRank ? 0 : 1;
            if (!same)
            {
                differ++;
                first ??= $"{e.Group}/{e.Item}: rank SQL {row["rank_in_group"]} vs {e.RankInGroup}, flags {flags} vs {f.Flags}, ratio {(row.IsDBNull(row.GetOrdinal("contribution_ratio")) ? "null" : row.GetDouble(row.GetOrdinal("contribution_ratio")).ToString("R", CultureInfo.InvariantCulture))} vs {f.ContributionRatio}; share {(row.IsDBNull(row.GetOrdinal("contribution_share")) ? "null" : row.GetDouble(row.GetOrdinal("contribution_share")).ToString("R", CultureInfo.InvariantCulture))} vs {f.ContributionShare}";
            }

            n++;
        }

        output.WriteLine($"{n:N0} (country, product) rows, {differ} differ, {nearTies} near ties ranked the other way; flagged: {expected.Count(x => x.Figures.Flags != ContributionIssues.None):N0}");
        Assert.Equal(expected.Count, n);
        Assert.True(differ == 0, $"{differ} rows differ; first {first}");
    }
}
