using System;

namespace CustomerValuation.Churn;

/// <summary>One customer's lifecycle status at the as-of date, with the evidence behind it.</summary>
/// <typeparam name="TId">The customer id type.</typeparam>
/// <param name="Id">The customer id.</param>
/// <param name="Status">The lifecycle status.</param>
/// <param name="PurchaseDays">The number of distinct purchase days on or before the as-of date.</param>
/// <param name="FirstPurchase">The first purchase day; <see langword="null"/> for a prospect.</param>
/// <param name="LastPurchase">The last purchase day; <see langword="null"/> for a prospect.</param>
/// <param name="DaysSinceLastPurchase">Whole days from the last purchase day to the as-of date; <see langword="null"/> for a prospect.</param>
/// <param name="ThresholdDays">The lapse threshold in days used for this customer; 0 for a prospect.</param>
/// <param name="ExpectedIntervalDays">The median inter-purchase interval in days (rhythm rule); <see langword="null"/> when the fixed rule or the fallback applied.</param>
/// <param name="Rule">Which rule gave the threshold.</param>
public readonly record struct LifecycleCustomer<TId>(
    TId Id,
    LifecycleStatus Status,
    int PurchaseDays,
    DateTime? FirstPurchase,
    DateTime? LastPurchase,
    int? DaysSinceLastPurchase,
    double ThresholdDays,
    double? ExpectedIntervalDays,
    LapseRuleKind Rule);
