using System.Collections.Generic;

namespace CustomerValuation.Churn;

/// <summary>One segment (row) of a <see cref="ReasonCrossTab{TSegment}"/>: its customers per reason column and its untagged customers.</summary>
/// <typeparam name="TSegment">The segment type.</typeparam>
public sealed class ReasonSegmentRow<TSegment>
{
    internal ReasonSegmentRow(TSegment segment, int customerCount, int untaggedCount, int[] counts, double[]? values, double? untaggedValue, double? totalValue)
    {
        Segment = segment;
        CustomerCount = customerCount;
        UntaggedCount = untaggedCount;
        Counts = counts;
        var shares = new double[counts.Length];
        for (int c = 0; c < counts.Length; c++)
        {
            shares[c] = customerCount == 0 ? 0 : (double)counts[c] / customerCount;
        }

        CustomerShares = shares;
        Values = values;
        UntaggedValue = untaggedValue;
        TotalValue = totalValue;
    }

    /// <summary>Gets the segment.</summary>
    public TSegment Segment { get; }

    /// <summary>Gets the number of customers in the segment, tagged and untagged.</summary>
    public int CustomerCount { get; }

    /// <summary>Gets the number of customers in the segment with at least one reason.</summary>
    public int TaggedCount => CustomerCount - UntaggedCount;

    /// <summary>Gets the number of customers in the segment with no reason.</summary>
    public int UntaggedCount { get; }

    /// <summary>Gets, per column of <see cref="ReasonCrossTab{TSegment}.Reasons"/>, the number of the segment's customers with that reason (a customer counts once per reason).</summary>
    public IReadOnlyList<int> Counts { get; }

    /// <summary>Gets, per column, the count ÷ the segment's customer count: the share of the segment's customers that give the reason.</summary>
    public IReadOnlyList<double> CustomerShares { get; }

    /// <summary>Gets, per column, the lost value attributed to the reason (each customer's value split equally among its reasons); <see langword="null"/> without lost values.</summary>
    public IReadOnlyList<double>? Values { get; }

    /// <summary>Gets the lost value of the segment's untagged customers; <see langword="null"/> without lost values.</summary>
    public double? UntaggedValue { get; }

    /// <summary>Gets the lost value of all the segment's customers (= Σ <see cref="Values"/> + <see cref="UntaggedValue"/> up to rounding); <see langword="null"/> without lost values.</summary>
    public double? TotalValue { get; }
}
