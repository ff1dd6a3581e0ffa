namespace CustomerValuation.Internal;

/// <summary>
/// Compensated (Kahan–Babuška–Neumaier) running sum: the error of a sum of n doubles stays
/// of the order of one rounding of the total instead of growing with n.
/// </summary>
/// <remarks>
/// A sum that overflows stays ±∞ (as a plain sum would): once the running sum is infinite the
/// compensation is no longer updated, since (sum − t) would be ∞ − ∞ = NaN and turn the value into
/// NaN, which callers checking for an infinite total would not catch.
/// </remarks>
internal struct NeumaierSum : IRunningSum
{
    private double _sum;
    private double _compensation;

    public void Add(double value)
    {
        double t = _sum + value;
        if (System.Math.Abs(t) <= double.MaxValue)
        {
            if (System.Math.Abs(_sum) >= System.Math.Abs(value))
            {
                _compensation += (_sum - t) + value;
            }
            else
            {
                _compensation += (value - t) + _sum;
            }
        }

        _sum = t;
    }

    /// <summary>The compensated sum.</summary>
    public readonly double Value => System.Math.Abs(_sum) <= double.MaxValue ? _sum + _compensation : _sum;
}

/// <summary>A running sum of doubles, for code generic over how it sums (a struct, so calls are not boxed).</summary>
internal interface IRunningSum
{
    /// <summary>Adds a value.</summary>
    void Add(double value);

    /// <summary>The sum.</summary>
    double Value { get; }
}
