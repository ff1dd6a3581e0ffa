using System;

namespace CustomerValuation.Internal;

/// <summary>
/// The exact sum of doubles, rounded once: the value is the double nearest to the true sum (ties to
/// even), whatever the order of the additions. Two sums merge exactly, which is what makes group
/// totals of separate partitions add up to the single-pass total.
/// </summary>
/// <remarks>
/// Shewchuk's non-overlapping expansion ("Adaptive Precision Floating-Point Arithmetic and Fast
/// Robust Geometric Predicates", 1997), with the final correctly rounded step of Python's
/// <c>math.fsum</c> as documented there: the state is a few doubles (the partials) whose exact sum
/// is the exact sum of everything added. Money amounts of similar size need two or three partials;
/// the first four are held in the struct and more spill to an array. A sum whose running total
/// overflows stays ±∞, as a plain sum would, and callers check for it.
/// </remarks>
internal struct ExactSum : IRunningSum
{
    private const int Inline = 4;
    private double _p0, _p1, _p2, _p3;
    private double[]? _spill;
    private int _count;
    private double _overflow; // 0, or ±∞ once an intermediate sum overflowed

    public void Add(double x)
    {
        if (_overflow != 0)
        {
            return;
        }

        int kept = 0;
        for (int j = 0; j < _count; j++)
        {
            double y = Get(j);
            if (Math.Abs(x) < Math.Abs(y))
            {
                (x, y) = (y, x);
            }

            double hi = x + y;
            if (double.IsInfinity(hi))
            {
                _overflow = hi;
                return;
            }

            double lo = y - (hi - x);
            if (lo != 0)
            {
                Set(kept++, lo);
            }

            x = hi;
        }

        Set(kept, x);
        _count = kept + 1;
    }

    /// <summary>A copy that shares no storage with this sum.</summary>
    public readonly ExactSum Copy()
    {
        ExactSum copy = this;
        copy._spill = _spill is null ? null : (double[])_spill.Clone();
        return copy;
    }

    /// <summary>Adds the exact sum held by <paramref name="other"/> (another instance: copy a sum before adding it to itself).</summary>
    public void Add(in ExactSum other)
    {
        if (other._overflow != 0)
        {
            _overflow = _overflow != 0 && _overflow != other._overflow ? double.NaN : other._overflow;
            return;
        }

        for (int j = 0; j < other._count; j++)
        {
            Add(other.Get(j));
        }
    }

    /// <summary>The sum rounded to the nearest double (ties to even); ±∞ after an overflow, 0 when empty.</summary>
    public readonly double Value
    {
        get
        {
            if (_overflow != 0)
            {
                return _overflow;
            }

            int n = _count;
            if (n == 0)
            {
                return 0;
            }

            double hi = Get(--n);
            double lo = 0;
            while (n > 0)
            {
                double x = hi;
                double y = Get(--n);
                hi = x + y;
                lo = y - (hi - x);
                if (lo != 0)
                {
                    break;
                }
            }

            // hi + lo is exact; when the partials below lo push the same way, the true sum is past
            // the halfway point that rounding hi + lo to even may have chosen: round away instead.
            if (n > 0 && ((lo < 0 && Get(n - 1) < 0) || (lo > 0 && Get(n - 1) > 0)))
            {
                double y = lo * 2;
                double x = hi + y;
                if (y == x - hi)
                {
                    hi = x;
                }
            }

            return hi;
        }
    }

    private readonly double Get(int i) => i switch
    {
        0 => _p0,
        1 => _p1,
        2 => _p2,
        3 => _p3,
        _ => _spill![i - Inline],
    };

    private void Set(int i, double value)
    {
        switch (i)
        {
            case 0: _p0 = value; break;
            case 1: _p1 = value; break;
            case 2: _p2 = value; break;
            case 3: _p3 = value; break;
            default:
                int k = i - Inline;
                if (_spill is null || k >= _spill.Length)
                {
                    Array.Resize(ref _spill, Math.Max(4, k * 2));
                }

                _spill[k] = value;
                break;
        }
    }
}
