namespace CustomerValuation.Abc;

/// <summary>A point of the Pareto (ABC, Lorenz-type) curve: the top customers' share of customers and of value.</summary>
/// <param name="Rank">How many top customers the point covers (0 for the origin).</param>
/// <param name="CustomerShare">Rank ÷ number of positive customers (x axis).</param>
/// <param name="CumulativeValueShare">The value share of those customers (y axis).</param>
public readonly record struct ParetoPoint(int Rank, double CustomerShare, double CumulativeValueShare);
