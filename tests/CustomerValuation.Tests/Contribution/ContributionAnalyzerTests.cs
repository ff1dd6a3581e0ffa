using System;
using System.Collections.Generic;
using System.Linq;
using CustomerValuation.Abc;
using CustomerValuation.Contribution;
using Xunit;

namespace CustomerValuation.Tests.Contribution;

/// <summary>Hand-worked and published examples of contribution-ratio math (SPEC §5, W11). Every rate, ratio and share is a fraction.</summary>
public class ContributionAnalyzerTests
{
    private const double Exact = 1e-12;

    /// <summary>
    /// The published worked example: Aonuma management glossary, "利益貢献度分析" (profit contribution
    /// analysis), https://aonuma.net/keiei/yougo_riekikoukendo.html. Its table lists three departments
    /// in full (processed food, produce, liquor); the remaining departments (30,000 of the 70,000 of
    /// sales implied by 20,000 = 28.6 %) are replaced here by one filler row, "Others", with gross
    /// margin 5,900 and inventory 6,000 (contribution ratio 59/140 = 42.1 %), inside the range
    /// 41.9–42.7 % that the published contribution shares (17.2 %, 63.8 %, 7.7 %) imply for the rest.
    /// </summary>
    private static readonly (string Item, double Sales, double Cost, double Inventory)[] s_glossary =
    [
        ("Processed food", 20_000, 15_500, 2_000),
        ("Produce", 10_000, 7_500, 150),
        ("Liquor", 10_000, 8_000, 1_000),
        ("Others", 30_000, 24_100, 6_000),
    ];

    private static ContributionResult<string, string> Glossary(InventoryBasis basis = InventoryBasis.SellingPrice) =>
        ContributionAnalyzer.Analyze(s_glossary, _ => "Store", r => r.Item, r => r.Sales, r => r.Cost, r => (double?)r.Inventory, basis);

    private static ContributionRow Row(ContributionResult<string, string> result, string group, string item) =>
        result.Single(r => r.Group == group && r.Item == item).Figures;

    [Fact]
    public void Analyze_PublishedGlossaryExample_ReproducesProcessedFoodInFractions()
    {
        // Published: margin rate 22.5 %, turnover 10.0, cross ratio 225.0 (in %), sales share 28.6 %,
        // contribution ratio 64.3 (in %), contribution share 17.2 %. Here as fractions: 0.225, 10,
        // 2.25, 20,000/70,000 = 2/7, 2.25 × 2/7 = 9/14, and 9/14 ÷ (1,567/420) = 270/1,567 (hand-summed
        // group total 9/14 + 50/21 + 2/7 + 59/140 = 1,567/420).
        ContributionRow food = Row(Glossary(), "Store", "Processed food");
        Assert.Equal(4_500, food.GrossMargin, Exact);
        Assert.Equal(0.225, food.GrossMarginRate!.Value, Exact);
        Assert.Equal(10.0, food.Turnover!.Value, Exact);
        Assert.Equal(2.25, food.CrossRatio!.Value, Exact);
        Assert.Equal(2.0 / 7, food.SalesShare!.Value, Exact);
        Assert.Equal(9.0 / 14, food.ContributionRatio!.Value, Exact);
        Assert.Equal(270.0 / 1_567, food.ContributionShare!.Value, Exact);
        Assert.Equal(ContributionIssues.None, food.Flags);

        // The published figures, in percent, to the one decimal they are printed with.
        Assert.Equal(225.0, Math.Round(food.CrossRatio.Value * 100, 1));
        Assert.Equal(28.6, Math.Round(food.SalesShare.Value * 100, 1));
        Assert.Equal(64.3, Math.Round(food.ContributionRatio.Value * 100, 1));
        Assert.Equal(17.2, Math.Round(food.ContributionShare.Value * 100, 1));
    }

    [Theory]
    [InlineData("Produce", 25.0, 66.7, 1666.7, 14.3, 238.1, 63.8)]
    [InlineData("Liquor", 20.0, 10.0, 200.0, 14.3, 28.6, 7.7)]
    public void Analyze_PublishedGlossaryExample_ReproducesOtherDepartmentsInPercent(string item, double rate, double turnover, double cross, double share, double contribution, double contributionShare)
    {
        // Published columns D, F, G, B, H, I of the glossary table (the table prints produce's cross ratio as "1.666.7").
        ContributionRow row = Row(Glossary(), "Store", item);
        Assert.Equal(rate, Math.Round(row.GrossMarginRate!.Value * 100, 1));
        Assert.Equal(turnover, Math.Round(row.Turnover!.Value, 1));
        Assert.Equal(cross, Math.Round(row.CrossRatio!.Value * 100, 1));
        Assert.Equal(share, Math.Round(row.SalesShare!.Value * 100, 1));
        Assert.Equal(contribution, Math.Round(row.ContributionRatio!.Value * 100, 1));
        Assert.Equal(contributionShare, Math.Round(row.ContributionShare!.Value * 100, 1));
    }

    [Fact]
    public void Analyze_PublishedGlossaryExample_GroupTotalIsHandSum()
    {
        // 9/14 + 50/21 + 2/7 + 59/140 = 1,567/420 (hand); gross margin 4,500 + 2,500 + 2,000 + 5,900 = 14,900.
        ContributionGroupTotals totals = Glossary().Groups.Single().Totals;
        Assert.Equal(1_567.0 / 420, totals.ContributionRatio!.Value, Exact);
        Assert.Equal(70_000, totals.Sales);
        Assert.Equal(14_900, totals.GrossMargin);
        Assert.Equal(14_900.0 / 70_000, totals.GrossMarginRate!.Value, Exact);
        Assert.Equal(4, totals.RowCount);
        Assert.Equal(0, totals.RowsWithoutContributionRatio);
    }

    [Fact]
    public void Analyze_SpanKernel_SameFiguresAsKeyed()
    {
        // The span tier on the same four rows gives the same hand values (one group, index 0).
        var rows = new ContributionRow[4];
        var totals = new ContributionGroupTotals[1];
        ContributionAnalyzer.Analyze(
            new int[4],
            s_glossary.Select(r => r.Sales).ToArray(),
            s_glossary.Select(r => r.Cost).ToArray(),
            s_glossary.Select(r => r.Inventory).ToArray(),
            rows,
            totals);
        Assert.Equal(9.0 / 14, rows[0].ContributionRatio!.Value, Exact);
        Assert.Equal(50.0 / 21, rows[1].ContributionRatio!.Value, Exact);
        Assert.Equal(2.0 / 7, rows[2].ContributionRatio!.Value, Exact);
        Assert.Equal(59.0 / 140, rows[3].ContributionRatio!.Value, Exact);
        Assert.Equal(1_567.0 / 420, totals[0].ContributionRatio!.Value, Exact);
    }

    [Fact]
    public void RankByContributionRatio_GlossaryExample_ProduceFirst()
    {
        // Contribution ratios (hand): produce 50/21 = 2.381, processed food 9/14 = 0.643, others 59/140 = 0.421, liquor 2/7 = 0.286.
        ContributionResult<string, string> result = Glossary();
        Assert.Equal(new[] { "Produce", "Processed food", "Others", "Liquor" }, result.RankByContributionRatio("Store").Select(r => r.Item));
        Assert.Equal(new[] { 1, 2, 3, 4 }, result.RankByContributionRatio("Store").Select(r => r.RankInGroup));
    }

    [Fact]
    public void Analyze_UndefinedCases_FlaggedAndNull()
    {
        // Group G (hand): a: 100 − 120 = −20, rate −0.2, turnover 2, cross −0.4; b: no sales, margin −10,
        // turnover 0/20 = 0; c: no inventory, rate 1/3; d: inventory 0. Group sales 500, gross margin 120.
        // Only a has a contribution ratio, −0.4 × 0.2 = −0.08: the group total is negative, so no contribution shares.
        // Group Z: a single row without sales.
        var input = new (string Group, string Item, double Sales, double Cost, double? Inventory)[]
        {
            ("G", "a", 100, 120, 50),
            ("G", "b", 0, 10, 20),
            ("G", "c", 300, 200, null),
            ("G", "d", 100, 50, 0),
            ("Z", "z", 0, 0, 10),
        };
        var result = ContributionAnalyzer.Analyze(input, r => r.Group, r => r.Item, r => r.Sales, r => r.Cost, r => r.Inventory, InventoryBasis.SellingPrice);

        ContributionRow a = Row(result, "G", "a");
        Assert.Equal(ContributionIssues.NegativeMargin | ContributionIssues.NoGroupContribution, a.Flags);
        Assert.Equal(-0.2, a.GrossMarginRate!.Value, Exact);
        Assert.Equal(-0.4, a.CrossRatio!.Value, Exact);
        Assert.Equal(-0.08, a.ContributionRatio!.Value, Exact);
        Assert.Null(a.ContributionShare);
        Assert.Equal(-20.0 / 120, a.GrossMarginShare!.Value, Exact);

        ContributionRow b = Row(result, "G", "b");
        Assert.Equal(ContributionIssues.NoSales | ContributionIssues.NegativeMargin | ContributionIssues.NoGroupContribution, b.Flags);
        Assert.Null(b.GrossMarginRate);
        Assert.Equal(0.0, b.Turnover);
        Assert.Null(b.CrossRatio);
        Assert.Equal(0.0, b.SalesShare);
        Assert.Null(b.ContributionRatio);

        ContributionRow c = Row(result, "G", "c");
        Assert.Equal(ContributionIssues.NoInventory | ContributionIssues.NoGroupContribution, c.Flags);
        Assert.Equal(1.0 / 3, c.GrossMarginRate!.Value, Exact);
        Assert.Null(c.Turnover);
        Assert.Null(c.CrossRatio);
        Assert.Equal(0.6, c.SalesShare!.Value, Exact);
        Assert.Null(c.ContributionRatio);
        Assert.Null(result.Single(r => r.Item == "c").AverageInventory);

        ContributionRow d = Row(result, "G", "d");
        Assert.Equal(ContributionIssues.NoInventory | ContributionIssues.NoGroupContribution, d.Flags);
        Assert.Null(d.Turnover);

        ContributionGroupTotals g = result.Groups[0].Totals;
        Assert.Equal(-0.08, g.ContributionRatio!.Value, Exact);
        Assert.Equal(3, g.RowsWithoutContributionRatio);

        ContributionRow z = Row(result, "Z", "z");
        Assert.Equal(ContributionIssues.NoSales | ContributionIssues.NoGroupSales | ContributionIssues.NoGroupContribution | ContributionIssues.NoGroupMargin, z.Flags);
        Assert.Null(z.SalesShare);
        Assert.Null(z.GrossMarginShare);
        Assert.Null(result.Groups[1].Totals.ContributionRatio);
        Assert.Null(result.Groups[1].Totals.GrossMarginRate);

        // Rows without a contribution ratio rank after the one that has one, by item.
        Assert.Equal(new[] { "a", "b", "c", "d" }, result.RankByContributionRatio("G").Select(r => r.Item));
    }

    [Theory]
    [InlineData(InventoryAveraging.MeanOfObservations, 200.0, 3.0, 1.0)]
    [InlineData(InventoryAveraging.OpeningClosing, 150.0, 4.0, 4.0 / 3)]
    public void Analyze_InventoryObservations_AveragedByTheRuleGiven(InventoryAveraging averaging, double average, double turnover, double cross)
    {
        // Observations 100, 300, 200 (hand): mean 200; opening/closing (100 + 200)/2 = 150. Sales 600,
        // margin 200: turnover 600/200 = 3 or 600/150 = 4; cross ratio 200/200 = 1 or 200/150 = 4/3.
        var input = new[] { (Item: "p", Months: (IReadOnlyList<double>?)new[] { 100.0, 300.0, 200.0 }), (Item: "q", Months: (IReadOnlyList<double>?)Array.Empty<double>()) };
        var result = ContributionAnalyzer.Analyze(input, _ => "K", r => r.Item, r => r.Item == "p" ? 600 : 50, r => r.Item == "p" ? 400 : 10, r => r.Months, averaging, InventoryBasis.SellingPrice);
        Assert.Equal(average, result[0].AverageInventory);
        Assert.Equal(turnover, result[0].Figures.Turnover!.Value, Exact);
        Assert.Equal(cross, result[0].Figures.CrossRatio!.Value, Exact);
        Assert.Null(result[1].AverageInventory);
        Assert.Equal(ContributionIssues.NoInventory, result[1].Figures.Flags & ContributionIssues.NoInventory);
    }

    [Fact]
    public void Analyze_CostBasis_CrossRatioIsGmroi()
    {
        // GMROI = gross margin ÷ average inventory at cost (hand): (1,000 − 600) ÷ 200 = 2.0; the basis is recorded.
        var result = ContributionAnalyzer.Analyze(new[] { 1 }, _ => "K", _ => "P", _ => 1_000, _ => 600, _ => (double?)200, InventoryBasis.Cost);
        Assert.Equal(InventoryBasis.Cost, result.Basis);
        Assert.Equal(2.0, result[0].Figures.CrossRatio!.Value, Exact);
    }

    private static ContributionResult<string, string> TwoCustomers() =>
        ContributionAnalyzer.Analyze(
            new[] { ("K1", "P", 600.0, 400.0), ("K1", "Q", 400.0, 300.0), ("K2", "P", 1_000.0, 900.0) },
            r => r.Item1,
            r => r.Item2,
            r => r.Item3,
            r => r.Item4,
            _ => (double?)100,
            InventoryBasis.SellingPrice);

    [Fact]
    public void Groups_TwoCustomers_ProfitContributionAndShareOfCompany()
    {
        // Hand: K1 gross margin 200 + 100 = 300, K2 100; company 400: shares 0.75 and 0.25; sales 1,000 each: 0.5.
        ContributionResult<string, string> result = TwoCustomers();
        Assert.Equal(400, result.TotalGrossMargin);
        Assert.Equal(300, result.Groups[0].Totals.GrossMargin);
        Assert.Equal(0.75, result.Groups[0].GrossMarginShare);
        Assert.Equal(0.25, result.Groups[1].GrossMarginShare);
        Assert.Equal(0.5, result.Groups[0].SalesShare);
    }

    [Fact]
    public void Compositions_TwoCustomers_AbcClassesFromAbcClassifier()
    {
        // Hand, default ABC options (80 % / 95 %, crossing customer joins the upper class):
        // over all groups P = 1,600 (0.8), Q = 400; Q's predecessor reaches 0.8, so Q is B.
        ContributionResult<string, string> result = TwoCustomers();
        AbcAnalysis<string> overall = result.OverallItemComposition();
        Assert.Equal(new[] { "P", "Q" }, overall.Customers.Select(c => c.Id));
        Assert.Equal(new[] { "A", "B" }, overall.Customers.Select(c => c.Class));
        Assert.Equal(0.8, overall.Customers[0].CumulativeShare, Exact);

        // Within K1: P 600 (0.6), Q 400: Q's predecessor is at 0.6 < 0.8, so both are A.
        AbcAnalysis<string> k1 = result.ItemComposition("K1");
        Assert.Equal(new[] { "A", "A" }, k1.Customers.Select(c => c.Class));

        // Customers: 1,000 each, tie broken by id: K1 then K2 (K2's predecessor at 0.5: A).
        AbcAnalysis<string> customers = result.GroupComposition();
        Assert.Equal(new[] { "K1", "K2" }, customers.Customers.Select(c => c.Id));
        Assert.Equal(0.5, customers.Customers[0].Share, Exact);
    }

    [Fact]
    public void ItemComposition_GlossaryExample_ProduceCrossesTheBreakpoint()
    {
        // Hand: by sales, Others 30,000 (cum 3/7), Processed food 20,000 (5/7 = 0.714), Liquor and
        // Produce 10,000 each, tie by item: Liquor (cum 6/7 = 0.857), Produce. Produce's predecessor has
        // reached 0.8, so it is B; the rest are A.
        AbcAnalysis<string> abc = Glossary().ItemComposition("Store");
        Assert.Equal(new[] { "Others", "Processed food", "Liquor", "Produce" }, abc.Customers.Select(c => c.Id));
        Assert.Equal(new[] { "A", "A", "A", "B" }, abc.Customers.Select(c => c.Class));
        Assert.Equal(6.0 / 7, abc.Customers[2].CumulativeShare, Exact);
    }

    [Fact]
    public void CompareWithTargets_TwoCustomers_GapPerRow()
    {
        // Hand: K1 P share 0.6 vs 0.5 → +0.1; K1 Q 0.4, no target → null; K2 P 1.0 vs 0.5 → +0.5.
        var gaps = TwoCustomers().CompareWithTargets(new Dictionary<string, double> { ["P"] = 0.5 });
        Assert.Equal(3, gaps.Count);
        Assert.Equal(0.1, gaps[0].Gap!.Value, Exact);
        Assert.Null(gaps[1].Gap);
        Assert.Null(gaps[1].TargetShare);
        Assert.Equal(0.4, gaps[1].SalesShare);
        Assert.Equal(0.5, gaps[2].Gap!.Value, Exact);
    }

    [Fact]
    public void Analyze_EmptyInput_EmptyResult()
    {
        var result = ContributionAnalyzer.Analyze(Array.Empty<int>(), _ => "K", _ => "P", _ => 1, _ => 1, _ => (double?)1, InventoryBasis.SellingPrice);
        Assert.Empty(result);
        Assert.Empty(result.Groups);
        Assert.Throws<InvalidOperationException>(() => result.GroupComposition());
    }

    [Fact]
    public void Analyze_SpanKernelWithUnusedGroup_ZeroTotals()
    {
        // Group 1 has no rows: zero totals, no rate, no contribution ratio.
        var rows = new ContributionRow[1];
        var totals = new ContributionGroupTotals[2];
        ContributionAnalyzer.Analyze(new[] { 0 }, new[] { 10.0 }, new[] { 5.0 }, new[] { 5.0 }, rows, totals);
        Assert.Equal(0, totals[1].RowCount);
        Assert.Null(totals[1].GrossMarginRate);
        Assert.Null(totals[1].ContributionRatio);
        Assert.Equal(1.0, rows[0].ContributionRatio!.Value, Exact);
    }
}
