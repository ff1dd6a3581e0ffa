using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Runtime.CompilerServices;
using CustomerValuation.Internal;

namespace CustomerValuation.Rfm;

/// <summary>
/// Aggregates transaction lines into per-customer RFM features in one streaming pass: add the lines
/// one at a time (from a file, a database reader, a queue), then call <see cref="ToFeatures"/>.
/// </summary>
/// <remarks>
/// <para>
/// Memory grows with the customers and their distinct orders (or purchase days), never with the
/// lines, except under <see cref="RfmDuplicatePolicy.Remove"/>, which must remember every distinct
/// line. Amounts are summed in <see cref="decimal"/>, exactly.
/// </para>
/// <para>
/// The working memory is rented from <see cref="System.Buffers.ArrayPool{T}.Shared"/>; dispose the
/// accumulator (a <c>using</c> declaration) to give it back, so that the next aggregation in the
/// process reuses it instead of touching fresh memory. Feature sets built before stay valid.
/// </para>
/// <para>
/// Every line is either counted as a purchase, netted (non-positive amount under
/// <see cref="RfmNonPositivePolicy.Net"/>) or removed by exactly one policy, in the order given in
/// <see cref="RfmTransactionOptions"/>; <see cref="Report"/> counts each.
/// </para>
/// <para>
/// Errors about a line itself (a future date under <see cref="RfmFutureLinePolicy.Reject"/>, a
/// purchase without an order id, quantity × unit price beyond <see cref="decimal"/>) are thrown by
/// the call that adds it; that line is not counted and the accumulator goes on. Lines are applied
/// to the customers in batches of 256, so the errors that depend on earlier lines, a customer's
/// total (or the total of all customers) going beyond the range of <see cref="decimal"/> (about
/// 7.9·10²⁸), may be thrown by a later call or by <see cref="ToFeatures"/> or <see cref="Report"/>;
/// the message names the line (numbered from 1 over all lines given). After such an error the
/// accumulator is stopped: every further call throws <see cref="InvalidOperationException"/>.
/// </para>
/// <para>An accumulator is not thread-safe; use one per thread and aggregate their lines separately.</para>
/// </remarks>
/// <typeparam name="TId">The customer id type.</typeparam>
public sealed class RfmFeatureAccumulator<TId> : IDisposable
    where TId : notnull
{
    private readonly RfmTransactionOptions _options;
    private readonly IEqualityComparer<TId>? _comparer;
    private readonly PurchaseKeySet _purchases;
    private readonly HashSet<LineKey>? _lines;
    private readonly long _asOfDay;
    private readonly bool _byOrder;
    private const int InitialTableSize = 1024;

    // The customer states and the id table are rented from the shared array pool and given back by
    // Dispose, so that repeated aggregations reuse memory instead of touching fresh pages.
    private CustomerState[] _states = [];
    private readonly Pending[] _pending = new Pending[256];
    private Slot[] _table = PooledArray.RentCleared<Slot>(InitialTableSize);
    private int _tableMask = InitialTableSize - 1;
    private bool _disposed;
    private int _pendingCount;
    private bool _groupOpen;
    private Exception? _fault;
    private int _touchSink;
    private int _customerCount;
    private TId? _lastId;
    private int _lastIndex = -1;
    private long _linesRead;
    private long _withoutCustomer;
    private long _afterAsOf;
    private long _cancelled;
    private long _nonPositiveExcluded;
    private long _nonPositiveNetted;
    private long _duplicates;
    private long _purchaseLines;

    /// <summary>Creates an empty accumulator.</summary>
    /// <param name="options">The as-of date and the line policies.</param>
    /// <param name="comparer">Equality of customer ids; <see langword="null"/> for the default (ordinal for strings).</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    public RfmFeatureAccumulator(RfmTransactionOptions options, IEqualityComparer<TId>? comparer = null)
    {
        _options = Guard.NotNull(options, nameof(options));
        _comparer = comparer is null || ReferenceEquals(comparer, EqualityComparer<TId>.Default) ? null : comparer;
        _asOfDay = DayNumber(options.AsOf);
        _byOrder = options.Frequency == RfmFrequencyBasis.DistinctOrders;
        _purchases = new PurchaseKeySet(_byOrder);

        if (options.Duplicates == RfmDuplicatePolicy.Remove)
        {
            _lines = [];
        }
    }

    /// <summary>The options of this aggregation.</summary>
    public RfmTransactionOptions Options => _options;

    /// <summary>The counts so far (customers counted as in <see cref="ToFeatures"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Applying the pending lines took a customer's total beyond the range of decimal (the message names the line).</exception>
    /// <exception cref="InvalidOperationException">The customers' totals add up beyond the range of decimal, or the accumulator stopped at such an error earlier.</exception>
    public RfmAggregationReport Report => BuildReport();

    /// <summary>Adds one transaction line with its amount.</summary>
    /// <param name="customerId">The customer; null (or, for strings, empty or white space) means unknown, and the line is removed and counted.</param>
    /// <param name="timestamp">When the line was booked (wall-clock; only the date is used).</param>
    /// <param name="amount">The line's amount; zero or negative follows <see cref="RfmTransactionOptions.NonPositiveAmounts"/>.</param>
    /// <param name="orderId">The order (invoice) id; required when frequency counts distinct orders.</param>
    /// <param name="lineKey">Extra identity for the duplicate check (e.g. the product code); null for none.</param>
    /// <exception cref="ArgumentOutOfRangeException">
    /// The line is dated after the as-of date and <see cref="RfmFutureLinePolicy.Reject"/> is set, or applying a batch of
    /// earlier lines took a customer's total beyond the range of decimal (the message names the line).
    /// </exception>
    /// <exception cref="ArgumentException">The line is a purchase without an order id while frequency counts distinct orders.</exception>
    /// <exception cref="InvalidOperationException">The accumulator stopped at an earlier error (see the remarks of the class).</exception>
    public void Add(TId? customerId, DateTime timestamp, decimal amount, string? orderId = null, string? lineKey = null)
    {
        if (_groupOpen && lineKey is null)
        {
            // The next line of the open purchase (the common case: an order's lines come together)
            // only adds to it; every other line takes the full path.
            ref Pending group = ref _pending[_pendingCount - 1];
            long day = DayNumber(timestamp);
            if (group.Kind == LineKind.Purchase
                && amount > 0
                && day <= _asOfDay
                && (_byOrder
                    ? orderId is not null && (ReferenceEquals(orderId, group.Order) || string.Equals(orderId, group.Order, StringComparison.Ordinal))
                    : group.Day == day && (_options.CancelledOrderPrefix is null || orderId is null || !orderId.StartsWith(_options.CancelledOrderPrefix, StringComparison.Ordinal)))
                && customerId is not null
                && (_comparer is null || !IsMissing(customerId))
                && Same(group.Id, customerId))
            {
                decimal merged;
                try
                {
                    merged = group.Amount + amount;
                }
                catch (OverflowException)
                {
                    // The line starts a purchase of its own (see AddCore).
                    AddCore(customerId, timestamp, 1m, amount, amount, orderId, lineKey, nonPositive: false);
                    return;
                }

                _linesRead++;
                group.Amount = merged;
                group.Lines++;
                group.Day = Math.Min(group.Day, (int)day);
                group.LastDay = Math.Max(group.LastDay, (int)day);
                return;
            }
        }

        AddCore(customerId, timestamp, 1m, amount, amount, orderId, lineKey, amount <= 0);
    }

    /// <summary>
    /// The number that the next added line carries in error messages; 0 (the default) numbers lines
    /// 1, 2, … in the order they are added. The partitioned aggregation sets it so that each
    /// partition's messages name the line of the whole input.
    /// </summary>
    internal long NextLineNumber { get; set; }

    /// <summary>The line number named by the error that stopped the accumulator; 0 when none did.</summary>
    internal long FaultLine { get; private set; }

    /// <summary>Adds a line whose amount was converted from another type, with its sign decided before the conversion.</summary>
    internal void AddConverted(TId? customerId, DateTime timestamp, decimal amount, bool nonPositive, string? orderId) =>
        AddCore(customerId, timestamp, 1m, amount, amount, orderId, null, nonPositive);

    /// <summary>Adds one transaction line given as quantity × unit price.</summary>
    /// <remarks>The line is a purchase only when both quantity and unit price are positive; otherwise it follows <see cref="RfmTransactionOptions.NonPositiveAmounts"/> with the amount quantity × unit price.</remarks>
    /// <param name="customerId">The customer; null (or, for strings, empty or white space) means unknown, and the line is removed and counted.</param>
    /// <param name="timestamp">When the line was booked (wall-clock; only the date is used).</param>
    /// <param name="quantity">The quantity.</param>
    /// <param name="unitPrice">The price of one unit.</param>
    /// <param name="orderId">The order (invoice) id; required when frequency counts distinct orders.</param>
    /// <param name="lineKey">Extra identity for the duplicate check (e.g. the product code); null for none.</param>
    /// <exception cref="ArgumentOutOfRangeException">
    /// quantity × unit price overflows <see cref="decimal"/>, the line is dated after the as-of date and
    /// <see cref="RfmFutureLinePolicy.Reject"/> is set, or applying a batch of earlier lines took a
    /// customer's total beyond the range of decimal (the message names the line).
    /// </exception>
    /// <exception cref="ArgumentException">The line is a purchase without an order id while frequency counts distinct orders.</exception>
    /// <exception cref="InvalidOperationException">The accumulator stopped at an earlier error (see the remarks of the class).</exception>
    public void AddLine(TId? customerId, DateTime timestamp, decimal quantity, decimal unitPrice, string? orderId = null, string? lineKey = null)
    {
        ThrowIfFaulted();
        if (IsMissing(customerId))
        {
            _linesRead++;
            _withoutCustomer++;
            return;
        }

        decimal amount;
        try
        {
            amount = quantity * unitPrice;
        }
        catch (OverflowException)
        {
            throw new ArgumentOutOfRangeException(
                nameof(quantity),
                quantity,
                string.Format(CultureInfo.InvariantCulture, "Line {0}: quantity × unit price ({1} × {2}) overflows decimal.", _linesRead + 1, quantity, unitPrice));
        }

        AddCore(customerId, timestamp, quantity, unitPrice, amount, orderId, lineKey, quantity <= 0 || unitPrice <= 0);
    }

    /// <summary>
    /// Builds the feature set of every customer with at least one purchase, ordered by id (see
    /// <see cref="RfmFeatureSet{TId}"/>). The accumulator can go on taking lines afterwards.
    /// </summary>
    /// <returns>The features and the report.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Applying the pending lines took a customer's total beyond the range of decimal (the message names the line).</exception>
    /// <exception cref="InvalidOperationException">The customers' totals add up beyond the range of decimal, or the accumulator stopped at such an error earlier.</exception>
    public RfmFeatureSet<TId> ToFeatures()
    {
        int[] buyers = CollectBuyers(out int n);
        int[] positions = PooledArray.Rent<int>(n);
        try
        {
            SortBuyers(buyers, n, ordinalStrings: false);
            for (int k = 0; k < n; k++)
            {
                positions[k] = k;
            }

            var columns = new RfmFeatureColumns<TId>(n, _options.Monetary == RfmMonetaryBasis.Sum);
            WriteFeatures(buyers, n, positions, columns);
            return columns.ToFeatureSet(BuildReport(), _options);
        }
        finally
        {
            PooledArray.Return(ref buyers, 0);
            PooledArray.Return(ref positions, 0);
        }
    }

    /// <summary>Applies the pending lines, takes the repeats off, and lists the customers with at least one purchase (in storage order, in a rented array).</summary>
    internal int[] CollectBuyers(out int count)
    {
        ThrowIfFaulted();
        Flush();
        SettleRepeats();
        int n = 0;
        for (int i = 0; i < _customerCount; i++)
        {
            if (_states[i].Frequency > 0)
            {
                n++;
            }
        }

        int[] buyers = PooledArray.Rent<int>(n);
        for (int i = 0, k = 0; i < _customerCount; i++)
        {
            if (_states[i].Frequency > 0)
            {
                buyers[k++] = i;
            }
        }

        count = n;
        return buyers;
    }

    /// <summary>Puts the buyers in id order; <paramref name="ordinalStrings"/> forces the ordinal order of string ids even when all of these are integers.</summary>
    internal void SortBuyers(int[] buyers, int count, bool ordinalStrings) => SortById(buyers, count, ordinalStrings);

    /// <summary>True when every buyer's id is an integer string (the condition of the numeric order of string ids).</summary>
    internal bool BuyerIdsAreIntegers(int[] buyers, int count)
    {
        for (int k = 0; k < count; k++)
        {
            if (_states[buyers[k]].Id is not string text || !IdOrdering.IsInteger(text))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The ids of the buyers, in the buyers' order.</summary>
    internal TId[] IdsOf(int[] buyers, int count)
    {
        var ids = new TId[count];
        for (int k = 0; k < count; k++)
        {
            ids[k] = _states[buyers[k]].Id;
        }

        return ids;
    }

    /// <summary>Writes the k-th buyer's features at <paramref name="positions"/>[k] of <paramref name="columns"/>.</summary>
    internal void WriteFeatures(int[] buyers, int count, int[] positions, RfmFeatureColumns<TId> columns)
    {
        int[] place = PooledArray.Rent<int>(_customerCount);
        try
        {
            // Read the states in storage order and write each customer to its place in id order:
            // scattered writes do not stall the way scattered reads do.
            for (int k = 0; k < count; k++)
            {
                place[buyers[k]] = positions[k];
            }

            bool sum = _options.Monetary == RfmMonetaryBasis.Sum;
            for (int i = 0; i < _customerCount; i++)
            {
                ref CustomerState s = ref _states[i];
                if (s.Frequency == 0)
                {
                    continue;
                }

                int k = place[i];
                columns.Ids[k] = s.Id;
                columns.RecencyDays[k] = (int)(_asOfDay - s.LastDay);
                columns.Frequency[k] = s.Frequency;
                columns.Total[k] = s.Amount;
                columns.FirstDay[k] = s.FirstDay;
                columns.LastDay[k] = s.LastDay;
                if (!sum)
                {
                    columns.Monetary[k] = s.Amount / s.Frequency;
                }
            }
        }
        finally
        {
            PooledArray.Return(ref place, 0);
        }
    }

    /// <summary>Takes back from the frequencies the orders (or days) that were counted twice.</summary>
    private void SettleRepeats()
    {
        foreach (int customer in _purchases.Settle())
        {
            _states[customer].Frequency--;
        }
    }

    /// <summary>
    /// Gives the working memory (the customer states, the id table, the purchase keys) back to the
    /// shared array pool, so that the next aggregation in the process reuses it. Feature sets built
    /// before stay valid; every later call on this accumulator throws <see cref="ObjectDisposedException"/>.
    /// </summary>
    /// <remarks>An accumulator that is never disposed leaves its memory to the garbage collector, as any other object.</remarks>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        PooledArray.Return(ref _states, _customerCount);
        PooledArray.Return(ref _table, 0);
        _purchases.Release();
        Array.Clear(_pending, 0, _pending.Length);
        _lines?.Clear();
        _customerCount = 0;
        _pendingCount = 0;
        _groupOpen = false;
        _lastIndex = -1;
        _lastId = default;
    }

    private void AddCore(TId? customerId, DateTime timestamp, decimal quantity, decimal unitPrice, decimal amount, string? orderId, string? lineKey, bool nonPositive)
    {
        ThrowIfFaulted();

        // A line that is rejected with an exception is not counted at all; every other line is.
        long count = _linesRead + 1;
        long line = NextLineNumber != 0 ? NextLineNumber : count;
        if (IsMissing(customerId))
        {
            _linesRead = count;
            _withoutCustomer++;
            return;
        }

        // The policies that need no customer state are decided (and their errors thrown) at once;
        // the customer lookups and updates are batched (see Flush).
        long day = DayNumber(timestamp);
        LineKind kind;
        if (day > _asOfDay)
        {
            if (_options.FutureLines == RfmFutureLinePolicy.Reject)
            {
                FaultLine = line;
                throw new ArgumentOutOfRangeException(
                    nameof(timestamp),
                    timestamp,
                    string.Format(
                        CultureInfo.InvariantCulture,
                        "Line {0} (customer '{1}') is dated {2:yyyy-MM-dd}, after the as-of date {3:yyyy-MM-dd}; the future-line policy is Reject. Remove the line, move the as-of date, or use RfmFutureLinePolicy.Exclude.",
                        line,
                        customerId,
                        timestamp,
                        _options.AsOf));
            }

            _afterAsOf++;
            kind = LineKind.Removed;
        }
        else if (_options.CancelledOrderPrefix is string prefix && orderId is not null && orderId.StartsWith(prefix, StringComparison.Ordinal))
        {
            _cancelled++;
            kind = LineKind.Removed;
        }
        else if (nonPositive && _options.NonPositiveAmounts == RfmNonPositivePolicy.Exclude)
        {
            _nonPositiveExcluded++;
            kind = LineKind.Removed;
        }
        else
        {
            if (!nonPositive && orderId is null && _options.Frequency == RfmFrequencyBasis.DistinctOrders)
            {
                FaultLine = line;
                throw new ArgumentException(
                    string.Format(
                        CultureInfo.InvariantCulture,
                        "Line {0} (customer '{1}') has no order id, but frequency counts distinct orders. Give every line an order id, or count distinct purchase days instead (RfmFrequencyBasis.DistinctDays).",
                        line,
                        customerId),
                    nameof(orderId));
            }

            kind = nonPositive ? LineKind.Netted : LineKind.Purchase;
        }

        _linesRead = count;
        if (_lines is not null)
        {
            // Duplicate removal needs each line's customer at once: no batching.
            Flush();
            int index = IndexOf(customerId!);
            if (kind != LineKind.Removed && !_lines.Add(new LineKey(index, timestamp.Ticks, quantity, unitPrice, orderId, lineKey)))
            {
                _duplicates++;
                return;
            }

            try
            {
                Apply(index, kind, (int)day, (int)day, 1, amount, orderId, orderHash: 0, hashed: false, line);
                if (_purchases.ShouldSettle)
                {
                    SettleRepeats();
                }
            }
            catch (Exception e)
            {
                _fault = e;
                throw;
            }

            return;
        }

        // Consecutive lines of one purchase (same customer and order, or same customer and day) are
        // merged before they reach the customer table: most lines then cost no lookup at all.
        if (_groupOpen)
        {
            ref Pending group = ref _pending[_pendingCount - 1];
            if (kind == group.Kind && kind != LineKind.Removed && Same(group.Id, customerId!)
                && (_options.Frequency == RfmFrequencyBasis.DistinctOrders ? string.Equals(group.Order, orderId, StringComparison.Ordinal) : group.Day == (int)day)
                && TryAdd(ref group.Amount, amount))
            {
                // (When the merged amount would overflow, the line starts a purchase of its own and
                // is added to the customer's total by itself, exactly as without merging.)
                group.Lines++;
                group.Day = Math.Min(group.Day, (int)day);
                group.LastDay = Math.Max(group.LastDay, (int)day);
                return;
            }

            _groupOpen = false;
            if (_pendingCount == _pending.Length)
            {
                Flush();
            }
        }

        ref Pending pending = ref _pending[_pendingCount++];
        pending.Line = line;
        pending.Id = customerId!;
        pending.Amount = amount;
        pending.Order = orderId;
        pending.Day = (int)day;
        pending.LastDay = (int)day;
        pending.Lines = 1;
        pending.Kind = kind;
        _groupOpen = true;
    }

    private static bool TryAdd(ref decimal total, decimal amount)
    {
        try
        {
            total += amount;
            return true;
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    private void ThrowIfFaulted()
    {
        if (_disposed)
        {
            throw new ObjectDisposedException(
                nameof(RfmFeatureAccumulator<TId>),
                "The accumulator was disposed: its working memory went back to the pool. Feature sets built before stay valid.");
        }

        if (_fault is not null)
        {
            throw new InvalidOperationException(
                "The accumulator stopped at an earlier error and cannot take more lines or give results: " + _fault.Message,
                _fault);
        }
    }

    private static ArgumentOutOfRangeException TotalOverflow(long line, TId customer, decimal amount) =>
        new(
            nameof(amount),
            amount,
            string.Format(
                CultureInfo.InvariantCulture,
                "Line {0}: customer '{1}' would total beyond the range of decimal (±7.9e28). Check that line's amount and scale.",
                line,
                customer));

    /// <summary>
    /// Applies the pending lines in passes so that the memory accesses of different lines overlap
    /// (one line's cache misses no longer wait for the previous line's): hash the ids and touch their
    /// table slots; find the customers and touch their states; hash the order ids; then apply every
    /// line in order.
    /// </summary>
    private void Flush()
    {
        int count = _pendingCount;
        if (count == 0)
        {
            return;
        }

        _pendingCount = 0;
        _groupOpen = false;
        Pending[] pending = _pending;
        int touch = 0;
        bool havePrevious = _lastIndex >= 0;
        TId previous = _lastId!;
        for (int k = 0; k < count; k++)
        {
            ref Pending line = ref pending[k];
            if (havePrevious && Same(previous, line.Id))
            {
                line.Customer = -1;
            }
            else
            {
                line.Customer = 0;
                line.Hash = HashOf(line.Id);
                touch += _table[SlotOf(line.Hash, _tableMask)].Entry;
            }

            previous = line.Id;
            havePrevious = true;
        }

        int last = _lastIndex;
        for (int k = 0; k < count; k++)
        {
            ref Pending line = ref pending[k];
            if (line.Customer == -1)
            {
                line.Customer = last;
            }
            else
            {
                last = Find(line.Id, line.Hash);
                line.Customer = last;
                // A state may straddle two cache lines: touch both ends, so that Apply finds both in cache.
                ref byte start = ref Unsafe.As<CustomerState, byte>(ref State(last));
                touch += start + Unsafe.Add(ref start, Unsafe.SizeOf<CustomerState>() - 1);
            }
        }

        _lastIndex = last;
        _lastId = pending[count - 1].Id;

        bool byOrder = _options.Frequency == RfmFrequencyBasis.DistinctOrders;
        string? previousOrder = null;
        int previousHash = 0;
        for (int k = 0; k < count; k++)
        {
            // Hash each order text once (lines of one order share it).
            ref Pending line = ref pending[k];
            line.Hashed = false;
            if (line.Kind == LineKind.Purchase && byOrder)
            {
                if (!ReferenceEquals(line.Order, previousOrder))
                {
                    previousOrder = line.Order;
                    previousHash = PurchaseKeySet.HashOf(line.Order!);
                }

                line.Hash = previousHash;
                line.Hashed = true;
            }
        }

        try
        {
            for (int k = 0; k < count; k++)
            {
                ref Pending line = ref pending[k];
                Apply(line.Customer, line.Kind, line.Day, line.LastDay, line.Lines, line.Amount, line.Order, line.Hash, line.Hashed, line.Line);
                line.Order = null;
            }
        }
        catch (Exception e)
        {
            // The lines after the failing one were not applied: the accumulator cannot go on.
            _fault = e;
            throw;
        }

        if (_purchases.ShouldSettle)
        {
            SettleRepeats();
        }

        _touchSink = touch;
    }

    private void Apply(int index, LineKind kind, int day, int lastDay, int lines, decimal amount, string? orderId, int orderHash, bool hashed, long line)
    {
        if (kind == LineKind.Removed)
        {
            return;
        }

        ref CustomerState state = ref State(index);
        try
        {
            state.Amount += amount;
        }
        catch (OverflowException)
        {
            FaultLine = line;
            throw TotalOverflow(line, state.Id, amount);
        }

        if (kind == LineKind.Netted)
        {
            _nonPositiveNetted += lines;
            return;
        }

        _purchaseLines += lines;
        if (state.Frequency == 0)
        {
            state.FirstDay = day;
            state.LastDay = lastDay;
        }
        else
        {
            state.FirstDay = Math.Min(state.FirstDay, day);
            state.LastDay = Math.Max(state.LastDay, lastDay);
        }

        if (_options.Frequency == RfmFrequencyBasis.DistinctOrders)
        {
            // Lines of one order usually come together: only a change of order is looked up.
            int hash = hashed ? orderHash : PurchaseKeySet.HashOf(orderId!);
            if (state.Frequency == 0 || state.LastKey != hash || !string.Equals(state.LastOrder, orderId, StringComparison.Ordinal))
            {
                _purchases.Add(index, ref state.Keys, orderId!, hash);
                state.Frequency++;
                state.LastOrder = orderId;
                state.LastKey = hash;
            }
        }
        else if (state.Frequency == 0 || state.LastKey != day)
        {
            _purchases.Add(index, ref state.Keys, day);
            state.Frequency++;
            state.LastKey = day;
        }
    }

    private int IndexOf(TId id)
    {
        if (_lastIndex >= 0 && Same(_lastId!, id))
        {
            return _lastIndex;
        }

        int index = Find(id, HashOf(id));
        _lastId = id;
        _lastIndex = index;
        return index;
    }

    /// <summary>
    /// The customer number of an id, added when new: open addressing over a table of (customer
    /// number, hash) pairs, with the id itself kept in the customer's state.
    /// </summary>
    private int Find(TId id, int hash)
    {
        Slot[] table = _table;
        int mask = _tableMask;
        int slot = SlotOf(hash, mask);
        while (true)
        {
            int entry = table[slot].Entry;
            if (entry == 0)
            {
                return AddCustomer(id, hash, slot);
            }

            if (table[slot].Hash == hash && Same(State(entry - 1).Id, id))
            {
                return entry - 1;
            }

            slot = (slot + 1) & mask;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int HashOf(TId id) => _comparer is null ? EqualityComparer<TId>.Default.GetHashCode(id) : _comparer.GetHashCode(id);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ref CustomerState State(int index) => ref _states[index];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int SlotOf(int hash, int mask) => (int)(((ulong)(uint)hash * 0x9E3779B97F4A7C15UL) >> 32) & mask;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool Same(TId a, TId b) => _comparer is null ? EqualityComparer<TId>.Default.Equals(a, b) : _comparer.Equals(a, b);

    private int AddCustomer(TId id, int hash, int slot)
    {
        int index = _customerCount++;
        if (index == _states.Length)
        {
            PooledArray.Grow(ref _states, index, Math.Max(1024, index * 2));
        }

        ref CustomerState state = ref _states[index];
        state = default;
        state.Id = id;
        _table[slot] = new Slot { Hash = hash, Entry = index + 1 };
        if (_customerCount * 2 > _tableMask + 1)
        {
            // Keep the table at most half full, so that probe runs stay short.
            int size = (_tableMask + 1) * 4;
            Slot[] table = PooledArray.RentCleared<Slot>(size);
            int mask = size - 1;
            for (int i = 0; i <= _tableMask; i++)
            {
                Slot old = _table[i];
                if (old.Entry != 0)
                {
                    int at = SlotOf(old.Hash, mask);
                    while (table[at].Entry != 0)
                    {
                        at = (at + 1) & mask;
                    }

                    table[at] = old;
                }
            }

            PooledArray.Return(ref _table, 0);
            _table = table;
            _tableMask = mask;
        }

        return index;
    }

    private static bool IsMissing(TId? id) => id is null || (id is string text && string.IsNullOrWhiteSpace(text));

    private static long DayNumber(DateTime timestamp) => timestamp.Ticks / TimeSpan.TicksPerDay;


    internal RfmAggregationReport BuildReport()
    {
        ThrowIfFaulted();
        Flush();
        int customers = 0;
        decimal total = 0;
        for (int i = 0; i < _customerCount; i++)
        {
            ref CustomerState state = ref State(i);
            if (state.Frequency > 0)
            {
                customers++;
                if (!TryAdd(ref total, state.Amount))
                {
                    _fault = new InvalidOperationException(
                        "The customers' amounts add up to more than the range of decimal (±7.9e28), so their total cannot be reported. Check the amounts' scale.");
                    throw _fault;
                }
            }
        }

        return new RfmAggregationReport(
            _linesRead,
            _withoutCustomer,
            _afterAsOf,
            _cancelled,
            _nonPositiveExcluded,
            _nonPositiveNetted,
            _duplicates,
            _purchaseLines,
            customers,
            _customerCount - customers,
            total);
    }

    private enum LineKind : byte
    {
        Removed,
        Netted,
        Purchase,
    }

    private struct Pending
    {
        public long Line;
        public TId Id;
        public decimal Amount;
        public string? Order;
        public int Day;
        public int LastDay;
        public int Lines;
        public int Hash;
        public int Customer;
        public LineKind Kind;
        public bool Hashed;
    }

    /// <summary>A table slot: the id's hash and its customer number + 1 (0 = empty); the id itself is in the customer's state.</summary>
    private struct Slot
    {
        public int Hash;
        public int Entry;
    }

    /// <summary>One customer: 64 bytes for 8-byte ids (one cache line).</summary>
    private struct CustomerState
    {
        public TId Id;
        public decimal Amount;
        public string? LastOrder;
        public PurchaseKeys Keys;

        // Distinct orders (or days) once PurchaseKeySet.Settle has run; until then a repeated one may be counted twice.
        public int Frequency;
        public int FirstDay;
        public int LastDay;

        // The hash of the last order (orders) or the last purchase day (days): a change of purchase
        // is seen without reading any other memory.
        public int LastKey;
    }

    private readonly struct LineKey(int customer, long ticks, decimal quantity, decimal unitPrice, string? order, string? key) : IEquatable<LineKey>
    {
        private readonly int _customer = customer;
        private readonly long _ticks = ticks;
        private readonly decimal _quantity = quantity;
        private readonly decimal _unitPrice = unitPrice;
        private readonly string? _order = order;
        private readonly string? _key = key;

        // decimal equality is by value (2.50 = 2.5), as the amounts are.
        public bool Equals(LineKey other) =>
            _customer == other._customer && _ticks == other._ticks && _quantity == other._quantity && _unitPrice == other._unitPrice
            && string.Equals(_order, other._order, StringComparison.Ordinal) && string.Equals(_key, other._key, StringComparison.Ordinal);

        public override bool Equals(object? obj) => obj is LineKey other && Equals(other);

        public override int GetHashCode()
        {
            unchecked
            {
                int hash = (_customer * -1521134295) + _ticks.GetHashCode();
                hash = (hash * -1521134295) + _quantity.GetHashCode();
                hash = (hash * -1521134295) + _unitPrice.GetHashCode();
                hash = (hash * -1521134295) + (_order is null ? 0 : StringComparer.Ordinal.GetHashCode(_order));
                return (hash * -1521134295) + (_key is null ? 0 : StringComparer.Ordinal.GetHashCode(_key));
            }
        }
    }

    /// <summary>Puts customer numbers in id order: numeric for integer strings, ordinal for other strings, default order for comparables.</summary>
    private void SortById(int[] customers, int length, bool ordinalStrings = false)
    {
        if (typeof(TId) == typeof(long) || typeof(TId) == typeof(int))
        {
            SortByIntegerKey(customers, length);
        }
        else if (typeof(TId) == typeof(string))
        {
            var ids = new string[length];
            bool allIntegers = true;
            bool allShort = true;
            for (int k = 0; k < length; k++)
            {
                ids[k] = (string)(object)_states[customers[k]].Id!;
                allIntegers = allIntegers && IdOrdering.IsInteger(ids[k]);
                allShort = allShort && ids[k].Length <= 18;
            }

            allIntegers = allIntegers && !ordinalStrings;
            if (allIntegers && allShort)
            {
                // Sort the parsed numbers, then equal numbers ("007", "7") by ordinal.
                var numbers = new long[length];
                for (int k = 0; k < length; k++)
                {
                    numbers[k] = long.Parse(ids[k], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
                }

                var items = new int[length];
                for (int k = 0; k < items.Length; k++)
                {
                    items[k] = k;
                }

                Array.Sort(numbers, items);
                var byOrdinal = Comparer<int>.Create((a, b) => string.CompareOrdinal(ids[a], ids[b]));
                for (int start = 0, end; start < items.Length; start = end)
                {
                    for (end = start + 1; end < items.Length && numbers[end] == numbers[start]; end++)
                    {
                    }

                    if (end - start > 1)
                    {
                        Array.Sort(items, start, end - start, byOrdinal);
                    }
                }

                int[] copy = new int[length];
                Array.Copy(customers, copy, length);
                for (int k = 0; k < items.Length; k++)
                {
                    customers[k] = copy[items[k]];
                }
            }
            else
            {
                Array.Sort(ids, customers, 0, length, allIntegers ? IdOrdering.NumericStrings : StringComparer.Ordinal);
            }
        }
        else if (typeof(IComparable<TId>).IsAssignableFrom(typeof(TId)) || typeof(IComparable).IsAssignableFrom(typeof(TId)))
        {
            var ids = new TId[length];
            for (int k = 0; k < length; k++)
            {
                ids[k] = _states[customers[k]].Id;
            }

            Array.Sort(ids, customers, 0, length);
        }
    }

    /// <summary>Integer ids: a stable radix sort of the ids with the sign bit flipped (so that unsigned order is numeric order).</summary>
    private void SortByIntegerKey(int[] customers, int length)
    {
        ulong[] keys = PooledArray.Rent<ulong>(length);
        ulong[] scratchKeys = PooledArray.Rent<ulong>(length);
        int[] scratchItems = PooledArray.Rent<int>(length);
        try
        {
            ulong min = ulong.MaxValue;
            ulong max = 0;
            for (int k = 0; k < length; k++)
            {
                TId id = _states[customers[k]].Id;
                long value = typeof(TId) == typeof(long) ? (long)(object)id : (int)(object)id;
                ulong key = (ulong)value ^ 0x8000_0000_0000_0000UL;
                keys[k] = key;
                min = Math.Min(min, key);
                max = Math.Max(max, key);
            }

            // Sort on the offsets from the smallest key: as many bits as the spread of the ids needs.
            int bits = 0;
            for (ulong spread = max - min; spread != 0; spread >>= 1)
            {
                bits++;
            }

            for (int k = 0; k < length; k++)
            {
                keys[k] -= min;
            }

            if (!StableRadixSort.Sort(keys, customers, scratchKeys, scratchItems, length, bits))
            {
                Array.Copy(scratchItems, customers, length);
            }
        }
        finally
        {
            PooledArray.Return(ref keys, 0);
            PooledArray.Return(ref scratchKeys, 0);
            PooledArray.Return(ref scratchItems, 0);
        }
    }
}
