using System;
using System.Collections.Generic;
using System.Linq;
using CustomerValuation.Tiering;
using Xunit;

namespace CustomerValuation.Tests.Tiering;

/// <summary>SPEC W5–W7 expressed with grids and threshold rules; expected values from the SPEC.</summary>
public class TierGridTests
{
    private static readonly TierGrid<double> s_w5 = new(
        ["first choice", "second choice", "other"],
        ["level 3", "level 2", "level 1"],
        new double[,] { { 9, 8, 5 }, { 7, 5, 3 }, { 3, 2, 1 } });

    private static readonly TierRule s_w5Grades = TierRule.AtLeast(new("A", 7), new("B", 3), new("C", 1));

    [Theory]
    [InlineData("first choice", "level 3", 9, "A")]
    [InlineData("first choice", "level 2", 8, "A")]
    [InlineData("first choice", "level 1", 5, "B")]
    [InlineData("second choice", "level 3", 7, "A")]
    [InlineData("second choice", "level 2", 5, "B")]
    [InlineData("second choice", "level 1", 3, "B")]
    [InlineData("other", "level 3", 3, "B")]
    [InlineData("other", "level 2", 2, "C")]
    [InlineData("other", "level 1", 1, "C")]
    public void W5_PharmaGrid_PublishedPointsAndGrades(string behaviour, string level, double points, string grade)
    {
        // SPEC W5: first choice 9 / 8 / 5, second 7 / 5 / 3, other 3 / 2 / 1 for levels 3 / 2 / 1; A 7–9, B 3–6, C 1–2.
        Assert.Equal(points, s_w5[behaviour, level]);
        Assert.Equal(grade, s_w5Grades.TierOf(s_w5[behaviour, level]));
    }

    [Fact]
    public void W6_BankDesk_GradesAndContactFrequency()
    {
        // SPEC W6: A = large assets with strong intent; B = medium assets with some intent, or large
        // assets with weak intent; C = average both; D = unknown. The contact plan per grade is the
        // desk's own (here weekly / fortnightly / monthly / quarterly).
        var grades = new TierGrid<string>(
            ["large", "medium", "small"],
            ["strong", "some", "weak"],
            new[,] { { "A", "B", "B" }, { "B", "B", "C" }, { "C", "C", "C" } });
        var contact = new Dictionary<string, string> { ["A"] = "weekly", ["B"] = "fortnightly", ["C"] = "monthly", ["D"] = "quarterly" };
        Assert.Equal("A", grades["large", "strong"]);
        Assert.Equal("B", grades["medium", "some"]);
        Assert.Equal("B", grades["large", "weak"]);
        Assert.Equal("monthly", contact[grades["small", "some"]]);
        var e = Assert.Throws<ArgumentException>(() => grades["unknown", "strong"]);
        Assert.Equal("row", e.ParamName);
        Assert.Contains("'large'", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.5, "A")]
    [InlineData(1, "A")]
    [InlineData(2, "B")]
    [InlineData(3, "B")]
    [InlineData(4.5, "C")]
    [InlineData(6, "C")]
    public void W7_PurchaseHorizon_Grades(double months, string grade)
    {
        // SPEC W7: A within 1 month, B 2–3 months, C 3–6 months (D, "a plan only", has no horizon).
        Assert.Equal(grade, TierRule.AtMost(new("A", 1), new("B", 3), new("C", 6)).TierOf(months));
    }

    [Fact]
    public void TierRule_TuplePairs_SameAsTierBounds()
    {
        // The docs write rules as (tier, bound) pairs; they convert to TierBound. SPEC W5 grades again.
        TierRule fromTuples = TierRule.AtLeast(("A", 7), ("B", 3), ("C", 1));
        Assert.Equal(s_w5Grades.Tiers, fromTuples.Tiers);
        Assert.Equal("B", fromTuples.TierOf(5));
        Assert.Equal(new[] { 0.2, 0.3, 0.5 }, TierRule.Quotas(("A", 0.2), ("B", 0.3), ("C", 0.5)).Tiers.Select(t => t.Bound));
    }

    [Fact]
    public void TierOf_QuotaRuleOrOutside_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => TierRule.Quotas(new TierBound("A", 1)).TierOf(3));
        Assert.Throws<ArgumentOutOfRangeException>(() => TierRule.AtMost(new("A", 1), new("B", 3), new("C", 6)).TierOf(7));
        Assert.Throws<ArgumentOutOfRangeException>(() => s_w5Grades.TierOf(double.NaN));
    }

    [Fact]
    public void Grid_BadShapeOrLevels_Throws()
    {
        Assert.Throws<ArgumentException>(() => new TierGrid<double>(["a"], ["x", "y"], new double[1, 3]));
        Assert.Throws<ArgumentException>(() => new TierGrid<double>(["a", "a"], ["x"], new double[2, 1]));
        Assert.Throws<ArgumentException>(() => new TierGrid<double>(["a"], ["x"], new double[,] { { double.NaN } }));
        Assert.Throws<ArgumentNullException>(() => new TierGrid<string>(["a"], ["x"], new string[1, 1]));
    }
}
