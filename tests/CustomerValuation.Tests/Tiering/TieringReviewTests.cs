using System;
using System.Linq;
using CustomerValuation.Tiering;
using Xunit;

namespace CustomerValuation.Tests.Tiering;

/// <summary>Review of the tiering code: each fact below fails on the code as reviewed unless marked otherwise.</summary>
public class TieringReviewTests
{
    // ---------------------------------------------------------------- ScorecardScorer

    /// <summary>
    /// Contract (ScorecardScorer remarks, docs "Composite score"): under RenormalizeWeights a missing
    /// criterion is left out of that customer's score, statistics are taken over the customers that
    /// have a value, and the contributions add up to the score (0 for a missing criterion).
    /// Actual: the criterion's Substitute (allowed to be set under any policy) is written into the
    /// column whatever the policy (ScorecardScorer.cs NormalizeColumnCore), so it shifts the other
    /// customers' min–max and gives the missing customer a non-zero contribution.
    /// By hand: a = 0, 10, 5 → 0, 1, 0.5; b present = 10, (missing), 5 → 1, –, 0.
    /// Row 0: 50·0 + 50·1 = 50; row 1: 100·1 (renormalised), contributions [100, 0]; row 2: 25 + 0 = 25.
    /// </summary>
    [Fact]
    public void Renormalize_CriterionWithSubstitute_SubstituteIsNotUsed()
    {
        var card = new Scorecard(
            [
                new Criterion("a", CriterionDirection.HigherIsBetter, CriterionNormalization.MinMax),
                new Criterion("b", CriterionDirection.HigherIsBetter, CriterionNormalization.MinMax, substitute: 20),
            ],
            MissingValuePolicy.RenormalizeWeights);
        ScorecardResult<int> r = ScorecardScorer.Score([0, 10, 10, double.NaN, 5, 5], card);

        Assert.Equal(1, r[1].CriteriaPresent);
        Assert.Equal(0, r[1].Contributions.Span[1], 9);
        Assert.Equal(100, r[1].Score!.Value, 9);
        Assert.Equal(50, r[0].Score!.Value, 9);
        Assert.Equal(25, r[2].Score!.Value, 9);
    }

    /// <summary>
    /// Contract: min–max v = (x − min) / (max − min) ∈ [0, 1] for finite values. Values −1e308, 0, 1e308
    /// should give 0, 0.5, 1 (scores 0, 50, 100). Actual: max − min overflows to ∞, so the middle value
    /// gets 0 and the top one ∞/∞ = NaN, which is then counted as a 0 contribution (scores 0, 0, 0).
    /// CriterionNormalization.cs MinMaxNormalization.Normalize.
    /// </summary>
    [Fact]
    public void MinMax_HugeRange_DoesNotOverflow()
    {
        var card = new Scorecard([new Criterion("a", CriterionDirection.HigherIsBetter, CriterionNormalization.MinMax)]);
        ScorecardResult<int> r = ScorecardScorer.Score([-1e308, 0, 1e308], card);
        Assert.Equal(new[] { 0.0, 50.0, 100.0 }, r.ScoreSpan.ToArray(), new Tolerance(1e-6));
    }

    /// <summary>
    /// Contract: AlreadyScored(min, max) takes any finite bounds with max &gt; min, v = (x − min) / (max − min).
    /// AlreadyScored(−1e308, 1e308): 0 → 0.5 (score 50), 1e308 → 1 (score 100). Actual: max − min = ∞,
    /// so 0 → 0 and 1e308 → ∞/∞ = NaN → counted as 0.
    /// </summary>
    [Fact]
    public void AlreadyScored_HugeScale_DoesNotOverflow()
    {
        var card = new Scorecard([new Criterion("a", CriterionDirection.HigherIsBetter, CriterionNormalization.AlreadyScored(-1e308, 1e308))]);
        ScorecardResult<int> r = ScorecardScorer.Score([0, 1e308], card);
        Assert.Equal(new[] { 50.0, 100.0 }, r.ScoreSpan.ToArray(), new Tolerance(1e-6));
    }

    /// <summary>
    /// Contract: z = (x − mean) / population sd; "sd = 0 gives 0.5". For −1e200 and 1e200 the sd is 1e200
    /// (not 0), z = −1, +1, v = (z + 3) / 6 = 1/3, 2/3 → scores 33.33, 66.67. Actual: (x − mean)² overflows,
    /// sd = ∞ and everyone gets 0.5 (50, 50).
    /// </summary>
    [Fact]
    public void ZScore_HugeValues_SdDoesNotOverflow()
    {
        var card = new Scorecard([new Criterion("a", CriterionDirection.HigherIsBetter, CriterionNormalization.ZScore())]);
        ScorecardResult<int> r = ScorecardScorer.Score([-1e200, 1e200], card);
        Assert.Equal(new[] { 100.0 / 3, 200.0 / 3 }, r.ScoreSpan.ToArray(), new Tolerance(1e-6));
    }

    /// <summary>
    /// Same as above at the tiny end: 1e-200 and 3e-200 have sd 1e-200 ≠ 0, z = −1, +1 → 33.33, 66.67.
    /// Actual: (x − mean)² = 1e-400 underflows to 0, sd = 0 and both get 0.5 (50, 50): z-scores are not
    /// scale invariant.
    /// </summary>
    [Fact]
    public void ZScore_TinyValues_SdDoesNotUnderflow()
    {
        var card = new Scorecard([new Criterion("a", CriterionDirection.HigherIsBetter, CriterionNormalization.ZScore())]);
        ScorecardResult<int> r = ScorecardScorer.Score([1e-200, 3e-200], card);
        Assert.Equal(new[] { 100.0 / 3, 200.0 / 3 }, r.ScoreSpan.ToArray(), new Tolerance(1e-6));
    }

    /// <summary>
    /// Contract: scale is any finite positive number; a customer with ≥ ⌈share·k⌉ criteria and weight present is
    /// Scored with a score in [0, scale]. Scale 1e308, RenormalizeWeights, row 0 has a = 0 (v = 0) and b missing:
    /// expected Scored, score 0, contributions [0, 0]. Actual: factor = scale / 0.5 = ∞ and ∞ · 0 = NaN, so the
    /// score is NaN and the customer is reported as TooFewCriteria (ScorecardScorer.cs factor / contribution).
    /// </summary>
    [Fact]
    public void Renormalize_HugeScale_ScoreIsNotNaN()
    {
        var card = new Scorecard(
            [
                new Criterion("a", CriterionDirection.HigherIsBetter, CriterionNormalization.MinMax),
                new Criterion("b", CriterionDirection.HigherIsBetter, CriterionNormalization.MinMax),
            ],
            MissingValuePolicy.RenormalizeWeights,
            scale: 1e308);
        ScorecardResult<int> r = ScorecardScorer.Score([0, double.NaN, 10, 5, 5, 10], card);
        Assert.Equal(ScorecardStatus.Scored, r[0].Status);
        Assert.Equal(0, r[0].Score);
        Assert.Equal(3, r.ScoredCount);
    }

    /// <summary>
    /// Contract: the selector overload's ArgumentOutOfRangeException for an infinite value should name its
    /// own argument (the NaN check in the same loop names "valuesSelector"). Actual: ParamName is "values",
    /// the span overload's parameter, which this overload does not have.
    /// </summary>
    [Fact]
    public void SelectorOverload_InfiniteValue_NamesValuesSelector()
    {
        var card = new Scorecard([new Criterion("a", CriterionDirection.HigherIsBetter, CriterionNormalization.MinMax)]);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => ScorecardScorer.Score(new[] { "x" }, c => c, c => new double?[] { double.PositiveInfinity }, card));
        Assert.Equal("valuesSelector", e.ParamName);
    }

    /// <summary>
    /// Same for a value missing under Reject in the selector overload: ArgumentException with ParamName
    /// "values", not an argument of this overload (expected "valuesSelector").
    /// </summary>
    [Fact]
    public void SelectorOverload_MissingUnderReject_NamesValuesSelector()
    {
        var card = new Scorecard([new Criterion("a", CriterionDirection.HigherIsBetter, CriterionNormalization.MinMax)]);
        var e = Assert.Throws<ArgumentException>(() => ScorecardScorer.Score(new[] { "x" }, c => c, c => new double?[] { null }, card));
        Assert.Equal("valuesSelector", e.ParamName);
    }

    // ---------------------------------------------------------------- TierRule

    /// <summary>
    /// Contract (TierRule.Quotas, docs "Tiers"): tier k ends after round(n × (s₁ + … + s_k)) customers,
    /// halves rounded up. Quotas A 0.3, B 0.35, C 0.35 over 10 distinct scores: A ends after 3, B after
    /// round(6.5) = 7, so sizes 3, 4, 3. Actual: 0.3 + 0.35 = 0.6499999999999999 in doubles, ×10 + 0.5
    /// floors to 6, sizes 3, 3, 4 (TierRule.cs QuotaRule.Assign, cumulative share summed in floating point).
    /// </summary>
    [Fact]
    public void Quotas_CumulativeShareExactlyHalf_RoundsUp()
    {
        var card = new Scorecard([new Criterion("a", CriterionDirection.HigherIsBetter, CriterionNormalization.AlreadyScored(0, 10))]);
        TierRule rule = TierRule.Quotas(new("A", 0.3), new("B", 0.35), new("C", 0.35));
        ScorecardResult<int> r = ScorecardScorer.Score([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], card, rule);
        Assert.Equal(new[] { 3, 4, 3 }, r.TierCounts.Select(t => t.Count).ToArray());
    }

    /// <summary>
    /// Contract (TierOf): ArgumentOutOfRangeException when "score ... falls outside the last tier" — the
    /// argument at fault is <c>score</c>. Actual: ParamName is "tiers" (the internal Assign span's name),
    /// which is not a parameter of TierOf.
    /// </summary>
    [Fact]
    public void TierOf_ScoreBelowLastTier_NamesScore()
    {
        TierRule rule = TierRule.AtLeast(new("A", 7), new("B", 3), new("C", 1));
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => rule.TierOf(0.5));
        Assert.Equal("score", e.ParamName);
    }

    // ---------------------------------------------------------------- TOPSIS

    /// <summary>
    /// Contract: MinMax r = (x − min) / (max − min); closeness ∈ [0, 1]. One benefit criterion −1e308, 1e308:
    /// expected closeness 0, 1. Actual: max − min = ∞ and (1e308 − (−1e308)) / ∞ = NaN leaks into the closeness.
    /// </summary>
    [Fact]
    public void Topsis_MinMaxHugeRange_NoNaN()
    {
        TopsisResult r = Topsis.Rank([-1e308, 1e308], [1.0], [CriterionDirection.HigherIsBetter], TopsisNormalization.MinMax);
        Assert.Equal(new[] { 0.0, 1.0 }, r.Closeness.ToArray(), new Tolerance(1e-9));
    }

    /// <summary>
    /// Contract: vector normalisation r = x / √Σx², scale free. Values 1e200, 2e200 (same as 1, 2): r = 1/√5, 2/√5,
    /// closeness 0, 1. Actual: Σx² overflows to ∞, every r = 0, and both alternatives get 0.5.
    /// </summary>
    [Fact]
    public void Topsis_VectorHugeValues_SameAsUnscaled()
    {
        TopsisResult r = Topsis.Rank([1e200, 2e200], [1.0], [CriterionDirection.HigherIsBetter]);
        Assert.Equal(new[] { 0.0, 1.0 }, r.Closeness.ToArray(), new Tolerance(1e-9));
    }

    /// <summary>As above at the tiny end: 1e-200, 2e-200 should give closeness 0, 1; Σx² underflows to 0 and both get 0.5.</summary>
    [Fact]
    public void Topsis_VectorTinyValues_SameAsUnscaled()
    {
        TopsisResult r = Topsis.Rank([1e-200, 2e-200], [1.0], [CriterionDirection.HigherIsBetter]);
        Assert.Equal(new[] { 0.0, 1.0 }, r.Closeness.ToArray(), new Tolerance(1e-9));
    }
}
