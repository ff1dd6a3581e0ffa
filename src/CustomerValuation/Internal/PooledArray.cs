using System;
using System.Buffers;

namespace CustomerValuation.Internal;

/// <summary>
/// Working arrays rented from <see cref="ArrayPool{T}.Shared"/> and given back when the work is
/// done, so that repeated aggregations reuse memory the process already has instead of touching
/// fresh pages (the first touch of a fresh 4 KB page costs microseconds on virtual machines).
/// </summary>
internal static class PooledArray
{
    private const int MinimumLength = 16;

    /// <summary>An array of at least <paramref name="minimumLength"/> elements, with whatever it held before.</summary>
    public static T[] Rent<T>(int minimumLength) => ArrayPool<T>.Shared.Rent(Math.Max(minimumLength, MinimumLength));

    /// <summary>An array of at least <paramref name="minimumLength"/> elements whose first <paramref name="minimumLength"/> are default.</summary>
    public static T[] RentCleared<T>(int minimumLength)
    {
        T[] array = Rent<T>(minimumLength);
        Array.Clear(array, 0, minimumLength);
        return array;
    }

    /// <summary>Replaces <paramref name="array"/> by a rented one of at least <paramref name="minimumLength"/> elements holding its first <paramref name="used"/>.</summary>
    public static void Grow<T>(ref T[] array, int used, int minimumLength)
    {
        T[] bigger = Rent<T>(minimumLength);
        Array.Copy(array, bigger, used);
        Return(ref array, used);
        array = bigger;
    }

    /// <summary>
    /// Gives a rented array back (its first <paramref name="used"/> elements cleared when they can
    /// hold references, so that the pool keeps nothing alive) and leaves <paramref name="array"/> empty. Arrays of fewer
    /// than 16 elements were never rented and are dropped.
    /// </summary>
    public static void Return<T>(ref T[] array, int used)
    {
        T[] old = array;
        array = [];
        if (old.Length >= MinimumLength)
        {
#if NET
            if (System.Runtime.CompilerServices.RuntimeHelpers.IsReferenceOrContainsReferences<T>())
#endif
            {
                Array.Clear(old, 0, Math.Min(used, old.Length));
            }

            ArrayPool<T>.Shared.Return(old);
        }
    }
}
