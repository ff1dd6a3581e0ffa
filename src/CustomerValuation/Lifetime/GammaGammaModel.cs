using System;
using System.Globalization;
using MathNet.Numerics;

namespace CustomerValuation.Lifetime;

/// <summary>
/// The Gamma-Gamma model of spend per transaction (Fader &amp; Hardie 2013, "The Gamma-Gamma model of
/// monetary value"): a customer's transaction amounts are Gamma(p, ν) with ν ~ Gamma(q, γ) across
/// customers, independent of the purchase process.
/// </summary>
/// <remarks>
/// The expected mean spend of a customer with x repeat transactions of mean z̄ is
/// (γ + x·z̄)·p ÷ (p·x + q − 1), a weighted average of the population mean p·γ/(q − 1) and z̄
/// (Fader, Hardie &amp; Lee 2005, "RFM and CLV", eq. 4). Amounts are in the currency of the data.
/// </remarks>
public sealed class GammaGammaModel
{
    /// <summary>Creates a model from its parameters.</summary>
    /// <param name="p">Shape of the Gamma distribution of a customer's transaction amounts.</param>
    /// <param name="q">Shape of the Gamma distribution of ν across customers.</param>
    /// <param name="gamma">Scale of the Gamma distribution of ν across customers (in currency).</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is not a positive finite number.</exception>
    public GammaGammaModel(double p, double q, double gamma)
    {
        P = ModelGuard.Positive(p, nameof(p));
        Q = ModelGuard.Positive(q, nameof(q));
        Gamma = ModelGuard.Positive(gamma, nameof(gamma));
    }

    /// <summary>p: shape of the Gamma distribution of a customer's transaction amounts.</summary>
    public double P { get; }

    /// <summary>q: shape of the Gamma distribution of ν across customers.</summary>
    public double Q { get; }

    /// <summary>γ: scale of the Gamma distribution of ν across customers (in currency).</summary>
    public double Gamma { get; }

    /// <summary>The population mean spend per transaction, p·γ ÷ (q − 1).</summary>
    /// <exception cref="InvalidOperationException">q ≤ 1: the mean is unbounded (the model says some customers' mean spend has no finite expectation).</exception>
    public double PopulationMeanSpend => Q > 1
        ? P * Gamma / (Q - 1)
        : throw new InvalidOperationException(
            string.Format(CultureInfo.InvariantCulture, "The population mean spend is unbounded because q = {0:G6} ≤ 1; a customer without repeat purchases has no finite expected spend under this model.", Q));

    /// <summary>The expected spend per transaction of a customer, given x repeat transactions with mean amount z̄.</summary>
    /// <param name="repeatPurchases">x (0 gives the population mean).</param>
    /// <param name="meanRepeatSpend">z̄, the mean amount of those transactions (ignored when x = 0).</param>
    /// <returns>(γ + x·z̄)·p ÷ (p·x + q − 1).</returns>
    /// <exception cref="ArgumentOutOfRangeException">x is negative, or z̄ is negative, NaN or infinite.</exception>
    /// <exception cref="InvalidOperationException">p·x + q ≤ 1: the expectation is unbounded.</exception>
    public double ExpectedMeanSpend(int repeatPurchases, double meanRepeatSpend)
    {
        if (repeatPurchases < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(repeatPurchases), repeatPurchases, "x must be 0 or more.");
        }

        if (!(meanRepeatSpend >= 0) || double.IsInfinity(meanRepeatSpend))
        {
            throw new ArgumentOutOfRangeException(nameof(meanRepeatSpend), meanRepeatSpend, "The mean repeat spend must be a finite amount of 0 or more.");
        }

        return ExpectedCore(repeatPurchases, meanRepeatSpend);
    }

    /// <summary>The log-likelihood of one customer's (x, z̄) (Fader &amp; Hardie 2013, eq. 3, without the constant).</summary>
    /// <param name="repeatPurchases">x, at least 1.</param>
    /// <param name="meanRepeatSpend">z̄, positive.</param>
    /// <returns>ln Γ(px+q) − ln Γ(px) − ln Γ(q) + q ln γ + (px−1) ln z̄ + px ln x − (px+q) ln(γ + x z̄).</returns>
    /// <exception cref="ArgumentOutOfRangeException">x is less than 1, or z̄ is not a positive finite amount.</exception>
    public double LogLikelihood(int repeatPurchases, double meanRepeatSpend)
    {
        if (repeatPurchases < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(repeatPurchases), repeatPurchases, "The Gamma-Gamma likelihood needs x ≥ 1 repeat transactions.");
        }

        if (!(meanRepeatSpend > 0) || double.IsInfinity(meanRepeatSpend))
        {
            throw new ArgumentOutOfRangeException(nameof(meanRepeatSpend), meanRepeatSpend, "The Gamma-Gamma likelihood needs a positive finite mean spend.");
        }

        return GammaGammaLikelihood.Row(P, Q, Gamma, repeatPurchases, meanRepeatSpend, null);
    }

    /// <summary>The parameters as text (invariant culture).</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        string.Format(CultureInfo.InvariantCulture, "Gamma-Gamma p = {0:G6}, q = {1:G6}, gamma = {2:G6}", P, Q, Gamma);

    internal double ExpectedCore(int x, double meanSpend)
    {
        double denominator = (P * x) + Q - 1;
        if (!(denominator > 0))
        {
            throw new InvalidOperationException(
                string.Format(CultureInfo.InvariantCulture, "The expected spend is unbounded for x = {0}: p·x + q − 1 = {1:G6} ≤ 0.", x, denominator));
        }

        return (Gamma + (x * meanSpend)) * P / denominator;
    }
}

/// <summary>The Gamma-Gamma log-likelihood with its analytic gradient.</summary>
internal static class GammaGammaLikelihood
{
    public static double Row(double p, double q, double gamma, int x, double mean, double[]? gradient)
    {
        double px = p * x;
        double lnMean = Math.Log(mean);
        double lnX = Math.Log(x);
        double lnTotal = Math.Log(gamma + (x * mean));
        double value = SpecialFunctions.GammaLn(px + q) - SpecialFunctions.GammaLn(px) - SpecialFunctions.GammaLn(q)
            + (q * Math.Log(gamma)) + ((px - 1) * lnMean) + (px * lnX) - ((px + q) * lnTotal);
        if (gradient is not null)
        {
            double psi = SpecialFunctions.DiGamma(px + q);
            gradient[0] += x * (psi - SpecialFunctions.DiGamma(px) + lnMean + lnX - lnTotal);
            gradient[1] += psi - SpecialFunctions.DiGamma(q) + Math.Log(gamma) - lnTotal;
            gradient[2] += (q / gamma) - ((px + q) / (gamma + (x * mean)));
        }

        return value;
    }

    public static double Mean(int[] x, double[] mean, double[] logParameters, double[] gradient)
    {
        double p = Math.Exp(logParameters[0]);
        double q = Math.Exp(logParameters[1]);
        double gamma = Math.Exp(logParameters[2]);
        var g = new double[3];
        double total = 0, compensation = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double y = Row(p, q, gamma, x[i], mean[i], g) - compensation;
            double next = total + y;
            compensation = (next - total) - y;
            total = next;
        }

        gradient[0] = g[0] * p / x.Length;
        gradient[1] = g[1] * q / x.Length;
        gradient[2] = g[2] * gamma / x.Length;
        return total / x.Length;
    }
}
