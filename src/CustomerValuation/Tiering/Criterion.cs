using System;
using System.Globalization;
using CustomerValuation.Internal;

namespace CustomerValuation.Tiering;

/// <summary>One criterion of a <see cref="Scorecard"/>: a name, a direction, a normalisation and a weight.</summary>
public sealed class Criterion
{
    /// <summary>Creates a criterion.</summary>
    /// <param name="name">The criterion's name (unique within a scorecard, compared ordinally); not empty.</param>
    /// <param name="direction">Which way the raw values point.</param>
    /// <param name="normalization">How raw values become values in [0, 1].</param>
    /// <param name="weight">The weight before normalisation across criteria; finite and not negative.</param>
    /// <param name="substitute">The raw value used for a missing value under <see cref="MissingValuePolicy.Substitute"/>; finite, or null for none.</param>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> or <paramref name="normalization"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or white space, or a banded criterion is given as lower-is-better.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="weight"/> is negative or not finite, <paramref name="substitute"/> is not finite, or <paramref name="direction"/> is not defined.</exception>
    public Criterion(string name, CriterionDirection direction, CriterionNormalization normalization, double weight = 1, double? substitute = null)
    {
        Guard.NotNull(name, nameof(name));
        Guard.NotNull(normalization, nameof(normalization));
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException("A criterion needs a name.", nameof(name));
        }

        if (direction is not (CriterionDirection.HigherIsBetter or CriterionDirection.LowerIsBetter))
        {
            throw new ArgumentOutOfRangeException(nameof(direction), direction, "Use HigherIsBetter or LowerIsBetter.");
        }

        if (!(weight >= 0) || double.IsInfinity(weight))
        {
            throw new ArgumentOutOfRangeException(nameof(weight), weight, string.Format(CultureInfo.InvariantCulture, "Criterion '{0}': a weight must be finite and not negative.", name));
        }

        if (substitute is double s && (double.IsNaN(s) || double.IsInfinity(s)))
        {
            throw new ArgumentOutOfRangeException(nameof(substitute), s, string.Format(CultureInfo.InvariantCulture, "Criterion '{0}': the substitute for a missing value must be finite.", name));
        }

        if (normalization.Kind == "bands" && direction == CriterionDirection.LowerIsBetter)
        {
            throw new ArgumentException(
                string.Format(CultureInfo.InvariantCulture, "Criterion '{0}': bands say with their points which values are better; give the criterion as HigherIsBetter (e.g. 0 days overdue → 10 points, over 60 → 0).", name),
                nameof(direction));
        }

        Name = name;
        Direction = direction;
        Normalization = normalization;
        Weight = weight;
        Substitute = substitute;
    }

    /// <summary>The criterion's name.</summary>
    public string Name { get; }

    /// <summary>Which way the raw values point.</summary>
    public CriterionDirection Direction { get; }

    /// <summary>How raw values become values in [0, 1].</summary>
    public CriterionNormalization Normalization { get; }

    /// <summary>The weight as given (the scorecard normalises the weights to sum to 1).</summary>
    public double Weight { get; }

    /// <summary>The raw value used for a missing value under <see cref="MissingValuePolicy.Substitute"/>, or null.</summary>
    public double? Substitute { get; }

    /// <summary>A copy with another weight.</summary>
    /// <param name="weight">The new weight; finite and not negative.</param>
    /// <returns>The copy.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="weight"/> is negative or not finite.</exception>
    public Criterion WithWeight(double weight) => new(Name, Direction, Normalization, weight, Substitute);

    /// <inheritdoc/>
    public override string ToString() => string.Format(CultureInfo.InvariantCulture, "{0} ({1}, {2}, weight {3})", Name, Direction, Normalization, Weight);
}
