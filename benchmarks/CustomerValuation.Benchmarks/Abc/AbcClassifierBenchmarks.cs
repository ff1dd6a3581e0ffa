using System;
using BenchmarkDotNet.Attributes;
using CustomerValuation.Abc;

namespace CustomerValuation.Benchmarks.Abc;

/// <summary>
/// The span kernels of <see cref="AbcClassifier"/> against <c>Array.Sort</c> of
/// the same values (copy included), all in one class so that the Ratio column compares like with
/// like on a noisy machine.
/// </summary>
/// <remarks>
/// Every destination is allocated in <see cref="Setup"/>, so the Allocated column shows what the
/// kernels themselves allocate. Job: one launch, 3 warm-up and 10 measured iterations, which keeps
/// the whole class (9 cases) well under ten minutes on a 2-core machine.
/// </remarks>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class AbcClassifierBenchmarks
{
    private readonly AbcOptions _options = AbcOptions.Default;
    private double[] _values = [];
    private double[] _sortBuffer = [];
    private int[] _classIndices = [];
    private AbcEntry[] _entries = [];

    /// <summary>Number of customers.</summary>
    [Params(100_000, 1_000_000, 10_000_000)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _values = SyntheticValues.Create(N);
        _sortBuffer = new double[N];
        _classIndices = new int[N];
        _entries = new AbcEntry[N];
    }

    /// <summary>Baseline: copy the values into a preallocated buffer and sort it.</summary>
    [Benchmark(Baseline = true)]
    public double ArraySort()
    {
        _values.AsSpan().CopyTo(_sortBuffer);
        Array.Sort(_sortBuffer);
        return _sortBuffer[0];
    }

    /// <summary>Class index per customer, without ranking (histogram kernel, span API).</summary>
    [Benchmark]
    public int ClassesOnly()
    {
        AbcClassifier.Classify(_values, _classIndices, _options);
        return _classIndices[0];
    }

    /// <summary>Ranked entries and summary (radix sort, span API).</summary>
    [Benchmark]
    public AbcSummary FullAnalysis() => AbcClassifier.Analyze(_values, _entries, _options);
}
