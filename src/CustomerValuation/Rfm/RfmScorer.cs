using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Threading;
using CustomerValuation.Internal;

namespace CustomerValuation.Rfm;

/// <summary>
/// Turns recency, frequency and monetary values into scores 1 … n per dimension (n the best), cell
/// codes, combined scores and segments.
/// </summary>
/// <remarks>
/// <para>
/// Methods (per dimension, see <see cref="RfmScoringMethod"/>): equal-count bins on ranks (ties
/// broken by input order, the earlier customer ranking lower; SQL NTILE sizes by default), value
/// breakpoints (type-7 quantiles, Hyndman &amp; Fan 1996, as pandas <c>qcut</c>), or fixed thresholds.
/// Bins are formed on ascending values; the score is the bin for frequency and monetary and
/// n + 1 − bin for recency, so n is always the best.
/// </para>
/// <para>
/// Both quantile methods are exact: no value is moved across a cut by rounding. They run in
/// O(m + s log s) time for m customers, where s is the number of customers that share a 1/65 536
/// slice of a dimension's range with a cut (none for whole days and purchase counts below 65 536),
/// and allocate only the result and pooled buffers.
/// </para>
/// </remarks>
public static class RfmScorer
{
    /// <summary>
    /// Scores customers given as three parallel spans into <paramref name="destination"/> (span kernel).
    /// </summary>
    /// <param name="recencyDays">Days since each customer's last purchase; finite, not negative.</param>
    /// <param name="frequency">Each customer's number of purchases; finite, not negative.</param>
    /// <param name="monetary">Each customer's spend; finite (negative allowed: net returns).</param>
    /// <param name="destination">Receives each customer's scores; same length as the inputs.</param>
    /// <param name="options">Scoring options; <see langword="null"/> for <see cref="RfmScoringOptions.Default"/>.</param>
    /// <param name="cancellationToken">Checked between passes over the data.</param>
    /// <returns>The edges used and the customers per score, per dimension.</returns>
    /// <exception cref="ArgumentException">The input is empty, or the spans' lengths differ.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A value is NaN or infinite, or a recency or frequency is negative (the message names the index).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static RfmScoringSummary Score(
        ReadOnlySpan<double> recencyDays,
        ReadOnlySpan<double> frequency,
        ReadOnlySpan<double> monetary,
        Span<RfmScore> destination,
        RfmScoringOptions? options = null,
        CancellationToken cancellationToken = default)
        => ScoreCore(recencyDays, frequency, monetary, destination, options, cancellationToken);

    /// <summary>
    /// Scores customers given as whole days, purchase counts and double amounts (span kernel).
    /// </summary>
    /// <param name="recencyDays">Days since each customer's last purchase; not negative.</param>
    /// <param name="frequency">Each customer's number of purchases; not negative.</param>
    /// <param name="monetary">Each customer's spend; finite (negative allowed: net returns).</param>
    /// <param name="destination">Receives each customer's scores; same length as the inputs.</param>
    /// <param name="options">Scoring options; <see langword="null"/> for <see cref="RfmScoringOptions.Default"/>.</param>
    /// <param name="cancellationToken">Checked between passes over the data.</param>
    /// <returns>The edges used and the customers per score, per dimension.</returns>
    /// <exception cref="ArgumentException">The input is empty, or the spans' lengths differ.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A monetary value is NaN or infinite, or a recency or frequency is negative (the message names the index).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static RfmScoringSummary Score(
        ReadOnlySpan<int> recencyDays,
        ReadOnlySpan<int> frequency,
        ReadOnlySpan<double> monetary,
        Span<RfmScore> destination,
        RfmScoringOptions? options = null,
        CancellationToken cancellationToken = default)
        => ScoreCore(recencyDays, frequency, monetary, destination, options, cancellationToken);

    /// <summary>
    /// Scores customers given as whole days, purchase counts and decimal amounts (span kernel).
    /// </summary>
    /// <remarks>
    /// The decimal amounts are compared through their nearest doubles, which keeps their order and
    /// equality exactly for amounts of up to 15 significant digits (every ledger amount below
    /// 10¹³ with two decimals); amounts that differ only beyond the 15th digit may tie.
    /// </remarks>
    /// <param name="recencyDays">Days since each customer's last purchase; not negative.</param>
    /// <param name="frequency">Each customer's number of purchases; not negative.</param>
    /// <param name="monetary">Each customer's spend (negative allowed: net returns).</param>
    /// <param name="destination">Receives each customer's scores; same length as the inputs.</param>
    /// <param name="options">Scoring options; <see langword="null"/> for <see cref="RfmScoringOptions.Default"/>.</param>
    /// <param name="cancellationToken">Checked between passes over the data.</param>
    /// <returns>The edges used and the customers per score, per dimension.</returns>
    /// <exception cref="ArgumentException">The input is empty, or the spans' lengths differ.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A recency or frequency is negative (the message names the index).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static RfmScoringSummary Score(
        ReadOnlySpan<int> recencyDays,
        ReadOnlySpan<int> frequency,
        ReadOnlySpan<decimal> monetary,
        Span<RfmScore> destination,
        RfmScoringOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        CheckLengths(recencyDays.Length, frequency.Length, monetary.Length, destination.Length, nameof(recencyDays), nameof(frequency), nameof(monetary), nameof(destination));
        double[] amounts = ArrayPool<double>.Shared.Rent(monetary.Length);
        try
        {
            for (int i = 0; i < monetary.Length; i++)
            {
                amounts[i] = (double)monetary[i];
            }

            return Score(recencyDays, frequency, new ReadOnlySpan<double>(amounts, 0, monetary.Length), destination, options, cancellationToken);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(amounts);
        }
    }

    /// <summary>
    /// Scores the customers of a feature set (built from transactions, ordered by id), with cells,
    /// combined scores and, when a table is given, segments.
    /// </summary>
    /// <typeparam name="TId">The customer id type.</typeparam>
    /// <param name="features">Per-customer recency, frequency and monetary, as made by <see cref="RfmFeatures"/>.</param>
    /// <param name="options">Scoring options; <see langword="null"/> for <see cref="RfmScoringOptions.Default"/>.</param>
    /// <param name="segments">A segment table for the same number of scores, or <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Checked between passes over the data.</param>
    /// <returns>One result per customer in the feature set's (id) order, and the summaries.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="features"/> is null.</exception>
    /// <exception cref="ArgumentException">The feature set is empty, or the table is for another number of scores.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static RfmResult<TId> Score<TId>(
        RfmFeatureSet<TId> features,
        RfmScoringOptions? options = null,
        RfmSegmentTable? segments = null,
        CancellationToken cancellationToken = default)
        where TId : notnull
    {
        Guard.NotNull(features, nameof(features));
        options ??= RfmScoringOptions.Default;
        CheckTable(segments, options, nameof(segments));
        int n = features.Count;
        if (n == 0)
        {
            throw new ArgumentException(
                "The feature set has no customer (every line was removed by a policy, or there were no lines); see its Report.",
                nameof(features));
        }

        var scores = new RfmScore[n];
        RfmScoringSummary summary = Score(features.RecencyDaysSpan, features.FrequencySpan, features.MonetarySpan, scores, options, cancellationToken);
        var results = new RfmCustomerScore<TId>[n];
        for (int i = 0; i < n; i++)
        {
            RfmCustomerFeatures<TId> c = features[i];
            results[i] = new RfmCustomerScore<TId>(c.Id, c.RecencyDays, c.Frequency, (double)c.Monetary, scores[i], options.Combine(scores[i]), segments?.Classify(scores[i]));
        }

        return new RfmResult<TId>(results, summary, segments, features.Report);
    }

    /// <summary>
    /// Scores customers given by any sequence with selectors (for scripts); ties are broken by the
    /// sequence's order.
    /// </summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <typeparam name="TId">The customer id type.</typeparam>
    /// <param name="customers">One element per customer.</param>
    /// <param name="id">The customer id; distinct under the default equality of <typeparamref name="TId"/>.</param>
    /// <param name="recencyDays">Days since the last purchase; finite, not negative.</param>
    /// <param name="frequency">Number of purchases; finite, not negative.</param>
    /// <param name="monetary">Spend; finite.</param>
    /// <param name="options">Scoring options; <see langword="null"/> for <see cref="RfmScoringOptions.Default"/>.</param>
    /// <param name="segments">A segment table for the same number of scores, or <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Checked between passes over the data.</param>
    /// <returns>One result per customer in the sequence's order, and the summaries.</returns>
    /// <exception cref="ArgumentNullException">An argument other than <paramref name="options"/> and <paramref name="segments"/> is null, or an id is null.</exception>
    /// <exception cref="ArgumentException">The sequence is empty, an id repeats (named), or the table is for another number of scores.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A value is NaN or infinite, or a recency or frequency is negative (the message names the index).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static RfmResult<TId> Score<T, TId>(
        IEnumerable<T> customers,
        Func<T, TId> id,
        Func<T, double> recencyDays,
        Func<T, double> frequency,
        Func<T, double> monetary,
        RfmScoringOptions? options = null,
        RfmSegmentTable? segments = null,
        CancellationToken cancellationToken = default)
        where TId : notnull
    {
        Guard.NotNull(customers, nameof(customers));
        Guard.NotNull(id, nameof(id));
        Guard.NotNull(recencyDays, nameof(recencyDays));
        Guard.NotNull(frequency, nameof(frequency));
        Guard.NotNull(monetary, nameof(monetary));
        options ??= RfmScoringOptions.Default;
        CheckTable(segments, options, nameof(segments));
        var ids = new List<TId>();
        var r = new List<double>();
        var f = new List<double>();
        var m = new List<double>();
        var seen = new HashSet<TId>();
        foreach (T item in customers)
        {
            TId key = id(item);
            if (key is null)
            {
                throw new ArgumentNullException(nameof(id), string.Format(CultureInfo.InvariantCulture, "The id of the customer at index {0} is null.", ids.Count));
            }

            if (!seen.Add(key))
            {
                throw new ArgumentException(
                    string.Format(CultureInfo.InvariantCulture, "The id '{0}' appears more than once (again at index {1}); each customer must appear once.", key, ids.Count),
                    nameof(customers));
            }

            ids.Add(key);
            r.Add(recencyDays(item));
            f.Add(frequency(item));
            m.Add(monetary(item));
        }

        if (ids.Count == 0)
        {
            throw new ArgumentException("The input is empty; RFM scoring needs at least one customer.", nameof(customers));
        }

        double[] rArray = r.ToArray(), fArray = f.ToArray(), mArray = m.ToArray();
        var scores = new RfmScore[ids.Count];
        RfmScoringSummary summary = Score(rArray, fArray, mArray, scores, options, cancellationToken);
        var results = new RfmCustomerScore<TId>[ids.Count];
        for (int i = 0; i < results.Length; i++)
        {
            results[i] = new RfmCustomerScore<TId>(ids[i], rArray[i], fArray[i], mArray[i], scores[i], options.Combine(scores[i]), segments?.Classify(scores[i]));
        }

        return new RfmResult<TId>(results, summary, segments, report: null);
    }

    /// <summary>The one implementation of the span kernels: whole-number or double recency and frequency, double monetary.</summary>
    private static RfmScoringSummary ScoreCore<TCount>(
        ReadOnlySpan<TCount> recencyDays,
        ReadOnlySpan<TCount> frequency,
        ReadOnlySpan<double> monetary,
        Span<RfmScore> destination,
        RfmScoringOptions? options,
        CancellationToken cancellationToken)
        where TCount : unmanaged
    {
        CheckLengths(recencyDays.Length, frequency.Length, monetary.Length, destination.Length, nameof(recencyDays), nameof(frequency), nameof(monetary), nameof(destination));
        var r = RankBinner.Validate(recencyDays, allowNegative: false, nameof(recencyDays));
        var f = RankBinner.Validate(frequency, allowNegative: false, nameof(frequency));
        var m = RankBinner.Validate(monetary, allowNegative: true, nameof(monetary));
        options ??= RfmScoringOptions.Default;
        Span<byte> bytes = MemoryMarshal.AsBytes(destination);
        return new RfmScoringSummary(
            RankBinner.Score(recencyDays, r, bytes, RfmDimension.Recency, options.Recency, options.ScoreCount, cancellationToken),
            RankBinner.Score(frequency, f, bytes, RfmDimension.Frequency, options.Frequency, options.ScoreCount, cancellationToken),
            RankBinner.Score(monetary, m, bytes, RfmDimension.Monetary, options.Monetary, options.ScoreCount, cancellationToken),
            options,
            destination.Length);
    }

    private static void CheckTable(RfmSegmentTable? segments, RfmScoringOptions options, string parameterName)
    {
        if (segments is not null && segments.ScoreCount != options.ScoreCount)
        {
            throw new ArgumentException(
                string.Format(
                    CultureInfo.InvariantCulture,
                    "The segment table is written for {0} scores per dimension but the options give {1}; use a table for {1} scores.",
                    segments.ScoreCount,
                    options.ScoreCount),
                parameterName);
        }
    }

    private static void CheckLengths(int recency, int frequency, int monetary, int destination, string recencyName, string frequencyName, string monetaryName, string destinationName)
    {
        if (recency == 0)
        {
            throw new ArgumentException("The input is empty; RFM scoring needs at least one customer.", recencyName);
        }

        if (frequency != recency || monetary != recency)
        {
            throw new ArgumentException(
                string.Format(CultureInfo.InvariantCulture, "recencyDays has {0} values, frequency {1} and monetary {2}; they must be equal.", recency, frequency, monetary),
                frequency != recency ? frequencyName : monetaryName);
        }

        if (destination != recency)
        {
            throw new ArgumentException(
                string.Format(CultureInfo.InvariantCulture, "The destination has length {0} but there are {1} customers; they must be equal.", destination, recency),
                destinationName);
        }
    }
}
