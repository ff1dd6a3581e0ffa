namespace CustomerValuation.Abc;

/// <summary>Totals of one class of an ABC analysis.</summary>
/// <param name="ClassIndex">0 for the best class; the last index is the non-positive class.</param>
/// <param name="Label">The class label.</param>
/// <param name="Count">Number of customers in the class.</param>
/// <param name="CountShare">Count ÷ number of all customers (the non-positive ones included), so the shares of all classes add up to 1.</param>
/// <param name="Value">Sum of the class's values (compensated summation).</param>
/// <param name="ValueShare">Value ÷ total positive value; 0 for the non-positive class, which takes no part in the shares.</param>
/// <param name="MinValue">Smallest value in the class, or <see langword="null"/> when the class is empty.</param>
/// <param name="MaxValue">Largest value in the class, or <see langword="null"/> when the class is empty.</param>
public sealed record AbcClassSummary(int ClassIndex, string Label, int Count, double CountShare, double Value, double ValueShare, double? MinValue, double? MaxValue)
{
    /// <summary>Gets the class label.</summary>
    /// <exception cref="System.ArgumentNullException">The label given to the constructor is null.</exception>
    public string Label { get; init; } = Label ?? throw new System.ArgumentNullException(nameof(Label));

    /// <summary>Gets a value indicating whether this is the class of customers with a zero or negative value.</summary>
    public bool IsNonPositiveClass { get; init; }
}
