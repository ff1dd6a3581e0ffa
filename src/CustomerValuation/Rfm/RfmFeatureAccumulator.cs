using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
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
/// Every line is either counted as a purchase, netted (non-positive amount under
/// <see cref="RfmNonPositivePolicy.Net"/>) or removed by exactly one policy, in the order given in
/// <see cref="RfmTransactionOptions"/>; <see cref="Report"/> counts each.
/// </para>
/// <para>An accumulator is not thread-safe; use one per thread and aggregate their lines separately.</para>
/// </remarks>
/// <typeparam name="TId">The customer id type.</typeparam>
public sealed class RfmFeatureAccumulator<TId>
    where TId : notnull
{
    private readonly RfmTransactionOptions _options;
    private readonly IEqualityComparer<TId> _comparer;
    private readonly Dictionary<TId, int> _indexOf;
    private readonly HashSet<OrderKey>? _orders;
    private readonly HashSet<long>? _days;
    private readonly HashSet<LineKey>? _lines;
    private readonly long _asOfDay;
    private CustomerState[] _states = new CustomerState[64];
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
        _comparer = comparer ?? EqualityComparer<TId>.Default;
        _indexOf = new Dictionary<TId, int>(_comparer);
        _asOfDay = DayNumber(options.AsOf);
        if (options.Frequency == RfmFrequencyBasis.DistinctOrders)
        {
            _orders = [];
        }
        else
        {
            _days = [];
        }

        if (options.Duplicates == RfmDuplicatePolicy.Remove)
        {
            _lines = [];
        }
    }

    /// <summary>The options of this aggregation.</summary>
    public RfmTransactionOptions Options => _options;

    /// <summary>The counts so far (customers counted as in <see cref="ToFeatures"/>).</summary>
    public RfmAggregationReport Report => BuildReport();

    /// <summary>Adds one transaction line with its amount.</summary>
    /// <param name="customerId">The customer; null (or, for strings, empty or white space) means unknown, and the line is removed and counted.</param>
    /// <param name="timestamp">When the line was booked (wall-clock; only the date is used).</param>
    /// <param name="amount">The line's amount; zero or negative follows <see cref="RfmTransactionOptions.NonPositiveAmounts"/>.</param>
    /// <param name="orderId">The order (invoice) id; required when frequency counts distinct orders.</param>
    /// <param name="lineKey">Extra identity for the duplicate check (e.g. the product code); null for none.</param>
    /// <exception cref="ArgumentOutOfRangeException">The line is dated after the as-of date and <see cref="RfmFutureLinePolicy.Reject"/> is set (the message names the line).</exception>
    /// <exception cref="ArgumentException">The line is a purchase without an order id while frequency counts distinct orders.</exception>
    public void Add(TId? customerId, DateTime timestamp, decimal amount, string? orderId = null, string? lineKey = null) =>
        AddCore(customerId, timestamp, 1m, amount, amount, orderId, lineKey, amount <= 0);

    /// <summary>Adds one transaction line given as quantity × unit price.</summary>
    /// <remarks>The line is a purchase only when both quantity and unit price are positive; otherwise it follows <see cref="RfmTransactionOptions.NonPositiveAmounts"/> with the amount quantity × unit price.</remarks>
    /// <param name="customerId">The customer; null (or, for strings, empty or white space) means unknown, and the line is removed and counted.</param>
    /// <param name="timestamp">When the line was booked (wall-clock; only the date is used).</param>
    /// <param name="quantity">The quantity.</param>
    /// <param name="unitPrice">The price of one unit.</param>
    /// <param name="orderId">The order (invoice) id; required when frequency counts distinct orders.</param>
    /// <param name="lineKey">Extra identity for the duplicate check (e.g. the product code); null for none.</param>
    /// <exception cref="ArgumentOutOfRangeException">
    /// quantity × unit price overflows <see cref="decimal"/>, or the line is dated after the as-of date and
    /// <see cref="RfmFutureLinePolicy.Reject"/> is set (the message names the line).
    /// </exception>
    /// <exception cref="ArgumentException">The line is a purchase without an order id while frequency counts distinct orders.</exception>
    public void AddLine(TId? customerId, DateTime timestamp, decimal quantity, decimal unitPrice, string? orderId = null, string? lineKey = null)
    {
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
    public RfmFeatureSet<TId> ToFeatures()
    {
        var order = new List<int>(_customerCount);
        for (int i = 0; i < _customerCount; i++)
        {
            if (_states[i].Purchases > 0)
            {
                order.Add(i);
            }
        }

        int[] sorted = order.ToArray();
        Comparer<int>? byId = IdOrder.For(_states, _customerCount);
        if (byId is not null)
        {
            Array.Sort(sorted, byId);
        }

        var customers = new RfmCustomerFeatures<TId>[sorted.Length];
        for (int k = 0; k < sorted.Length; k++)
        {
            ref CustomerState s = ref _states[sorted[k]];
            decimal monetary = _options.Monetary == RfmMonetaryBasis.Sum ? s.Amount : s.Amount / s.Purchases;
            customers[k] = new RfmCustomerFeatures<TId>(
                s.Id,
                (int)(_asOfDay - s.LastDay),
                s.Purchases,
                monetary,
                s.Amount,
                DateOfDay(s.FirstDay),
                DateOfDay(s.LastDay),
                (int)(_asOfDay - s.FirstDay));
        }

        return new RfmFeatureSet<TId>(customers, BuildReport(), _options);
    }

    private void AddCore(TId? customerId, DateTime timestamp, decimal quantity, decimal unitPrice, decimal amount, string? orderId, string? lineKey, bool nonPositive)
    {
        _linesRead++;
        if (IsMissing(customerId))
        {
            _withoutCustomer++;
            return;
        }

        int index = IndexOf(customerId!);
        long day = DayNumber(timestamp);
        if (day > _asOfDay)
        {
            if (_options.FutureLines == RfmFutureLinePolicy.Reject)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(timestamp),
                    timestamp,
                    string.Format(
                        CultureInfo.InvariantCulture,
                        "Line {0} (customer '{1}') is dated {2:yyyy-MM-dd}, after the as-of date {3:yyyy-MM-dd}; the future-line policy is Reject. Remove the line, move the as-of date, or use RfmFutureLinePolicy.Exclude.",
                        _linesRead,
                        customerId,
                        timestamp,
                        _options.AsOf));
            }

            _afterAsOf++;
            return;
        }

        if (_options.CancelledOrderPrefix is string prefix && orderId is not null && orderId.StartsWith(prefix, StringComparison.Ordinal))
        {
            _cancelled++;
            return;
        }

        if (nonPositive && _options.NonPositiveAmounts == RfmNonPositivePolicy.Exclude)
        {
            _nonPositiveExcluded++;
            return;
        }

        if (_lines is not null && !_lines.Add(new LineKey(index, timestamp.Ticks, quantity, unitPrice, orderId, lineKey)))
        {
            _duplicates++;
            return;
        }

        ref CustomerState state = ref _states[index];
        state.Amount += amount;
        if (nonPositive)
        {
            _nonPositiveNetted++;
            return;
        }

        _purchaseLines++;
        int dayNumber = (int)day;
        if (state.Purchases == 0)
        {
            state.FirstDay = dayNumber;
            state.LastDay = dayNumber;
        }
        else
        {
            state.FirstDay = Math.Min(state.FirstDay, dayNumber);
            state.LastDay = Math.Max(state.LastDay, dayNumber);
        }

        if (_orders is not null)
        {
            if (orderId is null)
            {
                throw new ArgumentException(
                    string.Format(
                        CultureInfo.InvariantCulture,
                        "Line {0} (customer '{1}') has no order id, but frequency counts distinct orders. Give every line an order id, or use RfmFrequencyBasis.DistinctDays.",
                        _linesRead,
                        customerId),
                    nameof(orderId));
            }

            if (!string.Equals(state.LastOrder, orderId, StringComparison.Ordinal) && _orders.Add(new OrderKey(index, orderId)))
            {
                state.Purchases++;
            }

            state.LastOrder = orderId;
        }
        else if (state.Purchases == 0 || state.LastCountedDay != dayNumber)
        {
            // Lines of one customer and day usually come together: only a change of day is looked up.
            if (_days!.Add(((long)index << 32) | (uint)dayNumber))
            {
                state.Purchases++;
            }

            state.LastCountedDay = dayNumber;
        }
    }

    private int IndexOf(TId id)
    {
        if (_lastIndex >= 0 && _comparer.Equals(_lastId!, id))
        {
            return _lastIndex;
        }

        if (!_indexOf.TryGetValue(id, out int index))
        {
            index = _customerCount++;
            if (index == _states.Length)
            {
                Array.Resize(ref _states, _states.Length * 2);
            }

            _states[index].Id = id;
            _indexOf.Add(id, index);
        }

        _lastId = id;
        _lastIndex = index;
        return index;
    }

    private static bool IsMissing(TId? id) => id is null || (id is string text && string.IsNullOrWhiteSpace(text));

    private static long DayNumber(DateTime timestamp) => timestamp.Ticks / TimeSpan.TicksPerDay;

    private static DateTime DateOfDay(int day) => new(day * TimeSpan.TicksPerDay, DateTimeKind.Unspecified);

    private RfmAggregationReport BuildReport()
    {
        int customers = 0;
        decimal total = 0;
        for (int i = 0; i < _customerCount; i++)
        {
            if (_states[i].Purchases > 0)
            {
                customers++;
                total += _states[i].Amount;
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

    private struct CustomerState
    {
        public TId Id;
        public int FirstDay;
        public int LastDay;
        public int LastCountedDay;
        public int Purchases;
        public decimal Amount;
        public string? LastOrder;
    }

    private readonly struct OrderKey(int customer, string order) : IEquatable<OrderKey>
    {
        private readonly int _customer = customer;
        private readonly string _order = order;

        public bool Equals(OrderKey other) => _customer == other._customer && string.Equals(_order, other._order, StringComparison.Ordinal);

        public override bool Equals(object? obj) => obj is OrderKey other && Equals(other);

        public override int GetHashCode() => unchecked((_customer * -1521134295) + StringComparer.Ordinal.GetHashCode(_order));
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

    /// <summary>The id order of the feature set: numeric for integer strings, ordinal for other strings, default for comparables.</summary>
    private static class IdOrder
    {
        public static Comparer<int>? For(CustomerState[] states, int count)
        {
            if (typeof(TId) == typeof(string))
            {
                bool allIntegers = true;
                for (int i = 0; i < count && allIntegers; i++)
                {
                    allIntegers = IdOrdering.IsInteger((string)(object)states[i].Id);
                }

                IComparer<string> strings = allIntegers ? IdOrdering.NumericStrings : StringComparer.Ordinal;
                return Comparer<int>.Create((a, b) => strings.Compare((string)(object)states[a].Id, (string)(object)states[b].Id));
            }

            if (typeof(IComparable<TId>).IsAssignableFrom(typeof(TId)) || typeof(IComparable).IsAssignableFrom(typeof(TId)))
            {
                Comparer<TId> ids = Comparer<TId>.Default;
                return Comparer<int>.Create((a, b) => ids.Compare(states[a].Id, states[b].Id));
            }

            return null;
        }
    }
}
