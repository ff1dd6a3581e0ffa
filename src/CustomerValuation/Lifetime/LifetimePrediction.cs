namespace CustomerValuation.Lifetime;

/// <summary>One customer's predictions.</summary>
/// <typeparam name="TId">The customer id type.</typeparam>
/// <param name="Id">The customer id.</param>
/// <param name="ProbabilityAlive">The probability that the customer is still alive at the calibration end.</param>
/// <param name="ExpectedPurchases">The expected purchases in the horizon after the calibration end.</param>
/// <param name="ExpectedMeanSpend">The expected spend per purchase (currency).</param>
/// <param name="LifetimeValue">The discounted expected spend over the horizon (currency; revenue, not margin: multiply by your margin).</param>
public readonly record struct LifetimePrediction<TId>(
    TId Id,
    double ProbabilityAlive,
    double ExpectedPurchases,
    double ExpectedMeanSpend,
    double LifetimeValue);
