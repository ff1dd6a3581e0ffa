using System;
using System.Globalization;

namespace CustomerValuation.Lifetime;

/// <summary>How hard the maximum-likelihood fits try (the same for every model).</summary>
public sealed record LifetimeFitOptions
{
    /// <summary>Creates options.</summary>
    /// <param name="maximumIterations">The most optimizer iterations from each starting point.</param>
    /// <param name="gradientTolerance">The gradient size (of the mean log-likelihood per customer, in log-parameters) below which a fit counts as converged.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maximumIterations"/> is less than 1, or <paramref name="gradientTolerance"/> is not a positive finite number.</exception>
    public LifetimeFitOptions(int maximumIterations = 1000, double gradientTolerance = 1e-7)
    {
        if (maximumIterations < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(maximumIterations), maximumIterations, "The iteration limit must be at least 1.");
        }

        if (!(gradientTolerance > 0) || double.IsInfinity(gradientTolerance))
        {
            throw new ArgumentOutOfRangeException(
                nameof(gradientTolerance),
                gradientTolerance,
                string.Format(CultureInfo.InvariantCulture, "The gradient tolerance must be a positive finite number, not {0}.", gradientTolerance));
        }

        MaximumIterations = maximumIterations;
        GradientTolerance = gradientTolerance;
    }

    /// <summary>The defaults: 1000 iterations, gradient tolerance 10⁻⁷.</summary>
    public static LifetimeFitOptions Default { get; } = new();

    /// <summary>The most optimizer iterations from each starting point.</summary>
    /// <value>Default 1000.</value>
    public int MaximumIterations { get; }

    /// <summary>The largest absolute gradient component (mean log-likelihood per customer, with respect to the log-parameters) at which a fit counts as converged.</summary>
    /// <value>Default 10⁻⁷.</value>
    public double GradientTolerance { get; }
}
