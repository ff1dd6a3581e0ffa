using System;
using System.Collections.Generic;
using System.Globalization;
using CustomerValuation.Internal;
using CustomerValuation.Tiering;

namespace CustomerValuation.Churn;

/// <summary>
/// Lifecycle status at an as-of date (SPEC §4): prospect, new, active, at risk, lapsed or won back,
/// with a fixed or rhythm-based lapse rule and the evidence for each customer.
/// </summary>
/// <remarks>
/// <para>
/// Only calendar dates count: purchase times and the as-of time are truncated to their date, and several
/// purchases on one day are one purchase day. With t = days since the last purchase day, f = days since the
/// first, and threshold T from the <see cref="LapseRule"/>, the status is the first that holds of:
/// Prospect (no purchase day); Lapsed (t &gt; T); New (f &lt; NewWindowDays); WonBack (some purchase day d
/// with as-of − d &lt; WonBackWindowDays follows the previous purchase day by a gap &gt; T); AtRisk
/// (t &gt; AtRiskShare × T); Active.
/// </para>
/// <para>
/// Customers come out in id order (ordinal for strings), so the result never depends on the input order.
/// Time O(p log p + n log n) for p purchases and n customers.
/// </para>
/// </remarks>
public static class LifecycleClassifier
{
    /// <summary>Classifies each customer at an as-of date from its purchase dates.</summary>
    /// <typeparam name="T">The record type, one record per customer.</typeparam>
    /// <typeparam name="TId">The customer id type.</typeparam>
    /// <param name="customers">The customers, one record each; an empty purchase list makes a prospect.</param>
    /// <param name="idSelector">Gets a record's customer id; not null, unique.</param>
    /// <param name="purchaseDatesSelector">Gets a record's purchase dates; none after the as-of date.</param>
    /// <param name="asOf">The as-of date (its calendar date counts).</param>
    /// <param name="options">The options; <see langword="null"/> for <see cref="LifecycleOptions.Default"/>.</param>
    /// <param name="idComparer">Orders the result; <see langword="null"/> for ordinal order of strings and the default order otherwise.</param>
    /// <returns>Every customer once, in id order, with the counts per status; empty input gives an empty result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="customers"/>, <paramref name="idSelector"/> or <paramref name="purchaseDatesSelector"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A purchase date is after the as-of date (the message names the index, the id and the date).</exception>
    /// <exception cref="ArgumentException">
    /// An id is null or repeated, a purchase list is null (the message names the index and the id), or ids cannot be ordered.
    /// </exception>
    public static LifecycleResult<TId> Classify<T, TId>(
        IEnumerable<T> customers,
        Func<T, TId> idSelector,
        Func<T, IEnumerable<DateTime>> purchaseDatesSelector,
        DateTime asOf,
        LifecycleOptions? options = null,
        IComparer<TId>? idComparer = null)
        where TId : notnull
    {
        Guard.NotNull(customers, nameof(customers));
        Guard.NotNull(idSelector, nameof(idSelector));
        Guard.NotNull(purchaseDatesSelector, nameof(purchaseDatesSelector));
        LifecycleOptions used = options ?? LifecycleOptions.Default;
        DateTime day = asOf.Date;
        var seen = new Dictionary<TId, int>();
        var ids = new List<TId>();
        var entries = new List<LifecycleCustomer<TId>>();
        int row = 0;
        foreach (T item in customers)
        {
            TId id = idSelector(item);
            if (id is null)
            {
                throw TierMigrationChecks.NullId(nameof(customers), row);
            }

            if (seen.TryGetValue(id, out int first))
            {
                throw new ArgumentException(
                    string.Format(CultureInfo.InvariantCulture, "Customer id '{0}' appears twice in {1}, at indices {2} and {3}; give each customer one record with all its purchase dates.", id, nameof(customers), first, row),
                    nameof(customers));
            }

            seen.Add(id, row);
            IEnumerable<DateTime>? dates = purchaseDatesSelector(item);
            if (dates is null)
            {
                throw new ArgumentException(
                    string.Format(CultureInfo.InvariantCulture, "The purchase dates of the record at index {0} of {1} (customer id '{2}') are null; pass an empty list for a prospect.", row, nameof(customers), id),
                    nameof(customers));
            }

            var days = new List<DateTime>();
            foreach (DateTime date in dates)
            {
                if (date.Date > day)
                {
                    throw new ArgumentOutOfRangeException(
                        nameof(customers),
                        date,
                        string.Format(CultureInfo.InvariantCulture, "The record at index {0} of {1} (customer id '{2}') has a purchase on {3:yyyy-MM-dd}, after the as-of date {4:yyyy-MM-dd}; drop later purchases or move the as-of date.", row, nameof(customers), id, date, day));
                }

                days.Add(date.Date);
            }

            ids.Add(id);
            entries.Add(Classify(id, Distinct(days), day, used));
            row++;
        }

        TId[] idArray = ids.ToArray();
        LifecycleCustomer<TId>[] entryArray = entries.ToArray();
        TierMigrationChecks.Sort(idArray, entryArray, idComparer);
        return new LifecycleResult<TId>(day, used, entryArray);
    }

    private static List<DateTime> Distinct(List<DateTime> days)
    {
        days.Sort();
        var distinct = new List<DateTime>(days.Count);
        foreach (DateTime d in days)
        {
            if (distinct.Count == 0 || distinct[distinct.Count - 1] != d)
            {
                distinct.Add(d);
            }
        }

        return distinct;
    }

    private static LifecycleCustomer<TId> Classify<TId>(TId id, List<DateTime> days, DateTime asOf, LifecycleOptions options)
    {
        int n = days.Count;
        if (n == 0)
        {
            return new LifecycleCustomer<TId>(id, LifecycleStatus.Prospect, 0, null, null, null, 0, null, LapseRuleKind.None);
        }

        LapseRule rule = options.LapseRule;
        double threshold;
        double? expected = null;
        LapseRuleKind kind;
        if (rule.Kind == LapseRuleKind.FixedDays)
        {
            threshold = rule.Days;
            kind = LapseRuleKind.FixedDays;
        }
        else if (n < rule.MinimumPurchases)
        {
            threshold = rule.FallbackDays;
            kind = LapseRuleKind.RhythmFallback;
        }
        else
        {
            var gaps = new int[n - 1];
            for (int i = 1; i < n; i++)
            {
                gaps[i - 1] = (days[i] - days[i - 1]).Days;
            }

            Array.Sort(gaps);
            int m = gaps.Length;
            double median = m % 2 == 1 ? gaps[m / 2] : (gaps[(m / 2) - 1] + (double)gaps[m / 2]) / 2;
            expected = median;
            threshold = rule.Multiple * median;
            kind = LapseRuleKind.Rhythm;
        }

        int sinceLast = (asOf - days[n - 1]).Days;
        int sinceFirst = (asOf - days[0]).Days;
        LifecycleStatus status;
        if (sinceLast > threshold)
        {
            status = LifecycleStatus.Lapsed;
        }
        else if (sinceFirst < options.NewWindowDays)
        {
            status = LifecycleStatus.New;
        }
        else if (WonBack(days, asOf, threshold, options.WonBackWindowDays))
        {
            status = LifecycleStatus.WonBack;
        }
        else if (sinceLast > options.AtRiskShare * threshold)
        {
            status = LifecycleStatus.AtRisk;
        }
        else
        {
            status = LifecycleStatus.Active;
        }

        return new LifecycleCustomer<TId>(id, status, n, days[0], days[n - 1], sinceLast, threshold, expected, kind);
    }

    private static bool WonBack(List<DateTime> days, DateTime asOf, double threshold, int windowDays)
    {
        for (int i = days.Count - 1; i >= 1 && (asOf - days[i]).Days < windowDays; i--)
        {
            if ((days[i] - days[i - 1]).Days > threshold)
            {
                return true;
            }
        }

        return false;
    }
}
