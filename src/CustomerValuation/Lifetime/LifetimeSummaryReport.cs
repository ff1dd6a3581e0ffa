namespace CustomerValuation.Lifetime;

/// <summary>What happened to every transaction line of a lifetime summary (no line is dropped silently).</summary>
/// <param name="LinesRead">All lines given.</param>
/// <param name="LinesWithoutCustomer">Lines without a customer id (null, or empty / white-space text): removed.</param>
/// <param name="ReturnLines">Lines with a negative amount (returns, corrections): removed; they count neither as purchases nor as spend.</param>
/// <param name="LinesAfterPeriod">Lines dated after the holdout end (or after the calibration end when there is no holdout): removed.</param>
/// <param name="CalibrationLines">Purchase lines in the calibration period (zero amounts included: a free item is still a purchase).</param>
/// <param name="HoldoutLines">Purchase lines in the holdout period of customers who bought in the calibration period.</param>
/// <param name="HoldoutOnlyLines">Purchase lines in the holdout period of customers whose first purchase is after the calibration end: removed, as those customers are not in the summary.</param>
/// <param name="Customers">Customers with at least one calibration purchase: the rows of the summary.</param>
/// <param name="RepeatCustomers">Of these, customers with x &gt; 0.</param>
/// <param name="HoldoutOnlyCustomers">Customers whose first purchase is in the holdout period (not in the summary).</param>
public sealed record LifetimeSummaryReport(
    long LinesRead,
    long LinesWithoutCustomer,
    long ReturnLines,
    long LinesAfterPeriod,
    long CalibrationLines,
    long HoldoutLines,
    long HoldoutOnlyLines,
    int Customers,
    int RepeatCustomers,
    int HoldoutOnlyCustomers);
