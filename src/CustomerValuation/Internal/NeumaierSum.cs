namespace CustomerValuation.Internal;

/// <summary>
/// Compensated (Kahan–Babuška–Neumaier) running sum: the error of a sum of n doubles stays
/// of the order of one rounding of the total instead of growing with n.
/// </summary>
internal struct NeumaierSum
{
    private double _sum;
    private double _compensation;

    public void Add(double value)
    {
        double t = _sum + value;
        if (System.Math.Abs(_sum) >= System.Math.Abs(value))
        {
            _compensation += (_sum - t) + value;
        }
        else
        {
            _compensation += (value - t) + _sum;
        }

        _sum = t;
    }

    public readonly double Value => _sum + _compensation;
}
