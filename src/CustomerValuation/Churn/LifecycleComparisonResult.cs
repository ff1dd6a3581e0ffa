using System.Collections.Generic;

namespace CustomerValuation.Churn;

/// <summary>Who lapsed and who was won back between two as-of dates, and the win-back rate.</summary>
/// <typeparam name="TId">The customer id type.</typeparam>
public sealed class LifecycleComparisonResult<TId>
{
    internal LifecycleComparisonResult(TId[] lapsedBetween, TId[] wonBackBetween, int lapsedAtEarlier)
    {
        LapsedBetween = lapsedBetween;
        WonBackBetween = wonBackBetween;
        LapsedAtEarlier = lapsedAtEarlier;
        WinBackRate = lapsedAtEarlier == 0 ? null : (double)wonBackBetween.Length / lapsedAtEarlier;
    }

    /// <summary>Gets the customers not lapsed at the earlier date and lapsed at the later date, in id order.</summary>
    public IReadOnlyList<TId> LapsedBetween { get; }

    /// <summary>Gets the customers lapsed at the earlier date with a purchase after it, in id order.</summary>
    public IReadOnlyList<TId> WonBackBetween { get; }

    /// <summary>Gets the number of customers lapsed at the earlier date.</summary>
    public int LapsedAtEarlier { get; }

    /// <summary>Gets won back between ÷ lapsed at the earlier date; <see langword="null"/> when none were lapsed (never NaN).</summary>
    public double? WinBackRate { get; }
}
