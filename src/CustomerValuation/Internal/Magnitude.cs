using System;

namespace CustomerValuation.Internal;

/// <summary>Exact rescaling of values whose sums or squares could overflow or underflow.</summary>
internal static class Magnitude
{
    /// <summary>
    /// A power of two 2⁻ᵉ that brings <paramref name="largestMagnitude"/> into [1, 2) (1 for 0):
    /// multiplying by it is exact, and sums of squares of the rescaled values stay far from the
    /// ends of the double range.
    /// </summary>
    public static double InverseScale(double largestMagnitude)
    {
        if (!(largestMagnitude > 0) || double.IsInfinity(largestMagnitude))
        {
            return 1;
        }

        int biased = (int)((BitConverter.DoubleToInt64Bits(largestMagnitude) >> 52) & 0x7FF);
        int exponent = biased == 0 ? -1023 : biased - 1023;
        return Math.Pow(2, -exponent);
    }
}
