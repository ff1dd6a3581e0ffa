namespace CustomerValuation.Churn;

/// <summary>Whether a reason of a <see cref="ReasonTrendReport"/> occurs in both periods or in one only.</summary>
public enum ReasonTrendStatus
{
    /// <summary>Some customers gave the reason in both periods.</summary>
    Continuing = 0,

    /// <summary>No customer gave the reason in the previous period; some do in the current one.</summary>
    New = 1,

    /// <summary>Some customers gave the reason in the previous period; none do in the current one.</summary>
    Vanished = 2,
}
