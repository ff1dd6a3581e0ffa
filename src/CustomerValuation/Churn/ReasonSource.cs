namespace CustomerValuation.Churn;

/// <summary>What fired a reason.</summary>
public enum ReasonSource
{
    /// <summary>A rule over structured signals (a field compared with a threshold).</summary>
    Rule = 0,

    /// <summary>A dictionary phrase found in a free-text note.</summary>
    Phrase = 1,
}
