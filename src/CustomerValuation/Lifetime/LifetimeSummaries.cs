using System;
using System.Collections.Generic;
using CustomerValuation.Internal;

namespace CustomerValuation.Lifetime;

/// <summary>
/// Turns transaction lines into the per-customer summaries of the lifetime models: x (repeat
/// purchase days), t_x (time of the last purchase since the first), T (time from the first purchase
/// to the calibration end), the mean repeat spend, and holdout counts.
/// </summary>
/// <remarks>
/// <para>
/// Lines on the same calendar day of one customer are one purchase (their amounts add up), as in
/// the published CDNOW fits (Fader, Hardie &amp; Lee 2005). x counts the purchase days of the
/// calibration period after the first; t_x = (last purchase date − first purchase date) ÷ unit;
/// T = (calibration end date − first purchase date) ÷ unit; mean repeat spend = (calibration amounts −
/// the first day's amounts) ÷ x.
/// </para>
/// <para>
/// Every line is accounted for in <see cref="LifetimeSummaryReport"/>: lines without a customer,
/// negative amounts (returns) and lines after the period are removed and counted; zero amounts are
/// purchases. Customers whose first purchase is in the holdout period are not summarized (counted).
/// Amounts are added in <see cref="decimal"/>, exactly; the mean is then rounded to <see cref="double"/>.
/// Memory grows with the customers and their distinct purchase days.
/// </para>
/// </remarks>
public static class LifetimeSummaries
{
    /// <summary>Summarizes transaction lines given with selectors.</summary>
    /// <typeparam name="TLine">The line type.</typeparam>
    /// <typeparam name="TId">The customer id type.</typeparam>
    /// <param name="lines">The lines, in any order.</param>
    /// <param name="customerId">The customer of a line; null (or empty text) means unknown.</param>
    /// <param name="timestamp">When the line was booked (only the date is used).</param>
    /// <param name="amount">The line's amount; negative amounts are returns and are removed.</param>
    /// <param name="options">The calibration end, unit and holdout end.</param>
    /// <param name="comparer">Equality of customer ids; null for the default.</param>
    /// <returns>One summary per customer with a calibration purchase, in id order, and the report.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A customer's total goes beyond the range of decimal (the message names the line).</exception>
    public static LifetimeSummarySet<TId> Summarize<TLine, TId>(
        IEnumerable<TLine> lines,
        Func<TLine, TId?> customerId,
        Func<TLine, DateTime> timestamp,
        Func<TLine, decimal> amount,
        LifetimeSummaryOptions options,
        IEqualityComparer<TId>? comparer = null)
        where TId : notnull
    {
        Guard.NotNull(lines, nameof(lines));
        Guard.NotNull(customerId, nameof(customerId));
        Guard.NotNull(timestamp, nameof(timestamp));
        Guard.NotNull(amount, nameof(amount));
        Guard.NotNull(options, nameof(options));
        var builder = new LifetimeSummaryBuilder<TId>(options, comparer);
        foreach (TLine line in lines)
        {
            builder.Add(customerId(line), timestamp(line), amount(line));
        }

        return builder.Build();
    }

    /// <summary>Summarizes transaction lines given with selectors, with <see cref="double"/> amounts.</summary>
    /// <typeparam name="TLine">The line type.</typeparam>
    /// <typeparam name="TId">The customer id type.</typeparam>
    /// <param name="lines">The lines, in any order.</param>
    /// <param name="customerId">The customer of a line; null (or empty text) means unknown.</param>
    /// <param name="timestamp">When the line was booked (only the date is used).</param>
    /// <param name="amount">The line's amount; negative amounts are returns and are removed.</param>
    /// <param name="options">The calibration end, unit and holdout end.</param>
    /// <param name="comparer">Equality of customer ids; null for the default.</param>
    /// <returns>One summary per customer with a calibration purchase, in id order, and the report.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An amount is NaN, infinite or beyond the range of decimal, or a customer's total goes beyond it (the message names the line).</exception>
    public static LifetimeSummarySet<TId> Summarize<TLine, TId>(
        IEnumerable<TLine> lines,
        Func<TLine, TId?> customerId,
        Func<TLine, DateTime> timestamp,
        Func<TLine, double> amount,
        LifetimeSummaryOptions options,
        IEqualityComparer<TId>? comparer = null)
        where TId : notnull
    {
        Guard.NotNull(lines, nameof(lines));
        Guard.NotNull(customerId, nameof(customerId));
        Guard.NotNull(timestamp, nameof(timestamp));
        Guard.NotNull(amount, nameof(amount));
        Guard.NotNull(options, nameof(options));
        var builder = new LifetimeSummaryBuilder<TId>(options, comparer);
        foreach (TLine line in lines)
        {
            builder.AddDouble(customerId(line), timestamp(line), amount(line), nameof(amount));
        }

        return builder.Build();
    }

    /// <summary>Summarizes transaction lines given as columns.</summary>
    /// <typeparam name="TId">The customer id type.</typeparam>
    /// <param name="customerIds">The customer of each line; null (or empty text) means unknown.</param>
    /// <param name="timestamps">When each line was booked (only the date is used).</param>
    /// <param name="amounts">Each line's amount; negative amounts are returns and are removed.</param>
    /// <param name="options">The calibration end, unit and holdout end.</param>
    /// <param name="comparer">Equality of customer ids; null for the default.</param>
    /// <returns>One summary per customer with a calibration purchase, in id order, and the report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">The columns have different lengths.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A customer's total goes beyond the range of decimal (the message names the line).</exception>
    public static LifetimeSummarySet<TId> Summarize<TId>(
        ReadOnlySpan<TId?> customerIds,
        ReadOnlySpan<DateTime> timestamps,
        ReadOnlySpan<decimal> amounts,
        LifetimeSummaryOptions options,
        IEqualityComparer<TId>? comparer = null)
        where TId : notnull
    {
        Guard.NotNull(options, nameof(options));
        SameLength(customerIds.Length, timestamps.Length, nameof(timestamps));
        SameLength(customerIds.Length, amounts.Length, nameof(amounts));
        var builder = new LifetimeSummaryBuilder<TId>(options, comparer);
        for (int i = 0; i < customerIds.Length; i++)
        {
            builder.Add(customerIds[i], timestamps[i], amounts[i]);
        }

        return builder.Build();
    }

    /// <summary>Summarizes transaction lines given as columns, with <see cref="double"/> amounts.</summary>
    /// <typeparam name="TId">The customer id type.</typeparam>
    /// <param name="customerIds">The customer of each line; null (or empty text) means unknown.</param>
    /// <param name="timestamps">When each line was booked (only the date is used).</param>
    /// <param name="amounts">Each line's amount; negative amounts are returns and are removed.</param>
    /// <param name="options">The calibration end, unit and holdout end.</param>
    /// <param name="comparer">Equality of customer ids; null for the default.</param>
    /// <returns>One summary per customer with a calibration purchase, in id order, and the report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">The columns have different lengths.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An amount is NaN, infinite or beyond the range of decimal, or a customer's total goes beyond it (the message names the line).</exception>
    public static LifetimeSummarySet<TId> Summarize<TId>(
        ReadOnlySpan<TId?> customerIds,
        ReadOnlySpan<DateTime> timestamps,
        ReadOnlySpan<double> amounts,
        LifetimeSummaryOptions options,
        IEqualityComparer<TId>? comparer = null)
        where TId : notnull
    {
        Guard.NotNull(options, nameof(options));
        SameLength(customerIds.Length, timestamps.Length, nameof(timestamps));
        SameLength(customerIds.Length, amounts.Length, nameof(amounts));
        var builder = new LifetimeSummaryBuilder<TId>(options, comparer);
        for (int i = 0; i < customerIds.Length; i++)
        {
            builder.AddDouble(customerIds[i], timestamps[i], amounts[i], nameof(amounts));
        }

        return builder.Build();
    }

    private static void SameLength(int expected, int actual, string parameterName)
    {
        if (expected != actual)
        {
            throw new ArgumentException(
                string.Format(System.Globalization.CultureInfo.InvariantCulture, "{0} has {1} values but customerIds has {2}; every column must have one value per line.", parameterName, actual, expected),
                parameterName);
        }
    }
}
