namespace CustomerValuation.Abc;

/// <summary>One customer's place in an ABC analysis of a span or list of values.</summary>
/// <param name="Index">The customer's position in the input.</param>
/// <param name="Rank">1 for the largest value; ranks run 1 … n over all customers, non-positive ones last.</param>
/// <param name="ClassIndex">0 for the best class; <see cref="AbcOptions.NonPositiveClassIndex"/> for a zero or negative value.</param>
/// <param name="Value">The customer's value.</param>
/// <param name="Share">Value ÷ total positive value (on either basis); 0 for a non-positive value.</param>
/// <param name="CumulativeShare">
/// The value share of this customer and every customer ranked above it (on either basis; on the
/// count basis the class is decided by Rank ÷ number of positive customers); exactly 1 for the
/// last positive customer; for a non-positive value, 1 (or 0 when no value is positive).
/// </param>
public readonly record struct AbcEntry(int Index, int Rank, int ClassIndex, double Value, double Share, double CumulativeShare);
