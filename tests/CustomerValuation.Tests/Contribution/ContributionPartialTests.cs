using System;
using System.Collections.Generic;
using System.Linq;
using CustomerValuation.Contribution;
using CustomerValuation.Tests.Rfm;
using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace CustomerValuation.Tests.Contribution;

/// <summary>
/// <see cref="ContributionPartial{TGroup}"/>: group sums from any split of the rows, merged in any
/// order and grouping, give exactly (bit for bit) the group totals of
/// <see cref="ContributionAnalyzer"/>'s keyed overload over all the rows, and
/// <see cref="ContributionTotals{TGroup}.Row"/> gives each row exactly the analyzer's figures.
/// The single pass shares the row arithmetic with the partials, so what the properties test is the
/// split and the merge; the exact sums themselves are tested against an independent exact reference
/// in ExactSumTests, and the worked example is the SPEC's published one.
/// </summary>
public class ContributionPartialTests
{
    private sealed record Row(string Group, string Item, double Sales, double Cost, double? Inventory);

    private static readonly Gen<Row> s_row =
        from g in Gen.Elements("north", "south", "east", "Ost", "10")
        from item in Gen.Choose(0, 1_000_000).Select(i => "p" + i)
        from sales in Gen.Frequency(
            (6, Gen.Choose(0, 10_000_000).Select(c => c / 100.0)),
            (1, Gen.Elements(0.0, 1e-3, 1e9, 0.1, 0.7)))
        from costShare in Gen.Choose(0, 130)
        from inventory in Gen.Frequency(
            (5, Gen.Choose(1, 1_000_000).Select(c => (double?)(c / 10.0))),
            (1, Gen.Elements<double?>(null, 0.0)))
        select new Row(g, item, sales, Math.Round(sales * costShare / 100.0, 2), inventory);

    private static readonly Gen<(List<Row> Rows, int Partitions, int Seed)> s_case =
        from count in Gen.Choose(1, 80)
        from rows in Gen.ListOf(s_row, count)
        from partitions in Gen.Choose(1, 6)
        from seed in Gen.Choose(0, int.MaxValue)
        select (rows.GroupBy(r => (r.Group, r.Item)).Select(g => g.First()).ToList(), partitions, seed);

    private static ContributionResult<string, string> SinglePass(IEnumerable<Row> rows) =>
        ContributionAnalyzer.Analyze(rows, r => r.Group, r => r.Item, r => r.Sales, r => r.Cost, r => r.Inventory, InventoryBasis.SellingPrice);

    private static ContributionTotals<string> Merged(List<Row> rows, int partitions, int seed)
    {
        var random = new Random(seed);
        var parts = Enumerable.Range(0, partitions).Select(_ => new List<Row>()).ToArray();
        foreach (Row r in rows.OrderBy(_ => random.Next()))
        {
            parts[random.Next(partitions)].Add(r);
        }

        List<ContributionPartial<string>> partials = parts.Select(p => ContributionPartial.FromRows(p, r => r.Group, r => r.Sales, r => r.Cost, r => r.Inventory)).ToList();
        return RfmPartialTests.MergeRandomly(partials, seed, (a, b) => a.Merge(b)).ToTotals();
    }

    [Fact]
    public void AnySplitOrderAndGrouping_GivesTheSinglePassTotals_AndEveryRowItsFigures()
    {
        PropertyCheck.ForAll(s_case, c =>
        {
            ContributionResult<string, string> one = SinglePass(c.Rows);
            ContributionTotals<string> many = Merged(c.Rows, c.Partitions, c.Seed);
            bool sameGroups = one.Groups.Count == many.Groups.Count
                && one.Groups.All(g => many.Groups.TryGetValue(g.Group, out ContributionGroupTotals t) && t.Equals(g.Totals));
            bool sameRows = one.All(item => many.Row(item.Group, item.Sales, item.CostOfGoods, item.AverageInventory).Equals(item.Figures));
            return sameGroups && sameRows;
        });
    }

    [Fact]
    public void Keyed_GroupSales_AreTheCorrectlyRoundedSum()
    {
        // Ten times the double nearest 0.1 is 1.000000000000000055511151231257827 exactly (hand
        // calculation: 10 × 0.1000000000000000055511151231257827), whose nearest double is 1; a
        // left-to-right double sum gives 0.9999999999999999.
        var rows = Enumerable.Range(0, 10).Select(i => new Row("g", "p" + i, 0.1, 0.0, 1.0)).ToList();
        Assert.Equal(1.0, SinglePass(rows).Groups.Single().Totals.Sales);
        Assert.Equal(1.0, Merged(rows, 3, 7).Groups["g"].Sales);
    }

    [Fact]
    public void WorkedExample_SplitOverTwoPartitions()
    {
        // SPEC's published example (Aonuma glossary): sales 20,000 of a group's 70,000, margin 4,500,
        // inventory 2,000: rate 0.225, turnover 10, cross ratio 2.25, sales share 2/7, contribution
        // ratio 2.25 × 2/7 = 0.642857…; the other rows make up the group's 70,000.
        var rows = new List<Row>
        {
            new("g", "a", 20_000, 15_500, 2_000),
            new("g", "b", 30_000, 24_000, 3_000),
            new("g", "c", 20_000, 16_000, null),
        };
        ContributionTotals<string> totals = ContributionPartial.Merge([
            ContributionPartial.FromRows(rows.Take(1), r => r.Group, r => r.Sales, r => r.Cost, r => r.Inventory),
            ContributionPartial.FromRows(rows.Skip(1), r => r.Group, r => r.Sales, r => r.Cost, r => r.Inventory),
        ]).ToTotals();
        Assert.Equal(70_000, totals.Groups["g"].Sales);
        Assert.Equal(4_500 + 6_000 + 4_000, totals.Groups["g"].GrossMargin);
        ContributionRow a = totals.Row("g", 20_000, 15_500, 2_000);
        Assert.Equal(0.225, a.GrossMarginRate!.Value, 15);
        Assert.Equal(10, a.Turnover!.Value, 15);
        Assert.Equal(2.25, a.CrossRatio!.Value, 15);
        Assert.Equal(2.0 / 7, a.SalesShare!.Value, 15);
        Assert.Equal(2.25 * 2 / 7, a.ContributionRatio!.Value, 15);
        Assert.Equal(1, totals.Groups["g"].RowsWithoutContributionRatio); // row c has no inventory
    }

    [Fact]
    public void Empty_IsTheIdentity_AndOperandsStayUnchanged()
    {
        var rows = new List<Row> { new("g", "a", 10, 4, 5), new("h", "b", 3, 1, null) };
        ContributionPartial<string> p = ContributionPartial.FromRows(rows, r => r.Group, r => r.Sales, r => r.Cost, r => r.Inventory);
        ContributionTotals<string> before = p.ToTotals();
        ContributionPartial<string> merged = p.Merge(ContributionPartial.Empty<string>()).Merge(p);
        Assert.Equal(2, merged.GroupCount);
        Assert.Equal(20, merged.ToTotals().Groups["g"].Sales);
        Assert.Equal(before.Groups["g"], p.ToTotals().Groups["g"]);
        Assert.Equal(before.Groups["g"], ContributionPartial.Empty<string>().Merge(p).ToTotals().Groups["g"]);
    }

    [Fact]
    public void BadInput_IsNamed()
    {
        var ok = new List<Row> { new("g", "a", 10, 4, 5) };
        Assert.Throws<ArgumentNullException>("source", () => ContributionPartial.FromRows<Row, string>(null!, r => r.Group, r => r.Sales, r => r.Cost, r => r.Inventory));
        var nullGroup = Assert.Throws<ArgumentException>("source", () => ContributionPartial.FromRows(new List<Row> { new(null!, "a", 1, 1, 1) }, r => r.Group, r => r.Sales, r => r.Cost, r => r.Inventory));
        Assert.Contains("index 0", nullGroup.Message, StringComparison.Ordinal);
        var negative = Assert.Throws<ArgumentOutOfRangeException>(() => ContributionPartial.FromRows(new List<Row> { ok[0], new("h", "b", -1, 0, 1) }, r => r.Group, r => r.Sales, r => r.Cost, r => r.Inventory));
        Assert.Contains("index 1", negative.Message, StringComparison.Ordinal);
        Assert.Contains("'h'", negative.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>("source", () => ContributionPartial.FromRows(new List<Row> { new("g", "a", 1, 1, double.NaN) }, r => r.Group, r => r.Sales, r => r.Cost, r => r.Inventory));
        ContributionTotals<string> totals = ContributionPartial.FromRows(ok, r => r.Group, r => r.Sales, r => r.Cost, r => r.Inventory).ToTotals();
        var unknown = Assert.Throws<ArgumentException>("group", () => totals.Row("x", 1, 1, 1));
        Assert.Contains("'x'", unknown.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>("partials", () => ContributionPartial.Merge(new ContributionPartial<string>[] { null! }));
        Assert.Throws<ArgumentOutOfRangeException>(() => totals.Row("g", double.NaN, 1, 1));
    }
}
