namespace CustomerValuation.Churn;

/// <summary>What is wrong with a rule, as reported by <see cref="SignalRuleException.Error"/>.</summary>
public enum SignalRuleError
{
    /// <summary>The name is empty or white space only.</summary>
    EmptyName = 0,

    /// <summary>An earlier rule of the set has the same name (ordinal).</summary>
    DuplicateName = 1,

    /// <summary>The reason code is not in the taxonomy.</summary>
    UnknownReasonCode = 2,

    /// <summary>The confidence is NaN or outside (0, 1].</summary>
    ConfidenceOutOfRange = 3,

    /// <summary>The rule has no condition.</summary>
    NoConditions = 4,

    /// <summary>A condition names a field the schema does not declare.</summary>
    UnknownField = 5,

    /// <summary>A condition's comparison is not a defined <see cref="SignalComparison"/> value.</summary>
    UndefinedComparison = 6,

    /// <summary>A condition's threshold has another type than its field (for example a text compared with a number field).</summary>
    TypeMismatch = 7,

    /// <summary>A condition's comparison is not allowed for its field's type (only Equal and NotEqual for Boolean and Text).</summary>
    ComparisonNotAllowed = 8,

    /// <summary>A condition's text threshold is not one of the field's declared categories.</summary>
    UnknownCategory = 9,

    /// <summary>The conditions can never all hold (an empty interval, the declared range included, or contradictory equalities).</summary>
    Unreachable = 10,

    /// <summary>An earlier rule has the same conditions (in any order) and the same reason code.</summary>
    DuplicateRule = 11,
}
