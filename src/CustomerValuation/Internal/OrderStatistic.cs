using System;

namespace CustomerValuation.Internal;

/// <summary>Selection of order statistics in place (quickselect with median-of-three pivots; small or stubborn ranges are sorted).</summary>
internal static class OrderStatistic
{
    /// <summary>
    /// Rearranges the first <paramref name="length"/> of <paramref name="values"/> so that the element at <paramref name="k"/> is the one
    /// a full ascending sort would put there, every element before it is ≤ and every element after
    /// it ≥; returns it. Values must not be NaN. Expected O(n).
    /// </summary>
    public static double Select(double[] values, int length, int k)
    {
        int lo = 0, hi = length - 1;
        int rounds = 0;
        while (hi - lo > 16)
        {
            if (++rounds > 64)
            {
                Array.Sort(values, lo, hi - lo + 1);
                return values[k];
            }

            int mid = lo + ((hi - lo) / 2);
            if (values[mid] < values[lo])
            {
                Swap(values, mid, lo);
            }

            if (values[hi] < values[lo])
            {
                Swap(values, hi, lo);
            }

            if (values[hi] < values[mid])
            {
                Swap(values, hi, mid);
            }

            double pivot = values[mid];
            int i = lo, j = hi;
            while (i <= j)
            {
                while (values[i] < pivot)
                {
                    i++;
                }

                while (values[j] > pivot)
                {
                    j--;
                }

                if (i <= j)
                {
                    Swap(values, i, j);
                    i++;
                    j--;
                }
            }

            // Now values[lo … j] ≤ pivot ≤ values[i … hi], and values strictly between j and i equal the pivot.
            if (k <= j)
            {
                hi = j;
            }
            else if (k >= i)
            {
                lo = i;
            }
            else
            {
                return values[k];
            }
        }

        Array.Sort(values, lo, hi - lo + 1);
        return values[k];
    }

    private static void Swap(double[] values, int a, int b) => (values[a], values[b]) = (values[b], values[a]);
}
