using System;
using System.Globalization;

namespace CustomerValuation.Tiering;

/// <summary>
/// One band of a <see cref="CriterionNormalization.Bands"/> normalisation: raw values from
/// <see cref="From"/> (inclusive) up to the next band's <see cref="From"/> (exclusive; the last
/// band has no upper end) get <see cref="Points"/>.
/// </summary>
public readonly record struct ScoreBand
{
    /// <summary>Creates a band.</summary>
    /// <param name="from">The smallest raw value in the band; finite.</param>
    /// <param name="points">The points the band gives; finite and not negative.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="from"/> is not finite, or <paramref name="points"/> is negative or not finite.</exception>
    public ScoreBand(double from, double points)
    {
        if (double.IsNaN(from) || double.IsInfinity(from))
        {
            throw new ArgumentOutOfRangeException(nameof(from), from, "A band's lower end must be a finite number.");
        }

        if (!(points >= 0) || double.IsInfinity(points))
        {
            throw new ArgumentOutOfRangeException(nameof(points), points, string.Format(CultureInfo.InvariantCulture, "A band's points must be finite and not negative (got {0}).", points));
        }

        From = from;
        Points = points;
    }

    /// <summary>The smallest raw value in the band.</summary>
    public double From { get; }

    /// <summary>The points of the band.</summary>
    public double Points { get; }
}
