using System;
using System.Collections.Generic;
using CustomerValuation.Internal;

namespace CustomerValuation.Lifetime;

/// <summary>Fits the <see cref="BgNbdModel"/> by maximum likelihood.</summary>
/// <remarks>
/// The log-likelihood (Fader, Hardie &amp; Lee 2005, eq. 6) is summed in log space with its analytic
/// gradient; customers with identical (x, t_x, T) are merged into weighted rows, and the terms that
/// depend on x only are computed once per distinct x. MathNet's BFGS maximizes it over
/// (ln r, ln α, ln a, ln b) from four starting points; the best point is polished by safeguarded
/// Newton steps. Problems go to <see cref="LifetimeFitReport"/>, not to exceptions.
/// </remarks>
public static class BgNbd
{
    private static readonly string[] s_names = ["r", "alpha", "a", "b"];

    /// <summary>Fits the model to a summary set.</summary>
    /// <typeparam name="TId">The customer id type.</typeparam>
    /// <param name="summaries">The customers' (x, t_x, T); the model takes their unit.</param>
    /// <param name="options">Iteration limit and tolerance; null for <see cref="LifetimeFitOptions.Default"/>.</param>
    /// <returns>The model and the fit report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="summaries"/> is null.</exception>
    /// <exception cref="ArgumentException">The set is empty.</exception>
    public static LifetimeFit<BgNbdModel> Fit<TId>(LifetimeSummarySet<TId> summaries, LifetimeFitOptions? options = null)
        where TId : notnull
    {
        Guard.NotNull(summaries, nameof(summaries));
        return Fit(summaries.RepeatPurchasesSpan, summaries.TimeToLastPurchaseSpan, summaries.ObservedTimeSpan, summaries.Unit, options);
    }

    /// <summary>Fits the model to columns of (x, t_x, T).</summary>
    /// <param name="repeatPurchases">x per customer.</param>
    /// <param name="timeToLastPurchase">t_x per customer, in <paramref name="unit"/>.</param>
    /// <param name="observedTime">T per customer, in <paramref name="unit"/>.</param>
    /// <param name="unit">The time unit of the times (and so of α).</param>
    /// <param name="options">Iteration limit and tolerance; null for <see cref="LifetimeFitOptions.Default"/>.</param>
    /// <returns>The model and the fit report.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A row has a negative x, a negative, NaN or infinite time, or the unit is not defined (the message names the row).</exception>
    /// <exception cref="ArgumentException">The columns differ in length or are empty, or a row has t_x &gt; T, x &gt; 0 with t_x = 0, or x = 0 with t_x &gt; 0 (the message names the row).</exception>
    public static LifetimeFit<BgNbdModel> Fit(
        ReadOnlySpan<int> repeatPurchases,
        ReadOnlySpan<double> timeToLastPurchase,
        ReadOnlySpan<double> observedTime,
        LifetimeTimeUnit unit,
        LifetimeFitOptions? options = null)
    {
        ModelGuard.Unit(unit, nameof(unit));
        LifetimeRows rows = LifetimeRows.Compress(repeatPurchases, timeToLastPurchase, observedTime);
        return Fit(rows, unit, options ?? LifetimeFitOptions.Default);
    }

    internal static LifetimeFit<BgNbdModel> Fit(LifetimeRows rows, LifetimeTimeUnit unit, LifetimeFitOptions options)
    {
        // α is a scale of the purchase rate: start where r/α matches the observed purchase rate.
        double rate = Math.Max(rows.TotalRepeatPurchases, 1) / Math.Max(rows.TotalObservedTime, 1e-9);
        var starts = new List<double[]>
        {
            new[] { 1, 1 / rate, 1, 1 },
            new[] { 0.5, 0.5 / rate, 0.5, 2 },
            new[] { 2, 2 / rate, 2, 5 },
            new[] { 0.25, 0.25 / rate, 1, 3 },
        };
        (double[] estimates, LifetimeFitReport report) = MaximumLikelihood.Fit(
            "BG/NBD",
            s_names,
            (p, g) => BgNbdLikelihood.Mean(rows, p, g),
            starts,
            rows.TotalWeight,
            (int)rows.TotalWeight,
            rows.Count,
            options);
        return new LifetimeFit<BgNbdModel>(new BgNbdModel(estimates[0], estimates[1], estimates[2], estimates[3], unit), report);
    }
}
