using System;
using System.Collections.Generic;
using System.Linq;
using CustomerValuation.Contribution;
using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace CustomerValuation.Tests.Contribution;

/// <summary>Review tests: each one states the contract (docs/contribution.md, XML docs, SPEC §5/§7) and fails on a bug.</summary>
public class ContributionReviewTests
{
    private static ContributionResult<string, string> Keyed(params (string Group, string Item, double Sales, double Cost, double? Inventory)[] rows) =>
        ContributionAnalyzer.Analyze(rows, r => r.Group, r => r.Item, r => r.Sales, r => r.Cost, r => r.Inventory, InventoryBasis.SellingPrice);

    private static bool Finite(double? x) => x is null || double.IsFinite(x.Value);

    /// <summary>
    /// Contract (keyed overload XML doc, docs "Input rules"): the average inventory is "finite and 0 or
    /// more, or null when missing"; a violation throws ArgumentOutOfRangeException naming the row (SPEC §7:
    /// NaN gets an exception or a flag, never silently accepted). Instead `averageInventorySelector(row) ?? NaN`
    /// (ContributionAnalyzer.cs, keyed overload) maps a returned NaN to the span kernel's "missing" marker:
    /// no exception, the row is silently treated as having no inventory.
    /// </summary>
    [Fact]
    public void Analyze_KeyedInventorySelectorReturnsNaN_ThrowsInsteadOfTreatingAsMissing()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() =>
            Keyed(("K", "P", 10, 5, 5), ("K", "Q", 10, 5, double.NaN)));
        Assert.Equal("source", e.ParamName);
        Assert.Contains("index 1 (group 'K', item 'Q')", e.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// Contract (docs table): gross margin share = m ÷ Σ m of the group, flagged NoGroupMargin only when
    /// Σ m ≤ 0; ContributionGroupTotals.GrossMargin is "its profit contribution Σ sales × margin rate".
    /// Rows: A s=1e16, c=1e16 (m=0); B s=1, c=0 (m=1). By hand Σ m = 1 &gt; 0, so A's share is 0, B's is 1,
    /// and the group's gross margin is 1. Instead the group margin is computed as Sales − CostOfGoods
    /// (ContributionGroupTotals.GrossMargin): 1e16+1 rounds to 1e16, so the margin is 0, both rows get
    /// NoGroupMargin and a null share, and the group reports a profit of 0.
    /// </summary>
    [Fact]
    public void Analyze_GroupMarginBySalesMinusCost_LosesSmallMarginToCancellation()
    {
        var result = Keyed(("K", "A", 1e16, 1e16, 1), ("K", "B", 1, 0, 1));
        Assert.Equal(1.0, result.Groups[0].Totals.GrossMargin);
        Assert.Equal(1.0, result.TotalGrossMargin);
        Assert.Equal(0.0, result[0].Figures.GrossMarginShare);
        Assert.Equal(1.0, result[1].Figures.GrossMarginShare);
        Assert.False(result[1].Figures.Flags.HasFlag(ContributionIssues.NoGroupMargin));
    }

    /// <summary>
    /// Contract (ContributionIssues, docs): an undefined figure is null with a flag, "never 0, NaN or
    /// infinity". Rows of one group: A s=1e10, c=0, v=1 (cross 1e10, cross×s = 1e20); B s=1e10, c=2e10, v=1
    /// (cross −1e10, cross×s = −1e20); C s=1e-300, c=0, v=1e-300 (cross 1, cross×s = 1e-300). All inputs are
    /// valid (normal, finite, turnovers 1e10, 1e10, 1). The compensated total W = 1e-300 &gt; 0, so
    /// ContributionShare(A) = 1e20 ÷ 1e-300 overflows to +∞ and is published as a value (and B's as −∞)
    /// (ContributionAnalyzer.cs pass 2, contributionShare). Expected: a finite value or null + flag.
    /// </summary>
    [Fact]
    public void Analyze_ContributionShareOverTinyGroupTotal_NoInfinityLeaks()
    {
        var result = Keyed(("K", "A", 1e10, 0, 1), ("K", "B", 1e10, 2e10, 1), ("K", "C", 1e-300, 0, 1e-300));
        foreach (var row in result)
        {
            Assert.True(Finite(row.Figures.ContributionShare), $"{row.Item}: ContributionShare = {row.Figures.ContributionShare}");
        }
    }

    /// <summary>
    /// Same contract, group level: ContributionGroup.GrossMarginShare is "the group's gross margin ÷ the gross
    /// margin of all groups ... null when that total is 0 or less" — never infinity. Groups: G1 s=1e300, c=0
    /// (margin 1e300); G2 s=0, c=1e300 (margin −1e300); G3 s=1e-300, c=0 (margin 1e-300). Total margin
    /// (compensated) = 1e-300 &gt; 0, so G1's share = 1e300 ÷ 1e-300 = +∞ is published
    /// (ContributionResult.cs constructor, groups[k] = ... t.GrossMargin / TotalGrossMargin).
    /// </summary>
    [Fact]
    public void Groups_GrossMarginShareOverTinyTotal_NoInfinityLeaks()
    {
        var result = Keyed(("G1", "P", 1e300, 0, 1e300), ("G2", "P", 0, 1e300, 1), ("G3", "P", 1e-300, 0, 1));
        foreach (var g in result.Groups)
        {
            Assert.True(Finite(g.GrossMarginShare), $"{g.Group}: GrossMarginShare = {g.GrossMarginShare}");
            Assert.True(Finite(g.SalesShare), $"{g.Group}: SalesShare = {g.SalesShare}");
        }
    }

    /// <summary>
    /// Contract (observations overload): observations are valid when "each finite and 0 or more"; the mean
    /// is "a compensated sum ÷ count". Observations 1e308, 1e308 are valid and their mean is 1e308 (by hand),
    /// and OpeningClosing of the same list gives 1e308 without complaint. Instead MeanOfObservations sums
    /// first, the sum overflows, and ContributionAnalyzer.cs:250 throws ArgumentException ("add up to more than
    /// the largest double") for valid input whose average is representable. (Arguably covered by the
    /// "totals exceed MaxValue" clause; reported as low severity.)
    /// </summary>
    [Fact]
    public void Analyze_MeanOfHugeButValidObservations_IsTheirMean()
    {
        var rows = new[] { ("K", "P", 10.0, 5.0, (IReadOnlyList<double>?)new[] { 1e308, 1e308 }) };
        var r = ContributionAnalyzer.Analyze(rows, x => x.Item1, x => x.Item2, x => x.Item3, x => x.Item4, x => x.Item5, InventoryAveraging.MeanOfObservations, InventoryBasis.SellingPrice);
        Assert.Equal(1e308, r[0].AverageInventory);
    }

    /// <summary>
    /// Decision after review (documented in docs/contribution.md, "Input rules"): observations 2.5e-308
    /// and 0 under OpeningClosing average to 1.25e-308, below the smallest normal double; such an
    /// average counts as 0 (subnormal inventories are rejected when given directly), so the row is
    /// flagged NoInventory and has no turnover, rather than a turnover computed from a subnormal.
    /// </summary>
    [Fact]
    public void Analyze_OpeningClosingSubnormalAverage_CountsAsNoInventory()
    {
        var rows = new[] { ("K", "P", 1e-300, 0.0, (IReadOnlyList<double>?)new[] { 2.5e-308, 0.0 }) };
        var r = ContributionAnalyzer.Analyze(rows, x => x.Item1, x => x.Item2, x => x.Item3, x => x.Item4, x => x.Item5, InventoryAveraging.OpeningClosing, InventoryBasis.SellingPrice);
        Assert.True(r[0].Figures.Flags.HasFlag(ContributionIssues.NoInventory));
        Assert.Null(r[0].Figures.Turnover);
    }

    // ---- Probes (pass on the current code; kept as regression guards) ----

    [Fact]
    public void Probe_SpanKernelBasics()
    {
        var dest = new ContributionRow[3];
        var totals = new ContributionGroupTotals[3];
        ContributionAnalyzer.Analyze(new[] { 0, 0, 2 }, new[] { 0.0, 0.0, 5.0 }, new[] { 1.0, 0.0, 6.0 }, new[] { double.NaN, 0.0, 1.0 }, dest, totals);
        Assert.Equal(ContributionIssues.NoSales | ContributionIssues.NoInventory | ContributionIssues.NegativeMargin | ContributionIssues.NoGroupSales | ContributionIssues.NoGroupContribution | ContributionIssues.NoGroupMargin, dest[0].Flags);
        Assert.Null(totals[0].ContributionRatio);
        Assert.Equal(2, totals[0].RowsWithoutContributionRatio);
        Assert.Equal(0, totals[1].RowCount);
        Assert.Null(totals[1].ContributionRatio);
        Assert.Equal(-1.0, dest[2].CrossRatio);
        Assert.Equal(-1.0, dest[2].ContributionRatio);
        Assert.Null(dest[2].ContributionShare);
        Assert.Throws<ArgumentException>(() => ContributionAnalyzer.Analyze(new[] { 0 }, new[] { 1.0 }, new[] { 1.0 }, new[] { 1.0 }, new ContributionRow[2], new ContributionGroupTotals[1]));
        ContributionAnalyzer.Analyze(ReadOnlySpan<int>.Empty, ReadOnlySpan<double>.Empty, ReadOnlySpan<double>.Empty, ReadOnlySpan<double>.Empty, Span<ContributionRow>.Empty, Span<ContributionGroupTotals>.Empty);
    }

    [Fact]
    public void Probe_RankTiesAndTargets()
    {
        var r = Keyed(("K", "C", 10, 5, 5), ("K", "A", 10, 5, 5), ("K", "B", 0, 0, 5), ("K", "D", 10, 5, null));
        var ranked = r.RankByContributionRatio("K").Select(x => x.Item).ToArray();
        Assert.Equal(new[] { "A", "C", "B", "D" }, ranked);
        var gaps = r.CompareWithTargets(new Dictionary<string, double> { ["A"] = 0.5, ["Z"] = 0.2 });
        Assert.Equal(4, gaps.Count);
        Assert.Equal(1.0 / 3 - 0.5, gaps[0].Gap!.Value, 12);
        Assert.Null(gaps[1].Gap);
        var comp = r.ItemComposition("K");
        Assert.NotNull(comp);
        Assert.NotNull(r.OverallItemComposition());
        Assert.NotNull(r.GroupComposition());
    }

    [Fact]
    public void Probe_NullsAlwaysExplainedByFlags()
    {
        Gen<(int, int, int, int)[]> gen =
            (from g in Gen.Choose(0, 2)
             from s in Gen.Elements(0, 0, 1, 5, 100)
             from c in Gen.Elements(0, 1, 5, 200)
             from v in Gen.Elements(-1, 0, 1, 50)
             select (g, s, c, v)).ArrayOf();
        PropertyCheck.ForAll(gen, raw =>
        {
            var rows = raw.Select((r, i) => ("G" + r.Item1, "I" + i, (double)r.Item2, (double)r.Item3, r.Item4 < 0 ? null : (double?)r.Item4)).ToArray();
            var result = Keyed(rows);
            foreach (var row in result)
            {
                var f = row.Figures;
                bool noCross = f.Flags.HasFlag(ContributionIssues.NoSales) || f.Flags.HasFlag(ContributionIssues.NoInventory);
                if ((f.CrossRatio is null) != noCross) return false;
                if ((f.ContributionRatio is null) != (noCross || f.Flags.HasFlag(ContributionIssues.NoGroupSales))) return false;
                if (f.ContributionRatio is not null && (f.ContributionShare is null) != f.Flags.HasFlag(ContributionIssues.NoGroupContribution)) return false;
                if ((f.GrossMarginShare is null) != f.Flags.HasFlag(ContributionIssues.NoGroupMargin)) return false;
                if ((f.GrossMargin < 0) != f.Flags.HasFlag(ContributionIssues.NegativeMargin)) return false;
            }

            return result.Count == rows.Length;
        });
    }
}
