using System;
using System.Linq;
using BenchmarkDotNet.Attributes;
using CustomerValuation.Tiering;

namespace CustomerValuation.Benchmarks.Tiering;

/// <summary>
/// Scoring 10⁶ customers on six criteria with rank-percentile normalisation and quota tiers
/// (20 / 30 / 50 %), against <c>Array.Sort</c> of a copy of the same 6 × 10⁶ doubles.
/// </summary>
/// <remarks>
/// Data (seeded): per customer, two ledger-shaped amounts (<see cref="SyntheticValues.Create"/>,
/// heavy tails and price-point ties), two whole-day counts 0 … 365 (heavy ties), a 1–5 rating and
/// an on-time payment share in hundredths; two of the six are lower-is-better. Row-major input, as
/// the span overload takes it.
/// </remarks>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class ScorecardScorerBenchmarks
{
    private const int Customers = 1_000_000;
    private const int Criteria = 6;
    private readonly TierRule _quotas = TierRule.Quotas(new("A", 0.2), new("B", 0.3), new("C", 0.5));
    private Scorecard _scorecard = null!;
    private double[] _values = [];
    private double[] _sortBuffer = [];

    [GlobalSetup]
    public void Setup()
    {
        _values = SyntheticTiering.SixCriteria(Customers);
        CriterionDirection[] directions =
        [
            CriterionDirection.HigherIsBetter, CriterionDirection.HigherIsBetter, CriterionDirection.LowerIsBetter,
            CriterionDirection.LowerIsBetter, CriterionDirection.HigherIsBetter, CriterionDirection.HigherIsBetter,
        ];
        _scorecard = new Scorecard(Enumerable.Range(0, Criteria).Select(j => new Criterion("c" + j, directions[j], CriterionNormalization.RankPercentile, j + 1)));
        _sortBuffer = new double[_values.Length];
    }

    /// <summary>Baseline: copy the 6 × 10⁶ values into a preallocated buffer and sort it.</summary>
    [Benchmark(Baseline = true)]
    public double ArraySort()
    {
        _values.AsSpan().CopyTo(_sortBuffer);
        Array.Sort(_sortBuffer);
        return _sortBuffer[0];
    }

    /// <summary>Rank-percentile normalisation of six criteria, weighted composite with contributions, quota tiers.</summary>
    [Benchmark]
    public int ScoreRankQuotas() => ScorecardScorer.Score(_values, _scorecard, _quotas).ScoredCount;

    /// <summary>The same with the six criteria normalised on up to two threads (<c>maxDegreeOfParallelism: 2</c>).</summary>
    [Benchmark]
    public int ScoreRankQuotasTwoThreads() => ScorecardScorer.Score(_values, _scorecard, _quotas, maxDegreeOfParallelism: 2).ScoredCount;
}
