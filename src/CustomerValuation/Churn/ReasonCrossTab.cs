using System.Collections.Generic;

namespace CustomerValuation.Churn;

/// <summary>Reasons by segment (for example by customer tier): a table of segments (rows) × reasons (columns) with an untagged column.</summary>
/// <typeparam name="TSegment">The segment type.</typeparam>
public sealed class ReasonCrossTab<TSegment>
{
    internal ReasonCrossTab(ReasonLevel level, ReasonDefinition[] reasons, ReasonSegmentRow<TSegment>[] rows, int[] columnCounts, double[]? columnValues, int customerCount, int untaggedCount, double? untaggedValue, double? totalValue)
    {
        Level = level;
        Reasons = reasons;
        Rows = rows;
        ColumnCounts = columnCounts;
        ColumnValues = columnValues;
        CustomerCount = customerCount;
        UntaggedCount = untaggedCount;
        UntaggedValue = untaggedValue;
        TotalValue = totalValue;
    }

    /// <summary>Gets the level the reasons are grouped at.</summary>
    public ReasonLevel Level { get; }

    /// <summary>Gets the columns: every reason (family or code) that at least one customer has, in taxonomy order.</summary>
    public IReadOnlyList<ReasonDefinition> Reasons { get; }

    /// <summary>Gets the rows, one per segment that has at least one customer, in segment order.</summary>
    public IReadOnlyList<ReasonSegmentRow<TSegment>> Rows { get; }

    /// <summary>Gets, per column, the number of customers with the reason over all segments.</summary>
    public IReadOnlyList<int> ColumnCounts { get; }

    /// <summary>Gets, per column, the lost value attributed to the reason over all segments; <see langword="null"/> without lost values.</summary>
    public IReadOnlyList<double>? ColumnValues { get; }

    /// <summary>Gets the number of customers over all segments.</summary>
    public int CustomerCount { get; }

    /// <summary>Gets the number of untagged customers over all segments (the untagged column's total).</summary>
    public int UntaggedCount { get; }

    /// <summary>Gets the lost value of the untagged customers; <see langword="null"/> without lost values.</summary>
    public double? UntaggedValue { get; }

    /// <summary>Gets the lost value of all customers; <see langword="null"/> without lost values.</summary>
    public double? TotalValue { get; }
}
