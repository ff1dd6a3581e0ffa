using System;
using System.Globalization;

namespace CustomerValuation.Lifetime;

/// <summary>
/// How transaction lines become lifetime summaries: the end of the calibration period, the time
/// unit, and the optional end of a holdout period.
/// </summary>
/// <remarks>
/// Only calendar dates count (a timestamp's time of day and kind are ignored). A line belongs to
/// the calibration period when its date is on or before <see cref="CalibrationEnd"/>, and to the
/// holdout period when its date is after <see cref="CalibrationEnd"/> and on or before
/// <see cref="HoldoutEnd"/>. T is measured from the first purchase's date to the calibration end
/// date: a customer whose first purchase is on 1997-01-01 has T = 272 days = 38.857 weeks for a
/// calibration end of 1997-09-30 (the convention of the published CDNOW fits).
/// </remarks>
public sealed record LifetimeSummaryOptions
{
    /// <summary>Creates options.</summary>
    /// <param name="calibrationEnd">The last date of the calibration period (inclusive).</param>
    /// <param name="unit">The time unit of t_x and T.</param>
    /// <param name="holdoutEnd">The last date of the holdout period (inclusive), after <paramref name="calibrationEnd"/>; null for no holdout.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="unit"/> is not a defined unit, or <paramref name="holdoutEnd"/> is not after <paramref name="calibrationEnd"/>.</exception>
    public LifetimeSummaryOptions(DateTime calibrationEnd, LifetimeTimeUnit unit = LifetimeTimeUnit.Weeks, DateTime? holdoutEnd = null)
    {
        if (unit is not (LifetimeTimeUnit.Days or LifetimeTimeUnit.Weeks))
        {
            throw new ArgumentOutOfRangeException(nameof(unit), unit, "The time unit must be LifetimeTimeUnit.Days or LifetimeTimeUnit.Weeks.");
        }

        if (holdoutEnd is DateTime end && end.Date <= calibrationEnd.Date)
        {
            throw new ArgumentOutOfRangeException(
                nameof(holdoutEnd),
                end,
                string.Format(CultureInfo.InvariantCulture, "The holdout end {0:yyyy-MM-dd} must be after the calibration end {1:yyyy-MM-dd}.", end, calibrationEnd));
        }

        CalibrationEnd = calibrationEnd.Date;
        Unit = unit;
        HoldoutEnd = holdoutEnd?.Date;
    }

    /// <summary>The last date of the calibration period (inclusive; the date only).</summary>
    /// <value>Required; no default.</value>
    public DateTime CalibrationEnd { get; }

    /// <summary>The time unit of t_x and T.</summary>
    /// <value>Default <see cref="LifetimeTimeUnit.Weeks"/>.</value>
    public LifetimeTimeUnit Unit { get; }

    /// <summary>The last date of the holdout period (inclusive; the date only), or null for no holdout.</summary>
    /// <value>Default null: lines after the calibration end are counted as excluded.</value>
    public DateTime? HoldoutEnd { get; }
}
