using System;
using System.Collections.Generic;
using System.Globalization;
using CustomerValuation.Internal;

namespace CustomerValuation.Churn;

/// <summary>One comparison in a <see cref="SignalRule"/>: a field's value compared with a threshold, e.g. <c>price_gap_percent &gt; 10</c>.</summary>
/// <remarks>
/// A condition is a description: the constructor rejects only <see langword="null"/>; the field name, the comparison and
/// the threshold's type are checked against the schema when a <see cref="SignalRuleSet"/> is built, so that every error
/// names the rule and condition it belongs to (<see cref="SignalRuleException"/>). A condition on a missing value does not hold.
/// </remarks>
public sealed class SignalCondition : IEquatable<SignalCondition>
{
    private static readonly string[] s_comparisonNames =
    [
        "LessThan", "lt", "<",
        "AtMost", "le", "<=",
        "Equal", "eq", "==", "=",
        "NotEqual", "ne", "!=", "<>",
        "AtLeast", "ge", ">=",
        "GreaterThan", "gt", ">",
    ];

    private static readonly SignalComparison[] s_comparisonOfName =
    [
        SignalComparison.LessThan, SignalComparison.LessThan, SignalComparison.LessThan,
        SignalComparison.AtMost, SignalComparison.AtMost, SignalComparison.AtMost,
        SignalComparison.Equal, SignalComparison.Equal, SignalComparison.Equal, SignalComparison.Equal,
        SignalComparison.NotEqual, SignalComparison.NotEqual, SignalComparison.NotEqual, SignalComparison.NotEqual,
        SignalComparison.AtLeast, SignalComparison.AtLeast, SignalComparison.AtLeast,
        SignalComparison.GreaterThan, SignalComparison.GreaterThan, SignalComparison.GreaterThan,
    ];

    /// <summary>Creates a condition with a typed threshold.</summary>
    /// <param name="field">The name of a field of the schema.</param>
    /// <param name="comparison">How the value is compared with the threshold.</param>
    /// <param name="threshold">The threshold; its type must match the field's.</param>
    /// <exception cref="ArgumentNullException"><paramref name="field"/> or <paramref name="threshold"/> is <see langword="null"/>.</exception>
    public SignalCondition(string field, SignalComparison comparison, SignalValue threshold)
    {
        Field = Guard.NotNull(field, nameof(field));
        Threshold = Guard.NotNull(threshold, nameof(threshold));
        Comparison = comparison;
    }

    /// <summary>Creates a condition on a number field.</summary>
    /// <param name="field">The name of a number field.</param>
    /// <param name="comparison">How the value is compared with the threshold.</param>
    /// <param name="threshold">The threshold, a finite number.</param>
    /// <exception cref="ArgumentNullException"><paramref name="field"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threshold"/> is NaN or infinite.</exception>
    public SignalCondition(string field, SignalComparison comparison, double threshold)
        : this(Guard.NotNull(field, nameof(field)), comparison, NumberThreshold(threshold))
    {
    }

    /// <summary>Creates a condition on a yes/no field.</summary>
    /// <param name="field">The name of a yes/no field.</param>
    /// <param name="comparison"><see cref="SignalComparison.Equal"/> or <see cref="SignalComparison.NotEqual"/>.</param>
    /// <param name="threshold">The flag compared with.</param>
    /// <exception cref="ArgumentNullException"><paramref name="field"/> is <see langword="null"/>.</exception>
    public SignalCondition(string field, SignalComparison comparison, bool threshold)
        : this(field, comparison, SignalValue.Boolean(threshold))
    {
    }

    /// <summary>Creates a condition on a text field.</summary>
    /// <param name="field">The name of a text field.</param>
    /// <param name="comparison"><see cref="SignalComparison.Equal"/> or <see cref="SignalComparison.NotEqual"/>.</param>
    /// <param name="threshold">The text compared with (ordinally).</param>
    /// <exception cref="ArgumentNullException"><paramref name="field"/> or <paramref name="threshold"/> is <see langword="null"/>.</exception>
    public SignalCondition(string field, SignalComparison comparison, string threshold)
        : this(field, comparison, SignalValue.Text(Guard.NotNull(threshold, nameof(threshold))))
    {
    }

    /// <summary>Gets the field name.</summary>
    public string Field { get; }

    /// <summary>Gets how the value is compared with the threshold.</summary>
    public SignalComparison Comparison { get; }

    /// <summary>Gets the threshold.</summary>
    public SignalValue Threshold { get; }

    /// <summary>Gets the spellings of comparisons that <see cref="TryParseComparison"/> accepts (names are matched ignoring case).</summary>
    /// <value>LessThan, lt, &lt;; AtMost, le, &lt;=; Equal, eq, ==, =; NotEqual, ne, !=, &lt;&gt;; AtLeast, ge, &gt;=; GreaterThan, gt, &gt;.</value>
    public static IReadOnlyList<string> ComparisonNames { get; } = Array.AsReadOnly(s_comparisonNames);

    /// <summary>Reads a comparison as a rules file may write it: an enum name or short name (ignoring case) or a symbol.</summary>
    /// <param name="text">The text, e.g. <c>GreaterThan</c>, <c>gt</c> or <c>&gt;</c>.</param>
    /// <param name="comparison">The comparison, or <see cref="SignalComparison.LessThan"/> when the text is not recognised.</param>
    /// <returns><see langword="true"/> when <paramref name="text"/> is one of <see cref="ComparisonNames"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    public static bool TryParseComparison(string text, out SignalComparison comparison)
    {
        Guard.NotNull(text, nameof(text));
        for (int i = 0; i < s_comparisonNames.Length; i++)
        {
            if (string.Equals(s_comparisonNames[i], text, StringComparison.OrdinalIgnoreCase))
            {
                comparison = s_comparisonOfName[i];
                return true;
            }
        }

        comparison = SignalComparison.LessThan;
        return false;
    }

    /// <summary>Gets the symbol of a comparison as written in evidence: <c>&lt;</c>, <c>&lt;=</c>, <c>==</c>, <c>!=</c>, <c>&gt;=</c> or <c>&gt;</c>.</summary>
    /// <param name="comparison">The comparison.</param>
    /// <returns>The symbol.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="comparison"/> is not a defined value.</exception>
    public static string SymbolOf(SignalComparison comparison) => comparison switch
    {
        SignalComparison.LessThan => "<",
        SignalComparison.AtMost => "<=",
        SignalComparison.Equal => "==",
        SignalComparison.NotEqual => "!=",
        SignalComparison.AtLeast => ">=",
        SignalComparison.GreaterThan => ">",
        _ => throw new ArgumentOutOfRangeException(nameof(comparison), comparison, "Use a defined SignalComparison value."),
    };

    /// <inheritdoc/>
    public bool Equals(SignalCondition? other) =>
        other is not null && string.Equals(Field, other.Field, StringComparison.Ordinal) && Comparison == other.Comparison && Threshold.Equals(other.Threshold);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as SignalCondition);

    /// <inheritdoc/>
    public override int GetHashCode() => (StringComparer.Ordinal.GetHashCode(Field) * 31) ^ ((int)Comparison * 7) ^ Threshold.GetHashCode();

    /// <summary>Writes the condition, e.g. <c>price_gap_percent &gt; 10</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        Field + " " + (Comparison is >= SignalComparison.LessThan and <= SignalComparison.GreaterThan ? SymbolOf(Comparison) : "?" + ((int)Comparison).ToString(CultureInfo.InvariantCulture)) + " " + Threshold;

    private static SignalValue NumberThreshold(double threshold)
    {
        if (double.IsNaN(threshold) || double.IsInfinity(threshold))
        {
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, string.Format(CultureInfo.InvariantCulture, "The threshold is {0}; it must be a finite number.", SignalField.Format(threshold)));
        }

        return SignalValue.Number(threshold);
    }
}
