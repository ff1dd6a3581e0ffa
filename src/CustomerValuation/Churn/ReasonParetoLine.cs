namespace CustomerValuation.Churn;

/// <summary>One reason (family or code) in a <see cref="ReasonParetoReport"/>: its customers, its lost value, their shares and its ABC class.</summary>
/// <remarks>
/// With M the number of mentions (Σ over reasons of their customer counts), N the number of customers and V the lost
/// value of the tagged customers: CountShare = Count ÷ M, CustomerShare = Count ÷ N, ValueShare = Value ÷ V (0 when V = 0).
/// The cumulative shares add the shares of this line and every line above it in the list it belongs to.
/// </remarks>
public sealed class ReasonParetoLine
{
    internal ReasonParetoLine(int rank, ReasonDefinition reason, int count, double countShare, double customerShare, double? value, double? valueShare, double cumulativeCountShare, double? cumulativeValueShare, int classIndex, string classLabel)
    {
        Rank = rank;
        Reason = reason;
        Count = count;
        CountShare = countShare;
        CustomerShare = customerShare;
        Value = value;
        ValueShare = valueShare;
        CumulativeCountShare = cumulativeCountShare;
        CumulativeValueShare = cumulativeValueShare;
        ClassIndex = classIndex;
        ClassLabel = classLabel;
    }

    /// <summary>Gets the 1-based rank in the list (by count in <see cref="ReasonParetoReport.ByCount"/>, by value in <see cref="ReasonParetoReport.ByValue"/>; ties in taxonomy order).</summary>
    public int Rank { get; }

    /// <summary>Gets the reason: the family's definition at <see cref="ReasonLevel.Family"/>, the code's at <see cref="ReasonLevel.Code"/>.</summary>
    public ReasonDefinition Reason { get; }

    /// <summary>Gets the reason's code (the family code at <see cref="ReasonLevel.Family"/>).</summary>
    public string Code => Reason.Code;

    /// <summary>Gets the number of customers with this reason; a customer counts once per reason, however many tags or evidence it has for it.</summary>
    public int Count { get; }

    /// <summary>Gets Count ÷ the number of mentions, so that the count shares of all lines add up to 1.</summary>
    public double CountShare { get; }

    /// <summary>Gets Count ÷ the number of customers (untagged included): the share of customers that give this reason.</summary>
    public double CustomerShare { get; }

    /// <summary>Gets the lost value attributed to this reason (each customer's value split equally among its reasons); <see langword="null"/> when no lost values were given.</summary>
    public double? Value { get; }

    /// <summary>Gets Value ÷ the lost value of all tagged customers (0 when that is 0); <see langword="null"/> without lost values.</summary>
    public double? ValueShare { get; }

    /// <summary>Gets the count share of this line and all lines above it in its list.</summary>
    public double CumulativeCountShare { get; }

    /// <summary>Gets the value share of this line and all lines above it in its list; <see langword="null"/> without lost values.</summary>
    public double? CumulativeValueShare { get; }

    /// <summary>Gets the ABC class index of the line in its list (0 best; the options' non-positive index for a zero figure), from <see cref="Abc.AbcClassifier"/> on the per-reason counts or values.</summary>
    public int ClassIndex { get; }

    /// <summary>Gets the ABC class label, e.g. A, B, C.</summary>
    public string ClassLabel { get; }

    /// <inheritdoc/>
    public override string ToString() =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, "{0}. {1}: {2} customers, value {3}, class {4}", Rank, Code, Count, Value?.ToString("R", System.Globalization.CultureInfo.InvariantCulture) ?? "n/a", ClassLabel);
}
