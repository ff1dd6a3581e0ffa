using System;
using System.Linq;
using CustomerValuation.Lifetime;
using Xunit;
using Xunit.Abstractions;

namespace CustomerValuation.Tests.Lifetime;

/// <summary>Predictions and lifetime value: identities, hand calculations and the CDNOW holdout.</summary>
public class LifetimeValueTests(ITestOutputHelper output)
{
    private static readonly BgNbdModel s_bgNbd = new(0.243, 4.414, 0.793, 2.426, LifetimeTimeUnit.Weeks);

    private static readonly ParetoNbdModel s_pareto = new(0.553, 10.578, 0.606, 11.669, LifetimeTimeUnit.Weeks);

    [Fact]
    public void Compute_NoDiscount_SpendTimesExpectedPurchases()
    {
        // Undiscounted, the steps telescope: CLV = spend · E[Y(H)].
        foreach (IRepeatPurchaseModel model in new IRepeatPurchaseModel[] { s_bgNbd, s_pareto })
        {
            double clv = LifetimeValue.Compute(model, 2, 30.43, 38.86, 25, new LifetimeValueOptions(52.5));
            Assert.Equal(25 * model.ExpectedPurchases(2, 30.43, 38.86, 52.5), clv, 10);
        }
    }

    [Fact]
    public void Compute_Discounted_HandCalculation()
    {
        // Horizon 2.5 weeks in steps ending at 1, 2, 2.5 weeks, each discounted by 1.1^−(t/52.178…) (year = 365.25/7 weeks).
        double e1 = s_pareto.ExpectedPurchases(3, 20, 30, 1), e2 = s_pareto.ExpectedPurchases(3, 20, 30, 2), e3 = s_pareto.ExpectedPurchases(3, 20, 30, 2.5);
        double year = 365.25 / 7;
        double expected = 40 * ((e1 * Math.Pow(1.1, -1 / year)) + ((e2 - e1) * Math.Pow(1.1, -2 / year)) + ((e3 - e2) * Math.Pow(1.1, -2.5 / year)));
        Assert.Equal(expected, LifetimeValue.Compute(s_pareto, 3, 20, 30, 40, new LifetimeValueOptions(2.5, 0.1)), 10);
    }

    [Fact]
    public void PredictSpan_SameAsSingleCustomerMethods()
    {
        var spend = new GammaGammaModel(6.25, 3.74, 15.44);
        var options = new LifetimeValueOptions(39, 0.15);
        int[] x = [0, 2, 7];
        double[] tx = [0, 30.43, 35];
        double[] t = [38.86, 38.86, 36];
        double[] m = [0, 22.35, 40];
        double[] alive = new double[3], purchases = new double[3], meanSpend = new double[3], value = new double[3];
        LifetimeValue.Predict(x, tx, t, m, s_bgNbd, spend, options, alive, purchases, meanSpend, value);
        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(s_bgNbd.ProbabilityAlive(x[i], tx[i], t[i]), alive[i]);
            Assert.Equal(s_bgNbd.ExpectedPurchases(x[i], tx[i], t[i], 39), purchases[i]);
            Assert.Equal(spend.ExpectedMeanSpend(x[i], m[i]), meanSpend[i]);
            Assert.Equal(LifetimeValue.Compute(s_bgNbd, x[i], tx[i], t[i], meanSpend[i], options), value[i]);
        }
    }

    [SharedDataFact(CdnowData.Sample)]
    public void Predict_CdnowHoldout_CloseToActualPurchases()
    {
        // Calibration 39 weeks to 1997-09-30, holdout 1997-10-01 … 1998-06-30 (39 weeks). Not a
        // published figure: a check that the fitted models forecast the real holdout in aggregate.
        LifetimeSummarySet<string> set = CdnowData.SampleSummary;
        BgNbdModel bg = BgNbd.Fit(set).Model;
        ParetoNbdModel pareto = ParetoNbd.Fit(set).Model;
        GammaGammaModel spend = GammaGamma.Fit(set).Model;
        var options = new LifetimeValueOptions(39, 0.10);
        var predictions = LifetimeValue.Predict(set, bg, spend, options);
        var paretoPredictions = LifetimeValue.Predict(set, pareto, spend, options);

        int actual = set.Sum(c => c.HoldoutPurchases);
        double bgTotal = predictions.Sum(p => p.ExpectedPurchases);
        double paretoTotal = paretoPredictions.Sum(p => p.ExpectedPurchases);
        output.WriteLine($"holdout purchase days: actual {actual}, BG/NBD {bgTotal:F1}, Pareto/NBD {paretoTotal:F1}");
        output.WriteLine($"holdout spend: actual {set.Sum(c => c.HoldoutSpend):F2}, BG/NBD CLV (10 %/year) {predictions.Sum(p => p.LifetimeValue):F2}");
        LifetimePrediction<string> first = predictions[0];
        output.WriteLine($"customer {first.Id}: {first}");
        // Observed: 1,882 actual purchase days against 1,653 (BG/NBD) and 1,666 (Pareto/NBD), 12 % under.
        Assert.InRange(bgTotal, 0.85 * actual, 1.15 * actual);
        Assert.InRange(paretoTotal, 0.85 * actual, 1.15 * actual);

        // Customer 0001 (x = 2, t_x = 30.43, T = 38.86): the prediction against FHL 2005, eq. 10, evaluated
        // here independently with the fitted parameters and ₂F₁ summed directly (about 1.226 purchases).
        LifetimeCustomerSummary<string> c1 = set[0];
        double r = bg.R, alpha = bg.Alpha, a = bg.A, b = bg.B, t = 39;
        int x1 = c1.RepeatPurchases;
        double tx1 = c1.TimeToLastPurchase, big = c1.ObservedTime;
        double f = Independent.Hypergeometric(r + x1, b + x1, a + b + x1 - 1, t / (alpha + big + t));
        double bracket = 1 - (Math.Pow((alpha + big) / (alpha + big + t), r + x1) * f);
        double denominator = 1 + (x1 > 0 ? a / (b + x1 - 1) * Math.Pow((alpha + big) / (alpha + tx1), r + x1) : 0);
        Assert.Equal((a + b + x1 - 1) / (a - 1) * bracket / denominator, predictions[0].ExpectedPurchases, 9);

        // BG/NBD: a customer without repeat purchases is alive for sure (no dropout before the first repeat).
        Assert.All(set.Zip(predictions), p => Assert.True(p.First.RepeatPurchases > 0 || p.Second.ProbabilityAlive == 1));
        Assert.All(predictions, p => Assert.True(p.ProbabilityAlive is >= 0 and <= 1 && p.LifetimeValue >= 0 && p.ExpectedMeanSpend > 0));
        Assert.Equal(set.Select(c => c.Id), predictions.Select(p => p.Id));
    }

    [SharedDataFact(CdnowData.Master)]
    public void Fit_CdnowMaster_BothPurchaseModelsConverge()
    {
        // The full master file: 23,570 customers who first bought in 1997-Q1; same calibration and unit.
        // No published estimates: the figures are printed for docs/lifetime.md.
        LifetimeSummarySet<string> set = CdnowData.Summarize(CdnowData.Master, CdnowData.Calibration);
        Assert.Equal(23_570, set.Count);
        Assert.Equal(69_659, set.Report.LinesRead);
        LifetimeFit<BgNbdModel> bg = BgNbd.Fit(set);
        LifetimeFit<ParetoNbdModel> pareto = ParetoNbd.Fit(set);
        output.WriteLine($"{set.Report}");
        output.WriteLine(bg.Report.ToString());
        output.WriteLine(pareto.Report.ToString());
        Assert.True(bg.Report.Converged, bg.Report.Message);
        Assert.True(pareto.Report.Converged, pareto.Report.Message);
        Assert.All(bg.Report.Parameters, p => Assert.NotNull(p.StandardError));
        Assert.All(pareto.Report.Parameters, p => Assert.NotNull(p.StandardError));
    }
}
