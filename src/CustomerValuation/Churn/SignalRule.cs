using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CustomerValuation.Internal;

namespace CustomerValuation.Churn;

/// <summary>A rule over structured signals: when all its conditions hold for a customer, it fires its reason with its confidence.</summary>
/// <remarks>
/// A rule is a description: the constructors reject only <see langword="null"/>. Its name, reason code, confidence and
/// conditions are checked as a whole when a <see cref="SignalRuleSet"/> is built, against the schema and the taxonomy,
/// so that every error names the rule by index and name and the part that is wrong (<see cref="SignalRuleException"/>),
/// which is what a reader of a rules file needs to point at the faulty entry.
/// </remarks>
public sealed class SignalRule
{
    /// <summary>
    /// The confidence of a rule that does not state one: 1. A structured signal that meets a rule is taken at its word;
    /// give a lower confidence to rules that only suggest a reason, so that the noisy-OR of <see cref="ReasonTag"/> can
    /// tell one weak hint from several.
    /// </summary>
    public const double DefaultConfidence = 1.0;

    private readonly SignalCondition[] _conditions;

    /// <summary>Creates a rule with one or more conditions, all of which must hold (AND).</summary>
    /// <param name="name">The rule's name, unique in its set, e.g. <c>price gap over 10 %</c>; it names the evidence.</param>
    /// <param name="conditions">The conditions; at least one.</param>
    /// <param name="reasonCode">The code of the reason the rule fires, e.g. <c>price.real</c>.</param>
    /// <param name="confidence">The confidence the rule gives the reason, in (0, 1]; default <see cref="DefaultConfidence"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="name"/>, <paramref name="conditions"/>, one of its items or <paramref name="reasonCode"/> is <see langword="null"/>.</exception>
    public SignalRule(string name, IEnumerable<SignalCondition> conditions, string reasonCode, double confidence = DefaultConfidence)
    {
        Name = Guard.NotNull(name, nameof(name));
        Guard.NotNull(conditions, nameof(conditions));
        ReasonCode = Guard.NotNull(reasonCode, nameof(reasonCode));
        _conditions = conditions.ToArray();
        for (int i = 0; i < _conditions.Length; i++)
        {
            if (_conditions[i] is null)
            {
                throw new ArgumentNullException(nameof(conditions), string.Format(CultureInfo.InvariantCulture, "Rule '{0}': condition {1} is null.", name, i));
            }
        }

        Confidence = confidence;
    }

    /// <summary>Creates a rule with one condition.</summary>
    /// <param name="name">The rule's name, unique in its set.</param>
    /// <param name="condition">The condition.</param>
    /// <param name="reasonCode">The code of the reason the rule fires.</param>
    /// <param name="confidence">The confidence the rule gives the reason, in (0, 1]; default <see cref="DefaultConfidence"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="name"/>, <paramref name="condition"/> or <paramref name="reasonCode"/> is <see langword="null"/>.</exception>
    public SignalRule(string name, SignalCondition condition, string reasonCode, double confidence = DefaultConfidence)
        : this(name, new[] { Guard.NotNull(condition, nameof(condition)) }, reasonCode, confidence)
    {
    }

    /// <summary>Gets the rule's name.</summary>
    public string Name { get; }

    /// <summary>Gets the conditions, all of which must hold.</summary>
    public IReadOnlyList<SignalCondition> Conditions => Array.AsReadOnly(_conditions);

    /// <summary>Gets the code of the reason the rule fires.</summary>
    public string ReasonCode { get; }

    /// <summary>Gets the confidence the rule gives the reason.</summary>
    /// <value>In (0, 1] once the rule is in a <see cref="SignalRuleSet"/>; default <see cref="DefaultConfidence"/>.</value>
    public double Confidence { get; }

    /// <summary>The conditions without a copy, for the rule set.</summary>
    internal SignalCondition[] ConditionArray => _conditions;

    /// <summary>Writes the rule, e.g. <c>gap: price_gap_percent &gt; 10 → price.real (1)</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        Name + ": " + string.Join(" and ", _conditions.Select(c => c.ToString())) + " → " + ReasonCode + " (" + Confidence.ToString("0.###", CultureInfo.InvariantCulture) + ")";
}
