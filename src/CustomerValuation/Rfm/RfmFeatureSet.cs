using System;
using System.Collections;
using System.Collections.Generic;

namespace CustomerValuation.Rfm;

/// <summary>One customer's RFM features, aggregated from its transaction lines.</summary>
/// <typeparam name="TId">The customer id type.</typeparam>
/// <param name="Id">The customer id.</param>
/// <param name="RecencyDays">Whole days from the last purchase's date to the as-of date (0 for a purchase on the as-of date).</param>
/// <param name="Frequency">Distinct orders, or distinct purchase days (see <see cref="RfmFrequencyBasis"/>); at least 1.</param>
/// <param name="Monetary">The sum of the amounts, or that sum divided by <paramref name="Frequency"/> (see <see cref="RfmMonetaryBasis"/>); exact decimal arithmetic.</param>
/// <param name="TotalAmount">The sum of the customer's counted (and netted) amounts, whatever the monetary basis.</param>
/// <param name="FirstPurchase">The date of the first purchase.</param>
/// <param name="LastPurchase">The date of the last purchase.</param>
/// <param name="TenureDays">Whole days from the first purchase's date to the as-of date.</param>
public readonly record struct RfmCustomerFeatures<TId>(
    TId Id,
    int RecencyDays,
    int Frequency,
    decimal Monetary,
    decimal TotalAmount,
    DateTime FirstPurchase,
    DateTime LastPurchase,
    int TenureDays);

/// <summary>
/// Per-customer RFM features, ordered by customer id, with the report of the aggregation that made them.
/// </summary>
/// <remarks>
/// Customers are ordered by id so that nothing depends on the order of the lines: numerically
/// when every id is an integer (a string of digits with an optional leading minus, of any length;
/// equal numbers such as "007" and "7" then in ordinal order), ordinally for other strings, by
/// <see cref="Comparer{T}.Default"/> for other comparable ids, and in first-seen order for ids
/// that are not comparable. This order breaks ties in the rank scoring method. With a custom
/// equality comparer, the id kept for a customer (and sorted on) is the first spelling seen.
/// </remarks>
/// <typeparam name="TId">The customer id type.</typeparam>
public sealed class RfmFeatureSet<TId> : IReadOnlyList<RfmCustomerFeatures<TId>>
    where TId : notnull
{
    private readonly TId[] _ids;
    private readonly int[] _recencyDays;
    private readonly int[] _frequency;
    private readonly decimal[] _monetary;
    private readonly decimal[] _total;
    private readonly int[] _firstDay;
    private readonly int[] _lastDay;

    // Stored by column (the spans below are the scorer's input); a customer's record is built on access.
    internal RfmFeatureSet(
        TId[] ids,
        int[] recencyDays,
        int[] frequency,
        decimal[] monetary,
        decimal[] total,
        int[] firstDay,
        int[] lastDay,
        RfmAggregationReport report,
        RfmTransactionOptions options)
    {
        _ids = ids;
        _recencyDays = recencyDays;
        _frequency = frequency;
        _monetary = monetary;
        _total = total;
        _firstDay = firstDay;
        _lastDay = lastDay;
        Report = report;
        Options = options;
    }

    /// <summary>What the aggregation did with every line.</summary>
    public RfmAggregationReport Report { get; }

    /// <summary>The options of the aggregation.</summary>
    public RfmTransactionOptions Options { get; }

    /// <summary>The as-of date.</summary>
    public DateTime AsOf => Options.AsOf;

    /// <summary>The number of customers.</summary>
    public int Count => _ids.Length;

    /// <summary>Recency of every customer, in id order.</summary>
    public ReadOnlySpan<int> RecencyDaysSpan => _recencyDays;

    /// <summary>Frequency of every customer, in id order.</summary>
    public ReadOnlySpan<int> FrequencySpan => _frequency;

    /// <summary>Monetary of every customer, in id order.</summary>
    public ReadOnlySpan<decimal> MonetarySpan => _monetary;

    /// <summary>The customer at a position in id order.</summary>
    /// <param name="index">0 … <see cref="Count"/> − 1.</param>
    /// <returns>The customer's features.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside the set.</exception>
    public RfmCustomerFeatures<TId> this[int index] => (uint)index < (uint)_ids.Length
        ? Build(index)
        : throw new ArgumentOutOfRangeException(nameof(index), index, "The index must be from 0 to Count - 1.");

    /// <summary>Enumerates the customers in id order.</summary>
    /// <returns>The enumerator.</returns>
    public IEnumerator<RfmCustomerFeatures<TId>> GetEnumerator()
    {
        for (int i = 0; i < _ids.Length; i++)
        {
            yield return Build(i);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>
    /// The same features under other ids, one per customer in the same order (sharing the
    /// columns): for a caller that aggregated under a cheaper id type with the same order, such as
    /// integers for text ids that all write integers.
    /// </summary>
    internal RfmFeatureSet<TOther> WithIds<TOther>(TOther[] ids)
        where TOther : notnull =>
        ids.Length == _ids.Length
            ? new RfmFeatureSet<TOther>(ids, _recencyDays, _frequency, _monetary, _total, _firstDay, _lastDay, Report, Options)
            : throw new ArgumentException("One id per customer is needed.", nameof(ids));

    private static DateTime DateOfDay(int day) => new(day * TimeSpan.TicksPerDay, DateTimeKind.Unspecified);

    private RfmCustomerFeatures<TId> Build(int i) => new(
        _ids[i],
        _recencyDays[i],
        _frequency[i],
        _monetary[i],
        _total[i],
        DateOfDay(_firstDay[i]),
        DateOfDay(_lastDay[i]),
        _recencyDays[i] + _lastDay[i] - _firstDay[i]);
}
