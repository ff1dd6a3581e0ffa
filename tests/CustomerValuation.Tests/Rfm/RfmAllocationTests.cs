using System;
using CustomerValuation.Rfm;
using Xunit;

namespace CustomerValuation.Tests.Rfm;

/// <summary>
/// The scoring span kernel allocates only its summary, whatever the number of customers (the
/// benchmarks' Allocated column shows the same, 5.3 KB at 10⁶ and 10⁷).
/// </summary>
[Collection(AllocationTestGroup.Name)]
public class RfmAllocationTests
{
    [Fact]
    public void Score_AfterWarmUp_AllocatesOnlyTheSummaryIndependentOfSize()
    {
        long small = AllocatedByScoring(2_000);
        long large = AllocatedByScoring(200_000);

        // Summaries: three dimension summaries with their lists, a few kilobytes; the scores go to
        // the caller's span and every work buffer is pooled.
        Assert.InRange(small, 1, 16 * 1024);
        Assert.InRange(large, 1, 16 * 1024);
    }

    private static long AllocatedByScoring(int n)
    {
        var random = new Random(11);
        var recency = new int[n];
        var frequency = new int[n];
        var monetary = new double[n];
        for (int i = 0; i < n; i++)
        {
            recency[i] = random.Next(0, 400);
            frequency[i] = 1 + (int)(-3 * Math.Log(1 - random.NextDouble()));
            monetary[i] = Math.Round(Math.Exp(4 + (2 * random.NextDouble())), 2);
        }

        var scores = new RfmScore[n];
        RfmScorer.Score(recency, frequency, monetary, scores); // warm up the pool and the JIT
        RfmScorer.Score(recency, frequency, monetary, scores);
        long before = GC.GetAllocatedBytesForCurrentThread();
        RfmScorer.Score(recency, frequency, monetary, scores);
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
