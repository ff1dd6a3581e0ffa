using System;
using System.Buffers;

namespace CustomerValuation.Internal;

/// <summary>
/// Stable least-significant-digit radix sort of unsigned keys with an item each (ascending keys,
/// equal keys keep their order): 11-bit digits, one read of the keys for every pass's histogram,
/// and passes whose digit is the same for every key skipped.
/// </summary>
internal static class StableRadixSort
{
    private const int DigitBits = 11;
    private const int Buckets = 1 << DigitBits;

    /// <summary>
    /// Sorts <paramref name="keys"/>[0 … length) with <paramref name="items"/> by their low
    /// <paramref name="bits"/> bits, using the scratch arrays as the other buffer.
    /// </summary>
    /// <returns>True when the result is in <paramref name="keys"/> and <paramref name="items"/>, false when in the scratch arrays.</returns>
    public static bool Sort(ulong[] keys, int[] items, ulong[] scratchKeys, int[] scratchItems, int length, int bits)
    {
        int passes = (bits + DigitBits - 1) / DigitBits;
        if (length < 2 || passes == 0)
        {
            return true;
        }

        int[] counts = ArrayPool<int>.Shared.Rent(Buckets * passes);
        try
        {
            Array.Clear(counts, 0, Buckets * passes);
            for (int i = 0; i < length; i++)
            {
                ulong key = keys[i];
                for (int p = 0; p < passes; p++)
                {
                    counts[(p * Buckets) + (int)((key >> (p * DigitBits)) & (Buckets - 1))]++;
                }
            }

            bool inKeys = true;
            ulong[] sourceKeys = keys, targetKeys = scratchKeys;
            int[] sourceItems = items, targetItems = scratchItems;
            for (int p = 0; p < passes; p++)
            {
                int offset = p * Buckets;
                int shift = p * DigitBits;

                // A pass whose digit is the same for every key changes nothing: skip it.
                if (counts[offset + (int)((sourceKeys[0] >> shift) & (Buckets - 1))] == length)
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

                for (int i = 0; i < length; i++)
                {
                    ulong key = sourceKeys[i];
                    int at = counts[offset + (int)((key >> shift) & (Buckets - 1))]++;
                    targetKeys[at] = key;
                    targetItems[at] = sourceItems[i];
                }

                (sourceKeys, targetKeys) = (targetKeys, sourceKeys);
                (sourceItems, targetItems) = (targetItems, sourceItems);
                inKeys = !inKeys;
            }

            return inKeys;
        }
        finally
        {
            ArrayPool<int>.Shared.Return(counts);
        }
    }
}
