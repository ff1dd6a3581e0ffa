using System;
using System.Linq;
using CustomerValuation.Lifetime;
using Xunit;

namespace CustomerValuation.Tests.Lifetime;

/// <summary>Fitting behaviour: weighted rows, recovery of known parameters, reports instead of exceptions.</summary>
public class LifetimeFitTests
{
    [SharedDataFact(CdnowData.Sample)]
    public void Fit_DuplicatedCustomers_SameEstimatesAndDoubleLogLikelihood()
    {
        // Every customer twice: the weighted rows have weight 2, the maximum does not move, the log-likelihood doubles.
        LifetimeSummarySet<string> set = CdnowData.SampleSummary;
        int[] x = [.. set.RepeatPurchasesSpan.ToArray(), .. set.RepeatPurchasesSpan.ToArray()];
        double[] tx = [.. set.TimeToLastPurchaseSpan.ToArray(), .. set.TimeToLastPurchaseSpan.ToArray()];
        double[] t = [.. set.ObservedTimeSpan.ToArray(), .. set.ObservedTimeSpan.ToArray()];
        LifetimeFit<BgNbdModel> once = BgNbd.Fit(set);
        LifetimeFit<BgNbdModel> twice = BgNbd.Fit(x, tx, t, LifetimeTimeUnit.Weeks);
        Assert.Equal(once.Report.DistinctRows, twice.Report.DistinctRows);
        Assert.Equal(2 * once.Report.Customers, twice.Report.Customers);
        Assert.Equal(2 * once.Report.LogLikelihood, twice.Report.LogLikelihood, 6);
        Assert.Equal(once.Model.R, twice.Model.R, 5);
        Assert.Equal(once.Model.B, twice.Model.B, 4);

        // The standard errors shrink by √2.
        Assert.Equal(once.Report.Parameters[0].StandardError!.Value / Math.Sqrt(2), twice.Report.Parameters[0].StandardError!.Value, 4);
    }

    [SharedDataFact(CdnowData.Sample)]
    public void Fit_CdnowInDays_SameModelInOtherUnits()
    {
        // Days instead of weeks: r, a, b (and s) do not change; α and β scale by 7; the log-likelihood
        // changes by the Jacobian of the time change only through the constant, which ours omits: so
        // the maxima agree after rescaling (to the optimizer's accuracy).
        LifetimeSummarySet<string> days = CdnowData.Summarize(CdnowData.Sample, new LifetimeSummaryOptions(new DateTime(1997, 9, 30), LifetimeTimeUnit.Days));
        LifetimeFit<BgNbdModel> fit = BgNbd.Fit(days);
        Assert.True(fit.Report.Converged, fit.Report.Message);
        Assert.Equal(0.243, Math.Round(fit.Model.R, 3));
        Assert.Equal(4.414, Math.Round(fit.Model.Alpha / 7, 3));
        Assert.Equal(0.793, Math.Round(fit.Model.A, 3));
        Assert.Equal(2.426, Math.Round(fit.Model.B, 3));
        Assert.Equal(LifetimeTimeUnit.Days, fit.Model.Unit);
    }

    [Fact]
    public void Fit_NoRepeatPurchases_ReportsNotConvergedWithoutThrowing()
    {
        // With x = 0 for everyone the likelihood rises as r → 0 (or α → ∞): no interior maximum.
        int[] x = new int[50];
        double[] tx = new double[50];
        double[] t = Enumerable.Range(1, 50).Select(i => (double)i).ToArray();
        LifetimeFit<BgNbdModel> bg = BgNbd.Fit(x, tx, t, LifetimeTimeUnit.Weeks);
        Assert.False(bg.Report.Converged);
        Assert.Contains("not positive definite", bg.Report.Message, StringComparison.Ordinal);
        Assert.All(bg.Report.Parameters, p => Assert.Null(p.StandardError));
        Assert.True(bg.Report.LogLikelihood <= 0 && !double.IsNaN(bg.Report.LogLikelihood));

        LifetimeFit<ParetoNbdModel> pareto = ParetoNbd.Fit(x, tx, t, LifetimeTimeUnit.Weeks);
        Assert.False(pareto.Report.Converged);
        Assert.False(double.IsNaN(pareto.Report.LogLikelihood));
    }

    [Fact]
    public void Fit_IterationLimitOfOne_ReportsNotConverged()
    {
        GammaGammaFit fit = GammaGamma.Fit(new[] { 1, 2, 7, 30, 3, 4 }, new[] { 10.0, 22.35, 41.2, 15, 5.5, 30 }, new LifetimeFitOptions(maximumIterations: 1));
        Assert.False(fit.Report.Converged);
        Assert.NotEmpty(fit.Report.Message);
        Assert.Equal(4, fit.Report.StartsTried);
    }

    [Fact]
    public void BgNbdFit_SimulatedCustomers_RecoversParameters()
    {
        // 20,000 customers simulated from the model itself (seeded): λ ~ Gamma(r, α), p ~ Beta(a, b),
        // Poisson purchases while alive, dropout after each purchase with probability p; T = 52 weeks.
        var random = new Random(20_260_127);
        const double r = 0.5, alpha = 5, a = 0.8, b = 2.5;
        int n = 20_000;
        var x = new int[n];
        var tx = new double[n];
        var t = new double[n];
        for (int i = 0; i < n; i++)
        {
            double lambda = Gamma(random, r) / alpha;
            double ga = Gamma(random, a), gb = Gamma(random, b);
            double p = ga / (ga + gb);
            double T = 26 + (26 * random.NextDouble());
            double now = 0, last = 0;
            int count = 0;
            while (true)
            {
                now += -Math.Log(1 - random.NextDouble()) / lambda;
                if (now > T)
                {
                    break;
                }

                count++;
                last = now;
                if (random.NextDouble() < p)
                {
                    break;
                }
            }

            x[i] = count;
            tx[i] = last;
            t[i] = T;
        }

        LifetimeFit<BgNbdModel> fit = BgNbd.Fit(x, tx, t, LifetimeTimeUnit.Weeks);
        Assert.True(fit.Report.Converged, fit.Report.Message);

        // Within three standard errors of the truth.
        double[] truth = [r, alpha, a, b];
        for (int k = 0; k < 4; k++)
        {
            LifetimeParameterEstimate e = fit.Report.Parameters[k];
            Assert.InRange(e.Value, truth[k] - (3 * e.StandardError!.Value), truth[k] + (3 * e.StandardError.Value));
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    public void GammaGammaFit_SpendsInTheHundreds_PolishedToTheRoundingFloorFromEveryStart(int seed)
    {
        // Spends in the hundreds, γ near 800 and some customers with a hundred or more repeat
        // purchases (like the demo's transaction lines): the mean log-likelihood then carries rounding
        // noise of about 1e-14, more than a Newton step gains near the maximum. The polishing once
        // demanded a rise of the value and stalled with gradients of 1e-11 … 1.5e-7 (seed 1: one
        // start not converged; the demo's data: 2 of 4 and "NOT converged"). Now every start ends at
        // the rounding floor of the gradient.
        // Simulated from the model (seeded): ν ~ Gamma(q, rate γ), each spend ~ Gamma(p, rate ν).
        var random = new Random(seed);
        const double p = 1.9, q = 3.7, gamma = 830;
        int n = 1500;
        var x = new int[n];
        var mean = new double[n];
        for (int i = 0; i < n; i++)
        {
            x[i] = Math.Min(250, 1 + (int)Math.Exp(1.0 + (1.1 * Normal(random))));
            double nu = MathNet.Numerics.Distributions.Gamma.Sample(random, q, gamma);
            double sum = 0;
            for (int j = 0; j < x[i]; j++)
            {
                sum += MathNet.Numerics.Distributions.Gamma.Sample(random, p, nu);
            }

            mean[i] = sum / x[i];
        }

        GammaGammaFit fit = GammaGamma.Fit(x, mean);
        Assert.True(fit.Report.Converged, fit.Report.Message);
        Assert.Equal(4, fit.Report.StartsConverged);
        Assert.True(fit.Report.GradientNorm <= 1e-12, fit.Report.GradientNorm.ToString("G3", System.Globalization.CultureInfo.InvariantCulture));
        double[] truth = [p, q, gamma];
        for (int k = 0; k < 3; k++)
        {
            LifetimeParameterEstimate e = fit.Report.Parameters[k];
            Assert.InRange(e.Value, truth[k] - (3 * e.StandardError!.Value), truth[k] + (3 * e.StandardError.Value));
        }
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    /// <summary>Gamma(shape, 1) by Marsaglia &amp; Tsang (shape &lt; 1 boosted by U^(1/shape)).</summary>
    private static double Gamma(Random random, double shape)
    {
        if (shape < 1)
        {
            return Gamma(random, shape + 1) * Math.Pow(random.NextDouble(), 1 / shape);
        }

        double d = shape - (1.0 / 3), c = 1 / Math.Sqrt(9 * d);
        while (true)
        {
            double z, v;
            do
            {
                double u1 = 1 - random.NextDouble(), u2 = random.NextDouble();
                z = Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
                v = 1 + (c * z);
            }
            while (v <= 0);

            v = v * v * v;
            double u = random.NextDouble();
            if (Math.Log(u) < (0.5 * z * z) + d - (d * v) + (d * Math.Log(v)))
            {
                return d * v;
            }
        }
    }
}
