namespace CustomerValuation.Abc;

/// <summary>One customer's place in an ABC analysis of keyed records.</summary>
/// <typeparam name="TId">The customer id type.</typeparam>
/// <param name="Id">The customer id.</param>
/// <param name="Class">The class label (for example "A").</param>
/// <param name="ClassIndex">0 for the best class; <see cref="AbcOptions.NonPositiveClassIndex"/> for a zero or negative value.</param>
/// <param name="Rank">1 for the largest value; equal values are ranked by id, ascending.</param>
/// <param name="Value">The customer's value.</param>
/// <param name="Share">Value ÷ total positive value (on either basis); 0 for a non-positive value.</param>
/// <param name="CumulativeShare">
/// The value share of this customer and every customer ranked above it (on either basis; on the
/// count basis the class is decided by Rank ÷ number of positive customers); exactly 1 for the
/// last positive customer; for a non-positive value, 1 (or 0 when no value is positive).
/// </param>
public readonly record struct AbcCustomer<TId>(TId Id, string Class, int ClassIndex, int Rank, double Value, double Share, double CumulativeShare)
{
    /// <summary>Gets the class label (for example "A").</summary>
    /// <exception cref="System.ArgumentNullException">The label given to the constructor is null.</exception>
    public string Class { get; init; } = Class ?? throw new System.ArgumentNullException(nameof(Class));
}
