using System;
using System.Globalization;
using CustomerValuation.Internal;

namespace CustomerValuation.Churn;

/// <summary>A typed signal value: a finite number, a yes/no flag, or a text; the threshold of a <see cref="SignalCondition"/>.</summary>
/// <remarks>
/// A rules-file reader maps a JSON number to <see cref="Number"/>, <c>true</c>/<c>false</c> to <see cref="Boolean"/>
/// and a string to <see cref="Text"/>; the <see cref="SignalRuleSet"/> then checks the type against the field's.
/// Two values are equal when they have the same type and value (numbers by <c>==</c>, so 0 equals −0; text ordinally).
/// </remarks>
public sealed class SignalValue : IEquatable<SignalValue>
{
    private static readonly SignalValue s_true = new(SignalType.Boolean, 1, null);
    private static readonly SignalValue s_false = new(SignalType.Boolean, 0, null);

    private readonly double _number;
    private readonly string? _text;

    private SignalValue(SignalType type, double number, string? text)
    {
        Type = type;
        _number = number + 0.0; // −0 becomes +0, so equal values hash alike
        _text = text;
    }

    /// <summary>Gets the type of the value.</summary>
    public SignalType Type { get; }

    /// <summary>Gets the number of a <see cref="SignalType.Number"/> value.</summary>
    /// <exception cref="InvalidOperationException">The value is not a number.</exception>
    public double NumberValue => Type == SignalType.Number ? _number : throw WrongType(SignalType.Number);

    /// <summary>Gets the flag of a <see cref="SignalType.Boolean"/> value.</summary>
    /// <exception cref="InvalidOperationException">The value is not a yes/no flag.</exception>
    public bool BooleanValue => Type == SignalType.Boolean ? _number != 0 : throw WrongType(SignalType.Boolean);

    /// <summary>Gets the text of a <see cref="SignalType.Text"/> value.</summary>
    /// <exception cref="InvalidOperationException">The value is not a text.</exception>
    public string TextValue => Type == SignalType.Text ? _text! : throw WrongType(SignalType.Text);

    /// <summary>Creates a number value.</summary>
    /// <param name="value">A finite number.</param>
    /// <returns>The value.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is NaN or infinite.</exception>
    public static SignalValue Number(double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, string.Format(CultureInfo.InvariantCulture, "A signal threshold is {0}; it must be a finite number.", SignalField.Format(value)));
        }

        return new SignalValue(SignalType.Number, value, null);
    }

    /// <summary>Creates a yes/no value.</summary>
    /// <param name="value">The flag.</param>
    /// <returns>The value.</returns>
    public static SignalValue Boolean(bool value) => value ? s_true : s_false;

    /// <summary>Creates a text value.</summary>
    /// <param name="value">The text; compared ordinally (case-sensitive).</param>
    /// <returns>The value.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    public static SignalValue Text(string value) => new(SignalType.Text, 0, Guard.NotNull(value, nameof(value)));

    /// <summary>The number behind a number or yes/no value (1 for yes, 0 for no), for evaluation.</summary>
    internal double RawNumber => _number;

    /// <summary>The text of a text value, for evaluation.</summary>
    internal string? RawText => _text;

    /// <inheritdoc/>
    public bool Equals(SignalValue? other) =>
        other is not null && Type == other.Type && (Type == SignalType.Text ? string.Equals(_text, other._text, StringComparison.Ordinal) : _number == other._number);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as SignalValue);

    /// <inheritdoc/>
    public override int GetHashCode() => Type == SignalType.Text ? StringComparer.Ordinal.GetHashCode(_text!) : _number.GetHashCode() ^ (int)Type;

    /// <summary>Writes the value as it appears in evidence: a number in round-trip form, <c>true</c>/<c>false</c>, or text in single quotes.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Type switch
    {
        SignalType.Number => SignalField.Format(_number),
        SignalType.Boolean => _number != 0 ? "true" : "false",
        _ => "'" + _text + "'",
    };

    private InvalidOperationException WrongType(SignalType wanted) =>
        new(string.Format(CultureInfo.InvariantCulture, "The value {0} is of type {1}, not {2}.", this, Type, wanted));
}
