using System;
using System.Collections.Generic;
using System.Globalization;
using CustomerValuation.Internal;

namespace CustomerValuation.Lifetime;

/// <summary>Why a customer was left out of a Gamma-Gamma fit.</summary>
public enum GammaGammaExclusionReason
{
    /// <summary>x = 0: no repeat transaction, so no repeat spend to learn from (the model conditions on x ≥ 1).</summary>
    NoRepeatPurchases = 1,

    /// <summary>x ≥ 1 but the mean repeat spend is 0 (free items only): the Gamma likelihood needs a positive amount.</summary>
    ZeroSpend = 2,
}

/// <summary>A customer left out of a Gamma-Gamma fit.</summary>
/// <param name="Index">The customer's position in the input (in a <see cref="LifetimeSummarySet{TId}"/>, the index of its summary).</param>
/// <param name="Reason">Why.</param>
public readonly record struct GammaGammaExclusion(int Index, GammaGammaExclusionReason Reason);

/// <summary>A fitted Gamma-Gamma model, the report of its fit, and the customers left out.</summary>
public sealed class GammaGammaFit
{
    internal GammaGammaFit(GammaGammaModel model, LifetimeFitReport report, IReadOnlyList<GammaGammaExclusion> exclusions)
    {
        Model = model;
        Report = report;
        Exclusions = exclusions;
    }

    /// <summary>The model with the estimates.</summary>
    public GammaGammaModel Model { get; }

    /// <summary>How the fit went (its <see cref="LifetimeFitReport.Customers"/> are the repeat buyers used).</summary>
    public LifetimeFitReport Report { get; }

    /// <summary>Every customer left out, in input order, with the reason.</summary>
    public IReadOnlyList<GammaGammaExclusion> Exclusions { get; }
}

/// <summary>Fits the <see cref="GammaGammaModel"/> by maximum likelihood on the repeat buyers with positive mean spend.</summary>
/// <remarks>
/// Customers with x = 0 or a zero mean repeat spend are left out and listed with the reason in
/// <see cref="GammaGammaFit.Exclusions"/>; a negative, NaN or infinite spend is bad input and throws.
/// The log-likelihood (Fader &amp; Hardie 2013) is maximized over (ln p, ln q, ln γ) with MathNet's BFGS
/// from four starts and the analytic gradient.
/// </remarks>
public static class GammaGamma
{
    private static readonly string[] s_names = ["p", "q", "gamma"];

    /// <summary>Fits the model to a summary set.</summary>
    /// <typeparam name="TId">The customer id type.</typeparam>
    /// <param name="summaries">The customers' x and mean repeat spend.</param>
    /// <param name="options">Iteration limit and tolerance; null for <see cref="LifetimeFitOptions.Default"/>.</param>
    /// <returns>The model, the report, and the customers left out (indices into <paramref name="summaries"/>).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="summaries"/> is null.</exception>
    /// <exception cref="ArgumentException">No customer has x ≥ 1 and a positive mean spend.</exception>
    public static GammaGammaFit Fit<TId>(LifetimeSummarySet<TId> summaries, LifetimeFitOptions? options = null)
        where TId : notnull
    {
        Guard.NotNull(summaries, nameof(summaries));
        return Fit(summaries.RepeatPurchasesSpan, summaries.MeanRepeatSpendSpan, options);
    }

    /// <summary>Fits the model to columns of x and mean repeat spend.</summary>
    /// <param name="repeatPurchases">x per customer.</param>
    /// <param name="meanRepeatSpend">The mean amount per repeat transaction per customer; 0 or more (not used when x = 0).</param>
    /// <param name="options">Iteration limit and tolerance; null for <see cref="LifetimeFitOptions.Default"/>.</param>
    /// <returns>The model, the report, and the customers left out (indices into the columns).</returns>
    /// <exception cref="ArgumentOutOfRangeException">A row has a negative x, or a negative, NaN or infinite mean spend (the message names the row).</exception>
    /// <exception cref="ArgumentException">The columns differ in length, or no customer has x ≥ 1 and a positive mean spend.</exception>
    public static GammaGammaFit Fit(ReadOnlySpan<int> repeatPurchases, ReadOnlySpan<double> meanRepeatSpend, LifetimeFitOptions? options = null)
    {
        if (repeatPurchases.Length != meanRepeatSpend.Length)
        {
            throw new ArgumentException(
                string.Format(CultureInfo.InvariantCulture, "meanRepeatSpend has {0} values but repeatPurchases has {1}; give one value per customer.", meanRepeatSpend.Length, repeatPurchases.Length),
                nameof(meanRepeatSpend));
        }

        var exclusions = new List<GammaGammaExclusion>();
        var x = new List<int>();
        var mean = new List<double>();
        for (int i = 0; i < repeatPurchases.Length; i++)
        {
            if (repeatPurchases[i] < 0)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(repeatPurchases),
                    repeatPurchases[i],
                    string.Format(CultureInfo.InvariantCulture, "Row {0} has x = {1}; x must be 0 or more.", i, repeatPurchases[i]));
            }

            double m = meanRepeatSpend[i];
            if (!(m >= 0) || double.IsInfinity(m))
            {
                throw new ArgumentOutOfRangeException(
                    nameof(meanRepeatSpend),
                    m,
                    string.Format(
                        CultureInfo.InvariantCulture,
                        "Row {0} has the mean repeat spend {1}; spend must be a finite amount of 0 or more (the Gamma-Gamma model describes positive amounts; net returns out before summarizing).",
                        i,
                        m.ToString("R", CultureInfo.InvariantCulture)));
            }

            if (repeatPurchases[i] == 0)
            {
                exclusions.Add(new GammaGammaExclusion(i, GammaGammaExclusionReason.NoRepeatPurchases));
            }
            else if (m == 0)
            {
                exclusions.Add(new GammaGammaExclusion(i, GammaGammaExclusionReason.ZeroSpend));
            }
            else
            {
                x.Add(repeatPurchases[i]);
                mean.Add(m);
            }
        }

        if (x.Count == 0)
        {
            throw new ArgumentException(
                "No customer has a repeat purchase (x ≥ 1) with a positive mean spend; the Gamma-Gamma model has nothing to fit. Use a longer calibration period.",
                nameof(repeatPurchases));
        }

        int[] xs = x.ToArray();
        double[] means = mean.ToArray();
        double average = 0;
        foreach (double m in means)
        {
            average += m;
        }

        average /= means.Length;

        // With p·γ/(q − 1) the population mean: start at means that match the average spend.
        var starts = new List<double[]>
        {
            new[] { 1, 2, average },
            new[] { 2, 3, average },
            new[] { 5, 4, 0.6 * average },
            new[] { 10, 10, 0.9 * average },
        };
        (double[] estimates, LifetimeFitReport report) = MaximumLikelihood.Fit(
            "Gamma-Gamma",
            s_names,
            (p, g) => GammaGammaLikelihood.Mean(xs, means, p, g),
            starts,
            xs.Length,
            xs.Length,
            xs.Length,
            options ?? LifetimeFitOptions.Default);
        return new GammaGammaFit(new GammaGammaModel(estimates[0], estimates[1], estimates[2]), report, exclusions);
    }
}
