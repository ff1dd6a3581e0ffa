using CustomerValuation.Internal;
using Xunit;

namespace CustomerValuation.Tests.Internal;

/// <summary>The compensated sum: exactness where a plain sum loses digits, and overflow to ±∞ rather than NaN.</summary>
public class NeumaierSumTests
{
    [Fact]
    public void Value_LargeThenSmallThenLargeNegative_KeepsTheSmallTerms()
    {
        // Hand: 1e16 + 1 + 1 − 1e16 = 2 exactly; a plain double sum gives 0 (1e16 + 1 rounds back to 1e16).
        var sum = default(NeumaierSum);
        sum.Add(1e16);
        sum.Add(1);
        sum.Add(1);
        sum.Add(-1e16);
        Assert.Equal(2.0, sum.Value);
    }

    [Fact]
    public void Value_SumBeyondLargestDouble_IsPositiveInfinityNotNaN()
    {
        // Found by the review of issue 6: the compensation became ∞ − ∞ = NaN, so the value was NaN
        // and a caller's check for an infinite total let it through.
        var sum = default(NeumaierSum);
        sum.Add(double.MaxValue);
        sum.Add(double.MaxValue);
        sum.Add(1);
        Assert.Equal(double.PositiveInfinity, sum.Value);
    }

    [Fact]
    public void Value_SumBelowMostNegativeDouble_IsNegativeInfinity()
    {
        var sum = default(NeumaierSum);
        sum.Add(-double.MaxValue);
        sum.Add(-double.MaxValue);
        Assert.Equal(double.NegativeInfinity, sum.Value);
    }
}
