namespace CustomerValuation.Churn;

/// <summary>The part of a <see cref="SignalRule"/> that a <see cref="SignalRuleException"/> is about; with the rule and condition indices it locates the error in a rules file.</summary>
public enum SignalRulePart
{
    /// <summary>The rule as a whole (for example a duplicate of an earlier rule).</summary>
    Rule = 0,

    /// <summary>The rule's name.</summary>
    Name = 1,

    /// <summary>The rule's reason code.</summary>
    ReasonCode = 2,

    /// <summary>The rule's confidence.</summary>
    Confidence = 3,

    /// <summary>The list of conditions (empty, or contradictory: <see cref="SignalRuleException.ConditionIndex"/> then names the condition at which it became so).</summary>
    Conditions = 4,

    /// <summary>A condition's field name.</summary>
    Field = 5,

    /// <summary>A condition's comparison.</summary>
    Comparison = 6,

    /// <summary>A condition's threshold.</summary>
    Threshold = 7,
}
