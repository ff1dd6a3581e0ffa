using System;
using BenchmarkDotNet.Attributes;
using CustomerValuation.Rfm;

namespace CustomerValuation.Benchmarks.Rfm;

/// <summary>
/// Aggregating 10⁷ transaction lines (about 10⁶ customers) into RFM features with
/// <see cref="RfmFeatureAccumulator{TId}"/>, against the baseline of <see cref="RfmScorerBenchmarks"/>:
/// <c>Array.Sort</c> of a copy of 10⁷ monetary values.
/// </summary>
/// <remarks>
/// Lines: <see cref="SyntheticRfm.Transactions"/> (long customer ids, string order ids, decimal
/// amounts, 1 % returns), default policies (distinct orders, sum, returns excluded, duplicates kept).
/// </remarks>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 8)]
public class RfmFeaturesBenchmarks
{
    private const int Lines = 10_000_000;
    private const int Customers = 1_000_000;
    private readonly RfmTransactionOptions _options = new(new DateTime(2026, 1, 1));
    private SyntheticRfm.Lines _lines = new([], [], [], []);
    private double[] _monetary = [];
    private double[] _sortBuffer = [];

    [GlobalSetup]
    public void Setup()
    {
        _lines = SyntheticRfm.Transactions(Lines, Customers);
        _monetary = SyntheticValues.Create(Lines);
        _sortBuffer = new double[Lines];
    }

    /// <summary>Baseline: copy 10⁷ monetary values into a preallocated buffer and sort it.</summary>
    [Benchmark(Baseline = true)]
    public double ArraySort()
    {
        _monetary.AsSpan().CopyTo(_sortBuffer);
        Array.Sort(_sortBuffer);
        return _sortBuffer[0];
    }

    /// <summary>One streaming pass over 10⁷ lines, then the id-ordered feature set; disposing the accumulator gives its working memory back to the shared array pool.</summary>
    [Benchmark]
    public int Aggregate()
    {
        using var accumulator = new RfmFeatureAccumulator<long>(_options);
        long[] ids = _lines.CustomerIds;
        DateTime[] dates = _lines.Timestamps;
        decimal[] amounts = _lines.Amounts;
        string[] orders = _lines.OrderIds;
        for (int i = 0; i < ids.Length; i++)
        {
            accumulator.Add(ids[i], dates[i], amounts[i], orders[i]);
        }

        return accumulator.ToFeatures().Count;
    }

    /// <summary>
    /// The same lines through the array overload on two threads: customers split into two partitions by
    /// a hash of their id, each partition aggregated on its own thread, the features joined in id order.
    /// </summary>
    [Benchmark]
    public int AggregateTwoThreads() =>
        RfmFeatures.Aggregate(_lines.CustomerIds, _lines.Timestamps, _lines.Amounts, _lines.OrderIds, _options, maxDegreeOfParallelism: 2).Count;
}
