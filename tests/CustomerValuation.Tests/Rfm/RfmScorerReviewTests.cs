using System;
using CustomerValuation.Rfm;
using Xunit;

namespace CustomerValuation.Tests.Rfm;

/// <summary>Cases found in review of the scorer's summaries and options.</summary>
public class RfmScorerReviewTests
{
    [Fact]
    public void Score_NegativeZero_ReportedAsZeroByEveryMethod()
    {
        double[] ones = [1, 1];
        double[] monetary = [-0.0, 3];
        var scores = new RfmScore[2];
        foreach (RfmDimensionScoring method in new[] { RfmDimensionScoring.Rank, RfmDimensionScoring.ValueBreakpoints, RfmDimensionScoring.Fixed(1) })
        {
            RfmScoringSummary summary = RfmScorer.Score(ones, ones, monetary, scores, new RfmScoringOptions(2, monetary: method));
            Assert.False(double.IsNegative(summary.Monetary.MinimumPerScore[0]!.Value), method.ToString());
            Assert.False(double.IsNegative(summary.Monetary.Edges[0]), method.ToString());
        }
    }

    [Fact]
    public void Options_WeightsWhoseCombinedScoreWouldOverflow_AreRejected()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new RfmScoringOptions(recencyWeight: double.MaxValue, frequencyWeight: double.MaxValue, monetaryWeight: 1));
        Assert.Equal("monetaryWeight", e.ParamName);
        // Hand: 1·5 + 1·5 + 1·5 = 15 once large weights are replaced by ordinary ones.
        Assert.Equal(15, new RfmScoringOptions(recencyWeight: 1e300).WithWeights(1, 1, 1).Combine(new RfmScore(5, 5, 5)));
    }
}
