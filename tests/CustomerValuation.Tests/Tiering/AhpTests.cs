using System;
using CustomerValuation.Tiering;
using Xunit;

namespace CustomerValuation.Tests.Tiering;

/// <summary>AHP weights and consistency against a published example and hand-worked matrices.</summary>
public class AhpTests
{
    [Fact]
    public void Analyze_WikipediaLeaderExample_PublishedWeightsAndConsistency()
    {
        // Published: "Analytic hierarchy process – leader example" (Wikipedia), criteria Experience,
        // Education, Charisma, Age with judgements Exp/Edu 4, Exp/Cha 3, Exp/Age 7, Edu/Cha 1/3,
        // Edu/Age 3, Cha/Age 5; published priorities .547, .127, .270, .056. λmax and CR from an
        // independent implementation (Python power iteration, 200 steps): λmax = 4.118418,
        // CR = (λmax − 4) / 3 / 0.90 = 0.043859.
        double[,] matrix =
        {
            { 1, 4, 3, 7 },
            { 1 / 4.0, 1, 1 / 3.0, 3 },
            { 1 / 3.0, 3, 1, 5 },
            { 1 / 7.0, 1 / 3.0, 1 / 5.0, 1 },
        };
        AhpResult result = Ahp.Analyze(matrix);
        Assert.Equal(new[] { 0.547, 0.127, 0.270, 0.056 }, result.Weights, new Tolerance(0.001));
        Assert.Equal(4.118418, result.PrincipalEigenvalue, 5);
        Assert.Equal(0.90, result.RandomIndex);
        Assert.Equal(0.043859, result.ConsistencyRatio, 5);
        Assert.True(result.IsConsistent);
    }

    [Fact]
    public void Analyze_ConsistentMatrix_ExactWeightsAndZeroRatio()
    {
        // Hand: a12 = 2, a13 = 4, a23 = 2 is perfectly consistent: weights 4/7, 2/7, 1/7, λmax = 3, CR = 0.
        AhpResult result = Ahp.Analyze(new double[,] { { 1, 2, 4 }, { 0.5, 1, 2 }, { 0.25, 0.5, 1 } });
        Assert.Equal(new[] { 4 / 7.0, 2 / 7.0, 1 / 7.0 }, result.Weights, new Tolerance(1e-12));
        Assert.Equal(3, result.PrincipalEigenvalue, 10);
        Assert.Equal(0, result.ConsistencyRatio, 10);
    }

    [Fact]
    public void Analyze_CyclicJudgements_InconsistentAndRejectedByScorecard()
    {
        // Hand: A ≻ B (9), B ≻ C (9), C ≻ A (9) is a cycle: the three weights are equal, λmax = 1 + 9 + 1/9 = 10.111,
        // CI = (10.111 − 3) / 2 = 3.556, CR = 3.556 / 0.58 = 6.13 > 0.10.
        AhpResult result = Ahp.Analyze(new double[,] { { 1, 9, 1 / 9.0 }, { 1 / 9.0, 1, 9 }, { 9, 1 / 9.0, 1 } });
        Assert.Equal(6.130, result.ConsistencyRatio, 3);
        Assert.False(result.IsConsistent);
        var card = new Scorecard(
            [
                new Criterion("a", CriterionDirection.HigherIsBetter, CriterionNormalization.MinMax),
                new Criterion("b", CriterionDirection.HigherIsBetter, CriterionNormalization.MinMax),
                new Criterion("c", CriterionDirection.HigherIsBetter, CriterionNormalization.MinMax),
            ]);
        var e = Assert.Throws<ArgumentException>(() => card.WithAhpWeights(result));
        Assert.Contains("6.130", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WithAhpWeights_ConsistentAnalysis_ScorecardTakesTheWeights()
    {
        AhpResult result = Ahp.Analyze(new double[,] { { 1, 3 }, { 1 / 3.0, 1 } });
        var card = new Scorecard(
            [
                new Criterion("a", CriterionDirection.HigherIsBetter, CriterionNormalization.MinMax),
                new Criterion("b", CriterionDirection.HigherIsBetter, CriterionNormalization.MinMax),
            ]).WithAhpWeights(result);

        // Hand: a 2 × 2 reciprocal matrix with a12 = 3 gives weights 3/4, 1/4.
        Assert.Equal(new[] { 0.75, 0.25 }, card.Weights, new Tolerance(1e-12));
    }

    [Theory]
    [InlineData("not square")]
    [InlineData("not reciprocal")]
    [InlineData("diagonal")]
    [InlineData("negative")]
    [InlineData("too big")]
    public void Analyze_BadMatrix_ThrowsNamingTheRule(string kind)
    {
        double[,] matrix = kind switch
        {
            "not square" => new double[2, 3],
            "not reciprocal" => new double[,] { { 1, 2 }, { 0.4, 1 } },
            "diagonal" => new double[,] { { 2, 1 }, { 1, 1 } },
            "negative" => new double[,] { { 1, -2 }, { -0.5, 1 } },
            _ => new double[16, 16],
        };
        var e = Assert.Throws<ArgumentException>(() => Ahp.Analyze(matrix));
        Assert.Equal("pairwise", e.ParamName);
        Assert.Contains(
            kind switch { "not square" => "square", "not reciprocal" => "reciprocal", "diagonal" => "Diagonal", "negative" => "positive", _ => "at most 15" },
            e.Message,
            StringComparison.Ordinal);
    }
}
