using System;
using System.Collections.Generic;
using System.Globalization;
using CustomerValuation.Internal;

namespace CustomerValuation.Churn;

/// <summary>One structured signal in a <see cref="SignalSchema"/>: its name, its type and, optionally, its valid range (numbers) or categories (text).</summary>
/// <remarks>
/// The declared range and categories serve twice: a <see cref="SignalRecord"/> rejects a value outside them,
/// and a <see cref="SignalRuleSet"/> rejects a rule that could only fire outside them (an unreachable rule).
/// Names are compared ordinally (case-sensitive).
/// </remarks>
public sealed class SignalField
{
    private readonly string[]? _categories;

    /// <summary>Creates a field.</summary>
    /// <param name="name">The field name, e.g. <c>price_gap_percent</c>; not empty, without leading or trailing white space.</param>
    /// <param name="type">The type of the field's values.</param>
    /// <param name="minimum">For a <see cref="SignalType.Number"/> field, the smallest valid value (inclusive); <see langword="null"/> for no lower bound. Must be null for other types.</param>
    /// <param name="maximum">For a <see cref="SignalType.Number"/> field, the largest valid value (inclusive); <see langword="null"/> for no upper bound. Must be null for other types.</param>
    /// <param name="categories">For a <see cref="SignalType.Text"/> field, the valid values (ordinal, distinct, not empty); <see langword="null"/> for any text. Must be null for other types.</param>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="type"/> is not a defined value, or a bound is NaN or infinite.</exception>
    /// <exception cref="ArgumentException">
    /// The name is empty or has leading or trailing white space, <paramref name="minimum"/> is greater than <paramref name="maximum"/>,
    /// a range is given for a non-number field or categories for a non-text field, or a category is null, empty or repeated, or there is none.
    /// </exception>
    public SignalField(string name, SignalType type, double? minimum = null, double? maximum = null, IEnumerable<string>? categories = null)
    {
        Guard.NotNull(name, nameof(name));
        ValidateName(name, nameof(name));
        if (type is not SignalType.Number and not SignalType.Boolean and not SignalType.Text)
        {
            throw new ArgumentOutOfRangeException(nameof(type), type, string.Format(CultureInfo.InvariantCulture, "Field '{0}': the type must be Number, Boolean or Text.", name));
        }

        if (type != SignalType.Number && (minimum is not null || maximum is not null))
        {
            throw new ArgumentException(string.Format(CultureInfo.InvariantCulture, "Field '{0}' is of type {1}; only Number fields take a valid range.", name, type), minimum is not null ? nameof(minimum) : nameof(maximum));
        }

        CheckBound(name, minimum, nameof(minimum));
        CheckBound(name, maximum, nameof(maximum));
        if (minimum is { } low && maximum is { } high && low > high)
        {
            throw new ArgumentException(
                string.Format(CultureInfo.InvariantCulture, "Field '{0}': the minimum {1} is greater than the maximum {2}; give minimum ≤ maximum.", name, Format(low), Format(high)),
                nameof(maximum));
        }

        if (categories is not null)
        {
            if (type != SignalType.Text)
            {
                throw new ArgumentException(string.Format(CultureInfo.InvariantCulture, "Field '{0}' is of type {1}; only Text fields take categories.", name, type), nameof(categories));
            }

            var list = new List<string>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (string? category in categories)
            {
                if (string.IsNullOrEmpty(category))
                {
                    throw new ArgumentException(string.Format(CultureInfo.InvariantCulture, "Field '{0}': category {1} is null or empty.", name, list.Count), nameof(categories));
                }

                if (!seen.Add(category))
                {
                    throw new ArgumentException(string.Format(CultureInfo.InvariantCulture, "Field '{0}': category '{1}' appears twice; categories must be distinct.", name, category), nameof(categories));
                }

                list.Add(category);
            }

            if (list.Count == 0)
            {
                throw new ArgumentException(string.Format(CultureInfo.InvariantCulture, "Field '{0}': the category list is empty; give the valid values, or null for any text.", name), nameof(categories));
            }

            _categories = list.ToArray();
        }

        Name = name;
        Type = type;
        Minimum = minimum;
        Maximum = maximum;
    }

    /// <summary>Gets the field name.</summary>
    public string Name { get; }

    /// <summary>Gets the type of the field's values.</summary>
    public SignalType Type { get; }

    /// <summary>Gets the smallest valid value of a number field (inclusive), or <see langword="null"/> when there is no lower bound.</summary>
    public double? Minimum { get; }

    /// <summary>Gets the largest valid value of a number field (inclusive), or <see langword="null"/> when there is no upper bound.</summary>
    public double? Maximum { get; }

    /// <summary>Gets the valid values of a text field, in the order given, or <see langword="null"/> when any text is valid.</summary>
    public IReadOnlyList<string>? Categories => _categories is null ? null : Array.AsReadOnly(_categories);

    /// <summary>Creates a number field.</summary>
    /// <param name="name">The field name.</param>
    /// <param name="minimum">The smallest valid value (inclusive), or <see langword="null"/> for none.</param>
    /// <param name="maximum">The largest valid value (inclusive), or <see langword="null"/> for none.</param>
    /// <returns>The field.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A bound is NaN or infinite.</exception>
    /// <exception cref="ArgumentException">The name is empty or padded with white space, or <paramref name="minimum"/> &gt; <paramref name="maximum"/>.</exception>
    public static SignalField Number(string name, double? minimum = null, double? maximum = null) => new(name, SignalType.Number, minimum, maximum);

    /// <summary>Creates a yes/no field.</summary>
    /// <param name="name">The field name.</param>
    /// <returns>The field.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The name is empty or padded with white space.</exception>
    public static SignalField Boolean(string name) => new(name, SignalType.Boolean);

    /// <summary>Creates a text (categorical) field.</summary>
    /// <param name="name">The field name.</param>
    /// <param name="categories">The valid values, or <see langword="null"/> for any text.</param>
    /// <returns>The field.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The name is empty or padded with white space, or a category is null, empty or repeated, or there is none.</exception>
    public static SignalField Text(string name, IEnumerable<string>? categories = null) => new(name, SignalType.Text, categories: categories);

    /// <inheritdoc/>
    public override string ToString() => Type switch
    {
        SignalType.Number when Minimum is not null || Maximum is not null =>
            string.Format(CultureInfo.InvariantCulture, "{0} (Number in [{1}, {2}])", Name, Minimum is { } low ? Format(low) : "-∞", Maximum is { } high ? Format(high) : "∞"),
        SignalType.Text when _categories is not null => string.Format(CultureInfo.InvariantCulture, "{0} (Text: {1})", Name, string.Join(", ", _categories)),
        _ => string.Format(CultureInfo.InvariantCulture, "{0} ({1})", Name, Type),
    };

    /// <summary>Tells whether a text value is one of the declared categories (always true when none are declared).</summary>
    internal bool AllowsCategory(string value) => _categories is null || Array.IndexOf(_categories, value) >= 0;

    /// <summary>Tells whether a number lies in the declared range.</summary>
    internal bool InRange(double value) => !(Minimum is { } low && value < low) && !(Maximum is { } high && value > high);

    /// <summary>Describes the declared range for messages.</summary>
    internal string RangeText() =>
        string.Format(CultureInfo.InvariantCulture, "[{0}, {1}]", Minimum is { } low ? Format(low) : "-∞", Maximum is { } high ? Format(high) : "∞");

    internal static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    internal static void ValidateName(string name, string parameterName)
    {
        if (name.Length == 0 || char.IsWhiteSpace(name[0]) || char.IsWhiteSpace(name[name.Length - 1]))
        {
            throw new ArgumentException(string.Format(CultureInfo.InvariantCulture, "Field name '{0}' is empty or starts or ends with white space; give a name such as 'price_gap_percent'.", name), parameterName);
        }
    }

    private static void CheckBound(string name, double? bound, string parameterName)
    {
        if (bound is { } b && (double.IsNaN(b) || double.IsInfinity(b)))
        {
            throw new ArgumentOutOfRangeException(
                parameterName,
                b,
                string.Format(CultureInfo.InvariantCulture, "Field '{0}': the {1} is {2}; a bound must be a finite number, or null for none.", name, parameterName, Format(b)));
        }
    }
}
