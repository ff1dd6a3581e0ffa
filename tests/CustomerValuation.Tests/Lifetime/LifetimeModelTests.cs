using System;
using System.Linq;
using CustomerValuation.Lifetime;
using Xunit;

namespace CustomerValuation.Tests.Lifetime;

/// <summary>
/// The model formulas against independent computations (see <see cref="Independent"/>): numeric
/// integration over the latent rates, the papers' formulas with a direct hypergeometric series, and
/// central differences of the log-likelihood for the analytic gradients.
/// </summary>
public class LifetimeModelTests
{
    // Published CDNOW estimates (FHL 2005; Fader & Hardie 2005; Fader & Hardie 2013).
    private static readonly BgNbdModel s_bgNbd = new(0.243, 4.414, 0.793, 2.426, LifetimeTimeUnit.Weeks);

    private static readonly ParetoNbdModel s_pareto = new(0.553, 10.578, 0.606, 11.669, LifetimeTimeUnit.Weeks);

    private static readonly (int X, double Tx, double T)[] s_rows =
    [
        (0, 0, 38.86), (1, 1.71, 38.86), (2, 30.43, 38.86), (5, 20, 32.5), (12, 31.9, 32), (1, 0.14, 0.5), (3, 9.5, 70), (40, 38, 39),
    ];

    [Fact]
    public void BgNbdExpectedPurchasesOfNewCustomer_MatchesIntegrationOverDropoutProbability()
    {
        // E[X(t)] = ∫₀¹ (1/p)(1 − (α/(α + p t))^r) Beta(p; a, b) dp (integrating λ out analytically);
        // p = u^(1/a) removes the p^(a−1) singularity: p^(a−1) dp = du / a.
        double r = s_bgNbd.R, alpha = s_bgNbd.Alpha, a = s_bgNbd.A, b = s_bgNbd.B;
        double logBeta = Independent.BetaLn(a, b);
        foreach (double t in new[] { 0.5, 1, 10, 39, 78, 520 })
        {
            double integral = Independent.Simpson(
                u =>
                {
                    double p = Math.Pow(u, 1 / a);
                    double given = p < 1e-12 ? r * t / alpha : (1 - Math.Pow(alpha / (alpha + (p * t)), r)) / p;
                    return given * Math.Pow(1 - p, b - 1);
                },
                0,
                1,
                200_000) / a / Math.Exp(logBeta);
            Assert.Equal(integral, s_bgNbd.ExpectedPurchasesOfNewCustomer(t), 7);
        }
    }

    [Fact]
    public void BgNbdExpectedPurchases_MatchesPaperFormulaWithDirectSeries()
    {
        // FHL 2005, eq. 10, with ₂F₁ summed directly (no transformation).
        double r = s_bgNbd.R, alpha = s_bgNbd.Alpha, a = s_bgNbd.A, b = s_bgNbd.B;
        foreach ((int x, double tx, double T) in s_rows)
        {
            foreach (double t in new[] { 1.0, 39, 100 })
            {
                double z = t / (alpha + T + t);
                double f = Independent.Hypergeometric(r + x, b + x, a + b + x - 1, z);
                double bracket = 1 - (Math.Pow((alpha + T) / (alpha + T + t), r + x) * f);
                double denominator = 1 + (x > 0 ? a / (b + x - 1) * Math.Pow((alpha + T) / (alpha + tx), r + x) : 0);
                double expected = (a + b + x - 1) / (a - 1) * bracket / denominator;
                Assert.Equal(expected, s_bgNbd.ExpectedPurchases(x, tx, T, t), 9);
            }
        }
    }

    [Fact]
    public void BgNbdExpectedPurchases_ANearOne_ContinuousAcrossTheRemovableSingularity()
    {
        // The paper's formula divides by a − 1; ours does not. Values at a = 1 ± 1e-7 bracket a = 1.
        var below = new BgNbdModel(0.5, 5, 1 - 1e-7, 3, LifetimeTimeUnit.Weeks);
        var at = new BgNbdModel(0.5, 5, 1, 3, LifetimeTimeUnit.Weeks);
        var above = new BgNbdModel(0.5, 5, 1 + 1e-7, 3, LifetimeTimeUnit.Weeks);
        double e = at.ExpectedPurchases(2, 10, 20, 30);
        Assert.InRange(e, Math.Min(below.ExpectedPurchases(2, 10, 20, 30), above.ExpectedPurchases(2, 10, 20, 30)) - 1e-9, Math.Max(below.ExpectedPurchases(2, 10, 20, 30), above.ExpectedPurchases(2, 10, 20, 30)) + 1e-9);
        Assert.True(e > 0);
    }

    [Fact]
    public void BgNbdProbabilityAliveAndLogLikelihood_MatchPaperFormulas()
    {
        double r = s_bgNbd.R, alpha = s_bgNbd.Alpha, a = s_bgNbd.A, b = s_bgNbd.B;
        foreach ((int x, double tx, double T) in s_rows)
        {
            // FHL 2005, eq. 13 (P(alive)) and eq. 6 (likelihood), in plain arithmetic with Lanczos ln Γ.
            double alive = x == 0 ? 1 : 1 / (1 + (a / (b + x - 1) * Math.Pow((alpha + T) / (alpha + tx), r + x)));
            Assert.Equal(alive, s_bgNbd.ProbabilityAlive(x, tx, T), 12);

            double common = Math.Exp(Independent.GammaLn(r + x) - Independent.GammaLn(r) + (r * Math.Log(alpha)));
            double l = common * Math.Exp(Independent.BetaLn(a, b + x) - Independent.BetaLn(a, b)) / Math.Pow(alpha + T, r + x);
            if (x > 0)
            {
                l += common * Math.Exp(Independent.BetaLn(a + 1, b + x - 1) - Independent.BetaLn(a, b)) / Math.Pow(alpha + tx, r + x);
            }

            Assert.Equal(Math.Log(l), s_bgNbd.LogLikelihood(x, tx, T), 10);
        }
    }

    /// <summary>Fader &amp; Hardie (2005) eq. 19's A₀ with the direct ₂F₁ series, for α ≥ β and α &lt; β.</summary>
    private static double ParetoA0(double r, double alpha, double s, double beta, int x, double tx, double T)
    {
        double rsx = r + s + x;
        if (alpha >= beta)
        {
            return (Independent.Hypergeometric(rsx, s + 1, rsx + 1, (alpha - beta) / (alpha + tx)) / Math.Pow(alpha + tx, rsx))
                - (Independent.Hypergeometric(rsx, s + 1, rsx + 1, (alpha - beta) / (alpha + T)) / Math.Pow(alpha + T, rsx));
        }

        return (Independent.Hypergeometric(rsx, r + x, rsx + 1, (beta - alpha) / (beta + tx)) / Math.Pow(beta + tx, rsx))
            - (Independent.Hypergeometric(rsx, r + x, rsx + 1, (beta - alpha) / (beta + T)) / Math.Pow(beta + T, rsx));
    }

    [Theory]
    [InlineData(0.553, 10.578, 0.606, 11.669)] // published CDNOW estimates: α < β
    [InlineData(0.8, 20, 1.5, 4)] // α > β
    [InlineData(2, 3, 0.3, 3)] // α = β
    public void ParetoNbdLogLikelihoodAndProbabilityAlive_MatchPaperFormulasWithDirectSeries(double r, double alpha, double s, double beta)
    {
        var model = new ParetoNbdModel(r, alpha, s, beta, LifetimeTimeUnit.Weeks);
        foreach ((int x, double tx, double T) in s_rows.Where(row => row.X < 20))
        {
            double a0 = ParetoA0(r, alpha, s, beta, x, tx, T);
            double first = 1 / (Math.Pow(alpha + T, r + x) * Math.Pow(beta + T, s));
            double l = Math.Exp(Independent.GammaLn(r + x) - Independent.GammaLn(r) + (r * Math.Log(alpha)) + (s * Math.Log(beta)))
                * (first + (s / (r + s + x) * a0));
            Assert.Equal(Math.Log(l), model.LogLikelihood(x, tx, T), 9);

            double alive = 1 / (1 + (s / (r + s + x) * Math.Pow(alpha + T, r + x) * Math.Pow(beta + T, s) * a0));
            Assert.Equal(alive, model.ProbabilityAlive(x, tx, T), 9);
        }
    }

    [Fact]
    public void ParetoNbdExpectations_MatchIntegrationOverDropoutRate()
    {
        // Given alive at T, λ ~ Gamma(r + x, α + T) and μ ~ Gamma(s, β + T) independently, so
        // E[Y(t)] = P(alive)·(r + x)/(α + T)·∫₀ᵗ ((β + T)/(β + T + τ))^s dτ; the new customer: x = 0, T = 0.
        foreach (double s in new[] { 0.606, 1.0, 1.0 + 1e-9, 2.5 })
        {
            var model = new ParetoNbdModel(0.553, 10.578, s, 11.669, LifetimeTimeUnit.Weeks);
            foreach ((int x, double tx, double T) in s_rows)
            {
                foreach (double t in new[] { 1.0, 39, 260 })
                {
                    double integral = Independent.Simpson(tau => Math.Pow((model.Beta + T) / (model.Beta + T + tau), s), 0, t, 20_000);
                    double expected = model.ProbabilityAlive(x, tx, T) * (model.R + x) / (model.Alpha + T) * integral;
                    Assert.Equal(expected, model.ExpectedPurchases(x, tx, T, t), 8);
                }
            }

            double fresh = model.R / model.Alpha * Independent.Simpson(tau => Math.Pow(model.Beta / (model.Beta + tau), s), 0, 52, 20_000);
            Assert.Equal(fresh, model.ExpectedPurchasesOfNewCustomer(52), 9);
        }
    }

    [Fact]
    public void GammaGammaExpectedMeanSpend_HandCalculation()
    {
        var model = new GammaGammaModel(6.25, 3.74, 15.44);

        // (γ + x z̄) p / (p x + q − 1) = (15.44 + 2·22.35)·6.25 / (12.5 + 2.74) = 375.875 / 15.24.
        Assert.Equal(375.875 / 15.24, model.ExpectedMeanSpend(2, 22.35), 12);

        // x = 0: the population mean p γ / (q − 1) = 96.5 / 2.74.
        Assert.Equal(96.5 / 2.74, model.ExpectedMeanSpend(0, 0), 12);
        Assert.Equal(96.5 / 2.74, model.PopulationMeanSpend, 12);
    }

    [Fact]
    public void GammaGammaLogLikelihood_MatchesDirectFormula()
    {
        var model = new GammaGammaModel(6.25, 3.74, 15.44);
        foreach ((int x, double z) in new[] { (1, 10.0), (2, 22.35), (7, 41.2), (30, 15.0) })
        {
            // Fader & Hardie (2013), eq. 3: Γ(px+q)/(Γ(px)Γ(q)) · γ^q z̄^(px−1) x^(px) / (γ + x z̄)^(px+q).
            double px = model.P * x;
            double expected = Independent.GammaLn(px + model.Q) - Independent.GammaLn(px) - Independent.GammaLn(model.Q)
                + (model.Q * Math.Log(model.Gamma)) + ((px - 1) * Math.Log(z)) + (px * Math.Log(x)) - ((px + model.Q) * Math.Log(model.Gamma + (x * z)));
            Assert.Equal(expected, model.LogLikelihood(x, z), 9);
        }
    }

    [Theory]
    [InlineData(0.243, 4.414, 0.793, 2.426)]
    [InlineData(2.0, 0.5, 3.0, 0.4)]
    public void BgNbdGradient_MatchesCentralDifferences(double r, double alpha, double a, double b)
    {
        LifetimeRows rows = Rows();
        double[] point = [Math.Log(r), Math.Log(alpha), Math.Log(a), Math.Log(b)];
        CheckGradient((p, g) => BgNbdLikelihood.Mean(rows, p, g), point);
    }

    [Theory]
    [InlineData(0.553, 10.578, 0.606, 11.669)]
    [InlineData(0.8, 20, 1.5, 4)]
    [InlineData(3, 0.2, 0.1, 50)]
    public void ParetoNbdGradient_MatchesCentralDifferences(double r, double alpha, double s, double beta)
    {
        LifetimeRows rows = Rows();
        double[] point = [Math.Log(r), Math.Log(alpha), Math.Log(s), Math.Log(beta)];
        CheckGradient((p, g) => ParetoNbdLikelihood.Mean(rows, p, g), point);
    }

    [Fact]
    public void GammaGammaGradient_MatchesCentralDifferences()
    {
        int[] x = [1, 2, 7, 30, 3];
        double[] z = [10, 22.35, 41.2, 15, 5.5];
        CheckGradient((p, g) => GammaGammaLikelihood.Mean(x, z, p, g), [Math.Log(6.25), Math.Log(3.74), Math.Log(15.44)]);
    }

    private static LifetimeRows Rows() => LifetimeRows.Compress(
        s_rows.Select(row => row.X).ToArray(),
        s_rows.Select(row => row.Tx).ToArray(),
        s_rows.Select(row => row.T).ToArray());

    private static void CheckGradient(Func<double[], double[], double> f, double[] point)
    {
        var gradient = new double[point.Length];
        f(point, gradient);
        var scratch = new double[point.Length];
        for (int i = 0; i < point.Length; i++)
        {
            const double h = 1e-5;
            double[] plus = (double[])point.Clone(), minus = (double[])point.Clone();
            plus[i] += h;
            minus[i] -= h;
            double numeric = (f(plus, scratch) - f(minus, scratch)) / (2 * h);
            Assert.True(Math.Abs(numeric - gradient[i]) <= 1e-7 * Math.Max(1, Math.Abs(numeric)), $"component {i}: analytic {gradient[i]}, numeric {numeric}");
        }
    }
}
