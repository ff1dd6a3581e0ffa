using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CustomerValuation.Abc;
using CustomerValuation.Contribution;
using CustomerValuation.Rfm;
using CustomerValuation.Warehouse;
using Xunit;
using Xunit.Abstractions;

namespace CustomerValuation.Tests.Warehouse;

/// <summary>
/// The statements the Spark run executes, by name: the same cases as the PostgreSQL tests
/// (<see cref="RfmSqlPostgresTests"/>, <see cref="AbcSqlPostgresTests"/>,
/// <see cref="ContributionSqlPostgresTests"/>) in <see cref="SqlDialect.SparkSql"/>, on Online Retail.
/// </summary>
internal static class SparkCases
{
    /// <summary>The lines' view: a global temporary view, so the generator's two-part names are exercised.</summary>
    public const string TransactionView = "global_temp.tx";

    /// <summary>The contribution table's view (one part).</summary>
    public const string ContributionView = "mix";

    public static readonly DateTime AsOf = new(2011, 12, 10);

    public static RfmSqlSource Source =>
        RfmSqlSource.WithQuantityAndPrice(TransactionView, "customer_id", "invoice_date", "quantity", "unit_price", "invoice_no")
            .WithLineKey("stock_code", "description", "country");

    public static IEnumerable<(string Name, SqlStatement Statement)> Statements()
    {
        yield return ("load-check", new SqlStatement(SqlDialect.SparkSql, SparkFingerprint.Sql(TransactionView), null, []));
        foreach (string policy in RfmSqlPostgresTests.Policies)
        {
            RfmTransactionOptions options = RfmSqlPostgresTests.PolicyOptions(policy, AsOf);
            yield return ("rfm-features-" + policy, RfmSql.Features(Source, options, SqlDialect.SparkSql));
            yield return ("rfm-report-" + policy, RfmSql.LineReport(Source, options, SqlDialect.SparkSql));
        }

        foreach (string scoring in RfmSqlPostgresTests.Scorings)
        {
            yield return ("rfm-scores-" + scoring, RfmSql.Scores(Source, RfmSqlPostgresTests.PolicyOptions("default", AsOf), RfmSqlPostgresTests.ScoringOptions(scoring), RfmSegmentTable.Standard, SqlDialect.SparkSql));
        }

        for (int i = 0; i < AbcSqlPostgresTests.Cases.Length; i++)
        {
            yield return (AbcName(i), AbcSql.Classes(TransactionView, "customer_id", "amount", AbcSqlPostgresTests.Cases[i].Options, SqlDialect.SparkSql));
        }

        yield return ("contribution", ContributionSql.Rows(ContributionView, "grp", "item", "sales", "cost", "inventory", SqlDialect.SparkSql));
    }

    public static string AbcName(int i) => "abc-" + i.ToString(CultureInfo.InvariantCulture);
}

/// <summary>
/// The generated Spark SQL run on a real Apache Spark (local mode, one session for every statement;
/// docs/warehouse.md, "The Spark test run") gives the in-memory answers on Online Retail: every
/// customer's RFM features and the line report for three policy sets, every customer's scores,
/// cell and segment for the four scoring methods, every customer's ABC class for four option sets,
/// and the contribution figures of a table derived from Online Retail. The expected values are the
/// library's own results on the same rows. Each test collects every difference of its cases before
/// it fails, so one Spark run shows them all.
/// </summary>
[Collection(SparkTestGroup.Name)]
public sealed class SparkSqlTests(SparkRun spark, ITestOutputHelper output)
{
    [Fact]
    public void SparkStatements_DivideSharesAndRatiosInDouble_PostgreSqlExactly()
    {
        // Spark keeps as few as 6 fraction digits in a DECIMAL quotient past 38 digits of precision
        // (docs/warehouse.md, "The Spark test run"); T-SQL has the same rule, PostgreSQL divides exactly.
        string abc = AbcSql.Classes("t", "id", "v", AbcOptions.Default, SqlDialect.SparkSql).Text;
        Assert.Contains("CAST(c.running AS DOUBLE) / CAST(c.total AS DOUBLE)", abc, StringComparison.Ordinal);
        Assert.Contains("CAST(c.value AS DOUBLE) / CAST(c.total AS DOUBLE)", abc, StringComparison.Ordinal);
        string mix = ContributionSql.Rows("t", "g", "i", "s", "c", "v", SqlDialect.SparkSql).Text;
        Assert.Contains("CAST(f.sales AS DOUBLE) / CAST(f.group_sales AS DOUBLE) END AS sales_share", mix, StringComparison.Ordinal);
        Assert.Contains("CAST(f.gross_margin AS DOUBLE) / CAST(f.group_margin AS DOUBLE) END AS gross_margin_share", mix, StringComparison.Ordinal);
        Assert.Contains("CAST((r.sales - r.cost_of_goods) AS DOUBLE) / CAST(r.average_inventory AS DOUBLE) END AS cross_ratio", mix, StringComparison.Ordinal);
        foreach (SqlDialect exact in new[] { SqlDialect.PostgreSql })
        {
            Assert.Contains("c.running / c.total", AbcSql.Classes("t", "id", "v", AbcOptions.Default, exact).Text, StringComparison.Ordinal);
            string rows = ContributionSql.Rows("t", "g", "i", "s", "c", "v", exact).Text;
            Assert.Contains("f.sales / f.group_sales END AS sales_share", rows, StringComparison.Ordinal);
            Assert.Contains("(r.sales - r.cost_of_goods) / r.average_inventory END AS cross_ratio", rows, StringComparison.Ordinal);
        }
    }

    [SparkFact(WarehouseData.OnlineRetail)]
    public void OnlineRetail_View_HoldsEveryLineUnchanged()
    {
        List<TransactionLine> lines = spark.Lines;
        SparkRows rows = spark.Result("load-check");
        output.WriteLine(spark.RunReport);
        JsonRow r = new(rows, 0);
        Assert.Equal(lines.Count, r.Long("row_count"));
        Assert.Equal(lines.Sum(l => l.Amount), r.Decimal("total_amount"));
        Assert.Equal(lines.Where(l => l.CustomerId is not null).Select(l => l.CustomerId).Distinct(StringComparer.Ordinal).LongCount(), r.Long("customers"));
        Assert.Equal(lines.LongCount(l => l.CustomerId is null), r.Long("lines_without_customer"));
        Assert.Equal(lines.Sum(l => l.Quantity), r.Decimal("total_quantity"));
        Assert.Equal(0, r.Long("amount_mismatches"));
        Assert.Equal(lines.Min(l => l.InvoiceDate).ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture), r.Text("first_date")?[..19]);
        Assert.Equal(lines.Max(l => l.InvoiceDate).ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture), r.Text("last_date")?[..19]);
        Assert.Equal(SparkFingerprint.InMemory(lines), r.Decimal("fingerprint"));
        output.WriteLine($"global_temp.tx: {lines.Count:N0} lines, fingerprint of every row equal");
    }

    [SparkFact(WarehouseData.OnlineRetail)]
    public void OnlineRetail_FeaturesAndReport_EqualInMemory_ForEveryPolicy()
    {
        var problems = new List<string>();
        foreach (string policy in RfmSqlPostgresTests.Policies)
        {
            RfmTransactionOptions options = RfmSqlPostgresTests.PolicyOptions(policy, SparkCases.AsOf);
            RfmFeatureSet<string> expected = RfmSqlPostgresTests.InMemory(spark.Lines, options);
            Collect(problems, policy + " features", () => CompareFeatures(spark.Result("rfm-features-" + policy), expected, policy));
            Collect(problems, policy + " report", () => CompareReport(spark.Result("rfm-report-" + policy), expected.Report));
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [SparkFact(WarehouseData.OnlineRetail)]
    public void OnlineRetail_Scores_EqualInMemory_ForEveryMethod()
    {
        RfmFeatureSet<string> features = RfmSqlPostgresTests.InMemory(spark.Lines, RfmSqlPostgresTests.PolicyOptions("default", SparkCases.AsOf));
        var problems = new List<string>();
        foreach (string scoring in RfmSqlPostgresTests.Scorings)
        {
            RfmResult<string> expected = RfmScorer.Score(features, RfmSqlPostgresTests.ScoringOptions(scoring), RfmSegmentTable.Standard);
            Collect(problems, "scores " + scoring, () => CompareScores(spark.Result("rfm-scores-" + scoring), expected, scoring));
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [SparkFact(WarehouseData.OnlineRetail)]
    public void OnlineRetail_AbcClasses_EqualInMemory()
    {
        Dictionary<string, decimal> totals = spark.Lines.Where(l => l.CustomerId is not null)
            .GroupBy(l => l.CustomerId!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(l => l.Amount), StringComparer.Ordinal);
        var problems = new List<string>();
        for (int i = 0; i < AbcSqlPostgresTests.Cases.Length; i++)
        {
            (string name, AbcOptions options) = AbcSqlPostgresTests.Cases[i];
            AbcAnalysis<string> expected = AbcClassifier.Analyze(totals, kv => kv.Key, kv => kv.Value, options, StringComparer.Ordinal);
            int index = i;
            Collect(problems, "abc " + name, () => CompareAbc(spark.Result(SparkCases.AbcName(index)), expected, name));
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [SparkFact(WarehouseData.OnlineRetail)]
    public void OnlineRetailByCountryAndProduct_ContributionFiguresRanksAndFlags_EqualInMemory()
    {
        List<ContributionInput> input = spark.ContributionRows;
        ContributionResult<string, string> expected = ContributionAnalyzer.Analyze(
            input, x => x.Group, x => x.Item, x => (double)x.Sales, x => (double)x.Cost, x => x.Inventory is { } v ? (double)v : null, InventoryBasis.SellingPrice);
        var byKey = expected.ToDictionary(x => (x.Group, x.Item));
        SparkRows rows = spark.Result("contribution");
        string[] figures = ["gross_margin", "gross_margin_rate", "turnover", "cross_ratio", "sales_share", "contribution_ratio", "contribution_share", "gross_margin_share"];
        output.WriteLine("Spark types: " + string.Join(", ", figures.Select(c => c + " " + rows.TypeOf(c))));
        bool NearTie(ContributionItem<string, string> e) =>
            e.Figures.ContributionRatio is { } ratio
            && expected.Any(o => o.Group == e.Group && o.Item != e.Item && o.Figures.ContributionRatio is { } other
                && Math.Abs(other - ratio) <= 1e-12 * Math.Abs(ratio) && Math.Abs(o.RankInGroup - e.RankInGroup) == 1);
        int differ = 0, nearTies = 0;
        var firsts = new List<string>();
        var worst = figures.ToDictionary(c => c, _ => 0.0);
        for (int k = 0; k < rows.Rows.Count; k++)
        {
            var r = new JsonRow(rows, k);
            ContributionItem<string, string> e = byKey[(r.Text("group_key")!, r.Text("item")!)];
            ContributionRow f = e.Figures;
            double?[] want = [f.GrossMargin, f.GrossMarginRate, f.Turnover, f.CrossRatio, f.SalesShare, f.ContributionRatio, f.ContributionShare, f.GrossMarginShare];
            bool same = true;
            for (int c = 0; c < figures.Length; c++)
            {
                double? got = r.IsNull(figures[c]) ? null : r.Double(figures[c]);
                if (got is null || want[c] is null)
                {
                    same &= got is null && want[c] is null;
                    continue;
                }

                double error = Math.Abs(want[c]!.Value - got.Value) / Math.Max(1, Math.Abs(want[c]!.Value));
                worst[figures[c]] = Math.Max(worst[figures[c]], error);
                same &= error <= 1e-9;
            }

            ContributionIssues flags =
                (r.Long("no_sales") == 1 ? ContributionIssues.NoSales : 0)
                | (r.Long("no_inventory") == 1 ? ContributionIssues.NoInventory : 0)
                | (r.Long("negative_margin") == 1 ? ContributionIssues.NegativeMargin : 0)
                | (r.Long("no_group_sales") == 1 ? ContributionIssues.NoGroupSales : 0)
                | (r.Long("no_group_contribution") == 1 ? ContributionIssues.NoGroupContribution : 0)
                | (r.Long("no_group_margin") == 1 ? ContributionIssues.NoGroupMargin : 0);
            long rank = r.Long("rank_in_group");
            nearTies += rank == e.RankInGroup ? 0 : 1;
            same &= flags == f.Flags && (rank == e.RankInGroup || NearTie(e));
            if (!same)
            {
                differ++;
                if (firsts.Count < 5)
                {
                    firsts.Add($"{e.Group}/{e.Item}: rank {rank} vs {e.RankInGroup}, flags {flags} vs {f.Flags}, figures [{string.Join(", ", figures.Select(c => r.Text(c) ?? "null"))}] vs [{string.Join(", ", want.Select(x => x?.ToString("R", CultureInfo.InvariantCulture) ?? "null"))}]");
                }
            }
        }

        output.WriteLine($"{rows.Rows.Count:N0} (country, product) rows, {differ} differ, {nearTies} near ties ranked the other way; largest relative differences: {string.Join(", ", worst.Select(w => $"{w.Key} {w.Value:E1}"))}");
        Assert.Equal(expected.Count, rows.Rows.Count);
        Assert.True(differ == 0, $"{differ} rows differ; first: {string.Join("\n", firsts)}");
    }

    private void Collect(List<string> problems, string label, Action compare)
    {
        try
        {
            compare();
        }
        catch (Exception e) when (e is Xunit.Sdk.XunitException or KeyNotFoundException or FormatException or InvalidOperationException)
        {
            problems.Add(label + ": " + e.Message);
            output.WriteLine($"{label}: FAILED: {e.Message}");
        }
    }

    private void CompareFeatures(SparkRows rows, RfmFeatureSet<string> expected, string label)
    {
        bool mean = expected.Options.Monetary == RfmMonetaryBasis.MeanPerPurchase;
        // A mean is a division: Spark returns a DECIMAL rounded to the scale of its result type, so
        // it agrees to half a unit of that scale; a sum is exact.
        decimal tolerance = mean ? HalfUnit(rows.TypeOf("monetary")) : 0m;
        output.WriteLine($"{label}: {rows.Rows.Count:N0} customers; Spark types: {string.Join(", ", rows.Columns.Zip(rows.Types, (c, t) => c + " " + t))}");
        Assert.Equal(expected.Count, rows.Rows.Count);
        int differ = 0;
        string? first = null;
        decimal worst = 0;
        for (int i = 0; i < expected.Count; i++)
        {
            RfmCustomerFeatures<string> e = expected[i];
            var a = new JsonRow(rows, i);
            decimal monetary = a.Decimal("monetary");
            worst = Math.Max(worst, Math.Abs(monetary - e.Monetary));
            bool same = a.Text("customer_id") == e.Id && a.Long("recency_days") == e.RecencyDays && a.Long("frequency") == e.Frequency
                && a.Decimal("total_amount") == e.TotalAmount && Math.Abs(monetary - e.Monetary) <= tolerance + Math.Abs(e.Monetary) * 1e-15m
                && a.Date("first_purchase") == e.FirstPurchase && a.Date("last_purchase") == e.LastPurchase && a.Long("tenure_days") == e.TenureDays;
            if (!same)
            {
                differ++;
                first ??= $"customer {i}: Spark [{string.Join(", ", a.Values)}], expected {e.Id} {e.RecencyDays} {e.Frequency} {e.Monetary} {e.TotalAmount} {e.FirstPurchase:yyyy-MM-dd} {e.LastPurchase:yyyy-MM-dd} {e.TenureDays}";
            }
        }

        output.WriteLine($"  {differ} differ; largest monetary difference {worst}");
        Assert.True(differ == 0, $"{differ} of {expected.Count} customers differ; first: {first}");
    }

    private void CompareReport(SparkRows rows, RfmAggregationReport r)
    {
        var x = new JsonRow(rows, 0);
        var problems = new List<string>();
        void Check(string column, long expected)
        {
            long actual = x.Long(column);
            if (actual != expected)
            {
                problems.Add($"{column} {actual}, expected {expected}");
            }
        }

        Check("lines_read", r.LinesRead);
        Check("lines_without_customer", r.LinesWithoutCustomer);
        Check("lines_after_as_of", r.LinesAfterAsOf);
        Check("cancelled_lines", r.CancelledLines);
        Check("non_positive_lines_excluded", r.NonPositiveLinesExcluded);
        Check("non_positive_lines_netted", r.NonPositiveLinesNetted);
        Check("duplicate_lines_removed", r.DuplicateLinesRemoved);
        Check("purchase_lines", r.PurchaseLines);
        Check("purchase_lines_without_order", 0);
        Check("customers", r.Customers);
        Check("customers_without_purchase", r.CustomersWithoutPurchase);
        if (x.Decimal("total_amount") != r.TotalAmount)
        {
            problems.Add($"total_amount {x.Text("total_amount")}, expected {r.TotalAmount}");
        }

        output.WriteLine($"  report: {r.LinesRead:N0} lines, {r.PurchaseLines:N0} purchases, {r.DuplicateLinesRemoved:N0} duplicates, {r.NonPositiveLinesNetted:N0} netted: {(problems.Count == 0 ? "equal" : string.Join("; ", problems))}");
        Assert.True(problems.Count == 0, string.Join("; ", problems));
    }

    private void CompareScores(SparkRows rows, RfmResult<string> expected, string label)
    {
        int differ = 0;
        string? first = null;
        for (int i = 0; i < Math.Min(rows.Rows.Count, expected.Customers.Count); i++)
        {
            RfmCustomerScore<string> e = expected.Customers[i];
            var a = new JsonRow(rows, i);
            if (a.Text("customer_id") != e.Id || a.Long("r") != e.Score.Recency || a.Long("f") != e.Score.Frequency || a.Long("m") != e.Score.Monetary
                || a.Text("cell") != e.Score.CellCode || a.Text("segment") != e.Segment)
            {
                differ++;
                first ??= $"customer {i}: Spark {a.Text("customer_id")} {a.Text("cell")} {a.Text("segment")}, expected {e.Id} {e.Score.CellCode} {e.Segment}";
            }
        }

        output.WriteLine($"scores {label}: {rows.Rows.Count:N0} customers, {differ} differ");
        Assert.Equal(expected.Customers.Count, rows.Rows.Count);
        Assert.True(differ == 0, $"{differ} customers differ; first: {first}");
    }

    private void CompareAbc(SparkRows rows, AbcAnalysis<string> expected, string label)
    {
        var byId = expected.Customers.ToDictionary(c => c.Id, StringComparer.Ordinal);
        int differ = 0;
        string? first = null;
        double worst = 0;
        for (int k = 0; k < rows.Rows.Count; k++)
        {
            var r = new JsonRow(rows, k);
            string id = r.Text("customer_id")!;
            if (!byId.TryGetValue(id, out AbcCustomer<string> e))
            {
                differ++;
                first ??= $"{id}: not a customer of the library's analysis";
                continue;
            }

            double cumulative = r.IsNull("cumulative_share") ? 0 : r.Double("cumulative_share");
            worst = Math.Max(worst, Math.Abs(cumulative - e.CumulativeShare));
            bool same = r.Text("class") == e.Class && r.Long("class_index") == e.ClassIndex && r.Long("rank") == e.Rank
                && Math.Abs(cumulative - e.CumulativeShare) <= 1e-12;
            if (!same)
            {
                differ++;
                first ??= $"{id}: Spark {r.Text("class")} #{r.Long("rank")} {r.Text("cumulative_share")}, expected {e.Class} #{e.Rank} {e.CumulativeShare.ToString("R", CultureInfo.InvariantCulture)}";
            }
        }

        output.WriteLine($"abc {label}: {rows.Rows.Count:N0} customers, {differ} differ; largest cumulative-share difference {worst:E1}; Spark types share {rows.TypeOf("share")}, cumulative_share {rows.TypeOf("cumulative_share")}");
        Assert.Equal(expected.Customers.Count, rows.Rows.Count);
        Assert.True(differ == 0, $"{differ} customers differ; first: {first}");
    }

    /// <summary>Half a unit in the last place of a Spark DECIMAL type's scale ("decimal(38,6)" → 0.0000005); 0 for other types.</summary>
    private static decimal HalfUnit(string type)
    {
        if (!type.StartsWith("decimal(", StringComparison.Ordinal))
        {
            return 0m;
        }

        int scale = int.Parse(type[(type.IndexOf(',', StringComparison.Ordinal) + 1)..^1], CultureInfo.InvariantCulture);
        decimal unit = 1m;
        for (int i = 0; i < scale; i++)
        {
            unit /= 10m;
        }

        return unit / 2m;
    }

    /// <summary>One row of a Spark result, read by column name.</summary>
    private readonly struct JsonRow(SparkRows rows, int index)
    {
        public IEnumerable<string> Values => rows.Rows[index].Select(v => SparkRows.Text(v) ?? "null");

        public bool IsNull(string column) => SparkRows.IsNull(rows.Rows[index][rows.Index(column)]);

        public string? Text(string column) => SparkRows.Text(rows.Rows[index][rows.Index(column)]);

        public long Long(string column) => SparkRows.Long(rows.Rows[index][rows.Index(column)]);

        public decimal Decimal(string column) => SparkRows.Decimal(rows.Rows[index][rows.Index(column)]);

        public double Double(string column) => SparkRows.Double(rows.Rows[index][rows.Index(column)]);

        public DateTime Date(string column) => SparkRows.Date(rows.Rows[index][rows.Index(column)]);
    }
}
