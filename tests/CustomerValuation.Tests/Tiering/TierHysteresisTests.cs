using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CustomerValuation.Tiering;
using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace CustomerValuation.Tests.Tiering;

/// <summary>
/// Tier hysteresis (SPEC §3, last bullet) on the SPEC W5 grid: A = 7–9 points, B = 3–6, C = 1–2, i.e.
/// tiers A, B, C with thresholds 7 and 3. Expected tiers are worked by hand from the rules in the remarks
/// of <see cref="TierHysteresis"/> (and in docs/tiering-migration.md).
/// </summary>
public class TierHysteresisTests
{
    private static readonly string[] s_abc = { "A", "B", "C" };
    private static readonly double[] s_w5 = { 7, 3 };

    private static TierHysteresis W5(double margin = 0, int periods = 1) =>
        new(s_abc, s_w5, new TierHysteresisOptions(margin, periods));

    [Theory]
    [InlineData(9, "A")]
    [InlineData(7, "A")]
    [InlineData(6, "B")]
    [InlineData(3, "B")]
    [InlineData(2, "C")]
    [InlineData(1, "C")]
    public void TierOf_W5Points_MatchesSpecGrid(double points, string tier)
    {
        // SPEC W5: A = 7–9 points, B = 3–6, C = 1–2.
        Assert.Equal(tier, W5().TierOf(points));
    }

    [Theory]
    [InlineData("B", 7.1, "B")] // 7.1 < 7 + 0.5: not past the A boundary by the margin
    [InlineData("B", 7.5, "A")] // 7.5 ≥ 7.5: passes by exactly the margin
    [InlineData("B", 7.6, "A")]
    [InlineData("A", 6.9, "A")] // 6.9 ≥ 7 − 0.5: not below the boundary by more than the margin
    [InlineData("A", 6.4, "B")] // 6.4 < 6.5
    [InlineData("B", 2.6, "B")] // 2.6 ≥ 3 − 0.5
    [InlineData("B", 2.4, "C")]
    [InlineData("C", 7.2, "B")] // past 3 + 0.5 but not 7 + 0.5: one tier up
    [InlineData("C", 7.6, "A")] // past both: two tiers up at once
    [InlineData("A", 2.4, "C")] // below both 6.5 and 2.5: two tiers down
    public void ApplyMargin_HalfPointMargin_HandWorked(string current, double score, string expected)
    {
        Assert.Equal(expected, W5(margin: 0.5).ApplyMargin(current, score));
    }

    [Fact]
    public void Track_ScoreFrom6Point9To7Point1WithMargin_StaysInB()
    {
        // Brief's example: 6.9 is plainly B; 7.1 does not pass 7 + 0.5, so B is kept; 7.6 does, so A.
        Assert.Equal(new[] { "B", "B" }, W5(margin: 0.5).Track(new[] { 6.9, 7.1 }));
        Assert.Equal(new[] { "B", "A" }, W5(margin: 0.5).Track(new[] { 6.9, 7.6 }));
        Assert.Equal(new[] { "B", "A" }, W5(margin: 0).Track(new[] { 6.9, 7.1 })); // no margin: flaps at once
    }

    [Fact]
    public void Track_TwoPeriodRule_HandWorkedSequence()
    {
        // Hand-worked, k = 2, margin 0, start in B:
        // 7.2 → candidate A (run 1, stay B); 6.0 → candidate B = current (run broken);
        // 7.5 → A (run 1); 8.0 → A (run 2: move to A); 2.0 → C (down, run 1, stay A);
        // 5.0 → B (down, run 2: move to the nearer of C and B, i.e. B).
        double[] scores = { 7.2, 6.0, 7.5, 8.0, 2.0, 5.0 };

        Assert.Equal(new[] { "B", "B", "B", "A", "A", "B" }, W5(periods: 2).Track(scores, "B"));

        // With k = 1 the same scores give the plain tiers: A, B, A, A, C, B.
        Assert.Equal(new[] { "A", "B", "A", "A", "C", "B" }, W5(periods: 1).Track(scores, "B"));
    }

    [Fact]
    public void Track_TwoPeriodRule_DirectionChangeBreaksTheRun()
    {
        // Hand-worked, k = 2, start in B: 8 (up, run 1), 1 (down: a new run of 1), 8 (up: run 1), 8 (up, run 2 → A).
        Assert.Equal(new[] { "B", "B", "B", "A" }, W5(periods: 2).Track(new double[] { 8, 1, 8, 8 }, "B"));
    }

    [Fact]
    public void Track_MarginCanSplitOneJumpIntoTwoChangesButNotAddSteps()
    {
        // Hand-worked: scores 2, 7.2, 7.6. Margin 0: C, A, A (one change of two steps).
        // Margin 0.5: C, then 7.2 passes 3.5 but not 7.5 → B, then 7.6 → A (two changes of one step each).
        // So the count of changing periods can grow with the margin; the number of tier steps cannot.
        double[] scores = { 2, 7.2, 7.6 };
        Assert.Equal(new[] { "C", "A", "A" }, W5(margin: 0).Track(scores));
        Assert.Equal(new[] { "C", "B", "A" }, W5(margin: 0.5).Track(scores));
    }

    [Fact]
    public void Track_NoScores_IsEmpty()
    {
        Assert.Empty(W5(margin: 1, periods: 3).Track(Array.Empty<double>(), "A"));
    }

    [Fact]
    public void WithOptions_KeepsTiersAndThresholds()
    {
        TierHysteresis h = W5().WithOptions(new TierHysteresisOptions(0.5, 2));

        Assert.Equal(s_abc, h.Tiers);
        Assert.Equal(s_w5, h.Thresholds);
        Assert.Equal(0.5, h.Options.Margin);
        Assert.Equal(2, h.Options.Periods);
    }

    [Fact]
    public void Default_IsNoHysteresis()
    {
        Assert.Equal(0, TierHysteresisOptions.Default.Margin);
        Assert.Equal(1, TierHysteresisOptions.Default.Periods);
        Assert.Same(TierHysteresisOptions.Default, new TierHysteresis(s_abc, s_w5).Options);
    }

    // ---------------------------------------------------------------- bad input

    [Theory]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Options_BadMargin_ThrowsNamingMargin(double margin)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new TierHysteresisOptions(margin));
        Assert.Equal("margin", e.ParamName);
        Assert.Contains("finite", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void Options_PeriodsBelowOne_ThrowsNamingPeriods(int periods)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new TierHysteresisOptions(0, periods));
        Assert.Equal("periods", e.ParamName);
        Assert.Contains("at least 1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_EmptyTierOrder_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => new TierHysteresis(Array.Empty<string>(), Array.Empty<double>()));
        Assert.Equal("tierOrder", e.ParamName);
    }

    [Fact]
    public void Constructor_WrongThresholdCount_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => new TierHysteresis(s_abc, new double[] { 7 }));
        Assert.Equal("thresholds", e.ParamName);
        Assert.Contains("3 tiers need 2 thresholds", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(3, 7)]
    [InlineData(7, 7)]
    public void Constructor_ThresholdsNotStrictlyDecreasing_Throws(double first, double second)
    {
        var e = Assert.Throws<ArgumentException>(() => new TierHysteresis(s_abc, new[] { first, second }));
        Assert.Equal("thresholds", e.ParamName);
        Assert.Contains("Threshold 1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_NaNThreshold_Throws()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new TierHysteresis(s_abc, new[] { 7, double.NaN }));
        Assert.Equal("thresholds", e.ParamName);
    }

    [Fact]
    public void Track_NaNScore_ThrowsNamingIndex()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => W5().Track(new[] { 5, 6, double.NaN }));
        Assert.Equal("scores", e.ParamName);
        Assert.Contains("index 2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ApplyMargin_UnknownTier_ThrowsNamingIt()
    {
        var e = Assert.Throws<ArgumentException>(() => W5().ApplyMargin("D", 5));
        Assert.Equal("currentTier", e.ParamName);
        Assert.Contains("'D'", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => W5().Track(new double[] { 5 }, "b"));
        Assert.Throws<ArgumentOutOfRangeException>(() => W5().ApplyMargin("A", double.NegativeInfinity));
    }

    // ---------------------------------------------------------------- properties

    /// <summary>Tiers, strictly decreasing thresholds on a quarter-point grid, and scores on the same grid (so scores hit boundaries).</summary>
    private sealed record Case(string[] Tiers, double[] Thresholds, double[] Scores, int InitialTier, double SmallMargin, double LargeMargin);

    private static readonly Gen<Case> s_cases =
        from k in Gen.Choose(1, 5)
        from top in Gen.Choose(0, 40)
        from gaps in Gen.ArrayOf(Gen.Choose(1, 12), k - 1)
        from n in Gen.Choose(0, 30)
        from scores in Gen.ArrayOf(Gen.Choose(-20, 50), n)
        from initial in Gen.Choose(-1, k - 1)
        from m1 in Gen.Choose(0, 12)
        from m2 in Gen.Choose(0, 12)
        select new Case(
            Enumerable.Range(0, k).Select(i => "T" + i.ToString(CultureInfo.InvariantCulture)).ToArray(),
            gaps.Select((_, j) => (top - gaps.Take(j + 1).Sum() + gaps[0]) / 4.0).ToArray(),
            scores.Select(s => s / 4.0).ToArray(),
            initial,
            Math.Min(m1, m2) / 4.0,
            Math.Max(m1, m2) / 4.0);

    private static int Steps(IReadOnlyList<string> tiers, IReadOnlyList<string> path, string? initial)
    {
        int steps = 0;
        int previous = initial is null ? -1 : IndexOf(tiers, initial);
        foreach (string tier in path)
        {
            int current = IndexOf(tiers, tier);
            steps += previous < 0 ? 0 : Math.Abs(current - previous);
            previous = current;
        }

        return steps;
    }

    private static int IndexOf(IReadOnlyList<string> tiers, string tier) =>
        tiers.Select((t, i) => (t, i)).Single(x => x.t == tier).i;

    [Fact]
    public void Track_NoMarginOnePeriod_EqualsPlainThresholds()
    {
        PropertyCheck.ForAll(s_cases, c =>
        {
            var h = new TierHysteresis(c.Tiers, c.Thresholds);
            string? initial = c.InitialTier < 0 ? null : c.Tiers[c.InitialTier];

            // Plain tier by the definition: the number of thresholds the score is below.
            return h.Track(c.Scores, initial).SequenceEqual(c.Scores.Select(s => c.Tiers[c.Thresholds.Count(t => s < t)]));
        });
    }

    [Fact]
    public void Track_LargerMargin_NeverMoreTierSteps()
    {
        PropertyCheck.ForAll(s_cases, c =>
        {
            string? initial = c.InitialTier < 0 ? null : c.Tiers[c.InitialTier];
            var small = new TierHysteresis(c.Tiers, c.Thresholds, new TierHysteresisOptions(c.SmallMargin));
            var large = new TierHysteresis(c.Tiers, c.Thresholds, new TierHysteresisOptions(c.LargeMargin));
            return Steps(c.Tiers, large.Track(c.Scores, initial), initial) <= Steps(c.Tiers, small.Track(c.Scores, initial), initial);
        });
    }

    [Fact]
    public void Track_OnePeriod_EqualsApplyMarginStepByStep()
    {
        PropertyCheck.ForAll(s_cases, c =>
        {
            var h = new TierHysteresis(c.Tiers, c.Thresholds, new TierHysteresisOptions(c.LargeMargin));
            string? current = c.InitialTier < 0 ? null : c.Tiers[c.InitialTier];
            IReadOnlyList<string> path = h.Track(c.Scores, current);
            for (int i = 0; i < c.Scores.Length; i++)
            {
                current = current is null ? h.TierOf(c.Scores[i]) : h.ApplyMargin(current, c.Scores[i]);
                if (path[i] != current)
                {
                    return false;
                }
            }

            return path.Count == c.Scores.Length;
        });
    }

    [Fact]
    public void Track_MorePeriods_ChangesOnlyAfterARunOfCandidates()
    {
        // With k periods, a change at period i needs the margin rule (applied to the held tier) to call for a
        // change in the same direction in each of periods i − k + 1 … i, none of them a change itself.
        PropertyCheck.ForAll(s_cases, c =>
        {
            const int k = 3;
            var h = new TierHysteresis(c.Tiers, c.Thresholds, new TierHysteresisOptions(c.SmallMargin, k));
            var oneStep = new TierHysteresis(c.Tiers, c.Thresholds, new TierHysteresisOptions(c.SmallMargin));
            string? initial = c.InitialTier < 0 ? null : c.Tiers[c.InitialTier];
            IReadOnlyList<string> path = h.Track(c.Scores, initial);
            for (int i = 0; i < path.Count; i++)
            {
                string? before = i == 0 ? initial : path[i - 1];
                if (before is null || path[i] == before)
                {
                    continue;
                }

                int held = IndexOf(c.Tiers, before);
                int sign = Math.Sign(IndexOf(c.Tiers, path[i]) - held);
                for (int j = i - k + 1; j <= i; j++)
                {
                    string? atStart = j == 0 ? initial : path[j - 1];
                    if (j < 0 || atStart != before
                        || Math.Sign(IndexOf(c.Tiers, oneStep.ApplyMargin(before, c.Scores[j])) - held) != sign)
                    {
                        return false;
                    }
                }
            }

            return true;
        });
    }
}
