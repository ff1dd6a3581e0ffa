using System;
using System.Collections.Generic;
using System.Globalization;
using CustomerValuation.Internal;

namespace CustomerValuation.Churn;

/// <summary>The signal values of one customer, typed by a <see cref="SignalSchema"/>; a value not set is missing.</summary>
/// <remarks>
/// <para>
/// Each setter checks the value against its field: the type, a finite number within the declared range, a declared
/// category. A condition on a missing value does not hold, whatever its comparison (<see cref="SignalComparison.NotEqual"/>
/// included): a rule never fires on what is not known.
/// </para>
/// <para>
/// A record is mutable and reusable: <see cref="Clear"/> makes every value missing again in O(1). It is not thread-safe.
/// The sequence overload of <see cref="SignalRuleSet.Evaluate{T, TId}"/> reuses one record for all customers and names
/// the customer in every error a setter raises.
/// </para>
/// </remarks>
public sealed class SignalRecord
{
    private readonly double[] _numbers;
    private readonly string?[] _texts;
    private readonly int[] _stamps;
    private int _generation = 1;
    private object? _subjectId;
    private int _subjectIndex = -1;
    private string? _subjectSource;

    /// <summary>Creates a record with every value missing.</summary>
    /// <param name="schema">The schema the values follow.</param>
    /// <exception cref="ArgumentNullException"><paramref name="schema"/> is <see langword="null"/>.</exception>
    public SignalRecord(SignalSchema schema)
    {
        Schema = Guard.NotNull(schema, nameof(schema));
        _numbers = new double[schema.Count];
        _texts = new string?[schema.Count];
        _stamps = new int[schema.Count];
    }

    /// <summary>Gets the schema the values follow.</summary>
    public SignalSchema Schema { get; }

    /// <summary>Names the customer being filled in messages (set by the sequence evaluation); formatted only when a message is written.</summary>
    internal void SetSubject(object? id, int index, string? source)
    {
        _subjectId = id;
        _subjectIndex = index;
        _subjectSource = source;
    }

    /// <summary>Sets a number field.</summary>
    /// <param name="field">The field name.</param>
    /// <param name="value">A finite number within the field's declared range.</param>
    /// <returns>This record, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="field"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The schema has no such field, or the field is not a number field.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is NaN, infinite, or outside the declared range (the message names the field).</exception>
    public SignalRecord Set(string field, double value)
    {
        int index = FieldIndex(field, SignalType.Number, "a number");
        SignalField declared = Schema[index];
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            throw new ArgumentOutOfRangeException(
                nameof(value),
                value,
                string.Format(CultureInfo.InvariantCulture, "Field '{0}'{1} is {2}; a signal must be a finite number. Leave an unknown value missing (SetMissing) rather than NaN.", field, About(), SignalField.Format(value)));
        }

        if (!declared.InRange(value))
        {
            throw new ArgumentOutOfRangeException(
                nameof(value),
                value,
                string.Format(CultureInfo.InvariantCulture, "Field '{0}'{1} is {2}, outside its declared range {3}.", field, About(), SignalField.Format(value), declared.RangeText()));
        }

        _numbers[index] = value;
        _stamps[index] = _generation;
        return this;
    }

    /// <summary>Sets a yes/no field.</summary>
    /// <param name="field">The field name.</param>
    /// <param name="value">The flag.</param>
    /// <returns>This record, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="field"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The schema has no such field, or the field is not a yes/no field.</exception>
    public SignalRecord Set(string field, bool value)
    {
        int index = FieldIndex(field, SignalType.Boolean, "a yes/no flag");
        _numbers[index] = value ? 1 : 0;
        _stamps[index] = _generation;
        return this;
    }

    /// <summary>Sets a text field.</summary>
    /// <param name="field">The field name.</param>
    /// <param name="value">The text; one of the declared categories when the field declares them.</param>
    /// <returns>This record, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="field"/> or <paramref name="value"/> is <see langword="null"/> (use <see cref="SetMissing"/> for an unknown value).</exception>
    /// <exception cref="ArgumentException">The schema has no such field, the field is not a text field, or the text is not a declared category.</exception>
    public SignalRecord Set(string field, string value)
    {
        Guard.NotNull(value, nameof(value));
        int index = FieldIndex(field, SignalType.Text, "a text");
        SignalField declared = Schema[index];
        if (!declared.AllowsCategory(value))
        {
            throw new ArgumentException(
                string.Format(CultureInfo.InvariantCulture, "Field '{0}'{1} is '{2}', not one of its categories: {3}.", field, About(), value, string.Join(", ", declared.Categories!)),
                nameof(value));
        }

        _texts[index] = value;
        _stamps[index] = _generation;
        return this;
    }

    /// <summary>Sets a field from a typed value (for readers that parse values before they know the field).</summary>
    /// <param name="field">The field name.</param>
    /// <param name="value">The value; its type must be the field's.</param>
    /// <returns>This record, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="field"/> or <paramref name="value"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The schema has no such field, the types differ, or the text is not a declared category.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A number is outside the declared range.</exception>
    public SignalRecord Set(string field, SignalValue value)
    {
        Guard.NotNull(value, nameof(value));
        return value.Type switch
        {
            SignalType.Number => Set(field, value.NumberValue),
            SignalType.Boolean => Set(field, value.BooleanValue),
            _ => Set(field, value.TextValue),
        };
    }

    /// <summary>Makes a field's value missing.</summary>
    /// <param name="field">The field name.</param>
    /// <returns>This record, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="field"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The schema has no such field.</exception>
    public SignalRecord SetMissing(string field)
    {
        _stamps[FieldIndex(field, null, null)] = 0;
        return this;
    }

    /// <summary>Makes every value missing.</summary>
    /// <returns>This record, for chaining.</returns>
    public SignalRecord Clear()
    {
        if (_generation == int.MaxValue)
        {
            Array.Clear(_stamps, 0, _stamps.Length);
            _generation = 0;
        }

        _generation++;
        return this;
    }

    /// <summary>Tells whether a field has a value.</summary>
    /// <param name="field">The field name.</param>
    /// <returns><see langword="true"/> when the value was set since the last <see cref="Clear"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="field"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The schema has no such field.</exception>
    public bool IsSet(string field) => Has(FieldIndex(field, null, null));

    /// <summary>Gets a field's value.</summary>
    /// <param name="field">The field name.</param>
    /// <returns>The value, or <see langword="null"/> when it is missing.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="field"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The schema has no such field.</exception>
    public SignalValue? Get(string field)
    {
        int index = FieldIndex(field, null, null);
        return Has(index) ? ValueAt(index) : null;
    }

    /// <summary>Scratch for the evidence of one reason during evaluation (a record is used by one thread at a time).</summary>
    internal List<ReasonEvidence> EvidenceScratch { get; } = [];

    /// <summary>Scratch for the evidence detail text.</summary>
    internal System.Text.StringBuilder TextScratch { get; } = new();

    /// <summary>Scratch for the tags of one evaluation.</summary>
    internal List<ReasonTag> TagScratch { get; } = [];

    /// <summary>Tells whether the field at <paramref name="index"/> has a value.</summary>
    internal bool Has(int index) => _stamps[index] == _generation;

    /// <summary>The number (1/0 for a flag) at <paramref name="index"/>; only meaningful when <see cref="Has"/>.</summary>
    internal double NumberAt(int index) => _numbers[index];

    /// <summary>The text at <paramref name="index"/>; only meaningful when <see cref="Has"/>.</summary>
    internal string? TextAt(int index) => _texts[index];

    /// <summary>The value at <paramref name="index"/> (which must be set).</summary>
    internal SignalValue ValueAt(int index) => Schema[index].Type switch
    {
        SignalType.Number => SignalValue.Number(_numbers[index]),
        SignalType.Boolean => SignalValue.Boolean(_numbers[index] != 0),
        _ => SignalValue.Text(_texts[index]!),
    };

    private string About() =>
        _subjectSource is null
            ? string.Empty
            : string.Format(CultureInfo.InvariantCulture, " of customer '{0}' (index {1} of {2})", _subjectId, _subjectIndex, _subjectSource);

    private int FieldIndex(string field, SignalType? type, string? kind)
    {
        Guard.NotNull(field, nameof(field));
        int index = Schema.IndexOf(field);
        if (index < 0)
        {
            throw new ArgumentException(
                string.Format(CultureInfo.InvariantCulture, "Unknown field '{0}'{1}; the schema has: {2}.", field, About(), Schema.FieldList()),
                nameof(field));
        }

        if (type is { } expected && Schema[index].Type != expected)
        {
            throw new ArgumentException(
                string.Format(CultureInfo.InvariantCulture, "Field '{0}'{1} is of type {2}; it cannot take {3}.", field, About(), Schema[index].Type, kind),
                nameof(field));
        }

        return index;
    }
}
