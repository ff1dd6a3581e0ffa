using System;
using System.Globalization;
using System.IO;
using System.Linq;
using CustomerValuation.Lifetime;
using Xunit;
using Xunit.Abstractions;

namespace CustomerValuation.Tests.Lifetime;

/// <summary>
/// The published CDNOW fits, reproduced from the raw transaction file: 2,357-customer sample,
/// calibration 1997-01-01 … 1997-09-30 (39 weeks), weekly units, purchases on the same day merged.
/// </summary>
public class LifetimeCdnowTests(ITestOutputHelper output)
{
    [SharedDataFact(CdnowData.Sample)]
    public void Summarize_CdnowSample_MatchesPublishedSummaryFile()
    {
        LifetimeSummarySet<string> set = CdnowData.SampleSummary;

        // The published summary (cdnow_customers_summary_with_transactions.csv, Fader & Hardie's
        // BG/NBD spreadsheet data): 2,357 customers, 946 repeat buyers, x/t_x/T/z̄ to 2 decimals.
        Assert.Equal(2357, set.Count);
        Assert.Equal(946, set.Report.RepeatCustomers);
        string[] csv = File.ReadAllLines(SharedData.PathOf(CdnowData.SummaryCsv)).Skip(1).ToArray();
        Assert.Equal(2357, csv.Length);

        // The csv numbers customers 1…2357 in the order of the master ids.
        for (int i = 0; i < csv.Length; i++)
        {
            string[] f = csv[i].Split(',');
            LifetimeCustomerSummary<string> c = set[i];
            Assert.Equal(int.Parse(f[1], CultureInfo.InvariantCulture), c.RepeatPurchases);
            // Two decimals, rounded half up in the file (22.345 → 22.35): within half a cent.
            Assert.InRange(c.TimeToLastPurchase - double.Parse(f[2], CultureInfo.InvariantCulture), -0.005 - 1e-9, 0.005 + 1e-9);
            Assert.InRange(c.ObservedTime - double.Parse(f[3], CultureInfo.InvariantCulture), -0.005 - 1e-9, 0.005 + 1e-9);
            Assert.InRange(c.MeanRepeatSpend - double.Parse(f[4], CultureInfo.InvariantCulture), -0.005 - 1e-9, 0.005 + 1e-9);
        }
    }

    [SharedDataFact(CdnowData.Sample)]
    public void BgNbdFit_CdnowSample_ReproducesPublishedEstimates()
    {
        LifetimeFit<BgNbdModel> fit = BgNbd.Fit(CdnowData.SampleSummary);
        output.WriteLine(fit.Report.ToString());

        // Fader, Hardie & Lee (2005), "Counting your customers the easy way", section 4:
        // r = 0.243, α = 4.414, a = 0.793, b = 2.426, LL = −9582.4.
        Assert.True(fit.Report.Converged, fit.Report.Message);
        Assert.Equal(0.243, Math.Round(fit.Model.R, 3));
        Assert.Equal(4.414, Math.Round(fit.Model.Alpha, 3));
        Assert.Equal(0.793, Math.Round(fit.Model.A, 3));
        Assert.Equal(2.426, Math.Round(fit.Model.B, 3));
        Assert.Equal(-9582.4, Math.Round(fit.Report.LogLikelihood, 1));
    }

    [SharedDataFact(CdnowData.Sample)]
    public void ParetoNbdFit_CdnowSample_ReproducesPublishedEstimates()
    {
        LifetimeFit<ParetoNbdModel> fit = ParetoNbd.Fit(CdnowData.SampleSummary);
        output.WriteLine(fit.Report.ToString());

        // Fader & Hardie (2005), "A note on deriving the Pareto/NBD model and related expressions" /
        // FHL 2005 (BG/NBD paper, comparison): r = 0.553, α = 10.578, s = 0.606, β = 11.669, LL = −9595.0.
        Assert.True(fit.Report.Converged, fit.Report.Message);
        Assert.Equal(0.553, Math.Round(fit.Model.R, 3));
        Assert.Equal(10.578, Math.Round(fit.Model.Alpha, 3));
        Assert.Equal(0.606, Math.Round(fit.Model.S, 3));
        Assert.Equal(11.669, Math.Round(fit.Model.Beta, 3));
        Assert.Equal(-9595.0, Math.Round(fit.Report.LogLikelihood, 1));
    }

    [SharedDataFact(CdnowData.Sample)]
    public void GammaGammaFit_CdnowSample_ReproducesPublishedEstimates()
    {
        GammaGammaFit fit = GammaGamma.Fit(CdnowData.SampleSummary);
        output.WriteLine(fit.Report.ToString());

        // Fader & Hardie (2013), "The Gamma-Gamma model of monetary value": 946 repeat buyers,
        // p = 6.25, q = 3.74, γ = 15.44.
        Assert.True(fit.Report.Converged, fit.Report.Message);
        Assert.Equal(946, fit.Report.Customers);
        Assert.Equal(2357 - 946, fit.Exclusions.Count);
        Assert.All(fit.Exclusions, e => Assert.Equal(GammaGammaExclusionReason.NoRepeatPurchases, e.Reason));
        Assert.Equal(6.25, Math.Round(fit.Model.P, 2));
        Assert.Equal(3.74, Math.Round(fit.Model.Q, 2));
        Assert.Equal(15.44, Math.Round(fit.Model.Gamma, 2));
    }
}
