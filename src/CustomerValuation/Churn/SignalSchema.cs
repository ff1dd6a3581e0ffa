using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CustomerValuation.Internal;

namespace CustomerValuation.Churn;

/// <summary>The structured signals known about lost customers (SPEC §4): a validated, immutable list of typed fields that rules and records are checked against.</summary>
/// <remarks>Fields keep the order they were given in; names are unique and compared ordinally (case-sensitive).</remarks>
public sealed class SignalSchema : IReadOnlyList<SignalField>
{
    private readonly SignalField[] _fields;
    private readonly Dictionary<string, int> _indexByName;

    /// <summary>Creates a schema.</summary>
    /// <param name="fields">The fields; at least one, names unique.</param>
    /// <exception cref="ArgumentNullException"><paramref name="fields"/> or one of its items is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The sequence is empty, or a name appears twice.</exception>
    public SignalSchema(IEnumerable<SignalField> fields)
    {
        Guard.NotNull(fields, nameof(fields));
        var list = new List<SignalField>();
        _indexByName = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (SignalField? field in fields)
        {
            if (field is null)
            {
                throw new ArgumentNullException(nameof(fields), string.Format(CultureInfo.InvariantCulture, "Field {0} is null.", list.Count));
            }

            if (_indexByName.TryGetValue(field.Name, out int first))
            {
                throw new ArgumentException(
                    string.Format(CultureInfo.InvariantCulture, "Field name '{0}' appears twice, at fields {1} and {2}; names must be unique.", field.Name, first, list.Count),
                    nameof(fields));
            }

            _indexByName.Add(field.Name, list.Count);
            list.Add(field);
        }

        if (list.Count == 0)
        {
            throw new ArgumentException("The schema has no fields; declare at least one signal, e.g. SignalField.Number(\"price_gap_percent\").", nameof(fields));
        }

        _fields = list.ToArray();
    }

    /// <summary>Gets the number of fields.</summary>
    public int Count => _fields.Length;

    /// <summary>Gets the field at <paramref name="index"/>, in the order given.</summary>
    /// <param name="index">The zero-based index.</param>
    /// <returns>The field.</returns>
    public SignalField this[int index] => _fields[index];

    /// <summary>Gets the field named <paramref name="name"/>.</summary>
    /// <param name="name">The field name.</param>
    /// <returns>The field.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    /// <exception cref="KeyNotFoundException">No field has that name (the message lists the known fields).</exception>
    public SignalField this[string name] =>
        _indexByName.TryGetValue(Guard.NotNull(name, nameof(name)), out int index)
            ? _fields[index]
            : throw new KeyNotFoundException(string.Format(CultureInfo.InvariantCulture, "Unknown field '{0}'; the schema has: {1}.", name, FieldList()));

    /// <summary>Gets the index of the field named <paramref name="name"/>.</summary>
    /// <param name="name">The field name.</param>
    /// <returns>The zero-based index, or -1 when no field has that name.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    public int IndexOf(string name) => _indexByName.TryGetValue(Guard.NotNull(name, nameof(name)), out int index) ? index : -1;

    /// <summary>Tells whether a field is named <paramref name="name"/>.</summary>
    /// <param name="name">The field name.</param>
    /// <returns><see langword="true"/> when the schema declares the field.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    public bool Contains(string name) => IndexOf(name) >= 0;

    /// <summary>Creates an empty record of this schema, every value missing.</summary>
    /// <returns>The record.</returns>
    public SignalRecord CreateRecord() => new(this);

    /// <inheritdoc/>
    public IEnumerator<SignalField> GetEnumerator() => ((IEnumerable<SignalField>)_fields).GetEnumerator();

    /// <inheritdoc/>
    IEnumerator IEnumerable.GetEnumerator() => _fields.GetEnumerator();

    /// <inheritdoc/>
    public override string ToString() => string.Join(", ", _fields.Select(f => f.ToString()));

    /// <summary>The known fields with their types, for messages.</summary>
    internal string FieldList() => string.Join(", ", _fields.Select(f => f.Name + " (" + f.Type.ToString() + ")"));
}
