using System;
using System.Globalization;

namespace CustomerValuation.Lifetime;

/// <summary>The horizon and discount rate of a customer lifetime value.</summary>
/// <remarks>
/// The horizon is in the time unit of the purchase model. It is cut into steps of one unit (the last
/// step shorter when the horizon is not whole); the purchases expected in step k are valued at the
/// expected spend and discounted from the step's end t_k by (1 + annual rate)^−(t_k in years), with a
/// year of 365.25 days (52.18 weeks).
/// </remarks>
public sealed record LifetimeValueOptions
{
    /// <summary>Creates options.</summary>
    /// <param name="horizon">The forecast horizon in the purchase model's unit (52 weeks, 365 days …).</param>
    /// <param name="annualDiscountRate">The discount rate per year (0.10 for 10 %); 0 for no discounting.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="horizon"/> is not a positive finite number of at most 10⁶ units, or <paramref name="annualDiscountRate"/> is negative, NaN or infinite.</exception>
    public LifetimeValueOptions(double horizon, double annualDiscountRate = 0)
    {
        if (!(horizon > 0) || horizon > 1e6)
        {
            throw new ArgumentOutOfRangeException(
                nameof(horizon),
                horizon,
                string.Format(CultureInfo.InvariantCulture, "The horizon is {0}; it must be more than 0 and at most 10^6 time units.", horizon.ToString("R", CultureInfo.InvariantCulture)));
        }

        if (!(annualDiscountRate >= 0) || double.IsInfinity(annualDiscountRate))
        {
            throw new ArgumentOutOfRangeException(
                nameof(annualDiscountRate),
                annualDiscountRate,
                string.Format(CultureInfo.InvariantCulture, "The annual discount rate is {0}; it must be a finite rate of 0 or more (0.10 for 10 %).", annualDiscountRate.ToString("R", CultureInfo.InvariantCulture)));
        }

        Horizon = horizon;
        AnnualDiscountRate = annualDiscountRate;
    }

    /// <summary>The forecast horizon in the purchase model's unit.</summary>
    /// <value>Required; no default.</value>
    public double Horizon { get; }

    /// <summary>The discount rate per year of 365.25 days.</summary>
    /// <value>Default 0 (no discounting).</value>
    public double AnnualDiscountRate { get; }
}
