using System;
using System.Globalization;
using MathNet.Numerics;

namespace CustomerValuation.Lifetime;

/// <summary>
/// The Pareto/NBD model (Schmittlein, Morrison &amp; Colombo 1987): while alive, a customer buys as a
/// Poisson process with rate λ ~ Gamma(r, α) and has an exponential lifetime with rate μ ~ Gamma(s, β).
/// </summary>
/// <remarks>
/// α and β are in the model's <see cref="Unit"/>. The likelihood is the one of Fader &amp; Hardie (2005,
/// "A note on deriving the Pareto/NBD model and related expressions", eq. 19); the difference of its two
/// Gaussian hypergeometric terms is evaluated as the integral it comes from,
/// I = ∫_{t_x}^{T} (α+τ)^−(r+x) (β+τ)^−(s+1) dτ, by Gauss–Legendre quadrature (docs/lifetime.md), which
/// neither cancels nor slows down when |α − β| is large. P(alive) = F ÷ (F + s·I) with
/// F = (α+T)^−(r+x) (β+T)^−s; E[Y(t) | x, t_x, T] = (r+x)(β+T) ÷ ((α+T)(s−1))·[1 − ((β+T)/(β+T+t))^(s−1)]·P(alive).
/// </remarks>
public sealed class ParetoNbdModel : IRepeatPurchaseModel
{
    /// <summary>Creates a model from its parameters.</summary>
    /// <param name="r">Shape of the Gamma distribution of the purchase rate.</param>
    /// <param name="alpha">Scale of the Gamma distribution of the purchase rate, in <paramref name="unit"/>.</param>
    /// <param name="s">Shape of the Gamma distribution of the dropout rate.</param>
    /// <param name="beta">Scale of the Gamma distribution of the dropout rate, in <paramref name="unit"/>.</param>
    /// <param name="unit">The time unit of α, β and of every time given to the model.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is not a positive finite number, or the unit is not defined.</exception>
    public ParetoNbdModel(double r, double alpha, double s, double beta, LifetimeTimeUnit unit)
    {
        R = ModelGuard.Positive(r, nameof(r));
        Alpha = ModelGuard.Positive(alpha, nameof(alpha));
        S = ModelGuard.Positive(s, nameof(s));
        Beta = ModelGuard.Positive(beta, nameof(beta));
        Unit = ModelGuard.Unit(unit, nameof(unit));
    }

    /// <summary>r: shape of the Gamma distribution of the purchase rate.</summary>
    public double R { get; }

    /// <summary>α: scale of the Gamma distribution of the purchase rate, in <see cref="Unit"/>.</summary>
    public double Alpha { get; }

    /// <summary>s: shape of the Gamma distribution of the dropout rate.</summary>
    public double S { get; }

    /// <summary>β: scale of the Gamma distribution of the dropout rate, in <see cref="Unit"/>.</summary>
    public double Beta { get; }

    /// <inheritdoc/>
    public LifetimeTimeUnit Unit { get; }

    /// <summary>The log-likelihood of one customer's (x, t_x, T) (Fader &amp; Hardie 2005, eq. 19), without the constant of the purchase times.</summary>
    /// <param name="repeatPurchases">x.</param>
    /// <param name="timeToLastPurchase">t_x, in <see cref="Unit"/>.</param>
    /// <param name="observedTime">T, in <see cref="Unit"/>.</param>
    /// <returns>The natural logarithm of the likelihood.</returns>
    /// <exception cref="ArgumentOutOfRangeException">x is negative, or t_x or T is negative, NaN or infinite.</exception>
    /// <exception cref="ArgumentException">t_x &gt; T, x &gt; 0 with t_x = 0, or x = 0 with t_x &gt; 0.</exception>
    public double LogLikelihood(int repeatPurchases, double timeToLastPurchase, double observedTime)
    {
        LifetimeRows.ValidateRow(repeatPurchases, timeToLastPurchase, observedTime, -1);
        double head = SpecialFunctions.GammaLn(R + repeatPurchases) - SpecialFunctions.GammaLn(R) + (R * Math.Log(Alpha)) + (S * Math.Log(Beta));
        return head + ParetoNbdLikelihood.Tail(R, Alpha, S, Beta, repeatPurchases, timeToLastPurchase, observedTime, out _, null);
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentOutOfRangeException">x is negative, or t_x or T is negative, NaN or infinite.</exception>
    /// <exception cref="ArgumentException">t_x &gt; T, x &gt; 0 with t_x = 0, or x = 0 with t_x &gt; 0.</exception>
    public double ProbabilityAlive(int repeatPurchases, double timeToLastPurchase, double observedTime)
    {
        LifetimeRows.ValidateRow(repeatPurchases, timeToLastPurchase, observedTime, -1);
        return AliveCore(repeatPurchases, timeToLastPurchase, observedTime);
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentOutOfRangeException">x is negative; t_x, T or the horizon is negative, NaN or infinite.</exception>
    /// <exception cref="ArgumentException">t_x &gt; T, x &gt; 0 with t_x = 0, or x = 0 with t_x &gt; 0.</exception>
    public double ExpectedPurchases(int repeatPurchases, double timeToLastPurchase, double observedTime, double horizon)
    {
        LifetimeRows.ValidateRow(repeatPurchases, timeToLastPurchase, observedTime, -1);
        ModelGuard.Horizon(horizon, nameof(horizon));
        return ExpectedCore(repeatPurchases, timeToLastPurchase, observedTime, horizon);
    }

    /// <inheritdoc/>
    /// <remarks>E[X(t)] = rβ ÷ (α(s−1))·[1 − (β/(β+t))^(s−1)] (Fader &amp; Hardie 2005, eq. 17), its limit rβ/α·ln(1 + t/β) at s = 1.</remarks>
    /// <exception cref="ArgumentOutOfRangeException">The horizon is negative, NaN or infinite.</exception>
    public double ExpectedPurchasesOfNewCustomer(double horizon)
    {
        ModelGuard.Horizon(horizon, nameof(horizon));
        return ExpectedCore(0, 0, 0, horizon);
    }

    /// <summary>The parameters and unit as text (invariant culture).</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        string.Format(CultureInfo.InvariantCulture, "Pareto/NBD r = {0:G6}, alpha = {1:G6}, s = {2:G6}, beta = {3:G6} ({4})", R, Alpha, S, Beta, Unit);

    internal double AliveCore(int x, double tx, double t)
    {
        ParetoNbdLikelihood.Tail(R, Alpha, S, Beta, x, tx, t, out double alive, null);
        return alive;
    }

    internal double ExpectedCore(int x, double tx, double t, double horizon)
    {
        if (horizon == 0)
        {
            return 0;
        }

        // [1 − (1 + u)^−k] ÷ k with k = s − 1, u = t/(β+T); its limit ln(1 + u) at k = 0.
        double k = S - 1;
        double l = LifetimeMath.Log1P(horizon / (Beta + t));
        double bracket = Math.Abs(k * l) < 1e-8 ? l * (1 - (k * l / 2)) : -LifetimeMath.ExpM1(-k * l) / k;
        return Math.Max(0, (R + x) * (Beta + t) / (Alpha + t) * bracket * AliveCore(x, tx, t));
    }
}

/// <summary>The Pareto/NBD log-likelihood in log space with its analytic gradient.</summary>
internal static class ParetoNbdLikelihood
{
    /// <summary>
    /// ln(F + s·I), F = (α+T)^−(r+x)(β+T)^−s; <paramref name="alive"/> = F/(F + s·I); the gradient of
    /// ln(F + s·I) with respect to (r, α, s, β) written to <paramref name="gradient"/> when not null.
    /// </summary>
    public static double Tail(double r, double alpha, double s, double beta, int x, double tx, double t, out double alive, double[]? gradient)
    {
        double rx = r + x;
        double lnAT = Math.Log(alpha + t);
        double lnBT = Math.Log(beta + t);
        double lnF = (-rx * lnAT) - (s * lnBT);
        double lnI = LifetimeMath.ParetoLogIntegral(rx, s + 1, alpha, beta, tx, t, out double iR, out double iAlpha, out double iS, out double iBeta);
        if (double.IsNegativeInfinity(lnI))
        {
            alive = 1;
            if (gradient is not null)
            {
                gradient[0] = -lnAT;
                gradient[1] = -rx / (alpha + t);
                gradient[2] = -lnBT;
                gradient[3] = -s / (beta + t);
            }

            return lnF;
        }

        double lnSI = Math.Log(s) + lnI;
        double m = Math.Max(lnF, lnSI);
        double eF = Math.Exp(lnF - m);
        double eI = Math.Exp(lnSI - m);
        double sum = eF + eI;
        double wF = eF / sum;
        double wI = eI / sum;
        alive = wF;
        if (gradient is not null)
        {
            gradient[0] = (wF * -lnAT) + (wI * iR);
            gradient[1] = (wF * (-rx / (alpha + t))) + (wI * iAlpha);
            gradient[2] = (wF * -lnBT) + (wI * (iS + (1 / s)));
            gradient[3] = (wF * (-s / (beta + t))) + (wI * iBeta);
        }

        return m + Math.Log(sum);
    }

    /// <summary>The mean log-likelihood per customer over weighted rows and its gradient with respect to (ln r, ln α, ln s, ln β).</summary>
    public static double Mean(LifetimeRows rows, double[] logParameters, double[] gradient)
    {
        double r = Math.Exp(logParameters[0]);
        double alpha = Math.Exp(logParameters[1]);
        double s = Math.Exp(logParameters[2]);
        double beta = Math.Exp(logParameters[3]);
        double lnAlpha = Math.Log(alpha);
        double lnBeta = Math.Log(beta);
        double gammaLnR = SpecialFunctions.GammaLn(r);
        double psiR = SpecialFunctions.DiGamma(r);
        int[] xs = rows.X;
        int[] groups = rows.GroupStart;
        double total = 0, compensation = 0;
        double gr = 0, galpha = 0, gs = 0, gbeta = 0;
        var g = new double[4];
        for (int group = 0; group + 1 < groups.Length; group++)
        {
            int start = groups[group], end = groups[group + 1];
            int x = xs[start];
            double head = SpecialFunctions.GammaLn(r + x) - gammaLnR + (r * lnAlpha) + (s * lnBeta);
            double headR = SpecialFunctions.DiGamma(r + x) - psiR + lnAlpha;
            for (int i = start; i < end; i++)
            {
                double w = rows.Weight[i];
                double tail = Tail(r, alpha, s, beta, x, rows.TimeToLast[i], rows.Observed[i], out _, g);
                double y = (w * (head + tail)) - compensation;
                double next = total + y;
                compensation = (next - total) - y;
                total = next;
                gr += w * (headR + g[0]);
                galpha += w * ((r / alpha) + g[1]);
                gs += w * (lnBeta + g[2]);
                gbeta += w * ((s / beta) + g[3]);
            }
        }

        double n = rows.TotalWeight;
        gradient[0] = gr * r / n;
        gradient[1] = galpha * alpha / n;
        gradient[2] = gs * s / n;
        gradient[3] = gbeta * beta / n;
        return total / n;
    }
}
