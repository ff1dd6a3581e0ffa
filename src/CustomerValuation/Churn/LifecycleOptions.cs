using System;
using System.Globalization;

namespace CustomerValuation.Churn;

/// <summary>The windows and the lapse rule of lifecycle classification; validated at construction.</summary>
public sealed class LifecycleOptions
{
    /// <summary>Creates validated options.</summary>
    /// <param name="newWindowDays">A customer is new when its first purchase is fewer than this many days before the as-of date; at least 0.</param>
    /// <param name="lapseRule">The lapse rule; <see langword="null"/> for <see cref="LapseRule.Default"/> (a fixed 180 days).</param>
    /// <param name="atRiskShare">At risk when days since the last purchase exceed this share of the threshold; greater than 0 and at most 1.</param>
    /// <param name="wonBackWindowDays">A win-back purchase must be fewer than this many days before the as-of date; at least 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is outside its range.</exception>
    public LifecycleOptions(int newWindowDays = 90, LapseRule? lapseRule = null, double atRiskShare = 0.5, int wonBackWindowDays = 90)
    {
        if (newWindowDays < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(newWindowDays), newWindowDays, string.Format(CultureInfo.InvariantCulture, "The new-customer window is {0} days; it must be at least 0.", newWindowDays));
        }

        if (!(atRiskShare > 0 && atRiskShare <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(atRiskShare), atRiskShare, string.Format(CultureInfo.InvariantCulture, "The at-risk share is {0}; it must be greater than 0 and at most 1 (1 turns the at-risk status off).", atRiskShare.ToString("R", CultureInfo.InvariantCulture)));
        }

        if (wonBackWindowDays < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(wonBackWindowDays), wonBackWindowDays, string.Format(CultureInfo.InvariantCulture, "The win-back window is {0} days; it must be at least 0.", wonBackWindowDays));
        }

        NewWindowDays = newWindowDays;
        LapseRule = lapseRule ?? LapseRule.Default;
        AtRiskShare = atRiskShare;
        WonBackWindowDays = wonBackWindowDays;
    }

    /// <summary>Gets the default options.</summary>
    /// <value>New window 90 days, a fixed 180-day lapse rule, at-risk share 0.5, win-back window 90 days.</value>
    public static LifecycleOptions Default { get; } = new();

    /// <summary>Gets the new-customer window in days.</summary>
    /// <value>New when days since the first purchase &lt; this; 90 by default.</value>
    public int NewWindowDays { get; }

    /// <summary>Gets the lapse rule.</summary>
    /// <value><see cref="LapseRule.Default"/> (a fixed 180 days) by default.</value>
    public LapseRule LapseRule { get; }

    /// <summary>Gets the at-risk share of the lapse threshold.</summary>
    /// <value>At risk when share × threshold &lt; days since last purchase ≤ threshold; 0.5 by default.</value>
    public double AtRiskShare { get; }

    /// <summary>Gets the win-back window in days.</summary>
    /// <value>The purchase after a lapse-length gap must be fewer than this many days before the as-of date; 90 by default.</value>
    public int WonBackWindowDays { get; }
}
