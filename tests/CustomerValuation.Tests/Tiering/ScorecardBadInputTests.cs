using System;
using CustomerValuation.Tiering;
using Xunit;

namespace CustomerValuation.Tests.Tiering;

/// <summary>Bad input to scorecards and tier rules: an exception that names the argument, the row or criterion and the rule.</summary>
public class ScorecardBadInputTests
{
    private static Criterion X(double weight = 1) => new("x", CriterionDirection.HigherIsBetter, CriterionNormalization.MinMax, weight);

    [Theory]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Criterion_BadWeight_Throws(double weight) =>
        Assert.Equal("weight", Assert.Throws<ArgumentOutOfRangeException>(() => X(weight)).ParamName);

    [Fact]
    public void Scorecard_AllWeightsZero_Throws() =>
        Assert.Contains("add up to 0", Assert.Throws<ArgumentException>(() => new Scorecard([X(0), new Criterion("y", CriterionDirection.HigherIsBetter, CriterionNormalization.MinMax, 0)])).Message, StringComparison.Ordinal);

    [Fact]
    public void Scorecard_RepeatedName_Throws() =>
        Assert.Contains("'x' is given twice", Assert.Throws<ArgumentException>(() => new Scorecard([X(), X()])).Message, StringComparison.Ordinal);

    [Fact]
    public void Scorecard_SubstituteWithoutValue_ThrowsNamingCriterion() =>
        Assert.Contains("'x'", Assert.Throws<ArgumentException>(() => new Scorecard([X()], MissingValuePolicy.Substitute)).Message, StringComparison.Ordinal);

    [Fact]
    public void Score_MissingUnderReject_ThrowsNamingRowAndCriterion()
    {
        var e = Assert.Throws<ArgumentException>(() => ScorecardScorer.Score([1, double.NaN, 3], new Scorecard([X()])));
        Assert.Equal("values", e.ParamName);
        Assert.Contains("Row 1", e.Message, StringComparison.Ordinal);
        Assert.Contains("'x'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_InfiniteValue_ThrowsNamingCustomer()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => ScorecardScorer.Score(new[] { ("a", 1.0), ("b", double.PositiveInfinity) }, c => c.Item1, c => [c.Item2], new Scorecard([X()])));
        Assert.Contains("Customer 'b'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_DuplicateId_ThrowsNamingIt() =>
        Assert.Contains("'a' is given twice", Assert.Throws<ArgumentException>(() => ScorecardScorer.Score(new[] { "a", "a" }, s => s, _ => [1.0], new Scorecard([X()]))).Message, StringComparison.Ordinal);

    [Fact]
    public void Score_EmptyOrRaggedInput_Throws()
    {
        var card = new Scorecard([X(), new Criterion("y", CriterionDirection.HigherIsBetter, CriterionNormalization.MinMax)]);
        Assert.Throws<ArgumentException>(() => ScorecardScorer.Score(ReadOnlySpan<double>.Empty, card));
        Assert.Throws<ArgumentException>(() => ScorecardScorer.Score([1, 2, 3], card));
        Assert.Contains("has 1 values", Assert.Throws<ArgumentException>(() => ScorecardScorer.Score(new[] { "a" }, s => s, _ => [1.0], card)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_AlreadyScoredOutsideScaleOrBelowFirstBand_ThrowsNamingRow()
    {
        var scored = new Scorecard([new Criterion("r", CriterionDirection.HigherIsBetter, CriterionNormalization.AlreadyScored(1, 5))]);
        Assert.Contains("Row 1", Assert.Throws<ArgumentOutOfRangeException>(() => ScorecardScorer.Score([3, 6], scored)).Message, StringComparison.Ordinal);
        var banded = new Scorecard([new Criterion("d", CriterionDirection.HigherIsBetter, CriterionNormalization.Bands([new(0, 10), new(30, 0)]))]);
        Assert.Contains("below the first band", Assert.Throws<ArgumentOutOfRangeException>(() => ScorecardScorer.Score([-1.0], banded)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TierRules_OverlapOrBadShares_Throw()
    {
        Assert.Contains("overlap", Assert.Throws<ArgumentException>(() => TierRule.AtLeast(new("A", 3), new("B", 5))).Message, StringComparison.Ordinal);
        Assert.Contains("overlap", Assert.Throws<ArgumentException>(() => TierRule.AtMost(new("A", 3), new("B", 3))).Message, StringComparison.Ordinal);
        Assert.Contains("add up to 1", Assert.Throws<ArgumentException>(() => TierRule.Quotas(new("A", 0.2), new("B", 0.3))).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => TierRule.Quotas(new("A", 0), new("B", 1)));
        Assert.Contains("given twice", Assert.Throws<ArgumentException>(() => TierRule.AtLeast(new("A", 3), new("A", 1))).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => TierRule.AtLeast());
    }

    [Fact]
    public void Score_BelowLastThreshold_ThrowsNamingRow()
    {
        var card = new Scorecard([new Criterion("p", CriterionDirection.HigherIsBetter, CriterionNormalization.AlreadyScored(0, 9))], scale: 9);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => ScorecardScorer.Score([9, 0], card, TierRule.AtLeast(new("A", 7), new("B", 3), new("C", 1))));
        Assert.Contains("Row 1 scores 0", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(-1)]
    public void Score_TwoBadCriteria_AlwaysNamesTheFirst(int threads)
    {
        // Criteria 1 and 2 both reject row 0; whatever the threads do, the error is criterion 1's.
        var card = new Scorecard(
            [
                X(),
                new Criterion("r", CriterionDirection.HigherIsBetter, CriterionNormalization.AlreadyScored(1, 5)),
                new Criterion("s", CriterionDirection.HigherIsBetter, CriterionNormalization.AlreadyScored(1, 5)),
            ]);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => ScorecardScorer.Score([1, 9, 9, 2, 3, 3], card, maxDegreeOfParallelism: threads));
        Assert.Contains("criterion 'r'", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-2)]
    public void Score_BadParallelism_Throws(int threads) =>
        Assert.Equal("maxDegreeOfParallelism", Assert.Throws<ArgumentOutOfRangeException>(() => ScorecardScorer.Score([1.0], new Scorecard([X()]), maxDegreeOfParallelism: threads)).ParamName);

    [Fact]
    public void Normalizations_BadParameters_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CriterionNormalization.ZScore(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => CriterionNormalization.AlreadyScored(5, 5));
        Assert.Contains("increasing order", Assert.Throws<ArgumentException>(() => CriterionNormalization.Bands([new(10, 1), new(5, 2)])).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => CriterionNormalization.Bands([new(0, 0)]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ScoreBand(0, -1));
        Assert.Throws<ArgumentException>(() => new Criterion("d", CriterionDirection.LowerIsBetter, CriterionNormalization.Bands([new(0, 1)])));
    }
}
