using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace CustomerValuation.Internal;

/// <summary>A customer's part of a <see cref="PurchaseKeySet"/>, kept inside the customer's own state.</summary>
internal struct PurchaseKeys
{
    /// <summary>The customer's last key in the shared list, or −1.</summary>
    public int Head;

    /// <summary>The number of distinct keys: the customer's frequency.</summary>
    public int Count;

    /// <summary>A 64-bit Bloom filter of the customer's keys (two bits per key).</summary>
    public ulong Mask;
}

/// <summary>
/// Exact sets of purchase keys (order ids or day numbers), one per customer, for streams in which a
/// customer's new keys are almost always new: a 64-bit Bloom filter inside the customer's state
/// answers "certainly new" without touching any other memory; only a "maybe" walks the customer's
/// own list of keys, or, for a customer with many keys, an exact hash set.
/// </summary>
/// <remarks>
/// Memory: 12 bytes per distinct (customer, order) or 8 per (customer, day), plus the hash sets of
/// customers with more than <see cref="WalkLimit"/> keys. Every answer is exact.
/// </remarks>
internal sealed class PurchaseKeySet
{
    private const int WalkLimit = 16;
    private const int ChunkBits = 16;
    private const int ChunkMask = (1 << ChunkBits) - 1;
    private readonly bool _byOrder;
    private int[][] _previous = new int[16][];
    private string?[][] _orders = new string?[16][];
    private int[][] _days = new int[16][];
    private int _count;
    private Dictionary<int, HashSet<string>>? _bigOrderSets;
    private Dictionary<int, HashSet<int>>? _bigDaySets;

    /// <summary>Creates an empty set of order ids (<paramref name="byOrder"/>) or of day numbers.</summary>
    public PurchaseKeySet(bool byOrder) => _byOrder = byOrder;

    /// <summary>A hash of an order id that is the same in every process (string.GetHashCode is randomised).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int HashOf(string text)
    {
        uint hash = 2166136261;
        foreach (char ch in text)
        {
            hash = (hash ^ ch) * 16777619;
        }

        return (int)hash;
    }

    /// <summary>Adds an order id to a customer's set; true when it was not there.</summary>
    public bool Add(int customer, ref PurchaseKeys keys, string order, int orderHash)
    {
        ulong fingerprint = Mix((uint)orderHash);
        if (MaybeContains(ref keys, fingerprint))
        {
            if (keys.Count > WalkLimit)
            {
                if (!BigOrderSet(customer, ref keys).Add(order))
                {
                    return false;
                }
            }
            else
            {
                for (int e = keys.Head; e >= 0; e = _previous[e >> ChunkBits][e & ChunkMask])
                {
                    if (string.Equals(_orders[e >> ChunkBits][e & ChunkMask], order, StringComparison.Ordinal))
                    {
                        return false;
                    }
                }
            }
        }
        else if (keys.Count > WalkLimit && _bigOrderSets is not null && _bigOrderSets.TryGetValue(customer, out HashSet<string>? set))
        {
            set.Add(order);
        }

        int index = Append(ref keys, fingerprint);
        _orders[index >> ChunkBits][index & ChunkMask] = order;
        return true;
    }

    /// <summary>Adds a day number to a customer's set; true when it was not there.</summary>
    public bool Add(int customer, ref PurchaseKeys keys, int day)
    {
        ulong fingerprint = Mix((uint)day);
        if (MaybeContains(ref keys, fingerprint))
        {
            if (keys.Count > WalkLimit)
            {
                if (!BigDaySet(customer, ref keys).Add(day))
                {
                    return false;
                }
            }
            else
            {
                for (int e = keys.Head; e >= 0; e = _previous[e >> ChunkBits][e & ChunkMask])
                {
                    if (_days[e >> ChunkBits][e & ChunkMask] == day)
                    {
                        return false;
                    }
                }
            }
        }
        else if (keys.Count > WalkLimit && _bigDaySets is not null && _bigDaySets.TryGetValue(customer, out HashSet<int>? set))
        {
            set.Add(day);
        }

        int index = Append(ref keys, fingerprint);
        _days[index >> ChunkBits][index & ChunkMask] = day;
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Mix(ulong x)
    {
        // SplitMix64 finaliser.
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool MaybeContains(ref PurchaseKeys keys, ulong fingerprint) =>
        (keys.Mask & Bits(fingerprint)) == Bits(fingerprint);

    /// <summary>The two filter bits of a key.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Bits(ulong fingerprint) => (1UL << (int)(fingerprint & 63)) | (1UL << (int)((fingerprint >> 6) & 63));

    private int Append(ref PurchaseKeys keys, ulong fingerprint)
    {
        int index = _count++;
        int chunk = index >> ChunkBits;
        if (chunk == _previous.Length)
        {
            Array.Resize(ref _previous, chunk * 2);
            Array.Resize(ref _orders, chunk * 2);
            Array.Resize(ref _days, chunk * 2);
        }

        if (_previous[chunk] is null)
        {
            _previous[chunk] = new int[1 << ChunkBits];
            if (_byOrder)
            {
                _orders[chunk] = new string?[1 << ChunkBits];
            }
            else
            {
                _days[chunk] = new int[1 << ChunkBits];
            }
        }

        _previous[chunk][index & ChunkMask] = keys.Head;
        keys.Head = index;
        keys.Count++;
        keys.Mask |= Bits(fingerprint);
        return index;
    }

    private HashSet<string> BigOrderSet(int customer, ref PurchaseKeys keys)
    {
        _bigOrderSets ??= [];
        if (!_bigOrderSets.TryGetValue(customer, out HashSet<string>? set))
        {
            set = new HashSet<string>(StringComparer.Ordinal);
            for (int e = keys.Head; e >= 0; e = _previous[e >> ChunkBits][e & ChunkMask])
            {
                set.Add(_orders[e >> ChunkBits][e & ChunkMask]!);
            }

            _bigOrderSets.Add(customer, set);
        }

        return set;
    }

    private HashSet<int> BigDaySet(int customer, ref PurchaseKeys keys)
    {
        _bigDaySets ??= [];
        if (!_bigDaySets.TryGetValue(customer, out HashSet<int>? set))
        {
            set = [];
            for (int e = keys.Head; e >= 0; e = _previous[e >> ChunkBits][e & ChunkMask])
            {
                set.Add(_days[e >> ChunkBits][e & ChunkMask]);
            }

            _bigDaySets.Add(customer, set);
        }

        return set;
    }
}
