using System;
using System.Globalization;

namespace CustomerValuation.Churn;

/// <summary>
/// A rule of a <see cref="SignalRuleSet"/> is invalid: the exception names the rule (index and name), the condition
/// when the error is in one, the part that is wrong and what is wrong with it.
/// </summary>
/// <remarks>
/// The message has one format: <c>Rule {index} ('{name}')[, condition {j}], {part}: {problem}</c>, e.g.
/// <c>Rule 2 ('mark-up'), condition 0, field: unknown field 'markup'; the schema has: …</c>. A reader of a rules file can
/// build its own location (such as the JSON path <c>rules[2].conditions[0].field</c>) from <see cref="RuleIndex"/>,
/// <see cref="ConditionIndex"/> and <see cref="Part"/>, and use <see cref="Problem"/> for the text.
/// </remarks>
public sealed class SignalRuleException : ArgumentException
{
    /// <summary>Creates an exception with a default message and no location.</summary>
    public SignalRuleException()
        : this("A signal rule is invalid.")
    {
    }

    /// <summary>Creates an exception with a message and no location.</summary>
    /// <param name="message">The message.</param>
    public SignalRuleException(string? message)
        : this(message, null)
    {
    }

    /// <summary>Creates an exception with a message, an inner exception and no location.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The exception that caused this one.</param>
    public SignalRuleException(string? message, Exception? innerException)
        : base(message, innerException)
    {
        RuleIndex = -1;
        Problem = message ?? string.Empty;
    }

    internal SignalRuleException(string argument, int ruleIndex, string ruleName, int? conditionIndex, SignalRulePart part, SignalRuleError error, string problem)
        : base(Locate(ruleIndex, ruleName, conditionIndex, part) + problem, argument)
    {
        RuleIndex = ruleIndex;
        RuleName = ruleName;
        ConditionIndex = conditionIndex;
        Part = part;
        Error = error;
        Problem = problem;
    }

    /// <summary>Gets the zero-based index of the rule in the sequence given to the set; -1 when not known.</summary>
    public int RuleIndex { get; }

    /// <summary>Gets the rule's name as given (possibly empty); <see langword="null"/> when not known.</summary>
    public string? RuleName { get; }

    /// <summary>Gets the zero-based index of the condition within the rule, or <see langword="null"/> when the error is about the rule itself.</summary>
    public int? ConditionIndex { get; }

    /// <summary>Gets the part of the rule that is wrong.</summary>
    public SignalRulePart Part { get; }

    /// <summary>Gets what is wrong.</summary>
    public SignalRuleError Error { get; }

    /// <summary>Gets the description of the problem, without the location prefix.</summary>
    public string Problem { get; }

    /// <summary>Gets the lower-case name of a part as the message writes it: rule, name, reason code, confidence, conditions, field, comparison, threshold.</summary>
    /// <param name="part">The part.</param>
    /// <returns>The name.</returns>
    public static string PartName(SignalRulePart part) => part switch
    {
        SignalRulePart.Rule => "rule",
        SignalRulePart.Name => "name",
        SignalRulePart.ReasonCode => "reason code",
        SignalRulePart.Confidence => "confidence",
        SignalRulePart.Conditions => "conditions",
        SignalRulePart.Field => "field",
        SignalRulePart.Comparison => "comparison",
        SignalRulePart.Threshold => "threshold",
        _ => ((int)part).ToString(CultureInfo.InvariantCulture),
    };

    private static string Locate(int ruleIndex, string ruleName, int? conditionIndex, SignalRulePart part) =>
        conditionIndex is { } j
            ? string.Format(CultureInfo.InvariantCulture, "Rule {0} ('{1}'), condition {2}, {3}: ", ruleIndex, ruleName, j, PartName(part))
            : string.Format(CultureInfo.InvariantCulture, "Rule {0} ('{1}'), {2}: ", ruleIndex, ruleName, PartName(part));
}
