using System;
using System.Linq;
using CustomerValuation.Tiering;
using Xunit;

namespace CustomerValuation.Tests.Tiering;

/// <summary>Hand-worked scorecards: each normalisation, directions, missing values and tiers (expected values worked by hand in the comments).</summary>
public class ScorecardScorerTests
{
    private static Criterion Amount(double weight = 2) => new("amount", CriterionDirection.HigherIsBetter, CriterionNormalization.MinMax, weight);

    private static Criterion Overdue(double weight = 1) => new("overdue", CriterionDirection.LowerIsBetter, CriterionNormalization.MinMax, weight);

    [Fact]
    public void Score_MinMaxBothDirections_HandWorkedScoresAndContributions()
    {
        // Hand: weights 2:1 → 2/3, 1/3. Amount 10, 20, 30 → 0, 0.5, 1. Overdue 5, 0, 10 days,
        // lower is better → 1 − (0.5, 0, 1) = 0.5, 1, 0. Scores ×100: A = 100/3·0.5 = 16.667,
        // B = 200/3·0.5 + 100/3 = 66.667, C = 200/3 = 66.667.
        var card = new Scorecard([Amount(), Overdue()]);
        ScorecardResult<int> result = ScorecardScorer.Score([10, 5, 20, 0, 30, 10], card);
        Assert.Equal(new[] { 100 / 6.0, 200 / 3.0, 200 / 3.0 }, result.Select(c => c.Score!.Value), new Tolerance(1e-9));
        Assert.Equal(new[] { 0, 100 / 6.0 }, result[0].Contributions.ToArray(), new Tolerance(1e-9));
        Assert.Equal(new[] { 100 / 3.0, 100 / 3.0 }, result[1].Contributions.ToArray(), new Tolerance(1e-9));
        Assert.All(result, c => Assert.Equal(c.Score!.Value, c.Contributions.ToArray().Sum(), 9));
        Assert.Equal(new[] { 2.0 / 3, 1.0 / 3 }, card.Weights, new Tolerance(1e-12));
    }

    [Fact]
    public void Score_RankPercentileWithTies_TiesShareTheMeanRank()
    {
        // Hand: 5, 1, 5, 3 → ascending ranks 3.5, 1, 3.5, 2 → (r − 1) / 3 = 0.8333, 0, 0.8333, 0.3333.
        var card = new Scorecard([new Criterion("x", CriterionDirection.HigherIsBetter, CriterionNormalization.RankPercentile)], scale: 1);
        ScorecardResult<int> result = ScorecardScorer.Score([5, 1, 5, 3], card);
        Assert.Equal(new[] { 2.5 / 3, 0, 2.5 / 3, 1.0 / 3 }, result.Select(c => c.Score!.Value), new Tolerance(1e-12));
    }

    [Fact]
    public void Score_ZScoreClipped_HandWorked()
    {
        // Hand: 1, 2, 3: mean 2, population sd √(2/3) = 0.816497; z = ∓1.224745, 0.
        // Clip 3: v = (z + 3) / 6 = 0.295876, 0.5, 0.704124. Clip 1: z → ∓1: v = 0, 0.5, 1.
        var wide = new Scorecard([new Criterion("x", CriterionDirection.HigherIsBetter, CriterionNormalization.ZScore())], scale: 1);
        var narrow = new Scorecard([new Criterion("x", CriterionDirection.HigherIsBetter, CriterionNormalization.ZScore(1))], scale: 1);
        Assert.Equal(new[] { 0.295876, 0.5, 0.704124 }, ScorecardScorer.Score([1, 2, 3], wide).Select(c => c.Score!.Value), new Tolerance(1e-6));
        Assert.Equal(new[] { 0, 0.5, 1 }, ScorecardScorer.Score([1, 2, 3], narrow).Select(c => c.Score!.Value), new Tolerance(1e-12));
    }

    [Fact]
    public void Score_DaysOverdueBands_PointsOverTheTopPoints()
    {
        // Issue example: 0 days → 10, 1–30 → 6, 31–60 → 3, over 60 → 0 (bands from 0, 1, 31, 61).
        // Hand: 0 → 10/10, 15 → 0.6, 45 → 0.3, 90 → 0, 30.5 → in [1, 31) → 0.6.
        CriterionNormalization bands = CriterionNormalization.Bands([new(0, 10), new(1, 6), new(31, 3), new(61, 0)]);
        var card = new Scorecard([new Criterion("overdue", CriterionDirection.HigherIsBetter, bands)], scale: 1);
        Assert.Equal(new[] { 1, 0.6, 0.3, 0, 0.6 }, ScorecardScorer.Score([0, 15, 45, 90, 30.5], card).Select(c => c.Score!.Value), new Tolerance(1e-12));
    }

    [Fact]
    public void Score_AlreadyScoredAndConstantColumn_HandWorked()
    {
        // Hand: a 1–5 rating of 3 → 0.5, of 5 → 1; a column where everyone has 7 → 0.5 for all.
        var card = new Scorecard(
            [
                new Criterion("rating", CriterionDirection.HigherIsBetter, CriterionNormalization.AlreadyScored(1, 5)),
                new Criterion("flat", CriterionDirection.HigherIsBetter, CriterionNormalization.MinMax),
            ],
            scale: 1);
        ScorecardResult<int> result = ScorecardScorer.Score([3, 7, 5, 7], card);
        Assert.Equal(new[] { 0.5, 0.75 }, result.Select(c => c.Score!.Value), new Tolerance(1e-12));
    }

    [Fact]
    public void Score_RenormalizeWeights_MissingCriterionLeftOutAndTooFewReported()
    {
        // Hand: three criteria, weights 1:1:2, min–max. Customer 0 lacks criterion 2 (weight 2):
        // its score uses weights 1/2, 1/2 over criteria 0 and 1. Values: c0 = 0, 10 → 0, 1;
        // c1 = 0, 10 → 0, 1; c2 = (missing), 4, 8 → rows 1, 2 → 0, 1.
        // Row 0: (0·0.5 + 0·0.5) = 0. Row 1: 1·0.25 + 1·0.25 + 0·0.5 = 0.5. Row 2 has only 1 of 3
        // criteria (below ⌈0.5 × 3⌉ = 2): not scored.
        var card = new Scorecard(
            [
                new Criterion("a", CriterionDirection.HigherIsBetter, CriterionNormalization.MinMax),
                new Criterion("b", CriterionDirection.HigherIsBetter, CriterionNormalization.MinMax),
                new Criterion("c", CriterionDirection.HigherIsBetter, CriterionNormalization.MinMax, 2),
            ],
            MissingValuePolicy.RenormalizeWeights,
            scale: 1);
        ScorecardResult<int> result = ScorecardScorer.Score([0, 0, double.NaN, 10, 10, 4, double.NaN, double.NaN, 8], card);
        Assert.Equal(0, result[0].Score);
        Assert.Equal(0.5, result[1].Score!.Value, 12);
        Assert.Equal(ScorecardStatus.TooFewCriteria, result[2].Status);
        Assert.Null(result[2].Score);
        Assert.Equal(1, result[2].CriteriaPresent);
        Assert.Equal(3, result.Count);
        Assert.Equal(2, result.ScoredCount);
    }

    [Fact]
    public void Score_Substitute_TakesPartInTheStatistics()
    {
        // Hand: min–max over 10, (missing → substitute 30), 20 → 0, 1, 0.5.
        var card = new Scorecard([new Criterion("x", CriterionDirection.HigherIsBetter, CriterionNormalization.MinMax, substitute: 30)], MissingValuePolicy.Substitute, scale: 1);
        Assert.Equal(new[] { 0, 1, 0.5 }, ScorecardScorer.Score([10, double.NaN, 20], card).Select(c => c.Score!.Value), new Tolerance(1e-12));
    }

    [Fact]
    public void Score_SelectorsWithThresholdTiers_W5Grades()
    {
        // SPEC W5: points 9 / 5 / 3 / 2 / 1 → A (7–9), B (3–6), B, C (1–2), C. The points are used
        // as given on the scale 0–9 (already scored), and the composite is on that scale.
        var card = new Scorecard([new Criterion("points", CriterionDirection.HigherIsBetter, CriterionNormalization.AlreadyScored(0, 9))], scale: 9);
        TierRule w5 = TierRule.AtLeast(new("A", 7), new("B", 3), new("C", 1));
        var hospitals = new (string Id, double Points)[] { ("h1", 9), ("h2", 5), ("h3", 3), ("h4", 2), ("h5", 1) };
        ScorecardResult<string> result = ScorecardScorer.Score(hospitals, h => h.Id, h => [h.Points], card, w5);
        Assert.Equal(new[] { "A", "B", "B", "C", "C" }, result.Select(c => c.Tier));
        Assert.Equal(new[] { new TierCount("A", 1), new TierCount("B", 2), new TierCount("C", 2) }, result.TierCounts);
    }

    [Fact]
    public void Score_Quotas_SizesAndTieRule()
    {
        // Hand: 10 distinct scores, quotas 20 / 30 / 50 % → 2, 3, 5 customers.
        var card = new Scorecard([new Criterion("x", CriterionDirection.HigherIsBetter, CriterionNormalization.AlreadyScored(0, 100))], scale: 100);
        TierRule quotas = TierRule.Quotas(new("A", 0.2), new("B", 0.3), new("C", 0.5));
        ScorecardResult<int> distinct = ScorecardScorer.Score([5, 90, 10, 80, 20, 70, 30, 60, 40, 50], card, quotas);
        Assert.Equal(new[] { 2, 3, 5 }, distinct.TierCounts.Select(t => t.Count));
        Assert.Equal("A", distinct[1].Tier); // 90
        Assert.Equal("A", distinct[3].Tier); // 80
        Assert.Equal("B", distinct[9].Tier); // 50
        Assert.Equal("C", distinct[8].Tier); // 40

        // Hand: scores 10, 9, 9, 8, 7 with quotas 40 / 40 / 20 %: A ends after 2, but the second 9
        // ties with the first, so both 9s are A (3 customers); B ends after 4: the 8; C: the 7.
        TierRule split = TierRule.Quotas(new("A", 0.4), new("B", 0.4), new("C", 0.2));
        ScorecardResult<int> tied = ScorecardScorer.Score([9, 10, 7, 9, 8], card, split);
        Assert.Equal(new[] { "A", "A", "C", "A", "B" }, tied.Select(c => c.Tier));
    }

    [Fact]
    public void Score_LowerIsBetterThresholds_W7Horizon()
    {
        // SPEC W7: purchase within 1 month → A, 2–3 months → B, 3–6 → C; over 6 is outside every
        // tier (D is "a plan only", given separately as no horizon).
        TierRule w7 = TierRule.AtMost(new("A", 1), new("B", 3), new("C", 6));
        var card = new Scorecard([new Criterion("months", CriterionDirection.LowerIsBetter, CriterionNormalization.AlreadyScored(0, 12))], scale: 12);

        // The score is 12 − months on the 0–12 scale here, so the rule is applied to months via a
        // second scorecard-free check: AtMost compares the score itself.
        ScorecardResult<int> months = ScorecardScorer.Score([0.5, 2, 3, 5.5], new Scorecard([new Criterion("m", CriterionDirection.HigherIsBetter, CriterionNormalization.AlreadyScored(0, 12))], scale: 12), w7);
        Assert.Equal(new[] { "A", "B", "B", "C" }, months.Select(c => c.Tier));
        Assert.Equal(11.5, ScorecardScorer.Score([0.5], card)[0].Score!.Value, 12);
    }
}
