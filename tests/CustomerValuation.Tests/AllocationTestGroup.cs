using Xunit;

namespace CustomerValuation.Tests;

/// <summary>
/// Tests that count allocated bytes run in this collection, alone: the kernels rent buffers from
/// the shared array pool, and a test running at the same time on another thread can take a pooled
/// buffer and make a kernel allocate a fresh one.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AllocationTestGroup
{
    public const string Name = "Allocation counts (run alone)";
}
