using System;
using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using CustomerValuation.Churn;

namespace CustomerValuation.Benchmarks.Churn;

/// <summary>
/// Lifecycle status of 10⁶ customers (rhythm lapse rule) against <c>Array.Sort</c> of a copy of
/// 10⁶ doubles in the same class.
/// </summary>
/// <remarks>
/// Data (seeded): 5 % prospects; the others with 1–12 purchase dates over two years (geometric
/// count, mean about 3), in random order within each customer; integer ids.
/// </remarks>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class LifecycleClassifierBenchmarks
{
    private const int Customers = 1_000_000;
    private readonly DateTime _asOf = new(2026, 1, 1);
    private readonly LifecycleOptions _rhythm = new(lapseRule: LapseRule.Rhythm());
    private (int Id, DateTime[] Dates)[] _customers = [];
    private double[] _baseline = [];
    private double[] _sortBuffer = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(SyntheticValues.Seed);
        _customers = new (int, DateTime[])[Customers];
        for (int i = 0; i < Customers; i++)
        {
            int count = random.NextDouble() < 0.05 ? 0 : 1;
            while (count > 0 && count < 12 && random.NextDouble() < 0.6)
            {
                count++;
            }

            var dates = new DateTime[count];
            for (int k = 0; k < count; k++)
            {
                dates[k] = _asOf.AddDays(-random.Next(730));
            }

            _customers[i] = (1_000_000 + i, dates);
        }

        _baseline = SyntheticValues.Create(Customers);
        _sortBuffer = new double[Customers];
    }

    /// <summary>Baseline: copy 10⁶ doubles into a preallocated buffer and sort it.</summary>
    [Benchmark(Baseline = true)]
    public double ArraySort()
    {
        _baseline.AsSpan().CopyTo(_sortBuffer);
        Array.Sort(_sortBuffer);
        return _sortBuffer[0];
    }

    /// <summary>Classify every customer at the as-of date with the rhythm rule (k = 3, at least 3 purchases, fallback 180 days).</summary>
    [Benchmark]
    public int Classify() => LifecycleClassifier.Classify(_customers, c => c.Id, c => (IEnumerable<DateTime>)c.Dates, _asOf, _rhythm).Count(LifecycleStatus.Lapsed);
}
