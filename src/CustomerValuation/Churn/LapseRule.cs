using System;
using System.Globalization;

namespace CustomerValuation.Churn;

/// <summary>When a customer counts as lapsed: after a fixed number of days without purchase, or relative to its own purchase rhythm.</summary>
/// <remarks>
/// Fixed: threshold = <see cref="Days"/>. Rhythm: with the customer's distinct purchase days d₁ &lt; … &lt; d_n and
/// n ≥ <see cref="MinimumPurchases"/>, the expected interval m is the median of the n − 1 gaps d_(i+1) − d_i in days
/// (the mean of the two middle gaps when n − 1 is even) and threshold = <see cref="Multiple"/> × m; with fewer purchase
/// days the threshold is <see cref="FallbackDays"/>. A customer is lapsed when days since its last purchase &gt; threshold.
/// </remarks>
public sealed class LapseRule
{
    private LapseRule(LapseRuleKind kind, int days, double multiple, int minimumPurchases)
    {
        Kind = kind;
        Days = days;
        Multiple = multiple;
        MinimumPurchases = minimumPurchases;
    }

    /// <summary>Gets the default rule: a fixed 180 days.</summary>
    /// <value><see cref="FixedDays(int)"/> with 180 days.</value>
    public static LapseRule Default { get; } = new(LapseRuleKind.FixedDays, 180, 0, 0);

    /// <summary>Gets the kind of rule: <see cref="LapseRuleKind.FixedDays"/> or <see cref="LapseRuleKind.Rhythm"/>.</summary>
    /// <value>The kind given at construction.</value>
    public LapseRuleKind Kind { get; }

    /// <summary>Gets the fixed threshold in days, or for the rhythm rule the fallback threshold in days.</summary>
    /// <value>At least 1; 180 by default.</value>
    public int Days { get; }

    /// <summary>Gets the fallback threshold in days of the rhythm rule (equal to <see cref="Days"/>).</summary>
    /// <value>At least 1; 180 by default.</value>
    public int FallbackDays => Days;

    /// <summary>Gets the multiple k of the median interval (rhythm rule only; 0 for the fixed rule).</summary>
    /// <value>Finite and greater than 0; 3 by default.</value>
    public double Multiple { get; }

    /// <summary>Gets the fewest distinct purchase days for the rhythm rule to use the customer's own median (0 for the fixed rule).</summary>
    /// <value>At least 2; 3 by default.</value>
    public int MinimumPurchases { get; }

    /// <summary>A customer is lapsed when the days since its last purchase exceed <paramref name="days"/>.</summary>
    /// <param name="days">The threshold in days; at least 1.</param>
    /// <returns>The fixed rule.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="days"/> is less than 1.</exception>
    public static LapseRule FixedDays(int days)
    {
        if (days < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(days), days, string.Format(CultureInfo.InvariantCulture, "The lapse threshold is {0} days; it must be at least 1 day.", days));
        }

        return new LapseRule(LapseRuleKind.FixedDays, days, 0, 0);
    }

    /// <summary>A customer is lapsed when the days since its last purchase exceed <paramref name="multiple"/> × its median inter-purchase interval.</summary>
    /// <param name="multiple">The multiple k of the median interval; finite and greater than 0.</param>
    /// <param name="minimumPurchases">The fewest distinct purchase days to use the customer's own rhythm; at least 2.</param>
    /// <param name="fallbackDays">The fixed threshold in days for customers with fewer purchase days; at least 1.</param>
    /// <returns>The rhythm rule.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range.</exception>
    public static LapseRule Rhythm(double multiple = 3, int minimumPurchases = 3, int fallbackDays = 180)
    {
        if (double.IsNaN(multiple) || double.IsInfinity(multiple) || multiple <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(multiple), multiple, string.Format(CultureInfo.InvariantCulture, "The multiple is {0}; it must be a finite number greater than 0 (for example 3).", multiple.ToString("R", CultureInfo.InvariantCulture)));
        }

        if (minimumPurchases < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(minimumPurchases), minimumPurchases, string.Format(CultureInfo.InvariantCulture, "The minimum is {0} purchases; a median interval needs at least 2 purchase days.", minimumPurchases));
        }

        if (fallbackDays < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(fallbackDays), fallbackDays, string.Format(CultureInfo.InvariantCulture, "The fallback threshold is {0} days; it must be at least 1 day.", fallbackDays));
        }

        return new LapseRule(LapseRuleKind.Rhythm, fallbackDays, multiple, minimumPurchases);
    }
}
