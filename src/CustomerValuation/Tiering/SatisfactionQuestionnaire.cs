using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Linq;
using CustomerValuation.Internal;

namespace CustomerValuation.Tiering;

/// <summary>
/// Immutable, validated list of the Likert items of a satisfaction questionnaire with their importance
/// weights; every respondent answers the items in this order.
/// </summary>
/// <remarks>
/// The weights are normalised: ŵ_i = w_i / Σ_j w_j (a plain left-to-right sum in item order), so only
/// their ratios matter. Weights must be finite and not negative, and not all zero (SPEC §3).
/// </remarks>
public sealed class SatisfactionQuestionnaire
{
    private readonly double[] _weights;

    /// <summary>Creates a questionnaire.</summary>
    /// <param name="items">The items in answer order; at least one, names distinct (ordinal comparison), weights not all zero.</param>
    /// <exception cref="ArgumentNullException"><paramref name="items"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// There is no item, an item is null, a name repeats, or every weight is zero (the message names the item).
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException">The weights are so large that eight times their sum overflows.</exception>
    public SatisfactionQuestionnaire(IEnumerable<SatisfactionItem> items)
    {
        Guard.NotNull(items, nameof(items));
        SatisfactionItem[] array = items.ToArray();
        if (array.Length == 0)
        {
            throw new ArgumentException("The questionnaire has no item; give at least one item with its importance weight.", nameof(items));
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        var weights = new double[array.Length];
        double total = 0;
        for (int i = 0; i < array.Length; i++)
        {
            SatisfactionItem? item = array[i];
            if (item is null)
            {
                throw new ArgumentException(
                    string.Format(CultureInfo.InvariantCulture, "The item at index {0} is null; every item needs a name and a weight.", i),
                    nameof(items));
            }

            if (!names.Add(item.Name))
            {
                throw new ArgumentException(
                    string.Format(CultureInfo.InvariantCulture, "The item name '{0}' appears more than once (again at index {1}); item names must be distinct.", item.Name, i),
                    nameof(items));
            }

            weights[i] = item.Weight;
            total += item.Weight;
        }

        if (total == 0)
        {
            throw new ArgumentException("Every importance weight is zero; give at least one item a positive weight.", nameof(items));
        }

        if (double.IsInfinity(8 * total))
        {
            throw new ArgumentOutOfRangeException(
                nameof(items),
                total,
                "The importance weights are so large that their weighted sum would overflow; scale them down (only their ratios matter).");
        }

        var normalised = new double[array.Length];
        for (int i = 0; i < array.Length; i++)
        {
            normalised[i] = weights[i] / total;
        }

        _weights = weights;
        Items = Array.AsReadOnly(array);
        NormalisedWeights = Array.AsReadOnly(normalised);
        TotalWeight = total;
    }

    /// <summary>The items in answer order.</summary>
    public ReadOnlyCollection<SatisfactionItem> Items { get; }

    /// <summary>The number of items: every respondent gives this many entries (an answer or a blank).</summary>
    public int Count => _weights.Length;

    /// <summary>The normalised weights ŵ_i = w_i / Σ w_j, in item order; they sum to one (up to rounding).</summary>
    public IReadOnlyList<double> NormalisedWeights { get; }

    /// <summary>The sum of the weights as given, Σ w_j (left to right in item order).</summary>
    public double TotalWeight { get; }

    /// <summary>The weights as given, in item order (internal: the scorer reads them without a copy).</summary>
    internal ReadOnlySpan<double> Weights => _weights;

    /// <summary>The item names and weights.</summary>
    /// <returns>For example <c>Quality (0.5), Delivery (0.3), Service (0.2)</c>.</returns>
    public override string ToString() => string.Join(", ", Items.Select(i => i.ToString()));
}
