using System;
using System.Collections.Generic;
using System.Linq;
using CustomerValuation.Rfm;
using Xunit;

namespace CustomerValuation.Tests.Rfm;

/// <summary>
/// Example tests of RFM scoring (SPEC §2); every expected value is worked out by hand in the comment
/// above it. Convention: "bins" are the ascending bins 1 … n, so the monetary and frequency score is
/// the bin and the recency score is n + 1 − bin.
/// </summary>
public class RfmScorerTests
{
    private static readonly RfmDimensionScoring s_qcut = RfmDimensionScoring.RankWith(RfmRankBinning.QcutOfRank);

    // Sanity vector A: sorted 1,1,1,2,3,5,8 (already in input order), m = 7.
    private static readonly double[] s_vectorA = { 1, 1, 1, 2, 3, 5, 8 };

    // Sanity vector B: m = 10; sorted by (value, index): 1(i1) 1(i8) 2(i2) 2(i3) 2(i4) 3(i0) 4(i9) 7(i5) 7(i6) 9(i7).
    private static readonly double[] s_vectorB = { 3, 1, 2, 2, 2, 7, 7, 9, 1, 4 };

    /// <summary>Scores the same values on all three dimensions with one scoring.</summary>
    private static (RfmScore[] Scores, RfmScoringSummary Summary) ScoreAll(double[] values, int scoreCount, RfmDimensionScoring scoring)
    {
        var scores = new RfmScore[values.Length];
        RfmScoringOptions options = new RfmScoringOptions(scoreCount).WithAllDimensions(scoring);
        RfmScoringSummary summary = RfmScorer.Score(values, values, values, scores, options);
        return (scores, summary);
    }

    private static int[] Recency(RfmScore[] s) => s.Select(x => (int)x.Recency).ToArray();

    private static int[] Frequency(RfmScore[] s) => s.Select(x => (int)x.Frequency).ToArray();

    private static int[] Monetary(RfmScore[] s) => s.Select(x => (int)x.Monetary).ToArray();

    private static int[] Flip(int[] bins, int n) => bins.Select(b => n + 1 - b).ToArray();

    [Fact]
    public void Score_VectorANtile_HandBins()
    {
        // hand: q = 7 / 5 = 1, r = 2 -> sizes 2,2,1,1,1 over sorted positions -> bins 1,1,2,2,3,4,5.
        var (scores, summary) = ScoreAll(s_vectorA, 5, RfmDimensionScoring.Rank);
        int[] bins = { 1, 1, 2, 2, 3, 4, 5 };

        Assert.Equal(bins, Monetary(scores));
        Assert.Equal(bins, Frequency(scores));
        Assert.Equal(Flip(bins, 5), Recency(scores)); // hand: 6 - bin = 5,5,4,4,3,2,1

        // hand: highest value in ascending bins 1..4: {1,1} -> 1, {1,2} -> 2, {3} -> 3, {5} -> 5.
        Assert.Equal(new[] { 1.0, 2, 3, 5 }, summary.Monetary.Edges);
        Assert.Equal(new[] { 1.0, 2, 3, 5 }, summary.Recency.Edges);
        Assert.Empty(summary.Monetary.DuplicateEdges);
        Assert.Equal(new[] { 2, 2, 1, 1, 1 }, summary.Monetary.CountPerScore);
        Assert.Equal(new[] { 1, 1, 1, 2, 2 }, summary.Recency.CountPerScore); // score s holds bin 6 - s
        Assert.Equal(new double?[] { 1, 1, 3, 5, 8 }, summary.Monetary.MinimumPerScore);
        Assert.Equal(new double?[] { 1, 2, 3, 5, 8 }, summary.Monetary.MaximumPerScore);
        Assert.Equal(new double?[] { 8, 5, 3, 1, 1 }, summary.Recency.MinimumPerScore);
        Assert.Equal(new double?[] { 8, 5, 3, 2, 1 }, summary.Recency.MaximumPerScore);
        Assert.Empty(summary.Monetary.MissingScores);
        Assert.Equal(7, summary.CustomerCount);
    }

    [Fact]
    public void Score_VectorAQcutOfRank_HandBins()
    {
        // hand: rank k goes to the smallest j with k <= 1 + 6j/5 (2.2, 3.4, 4.6, 5.8, 7):
        // k = 1,2 -> 1; 3 -> 2; 4 -> 3; 5 -> 4; 6,7 -> 5. Sizes 2,1,1,1,2.
        var (scores, summary) = ScoreAll(s_vectorA, 5, s_qcut);
        int[] bins = { 1, 1, 2, 3, 4, 5, 5 };

        Assert.Equal(bins, Monetary(scores));
        Assert.Equal(Flip(bins, 5), Recency(scores));
        Assert.Equal(new[] { 2, 1, 1, 1, 2 }, summary.Frequency.CountPerScore);
        // hand: bin maxima {1,1} -> 1, {1} -> 1, {2} -> 2, {3} -> 3.
        Assert.Equal(new[] { 1.0, 1, 2, 3 }, summary.Frequency.Edges);
    }

    [Fact]
    public void Score_VectorAValueBreakpoints_HandEdgesAndMissingScore()
    {
        // hand: h_j = 6j/5 = 0, 1.2, 2.4, 3.6, 4.8, 6 on sorted 1,1,1,2,3,5,8:
        // e0 = 1; e1 = 1 + .2(1 - 1) = 1; e2 = 1 + .4(2 - 1) = 1.4; e3 = 2 + .6(3 - 2) = 2.6;
        // e4 = 3 + .8(5 - 3) = 4.6; e5 = 8. bin = 1 + #{e1..e4 < v}: 1 -> 1, 2 -> 3, 3 -> 4, 5 -> 5, 8 -> 5.
        var (scores, summary) = ScoreAll(s_vectorA, 5, RfmDimensionScoring.ValueBreakpoints);
        int[] bins = { 1, 1, 1, 3, 4, 5, 5 };

        Assert.Equal(bins, Monetary(scores));
        Assert.Equal(bins, Frequency(scores));
        Assert.Equal(Flip(bins, 5), Recency(scores));

        double[] expectedEdges = { 1, 1, 1.4, 2.6, 4.6, 8 };
        Assert.Equal(expectedEdges.Length, summary.Monetary.Edges.Count);
        for (int j = 0; j < expectedEdges.Length; j++)
        {
            Assert.Equal(expectedEdges[j], summary.Monetary.Edges[j], 12);
            Assert.Equal(expectedEdges[j], summary.Recency.Edges[j], 12);
        }

        Assert.Equal(new[] { 0 }, summary.Monetary.DuplicateEdges);   // e0 = e1 = 1
        Assert.Equal(new[] { 0 }, summary.Recency.DuplicateEdges);    // edges are in value order for every dimension
        Assert.Equal(new[] { 3, 0, 1, 1, 2 }, summary.Monetary.CountPerScore);
        Assert.Equal(new[] { 2 }, summary.Monetary.MissingScores);
        Assert.Equal(new[] { 4 }, summary.Recency.MissingScores);     // bin 2 is recency score 6 - 2 = 4
        Assert.Equal(new double?[] { 1, null, 2, 3, 5 }, summary.Monetary.MinimumPerScore);
        Assert.Equal(new double?[] { 1, null, 2, 3, 8 }, summary.Monetary.MaximumPerScore);
    }

    [Fact]
    public void Score_VectorBNtile_HandBins()
    {
        // hand: m = 10, n = 4: q = 2, r = 2 -> sizes 3,3,2,2 over 1(i1) 1(i8) 2(i2) | 2(i3) 2(i4) 3(i0) | 4(i9) 7(i5) | 7(i6) 9(i7).
        var (scores, summary) = ScoreAll(s_vectorB, 4, RfmDimensionScoring.Rank);
        int[] bins = { 2, 1, 1, 2, 2, 3, 4, 4, 1, 3 };

        Assert.Equal(bins, Monetary(scores));
        Assert.Equal(Flip(bins, 4), Recency(scores));
        Assert.Equal(new[] { 3, 3, 2, 2 }, summary.Monetary.CountPerScore);
        Assert.Equal(new[] { 2.0, 3, 7 }, summary.Monetary.Edges); // hand: bin maxima 2, 3, 7
        Assert.Equal(new double?[] { 1, 2, 4, 7 }, summary.Monetary.MinimumPerScore);
        Assert.Equal(new double?[] { 2, 3, 7, 9 }, summary.Monetary.MaximumPerScore);
    }

    [Fact]
    public void Score_VectorBQcutOfRank_HandBins()
    {
        // hand: 1 + 9j/4 = 3.25, 5.5, 7.75, 10: ranks 1-3 -> 1, 4-5 -> 2, 6-7 -> 3, 8-10 -> 4.
        // Ranks: i1 1, i8 2, i2 3, i3 4, i4 5, i0 6, i9 7, i5 8, i6 9, i7 10.
        var (scores, summary) = ScoreAll(s_vectorB, 4, s_qcut);
        int[] bins = { 3, 1, 1, 2, 2, 4, 4, 4, 1, 3 };

        Assert.Equal(bins, Monetary(scores));
        Assert.Equal(Flip(bins, 4), Recency(scores));
        Assert.Equal(new[] { 3, 2, 2, 3 }, summary.Monetary.CountPerScore);
        Assert.Equal(new[] { 2.0, 2, 4 }, summary.Monetary.Edges); // hand: {1,1,2} -> 2, {2,2} -> 2, {3,4} -> 4
    }

    [Fact]
    public void Score_VectorBValueBreakpoints_HandEdges()
    {
        // hand: sorted 1,1,2,2,2,3,4,7,7,9; h = 9j/4 = 0, 2.25, 4.5, 6.75, 9:
        // e0 = 1; e1 = 2 + .25(2 - 2) = 2; e2 = 2 + .5(3 - 2) = 2.5; e3 = 4 + .75(7 - 4) = 6.25; e4 = 9.
        // 1 -> 1; 2 -> 1 (2 < 2 is false: bins are closed on the right); 3, 4 -> 3; 7, 9 -> 4.
        var (scores, summary) = ScoreAll(s_vectorB, 4, RfmDimensionScoring.ValueBreakpoints);
        int[] bins = { 3, 1, 1, 1, 1, 4, 4, 4, 1, 3 };

        Assert.Equal(bins, Monetary(scores));
        Assert.Equal(Flip(bins, 4), Recency(scores));
        double[] expectedEdges = { 1, 2, 2.5, 6.25, 9 };
        Assert.Equal(expectedEdges.Length, summary.Monetary.Edges.Count);
        for (int j = 0; j < expectedEdges.Length; j++)
        {
            Assert.Equal(expectedEdges[j], summary.Monetary.Edges[j], 12);
        }

        Assert.Empty(summary.Monetary.DuplicateEdges);
        Assert.Equal(new[] { 5, 0, 2, 3 }, summary.Monetary.CountPerScore);
        Assert.Equal(new[] { 2 }, summary.Monetary.MissingScores);
        Assert.Equal(new[] { 3 }, summary.Recency.MissingScores); // bin 2 -> recency score 5 - 2 = 3
    }

    // Heavy ties: seven of ten customers bought once.
    private static readonly double[] s_heavyTies = { 1, 1, 2, 1, 1, 1, 1, 5, 1, 3 };

    [Fact]
    public void Score_HeavyTiesFrequencyNtile_TiesSplitByInputOrder()
    {
        // hand: m = 10, n = 5 -> five bins of 2 over (value, index) order
        // 1(i0) 1(i1) | 1(i3) 1(i4) | 1(i5) 1(i6) | 1(i8) 2(i2) | 3(i9) 5(i7).
        double[] zeros = new double[10];
        var scores = new RfmScore[10];
        RfmScoringSummary summary = RfmScorer.Score(zeros, s_heavyTies, zeros, scores);

        Assert.Equal(new[] { 1, 1, 4, 2, 2, 3, 3, 5, 4, 5 }, Frequency(scores));
        Assert.Equal(new[] { 2, 2, 2, 2, 2 }, summary.Frequency.CountPerScore);
        Assert.Equal(new[] { 1.0, 1, 1, 2 }, summary.Frequency.Edges); // bin maxima 1, 1, 1, 2
        Assert.Equal(new double?[] { 1, 1, 1, 1, 3 }, summary.Frequency.MinimumPerScore);
        Assert.Equal(new double?[] { 1, 1, 1, 2, 5 }, summary.Frequency.MaximumPerScore);
    }

    [Fact]
    public void Score_HeavyTiesFrequencyValue_OneScoreForAllOnes()
    {
        // hand: sorted 1,1,1,1,1,1,1,2,3,5; h = 9j/5 = 0, 1.8, 3.6, 5.4, 7.2, 9:
        // e0..e3 = 1 (all between ones); e4 = x7 + .2(x8 - x7) = 2 + .2 = 2.2; e5 = 5.
        // 1 -> bin 1; 2 -> 1 + #{1,1,1 < 2} = 4; 3 and 5 -> 5.
        double[] zeros = new double[10];
        var scores = new RfmScore[10];
        RfmScoringOptions options = RfmScoringOptions.Default.WithFrequency(RfmDimensionScoring.ValueBreakpoints);
        RfmScoringSummary summary = RfmScorer.Score(zeros, s_heavyTies, zeros, scores, options);

        Assert.Equal(new[] { 1, 1, 4, 1, 1, 1, 1, 5, 1, 5 }, Frequency(scores));
        Assert.Equal(new[] { 7, 0, 0, 1, 2 }, summary.Frequency.CountPerScore);
        Assert.Equal(new[] { 2, 3 }, summary.Frequency.MissingScores);
        Assert.Equal(new[] { 0, 1, 2 }, summary.Frequency.DuplicateEdges); // e0 = e1 = e2 = e3
        double[] expectedEdges = { 1, 1, 1, 1, 2.2, 5 };
        for (int j = 0; j < expectedEdges.Length; j++)
        {
            Assert.Equal(expectedEdges[j], summary.Frequency.Edges[j], 12);
        }

        // The other two dimensions (all zero, rank method) are untouched by the frequency choice:
        // NTILE of ten equal values by index: 1,1,2,2,3,3,4,4,5,5; recency flips it.
        Assert.Equal(new[] { 1, 1, 2, 2, 3, 3, 4, 4, 5, 5 }, Monetary(scores));
        Assert.Equal(new[] { 5, 5, 4, 4, 3, 3, 2, 2, 1, 1 }, Recency(scores));
    }

    [Fact]
    public void Score_TiesStraddlingRankCut_EarlierCustomerRanksLower()
    {
        // hand: values 5,3,3,3,9,1, n = 3 -> sizes 2,2,2 over 1(i5) 3(i1) | 3(i2) 3(i3) | 5(i0) 9(i4):
        // the three 3s straddle the first cut; i1 (earliest) goes down, i2 and i3 up.
        double[] values = { 5, 3, 3, 3, 9, 1 };
        var (scores, summary) = ScoreAll(values, 3, RfmDimensionScoring.Rank);

        Assert.Equal(new[] { 3, 1, 2, 2, 3, 1 }, Monetary(scores));
        Assert.Equal(new[] { 1, 3, 2, 2, 1, 3 }, Recency(scores)); // 4 - bin
        Assert.Equal(new[] { 3.0, 3 }, summary.Monetary.Edges);    // the cut value 3 lies on both sides
    }

    [Fact]
    public void Score_ValueOnInterpolatedEdge_GoesToLowerBin()
    {
        // hand: same values, value method: sorted 1,3,3,3,5,9, h = 5j/3 = 0, 5/3, 10/3, 5:
        // e1 = x1 + (2/3)(x2 - x1) = 3; e2 = x3 + (1/3)(x4 - x3) = 3 + 2/3; e3 = 9.
        // 3 equals e1 -> bin 1 (closed on the right); 5 and 9 > e2 -> bin 3; nobody in bin 2,
        // and no edges coincide (1 < 3 < 3.67 < 9).
        double[] values = { 5, 3, 3, 3, 9, 1 };
        var (scores, summary) = ScoreAll(values, 3, RfmDimensionScoring.ValueBreakpoints);

        Assert.Equal(new[] { 3, 1, 1, 1, 3, 1 }, Monetary(scores));
        Assert.Equal(new[] { 4, 0, 2 }, summary.Monetary.CountPerScore);
        Assert.Equal(new[] { 2 }, summary.Monetary.MissingScores);
        Assert.Empty(summary.Monetary.DuplicateEdges);
        Assert.Equal(3.0, summary.Monetary.Edges[1], 12);
        Assert.Equal(11.0 / 3, summary.Monetary.Edges[2], 12);
    }

    [Fact]
    public void Score_ValuesEqualToWholeEdges_ClosedOnTheRight()
    {
        // hand: 0,10,20,30,40 with n = 4: h = j, so e_j = x_j = 0,10,20,30,40;
        // 0 -> 1, 10 -> 1 (10 < 10 false), 20 -> 2, 30 -> 3, 40 -> 4.
        double[] values = { 40, 30, 20, 10, 0 };
        var (scores, summary) = ScoreAll(values, 4, RfmDimensionScoring.ValueBreakpoints);

        Assert.Equal(new[] { 4, 3, 2, 1, 1 }, Monetary(scores));
        Assert.Equal(new[] { 0.0, 10, 20, 30, 40 }, summary.Monetary.Edges);
        Assert.Equal(new[] { 2, 1, 1, 1 }, summary.Monetary.CountPerScore);
    }

    [Fact]
    public void Score_FewerCustomersThanScoresNtile_LowBinsFilled()
    {
        // hand: m = 3, n = 5: q = 0, r = 3 -> bins 1,2,3 hold one each, 4 and 5 are empty.
        // Sorted 10(i1) 20(i2) 30(i0) -> i0: 3, i1: 1, i2: 2.
        double[] values = { 30, 10, 20 };
        var (scores, summary) = ScoreAll(values, 5, RfmDimensionScoring.Rank);

        Assert.Equal(new[] { 3, 1, 2 }, Monetary(scores));
        Assert.Equal(new[] { 3, 5, 4 }, Recency(scores)); // 6 - bin
        Assert.Equal(new[] { 1, 1, 1, 0, 0 }, summary.Monetary.CountPerScore);
        Assert.Equal(new[] { 4, 5 }, summary.Monetary.MissingScores);
        Assert.Equal(new[] { 1, 2 }, summary.Recency.MissingScores);
        Assert.Equal(new double?[] { 10, 20, 30, null, null }, summary.Monetary.MinimumPerScore);
        // hand: bin maxima 10, 20, 30; bin 4 is empty and repeats the previous edge (documented).
        Assert.Equal(new[] { 10.0, 20, 30, 30 }, summary.Monetary.Edges);
    }

    [Fact]
    public void Score_FewerCustomersThanScoresQcut_SpreadBins()
    {
        // hand: m = 3, n = 5: 1 + 2j/5 = 1.4, 1.8, 2.2, 2.6, 3: rank 1 -> 1, rank 2 -> 3, rank 3 -> 5.
        double[] values = { 30, 10, 20 };
        var (scores, summary) = ScoreAll(values, 5, s_qcut);

        Assert.Equal(new[] { 5, 1, 3 }, Monetary(scores));
        Assert.Equal(new[] { 1, 0, 1, 0, 1 }, summary.Monetary.CountPerScore);
        Assert.Equal(new[] { 2, 4 }, summary.Monetary.MissingScores);
        Assert.Equal(new[] { 10.0, 10, 20, 20 }, summary.Monetary.Edges); // empty bins 2 and 4 repeat the previous edge
    }

    [Fact]
    public void Score_FewerCustomersThanScoresValue_InterpolatedEdges()
    {
        // hand: sorted 10,20,30, h = 2j/5 = 0, .4, .8, 1.2, 1.6, 2:
        // e = 10, 14, 18, 22, 26, 30; 10 -> 1, 20 -> 1 + #{14, 18} = 3, 30 -> 5.
        double[] values = { 30, 10, 20 };
        var (scores, summary) = ScoreAll(values, 5, RfmDimensionScoring.ValueBreakpoints);

        Assert.Equal(new[] { 5, 1, 3 }, Monetary(scores));
        double[] expectedEdges = { 10, 14, 18, 22, 26, 30 };
        for (int j = 0; j < expectedEdges.Length; j++)
        {
            Assert.Equal(expectedEdges[j], summary.Monetary.Edges[j], 12);
        }

        Assert.Empty(summary.Monetary.DuplicateEdges);
        Assert.Equal(new[] { 2, 4 }, summary.Monetary.MissingScores);
    }

    [Fact]
    public void Score_SingleCustomer_RankAndValueAnswers()
    {
        // hand, rank: m = 1 -> bin 1 -> R = 5, F = 1, M = 1.
        var (rank, rankSummary) = ScoreAll(new[] { 42.0 }, 5, RfmDimensionScoring.Rank);
        Assert.Equal(new RfmScore(5, 1, 1), rank[0]);
        Assert.Equal(new[] { 42.0, 42, 42, 42 }, rankSummary.Monetary.Edges);

        // hand, value: every e_j = 42, no e_j < 42 -> bin 1; all five edges pairs coincide.
        var (value, valueSummary) = ScoreAll(new[] { 42.0 }, 5, RfmDimensionScoring.ValueBreakpoints);
        Assert.Equal(new RfmScore(5, 1, 1), value[0]);
        Assert.Equal(new[] { 0, 1, 2, 3, 4 }, valueSummary.Monetary.DuplicateEdges);
        Assert.Equal(new[] { 2, 3, 4, 5 }, valueSummary.Monetary.MissingScores);
        Assert.Equal(new[] { 1, 2, 3, 4 }, valueSummary.Recency.MissingScores);
    }

    [Fact]
    public void Score_AllValuesEqual_RankSpreadsValueCollapses()
    {
        // hand, rank: six equal values, n = 5: sizes 2,1,1,1,1 by input order -> 1,1,2,3,4,5.
        double[] values = { 4, 4, 4, 4, 4, 4 };
        var (rank, _) = ScoreAll(values, 5, RfmDimensionScoring.Rank);
        Assert.Equal(new[] { 1, 1, 2, 3, 4, 5 }, Monetary(rank));

        // hand, value: all edges 4 -> everyone bin 1.
        var (value, summary) = ScoreAll(values, 5, RfmDimensionScoring.ValueBreakpoints);
        Assert.Equal(new[] { 1, 1, 1, 1, 1, 1 }, Monetary(value));
        Assert.Equal(new[] { 5, 5, 5, 5, 5, 5 }, Recency(value));
        Assert.Equal(new[] { 6, 0, 0, 0, 0 }, summary.Monetary.CountPerScore);
    }

    [Fact]
    public void Score_NegativeMonetaryValue_HandBins()
    {
        // hand: net returns. Sorted -50(i2) -0.5(i0) 0(i3) 12(i1), n = 2.
        // NTILE: sizes 2,2 -> i2, i0 -> 1; i3, i1 -> 2.
        // value: h_1 = 3/2 = 1.5 -> e1 = -0.5 + .5(0 - (-0.5)) = -0.25: -50, -0.5 -> 1; 0, 12 -> 2.
        double[] monetary = { -0.5, 12, -50, 0 };
        double[] other = { 1, 1, 1, 1 };
        var scores = new RfmScore[4];
        RfmScorer.Score(other, other, monetary, scores, new RfmScoringOptions(2));
        Assert.Equal(new[] { 1, 2, 1, 2 }, Monetary(scores));

        RfmScoringSummary summary = RfmScorer.Score(other, other, monetary, scores, new RfmScoringOptions(2, monetary: RfmDimensionScoring.ValueBreakpoints));
        Assert.Equal(new[] { 1, 2, 1, 2 }, Monetary(scores));
        Assert.Equal(-0.25, summary.Monetary.Edges[1], 12);
    }

    [Fact]
    public void Score_ValueBreakpointsExtremeMagnitudes_EdgesFiniteAndExact()
    {
        // hand: monetary -1e308, 1e308 (both finite, so valid input), n = 2: h_1 = 1 * 1 / 2 = 0.5,
        // e1 = -1e308 + .5(1e308 - (-1e308)) = 0 exactly; -1e308 -> bin 1, 1e308 -> bin 2.
        // The edge must be the finite type-7 quantile 0 even though x1 - x0 = 2e308 overflows a double.
        double[] monetary = { 1e308, -1e308 };
        double[] one = { 1, 1 };
        var scores = new RfmScore[2];
        RfmScoringSummary summary = RfmScorer.Score(one, one, monetary, scores, new RfmScoringOptions(2, monetary: RfmDimensionScoring.ValueBreakpoints));

        Assert.Equal(new[] { 2, 1 }, Monetary(scores));
        Assert.Equal(new[] { -1e308, 0, 1e308 }, summary.Monetary.Edges);
    }

    [Fact]
    public void Score_SpecW4FixedRecency_BoundariesExact()
    {
        // SPEC W4: R5 <= 7 days, R4 8-30, R3 31-60, R2 61-120, R1 > 120.
        int[] days = { 7, 8, 30, 31, 60, 61, 120, 121, 0, 365 };
        int[] frequency = { 1, 1, 1, 1, 1, 1, 1, 1, 1, 1 };
        double[] monetary = { 1, 1, 1, 1, 1, 1, 1, 1, 1, 1 };
        var scores = new RfmScore[days.Length];
        RfmScoringOptions options = RfmScoringOptions.Default.WithRecency(RfmDimensionScoring.Fixed(7, 30, 60, 120));
        RfmScoringSummary summary = RfmScorer.Score(days, frequency, monetary, scores, options);

        Assert.Equal(new[] { 5, 4, 4, 3, 3, 2, 2, 1, 5, 1 }, Recency(scores));
        Assert.Equal(new[] { 7.0, 30, 60, 120 }, summary.Recency.Edges);
        // hand: score 1 {121, 365}, 2 {61, 120}, 3 {31, 60}, 4 {8, 30}, 5 {7, 0}.
        Assert.Equal(new[] { 2, 2, 2, 2, 2 }, summary.Recency.CountPerScore);
        Assert.Equal(new double?[] { 121, 61, 31, 8, 0 }, summary.Recency.MinimumPerScore);
        Assert.Equal(new double?[] { 365, 120, 60, 30, 7 }, summary.Recency.MaximumPerScore);
        Assert.Empty(summary.Recency.DuplicateEdges);
    }

    [Fact]
    public void Score_SpecW4FixedRecencyFractionalDays_BoundariesExact()
    {
        // Same table on doubles: 7 -> 5, 7.000001 -> 4, 120 -> 2, 120.5 -> 1.
        double[] days = { 7, 7.000001, 120, 120.5 };
        double[] one = { 1, 1, 1, 1 };
        var scores = new RfmScore[4];
        RfmScorer.Score(days, one, one, scores, RfmScoringOptions.Default.WithRecency(RfmDimensionScoring.Fixed(7, 30, 60, 120)));
        Assert.Equal(new[] { 5, 4, 2, 1 }, Recency(scores));
    }

    [Fact]
    public void Score_FixedMonetary_BinIsOnePlusThresholdsBelow()
    {
        // hand: Fixed(100, 500), n = 3: bin = 1 + #{t < v}: -5 -> 1, 100 -> 1, 100.01 -> 2, 500 -> 2, 500.5 -> 3.
        double[] monetary = { -5, 100, 100.01, 500, 500.5 };
        double[] one = { 1, 1, 1, 1, 1 };
        var scores = new RfmScore[5];
        RfmScoringOptions options = new(3, monetary: RfmDimensionScoring.Fixed(100, 500));
        RfmScoringSummary summary = RfmScorer.Score(one, one, monetary, scores, options);

        Assert.Equal(new[] { 1, 1, 2, 2, 3 }, Monetary(scores));
        Assert.Equal(new[] { 2, 2, 1 }, summary.Monetary.CountPerScore);
        Assert.Equal(new[] { 100.0, 500 }, summary.Monetary.Edges);
    }

    [Fact]
    public void Score_FixedFrequencyAllAboveTop_OnlyTopScore()
    {
        // hand: Fixed(1, 2, 5, 10), purchases 11, 20 -> bin 5; scores 1..4 missing.
        int[] days = { 3, 4 };
        int[] purchases = { 11, 20 };
        double[] monetary = { 1, 2 };
        var scores = new RfmScore[2];
        RfmScoringSummary summary = RfmScorer.Score(days, purchases, monetary, scores, RfmScoringOptions.Default.WithFrequency(RfmDimensionScoring.Fixed(1, 2, 5, 10)));
        Assert.Equal(new[] { 5, 5 }, Frequency(scores));
        Assert.Equal(new[] { 1, 2, 3, 4 }, summary.Frequency.MissingScores);
        Assert.Equal(new double?[] { null, null, null, null, 11 }, summary.Frequency.MinimumPerScore);
    }

    [Fact]
    public void Score_DecimalMonetary_HandBins()
    {
        // hand: 19.99, 5.00, 5.00, 120.50, 0.01; sorted (value, index) 0.01(i4) 5(i1) 5(i2) 19.99(i0) 120.5(i3).
        // NTILE n = 3: sizes 2,2,1 -> i4, i1 -> 1; i2, i0 -> 2; i3 -> 3.
        decimal[] amounts = { 19.99m, 5.00m, 5m, 120.50m, 0.01m };
        int[] days = { 1, 2, 3, 4, 5 };
        int[] purchases = { 1, 1, 1, 1, 1 };
        var scores = new RfmScore[5];
        RfmScorer.Score(days, purchases, amounts, scores, new RfmScoringOptions(3));
        Assert.Equal(new[] { 2, 1, 2, 3, 1 }, Monetary(scores));

        // hand, value n = 2: h_1 = 4/2 = 2 -> e1 = x2 = 5: 0.01, 5, 5 -> 1; 19.99, 120.5 -> 2.
        RfmScoringSummary summary = RfmScorer.Score(days, purchases, amounts, scores, new RfmScoringOptions(2, monetary: RfmDimensionScoring.ValueBreakpoints));
        Assert.Equal(new[] { 2, 1, 1, 2, 1 }, Monetary(scores));
        Assert.Equal(new[] { 0.01, 5, 120.5 }, summary.Monetary.Edges);
    }

    [Fact]
    public void Score_IntRecencyRank_FewestDaysBest()
    {
        // hand: days 0, 400, 30, 30, 5; frequency all 1 (NTILE by index: 1,1,2,2,3 of n = 3).
        // Days sorted (value, index): 0(i0) 5(i4) | 30(i2) 30(i3) | 400(i1); n = 3 sizes 2,2,1.
        // Bins i0 1, i4 1, i2 2, i3 2, i1 3 -> R = 4 - bin: 3, 1, 2, 2, 3.
        int[] days = { 0, 400, 30, 30, 5 };
        int[] purchases = { 1, 1, 1, 1, 1 };
        double[] monetary = { 10, 20, 30, 40, 50 };
        var scores = new RfmScore[5];
        RfmScorer.Score(days, purchases, monetary, scores, new RfmScoringOptions(3));
        Assert.Equal(new[] { 3, 1, 2, 2, 3 }, Recency(scores));
        Assert.Equal(new[] { 1, 1, 2, 2, 3 }, Frequency(scores));
        Assert.Equal(new[] { 1, 1, 2, 2, 3 }, Monetary(scores));
    }

    [Fact]
    public void Score_MixedMethods_EachDimensionItsOwn()
    {
        // Vector B on all three spans, n = 4: R by value breakpoints, F by qcut-of-rank, M by NTILE;
        // expected from the three hand-worked vector B tests above.
        RfmScoringOptions options = new(4, RfmDimensionScoring.ValueBreakpoints, s_qcut, RfmDimensionScoring.Rank);
        var scores = new RfmScore[s_vectorB.Length];
        RfmScorer.Score(s_vectorB, s_vectorB, s_vectorB, scores, options);
        Assert.Equal(Flip(new[] { 3, 1, 1, 1, 1, 4, 4, 4, 1, 3 }, 4), Recency(scores));
        Assert.Equal(new[] { 3, 1, 1, 2, 2, 4, 4, 4, 1, 3 }, Frequency(scores));
        Assert.Equal(new[] { 2, 1, 1, 2, 2, 3, 4, 4, 1, 3 }, Monetary(scores));
    }

    [Fact]
    public void Score_TenScores_HandBins()
    {
        // hand: values 0..19 (distinct, ascending), n = 10: NTILE sizes 2 each -> bin = index / 2 + 1.
        double[] values = Enumerable.Range(0, 20).Select(i => (double)i).ToArray();
        var (scores, _) = ScoreAll(values, 10, RfmDimensionScoring.Rank);
        Assert.Equal(Enumerable.Range(0, 20).Select(i => (i / 2) + 1), Monetary(scores));
        Assert.Equal("10-1-1", scores[0].CellCode);   // value 0: R = 11 - 1, F = M = 1
        Assert.Equal("1-10-10", scores[19].CellCode);
        Assert.Equal("299", scores[17].CellCode);     // value 17: bin 17 / 2 + 1 = 9 -> R = 11 - 9 = 2, F = M = 9
    }

    [Theory]
    [InlineData(5, 4, 3, "543")]
    [InlineData(1, 1, 1, "111")]
    [InlineData(5, 5, 5, "555")]
    [InlineData(9, 9, 9, "999")]
    [InlineData(10, 3, 7, "10-3-7")]
    [InlineData(2, 10, 1, "2-10-1")]
    public void CellCode_Scores_DigitsOrHyphens(int r, int f, int m, string expected)
    {
        var score = new RfmScore((byte)r, (byte)f, (byte)m);
        Assert.Equal(expected, score.CellCode);
        Assert.Equal(expected, score.ToString());
        Assert.Equal(r + f + m, score.Sum);
    }

    [Fact]
    public void Of_EachDimension_ReturnsItsScore()
    {
        var score = new RfmScore(5, 4, 3);
        Assert.Equal(5, score.Of(RfmDimension.Recency));
        Assert.Equal(4, score.Of(RfmDimension.Frequency));
        Assert.Equal(3, score.Of(RfmDimension.Monetary));
    }

    [Fact]
    public void Combine_DefaultWeights_PlainSum()
    {
        // hand: 5 + 4 + 3 = 12.
        Assert.Equal(12.0, RfmScoringOptions.Default.Combine(new RfmScore(5, 4, 3)));
    }

    [Fact]
    public void Combine_GivenWeights_WeightedSum()
    {
        // hand: 2*5 + 1*4 + 0.5*3 = 15.5; (0, 0, 1) -> M only = 3.
        Assert.Equal(15.5, RfmScoringOptions.Default.WithWeights(2, 1, 0.5).Combine(new RfmScore(5, 4, 3)));
        Assert.Equal(3.0, new RfmScoringOptions(recencyWeight: 0, frequencyWeight: 0, monetaryWeight: 1).Combine(new RfmScore(5, 4, 3)));
    }

    [Fact]
    public void Default_Options_QuintilesRankUnitWeights()
    {
        RfmScoringOptions d = RfmScoringOptions.Default;
        Assert.Equal(5, d.ScoreCount);
        Assert.Same(RfmDimensionScoring.Rank, d.Recency);
        Assert.Same(RfmDimensionScoring.Rank, d.For(RfmDimension.Frequency));
        Assert.Equal(RfmScoringMethod.RankEqualCount, d.Monetary.Method);
        Assert.Equal(RfmRankBinning.Ntile, d.Monetary.RankBinning);
        Assert.Equal((1.0, 1.0, 1.0), (d.RecencyWeight, d.FrequencyWeight, d.MonetaryWeight));
        Assert.Equal("rank (NTILE)", RfmDimensionScoring.Rank.ToString());
        Assert.Equal("rank (qcut of rank)", s_qcut.ToString());
        Assert.Equal("value breakpoints", RfmDimensionScoring.ValueBreakpoints.ToString());
        Assert.Equal("fixed 7, 30, 60, 120", RfmDimensionScoring.Fixed(7, 30, 60, 120).ToString());
        Assert.Equal(new[] { 7.0, 30, 60, 120 }, RfmDimensionScoring.Fixed(7, 30, 60, 120).Thresholds);
    }

    [Fact]
    public void Score_NullOptions_SameAsDefault()
    {
        // Vector A with null options = NTILE quintiles (hand bins of Score_VectorANtile_HandBins).
        var scores = new RfmScore[7];
        RfmScoringSummary summary = RfmScorer.Score(s_vectorA, s_vectorA, s_vectorA, scores, options: null);
        Assert.Equal(new[] { 1, 1, 2, 2, 3, 4, 5 }, Monetary(scores));
        Assert.Same(RfmScoringOptions.Default, summary.Options);
    }

    private sealed record Customer(string Id, double Days, double Orders, double Spend);

    [Fact]
    public void Score_KeyedCustomers_InputOrderBreaksTiesAndSegmentsApply()
    {
        // Four customers, n = 2 (NTILE sizes 2,2), with a 2-score table.
        // Days 10, 10, 3, 50 -> (value, index) 3(c) 10(a) | 10(b) 50(d): bins c 1, a 1, b 2, d 2 -> R = 3 - bin: a 2, b 1, c 2, d 1.
        // Orders 1, 1, 1, 1 -> by index a 1, b 1, c 2, d 2.
        // Spend 5, 500, 50, 5 -> 5(a) 5(d) | 50(c) 500(b): a 1, b 2, c 2, d 1.
        Customer[] customers =
        {
            new("a", 10, 1, 5), new("b", 10, 1, 500), new("c", 3, 1, 50), new("d", 50, 1, 5),
        };
        var table = new RfmSegmentTable(
            [new RfmSegmentRule("Top", 2, 2, 2, 2, 2, 2), new RfmSegmentRule("Recent", 2, 2, 1, 2, 1, 2)],
            "Rest",
            scoreCount: 2);
        RfmScoringOptions options = new RfmScoringOptions(2).WithWeights(3, 1, 1);

        RfmResult<string> result = RfmScorer.Score(customers, c => c.Id, c => c.Days, c => c.Orders, c => c.Spend, options, table);

        Assert.Equal(new[] { "a", "b", "c", "d" }, result.Customers.Select(c => c.Id));
        Assert.Equal(new[] { "211", "112", "222", "121" }, result.Customers.Select(c => c.Score.CellCode));
        // hand: 3R + F + M: a 6 + 1 + 1 = 8, b 3 + 1 + 2 = 6, c 6 + 2 + 2 = 10, d 3 + 2 + 1 = 6.
        Assert.Equal(new[] { 8.0, 6, 10, 6 }, result.Customers.Select(c => c.CombinedScore));
        // hand: a R2 -> Recent; b R1 -> Rest; c 222 -> Top (first match wins over Recent); d R1 -> Rest.
        Assert.Equal(new[] { "Recent", "Rest", "Top", "Rest" }, result.Customers.Select(c => c.Segment));
        Assert.Equal(
            new[] { new KeyValuePair<string, int>("Top", 1), new KeyValuePair<string, int>("Recent", 1), new KeyValuePair<string, int>("Rest", 2) },
            result.SegmentCounts);
        Assert.Equal(new[] { 10.0, 1, 5 }, new[] { result.Customers[0].RecencyDays, result.Customers[0].Frequency, result.Customers[0].Monetary });
        Assert.Null(result.Report);
        Assert.Same(table, result.Segments);
        Assert.Equal(4, result.Summary.CustomerCount);
        // hand: cells in descending order 222, 211, 121, 112, one each.
        Assert.Equal(new[] { "222", "211", "121", "112" }, result.CellCounts().Select(p => p.Key));
        Assert.All(result.CellCounts(), p => Assert.Equal(1, p.Value));
    }

    [Fact]
    public void Score_KeyedCustomersReordered_TieBreakFollowsNewOrder()
    {
        // Same as above with b before a: days (value, index) 3(c) 10(b) | 10(a) 50(d) -> b now bin 1 (R 2), a bin 2 (R 1).
        Customer[] customers =
        {
            new("b", 10, 1, 500), new("a", 10, 1, 5), new("c", 3, 1, 50), new("d", 50, 1, 5),
        };
        RfmResult<string> result = RfmScorer.Score(customers, c => c.Id, c => c.Days, c => c.Orders, c => c.Spend, new RfmScoringOptions(2));
        Assert.Equal(new[] { 2, 1, 2, 1 }, result.Customers.Select(c => (int)c.Score.Recency));
        Assert.All(result.Customers, c => Assert.Null(c.Segment));
        Assert.Empty(result.SegmentCounts);
    }

    [Fact]
    public void Score_KeyedCustomersStandardTable_HandSegments()
    {
        // Five customers with distinct values in every dimension, n = 5 NTILE: each dimension's scores are the ranks.
        // Days 1, 2, 3, 4, 5 -> R = 5, 4, 3, 2, 1; orders 5, 4, 1, 2, 3 -> F = 5, 4, 1, 2, 3; spend 50, 40, 10, 20, 30 -> M = 5, 4, 1, 2, 3.
        // Cells 555 -> Champions; 444 -> Champions; 311 -> Promising (New needs R 4-5);
        // 222 -> At risk (R 1-2, F 2-5, M 2-5 comes before Need attention); 133 -> At risk.
        Customer[] customers =
        {
            new("p", 1, 5, 50), new("q", 2, 4, 40), new("r", 3, 1, 10), new("s", 4, 2, 20), new("t", 5, 3, 30),
        };
        RfmResult<string> result = RfmScorer.Score(customers, c => c.Id, c => c.Days, c => c.Orders, c => c.Spend, segments: RfmSegmentTable.Standard);
        Assert.Equal(new[] { "555", "444", "311", "222", "133" }, result.Customers.Select(c => c.Score.CellCode));
        Assert.Equal(new[] { "Champions", "Champions", "Promising", "At risk", "At risk" }, result.Customers.Select(c => c.Segment));
        Assert.Equal(new[] { 15.0, 12, 5, 6, 7 }, result.Customers.Select(c => c.CombinedScore));
        // hand: counts in rule order, fallback last.
        Assert.Equal(
            new[] { 2, 0, 0, 2, 0, 1, 0, 0, 0, 0, 0 },
            result.SegmentCounts.Select(p => p.Value));
        Assert.Equal("Others", result.SegmentCounts[^1].Key);
    }
}
