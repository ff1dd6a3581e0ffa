using System;
using System.Buffers;

namespace CustomerValuation.Internal;

/// <summary>
/// Orders positions by value, largest first, equal values by position (earlier first), with a
/// stable least-significant-digit radix sort (<see cref="StableRadixSort"/>) on the
/// order-preserving bit pattern of the doubles. O(n) time; all scratch comes from the shared
/// array pool.
/// </summary>
internal static class DescendingRadixSort
{
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
        for (int i = 0; i < n; i++)
        {
            keysA[i] = DescendingKey(values[i]);
            indexA[i] = i;
        }

        bool inA = StableRadixSort.Sort(keysA, indexA, keysB, indexB, n, bits: 64);
        if (!inA)
        {
            (keysA, keysB) = (keysB, keysA);
            (indexA, indexB) = (indexB, indexA);
        }

        ArrayPool<int>.Shared.Return(indexB);
        ArrayPool<ulong>.Shared.Return(keysB);
        return new RankedKeys(keysA, indexA);
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
