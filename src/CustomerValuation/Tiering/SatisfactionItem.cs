using System;
using System.Globalization;
using CustomerValuation.Internal;

namespace CustomerValuation.Tiering;

/// <summary>One Likert item (question) of a satisfaction questionnaire and its importance weight.</summary>
public sealed class SatisfactionItem
{
    /// <summary>Creates an item.</summary>
    /// <param name="name">The item's name (for example "Delivery"); not empty or white space. Reported in results and error messages.</param>
    /// <param name="weight">The importance weight; finite, zero or more. Only the ratios of the weights matter (they are normalised).</param>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or white space.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="weight"/> is negative, NaN or infinite.</exception>
    public SatisfactionItem(string name, double weight = 1)
    {
        Guard.NotNull(name, nameof(name));
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException("An item name must not be empty or white space; name the question (for example \"Delivery\").", nameof(name));
        }

        if (!(weight >= 0) || double.IsInfinity(weight))
        {
            throw new ArgumentOutOfRangeException(
                nameof(weight),
                weight,
                string.Format(
                    CultureInfo.InvariantCulture,
                    "The importance weight of item '{0}' is {1}; a weight must be a finite number, zero or more.",
                    name,
                    weight.ToString("R", CultureInfo.InvariantCulture)));
        }

        Name = name;
        Weight = weight;
    }

    /// <summary>The item's name.</summary>
    public string Name { get; }

    /// <summary>The importance weight as given (see <see cref="SatisfactionQuestionnaire.NormalisedWeights"/> for the normalised one).</summary>
    /// <value>1 by default.</value>
    public double Weight { get; }

    /// <summary>The name and the weight.</summary>
    /// <returns>For example <c>Delivery (0.3)</c>.</returns>
    public override string ToString() =>
        string.Format(CultureInfo.InvariantCulture, "{0} ({1})", Name, Weight.ToString("R", CultureInfo.InvariantCulture));
}
