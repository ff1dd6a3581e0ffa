using System;
using BenchmarkDotNet.Attributes;
using CustomerValuation.Rfm;

namespace CustomerValuation.Benchmarks.Rfm;

/// <summary>
/// The span kernel of <see cref="RfmScorer"/> (three dimensions) against <c>Array.Sort</c> of a copy
/// of the monetary values, in one class so that the Ratio column compares like with like.
/// </summary>
/// <remarks>
/// Data: <see cref="SyntheticRfm.Customers"/> (whole-day recency, purchase counts with heavy ties at 1,
/// heavy-tailed monetary doubles). The destination is allocated in <see cref="Setup"/>.
/// </remarks>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class RfmScorerBenchmarks
{
    private readonly RfmScoringOptions _rank = RfmScoringOptions.Default;
    private readonly RfmScoringOptions _value = RfmScoringOptions.Default.WithAllDimensions(RfmDimensionScoring.ValueBreakpoints);
    private int[] _recency = [];
    private int[] _frequency = [];
    private double[] _monetary = [];
    private double[] _sortBuffer = [];
    private RfmScore[] _scores = [];

    /// <summary>Number of customers.</summary>
    [Params(1_000_000, 10_000_000)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        (_recency, _frequency, _monetary) = SyntheticRfm.Customers(N);
        _sortBuffer = new double[N];
        _scores = new RfmScore[N];
    }

    /// <summary>Baseline: copy the monetary values into a preallocated buffer and sort it.</summary>
    [Benchmark(Baseline = true)]
    public double ArraySort()
    {
        _monetary.AsSpan().CopyTo(_sortBuffer);
        Array.Sort(_sortBuffer);
        return _sortBuffer[0];
    }

    /// <summary>Quintiles of R, F and M by the rank method (NTILE), span kernel.</summary>
    [Benchmark]
    public int ScoreRank() => RfmScorer.Score(_recency, _frequency, _monetary, _scores, _rank).CustomerCount;

    /// <summary>Quintiles of R, F and M by value breakpoints (type-7), span kernel.</summary>
    [Benchmark]
    public int ScoreValue() => RfmScorer.Score(_recency, _frequency, _monetary, _scores, _value).CustomerCount;
}
