using System;
using System.Globalization;

namespace CustomerValuation.Lifetime;

/// <summary>Checks of model parameters and horizons.</summary>
internal static class ModelGuard
{
    public static double Positive(double value, string parameterName)
    {
        if (!(value > 0) || double.IsInfinity(value))
        {
            throw new ArgumentOutOfRangeException(
                parameterName,
                value,
                string.Format(CultureInfo.InvariantCulture, "The parameter {0} is {1}; it must be a positive finite number.", parameterName, value.ToString("R", CultureInfo.InvariantCulture)));
        }

        return value;
    }

    public static LifetimeTimeUnit Unit(LifetimeTimeUnit unit, string parameterName) =>
        unit is LifetimeTimeUnit.Days or LifetimeTimeUnit.Weeks
            ? unit
            : throw new ArgumentOutOfRangeException(parameterName, unit, "The time unit must be LifetimeTimeUnit.Days or LifetimeTimeUnit.Weeks.");

    public static void Horizon(double horizon, string parameterName)
    {
        if (!(horizon >= 0) || double.IsInfinity(horizon))
        {
            throw new ArgumentOutOfRangeException(
                parameterName,
                horizon,
                string.Format(CultureInfo.InvariantCulture, "The horizon is {0}; it must be a finite time of 0 or more.", horizon.ToString("R", CultureInfo.InvariantCulture)));
        }
    }
}
