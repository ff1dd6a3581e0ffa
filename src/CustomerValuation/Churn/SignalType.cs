namespace CustomerValuation.Churn;

/// <summary>The type of a structured signal declared in a <see cref="SignalSchema"/>.</summary>
public enum SignalType
{
    /// <summary>A finite number (<see cref="double"/>), e.g. the price gap to the competitor in percent; compared with any <see cref="SignalComparison"/>.</summary>
    Number = 0,

    /// <summary>A yes/no flag, e.g. whether a complaint is unresolved; compared with <see cref="SignalComparison.Equal"/> or <see cref="SignalComparison.NotEqual"/> only.</summary>
    Boolean = 1,

    /// <summary>A category written as text, e.g. the sales channel; compared ordinally (case-sensitive) with <see cref="SignalComparison.Equal"/> or <see cref="SignalComparison.NotEqual"/> only.</summary>
    Text = 2,
}
