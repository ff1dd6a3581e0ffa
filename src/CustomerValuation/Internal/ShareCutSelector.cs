using System;

namespace CustomerValuation.Internal;

/// <summary>
/// Finds, without sorting, where a cumulative share in descending-value order reaches a target:
/// a weighted quickselect with three-way partitioning (expected O(n) per target), falling back to
/// a sort of the remaining range when the pivots keep coming out badly.
/// </summary>
/// <remarks>
/// The cut is reported as a value and a tie count: every value above <see cref="Cut.Value"/> is on
/// the upper side, every value below it on the lower side, and of the values equal to it the first
/// <see cref="Cut.TiesAbove"/> in position order are on the upper side.
/// </remarks>
internal static class ShareCutSelector
{
    internal readonly struct Cut
    {
        public Cut(double value, int tiesAbove, int upperCount)
        {
            Value = value;
            TiesAbove = tiesAbove;
            UpperCount = upperCount;
        }

        public double Value { get; }

        public int TiesAbove { get; }

        /// <summary>Number of values on the upper side.</summary>
        public int UpperCount { get; }
    }

    /// <summary>
    /// Finds the cut for one breakpoint within a[lo..hi), whose values are all no larger than those
    /// before <paramref name="lo"/>; on return the upper-side values of that range are at its front,
    /// so the next (larger) breakpoint can continue from <see cref="Cut.UpperCount"/>.
    /// </summary>
    /// <param name="a">Positive values, rearranged in place.</param>
    /// <param name="lo">Where the search range begins (the previous cut's upper count).</param>
    /// <param name="hi">Where it ends.</param>
    /// <param name="cumulativeBefore">The weight of the values before <paramref name="lo"/>.</param>
    /// <param name="previous">The previous cut (value +∞ and no ties for the first breakpoint).</param>
    /// <param name="joinUpper">The crossing value joins the upper side (else the lower side).</param>
    /// <param name="threshold">The breakpoint times the total weight, already moved by the tolerance.</param>
    /// <param name="byCount">Each value weighs 1 (count share) instead of its value (value share).</param>
    /// <param name="cumulativeAtCut">The weight of the upper side.</param>
    public static Cut Find(
        double[] a,
        int lo,
        int hi,
        double cumulativeBefore,
        Cut previous,
        bool joinUpper,
        double threshold,
        bool byCount,
        out double cumulativeAtCut)
    {
        if (joinUpper ? cumulativeBefore >= threshold : cumulativeBefore > threshold)
        {
            // The previous cut already reaches this breakpoint: nothing more joins.
            cumulativeAtCut = cumulativeBefore;
            return new Cut(previous.Value, previous.TiesAbove, lo);
        }

        double baseWeight = cumulativeBefore;
        int budget = 2 * Log2(hi - lo + 1) + 16;
        uint seed = 0x9E3779B9u ^ (uint)(hi - lo);
        bool sorted = false;

        while (hi > lo)
        {
            double pivot;
            int gtEnd;
            int eqEnd;
            double gtWeight;
            if (!sorted && --budget < 0)
            {
                // Pivots keep failing: sort the rest (descending) and walk it block by block.
                Array.Sort(a, lo, hi - lo);
                Array.Reverse(a, lo, hi - lo);
                sorted = true;
            }

            if (sorted)
            {
                pivot = a[lo];
                gtEnd = lo;
                eqEnd = lo + 1;
                while (eqEnd < hi && a[eqEnd] == pivot)
                {
                    eqEnd++;
                }

                gtWeight = 0;
            }
            else
            {
                pivot = ChoosePivot(a, lo, hi, ref seed);
                Partition(a, lo, hi, pivot, byCount, out gtEnd, out eqEnd, out gtWeight);
            }

            int eqCount = eqEnd - gtEnd;
            double unit = byCount ? 1.0 : pivot;
            double afterGt = baseWeight + gtWeight;
            double afterEq = afterGt + (eqCount * unit);

            if (joinUpper)
            {
                if (afterGt >= threshold && gtEnd > lo)
                {
                    hi = gtEnd;
                    continue;
                }

                if (afterEq >= threshold)
                {
                    // Smallest j >= 1 with afterGt + j * unit >= threshold.
                    int j = (int)Math.Ceiling((threshold - afterGt) / unit);
                    j = Math.Max(1, Math.Min(eqCount, j));
                    while (j > 1 && afterGt + ((j - 1) * unit) >= threshold)
                    {
                        j--;
                    }

                    while (j < eqCount && afterGt + (j * unit) < threshold)
                    {
                        j++;
                    }

                    cumulativeAtCut = afterGt + (j * unit);
                    return Make(pivot, j, gtEnd + j, previous);
                }
            }
            else
            {
                if (afterGt > threshold)
                {
                    hi = gtEnd;
                    continue;
                }

                if (afterEq > threshold)
                {
                    // Largest j >= 0 with afterGt + j * unit <= threshold.
                    int j = (int)Math.Floor((threshold - afterGt) / unit);
                    j = Math.Max(0, Math.Min(eqCount, j));
                    while (j > 0 && afterGt + (j * unit) > threshold)
                    {
                        j--;
                    }

                    while (j < eqCount && afterGt + ((j + 1) * unit) <= threshold)
                    {
                        j++;
                    }

                    cumulativeAtCut = afterGt + (j * unit);
                    return Make(pivot, j, gtEnd + j, previous);
                }
            }

            baseWeight = afterEq;
            lo = eqEnd;
        }

        // Every remaining value is on the upper side.
        cumulativeAtCut = baseWeight;
        return new Cut(0.0, 0, hi);
    }

    private static Cut Make(double value, int tiesInRange, int upperCount, Cut previous)
    {
        // Ties of the same value that an earlier cut already put on its upper side are also above this cut.
        int ties = previous.Value == value ? previous.TiesAbove + tiesInRange : tiesInRange;
        return new Cut(value, ties, upperCount);
    }

    private static double ChoosePivot(double[] a, int lo, int hi, ref uint seed)
    {
        int length = hi - lo;
        if (length < 3)
        {
            return a[lo];
        }

        double x = a[lo + (int)(Next(ref seed) % (uint)length)];
        double y = a[lo + (int)(Next(ref seed) % (uint)length)];
        double z = a[lo + (int)(Next(ref seed) % (uint)length)];
        return Math.Max(Math.Min(x, y), Math.Min(Math.Max(x, y), z));
    }

    private static uint Next(ref uint state)
    {
        // xorshift32: deterministic, so the same input always takes the same path.
        uint x = state;
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        state = x;
        return x;
    }

    /// <summary>
    /// Three-way partition of a[lo..hi) into [lo, gtEnd) &gt; pivot, [gtEnd, eqEnd) == pivot and
    /// [eqEnd, hi) &lt; pivot, summing the weight of the first part.
    /// </summary>
    private static void Partition(double[] a, int lo, int hi, double pivot, bool byCount, out int gtEnd, out int eqEnd, out double gtWeight)
    {
        int lt = lo;      // next slot for a value > pivot
        int i = lo;
        int gt = hi - 1;  // last slot not yet known to hold a value < pivot
        NeumaierSum sum = default;
        while (i <= gt)
        {
            double v = a[i];
            if (v > pivot)
            {
                a[i] = a[lt];
                a[lt] = v;
                lt++;
                i++;
                sum.Add(v);
            }
            else if (v < pivot)
            {
                a[i] = a[gt];
                a[gt] = v;
                gt--;
            }
            else
            {
                i++;
            }
        }

        gtEnd = lt;
        eqEnd = gt + 1;
        gtWeight = byCount ? lt - lo : sum.Value;
    }

    private static int Log2(int n)
    {
        int r = 0;
        while ((n >>= 1) != 0)
        {
            r++;
        }

        return r;
    }
}
