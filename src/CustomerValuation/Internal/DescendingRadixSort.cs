using System;
using System.Buffers;

namespace CustomerValuation.Internal;

/// <summary>
/// Orders positions by value, largest first, equal values by position (earlier first), with a
/// stable least-significant-digit radix sort on the order-preserving bit pattern of the doubles.
/// O(n) time (six 11-bit passes at most, constant passes skipped); scratch from the shared pool.
/// </summary>
internal static class DescendingRadixSort
{
    private const int DigitBits = 11;
    private const int Buckets = 1 << DigitBits;
    private const int Passes = 6; // ceil(64 / 11)

    /// <summary>Writes into <paramref name="order"/> the positions of <paramref name="values"/> in rank order.</summary>
    /// <remarks>Values must be finite (checked by the caller); −0 is treated as +0.</remarks>
    public static void Sort(ReadOnlySpan<double> values, Span<int> order)
    {
        int n = values.Length;
        if (n == 0)
        {
            return;
        }

        ulong[] keysA = ArrayPool<ulong>.Shared.Rent(n);
        ulong[] keysB = ArrayPool<ulong>.Shared.Rent(n);
        int[] indexA = ArrayPool<int>.Shared.Rent(n);
        int[] indexB = ArrayPool<int>.Shared.Rent(n);
        int[] counts = ArrayPool<int>.Shared.Rent(Buckets * Passes);
        try
        {
            Array.Clear(counts, 0, Buckets * Passes);
            for (int i = 0; i < n; i++)
            {
                ulong key = DescendingKey(values[i]);
                keysA[i] = key;
                indexA[i] = i;
                for (int p = 0; p < Passes; p++)
                {
                    counts[(p * Buckets) + (int)((key >> (p * DigitBits)) & (Buckets - 1))]++;
                }
            }

            for (int p = 0; p < Passes; p++)
            {
                int offset = p * Buckets;
                int shift = p * DigitBits;

                // A pass whose digit is the same for every key changes nothing: skip it.
                int firstDigit = (int)((keysA[0] >> shift) & (Buckets - 1));
                if (counts[offset + firstDigit] == n)
                {
                    continue;
                }

                int running = 0;
                for (int b = 0; b < Buckets; b++)
                {
                    int c = counts[offset + b];
                    counts[offset + b] = running;
                    running += c;
                }

                for (int i = 0; i < n; i++)
                {
                    ulong key = keysA[i];
                    int digit = (int)((key >> shift) & (Buckets - 1));
                    int position = counts[offset + digit]++;
                    keysB[position] = key;
                    indexB[position] = indexA[i];
                }

                (keysA, keysB) = (keysB, keysA);
                (indexA, indexB) = (indexB, indexA);
            }

            indexA.AsSpan(0, n).CopyTo(order);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(counts);
            ArrayPool<int>.Shared.Return(indexB);
            ArrayPool<int>.Shared.Return(indexA);
            ArrayPool<ulong>.Shared.Return(keysB);
            ArrayPool<ulong>.Shared.Return(keysA);
        }
    }

    /// <summary>An unsigned key whose ascending order is the descending order of the finite doubles.</summary>
    internal static ulong DescendingKey(double value)
    {
        if (value == 0)
        {
            value = 0; // −0 and +0 are equal values and must tie.
        }

        ulong bits = (ulong)BitConverter.DoubleToInt64Bits(value);
        ulong ascending = (bits & 0x8000_0000_0000_0000UL) == 0 ? bits ^ 0x8000_0000_0000_0000UL : ~bits;
        return ~ascending;
    }
}
