namespace CustomerValuation.Lifetime;

/// <summary>
/// A fitted model of repeat purchases and dropout (<see cref="BgNbdModel"/>, <see cref="ParetoNbdModel"/>):
/// probability alive and expected purchases per customer, every time in <see cref="Unit"/>.
/// </summary>
public interface IRepeatPurchaseModel
{
    /// <summary>The time unit of the model's parameters and of every time given to it.</summary>
    LifetimeTimeUnit Unit { get; }

    /// <summary>The probability that a customer with this history is still alive (has not dropped out) at T.</summary>
    /// <param name="repeatPurchases">x.</param>
    /// <param name="timeToLastPurchase">t_x, in <see cref="Unit"/>.</param>
    /// <param name="observedTime">T, in <see cref="Unit"/>.</param>
    /// <returns>A probability in [0, 1].</returns>
    double ProbabilityAlive(int repeatPurchases, double timeToLastPurchase, double observedTime);

    /// <summary>The expected number of purchases in (T, T + horizon] of a customer with this history.</summary>
    /// <param name="repeatPurchases">x.</param>
    /// <param name="timeToLastPurchase">t_x, in <see cref="Unit"/>.</param>
    /// <param name="observedTime">T, in <see cref="Unit"/>.</param>
    /// <param name="horizon">The length of the forecast period, in <see cref="Unit"/>.</param>
    /// <returns>The expected purchases (0 or more, non-decreasing in the horizon).</returns>
    double ExpectedPurchases(int repeatPurchases, double timeToLastPurchase, double observedTime, double horizon);

    /// <summary>The expected number of repeat purchases in (0, horizon] of a new customer (one who made the first purchase at 0).</summary>
    /// <param name="horizon">The length of the period, in <see cref="Unit"/>.</param>
    /// <returns>The expected purchases.</returns>
    double ExpectedPurchasesOfNewCustomer(double horizon);
}
