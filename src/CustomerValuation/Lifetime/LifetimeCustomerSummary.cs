using System;

namespace CustomerValuation.Lifetime;

/// <summary>
/// One customer's summary for the lifetime models (x, t_x, T and the mean repeat spend), in the
/// time unit of the summary set. These are not RFM's recency and frequency: t_x is counted from
/// the customer's first purchase, not back from an as-of date, and x leaves out the first purchase.
/// </summary>
/// <typeparam name="TId">The customer id type.</typeparam>
/// <param name="Id">The customer id.</param>
/// <param name="RepeatPurchases">x: the number of distinct purchase days in the calibration period after the first one (lines on the same day are one purchase).</param>
/// <param name="TimeToLastPurchase">t_x: time from the first purchase's date to the last purchase's date in the calibration period; 0 when x = 0.</param>
/// <param name="ObservedTime">T: time from the first purchase's date to the calibration end date.</param>
/// <param name="MeanRepeatSpend">The mean amount per repeat purchase (a purchase day's amounts added up), the first day's amount left out; 0 when x = 0.</param>
/// <param name="FirstPurchase">The date of the first purchase.</param>
/// <param name="HoldoutPurchases">Distinct purchase days in the holdout period; 0 without a holdout.</param>
/// <param name="HoldoutSpend">The sum of the amounts in the holdout period; 0 without a holdout.</param>
public readonly record struct LifetimeCustomerSummary<TId>(
    TId Id,
    int RepeatPurchases,
    double TimeToLastPurchase,
    double ObservedTime,
    double MeanRepeatSpend,
    DateTime FirstPurchase,
    int HoldoutPurchases,
    double HoldoutSpend);
