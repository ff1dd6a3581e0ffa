namespace CustomerValuation.Churn;

/// <summary>How a <see cref="SignalCondition"/> compares a customer's signal value v with the threshold t.</summary>
/// <remarks>
/// Number fields allow every comparison; Boolean and Text fields allow <see cref="Equal"/> and
/// <see cref="NotEqual"/> only. <see cref="SignalCondition.TryParseComparison"/> reads the names and symbols
/// a rules file may use.
/// </remarks>
public enum SignalComparison
{
    /// <summary>v &lt; t (symbol <c>&lt;</c>).</summary>
    LessThan = 0,

    /// <summary>v ≤ t (symbol <c>&lt;=</c>).</summary>
    AtMost = 1,

    /// <summary>v = t (symbol <c>==</c>); text is compared ordinally.</summary>
    Equal = 2,

    /// <summary>v ≠ t (symbol <c>!=</c>); text is compared ordinally.</summary>
    NotEqual = 3,

    /// <summary>v ≥ t (symbol <c>&gt;=</c>).</summary>
    AtLeast = 4,

    /// <summary>v &gt; t (symbol <c>&gt;</c>).</summary>
    GreaterThan = 5,
}
