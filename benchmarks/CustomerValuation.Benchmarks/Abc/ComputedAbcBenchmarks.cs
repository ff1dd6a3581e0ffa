using System;
using BenchmarkDotNet.Attributes;
using CustomerValuation.Abc;

namespace CustomerValuation.Benchmarks.Abc;

/// <summary>
/// <see cref="ComputedAbc.Compute(ReadOnlySpan{double})"/> against <c>Array.Sort</c>
/// of the same values (copy included) in the same class.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class ComputedAbcBenchmarks
{
    private double[] _values = [];
    private double[] _sortBuffer = [];

    /// <summary>Number of customers.</summary>
    [Params(100_000, 1_000_000)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _values = SyntheticValues.Create(N);
        _sortBuffer = new double[N];
    }

    /// <summary>Baseline: copy the values into a preallocated buffer and sort it.</summary>
    [Benchmark(Baseline = true)]
    public double ArraySort()
    {
        _values.AsSpan().CopyTo(_sortBuffer);
        Array.Sort(_sortBuffer);
        return _sortBuffer[0];
    }

    /// <summary>Pareto, break-even and submarginal points and the resulting options.</summary>
    [Benchmark]
    public ComputedAbcResult Compute() => ComputedAbc.Compute(_values);
}
