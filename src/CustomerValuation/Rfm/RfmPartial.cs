using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using CustomerValuation.Internal;

namespace CustomerValuation.Rfm;

/// <summary>
/// Builds and merges <see cref="RfmPartial{TId}"/> values: the mergeable partial aggregates of
/// transaction lines for engines that run user code per partition (Spark, Dask, a SQL engine's
/// user-defined aggregate, several files read on several machines).
/// </summary>
/// <remarks>
/// <para>
/// Build one partial per partition of the lines with <see cref="FromLines{TLine, TId}(IEnumerable{TLine}, Func{TLine, TId}, Func{TLine, DateTime}, Func{TLine, decimal}, Func{TLine, string}, RfmTransactionOptions, CancellationToken)"/>,
/// merge them in any order and grouping with <see cref="RfmPartial{TId}.Merge"/> or
/// <see cref="Merge{TId}(IEnumerable{RfmPartial{TId}})"/>, and finish with
/// <see cref="RfmPartial{TId}.ToFeatures"/>: the features, their order and the report equal those of
/// <see cref="RfmFeatures"/>.<c>Aggregate</c> over all the lines at once, however the lines were split
/// (a customer's lines may be in several partitions). See docs/partials.md.
/// </para>
/// </remarks>
public static class RfmPartial
{
    /// <summary>An empty partial (no lines): the identity of <see cref="RfmPartial{TId}.Merge"/>.</summary>
    /// <typeparam name="TId">The customer id type.</typeparam>
    /// <param name="options">The as-of date and line policies.</param>
    /// <returns>The empty partial.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    public static RfmPartial<TId> Empty<TId>(RfmTransactionOptions options)
        where TId : notnull =>
        new(Guard.NotNull(options, nameof(options)));

    /// <summary>The partial aggregate of one partition's lines (amount per line).</summary>
    /// <remarks>Same line policies, in the same order, as <see cref="RfmFeatures"/>.<c>Aggregate</c> with an amount selector; error messages number the lines from 1 within this partition.</remarks>
    /// <typeparam name="TLine">The line type.</typeparam>
    /// <typeparam name="TId">The customer id type.</typeparam>
    /// <param name="lines">The partition's transaction lines, in any order.</param>
    /// <param name="customerId">The line's customer; null (or empty text) for unknown.</param>
    /// <param name="timestamp">The line's date or date and time.</param>
    /// <param name="amount">The line's amount.</param>
    /// <param name="orderId">The line's order id; <see langword="null"/> when there is none (then frequency must count days).</param>
    /// <param name="options">The as-of date and line policies; every partial to be merged must have equal options.</param>
    /// <param name="cancellationToken">Checked every 65 536 lines.</param>
    /// <returns>The partial aggregate.</returns>
    /// <exception cref="ArgumentNullException">An argument other than <paramref name="orderId"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="orderId"/> is null while frequency counts distinct orders, or a purchase line has no order id.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A line is dated after the as-of date under <see cref="RfmFutureLinePolicy.Reject"/>, or a customer's total goes beyond the range of decimal.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static RfmPartial<TId> FromLines<TLine, TId>(
        IEnumerable<TLine> lines,
        Func<TLine, TId?> customerId,
        Func<TLine, DateTime> timestamp,
        Func<TLine, decimal> amount,
        Func<TLine, string?>? orderId,
        RfmTransactionOptions options,
        CancellationToken cancellationToken = default)
        where TId : notnull
    {
        Guard.NotNull(lines, nameof(lines));
        Guard.NotNull(customerId, nameof(customerId));
        Guard.NotNull(timestamp, nameof(timestamp));
        Guard.NotNull(amount, nameof(amount));
        Guard.NotNull(options, nameof(options));
        RequireOrders(orderId is not null, options, nameof(orderId));
        var partial = new RfmPartial<TId>(options);
        long n = 0;
        foreach (TLine line in lines)
        {
            if ((++n & 0xFFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            decimal a = amount(line);
            partial.AddCore(customerId(line), timestamp(line), 1m, a, a, orderId?.Invoke(line), a <= 0);
        }

        return partial;
    }

    /// <summary>The partial aggregate of one partition's lines (quantity × unit price per line).</summary>
    /// <remarks>A line is a purchase only when quantity and unit price are both positive. Same line policies, in the same order, as <see cref="RfmFeatures"/>.<c>Aggregate</c> with quantity and unit price selectors; error messages number the lines from 1 within this partition.</remarks>
    /// <typeparam name="TLine">The line type.</typeparam>
    /// <typeparam name="TId">The customer id type.</typeparam>
    /// <param name="lines">The partition's transaction lines, in any order.</param>
    /// <param name="customerId">The line's customer; null (or empty text) for unknown.</param>
    /// <param name="timestamp">The line's date or date and time.</param>
    /// <param name="quantity">The line's quantity.</param>
    /// <param name="unitPrice">The line's unit price.</param>
    /// <param name="orderId">The line's order id; <see langword="null"/> when there is none (then frequency must count days).</param>
    /// <param name="options">The as-of date and line policies; every partial to be merged must have equal options.</param>
    /// <param name="cancellationToken">Checked every 65 536 lines.</param>
    /// <returns>The partial aggregate.</returns>
    /// <exception cref="ArgumentNullException">An argument other than <paramref name="orderId"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="orderId"/> is null while frequency counts distinct orders, or a purchase line has no order id.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A line's quantity × unit price overflows, a line is dated after the as-of date under <see cref="RfmFutureLinePolicy.Reject"/>, or a customer's total goes beyond the range of decimal.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static RfmPartial<TId> FromLines<TLine, TId>(
        IEnumerable<TLine> lines,
        Func<TLine, TId?> customerId,
        Func<TLine, DateTime> timestamp,
        Func<TLine, decimal> quantity,
        Func<TLine, decimal> unitPrice,
        Func<TLine, string?>? orderId,
        RfmTransactionOptions options,
        CancellationToken cancellationToken = default)
        where TId : notnull
    {
        Guard.NotNull(lines, nameof(lines));
        Guard.NotNull(customerId, nameof(customerId));
        Guard.NotNull(timestamp, nameof(timestamp));
        Guard.NotNull(quantity, nameof(quantity));
        Guard.NotNull(unitPrice, nameof(unitPrice));
        Guard.NotNull(options, nameof(options));
        RequireOrders(orderId is not null, options, nameof(orderId));
        var partial = new RfmPartial<TId>(options);
        long n = 0;
        foreach (TLine line in lines)
        {
            if ((++n & 0xFFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            TId? id = customerId(line);
            DateTime at = timestamp(line);
            decimal q = quantity(line);
            decimal p = unitPrice(line);
            string? order = orderId?.Invoke(line);
            if (RfmPartial<TId>.IsMissing(id))
            {
                partial.CountWithoutCustomer();
                continue;
            }

            decimal a;
            try
            {
                a = q * p;
            }
            catch (OverflowException)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(quantity),
                    q,
                    string.Format(CultureInfo.InvariantCulture, "Line {0}: quantity × unit price ({1} × {2}) overflows decimal.", partial.LinesRead + 1, q, p));
            }

            partial.AddCore(id, at, q, p, a, order, q <= 0 || p <= 0);
        }

        return partial;
    }

    /// <summary>Merges any number of partials (in any order: the result is the same).</summary>
    /// <typeparam name="TId">The customer id type.</typeparam>
    /// <param name="partials">The partials, at least one, all with equal options.</param>
    /// <returns>The partial of all their lines.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="partials"/> or one of its items is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="partials"/> is empty, or two partials were built with different options.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A customer's merged total goes beyond the range of decimal.</exception>
    public static RfmPartial<TId> Merge<TId>(IEnumerable<RfmPartial<TId>> partials)
        where TId : notnull
    {
        Guard.NotNull(partials, nameof(partials));
        RfmPartial<TId>? merged = null;
        int index = 0;
        foreach (RfmPartial<TId> partial in partials)
        {
            if (partial is null)
            {
                throw new ArgumentNullException(nameof(partials), string.Format(CultureInfo.InvariantCulture, "The partial at index {0} is null.", index));
            }

            merged = merged is null ? partial : merged.Merge(partial);
            index++;
        }

        return merged ?? throw new ArgumentException("No partial was given; give at least one (RfmPartial.Empty for none).", nameof(partials));
    }

    /// <summary>Computes the cuts of a feature set (the merged features of all partitions).</summary>
    /// <typeparam name="TId">The customer id type.</typeparam>
    /// <param name="features">All the customers' features.</param>
    /// <param name="options">The scoring options; <see langword="null"/> for <see cref="RfmScoringOptions.Default"/>.</param>
    /// <returns>The cuts.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="features"/> is null.</exception>
    /// <exception cref="ArgumentException">The feature set is empty.</exception>
    /// <exception cref="NotSupportedException">A dimension uses the rank method and the ids are not comparable.</exception>
    public static RfmScoreCuts<TId> ScoreCuts<TId>(RfmFeatureSet<TId> features, RfmScoringOptions? options = null)
        where TId : notnull =>
        RfmScoreCuts<TId>.FromFeatures(features, options);

    /// <summary>
    /// Rebuilds broadcast score cuts on a worker from their plain parts (the <c>Values</c> and
    /// <c>Ids</c> of each <see cref="RfmDimensionCuts{TId}"/> and <see cref="RfmScoreCuts{TId}.NumericIdOrder"/>),
    /// so that only numbers, ids and the scoring options need to be shipped.
    /// </summary>
    /// <typeparam name="TId">The customer id type.</typeparam>
    /// <param name="options">The scoring options the cuts were computed with.</param>
    /// <param name="numericIdOrder">The cuts' <see cref="RfmScoreCuts{TId}.NumericIdOrder"/>.</param>
    /// <param name="recencyValues">The recency cut values.</param>
    /// <param name="recencyIds">The recency cut ids (empty unless recency uses the rank method).</param>
    /// <param name="frequencyValues">The frequency cut values.</param>
    /// <param name="frequencyIds">The frequency cut ids (empty unless frequency uses the rank method).</param>
    /// <param name="monetaryValues">The monetary cut values.</param>
    /// <param name="monetaryIds">The monetary cut ids (empty unless monetary uses the rank method).</param>
    /// <returns>Cuts that score as the originals.</returns>
    /// <exception cref="ArgumentNullException">An argument or a cut id is null.</exception>
    /// <exception cref="ArgumentException">A dimension has not n − 1 values, or not n − 1 ids under the rank method (none otherwise).</exception>
    /// <exception cref="ArgumentOutOfRangeException">A cut value is NaN or infinite.</exception>
    /// <exception cref="NotSupportedException">A dimension uses the rank method and the ids are not comparable.</exception>
    public static RfmScoreCuts<TId> RestoreScoreCuts<TId>(
        RfmScoringOptions options,
        bool numericIdOrder,
        IReadOnlyList<double> recencyValues,
        IReadOnlyList<TId> recencyIds,
        IReadOnlyList<double> frequencyValues,
        IReadOnlyList<TId> frequencyIds,
        IReadOnlyList<double> monetaryValues,
        IReadOnlyList<TId> monetaryIds)
        where TId : notnull
    {
        Guard.NotNull(options, nameof(options));
        Guard.NotNull(recencyValues, nameof(recencyValues));
        Guard.NotNull(recencyIds, nameof(recencyIds));
        Guard.NotNull(frequencyValues, nameof(frequencyValues));
        Guard.NotNull(frequencyIds, nameof(frequencyIds));
        Guard.NotNull(monetaryValues, nameof(monetaryValues));
        Guard.NotNull(monetaryIds, nameof(monetaryIds));
        IComparer<TId>? comparer = typeof(TId) == typeof(string)
            ? (IComparer<TId>)(numericIdOrder ? IdOrdering.NumericStrings : StringComparer.Ordinal)
            : typeof(IComparable<TId>).IsAssignableFrom(typeof(TId)) || typeof(IComparable).IsAssignableFrom(typeof(TId)) ? Comparer<TId>.Default : null;
        int n = options.ScoreCount;
        var recency = RfmDimensionCuts<TId>.Restore(RfmDimension.Recency, options.Recency, n, recencyValues, recencyIds, nameof(recencyValues), nameof(recencyIds));
        var frequency = RfmDimensionCuts<TId>.Restore(RfmDimension.Frequency, options.Frequency, n, frequencyValues, frequencyIds, nameof(frequencyValues), nameof(frequencyIds));
        var monetary = RfmDimensionCuts<TId>.Restore(RfmDimension.Monetary, options.Monetary, n, monetaryValues, monetaryIds, nameof(monetaryValues), nameof(monetaryIds));
        if (comparer is null && (options.Recency.Method == RfmScoringMethod.RankEqualCount || options.Frequency.Method == RfmScoringMethod.RankEqualCount || options.Monetary.Method == RfmScoringMethod.RankEqualCount))
        {
            throw new NotSupportedException("The rank scoring method needs comparable ids to break ties; ids of type " + typeof(TId).Name + " are not comparable.");
        }

        return new RfmScoreCuts<TId>(options, comparer, recency, frequency, monetary);
    }

    internal static void RequireOrders(bool haveOrders, RfmTransactionOptions options, string parameterName)
    {
        if (!haveOrders && options.Frequency == RfmFrequencyBasis.DistinctOrders)
        {
            throw new ArgumentException(
                "No order ids were given, but frequency counts distinct orders (the default). Give order ids, or use RfmFrequencyBasis.DistinctDays in the options.",
                parameterName);
        }
    }

    /// <summary>True when two options describe the same aggregation (equal as-of date, policies and prefix).</summary>
    internal static bool SameOptions(RfmTransactionOptions a, RfmTransactionOptions b) =>
        ReferenceEquals(a, b)
        || (a.AsOf == b.AsOf && a.Frequency == b.Frequency && a.Monetary == b.Monetary && a.NonPositiveAmounts == b.NonPositiveAmounts
            && a.FutureLines == b.FutureLines && a.Duplicates == b.Duplicates && string.Equals(a.CancelledOrderPrefix, b.CancelledOrderPrefix, StringComparison.Ordinal));
}

/// <summary>
/// The mergeable partial aggregate of a set of transaction lines under one
/// <see cref="RfmTransactionOptions"/>: per customer what is needed to finish the RFM features
/// exactly, and the line counters of the report. Immutable; build it with
/// <see cref="RfmPartial"/>.<c>FromLines</c>, combine with <see cref="Merge"/>, finish with
/// <see cref="ToFeatures"/>.
/// </summary>
/// <remarks>
/// <para>
/// State per customer (id by <see cref="EqualityComparer{T}.Default"/>): the exact decimal sum of
/// its counted and netted amounts; the first and last purchase day; the <em>set</em> of its
/// distinct order ids (ordinal) or purchase days, since distinct counts do not add (an order
/// split over two partitions counts once); whether it has a purchase. Frequency is the size of the
/// set, monetary the sum (or the sum ÷ frequency), so the mean is finished only at the end.
/// Customers seen only on removed or netted lines are kept too, so that
/// <see cref="RfmAggregationReport.CustomersWithoutPurchase"/> is exact after a merge. Plus the
/// line counters (read, without customer, after as-of, cancelled, non-positive excluded, netted,
/// duplicates, purchases).
/// </para>
/// <para>
/// Merge: sums add, first day is the minimum, last day the maximum, the sets are united, the
/// counters add. Under <see cref="RfmDuplicatePolicy.Remove"/> the partial also keeps every
/// distinct kept line (customer, timestamp, quantity, unit price or amount, order id); a line kept
/// in both operands is a duplicate of the whole: the merge counts it once more in
/// <see cref="RfmAggregationReport.DuplicateLinesRemoved"/>, once less as a purchase (or netted)
/// line, and takes its amount off the customer's total once. Memory then grows with the lines, as
/// in <see cref="RfmFeatureAccumulator{TId}"/>.
/// </para>
/// <para>
/// The merge is associative and commutative: the result of <see cref="ToFeatures"/> does not
/// depend on how the lines were split nor on the order or grouping of the merges, and equals
/// <see cref="RfmFeatures"/>.<c>Aggregate</c> over all the lines (features, their order and the
/// report). Decimal addition is exact while a sum needs at most 28 significant digits (amounts
/// in cents up to 10²⁶); the only difference in behaviour is where a total beyond the range of
/// decimal is detected, which depends on the order of additions. Ids that are not comparable are
/// ordered by first appearance in the partial (the left operand's customers first), which a
/// single pass over the lines in another order may not reproduce; comparable ids (integers,
/// strings, and any <see cref="IComparable{T}"/>) have the same order as the single pass.
/// </para>
/// </remarks>
/// <typeparam name="TId">The customer id type.</typeparam>
public sealed class RfmPartial<TId>
    where TId : notnull
{
    private readonly Dictionary<TId, CustomerState> _customers;
    private readonly Dictionary<LineIdentity, bool>? _lines; // kept line → is a purchase (false: netted)
    private readonly long _asOfDay;
    private long _linesRead;
    private long _withoutCustomer;
    private long _afterAsOf;
    private long _cancelled;
    private long _nonPositiveExcluded;
    private long _nonPositiveNetted;
    private long _duplicates;
    private long _purchaseLines;

    internal RfmPartial(RfmTransactionOptions options)
    {
        Options = options;
        _customers = [];
        _asOfDay = options.AsOf.Ticks / TimeSpan.TicksPerDay;
        if (options.Duplicates == RfmDuplicatePolicy.Remove)
        {
            _lines = [];
        }
    }

    /// <summary>The options of this aggregation.</summary>
    public RfmTransactionOptions Options { get; }

    /// <summary>Every line given to this partial and those merged into it.</summary>
    public long LinesRead => _linesRead;

    /// <summary>Customers seen on a line (with or without a purchase).</summary>
    public int CustomerCount => _customers.Count;

    /// <summary>
    /// Merges this partial with another: the partial of the lines of both. Neither operand
    /// changes. Associative and commutative (see the remarks of the class).
    /// </summary>
    /// <param name="other">The other partial, built with equal options.</param>
    /// <returns>A new partial.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is null.</exception>
    /// <exception cref="ArgumentException">The options differ (as-of date, a policy or the cancellation prefix).</exception>
    /// <exception cref="ArgumentOutOfRangeException">A customer's merged total goes beyond the range of decimal.</exception>
    public RfmPartial<TId> Merge(RfmPartial<TId> other)
    {
        Guard.NotNull(other, nameof(other));
        if (!RfmPartial.SameOptions(Options, other.Options))
        {
            throw new ArgumentException(
                "The partials were built with different options (as-of date, a policy or the cancellation prefix); build every partition's partial with the same RfmTransactionOptions.",
                nameof(other));
        }

        var merged = new RfmPartial<TId>(Options)
        {
            _linesRead = _linesRead + other._linesRead,
            _withoutCustomer = _withoutCustomer + other._withoutCustomer,
            _afterAsOf = _afterAsOf + other._afterAsOf,
            _cancelled = _cancelled + other._cancelled,
            _nonPositiveExcluded = _nonPositiveExcluded + other._nonPositiveExcluded,
            _nonPositiveNetted = _nonPositiveNetted + other._nonPositiveNetted,
            _duplicates = _duplicates + other._duplicates,
            _purchaseLines = _purchaseLines + other._purchaseLines,
        };

        // States are never changed once their partial is built, so those of one operand only are shared.
        foreach (KeyValuePair<TId, CustomerState> pair in _customers)
        {
            CustomerState state = pair.Value;
            if (other._customers.TryGetValue(pair.Key, out CustomerState? right))
            {
                try
                {
                    state = CustomerState.Union(pair.Value, right);
                }
                catch (OverflowException)
                {
                    throw new ArgumentOutOfRangeException(
                        nameof(other),
                        right.Amount,
                        string.Format(CultureInfo.InvariantCulture, "Customer '{0}' would total beyond the range of decimal (±7.9e28) once the partials are merged. Check the amounts' scale.", pair.Key));
                }
            }

            merged._customers.Add(pair.Key, state);
        }

        foreach (KeyValuePair<TId, CustomerState> pair in other._customers)
        {
            if (!_customers.ContainsKey(pair.Key))
            {
                merged._customers.Add(pair.Key, pair.Value);
            }
        }

        if (_lines is not null && other._lines is not null)
        {
            foreach (KeyValuePair<LineIdentity, bool> pair in _lines)
            {
                merged._lines!.Add(pair.Key, pair.Value);
            }

            foreach (KeyValuePair<LineIdentity, bool> pair in other._lines)
            {
                if (!merged._lines!.ContainsKey(pair.Key))
                {
                    merged._lines.Add(pair.Key, pair.Value);
                    continue;
                }

                // Kept on both sides: the whole keeps it once.
                merged._duplicates++;
                if (pair.Value)
                {
                    merged._purchaseLines--;
                }
                else
                {
                    merged._nonPositiveNetted--;
                }

                CustomerState state = merged._customers[pair.Key.Customer];
                state.Amount -= pair.Key.Amount;
            }
        }

        return merged;
    }

    /// <summary>
    /// Finishes the features of every customer with at least one purchase, ordered by id, with the
    /// report: equal to <see cref="RfmFeatures"/>.<c>Aggregate</c> over all the lines of this partial.
    /// </summary>
    /// <returns>The features and the report.</returns>
    /// <exception cref="InvalidOperationException">The customers' totals add up beyond the range of decimal (about 7.9·10²⁸).</exception>
    public RfmFeatureSet<TId> ToFeatures()
    {
        var buyers = new List<KeyValuePair<TId, CustomerState>>();
        decimal total = 0;
        foreach (KeyValuePair<TId, CustomerState> pair in _customers)
        {
            if (pair.Value.Frequency > 0)
            {
                buyers.Add(pair);
                try
                {
                    total += pair.Value.Amount;
                }
                catch (OverflowException e)
                {
                    throw new InvalidOperationException(
                        "The customers' amounts add up to more than the range of decimal (±7.9e28), so their total cannot be reported. Check the amounts' scale.",
                        e);
                }
            }
        }

        TId[] ids = new TId[buyers.Count];
        for (int i = 0; i < ids.Length; i++)
        {
            ids[i] = buyers[i].Key;
        }

        int[] order = IdOrder(ids);
        bool sum = Options.Monetary == RfmMonetaryBasis.Sum;
        var columns = new RfmFeatureColumns<TId>(ids.Length, sum);
        for (int k = 0; k < order.Length; k++)
        {
            CustomerState s = buyers[order[k]].Value;
            columns.Ids[k] = buyers[order[k]].Key;
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

        var report = new RfmAggregationReport(
            _linesRead,
            _withoutCustomer,
            _afterAsOf,
            _cancelled,
            _nonPositiveExcluded,
            _nonPositiveNetted,
            _duplicates,
            _purchaseLines,
            buyers.Count,
            _customers.Count - buyers.Count,
            total);
        return columns.ToFeatureSet(report, Options);
    }

    internal static bool IsMissing(TId? id) => id is null || (id is string text && string.IsNullOrWhiteSpace(text));

    /// <summary>The order of the feature set (see <see cref="RfmFeatureSet{TId}"/>): integer strings numerically, other strings ordinally, comparables by default, others as first seen.</summary>
    internal static int[] IdOrder(TId[] ids)
    {
        int[] order = new int[ids.Length];
        for (int i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        IComparer<TId>? comparer = ComparerFor(ids);
        if (comparer is not null)
        {
            TId[] keys = (TId[])ids.Clone();
            Array.Sort(keys, order, comparer);
        }

        return order;
    }

    /// <summary>The comparer of the feature-set order for these ids; null when ids are not comparable (first-seen order).</summary>
    internal static IComparer<TId>? ComparerFor(IReadOnlyList<TId> ids)
    {
        if (typeof(TId) == typeof(string))
        {
            bool allIntegers = true;
            for (int i = 0; i < ids.Count && allIntegers; i++)
            {
                allIntegers = IdOrdering.IsInteger((string)(object)ids[i]);
            }

            return (IComparer<TId>)(allIntegers ? IdOrdering.NumericStrings : StringComparer.Ordinal);
        }

        return typeof(IComparable<TId>).IsAssignableFrom(typeof(TId)) || typeof(IComparable).IsAssignableFrom(typeof(TId)) ? Comparer<TId>.Default : null;
    }

    internal void CountWithoutCustomer()
    {
        _linesRead++;
        _withoutCustomer++;
    }

    /// <summary>One line, with the policies of <see cref="RfmFeatureAccumulator{TId}"/> in the same order.</summary>
    internal void AddCore(TId? customerId, DateTime timestamp, decimal quantity, decimal unitPrice, decimal amount, string? orderId, bool nonPositive)
    {
        long line = _linesRead + 1;
        if (IsMissing(customerId))
        {
            CountWithoutCustomer();
            return;
        }

        TId id = customerId!;
        long day = timestamp.Ticks / TimeSpan.TicksPerDay;
        bool removed = true;
        if (day > _asOfDay)
        {
            if (Options.FutureLines == RfmFutureLinePolicy.Reject)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(timestamp),
                    timestamp,
                    string.Format(
                        CultureInfo.InvariantCulture,
                        "Line {0} (customer '{1}') is dated {2:yyyy-MM-dd}, after the as-of date {3:yyyy-MM-dd}; the future-line policy is Reject. Remove the line, move the as-of date, or use RfmFutureLinePolicy.Exclude.",
                        line,
                        id,
                        timestamp,
                        Options.AsOf));
            }

            _afterAsOf++;
        }
        else if (Options.CancelledOrderPrefix is string prefix && orderId is not null && orderId.StartsWith(prefix, StringComparison.Ordinal))
        {
            _cancelled++;
        }
        else if (nonPositive && Options.NonPositiveAmounts == RfmNonPositivePolicy.Exclude)
        {
            _nonPositiveExcluded++;
        }
        else
        {
            if (!nonPositive && orderId is null && Options.Frequency == RfmFrequencyBasis.DistinctOrders)
            {
                throw new ArgumentException(
                    string.Format(
                        CultureInfo.InvariantCulture,
                        "Line {0} (customer '{1}') has no order id, but frequency counts distinct orders. Give every line an order id, or count distinct purchase days instead (RfmFrequencyBasis.DistinctDays).",
                        line,
                        id),
                    nameof(orderId));
            }

            removed = false;
        }

        _linesRead = line;
        if (!_customers.TryGetValue(id, out CustomerState? state))
        {
            state = new CustomerState(Options.Frequency == RfmFrequencyBasis.DistinctOrders);
            _customers.Add(id, state);
        }

        if (removed)
        {
            return;
        }

        if (_lines is not null)
        {
            var identity = new LineIdentity(id, timestamp.Ticks, quantity, unitPrice, orderId, amount);
            if (_lines.ContainsKey(identity))
            {
                _duplicates++;
                return;
            }

            _lines.Add(identity, !nonPositive);
        }

        try
        {
            state.Amount += amount;
        }
        catch (OverflowException)
        {
            throw new ArgumentOutOfRangeException(
                nameof(amount),
                amount,
                string.Format(CultureInfo.InvariantCulture, "Line {0}: customer '{1}' would total beyond the range of decimal (±7.9e28). Check that line's amount and scale.", line, id));
        }

        if (nonPositive)
        {
            _nonPositiveNetted++;
            return;
        }

        _purchaseLines++;
        state.AddPurchase((int)day, orderId);
    }

    /// <summary>One customer's state; changed only while its partial is being built.</summary>
    private sealed class CustomerState
    {
        private readonly HashSet<string>? _orders;
        private readonly HashSet<int>? _days;

        public CustomerState(bool byOrder)
        {
            if (byOrder)
            {
                _orders = new HashSet<string>(StringComparer.Ordinal);
            }
            else
            {
                _days = [];
            }
        }

        public decimal Amount { get; set; }

        public int FirstDay { get; private set; }

        public int LastDay { get; private set; }

        public int Frequency => _orders?.Count ?? _days!.Count;

        public static CustomerState Union(CustomerState left, CustomerState right)
        {
            var union = new CustomerState(left._orders is not null);
            union.Amount = left.Amount + right.Amount; // OverflowException: caught by Merge

            if (union._orders is not null)
            {
                union._orders.UnionWith(left._orders!);
                union._orders.UnionWith(right._orders!);
            }
            else
            {
                union._days!.UnionWith(left._days!);
                union._days.UnionWith(right._days!);
            }

            bool l = left.Frequency > 0, r = right.Frequency > 0;
            union.FirstDay = l && r ? Math.Min(left.FirstDay, right.FirstDay) : l ? left.FirstDay : right.FirstDay;
            union.LastDay = l && r ? Math.Max(left.LastDay, right.LastDay) : l ? left.LastDay : right.LastDay;
            return union;
        }

        public void AddPurchase(int day, string? orderId)
        {
            if (Frequency == 0)
            {
                FirstDay = day;
                LastDay = day;
            }
            else
            {
                FirstDay = Math.Min(FirstDay, day);
                LastDay = Math.Max(LastDay, day);
            }

            if (_orders is not null)
            {
                _orders.Add(orderId!);
            }
            else
            {
                _days!.Add(day);
            }
        }
    }

    /// <summary>A kept line under duplicate removal: equal when customer, timestamp, quantity, unit price (by value) and order id are equal.</summary>
    private readonly struct LineIdentity(TId customer, long ticks, decimal quantity, decimal unitPrice, string? order, decimal amount) : IEquatable<LineIdentity>
    {
        public TId Customer { get; } = customer;

        public decimal Amount { get; } = amount;

        private long Ticks { get; } = ticks;

        private decimal Quantity { get; } = quantity;

        private decimal UnitPrice { get; } = unitPrice;

        private string? Order { get; } = order;

        public bool Equals(LineIdentity other) =>
            Ticks == other.Ticks && Quantity == other.Quantity && UnitPrice == other.UnitPrice
            && string.Equals(Order, other.Order, StringComparison.Ordinal) && EqualityComparer<TId>.Default.Equals(Customer, other.Customer);

        public override bool Equals(object? obj) => obj is LineIdentity other && Equals(other);

        public override int GetHashCode()
        {
            unchecked
            {
                int hash = (EqualityComparer<TId>.Default.GetHashCode(Customer) * -1521134295) + Ticks.GetHashCode();
                hash = (hash * -1521134295) + Quantity.GetHashCode();
                hash = (hash * -1521134295) + UnitPrice.GetHashCode();
                return (hash * -1521134295) + (Order is null ? 0 : StringComparer.Ordinal.GetHashCode(Order));
            }
        }
    }
}
