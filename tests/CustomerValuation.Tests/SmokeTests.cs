using CustomerValuation.Abc;
using Xunit;

namespace CustomerValuation.Tests;

public class SmokeTests
{
    [Fact]
    public void Analyze_ThreeCustomers_RanksLargestFirst()
    {
        // Hand calculation: 80 + 15 + 5 = 100; the 80 reaches the 0.80 breakpoint alone.
        AbcAnalysis analysis = AbcClassifier.Analyze(new double[] { 15, 80, 5 });
        Assert.Equal(1, analysis.Entries[0].Index);
        Assert.Equal(0, analysis.Entries[0].ClassIndex);
    }
}
