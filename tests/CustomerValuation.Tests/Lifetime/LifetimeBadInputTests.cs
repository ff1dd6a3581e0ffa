using System;
using CustomerValuation.Lifetime;
using Xunit;

namespace CustomerValuation.Tests.Lifetime;

/// <summary>Bad input: a clear exception naming the argument, the row and the rule (SPEC §7, STYLE 9).</summary>
public class LifetimeBadInputTests
{
    private static readonly BgNbdModel s_bgNbd = new(0.243, 4.414, 0.793, 2.426, LifetimeTimeUnit.Weeks);

    private static readonly ParetoNbdModel s_pareto = new(0.553, 10.578, 0.606, 11.669, LifetimeTimeUnit.Weeks);

    [Fact]
    public void Fit_NegativeTime_ThrowsNamingRow()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => BgNbd.Fit(new[] { 0, 1 }, new[] { 0.0, -1 }, new[] { 5.0, 5 }, LifetimeTimeUnit.Weeks));
        Assert.Equal("timeToLastPurchase", e.ParamName);
        Assert.Contains("Row 1", e.Message, StringComparison.Ordinal);

        e = Assert.Throws<ArgumentOutOfRangeException>(() => ParetoNbd.Fit(new[] { 0, 0, 0 }, new[] { 0.0, 0, 0 }, new[] { 5.0, 5, -2 }, LifetimeTimeUnit.Weeks));
        Assert.Equal("observedTime", e.ParamName);
        Assert.Contains("Row 2", e.Message, StringComparison.Ordinal);

        e = Assert.Throws<ArgumentOutOfRangeException>(() => BgNbd.Fit(new[] { 0 }, new[] { 0.0 }, new[] { double.NaN }, LifetimeTimeUnit.Weeks));
        Assert.Equal("observedTime", e.ParamName);
    }

    [Fact]
    public void Fit_LastPurchaseAfterObservedTime_ThrowsNamingRowAndRule()
    {
        var e = Assert.Throws<ArgumentException>(() => BgNbd.Fit(new[] { 1, 2 }, new[] { 3.0, 6 }, new[] { 5.0, 5 }, LifetimeTimeUnit.Weeks));
        Assert.Equal("timeToLastPurchase", e.ParamName);
        Assert.Contains("Row 1", e.Message, StringComparison.Ordinal);
        Assert.Contains("t_x ≤ T", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_RepeatPurchasesWithZeroTime_ThrowsNamingRowAndRule()
    {
        var e = Assert.Throws<ArgumentException>(() => ParetoNbd.Fit(new[] { 3 }, new[] { 0.0 }, new[] { 5.0 }, LifetimeTimeUnit.Days));
        Assert.Equal("timeToLastPurchase", e.ParamName);
        Assert.Contains("Row 0", e.Message, StringComparison.Ordinal);
        Assert.Contains("t_x > 0 when x > 0", e.Message, StringComparison.Ordinal);

        e = Assert.Throws<ArgumentException>(() => BgNbd.Fit(new[] { 0 }, new[] { 2.0 }, new[] { 5.0 }, LifetimeTimeUnit.Days));
        Assert.Contains("without a repeat purchase t_x is 0", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_NegativeRepeatPurchases_Throws()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => BgNbd.Fit(new[] { -1 }, new[] { 0.0 }, new[] { 5.0 }, LifetimeTimeUnit.Weeks));
        Assert.Equal("repeatPurchases", e.ParamName);
    }

    [Fact]
    public void Fit_LengthMismatchOrEmpty_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => BgNbd.Fit(new[] { 0, 0 }, new[] { 0.0, 0 }, new[] { 5.0 }, LifetimeTimeUnit.Weeks));
        Assert.Equal("observedTime", e.ParamName);
        e = Assert.Throws<ArgumentException>(() => BgNbd.Fit(ReadOnlySpan<int>.Empty, ReadOnlySpan<double>.Empty, ReadOnlySpan<double>.Empty, LifetimeTimeUnit.Weeks));
        Assert.Equal("repeatPurchases", e.ParamName);
    }

    [Fact]
    public void Fit_UndefinedUnit_Throws()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => BgNbd.Fit(new[] { 0 }, new[] { 0.0 }, new[] { 5.0 }, (LifetimeTimeUnit)30));
        Assert.Equal("unit", e.ParamName);
    }

    [Fact]
    public void ModelMethods_BadRow_ThrowNamingArgument()
    {
        Assert.Equal("timeToLastPurchase", Assert.Throws<ArgumentException>(() => s_bgNbd.ProbabilityAlive(2, 6, 5)).ParamName);
        Assert.Equal("timeToLastPurchase", Assert.Throws<ArgumentException>(() => s_pareto.ProbabilityAlive(2, 0, 5)).ParamName);
        Assert.Equal("observedTime", Assert.Throws<ArgumentOutOfRangeException>(() => s_pareto.ExpectedPurchases(0, 0, -1, 5)).ParamName);
        Assert.Equal("horizon", Assert.Throws<ArgumentOutOfRangeException>(() => s_bgNbd.ExpectedPurchases(1, 2, 5, -1)).ParamName);
        Assert.Equal("horizon", Assert.Throws<ArgumentOutOfRangeException>(() => s_pareto.ExpectedPurchasesOfNewCustomer(double.PositiveInfinity)).ParamName);
    }

    [Fact]
    public void ModelConstructors_NonPositiveParameter_Throw()
    {
        Assert.Equal("alpha", Assert.Throws<ArgumentOutOfRangeException>(() => new BgNbdModel(1, 0, 1, 1, LifetimeTimeUnit.Weeks)).ParamName);
        Assert.Equal("beta", Assert.Throws<ArgumentOutOfRangeException>(() => new ParetoNbdModel(1, 1, 1, double.NaN, LifetimeTimeUnit.Weeks)).ParamName);
        Assert.Equal("q", Assert.Throws<ArgumentOutOfRangeException>(() => new GammaGammaModel(1, -2, 1)).ParamName);
    }

    [Fact]
    public void GammaGammaFit_NegativeSpend_ThrowsNamingRow()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => GammaGamma.Fit(new[] { 1, 2, 3 }, new[] { 10.0, 12, -5 }));
        Assert.Equal("meanRepeatSpend", e.ParamName);
        Assert.Contains("Row 2", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => GammaGamma.Fit(new[] { 1 }, new[] { double.NaN }));
    }

    [Fact]
    public void GammaGammaFit_ZeroSpendAndNoRepeat_ExcludedWithReason()
    {
        GammaGammaFit fit = GammaGamma.Fit(new[] { 0, 2, 1, 3, 1, 4 }, new[] { 0.0, 0, 10, 12, 30, 22 });
        Assert.Equal(
            new[] { new GammaGammaExclusion(0, GammaGammaExclusionReason.NoRepeatPurchases), new GammaGammaExclusion(1, GammaGammaExclusionReason.ZeroSpend) },
            fit.Exclusions);
        Assert.Equal(4, fit.Report.Customers);
    }

    [Fact]
    public void GammaGammaFit_NoUsableCustomer_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => GammaGamma.Fit(new[] { 0, 2 }, new[] { 0.0, 0 }));
        Assert.Equal("repeatPurchases", e.ParamName);
    }

    [Fact]
    public void GammaGammaModel_NonPositiveSpend_Throws()
    {
        var model = new GammaGammaModel(6.25, 3.74, 15.44);
        Assert.Equal("meanRepeatSpend", Assert.Throws<ArgumentOutOfRangeException>(() => model.LogLikelihood(2, 0)).ParamName);
        Assert.Equal("repeatPurchases", Assert.Throws<ArgumentOutOfRangeException>(() => model.LogLikelihood(0, 10)).ParamName);
        Assert.Equal("meanRepeatSpend", Assert.Throws<ArgumentOutOfRangeException>(() => model.ExpectedMeanSpend(2, -1)).ParamName);
    }

    [Fact]
    public void GammaGammaModel_QAtMostOne_PopulationMeanThrows()
    {
        var model = new GammaGammaModel(2, 0.8, 10);
        Assert.Throws<InvalidOperationException>(() => model.PopulationMeanSpend);
        Assert.Throws<InvalidOperationException>(() => model.ExpectedMeanSpend(0, 0));

        // With x = 1: p·x + q − 1 = 1.8 > 0, bounded.
        Assert.Equal((10 + 5.0) * 2 / 1.8, model.ExpectedMeanSpend(1, 5), 12);
    }

    [Fact]
    public void Options_Invalid_Throw()
    {
        Assert.Equal("horizon", Assert.Throws<ArgumentOutOfRangeException>(() => new LifetimeValueOptions(0)).ParamName);
        Assert.Equal("horizon", Assert.Throws<ArgumentOutOfRangeException>(() => new LifetimeValueOptions(double.NaN)).ParamName);
        Assert.Equal("annualDiscountRate", Assert.Throws<ArgumentOutOfRangeException>(() => new LifetimeValueOptions(52, -0.1)).ParamName);
        Assert.Equal("holdoutEnd", Assert.Throws<ArgumentOutOfRangeException>(() => new LifetimeSummaryOptions(new DateTime(2024, 1, 1), LifetimeTimeUnit.Weeks, new DateTime(2024, 1, 1))).ParamName);
        Assert.Equal("unit", Assert.Throws<ArgumentOutOfRangeException>(() => new LifetimeSummaryOptions(new DateTime(2024, 1, 1), (LifetimeTimeUnit)0)).ParamName);
        Assert.Equal("maximumIterations", Assert.Throws<ArgumentOutOfRangeException>(() => new LifetimeFitOptions(0)).ParamName);
        Assert.Equal("gradientTolerance", Assert.Throws<ArgumentOutOfRangeException>(() => new LifetimeFitOptions(10, 0)).ParamName);
    }

    [Fact]
    public void Summarize_NaNAmount_ThrowsNamingLine()
    {
        var lines = new[] { ("A", 1.0), ("A", double.NaN) };
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => LifetimeSummaries.Summarize(lines, l => l.Item1, _ => new DateTime(2024, 1, 1), l => l.Item2, new LifetimeSummaryOptions(new DateTime(2024, 2, 1))));
        Assert.Equal("amount", e.ParamName);
        Assert.Contains("Line 2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Predict_UnitMismatch_Throws()
    {
        var lines = new[] { ("A", new DateTime(2024, 1, 1)), ("A", new DateTime(2024, 1, 9)) };
        LifetimeSummarySet<string> days = LifetimeSummaries.Summarize(lines, l => l.Item1, l => l.Item2, _ => 10m, new LifetimeSummaryOptions(new DateTime(2024, 2, 1), LifetimeTimeUnit.Days));
        var e = Assert.Throws<ArgumentException>(() => LifetimeValue.Predict(days, s_bgNbd, new GammaGammaModel(6.25, 3.74, 15.44), new LifetimeValueOptions(52)));
        Assert.Equal("purchases", e.ParamName);
    }

    [Fact]
    public void PredictSpan_BadSpendOrDestination_Throws()
    {
        var spend = new GammaGammaModel(6.25, 3.74, 15.44);
        var options = new LifetimeValueOptions(10);
        double[] a = new double[1], b = new double[1], c = new double[1], d = new double[1];
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => LifetimeValue.Predict(new[] { 1 }, new[] { 2.0 }, new[] { 5.0 }, new[] { -3.0 }, s_bgNbd, spend, options, a, b, c, d));
        Assert.Equal("meanRepeatSpend", e.ParamName);
        var f = Assert.Throws<ArgumentException>(() => LifetimeValue.Predict(new[] { 1 }, new[] { 2.0 }, new[] { 5.0 }, new[] { 3.0 }, s_bgNbd, spend, options, a, b, c, new double[2]));
        Assert.Equal("lifetimeValue", f.ParamName);
    }
}
