using System.Collections.Generic;
using System.Linq;
using CustomerValuation.Abc;
using Xunit;

namespace CustomerValuation.Tests.Abc;

/// <summary>
/// The worked examples of docs/abc.md as tests (STYLE 18): every expected number is the one worked
/// by hand on that page.
/// </summary>
public class AbcDocsExampleTests
{
    private static readonly (string Id, double Sales)[] s_w1 =
    {
        ("K01", 400), ("K02", 250), ("K03", 150), ("K04", 70), ("K05", 50),
        ("K06", 30), ("K07", 20), ("K08", 15), ("K09", 10), ("K10", 5),
    };

    private static string Classes(AbcAnalysis<string> a) => string.Concat(a.Customers.Select(c => c.Class));

    [Fact]
    public void W1_DefaultOptions_TableAndClassSummary()
    {
        AbcAnalysis<string> a = AbcClassifier.Analyze(s_w1.Reverse(), x => x.Id, x => x.Sales);

        Assert.Equal("AAABBBCCCC", Classes(a));
        Assert.Equal(new[] { 3, 3, 4, 0 }, a.Summary.Classes.Select(c => c.Count));
        Assert.Equal(new[] { 800.0, 150, 50, 0 }, a.Summary.Classes.Select(c => c.Value));
        Assert.Equal(new[] { 0.80, 0.15, 0.05, 0 }, a.Summary.Classes.Select(c => System.Math.Round(c.ValueShare, 12)));
        Assert.Equal(new double?[] { 150, 30, 5, null }, a.Summary.Classes.Select(c => c.MinValue));
        Assert.Equal(new double?[] { 400, 70, 20, null }, a.Summary.Classes.Select(c => c.MaxValue));
        Assert.Equal(0.608, a.Summary.Gini, 12);
        Assert.Equal("AAABBBCCCC", Classes(AbcClassifier.Analyze(s_w1, x => x.Id, x => x.Sales, AbcOptions.Default.WithBoundaryRule(AbcBoundaryRule.JoinLowerClass))));
    }

    [Fact]
    public void W1_Cut65And85_BothRules()
    {
        var upper = AbcClassifier.Analyze(s_w1, x => x.Id, x => x.Sales, AbcOptions.ByValueShare(0.65, 0.85));
        Assert.Equal("AABBCCCCCC", Classes(upper));
        Assert.Equal(new[] { 650.0, 220, 130, 0 }, upper.Summary.Classes.Select(c => c.Value));

        var lower = AbcClassifier.Analyze(s_w1, x => x.Id, x => x.Sales, AbcOptions.ByValueShare(0.65, 0.85).WithBoundaryRule(AbcBoundaryRule.JoinLowerClass));
        Assert.Equal("AABCCCCCCC", Classes(lower));
        Assert.Equal(new[] { 650.0, 150, 200, 0 }, lower.Summary.Classes.Select(c => c.Value));
    }

    [Fact]
    public void W1_ParetoCurve_AllAndThinned()
    {
        var a = AbcClassifier.Analyze(s_w1, x => x.Id, x => x.Sales);
        Assert.Equal(new[] { 0, 0.40, 0.65, 0.80, 0.87, 0.92, 0.95, 0.97, 0.985, 0.995, 1 }, a.ParetoCurve().Select(p => System.Math.Round(p.CumulativeValueShare, 12)));
        Assert.Equal(new[] { 0, 2, 4, 6, 8, 10 }, a.ParetoCurve(maxPoints: 6).Select(p => p.Rank));
        Assert.Equal(new[] { 0, 3, 7, 10 }, a.ParetoCurve(maxPoints: 4).Select(p => p.Rank));
    }

    [Fact]
    public void W1_SpanKernel_ForwardAndReversed()
    {
        double[] forward = s_w1.Select(x => x.Sales).ToArray();
        int[] classes = new int[10];
        AbcClassifier.Classify(forward, classes);
        Assert.Equal(new[] { 0, 0, 0, 1, 1, 1, 2, 2, 2, 2 }, classes);

        AbcClassifier.Classify(forward.Reverse().ToArray(), classes);
        Assert.Equal(new[] { 2, 2, 2, 2, 1, 1, 1, 0, 0, 0 }, classes);
    }

    [Fact]
    public void W1_WithTwoNonPositiveCustomers()
    {
        var records = s_w1.Append(("K11", 0.0)).Append(("K12", -12.0)).ToArray();
        var a = AbcClassifier.Analyze(records, x => x.Item1, x => x.Item2);

        Assert.Equal("AAABBBCCCCNN", Classes(a));
        Assert.Equal(new[] { "K11", "K12" }, a.Customers.Skip(10).Select(c => c.Id));
        Assert.Equal(new[] { 11, 12 }, a.Customers.Skip(10).Select(c => c.Rank));
        Assert.Equal(new[] { 0.25, 0.25, 4 / 12.0, 2 / 12.0 }, a.Summary.Classes.Select(c => c.CountShare));
        AbcClassSummary n = a.Summary.Classes[3];
        Assert.Equal((-12.0, 0.0, -12.0, 0.0), (n.Value, n.ValueShare, n.MinValue!.Value, n.MaxValue!.Value));
        Assert.Equal(0.608, a.Summary.Gini, 12);
    }

    [Fact]
    public void W1_ComputedAbc()
    {
        ComputedAbcResult computed = ComputedAbc.Compute(s_w1.Select(x => x.Sales).ToArray());

        Assert.Equal((3, 4, 5), (computed.ParetoPoint.Rank, computed.BreakEvenPoint.Rank, computed.SubmarginalPoint.Rank));
        Assert.Equal(new[] { 0.80, 0.92 }, computed.Options.Breakpoints.Select(b => System.Math.Round(b, 12)));
        var a = AbcClassifier.Analyze(s_w1, x => x.Id, x => x.Sales, computed.Options);
        Assert.Equal(new[] { 800.0, 120, 80, 0 }, a.Summary.Classes.Select(c => c.Value));
    }

    [Fact]
    public void W2_Twenty_CountsValuesAndGini()
    {
        var records = Enumerable.Range(1, 20).Select(i => ($"C{i:D2}", 21.0 - i)).ToArray();
        var a = AbcClassifier.Analyze(records, x => x.Item1, x => x.Item2, AbcOptions.ByCountShare(0.10, 0.30));

        Assert.Equal(new[] { 2, 4, 14, 0 }, a.Summary.Classes.Select(c => c.Count));
        Assert.Equal(new[] { 39.0, 66, 105, 0 }, a.Summary.Classes.Select(c => c.Value));
        Assert.Equal(19.0 / 60, a.Summary.Gini, 12);
    }

    [Theory]
    [InlineData(AbcBoundaryRule.JoinUpperClass, new[] { 3, 5, 17 }, new[] { 72.0, 100, 153 })]
    [InlineData(AbcBoundaryRule.JoinLowerClass, new[] { 2, 5, 18 }, new[] { 49.0, 105, 171 })]
    public void W2_TwentyFive_BoundaryRule(AbcBoundaryRule rule, int[] counts, double[] values)
    {
        var records = Enumerable.Range(1, 25).Select(i => ($"C{i:D2}", 26.0 - i)).ToArray();
        var a = AbcClassifier.Analyze(records, x => x.Item1, x => x.Item2, AbcOptions.ByCountShare(0.10, 0.30).WithBoundaryRule(rule));

        Assert.Equal(counts, a.Summary.Classes.Take(3).Select(c => c.Count));
        Assert.Equal(values, a.Summary.Classes.Take(3).Select(c => c.Value));
    }

    [Fact]
    public void W2_TieAtBoundary_SmallerIdRanksFirst()
    {
        var records = Enumerable.Range(1, 20).Select(i => ($"C{i:D2}", i == 3 ? 19.0 : 21.0 - i)).Reverse().ToArray();
        var a = AbcClassifier.Analyze(records, x => x.Item1, x => x.Item2, AbcOptions.ByCountShare(0.10, 0.30));

        Assert.Equal(("C02", "A"), (a.Customers[1].Id, a.Customers[1].Class));
        Assert.Equal(("C03", "B"), (a.Customers[2].Id, a.Customers[2].Class));
    }

    [Theory]
    [InlineData(AbcBoundaryRule.JoinUpperClass, 4, 820.0)]
    [InlineData(AbcBoundaryRule.JoinLowerClass, 3, 720.0)]
    public void W3_SurveyThreeYearVolume(AbcBoundaryRule rule, int surveyed, double volume)
    {
        var lines = new List<(string Customer, int Year, double Amount)>
        {
            ("P1", 2023, 100), ("P1", 2024, 100), ("P1", 2025, 100),
            ("P2", 2023, 50), ("P2", 2024, 80), ("P2", 2025, 120),
            ("P3", 2023, 170),
            ("P4", 2023, 20), ("P4", 2024, 30), ("P4", 2025, 50),
            ("P5", 2023, 30), ("P5", 2024, 30), ("P5", 2025, 20),
            ("P6", 2023, 10), ("P6", 2024, 20), ("P6", 2025, 20),
            ("P7", 2025, 30),
            ("P8", 2023, 15), ("P8", 2024, 10), ("P8", 2025, -5),
            ("P1", 2022, 999), // outside the three years
        };
        var threeYears = lines.Where(l => l.Year is >= 2023 and <= 2025).GroupBy(l => l.Customer).Select(g => (Id: g.Key, Volume: g.Sum(l => l.Amount)));
        var survey = new AbcOptions(new[] { 0.80 }, boundaryRule: rule, labels: new[] { "Survey", "Other" });

        var a = AbcClassifier.Analyze(threeYears, x => x.Id, x => x.Volume, survey);

        Assert.Equal(surveyed, a.Summary.Classes[0].Count);
        Assert.Equal(volume, a.Summary.Classes[0].Value);
        Assert.Equal(0.43, a.Summary.Gini, 12);
    }
}
