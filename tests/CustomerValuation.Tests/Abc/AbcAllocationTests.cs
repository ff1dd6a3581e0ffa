using System;
using CustomerValuation.Abc;
using Xunit;

namespace CustomerValuation.Tests.Abc;

/// <summary>
/// The span kernels allocate nothing beyond what they return (issue target; the benchmarks'
/// Allocated column shows the same). Allocation counts are deterministic, unlike timings.
/// </summary>
[Collection(AllocationTestGroup.Name)]
public class AbcAllocationTests
{
    [Fact]
    public void Classify_AfterWarmUp_AllocatesNothing()
    {
        double[] values = new double[50_000];
        var random = new Random(7);
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = i % 37 == 0 ? 0 : Math.Round(Math.Exp(5 + (2 * random.NextDouble())), 2);
        }

        int[] classes = new int[values.Length];
        AbcClassifier.Classify(values, classes); // warm up the pool and the JIT
        AbcClassifier.Classify(values, classes);

        long before = GC.GetAllocatedBytesForCurrentThread();
        AbcClassifier.Classify(values, classes);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
    }

    [Fact]
    public void Analyze_AfterWarmUp_AllocatesOnlyTheSummary()
    {
        double[] values = new double[50_000];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = (i * 7919 % 10_007) + 0.5;
        }

        var entries = new AbcEntry[values.Length];
        AbcClassifier.Analyze(values, entries);
        AbcClassifier.Analyze(values, entries);

        long before = GC.GetAllocatedBytesForCurrentThread();
        AbcSummary summary = AbcClassifier.Analyze(values, entries);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // The summary object, its class array and read-only view, and one record per class (4):
        // a few hundred bytes, independent of the 50,000 customers.
        Assert.Equal(4, summary.Classes.Count);
        Assert.InRange(allocated, 1, 1024);
    }
}
