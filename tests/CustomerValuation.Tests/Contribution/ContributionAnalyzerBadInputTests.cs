using System;
using System.Collections.Generic;
using CustomerValuation.Contribution;
using Xunit;

namespace CustomerValuation.Tests.Contribution;

/// <summary>Bad input to contribution analysis: an exception that names the argument, the row (index, group, item) and the rule.</summary>
public class ContributionAnalyzerBadInputTests
{
    private static ContributionResult<string, string> Keyed(double sales, double cost, double? inventory) =>
        ContributionAnalyzer.Analyze(
            new[] { ("K", "P", 10.0, 5.0, (double?)5.0), ("K", "Q", sales, cost, inventory) },
            r => r.Item1,
            r => r.Item2,
            r => r.Item3,
            r => r.Item4,
            r => r.Item5,
            InventoryBasis.SellingPrice);

    [Theory]
    [InlineData(-1.0, 1.0, 1.0, "sales are -1")]
    [InlineData(double.NaN, 1.0, 1.0, "sales are NaN")]
    [InlineData(1.0, double.PositiveInfinity, 1.0, "cost of goods is")]
    [InlineData(1.0, -0.5, 1.0, "cost of goods is -0.5")]
    [InlineData(1.0, 1.0, -2.0, "average inventory is -2")]
    [InlineData(1.0, 1.0, double.NegativeInfinity, "average inventory is")]
    public void Analyze_KeyedBadAmount_ThrowsNamingIndexGroupItemAndRule(double sales, double cost, double inventory, string rule)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Keyed(sales, cost, inventory));
        Assert.Equal("source", e.ParamName);
        Assert.Contains("index 1 (group 'K', item 'Q')", e.Message, StringComparison.Ordinal);
        Assert.Contains(rule, e.Message, StringComparison.Ordinal);
        Assert.Contains("finite and 0 or more", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, -1.0, 1.0, 1.0, "sales", "Row 0")]
    [InlineData(1, 1.0, double.NaN, 1.0, "costOfGoods", "Row 1")]
    [InlineData(1, 1.0, 1.0, -1.0, "averageInventory", "Row 1")]
    public void Analyze_SpanBadAmount_ThrowsNamingSpanAndRow(int row, double sales, double cost, double inventory, string parameter, string rowText)
    {
        double[] s = [1, 1], c = [1, 1], v = [1, 1];
        s[row] = sales;
        c[row] = cost;
        v[row] = inventory;
        var e = Assert.Throws<ArgumentOutOfRangeException>(() =>
            ContributionAnalyzer.Analyze(new int[2], s, c, v, new ContributionRow[2], new ContributionGroupTotals[1]));
        Assert.Equal(parameter, e.ParamName);
        Assert.Contains(rowText, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_SpanGroupIndexOutOfRange_ThrowsNamingRow()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() =>
            ContributionAnalyzer.Analyze(new[] { 0, 2 }, new[] { 1.0, 1.0 }, new[] { 1.0, 1.0 }, new[] { 1.0, 1.0 }, new ContributionRow[2], new ContributionGroupTotals[2]));
        Assert.Equal("groupIndices", e.ParamName);
        Assert.Contains("Row 1", e.Message, StringComparison.Ordinal);
        Assert.Contains("from 0 to 1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_SpanLengthMismatch_ThrowsNamingSpan()
    {
        var e = Assert.Throws<ArgumentException>(() =>
            ContributionAnalyzer.Analyze(new int[2], new[] { 1.0, 1.0 }, new[] { 1.0 }, new[] { 1.0, 1.0 }, new ContributionRow[2], new ContributionGroupTotals[1]));
        Assert.Equal("costOfGoods", e.ParamName);
    }

    [Fact]
    public void Analyze_SalesOverflowGroupTotal_ThrowsNamingGroup()
    {
        var e = Assert.Throws<ArgumentException>(() => ContributionAnalyzer.Analyze(
            new[] { "P", "Q" }, _ => "K", s => s, _ => double.MaxValue, _ => 0, _ => (double?)null, InventoryBasis.SellingPrice));
        Assert.Contains("Group 'K'", e.Message, StringComparison.Ordinal);
        Assert.Contains("largest double", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_DuplicatePair_ThrowsNamingBothIndices()
    {
        var e = Assert.Throws<ArgumentException>(() => ContributionAnalyzer.Analyze(
            new[] { "P", "Q", "P" }, _ => "K", s => s, _ => 1, _ => 0, _ => (double?)1, InventoryBasis.SellingPrice));
        Assert.Equal("source", e.ParamName);
        Assert.Contains("item 'P' appears twice, at indices 0 and 2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_NullItem_ThrowsNamingIndex()
    {
        var e = Assert.Throws<ArgumentException>(() => ContributionAnalyzer.Analyze(
            new[] { "P", null }, _ => "K", s => s!, _ => 1, _ => 0, _ => (double?)1, InventoryBasis.SellingPrice));
        Assert.Contains("index 1 has a null item", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_BadObservation_ThrowsNamingRowAndObservation()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => ContributionAnalyzer.Analyze(
            new[] { "P" }, _ => "K", s => s, _ => 1, _ => 0, _ => new[] { 1.0, -3.0 }, InventoryAveraging.MeanOfObservations, InventoryBasis.SellingPrice));
        Assert.Equal("source", e.ParamName);
        Assert.Contains("index 0 (group 'K', item 'P'): inventory observation 1 is -3", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_UndefinedBasis_Throws() =>
        Assert.Equal("basis", Assert.Throws<ArgumentOutOfRangeException>(() => ContributionAnalyzer.Analyze(
            new[] { "P" }, _ => "K", s => s, _ => 1, _ => 0, _ => (double?)1, (InventoryBasis)7)).ParamName);

    [Fact]
    public void Analyze_UndefinedAveraging_Throws() =>
        Assert.Equal("averaging", Assert.Throws<ArgumentOutOfRangeException>(() => ContributionAnalyzer.Analyze(
            new[] { "P" }, _ => "K", s => s, _ => 1, _ => 0, _ => new[] { 1.0 }, (InventoryAveraging)7, InventoryBasis.Cost)).ParamName);

    [Theory]
    [InlineData(1.5)]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    public void CompareWithTargets_ShareOutsideZeroToOne_ThrowsNamingItem(double target)
    {
        var result = Keyed(1, 1, 1);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => result.CompareWithTargets(new Dictionary<string, double> { ["Q"] = target }));
        Assert.Equal("targetShares", e.ParamName);
        Assert.Contains("item 'Q'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RankByContributionRatio_UnknownGroup_ThrowsNamingIt()
    {
        var e = Assert.Throws<ArgumentException>(() => Keyed(1, 1, 1).RankByContributionRatio("Nope"));
        Assert.Equal("group", e.ParamName);
        Assert.Contains("'Nope'", e.Message, StringComparison.Ordinal);
    }
}
