namespace CustomerValuation.Churn;

/// <summary>One reason in a <see cref="ReasonTrendReport"/>: its customers and customer share in each period and the change.</summary>
public sealed class ReasonTrendLine
{
    internal ReasonTrendLine(ReasonDefinition reason, int previousCount, int currentCount, double previousShare, double currentShare)
    {
        Reason = reason;
        PreviousCount = previousCount;
        CurrentCount = currentCount;
        PreviousShare = previousShare;
        CurrentShare = currentShare;
    }

    /// <summary>Gets the reason (family or code, after the report's level).</summary>
    public ReasonDefinition Reason { get; }

    /// <summary>Gets the reason's code.</summary>
    public string Code => Reason.Code;

    /// <summary>Gets the number of customers with the reason in the previous period.</summary>
    public int PreviousCount { get; }

    /// <summary>Gets the number of customers with the reason in the current period.</summary>
    public int CurrentCount { get; }

    /// <summary>Gets PreviousCount ÷ the number of customers in the previous period (0 when it had none).</summary>
    public double PreviousShare { get; }

    /// <summary>Gets CurrentCount ÷ the number of customers in the current period (0 when it had none).</summary>
    public double CurrentShare { get; }

    /// <summary>Gets the change in share in percentage points: (CurrentShare − PreviousShare) × 100.</summary>
    public double ShareChangePoints => (CurrentShare - PreviousShare) * 100;

    /// <summary>Gets whether the reason is new, vanished or in both periods.</summary>
    public ReasonTrendStatus Status => PreviousCount == 0 ? ReasonTrendStatus.New : CurrentCount == 0 ? ReasonTrendStatus.Vanished : ReasonTrendStatus.Continuing;

    /// <inheritdoc/>
    public override string ToString() =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, "{0}: {1} → {2} ({3:+0.##;-0.##;0} pp, {4})", Code, PreviousCount, CurrentCount, ShareChangePoints, Status);
}
