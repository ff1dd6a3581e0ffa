using System;
using System.Linq;
using System.Threading;
using CustomerValuation.Rfm;
using Xunit;

namespace CustomerValuation.Tests.Rfm;

/// <summary>Bad input gets a clear exception naming the argument, the index or id, and the rule (STYLE 9).</summary>
public class RfmScorerBadInputTests
{
    private static readonly double[] s_ok = { 1, 2, 3, 4 };
    private static readonly int[] s_okInt = { 1, 2, 3, 4 };

    private static double[] With(double bad, int index)
    {
        double[] values = (double[])s_ok.Clone();
        values[index] = bad;
        return values;
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Score_NonFiniteRecency_ThrowsNamingIndex(double bad)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => RfmScorer.Score(With(bad, 2), s_ok, s_ok, new RfmScore[4]));
        Assert.Equal("recencyDays", e.ParamName);
        Assert.Contains("index 2", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Score_NonFiniteFrequency_ThrowsNamingIndex(double bad)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => RfmScorer.Score(s_ok, With(bad, 1), s_ok, new RfmScore[4]));
        Assert.Equal("frequency", e.ParamName);
        Assert.Contains("index 1", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Score_NonFiniteMonetary_ThrowsNamingIndex(double bad)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => RfmScorer.Score(s_ok, s_ok, With(bad, 3), new RfmScore[4]));
        Assert.Equal("monetary", e.ParamName);
        Assert.Contains("index 3", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Score_IntSpansNonFiniteMonetary_ThrowsNamingIndex(double bad)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => RfmScorer.Score(s_okInt, s_okInt, With(bad, 0), new RfmScore[4]));
        Assert.Equal("monetary", e.ParamName);
        Assert.Contains("index 0", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_NegativeRecency_ThrowsNamingIndex()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => RfmScorer.Score(With(-1, 1), s_ok, s_ok, new RfmScore[4]));
        Assert.Equal("recencyDays", e.ParamName);
        Assert.Contains("index 1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_NegativeFrequency_ThrowsNamingIndex()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => RfmScorer.Score(s_ok, With(-0.5, 0), s_ok, new RfmScore[4]));
        Assert.Equal("frequency", e.ParamName);
        Assert.Contains("index 0", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_NegativeIntRecencyAndFrequency_ThrowsNamingIndex()
    {
        int[] bad = { 1, 2, 3, -7 };
        var r = Assert.Throws<ArgumentOutOfRangeException>(() => RfmScorer.Score(bad, s_okInt, s_ok, new RfmScore[4]));
        Assert.Equal("recencyDays", r.ParamName);
        Assert.Contains("index 3", r.Message, StringComparison.Ordinal);

        var f = Assert.Throws<ArgumentOutOfRangeException>(() => RfmScorer.Score(s_okInt, bad, new[] { 1m, 2m, 3m, 4m }, new RfmScore[4]));
        Assert.Equal("frequency", f.ParamName);
        Assert.Contains("index 3", f.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_NegativeMonetary_Allowed()
    {
        // Net returns: a negative spend is valid; hand: -3 < 1 < 2 < 4 -> M by NTILE n = 2: 1, 1, 2, 2 in sorted order.
        var scores = new RfmScore[4];
        RfmScorer.Score(s_ok, s_ok, new[] { 4.0, -3, 2, 1 }, scores, new RfmScoringOptions(2));
        Assert.Equal(new[] { 2, 1, 2, 1 }, scores.Select(s => (int)s.Monetary));
    }

    [Fact]
    public void Score_EmptyInput_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => RfmScorer.Score(Array.Empty<double>(), Array.Empty<double>(), Array.Empty<double>(), Array.Empty<RfmScore>()));
        Assert.Throws<ArgumentException>(() => RfmScorer.Score(Array.Empty<int>(), Array.Empty<int>(), Array.Empty<double>(), Array.Empty<RfmScore>()));
        Assert.Throws<ArgumentException>(() => RfmScorer.Score(Array.Empty<int>(), Array.Empty<int>(), Array.Empty<decimal>(), Array.Empty<RfmScore>()));
        var e = Assert.Throws<ArgumentException>(() => RfmScorer.Score(Array.Empty<string>(), c => c, c => 1, c => 1, c => 1));
        Assert.Equal("customers", e.ParamName);
    }

    [Fact]
    public void Score_MismatchedLengths_ThrowsArgumentException()
    {
        var f = Assert.Throws<ArgumentException>(() => RfmScorer.Score(s_ok, new double[] { 1, 2, 3 }, s_ok, new RfmScore[4]));
        Assert.Equal("frequency", f.ParamName);
        Assert.Contains("3", f.Message, StringComparison.Ordinal);
        var m = Assert.Throws<ArgumentException>(() => RfmScorer.Score(s_ok, s_ok, new double[] { 1, 2, 3, 4, 5 }, new RfmScore[4]));
        Assert.Equal("monetary", m.ParamName);
        Assert.Throws<ArgumentException>(() => RfmScorer.Score(s_okInt, new[] { 1 }, s_ok, new RfmScore[4]));
        Assert.Throws<ArgumentException>(() => RfmScorer.Score(s_okInt, s_okInt, new[] { 1m }, new RfmScore[4]));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(0)]
    public void Score_DestinationWrongLength_ThrowsArgumentException(int length)
    {
        var e = Assert.Throws<ArgumentException>(() => RfmScorer.Score(s_ok, s_ok, s_ok, new RfmScore[length]));
        Assert.Equal("destination", e.ParamName);
        var i = Assert.Throws<ArgumentException>(() => RfmScorer.Score(s_okInt, s_okInt, s_ok, new RfmScore[length]));
        Assert.Equal("destination", i.ParamName);
        var d = Assert.Throws<ArgumentException>(() => RfmScorer.Score(s_okInt, s_okInt, new[] { 1m, 2m, 3m, 4m }, new RfmScore[length]));
        Assert.Equal("destination", d.ParamName);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(11)]
    [InlineData(0)]
    [InlineData(-5)]
    public void Constructor_ScoreCountOutside2To10_Throws(int scoreCount)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new RfmScoringOptions(scoreCount));
        Assert.Equal("scoreCount", e.ParamName);
        var w = Assert.Throws<ArgumentOutOfRangeException>(() => RfmScoringOptions.Default.WithScoreCount(scoreCount));
        Assert.Equal("scoreCount", w.ParamName);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(10)]
    public void Constructor_ScoreCountAtLimits_Accepted(int scoreCount)
    {
        Assert.Equal(scoreCount, new RfmScoringOptions(scoreCount).ScoreCount);
    }

    [Fact]
    public void Fixed_NotStrictlyIncreasing_Throws()
    {
        var equal = Assert.Throws<ArgumentException>(() => RfmDimensionScoring.Fixed(7, 30, 30, 120));
        Assert.Equal("thresholds", equal.ParamName);
        Assert.Contains("strictly increasing", equal.Message, StringComparison.Ordinal);
        var down = Assert.Throws<ArgumentException>(() => RfmDimensionScoring.Fixed(7, 60, 30, 120));
        Assert.Equal("thresholds", down.ParamName);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Fixed_NonFiniteThreshold_ThrowsOutOfRange(double bad)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => RfmDimensionScoring.Fixed(7, bad, 60));
        Assert.Equal("thresholds", e.ParamName);
    }

    [Fact]
    public void Fixed_NoneOrTooMany_Throws()
    {
        Assert.Throws<ArgumentException>(() => RfmDimensionScoring.Fixed());
        Assert.Throws<ArgumentException>(() => RfmDimensionScoring.Fixed(Enumerable.Range(1, 10).Select(i => (double)i)));
        Assert.Throws<ArgumentNullException>(() => RfmDimensionScoring.Fixed((double[])null!));
        Assert.Equal(9, RfmDimensionScoring.Fixed(Enumerable.Range(1, 9).Select(i => (double)i)).Thresholds.Count);
    }

    [Fact]
    public void Constructor_FixedThresholdCountNotScoreCountMinusOne_Throws()
    {
        // W4's four thresholds fit five scores only.
        RfmDimensionScoring w4 = RfmDimensionScoring.Fixed(7, 30, 60, 120);
        var r = Assert.Throws<ArgumentException>(() => new RfmScoringOptions(4, recency: w4));
        Assert.Equal("recency", r.ParamName);
        var f = Assert.Throws<ArgumentException>(() => new RfmScoringOptions(6, frequency: w4));
        Assert.Equal("frequency", f.ParamName);
        var m = Assert.Throws<ArgumentException>(() => new RfmScoringOptions(3, monetary: w4));
        Assert.Equal("monetary", m.ParamName);
        Assert.Throws<ArgumentException>(() => RfmScoringOptions.Default.WithRecency(w4).WithScoreCount(4));
        Assert.Throws<ArgumentException>(() => new RfmScoringOptions(4).WithAllDimensions(w4));
        Assert.Equal(5, RfmScoringOptions.Default.WithRecency(w4).ScoreCount);
    }

    [Theory]
    [InlineData(-1, 1, 1, "recencyWeight")]
    [InlineData(1, -0.001, 1, "frequencyWeight")]
    [InlineData(1, 1, double.NaN, "monetaryWeight")]
    [InlineData(double.PositiveInfinity, 1, 1, "recencyWeight")]
    public void Constructor_BadWeight_ThrowsNamingIt(double r, double f, double m, string name)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new RfmScoringOptions(recencyWeight: r, frequencyWeight: f, monetaryWeight: m));
        Assert.Equal(name, e.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => RfmScoringOptions.Default.WithWeights(r, f, m));
    }

    [Fact]
    public void Constructor_AllWeightsZero_ThrowsArgumentException()
    {
        var e = Assert.Throws<ArgumentException>(() => new RfmScoringOptions(recencyWeight: 0, frequencyWeight: 0, monetaryWeight: 0));
        Assert.Contains("zero", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => RfmScoringOptions.Default.WithWeights(0, 0, 0));
    }

    [Fact]
    public void RankWith_UndefinedBinning_Throws()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => RfmDimensionScoring.RankWith((RfmRankBinning)7));
        Assert.Equal("rankBinning", e.ParamName);
    }

    [Fact]
    public void For_UndefinedDimension_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RfmScoringOptions.Default.For((RfmDimension)3));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RfmScore(1, 2, 3).Of((RfmDimension)(-1)));
    }

    [Theory]
    [InlineData(3, 2, "recencyHigh")]   // inverted
    [InlineData(0, 2, "recencyLow")]    // below 1
    [InlineData(1, 11, "recencyHigh")]  // above 10
    [InlineData(11, 11, "recencyLow")]
    public void Constructor_BadRecencyRange_Throws(int low, int high, string name)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new RfmSegmentRule("X", low, high, 1, 5, 1, 5));
        Assert.Equal(name, e.ParamName);
        Assert.Contains("'X'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_BadFrequencyOrMonetaryRange_Throws()
    {
        Assert.Equal("frequencyHigh", Assert.Throws<ArgumentOutOfRangeException>(() => new RfmSegmentRule("X", 1, 5, 5, 4, 1, 5)).ParamName);
        Assert.Equal("frequencyLow", Assert.Throws<ArgumentOutOfRangeException>(() => new RfmSegmentRule("X", 1, 5, 0, 4, 1, 5)).ParamName);
        Assert.Equal("monetaryHigh", Assert.Throws<ArgumentOutOfRangeException>(() => new RfmSegmentRule("X", 1, 5, 1, 5, 2, 1)).ParamName);
        Assert.Equal("monetaryHigh", Assert.Throws<ArgumentOutOfRangeException>(() => new RfmSegmentRule("X", 1, 5, 1, 5, 1, 12)).ParamName);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Constructor_BlankRuleName_Throws(string name)
    {
        var e = Assert.Throws<ArgumentException>(() => new RfmSegmentRule(name, 1, 5, 1, 5, 1, 5));
        Assert.Equal("name", e.ParamName);
    }

    [Fact]
    public void Constructor_TableBadArguments_Throw()
    {
        RfmSegmentRule five = new("Top", 5, 5, 1, 5, 1, 5);
        Assert.Equal("rules", Assert.Throws<ArgumentException>(() => new RfmSegmentTable(Array.Empty<RfmSegmentRule>(), "Others")).ParamName);
        Assert.Equal("fallbackSegment", Assert.Throws<ArgumentException>(() => new RfmSegmentTable([five], " ")).ParamName);
        Assert.Equal("scoreCount", Assert.Throws<ArgumentOutOfRangeException>(() => new RfmSegmentTable([five], "Others", 1)).ParamName);
        Assert.Equal("scoreCount", Assert.Throws<ArgumentOutOfRangeException>(() => new RfmSegmentTable([five], "Others", 11)).ParamName);
        // A rule reaching score 5 in a table for 4 scores.
        Assert.Equal("rules", Assert.Throws<ArgumentOutOfRangeException>(() => new RfmSegmentTable([five], "Others", 4)).ParamName);
        Assert.Equal("rules", Assert.Throws<ArgumentNullException>(() => new RfmSegmentTable([five, null!], "Others")).ParamName);
    }

    [Fact]
    public void Score_TableForFiveScoresOptionsForFour_ThrowsArgumentException()
    {
        var customers = new[] { ("a", 1.0), ("b", 2.0) };
        var e = Assert.Throws<ArgumentException>(() => RfmScorer.Score(customers, c => c.Item1, c => c.Item2, c => c.Item2, c => c.Item2, new RfmScoringOptions(4), RfmSegmentTable.Standard));
        Assert.Equal("segments", e.ParamName);
        Assert.Contains("5", e.Message, StringComparison.Ordinal);
        Assert.Contains("4", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(6, 1, 1)]
    [InlineData(1, 6, 1)]
    [InlineData(1, 1, 6)]
    [InlineData(0, 1, 1)]
    [InlineData(1, 0, 1)]
    [InlineData(1, 1, 0)]
    public void RuleIndexOf_ScoreOutside1ToN_Throws(int r, int f, int m)
    {
        var score = new RfmScore((byte)r, (byte)f, (byte)m);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => RfmSegmentTable.Standard.RuleIndexOf(score));
        Assert.Equal("score", e.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => RfmSegmentTable.Compact.Classify(score));
    }

    [Fact]
    public void RuleIndexOf_FourScoreTableWithScoreFive_Throws()
    {
        var table = new RfmSegmentTable([new RfmSegmentRule("Any", 1, 4, 1, 4, 1, 4)], "Others", 4);
        Assert.Equal(0, table.RuleIndexOf(new RfmScore(4, 4, 4)));
        Assert.Throws<ArgumentOutOfRangeException>(() => table.RuleIndexOf(new RfmScore(5, 4, 4)));
    }

    [Fact]
    public void Score_DuplicateId_ThrowsNamingId()
    {
        var customers = new[] { ("a", 1.0), ("b", 2.0), ("a", 3.0) };
        var e = Assert.Throws<ArgumentException>(() => RfmScorer.Score(customers, c => c.Item1, c => c.Item2, c => c.Item2, c => c.Item2));
        Assert.Equal("customers", e.ParamName);
        Assert.Contains("'a'", e.Message, StringComparison.Ordinal);
        Assert.Contains("index 2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_NullId_ThrowsArgumentNullException()
    {
        var customers = new[] { ("a", 1.0), (null!, 2.0) };
        var e = Assert.Throws<ArgumentNullException>(() => RfmScorer.Score<(string, double), string>(customers, c => c.Item1, c => c.Item2, c => c.Item2, c => c.Item2));
        Assert.Equal("id", e.ParamName);
        Assert.Contains("index 1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_KeyedNaNMonetary_ThrowsNamingIndex()
    {
        var customers = new[] { ("a", 1.0), ("b", double.NaN) };
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => RfmScorer.Score(customers, c => c.Item1, c => 1.0, c => 1.0, c => c.Item2));
        Assert.Equal("monetary", e.ParamName);
        Assert.Contains("index 1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_KeyedNegativeRecency_ThrowsNamingIndex()
    {
        var customers = new[] { ("a", -1.0), ("b", 2.0) };
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => RfmScorer.Score(customers, c => c.Item1, c => c.Item2, c => 1.0, c => 1.0));
        Assert.Equal("recencyDays", e.ParamName);
        Assert.Contains("index 0", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_NullArguments_ThrowArgumentNullException()
    {
        var customers = new[] { ("a", 1.0) };
        Assert.Equal("customers", Assert.Throws<ArgumentNullException>(() => RfmScorer.Score<(string, double), string>(null!, c => c.Item1, c => 1.0, c => 1.0, c => 1.0)).ParamName);
        Assert.Equal("id", Assert.Throws<ArgumentNullException>(() => RfmScorer.Score<(string, double), string>(customers, null!, c => 1.0, c => 1.0, c => 1.0)).ParamName);
        Assert.Equal("recencyDays", Assert.Throws<ArgumentNullException>(() => RfmScorer.Score(customers, c => c.Item1, null!, c => 1.0, c => 1.0)).ParamName);
        Assert.Equal("frequency", Assert.Throws<ArgumentNullException>(() => RfmScorer.Score(customers, c => c.Item1, c => 1.0, null!, c => 1.0)).ParamName);
        Assert.Equal("monetary", Assert.Throws<ArgumentNullException>(() => RfmScorer.Score(customers, c => c.Item1, c => 1.0, c => 1.0, null!)).ParamName);
        Assert.Equal("recency", Assert.Throws<ArgumentNullException>(() => RfmScoringOptions.Default.WithRecency(null!)).ParamName);
        Assert.Equal("scoring", Assert.Throws<ArgumentNullException>(() => RfmScoringOptions.Default.WithAllDimensions(null!)).ParamName);
    }

    [Fact]
    public void Score_CancelledToken_ThrowsOperationCanceled()
    {
        using var source = new CancellationTokenSource();
        source.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => RfmScorer.Score(s_ok, s_ok, s_ok, new RfmScore[4], null, source.Token));
    }
}
