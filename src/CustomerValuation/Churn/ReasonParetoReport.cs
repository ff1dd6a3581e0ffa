using System.Collections.Generic;
using CustomerValuation.Abc;

namespace CustomerValuation.Churn;

/// <summary>A Pareto of lost-customer reasons by count and by lost value, with ABC classes and the untagged customers on a line of their own.</summary>
public sealed class ReasonParetoReport
{
    internal ReasonParetoReport(
        ReasonLevel level,
        AbcOptions options,
        int customerCount,
        int untaggedCount,
        long mentionCount,
        double? totalValue,
        double? taggedValue,
        double? untaggedValue,
        ReasonParetoLine[] byCount,
        ReasonParetoLine[] byValue)
    {
        Level = level;
        Options = options;
        CustomerCount = customerCount;
        UntaggedCount = untaggedCount;
        MentionCount = mentionCount;
        TotalValue = totalValue;
        TaggedValue = taggedValue;
        UntaggedValue = untaggedValue;
        ByCount = byCount;
        ByValue = byValue;
    }

    /// <summary>Gets the level the reasons are grouped at.</summary>
    public ReasonLevel Level { get; }

    /// <summary>Gets the ABC options used for the classes.</summary>
    public AbcOptions Options { get; }

    /// <summary>Gets the number of customers, tagged and untagged.</summary>
    public int CustomerCount { get; }

    /// <summary>Gets the number of customers with at least one reason.</summary>
    public int TaggedCount => CustomerCount - UntaggedCount;

    /// <summary>Gets the number of customers with no reason: reported here, never counted under a reason such as "other".</summary>
    public int UntaggedCount { get; }

    /// <summary>Gets UntaggedCount ÷ CustomerCount (0 for no customers).</summary>
    public double UntaggedShare => CustomerCount == 0 ? 0 : (double)UntaggedCount / CustomerCount;

    /// <summary>Gets the number of mentions: Σ over the lines of their counts (at least <see cref="TaggedCount"/>; more when customers have several reasons).</summary>
    public long MentionCount { get; }

    /// <summary>Gets a value indicating whether lost values were given.</summary>
    public bool HasValues => TotalValue is not null;

    /// <summary>Gets the lost value of all customers (compensated sum); <see langword="null"/> without lost values.</summary>
    public double? TotalValue { get; }

    /// <summary>Gets the lost value of the tagged customers, the denominator of the lines' value shares; <see langword="null"/> without lost values.</summary>
    public double? TaggedValue { get; }

    /// <summary>Gets the lost value of the untagged customers; <see langword="null"/> without lost values.</summary>
    public double? UntaggedValue { get; }

    /// <summary>Gets UntaggedValue ÷ TotalValue (0 when the total is 0); <see langword="null"/> without lost values.</summary>
    public double? UntaggedValueShare => TotalValue is { } total ? (total > 0 ? UntaggedValue!.Value / total : 0) : null;

    /// <summary>Gets one line per reason that at least one customer has, by count descending (ties in taxonomy order), classes by count.</summary>
    public IReadOnlyList<ReasonParetoLine> ByCount { get; }

    /// <summary>Gets the same lines by lost value descending (ties in taxonomy order), classes by value; empty without lost values.</summary>
    public IReadOnlyList<ReasonParetoLine> ByValue { get; }
}
