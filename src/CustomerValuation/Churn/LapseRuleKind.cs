namespace CustomerValuation.Churn;

/// <summary>Which lapse rule gave a customer its threshold.</summary>
public enum LapseRuleKind
{
    /// <summary>No threshold: the customer is a prospect.</summary>
    None = 0,

    /// <summary>A fixed number of days (<see cref="LapseRule.FixedDays(int)"/>).</summary>
    FixedDays = 1,

    /// <summary>k × the median interval between the customer's own purchase days (<see cref="LapseRule.Rhythm(double, int, int)"/>).</summary>
    Rhythm = 2,

    /// <summary>The rhythm rule's fixed fallback, for a customer with fewer purchase days than the rule's minimum.</summary>
    RhythmFallback = 3,
}
