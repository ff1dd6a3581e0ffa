using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace CustomerValuation.Internal;

/// <summary>
/// Exact sets of purchase keys (order ids or day numbers), one per customer, built for streams in
/// which a customer's keys are almost always new: a blocked Bloom filter answers "certainly new"
/// for most keys from a few megabytes of memory, and only a "maybe seen" walks the customer's own
/// list of keys (or, for a customer with many, an exact hash set).
/// </summary>
/// <remarks>
/// Memory: about 24 bytes per distinct (customer, key) plus 2 bytes of filter per key.
/// Every answer is exact; the filter only decides how much work it takes.
/// </remarks>
internal sealed class PurchaseKeySet
{
    private const int WalkLimit = 32;
    private readonly bool _byOrder;
    private int[] _previous = new int[1024];
    private string?[] _orders;
    private long[] _days;
    private ulong[] _fingerprints = new ulong[1024];
    private ulong[] _filter = new ulong[256];
    private int _count;
    private Dictionary<int, HashSet<string>>? _bigOrderSets;
    private Dictionary<int, HashSet<long>>? _bigDaySets;

    /// <summary>Creates an empty set of order ids (<paramref name="byOrder"/>) or of day numbers.</summary>
    public PurchaseKeySet(bool byOrder)
    {
        _byOrder = byOrder;
        _orders = byOrder ? new string?[1024] : [];
        _days = byOrder ? [] : new long[1024];
    }

    /// <summary>Adds an order id to a customer's set; true when it was not there. <paramref name="head"/> is the customer's list head (−1 when empty).</summary>
    public bool Add(int customer, ref int head, string order, int orderHash)
    {
        ulong fingerprint = Mix(((ulong)(uint)customer << 32) ^ (uint)orderHash);
        if (MaybeContains(fingerprint))
        {
            if (_bigOrderSets is not null && _bigOrderSets.TryGetValue(customer, out HashSet<string>? set))
            {
                if (!set.Add(order))
                {
                    return false;
                }
            }
            else
            {
                int walked = 0;
                for (int e = head; e >= 0; e = _previous[e], walked++)
                {
                    if (_fingerprints[e] == fingerprint && string.Equals(_orders[e], order, StringComparison.Ordinal))
                    {
                        return false;
                    }
                }

                if (walked > WalkLimit)
                {
                    _bigOrderSets ??= [];
                    var all = new HashSet<string>(StringComparer.Ordinal) { order };
                    for (int e = head; e >= 0; e = _previous[e])
                    {
                        all.Add(_orders[e]!);
                    }

                    _bigOrderSets[customer] = all;
                }
            }
        }
        else if (_bigOrderSets is not null && _bigOrderSets.TryGetValue(customer, out HashSet<string>? set))
        {
            set.Add(order);
        }

        int index = Append(fingerprint, ref head);
        _orders[index] = order;
        return true;
    }

    /// <summary>Adds a day number to a customer's set; true when it was not there.</summary>
    public bool Add(int customer, ref int head, long day)
    {
        ulong fingerprint = Mix(((ulong)(uint)customer << 32) ^ (ulong)day);
        if (MaybeContains(fingerprint))
        {
            if (_bigDaySets is not null && _bigDaySets.TryGetValue(customer, out HashSet<long>? set))
            {
                if (!set.Add(day))
                {
                    return false;
                }
            }
            else
            {
                int walked = 0;
                for (int e = head; e >= 0; e = _previous[e], walked++)
                {
                    if (_days[e] == day)
                    {
                        return false;
                    }
                }

                if (walked > WalkLimit)
                {
                    _bigDaySets ??= [];
                    var all = new HashSet<long> { day };
                    for (int e = head; e >= 0; e = _previous[e])
                    {
                        all.Add(_days[e]);
                    }

                    _bigDaySets[customer] = all;
                }
            }
        }
        else if (_bigDaySets is not null && _bigDaySets.TryGetValue(customer, out HashSet<long>? set))
        {
            set.Add(day);
        }

        int index = Append(fingerprint, ref head);
        _days[index] = day;
        return true;
    }

    /// <summary>Reads the filter word of an order (its value is meaningless): lets the caller start the memory access early.</summary>
    public int Peek(int customer, int orderHash)
    {
        ulong fingerprint = Mix(((ulong)(uint)customer << 32) ^ (uint)orderHash);
        return (int)_filter[(int)(fingerprint & (ulong)(_filter.Length - 1))];
    }

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

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Mix(ulong x)
    {
        // SplitMix64 finaliser.
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool MaybeContains(ulong fingerprint)
    {
        ulong mask = FilterMask(fingerprint);
        return (_filter[(int)(fingerprint & (ulong)(_filter.Length - 1))] & mask) == mask;
    }

    /// <summary>Three bits in one 64-bit word (a blocked Bloom filter): one memory access per query.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong FilterMask(ulong fingerprint) =>
        (1UL << (int)((fingerprint >> 40) & 63)) | (1UL << (int)((fingerprint >> 46) & 63)) | (1UL << (int)((fingerprint >> 52) & 63));

    private int Append(ulong fingerprint, ref int head)
    {
        if (_count == _previous.Length)
        {
            int size = _previous.Length * 2;
            Array.Resize(ref _previous, size);
            Array.Resize(ref _fingerprints, size);
            if (_byOrder)
            {
                Array.Resize(ref _orders, size);
            }
            else
            {
                Array.Resize(ref _days, size);
            }
        }

        int index = _count++;
        _previous[index] = head;
        _fingerprints[index] = fingerprint;
        head = index;
        if (_count > _filter.Length * 4)
        {
            // Keep about 16 filter bits per key (a false "maybe" well under 1 % of the time).
            _filter = new ulong[_filter.Length * 2];
            for (int e = 0; e < _count; e++)
            {
                Set(_fingerprints[e]);
            }
        }
        else
        {
            Set(fingerprint);
        }

        return index;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Set(ulong fingerprint) => _filter[(int)(fingerprint & (ulong)(_filter.Length - 1))] |= FilterMask(fingerprint);
}
