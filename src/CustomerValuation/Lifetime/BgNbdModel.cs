using System;
using System.Globalization;
using MathNet.Numerics;

namespace CustomerValuation.Lifetime;

/// <summary>
/// The BG/NBD model (Fader, Hardie &amp; Lee 2005, "Counting your customers the easy way"): while
/// alive, a customer buys as a Poisson process with rate λ ~ Gamma(r, α); after each purchase the
/// customer drops out with probability p ~ Beta(a, b).
/// </summary>
/// <remarks>
/// α is in the model's <see cref="Unit"/> (a rate λ is per unit). The formulas are in docs/lifetime.md:
/// P(alive) = 1 ÷ (1 + [x &gt; 0]·a/(b + x − 1)·((α + T)/(α + t_x))^(r+x)) (FHL 2005, eq. 13); the
/// expectations (FHL 2005, eqs. 7 and 10) are summed as a series of positive terms equal to the
/// paper's hypergeometric form (docs/lifetime.md), accurate for short horizons, at a = 1 and for a + b &lt; 1.
/// </remarks>
public sealed class BgNbdModel : IRepeatPurchaseModel
{
    /// <summary>Creates a model from its parameters.</summary>
    /// <param name="r">Shape of the Gamma distribution of the purchase rate.</param>
    /// <param name="alpha">Scale of the Gamma distribution of the purchase rate, in <paramref name="unit"/>.</param>
    /// <param name="a">First shape of the Beta distribution of the dropout probability.</param>
    /// <param name="b">Second shape of the Beta distribution of the dropout probability.</param>
    /// <param name="unit">The time unit of α and of every time given to the model.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is not a positive finite number, or the unit is not defined.</exception>
    public BgNbdModel(double r, double alpha, double a, double b, LifetimeTimeUnit unit)
    {
        R = ModelGuard.Positive(r, nameof(r));
        Alpha = ModelGuard.Positive(alpha, nameof(alpha));
        A = ModelGuard.Positive(a, nameof(a));
        B = ModelGuard.Positive(b, nameof(b));
        Unit = ModelGuard.Unit(unit, nameof(unit));
    }

    /// <summary>r: shape of the Gamma distribution of the purchase rate.</summary>
    public double R { get; }

    /// <summary>α: scale of the Gamma distribution of the purchase rate, in <see cref="Unit"/>.</summary>
    public double Alpha { get; }

    /// <summary>a: first shape of the Beta distribution of the dropout probability.</summary>
    public double A { get; }

    /// <summary>b: second shape of the Beta distribution of the dropout probability.</summary>
    public double B { get; }

    /// <inheritdoc/>
    public LifetimeTimeUnit Unit { get; }

    /// <summary>The log-likelihood of one customer's (x, t_x, T) (FHL 2005, eq. 6), without the constant of the purchase times.</summary>
    /// <param name="repeatPurchases">x.</param>
    /// <param name="timeToLastPurchase">t_x, in <see cref="Unit"/>.</param>
    /// <param name="observedTime">T, in <see cref="Unit"/>.</param>
    /// <returns>The natural logarithm of the likelihood.</returns>
    /// <exception cref="ArgumentOutOfRangeException">x is negative, or t_x or T is negative, NaN or infinite.</exception>
    /// <exception cref="ArgumentException">t_x &gt; T, x &gt; 0 with t_x = 0, or x = 0 with t_x &gt; 0.</exception>
    public double LogLikelihood(int repeatPurchases, double timeToLastPurchase, double observedTime)
    {
        LifetimeRows.ValidateRow(repeatPurchases, timeToLastPurchase, observedTime, -1);
        return BgNbdLikelihood.Row(R, Alpha, A, B, repeatPurchases, timeToLastPurchase, observedTime);
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
    /// <remarks>FHL 2005, eq. 10: (a + b + x − 1)/(a − 1)·[1 − ((α+T)/(α+T+t))^(r+x) ₂F₁(r+x, b+x; a+b+x−1; t/(α+T+t))]·P(alive).</remarks>
    /// <exception cref="ArgumentOutOfRangeException">x is negative; t_x, T or the horizon is negative, NaN or infinite.</exception>
    /// <exception cref="ArgumentException">t_x &gt; T, x &gt; 0 with t_x = 0, or x = 0 with t_x &gt; 0.</exception>
    public double ExpectedPurchases(int repeatPurchases, double timeToLastPurchase, double observedTime, double horizon)
    {
        LifetimeRows.ValidateRow(repeatPurchases, timeToLastPurchase, observedTime, -1);
        ModelGuard.Horizon(horizon, nameof(horizon));
        return ExpectedCore(repeatPurchases, timeToLastPurchase, observedTime, horizon);
    }

    /// <inheritdoc/>
    /// <remarks>FHL 2005, eq. 7: (a + b − 1)/(a − 1)·[1 − (α/(α+t))^r ₂F₁(r, b; a+b−1; t/(α+t))].</remarks>
    /// <exception cref="ArgumentOutOfRangeException">The horizon is negative, NaN or infinite.</exception>
    public double ExpectedPurchasesOfNewCustomer(double horizon)
    {
        ModelGuard.Horizon(horizon, nameof(horizon));
        return ExpectedCore(0, 0, 0, horizon);
    }

    /// <summary>The parameters and unit as text (invariant culture).</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        string.Format(CultureInfo.InvariantCulture, "BG/NBD r = {0:G6}, alpha = {1:G6}, a = {2:G6}, b = {3:G6} ({4})", R, Alpha, A, B, Unit);

    internal double AliveCore(int x, double tx, double t)
    {
        if (x == 0)
        {
            return 1;
        }

        double z = Math.Log(A) - Math.Log(B + x - 1) + ((R + x) * (Math.Log(Alpha + t) - Math.Log(Alpha + tx)));
        return z > 0 ? Math.Exp(-z) / (1 + Math.Exp(-z)) : 1 / (1 + Math.Exp(z));
    }

    internal double ExpectedCore(int x, double tx, double t, double horizon)
    {
        // Given alive at T: λ ~ Gamma(r + x, α + T), p ~ Beta(a, b + x), independent.
        return horizon == 0 ? 0 : AliveCore(x, tx, t) * LifetimeMath.BgNbdExpectedIfAlive(R + x, Alpha + t, A, B + x, horizon);
    }
}

/// <summary>The BG/NBD log-likelihood (FHL 2005, eq. 6) in log space, with its analytic gradient.</summary>
internal static class BgNbdLikelihood
{
    public static double Row(double r, double alpha, double a, double b, int x, double tx, double t)
    {
        double head = SpecialFunctions.GammaLn(r + x) - SpecialFunctions.GammaLn(r) + (r * Math.Log(alpha))
            + SpecialFunctions.GammaLn(a + b) + SpecialFunctions.GammaLn(b + x) - SpecialFunctions.GammaLn(b) - SpecialFunctions.GammaLn(a + b + x);
        double a3 = -(r + x) * Math.Log(alpha + t);
        if (x == 0)
        {
            return head + a3;
        }

        double a4 = Math.Log(a) - Math.Log(b + x - 1) - ((r + x) * Math.Log(alpha + tx));
        double m = Math.Max(a3, a4);
        return head + m + Math.Log(Math.Exp(a3 - m) + Math.Exp(a4 - m));
    }

    /// <summary>The mean log-likelihood per customer over weighted rows and its gradient with respect to (ln r, ln α, ln a, ln b).</summary>
    public static double Mean(LifetimeRows rows, double[] logParameters, double[] gradient)
    {
        double r = Math.Exp(logParameters[0]);
        double alpha = Math.Exp(logParameters[1]);
        double a = Math.Exp(logParameters[2]);
        double b = Math.Exp(logParameters[3]);
        double lnAlpha = Math.Log(alpha);
        double lnA = Math.Log(a);
        double gammaLnR = SpecialFunctions.GammaLn(r);
        double psiR = SpecialFunctions.DiGamma(r);
        double gammaLnAb = SpecialFunctions.GammaLn(a + b);
        double psiAb = SpecialFunctions.DiGamma(a + b);
        double gammaLnB = SpecialFunctions.GammaLn(b);
        double psiB = SpecialFunctions.DiGamma(b);

        int[] xs = rows.X;
        double[] txs = rows.TimeToLast;
        double[] ts = rows.Observed;
        double[] ws = rows.Weight;
        int[] groups = rows.GroupStart;
        double total = 0, compensation = 0;
        double gr = 0, galpha = 0, ga = 0, gb = 0;
        for (int group = 0; group + 1 < groups.Length; group++)
        {
            int start = groups[group], end = groups[group + 1];
            int x = xs[start];
            double rx = r + x;

            // Terms that depend on x only.
            double head = SpecialFunctions.GammaLn(rx) - gammaLnR + (r * lnAlpha)
                + gammaLnAb + SpecialFunctions.GammaLn(b + x) - gammaLnB - SpecialFunctions.GammaLn(a + b + x);
            double psiRx = SpecialFunctions.DiGamma(rx);
            double psiAbx = SpecialFunctions.DiGamma(a + b + x);
            double headR = psiRx - psiR + lnAlpha;
            double headAlpha = r / alpha;
            double headA = psiAb - psiAbx;
            double headB = psiAb + SpecialFunctions.DiGamma(b + x) - psiB - psiAbx;
            double lnBx = x > 0 ? Math.Log(b + x - 1) : 0;
            double invBx = x > 0 ? 1 / (b + x - 1) : 0;

            double sumW = 0, sumTail = 0, sumR = 0, sumAlpha = 0, sumA = 0;
            for (int i = start; i < end; i++)
            {
                double w = ws[i];
                double lnT = Math.Log(alpha + ts[i]);
                double a3 = -rx * lnT;
                double tail, dR, dAlpha, w4;
                if (x == 0)
                {
                    tail = a3;
                    dR = -lnT;
                    dAlpha = -rx / (alpha + ts[i]);
                    w4 = 0;
                }
                else
                {
                    double lnTx = Math.Log(alpha + txs[i]);
                    double a4 = lnA - lnBx - (rx * lnTx);
                    double m = Math.Max(a3, a4);
                    double e3 = Math.Exp(a3 - m);
                    double e4 = Math.Exp(a4 - m);
                    double sum = e3 + e4;
                    tail = m + Math.Log(sum);
                    double w3 = e3 / sum;
                    w4 = e4 / sum;
                    dR = -((w3 * lnT) + (w4 * lnTx));
                    dAlpha = -rx * ((w3 / (alpha + ts[i])) + (w4 / (alpha + txs[i])));
                }

                sumW += w;
                sumTail += w * tail;
                sumR += w * dR;
                sumAlpha += w * dAlpha;
                sumA += w * w4;
            }

            double contribution = (sumW * head) + sumTail;
            double y = contribution - compensation;
            double next = total + y;
            compensation = (next - total) - y;
            total = next;
            gr += (sumW * headR) + sumR;
            galpha += (sumW * headAlpha) + sumAlpha;
            ga += (sumW * headA) + (sumA / a);
            gb += (sumW * headB) - (sumA * invBx);
        }

        double n = rows.TotalWeight;
        gradient[0] = gr * r / n;
        gradient[1] = galpha * alpha / n;
        gradient[2] = ga * a / n;
        gradient[3] = gb * b / n;
        return total / n;
    }
}
