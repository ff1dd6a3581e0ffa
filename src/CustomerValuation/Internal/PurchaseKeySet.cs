using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace CustomerValuation.Internal;

/// <summary>
/// A customer's part of a <see cref="PurchaseKeySet"/>, kept inside the customer's own state. The
/// count of keys is the caller's: it raises it for every key added and lowers it for every repeat
/// that <see cref="PurchaseKeySet.Settle"/> returns.
/// </summary>
internal struct PurchaseKeys
{
    /// <summary>A 128-bit Bloom filter of the customer's keys (three bits per key), low half.</summary>
    public ulong Mask;

    /// <summary>The high half of the filter.</summary>
    public ulong MaskHigh;
}

/// <summary>
/// Exact sets of purchase keys (order ids or day numbers), one per customer, for streams in which a
/// customer's new keys are almost always new. Every key is appended to one log, written in order (no
/// memory is read to add a key); a 128-bit Bloom filter inside the customer's state says whether the
/// key may have been seen before, and only then is the customer marked as a suspect. <see cref="Settle"/>
/// later sorts the log entries of the suspects and removes the repeated keys, exactly (order ids
/// are compared as text).
/// </summary>
/// <remarks>
/// Memory: 16 bytes per (customer, order) or 8 per (customer, day) in the log, plus one bit per
/// customer; repeats stay in the log until the next <see cref="Settle"/>, which the owner runs
/// when <see cref="ShouldSettle"/> says so.
/// </remarks>
internal sealed class PurchaseKeySet
{
    private readonly bool _byOrder;

    // Rented from the shared array pool (see Release), grown by doubling. The log: one entry per
    // key added and not yet removed as a repeat.
    private int[] _customers = [];
    private int[] _hashes = [];
    private string?[] _orders = [];
    private int _count;

    // One bit per customer: its filter answered "maybe seen" since the last Settle.
    private ulong[] _suspects = [];
    private int _suspectWords;
    private bool _anySuspect;
    private int _suspectKeys;

    /// <summary>Creates an empty set of order ids (<paramref name="byOrder"/>) or of day numbers.</summary>
    public PurchaseKeySet(bool byOrder) => _byOrder = byOrder;

    /// <summary>The number of keys in the log (distinct ones, and repeats not yet settled).</summary>
    public int LogLength => _count;

    /// <summary>
    /// True when the keys added since the last <see cref="Settle"/> that may be repeats are many
    /// (more than 65,536 and more than half the log): settling then keeps the log within about
    /// twice the distinct keys, so memory grows with the distinct keys, not with the lines.
    /// </summary>
    public bool ShouldSettle => _suspectKeys > 65_536 && _suspectKeys > _count / 2;

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

    /// <summary>Gives the storage back to the shared array pool; the set is empty afterwards.</summary>
    public void Release()
    {
        PooledArray.Return(ref _customers, 0);
        PooledArray.Return(ref _hashes, 0);
        PooledArray.Return(ref _orders, _count);
        PooledArray.Return(ref _suspects, 0);
        _count = 0;
        _suspectWords = 0;
        _anySuspect = false;
        _suspectKeys = 0;
    }

    /// <summary>Adds an order id to a customer's set (the caller counts it; a repeat is taken back by <see cref="Settle"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(int customer, ref PurchaseKeys keys, string order, int orderHash)
    {
        int index = Append(customer, ref keys, Mix((uint)orderHash));
        _hashes[index] = orderHash;
        _orders[index] = order;
    }

    /// <summary>Adds a day number to a customer's set (the caller counts it; a repeat is taken back by <see cref="Settle"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(int customer, ref PurchaseKeys keys, int day)
    {
        int index = Append(customer, ref keys, Mix((uint)day));
        _hashes[index] = day;
    }

    /// <summary>
    /// Removes the repeated keys of the suspect customers from the log and returns those customers,
    /// one entry per repeat removed (the caller lowers their counts). Afterwards every key in the
    /// log is distinct within its customer.
    /// </summary>
    public List<int> Settle()
    {
        var repeats = new List<int>();
        if (!_anySuspect)
        {
            return repeats;
        }

        int count = _count;
        int suspects = 0;
        for (int i = 0; i < count; i++)
        {
            if (IsSuspect(_customers[i]))
            {
                suspects++;
            }
        }

        ulong[] keys = PooledArray.Rent<ulong>(suspects);
        int[] items = PooledArray.Rent<int>(suspects);
        ulong[] scratchKeys = PooledArray.Rent<ulong>(suspects);
        int[] scratchItems = PooledArray.Rent<int>(suspects);
        try
        {
            for (int i = 0, k = 0; i < count; i++)
            {
                int customer = _customers[i];
                if (IsSuspect(customer))
                {
                    keys[k] = ((ulong)(uint)customer << 32) | (uint)_hashes[i];
                    items[k++] = i;
                }
            }

            // Stable: within a (customer, hash) group the log order is kept, so the first occurrence stays.
            if (!StableRadixSort.Sort(keys, items, scratchKeys, scratchItems, suspects, 64))
            {
                (keys, scratchKeys) = (scratchKeys, keys);
                (items, scratchItems) = (scratchItems, items);
            }

            bool removed = false;
            for (int start = 0, end; start < suspects; start = end)
            {
                for (end = start + 1; end < suspects && keys[end] == keys[start]; end++)
                {
                }

                for (int j = start + 1; j < end; j++)
                {
                    if (RepeatsEarlier(items, start, j))
                    {
                        repeats.Add(_customers[items[j]]);
                        _customers[items[j]] = -1;
                        removed = true;
                    }
                }
            }

            if (removed)
            {
                int kept = 0;
                for (int i = 0; i < count; i++)
                {
                    if (_customers[i] >= 0)
                    {
                        _customers[kept] = _customers[i];
                        _hashes[kept] = _hashes[i];
                        if (_byOrder)
                        {
                            _orders[kept] = _orders[i];
                        }

                        kept++;
                    }
                }

                if (_byOrder)
                {
                    Array.Clear(_orders, kept, count - kept);
                }

                _count = kept;
            }

            Array.Clear(_suspects, 0, _suspectWords);
            _anySuspect = false;
            _suspectKeys = 0;
            return repeats;
        }
        finally
        {
            PooledArray.Return(ref keys, 0);
            PooledArray.Return(ref items, 0);
            PooledArray.Return(ref scratchKeys, 0);
            PooledArray.Return(ref scratchItems, 0);
        }
    }

    /// <summary>Whether log entry items[j] repeats a key among the entries items[start … j) of its (customer, hash) group that are still in.</summary>
    private bool RepeatsEarlier(int[] items, int start, int j)
    {
        if (!_byOrder)
        {
            return true; // equal hash = equal day number
        }

        string order = _orders[items[j]]!;
        for (int e = start; e < j; e++)
        {
            if (_customers[items[e]] >= 0 && string.Equals(_orders[items[e]], order, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool IsSuspect(int customer) =>
        (customer >> 6) < _suspectWords && (_suspects[customer >> 6] & (1UL << (customer & 63))) != 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Mix(ulong x)
    {
        // SplitMix64 finaliser.
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Append(int customer, ref PurchaseKeys keys, ulong fingerprint)
    {
        // Three bits of 128, each chosen by 7 bits of the fingerprint; a key whose three bits are
        // all set already may have been seen.
        ulong low = 0, high = 0;
        for (int b = 0; b < 3; b++)
        {
            int bit = (int)(fingerprint >> (7 * b)) & 127;
            ulong one = 1UL << (bit & 63);
            ulong inHigh = 0UL - (ulong)(bit >> 6); // all ones when the bit is in the high half (no branch)
            low |= one & ~inHigh;
            high |= one & inHigh;
        }

        if ((keys.Mask & low) == low && (keys.MaskHigh & high) == high)
        {
            MarkSuspect(customer);
        }

        keys.Mask |= low;
        keys.MaskHigh |= high;
        int index = _count;
        if (index >= _customers.Length || index >= _hashes.Length || (_byOrder && index >= _orders.Length))
        {
            GrowLog(index);
        }

        _customers[index] = customer;
        _count = index + 1;
        return index;
    }

    private void MarkSuspect(int customer)
    {
        int word = customer >> 6;
        if (word >= _suspectWords)
        {
            int words = Math.Max(64, Math.Max(word + 1, _suspectWords * 2));
            ulong[] bigger = PooledArray.RentCleared<ulong>(words);
            Array.Copy(_suspects, bigger, _suspectWords);
            PooledArray.Return(ref _suspects, 0);
            _suspects = bigger;
            _suspectWords = words;
        }

        _suspects[word] |= 1UL << (customer & 63);
        _anySuspect = true;
        _suspectKeys++;
    }

    private void GrowLog(int used)
    {
        int length = Math.Max(1024, used * 2);
        if (used >= _customers.Length)
        {
            PooledArray.Grow(ref _customers, used, length);
        }

        if (used >= _hashes.Length)
        {
            PooledArray.Grow(ref _hashes, used, length);
        }

        if (_byOrder && used >= _orders.Length)
        {
            PooledArray.Grow(ref _orders, used, length);
        }
    }
}
