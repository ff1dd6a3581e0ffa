using System.Collections.Generic;
using System.Collections.ObjectModel;

namespace CustomerValuation.Abc;

/// <summary>The per-run figures of an ABC analysis: classes, totals and concentration.</summary>
public sealed class AbcSummary
{
    internal AbcSummary(AbcOptions options, int customerCount, int positiveCount, double totalValue, AbcClassSummary[] classes, double gini)
    {
        Options = options;
        CustomerCount = customerCount;
        PositiveCount = positiveCount;
        TotalValue = totalValue;
        Classes = new ReadOnlyCollection<AbcClassSummary>(classes);
        Gini = gini;
    }

    /// <summary>Gets the options the analysis ran with (for a computed ABC, the breakpoints it found).</summary>
    public AbcOptions Options { get; }

    /// <summary>Gets the number of customers analysed, the non-positive ones included.</summary>
    public int CustomerCount { get; }

    /// <summary>Gets the number of customers with a positive value, the ones that take part in the shares.</summary>
    public int PositiveCount { get; }

    /// <summary>Gets the number of customers with a zero or negative value.</summary>
    public int NonPositiveCount => CustomerCount - PositiveCount;

    /// <summary>Gets the total positive value (compensated summation): the denominator of every value share.</summary>
    public double TotalValue { get; }

    /// <summary>Gets one summary per class, best first, the non-positive class last (always present, possibly empty).</summary>
    public IReadOnlyList<AbcClassSummary> Classes { get; }

    /// <summary>
    /// Gets the Gini coefficient of the positive values: G = Σᵢ Σⱼ |xᵢ − xⱼ| ÷ (2 m² x̄), between 0
    /// (all equal) and (m − 1) ÷ m (one customer holds everything); 0 when m ≤ 1.
    /// </summary>
    public double Gini { get; }
}
