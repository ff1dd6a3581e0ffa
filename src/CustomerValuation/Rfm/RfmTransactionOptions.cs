using System;
using CustomerValuation.Internal;

namespace CustomerValuation.Rfm;

/// <summary>What counts as one purchase for frequency.</summary>
public enum RfmFrequencyBasis
{
    /// <summary>Distinct order ids per customer (every line needs an order id).</summary>
    DistinctOrders = 0,

    /// <summary>Distinct calendar days with a purchase per customer (order ids, if any, are ignored for frequency).</summary>
    DistinctDays = 1,
}

/// <summary>What monetary measures.</summary>
public enum RfmMonetaryBasis
{
    /// <summary>The sum of the customer's counted amounts.</summary>
    Sum = 0,

    /// <summary>The sum divided by frequency: the mean per order (or per purchase day).</summary>
    MeanPerPurchase = 1,
}

/// <summary>What happens to lines whose amount is zero or negative (returns, corrections, free items).</summary>
public enum RfmNonPositivePolicy
{
    /// <summary>The line is removed and counted in <see cref="RfmAggregationReport.NonPositiveLinesExcluded"/>.</summary>
    Exclude = 0,

    /// <summary>
    /// The amount is added to the customer's total (netting returns against purchases), but the line
    /// is not a purchase: it does not count for frequency, recency or first purchase. Counted in
    /// <see cref="RfmAggregationReport.NonPositiveLinesNetted"/>.
    /// </summary>
    Net = 1,
}

/// <summary>What happens to lines dated after the as-of date.</summary>
public enum RfmFutureLinePolicy
{
    /// <summary>The line is removed and counted in <see cref="RfmAggregationReport.LinesAfterAsOf"/>.</summary>
    Exclude = 0,

    /// <summary>Strict: the first such line throws an <see cref="ArgumentOutOfRangeException"/> naming it.</summary>
    Reject = 1,
}

/// <summary>What happens to a line that exactly repeats an earlier one.</summary>
public enum RfmDuplicatePolicy
{
    /// <summary>Kept like any other line (real data repeats lines legitimately); not checked.</summary>
    Keep = 0,

    /// <summary>
    /// Removed and counted in <see cref="RfmAggregationReport.DuplicateLinesRemoved"/>. Two lines are
    /// duplicates when customer, timestamp, quantity, unit price (or amount), order id and line key are
    /// all equal. This policy keeps one entry per distinct line, so its memory grows with the lines.
    /// </summary>
    Remove = 1,
}

/// <summary>
/// Immutable, validated settings of the aggregation of transaction lines into RFM features: the
/// as-of date and one explicit policy for each kind of line that is not a plain purchase.
/// </summary>
/// <remarks>
/// The policies are applied to each line in this order, and the first that removes it is the one
/// counted: no customer id; dated after the as-of date; cancelled order (order id prefix);
/// non-positive amount; exact duplicate. Timestamps are read as wall-clock values: their
/// <see cref="DateTime.Kind"/> is ignored and nothing is converted between time zones.
/// </remarks>
public sealed class RfmTransactionOptions
{
    /// <summary>Creates aggregation options.</summary>
    /// <param name="asOf">The as-of date; only its date part is used. Lines on that day count (recency 0).</param>
    /// <param name="frequency">What counts as one purchase.</param>
    /// <param name="monetary">Sum, or mean per purchase.</param>
    /// <param name="nonPositiveAmounts">Exclude, or net against the customer's total.</param>
    /// <param name="futureLines">Exclude (counted), or reject (throw).</param>
    /// <param name="cancelledOrderPrefix">Lines whose order id starts with this text (ordinal) are cancellations and are removed; null or empty for none (Online Retail: <c>"C"</c>).</param>
    /// <param name="duplicates">Keep, or remove exact duplicate lines.</param>
    /// <exception cref="ArgumentOutOfRangeException">A policy is not a defined value.</exception>
    public RfmTransactionOptions(
        DateTime asOf,
        RfmFrequencyBasis frequency = RfmFrequencyBasis.DistinctOrders,
        RfmMonetaryBasis monetary = RfmMonetaryBasis.Sum,
        RfmNonPositivePolicy nonPositiveAmounts = RfmNonPositivePolicy.Exclude,
        RfmFutureLinePolicy futureLines = RfmFutureLinePolicy.Exclude,
        string? cancelledOrderPrefix = null,
        RfmDuplicatePolicy duplicates = RfmDuplicatePolicy.Keep)
    {
        AsOf = DateTime.SpecifyKind(asOf.Date, DateTimeKind.Unspecified);
        Frequency = Defined(frequency, (int)RfmFrequencyBasis.DistinctDays, nameof(frequency));
        Monetary = Defined(monetary, (int)RfmMonetaryBasis.MeanPerPurchase, nameof(monetary));
        NonPositiveAmounts = Defined(nonPositiveAmounts, (int)RfmNonPositivePolicy.Net, nameof(nonPositiveAmounts));
        FutureLines = Defined(futureLines, (int)RfmFutureLinePolicy.Reject, nameof(futureLines));
        Duplicates = Defined(duplicates, (int)RfmDuplicatePolicy.Remove, nameof(duplicates));
        CancelledOrderPrefix = string.IsNullOrEmpty(cancelledOrderPrefix) ? null : cancelledOrderPrefix;
    }

#if NET6_0_OR_GREATER
    /// <summary>Creates aggregation options with a <see cref="DateOnly"/> as-of date.</summary>
    /// <param name="asOf">The as-of date. Lines on that day count (recency 0).</param>
    /// <param name="frequency">What counts as one purchase.</param>
    /// <param name="monetary">Sum, or mean per purchase.</param>
    /// <param name="nonPositiveAmounts">Exclude, or net against the customer's total.</param>
    /// <param name="futureLines">Exclude (counted), or reject (throw).</param>
    /// <param name="cancelledOrderPrefix">Lines whose order id starts with this text (ordinal) are removed as cancellations; null or empty for none.</param>
    /// <param name="duplicates">Keep, or remove exact duplicate lines.</param>
    /// <exception cref="ArgumentOutOfRangeException">A policy is not a defined value.</exception>
    public RfmTransactionOptions(
        DateOnly asOf,
        RfmFrequencyBasis frequency = RfmFrequencyBasis.DistinctOrders,
        RfmMonetaryBasis monetary = RfmMonetaryBasis.Sum,
        RfmNonPositivePolicy nonPositiveAmounts = RfmNonPositivePolicy.Exclude,
        RfmFutureLinePolicy futureLines = RfmFutureLinePolicy.Exclude,
        string? cancelledOrderPrefix = null,
        RfmDuplicatePolicy duplicates = RfmDuplicatePolicy.Keep)
        : this(asOf.ToDateTime(TimeOnly.MinValue), frequency, monetary, nonPositiveAmounts, futureLines, cancelledOrderPrefix, duplicates)
    {
    }
#endif

    /// <summary>The as-of date (midnight, <see cref="DateTimeKind.Unspecified"/>).</summary>
    /// <value>The date given to the constructor.</value>
    public DateTime AsOf { get; }

    /// <summary>What counts as one purchase.</summary>
    /// <value><see cref="RfmFrequencyBasis.DistinctOrders"/> by default.</value>
    public RfmFrequencyBasis Frequency { get; }

    /// <summary>Sum, or mean per purchase.</summary>
    /// <value><see cref="RfmMonetaryBasis.Sum"/> by default.</value>
    public RfmMonetaryBasis Monetary { get; }

    /// <summary>What happens to lines with a zero or negative amount.</summary>
    /// <value><see cref="RfmNonPositivePolicy.Exclude"/> by default.</value>
    public RfmNonPositivePolicy NonPositiveAmounts { get; }

    /// <summary>What happens to lines dated after <see cref="AsOf"/>.</summary>
    /// <value><see cref="RfmFutureLinePolicy.Exclude"/> by default.</value>
    public RfmFutureLinePolicy FutureLines { get; }

    /// <summary>The order-id prefix of cancellations, or null for none.</summary>
    /// <value>null by default.</value>
    public string? CancelledOrderPrefix { get; }

    /// <summary>What happens to exact duplicate lines.</summary>
    /// <value><see cref="RfmDuplicatePolicy.Keep"/> by default.</value>
    public RfmDuplicatePolicy Duplicates { get; }

    private static T Defined<T>(T value, int highest, string parameterName)
        where T : struct, Enum
    {
        int raw = Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture);
        if (raw < 0 || raw > highest)
        {
            throw new ArgumentOutOfRangeException(parameterName, value, "Not a defined value of " + typeof(T).Name + ".");
        }

        return value;
    }
}

/// <summary>What an aggregation did with every line: how many each policy removed, and what was counted.</summary>
/// <param name="LinesRead">Every line given.</param>
/// <param name="LinesWithoutCustomer">Removed: no customer id (null, empty or white space).</param>
/// <param name="LinesAfterAsOf">Removed: dated after the as-of date.</param>
/// <param name="CancelledLines">Removed: order id starts with the cancellation prefix.</param>
/// <param name="NonPositiveLinesExcluded">Removed: amount (or quantity or unit price) zero or negative, under <see cref="RfmNonPositivePolicy.Exclude"/>.</param>
/// <param name="NonPositiveLinesNetted">Not removed but not purchases: non-positive amounts added to the customer's total under <see cref="RfmNonPositivePolicy.Net"/>.</param>
/// <param name="DuplicateLinesRemoved">Removed: exact repeats of an earlier line, under <see cref="RfmDuplicatePolicy.Remove"/>.</param>
/// <param name="PurchaseLines">Lines counted as purchases.</param>
/// <param name="Customers">Customers with at least one purchase line: the customers of the feature set.</param>
/// <param name="CustomersWithoutPurchase">Customer ids seen only on removed or netted lines; they are not in the feature set.</param>
/// <param name="TotalAmount">The sum of the amounts of the feature set's customers (purchases plus netted lines), exact in decimal.</param>
public sealed record RfmAggregationReport(
    long LinesRead,
    long LinesWithoutCustomer,
    long LinesAfterAsOf,
    long CancelledLines,
    long NonPositiveLinesExcluded,
    long NonPositiveLinesNetted,
    long DuplicateLinesRemoved,
    long PurchaseLines,
    int Customers,
    int CustomersWithoutPurchase,
    decimal TotalAmount)
{
    /// <summary>Lines removed by any policy: the sum of the five removal counts.</summary>
    public long LinesRemoved => LinesWithoutCustomer + LinesAfterAsOf + CancelledLines + NonPositiveLinesExcluded + DuplicateLinesRemoved;
}
