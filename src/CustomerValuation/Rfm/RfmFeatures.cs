using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using CustomerValuation.Internal;

namespace CustomerValuation.Rfm;

/// <summary>
/// Aggregates transaction lines into per-customer RFM features (recency, frequency, monetary,
/// first purchase, tenure), with every line accounted for in a report.
/// </summary>
/// <remarks>
/// Definitions (as-of date A, only dates count, never times of day):
/// recency = A − date of the last purchase, in whole days;
/// frequency = distinct order ids (or distinct purchase days) among the purchase lines;
/// monetary = Σ amounts (or that sum ÷ frequency);
/// tenure = A − date of the first purchase, in whole days.
/// All three tiers (spans, sequences with selectors, and <see cref="RfmFeatureAccumulator{TId}"/>
/// for streaming) share one implementation.
/// </remarks>
public static partial class RfmFeatures
{
    /// <summary>Aggregates lines given by any sequence with selectors (amount per line).</summary>
    /// <typeparam name="TLine">The line type.</typeparam>
    /// <typeparam name="TId">The customer id type.</typeparam>
    /// <param name="lines">The transaction lines, in any order.</param>
    /// <param name="customerId">The line's customer; null (or empty text) for unknown.</param>
    /// <param name="timestamp">The line's date or date and time.</param>
    /// <param name="amount">The line's amount.</param>
    /// <param name="orderId">The line's order id; <see langword="null"/> when there is none (then frequency must count days).</param>
    /// <param name="options">The as-of date and line policies.</param>
    /// <param name="cancellationToken">Checked every 65 536 lines.</param>
    /// <returns>The features, ordered by customer id, and the report.</returns>
    /// <exception cref="ArgumentNullException">An argument other than <paramref name="orderId"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="orderId"/> is null while frequency counts distinct orders, or a purchase line has no order id.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A line is dated after the as-of date under <see cref="RfmFutureLinePolicy.Reject"/>, or a customer's total goes beyond the range of decimal.</exception>
    /// <exception cref="InvalidOperationException">The customers' totals add up beyond the range of decimal (about 7.9·10²⁸).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static RfmFeatureSet<TId> Aggregate<TLine, TId>(
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
        using var accumulator = new RfmFeatureAccumulator<TId>(options);
        long n = 0;
        foreach (TLine line in lines)
        {
            if ((++n & 0xFFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            accumulator.Add(customerId(line), timestamp(line), amount(line), orderId?.Invoke(line));
        }

        return accumulator.ToFeatures();
    }

    /// <summary>Aggregates lines given by any sequence with selectors (quantity × unit price per line).</summary>
    /// <remarks>A line is a purchase only when quantity and unit price are both positive.</remarks>
    /// <typeparam name="TLine">The line type.</typeparam>
    /// <typeparam name="TId">The customer id type.</typeparam>
    /// <param name="lines">The transaction lines, in any order.</param>
    /// <param name="customerId">The line's customer; null (or empty text) for unknown.</param>
    /// <param name="timestamp">The line's date or date and time.</param>
    /// <param name="quantity">The line's quantity.</param>
    /// <param name="unitPrice">The line's unit price.</param>
    /// <param name="orderId">The line's order id; <see langword="null"/> when there is none (then frequency must count days).</param>
    /// <param name="options">The as-of date and line policies.</param>
    /// <param name="cancellationToken">Checked every 65 536 lines.</param>
    /// <returns>The features, ordered by customer id, and the report.</returns>
    /// <exception cref="ArgumentNullException">An argument other than <paramref name="orderId"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="orderId"/> is null while frequency counts distinct orders, or a purchase line has no order id.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A line's quantity × unit price overflows, or a line is dated after the as-of date under <see cref="RfmFutureLinePolicy.Reject"/>, or a customer's total goes beyond the range of decimal.</exception>
    /// <exception cref="InvalidOperationException">The customers' totals add up beyond the range of decimal (about 7.9·10²⁸).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static RfmFeatureSet<TId> Aggregate<TLine, TId>(
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
        using var accumulator = new RfmFeatureAccumulator<TId>(options);
        long n = 0;
        foreach (TLine line in lines)
        {
            if ((++n & 0xFFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            accumulator.AddLine(customerId(line), timestamp(line), quantity(line), unitPrice(line), orderId?.Invoke(line));
        }

        return accumulator.ToFeatures();
    }

    /// <summary>Aggregates lines given as parallel spans with decimal amounts (span tier).</summary>
    /// <typeparam name="TId">The customer id type.</typeparam>
    /// <param name="customerIds">Each line's customer; null (or empty text) for unknown.</param>
    /// <param name="timestamps">Each line's date or date and time.</param>
    /// <param name="amounts">Each line's amount.</param>
    /// <param name="orderIds">Each line's order id, or an empty span when there are none (then frequency must count days).</param>
    /// <param name="options">The as-of date and line policies.</param>
    /// <returns>The features, ordered by customer id, and the report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">The spans' lengths differ, there are no order ids while frequency counts distinct orders, or a purchase line has no order id.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A line is dated after the as-of date under <see cref="RfmFutureLinePolicy.Reject"/>, or a customer's total goes beyond the range of decimal.</exception>
    /// <exception cref="InvalidOperationException">The customers' totals add up beyond the range of decimal (about 7.9·10²⁸).</exception>
    public static RfmFeatureSet<TId> Aggregate<TId>(
        ReadOnlySpan<TId?> customerIds,
        ReadOnlySpan<DateTime> timestamps,
        ReadOnlySpan<decimal> amounts,
        ReadOnlySpan<string?> orderIds,
        RfmTransactionOptions options)
        where TId : notnull
    {
        Guard.NotNull(options, nameof(options));
        CheckLengths(customerIds.Length, timestamps.Length, amounts.Length, orderIds.Length, nameof(timestamps), nameof(amounts), nameof(orderIds));
        RequireOrders(!orderIds.IsEmpty, options, nameof(orderIds));
        using var accumulator = new RfmFeatureAccumulator<TId>(options);
        for (int i = 0; i < customerIds.Length; i++)
        {
            accumulator.Add(customerIds[i], timestamps[i], amounts[i], orderIds.IsEmpty ? null : orderIds[i]);
        }

        return accumulator.ToFeatures();
    }

    /// <summary>Aggregates lines given as parallel spans with double amounts (span tier).</summary>
    /// <remarks>
    /// Each amount is converted to the nearest <see cref="decimal"/> of at most 15 significant digits (2.55 stays 2.55) and
    /// summed exactly; whether a line is positive is decided on the double, so a positive amount too small for decimal
    /// (below 10⁻²⁸) is a purchase of amount 0, not a non-positive line.
    /// </remarks>
    /// <typeparam name="TId">The customer id type.</typeparam>
    /// <param name="customerIds">Each line's customer; null (or empty text) for unknown.</param>
    /// <param name="timestamps">Each line's date or date and time.</param>
    /// <param name="amounts">Each line's amount; finite and within ±7.9·10²⁸.</param>
    /// <param name="orderIds">Each line's order id, or an empty span when there are none (then frequency must count days).</param>
    /// <param name="options">The as-of date and line policies.</param>
    /// <returns>The features, ordered by customer id, and the report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">The spans' lengths differ, there are no order ids while frequency counts distinct orders, or a purchase line has no order id.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An amount is NaN, infinite or beyond the decimal range (the message names the index), or a line is dated after the as-of date under <see cref="RfmFutureLinePolicy.Reject"/>, or a customer's total goes beyond the range of decimal.</exception>
    /// <exception cref="InvalidOperationException">The customers' totals add up beyond the range of decimal (about 7.9·10²⁸).</exception>
    public static RfmFeatureSet<TId> Aggregate<TId>(
        ReadOnlySpan<TId?> customerIds,
        ReadOnlySpan<DateTime> timestamps,
        ReadOnlySpan<double> amounts,
        ReadOnlySpan<string?> orderIds,
        RfmTransactionOptions options)
        where TId : notnull
    {
        Guard.NotNull(options, nameof(options));
        CheckLengths(customerIds.Length, timestamps.Length, amounts.Length, orderIds.Length, nameof(timestamps), nameof(amounts), nameof(orderIds));
        RequireOrders(!orderIds.IsEmpty, options, nameof(orderIds));
        for (int i = 0; i < amounts.Length; i++)
        {
            double a = amounts[i];
            if (double.IsNaN(a) || double.IsInfinity(a))
            {
                Guard.ThrowNotFinite(a, nameof(amounts), i);
            }

            if (Math.Abs(a) >= 7.9e28)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(amounts),
                    a,
                    string.Format(CultureInfo.InvariantCulture, "The amount at index {0} is {1}, beyond the range of decimal (±7.9e28).", i, a.ToString("R", CultureInfo.InvariantCulture)));
            }
        }

        using var accumulator = new RfmFeatureAccumulator<TId>(options);
        for (int i = 0; i < customerIds.Length; i++)
        {
            // The sign comes from the double: a positive amount below 10⁻²⁸ converts to 0 but is still a purchase.
            accumulator.AddConverted(customerIds[i], timestamps[i], (decimal)amounts[i], !(amounts[i] > 0), orderIds.IsEmpty ? null : orderIds[i]);
        }

        return accumulator.ToFeatures();
    }

    private static void RequireOrders(bool haveOrders, RfmTransactionOptions options, string parameterName)
    {
        if (!haveOrders && options.Frequency == RfmFrequencyBasis.DistinctOrders)
        {
            throw new ArgumentException(
                "No order ids were given, but frequency counts distinct orders (the default). Give order ids, or use RfmFrequencyBasis.DistinctDays in the options.",
                parameterName);
        }
    }

    private static void CheckLengths(int ids, int timestamps, int amounts, int orders, string timestampsName, string amountsName, string ordersName)
    {
        string? name = timestamps != ids ? timestampsName : amounts != ids ? amountsName : orders != 0 && orders != ids ? ordersName : null;
        if (name is not null)
        {
            throw new ArgumentException(
                string.Format(
                    CultureInfo.InvariantCulture,
                    "customerIds has {0} lines, timestamps {1}, amounts {2} and orderIds {3}; they must be equal (orderIds may be empty).",
                    ids,
                    timestamps,
                    amounts,
                    orders),
                name);
        }
    }
}
