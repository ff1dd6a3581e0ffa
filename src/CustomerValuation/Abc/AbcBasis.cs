namespace CustomerValuation.Abc;

/// <summary>What the cumulative share that places customers into classes is measured in.</summary>
public enum AbcBasis
{
    /// <summary>
    /// Share of the total value: a customer's cumulative share is the summed value of it and every
    /// customer ranked above it, divided by the total value of all customers with a positive value
    /// (SPEC W1: A while the cumulative value share reaches 80 %).
    /// </summary>
    ValueShare = 0,

    /// <summary>
    /// Share of the number of customers: a customer's cumulative share is its rank divided by the
    /// number of customers with a positive value (SPEC W2: A is the top 10 % of customers).
    /// </summary>
    CountShare = 1,
}
