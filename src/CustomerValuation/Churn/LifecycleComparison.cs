using System;
using System.Collections.Generic;
using System.Globalization;
using CustomerValuation.Internal;

namespace CustomerValuation.Churn;

/// <summary>Compares two lifecycle classifications at an earlier and a later as-of date (SPEC §4: win-back rate).</summary>
/// <remarks>
/// Lapsed between: not <see cref="LifecycleStatus.Lapsed"/> at the earlier date and Lapsed at the later one. Won back
/// between: Lapsed at the earlier date and a last purchase after the earlier as-of date (whatever its later status).
/// Win-back rate = won back between ÷ lapsed at the earlier date, <see langword="null"/> when no one was lapsed.
/// An id only in the later classification (a customer that appeared since) counts as not lapsed at the earlier date.
/// </remarks>
public static class LifecycleComparison
{
    /// <summary>Compares two classifications of the same customers.</summary>
    /// <typeparam name="TId">The customer id type.</typeparam>
    /// <param name="earlier">The classification at the earlier as-of date.</param>
    /// <param name="later">The classification at the later as-of date; it holds every id of <paramref name="earlier"/>.</param>
    /// <returns>The lapsed and won-back ids in the order of <paramref name="later"/>, and the win-back rate.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">
    /// The later as-of date is not after the earlier one, or an id of <paramref name="earlier"/> is missing from <paramref name="later"/> (the message names it).
    /// </exception>
    public static LifecycleComparisonResult<TId> Compare<TId>(LifecycleResult<TId> earlier, LifecycleResult<TId> later)
        where TId : notnull
    {
        Guard.NotNull(earlier, nameof(earlier));
        Guard.NotNull(later, nameof(later));
        if (!(later.AsOf > earlier.AsOf))
        {
            throw new ArgumentException(
                string.Format(CultureInfo.InvariantCulture, "The later as-of date {0:yyyy-MM-dd} is not after the earlier one {1:yyyy-MM-dd}; swap the arguments or pick another date.", later.AsOf, earlier.AsOf),
                nameof(later));
        }

        var before = new Dictionary<TId, LifecycleCustomer<TId>>();
        foreach (LifecycleCustomer<TId> c in earlier.Customers)
        {
            before.Add(c.Id, c);
        }

        var lapsed = new List<TId>();
        var wonBack = new List<TId>();
        int lapsedAtEarlier = 0;
        int matched = 0;
        foreach (LifecycleCustomer<TId> now in later.Customers)
        {
            bool wasLapsed = false;
            if (before.TryGetValue(now.Id, out LifecycleCustomer<TId> then))
            {
                matched++;
                wasLapsed = then.Status == LifecycleStatus.Lapsed;
            }

            if (wasLapsed)
            {
                lapsedAtEarlier++;
                if (now.LastPurchase is DateTime last && last > earlier.AsOf)
                {
                    wonBack.Add(now.Id);
                }
            }
            else if (now.Status == LifecycleStatus.Lapsed)
            {
                lapsed.Add(now.Id);
            }
        }

        if (matched != before.Count)
        {
            var present = new HashSet<TId>();
            foreach (LifecycleCustomer<TId> now in later.Customers)
            {
                present.Add(now.Id);
            }

            foreach (TId id in before.Keys)
            {
                if (!present.Contains(id))
                {
                    throw new ArgumentException(
                        string.Format(CultureInfo.InvariantCulture, "Customer id '{0}' is in the earlier classification but not in the later one; classify the same customers (with all purchases up to each date) at both dates.", id),
                        nameof(later));
                }
            }
        }

        return new LifecycleComparisonResult<TId>(lapsed.ToArray(), wonBack.ToArray(), lapsedAtEarlier);
    }
}
