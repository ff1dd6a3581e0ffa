using System;
using System.Globalization;

namespace CustomerValuation.Tiering;

/// <summary>
/// Immutable, validated settings of tier hysteresis: how far past a boundary a score must go, and
/// for how many consecutive periods, before a customer changes tier.
/// </summary>
/// <remarks>
/// The defaults (margin 0, one period) switch hysteresis off: the tier is then the plain threshold tier
/// of each period's score. See <see cref="TierHysteresis"/> for the rules.
/// </remarks>
public sealed class TierHysteresisOptions
{
    /// <summary>Creates hysteresis options.</summary>
    /// <param name="margin">
    /// How far, in score points, a score must pass a tier boundary to change the tier: up when
    /// score ≥ threshold + margin, down when score &lt; threshold − margin. Finite, not negative; 0 for none.
    /// </param>
    /// <param name="periods">
    /// For how many consecutive periods (k) the tier that the margin rule gives must differ from the
    /// current tier, in the same direction, before the tier changes; at least 1 (1 = change at once).
    /// </param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="margin"/> is negative, NaN or infinite, or <paramref name="periods"/> is less than 1.</exception>
    public TierHysteresisOptions(double margin = 0, int periods = 1)
    {
        if (double.IsNaN(margin) || double.IsInfinity(margin) || margin < 0)
        {
            throw new ArgumentOutOfRangeException(
                nameof(margin),
                margin,
                string.Format(CultureInfo.InvariantCulture, "The margin is {0}; it must be a finite number of score points, 0 or more (0 switches the margin off).", margin.ToString("R", CultureInfo.InvariantCulture)));
        }

        if (periods < 1)
        {
            throw new ArgumentOutOfRangeException(
                nameof(periods),
                periods,
                string.Format(CultureInfo.InvariantCulture, "The number of periods is {0}; it must be at least 1 (1 changes the tier in the first period the score calls for it).", periods));
        }

        Margin = margin;
        Periods = periods;
    }

    /// <summary>Gets the options that switch hysteresis off: margin 0, one period.</summary>
    /// <value>Margin 0; periods 1.</value>
    public static TierHysteresisOptions Default { get; } = new();

    /// <summary>Gets how far, in score points, a score must pass a boundary to change the tier.</summary>
    /// <value>Default 0 (no margin).</value>
    public double Margin { get; }

    /// <summary>Gets for how many consecutive periods a change must be called for before it happens.</summary>
    /// <value>Default 1 (at once).</value>
    public int Periods { get; }

    /// <inheritdoc />
    public override string ToString() =>
        string.Format(CultureInfo.InvariantCulture, "margin {0} periods {1}", Margin.ToString("R", CultureInfo.InvariantCulture), Periods);
}
