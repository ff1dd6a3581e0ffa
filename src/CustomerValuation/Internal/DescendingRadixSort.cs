using System;
using System.Buffers;

namespace CustomerValuation.Internal;

/// <summary>
/// Orders positions by value, largest first, equal values by position (earlier first), with a
/// stable least-significant-digit radix sort on the order-preserving bit pattern of the doubles.
/// O(n) time (six 11-bit passes at most, passes whose digit never varies are skipped); all
/// scratch comes from the shared array pool.
/// </summary>
internal static class DescendingRadixSort
{
    private const int DigitBits = 11;
    private const int Buckets = 1 << DigitBits;
    private const int Passes = 6; // ceil(64 / 11)
    private const ulong SignBit = 0x8000_0000_0000_0000UL;

    /// <summary>
    /// Sorts the values' keys and positions into rank order and hands back both (pooled arrays):
    /// callers read the values in rank order from the keys with <see cref="ValueOf"/>, sequentially,
    /// instead of gathering them from the input at random.
    /// </summary>
    public static RankedKeys Rank(ReadOnlySpan<double> values)
    {
        int n = values.Length;
        ulong[] keysA = ArrayPool<ulong>.Shared.Rent(Math.Max(n, 1));
        ulong[] keysB = ArrayPool<ulong>.Shared.Rent(Math.Max(n, 1));
        int[] indexA = ArrayPool<int>.Shared.Rent(Math.Max(n, 1));
        int[] indexB = ArrayPool<int>.Shared.Rent(Math.Max(n, 1));
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

            for (int p = 0; p < Passes && n > 0; p++)
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
                    int position = counts[offset + (int)((key >> shift) & (Buckets - 1))]++;
                    keysB[position] = key;
                    indexB[position] = indexA[i];
                }

                (keysA, keysB) = (keysB, keysA);
                (indexA, indexB) = (indexB, indexA);
            }

            var result = new RankedKeys(keysA, indexA);
            keysA = null!;
            indexA = null!;
            return result;
        }
        finally
        {
            ArrayPool<int>.Shared.Return(counts);
            ArrayPool<int>.Shared.Return(indexB);
            ArrayPool<ulong>.Shared.Return(keysB);
            if (keysA is not null)
            {
                ArrayPool<ulong>.Shared.Return(keysA);
                ArrayPool<int>.Shared.Return(indexA);
            }
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
        ulong ascending = (bits & SignBit) == 0 ? bits ^ SignBit : ~bits;
        return ~ascending;
    }

    /// <summary>The value a key was made from (−0 comes back as +0).</summary>
    internal static double ValueOf(ulong descendingKey)
    {
        ulong ascending = ~descendingKey;
        ulong bits = (ascending & SignBit) != 0 ? ascending ^ SignBit : ~ascending;
        return BitConverter.Int64BitsToDouble((long)bits);
    }
}

/// <summary>Sorted keys and positions from <see cref="DescendingRadixSort.Rank"/>; dispose to return them to the pool.</summary>
internal readonly struct RankedKeys : IDisposable
{
    public RankedKeys(ulong[] keys, int[] positions)
    {
        Keys = keys;
        Positions = positions;
    }

    /// <summary>Gets the keys in rank order (read the values with <see cref="DescendingRadixSort.ValueOf"/>).</summary>
    public ulong[] Keys { get; }

    /// <summary>Gets the input positions in rank order.</summary>
    public int[] Positions { get; }

    public void Dispose()
    {
        ArrayPool<ulong>.Shared.Return(Keys);
        ArrayPool<int>.Shared.Return(Positions);
    }
}
