using System;
using System.Collections.Generic;
using System.Linq;
using CustomerValuation.Abc;
using Xunit;

namespace CustomerValuation.Tests.Abc;

/// <summary>Example tests; every expected value is worked out by hand in the comment above it.</summary>
public class AbcClassifierTests
{
    // Ten customers whose values add up to 100 (SPEC W1). Cumulative shares in rank order:
    // 0.50, 0.80, 0.88, 0.92, 0.95, 0.97, 0.98, 0.99, 0.995, 1.00.
    private static readonly (string Id, double Value)[] s_w1 =
    {
        ("c03", 8), ("c01", 50), ("c05", 3), ("c02", 30), ("c04", 4),
        ("c06", 2), ("c07", 1), ("c08", 1), ("c09", 0.5), ("c10", 0.5),
    };

    [Fact]
    public void Analyze_SpecW1DefaultBreakpoints_Splits80_15_5()
    {
        // JoinUpperClass: class = number of breakpoints b with b <= C(i-1).
        // c01: C0 = 0 -> A; c02: C1 = .50 -> A; c03: C2 = .80 >= .80 -> B; c04 (.88), c05 (.92) -> B;
        // c06: C5 = .95 >= .95 -> C, and so on. A = 80 of 100, B = 15, C = 5.
        AbcAnalysis<string> analysis = AbcClassifier.Analyze(s_w1, x => x.Id, x => x.Value);

        Assert.Equal(new[] { "A", "A", "B", "B", "B", "C", "C", "C", "C", "C" }, analysis.Customers.Select(c => c.Class));
        Assert.Equal(new[] { "c01", "c02", "c03", "c04", "c05", "c06", "c07", "c08", "c09", "c10" }, analysis.Customers.Select(c => c.Id));
        AbcClassSummary[] classes = analysis.Summary.Classes.ToArray();
        Assert.Equal(2, classes[0].Count);
        Assert.Equal(0.80, classes[0].ValueShare, 12);
        Assert.Equal(0.15, classes[1].ValueShare, 12);
        Assert.Equal(0.05, classes[2].ValueShare, 12);
        Assert.Equal(0.2, classes[0].CountShare, 12);
        Assert.Equal(30.0, classes[0].MinValue);
        Assert.Equal(50.0, classes[0].MaxValue);
        Assert.Equal(0, classes[3].Count);
        Assert.Null(classes[3].MinValue);
        Assert.Equal(100.0, analysis.Summary.TotalValue, 12);
    }

    [Fact]
    public void Analyze_SpecW1SharesAndRanks_AreHandValues()
    {
        AbcAnalysis<string> analysis = AbcClassifier.Analyze(s_w1, x => x.Id, x => x.Value);

        AbcCustomer<string> third = analysis.Customers[2];
        Assert.Equal("c03", third.Id);
        Assert.Equal(3, third.Rank);
        Assert.Equal(0.08, third.Share, 12);          // 8 / 100
        Assert.Equal(0.88, third.CumulativeShare, 12); // (50 + 30 + 8) / 100
        Assert.Equal(1.0, analysis.Customers[^1].CumulativeShare);
    }

    [Fact]
    public void Analyze_SpecW1Cut65And85JoinUpper_CrossingCustomersJoinUpperClass()
    {
        // b = .65, .85. c01: C0 = 0 -> A; c02: C1 = .50 < .65 -> A (crosses .65);
        // c03: C2 = .80 >= .65 but < .85 -> B (crosses .85); c04: C3 = .88 >= .85 -> C.
        AbcAnalysis<string> analysis = AbcClassifier.Analyze(s_w1, x => x.Id, x => x.Value, AbcOptions.ByValueShare(0.65, 0.85));

        Assert.Equal(new[] { "A", "A", "B", "C", "C", "C", "C", "C", "C", "C" }, analysis.Customers.Select(c => c.Class));
    }

    [Fact]
    public void Analyze_SpecW1Cut65And85JoinLower_CrossingCustomersJoinLowerClass()
    {
        // JoinLowerClass: class = number of breakpoints b with b < C(i).
        // c01: C1 = .50 -> A; c02: C2 = .80 > .65 -> B; c03: C3 = .88 > .85 -> C.
        var options = AbcOptions.ByValueShare(0.65, 0.85).WithBoundaryRule(AbcBoundaryRule.JoinLowerClass);
        AbcAnalysis<string> analysis = AbcClassifier.Analyze(s_w1, x => x.Id, x => x.Value, options);

        Assert.Equal(new[] { "A", "B", "C", "C", "C", "C", "C", "C", "C", "C" }, analysis.Customers.Select(c => c.Class));
    }

    [Fact]
    public void Analyze_SpecW1ExactHitJoinLower_SameAsJoinUpper()
    {
        // Shares land exactly on .80 and .95, so both rules agree: a customer whose own cumulative
        // share equals the breakpoint is within it (JoinLower) and the next one has reached it (JoinUpper).
        var options = AbcOptions.Default.WithBoundaryRule(AbcBoundaryRule.JoinLowerClass);
        AbcAnalysis<string> analysis = AbcClassifier.Analyze(s_w1, x => x.Id, x => x.Value, options);

        Assert.Equal(new[] { "A", "A", "B", "B", "B", "C", "C", "C", "C", "C" }, analysis.Customers.Select(c => c.Class));
    }

    [Fact]
    public void Analyze_SpecW2CountShare20Customers_Gives2_4_14()
    {
        // A = top 10 % of 20 = 2 customers, B = next 20 % = 4, C = the remaining 70 % = 14.
        double[] values = Enumerable.Range(1, 20).Select(i => (double)i).ToArray();
        AbcAnalysis analysis = AbcClassifier.Analyze(values, AbcOptions.ByCountShare(0.10, 0.30));

        Assert.Equal(new[] { 2, 4, 14, 0 }, analysis.Summary.Classes.Select(c => c.Count));
        Assert.Equal(new[] { 20.0, 19.0 }, analysis.Entries.Where(e => e.ClassIndex == 0).Select(e => e.Value));
    }

    [Theory]
    [InlineData(AbcBoundaryRule.JoinUpperClass, 3, 5, 17)]
    [InlineData(AbcBoundaryRule.JoinLowerClass, 2, 5, 18)]
    public void Analyze_SpecW2CountShare25Customers_BoundaryRuleDecidesFractionalCustomer(AbcBoundaryRule rule, int a, int b, int c)
    {
        // 10 % of 25 = 2.5 and 30 % of 25 = 7.5 customers. JoinUpper takes the crossing customer:
        // A = ceil(2.5) = 3, A + B = ceil(7.5) = 8. JoinLower leaves it out: A = 2, A + B = 7.
        double[] values = Enumerable.Range(1, 25).Select(i => (double)i).ToArray();
        var options = AbcOptions.ByCountShare(0.10, 0.30).WithBoundaryRule(rule);
        AbcAnalysis analysis = AbcClassifier.Analyze(values, options);

        Assert.Equal(new[] { a, b, c, 0 }, analysis.Summary.Classes.Select(x => x.Count));
    }

    [Fact]
    public void Analyze_SpecW3SurveyTargets_CustomersMaking80PercentOfThreeYearVolume()
    {
        // Three-year volume per customer: X 100+120+130 = 350, Y 80+90+100 = 270, V 100+50+50 = 200,
        // Z 50+40+30 = 120, U 20+20+20 = 60; total 1,000. Cumulative before each: X 0, Y .35,
        // V .62, Z .82, U .94. One breakpoint .80: X, Y, V are surveyed (82 % of volume).
        var yearly = new (string Id, int Year, double Volume)[]
        {
            ("X", 1, 100), ("X", 2, 120), ("X", 3, 130), ("Y", 1, 80), ("Y", 2, 90), ("Y", 3, 100),
            ("Z", 1, 50), ("Z", 2, 40), ("Z", 3, 30), ("U", 1, 20), ("U", 2, 20), ("U", 3, 20),
            ("V", 1, 100), ("V", 2, 50), ("V", 3, 50),
        };
        var threeYears = yearly.GroupBy(r => r.Id).Select(g => (Id: g.Key, Volume: g.Sum(r => r.Volume)));
        var options = new AbcOptions(new[] { 0.80 }, labels: new[] { "survey", "other" });

        AbcAnalysis<string> analysis = AbcClassifier.Analyze(threeYears, x => x.Id, x => x.Volume, options);

        Assert.Equal(new[] { "V", "X", "Y" }, analysis.Customers.Where(c => c.Class == "survey").Select(c => c.Id).OrderBy(id => id, StringComparer.Ordinal));
        Assert.Equal(0.82, analysis.Summary.Classes[0].ValueShare, 12);
    }

    [Fact]
    public void Analyze_EqualValues_RankedByIdNotByInputOrder()
    {
        // Four equal values: ranks follow the ids a, b, c, d. Cumulative before: 0, .25, .50, .75;
        // with breakpoint .5 (JoinUpper) a and b are A, c and d are B.
        var records = new[] { ("d", 5.0), ("b", 5.0), ("a", 5.0), ("c", 5.0) };
        AbcAnalysis<string> analysis = AbcClassifier.Analyze(records, x => x.Item1, x => x.Item2, AbcOptions.ByValueShare(0.5));

        Assert.Equal(new[] { "a", "b", "c", "d" }, analysis.Customers.Select(c => c.Id));
        Assert.Equal(new[] { "A", "A", "B", "B" }, analysis.Customers.Select(c => c.Class));
    }

    [Fact]
    public void Analyze_ZeroAndNegativeValues_OwnClassRankedLastOutsideShares()
    {
        // Positive: 30 (index 3) and 10 (index 0), total 40. 30: C0 = 0 -> A; 10: C1 = .75 < .80 -> A.
        // 0 (index 1) and -5 (index 2) go to N, ranked 3 and 4, share 0, cumulative share 1.
        AbcAnalysis analysis = AbcClassifier.Analyze(new double[] { 10, 0, -5, 30 });

        Assert.Equal(new[] { 3, 0, 1, 2 }, analysis.Entries.Select(e => e.Index));
        Assert.Equal(new[] { 0, 0, 3, 3 }, analysis.Entries.Select(e => e.ClassIndex));
        Assert.Equal(new[] { 0.75, 0.25, 0, 0 }, analysis.Entries.Select(e => e.Share));
        Assert.Equal(new[] { 0.75, 1, 1, 1 }, analysis.Entries.Select(e => e.CumulativeShare));
        AbcClassSummary n = analysis.Summary.Classes[3];
        Assert.True(n.IsNonPositiveClass);
        Assert.Equal("N", n.Label);
        Assert.Equal(2, n.Count);
        Assert.Equal(-5.0, n.Value);
        Assert.Equal(0.0, n.ValueShare);
        Assert.Equal(-5.0, n.MinValue);
        Assert.Equal(0.0, n.MaxValue);
        Assert.Equal(0.5, n.CountShare);
        Assert.Equal(2, analysis.Summary.PositiveCount);
        Assert.Equal(40.0, analysis.Summary.TotalValue);
    }

    [Fact]
    public void Analyze_NoPositiveValue_EveryoneInNonPositiveClass()
    {
        AbcAnalysis analysis = AbcClassifier.Analyze(new double[] { 0, -1 });

        Assert.All(analysis.Entries, e => Assert.Equal(3, e.ClassIndex));
        Assert.All(analysis.Entries, e => Assert.Equal(0.0, e.CumulativeShare));
        Assert.Equal(0.0, analysis.Summary.Gini);
        Assert.Single(analysis.ParetoCurve());
    }

    [Theory]
    [InlineData(new double[] { 3, 1 }, 0.25)]          // sum |xi - xj| over ordered pairs = 4; 2 m² mean = 2·4·2 = 16
    [InlineData(new double[] { 1, 2, 3, 4 }, 0.25)]    // sum = 2·(1+2+3+1+2+1) = 20; 2·16·2.5 = 80
    [InlineData(new double[] { 7, 7, 7 }, 0.0)]        // all equal
    [InlineData(new double[] { 0, 0, 9 }, 0.0)]        // one positive customer: m = 1
    [InlineData(new double[] { 1, 0, 0, 0, 9 }, 0.4)]  // positives 1 and 9: 2·8 / (2·4·5) = 0.4
    public void Analyze_Gini_MatchesMeanAbsoluteDifferenceFormula(double[] values, double expected)
    {
        Assert.Equal(expected, AbcClassifier.Analyze(values).Summary.Gini, 12);
    }

    [Fact]
    public void ParetoCurve_AllPointsAndThinned_HandValues()
    {
        // 50, 30, 20 of 100: (0, 0), (1/3, .5), (2/3, .8), (1, 1).
        AbcAnalysis analysis = AbcClassifier.Analyze(new double[] { 20, 50, 30 });

        IReadOnlyList<ParetoPoint> all = analysis.ParetoCurve();
        Assert.Equal(new[] { 0, 1, 2, 3 }, all.Select(p => p.Rank));
        Assert.Equal(new[] { 0, 0.5, 0.8, 1.0 }, all.Select(p => Math.Round(p.CumulativeValueShare, 12)));
        Assert.Equal(1.0 / 3, all[1].CustomerShare, 15);

        IReadOnlyList<ParetoPoint> ends = analysis.ParetoCurve(maxPoints: 2);
        Assert.Equal(new[] { 0, 3 }, ends.Select(p => p.Rank));
        Assert.Equal(1.0, ends[1].CumulativeValueShare, 12);
    }

    [Fact]
    public void ParetoCurve_ThinnedTo11Points_KeepsEndsAndEvenRanks()
    {
        double[] values = Enumerable.Range(1, 100).Select(i => (double)i).ToArray();
        IReadOnlyList<ParetoPoint> curve = AbcClassifier.Analyze(values).ParetoCurve(maxPoints: 11);

        Assert.Equal(new[] { 0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100 }, curve.Select(p => p.Rank));
        // Top 10 of 1..100: (100 + 91) · 10 / 2 = 955 of 5,050.
        Assert.Equal(955.0 / 5050, curve[1].CumulativeValueShare, 12);
    }

    [Fact]
    public void Classify_SpanKernel_MatchesHandClasses()
    {
        // Same data as W1, by position: 8, 50, 3, 30, 4, 2, 1, 1, .5, .5, plus a zero.
        double[] values = { 8, 50, 3, 30, 4, 2, 1, 1, 0.5, 0.5, 0 };
        int[] classes = new int[values.Length];
        AbcClassifier.Classify(values, classes);

        Assert.Equal(new[] { 1, 0, 1, 0, 1, 2, 2, 2, 2, 2, 3 }, classes);
    }

    [Fact]
    public void Classify_TiesAcrossBreakpoint_EarlierPositionRanksHigher()
    {
        // Four 5s (positions 0..3) and 20 at position 4: total 40. 20: C0 = 0 -> A;
        // 5 @0: C = .50 < .8 -> A; 5 @1: .625 -> A; 5 @2: .75 -> A; 5 @3: .875 >= .8 -> B... >= .95? no -> B.
        double[] values = { 5, 5, 5, 5, 20 };
        int[] classes = new int[values.Length];
        AbcClassifier.Classify(values, classes);

        Assert.Equal(new[] { 0, 0, 0, 1, 0 }, classes);
    }

    [Fact]
    public void Analyze_DecimalSelector_SameAsDouble()
    {
        var records = new[] { ("a", 12.5m), ("b", 0.1m), ("c", 1000m) };
        AbcAnalysis<string> viaDecimal = AbcClassifier.Analyze(records, r => r.Item1, r => r.Item2);
        AbcAnalysis<string> viaDouble = AbcClassifier.Analyze(records, r => r.Item1, r => (double)r.Item2);

        Assert.Equal(new[] { "c", "a", "b" }, viaDecimal.Customers.Select(c => c.Id));
        Assert.Equal(viaDouble.Customers, viaDecimal.Customers);
        Assert.Equal(1012.6, viaDecimal.Summary.TotalValue, 10); // 1000 + 12.5 + 0.1
    }

    [Fact]
    public void Analyze_CountBasis_SharesAreStillValueShares()
    {
        // Count basis 0.5 on 30, 10 (total 40): A = the top customer by count; shares stay value shares.
        AbcAnalysis analysis = AbcClassifier.Analyze(new double[] { 10, 30 }, AbcOptions.ByCountShare(0.5));

        Assert.Equal(new[] { 0.75, 0.25 }, analysis.Entries.Select(e => e.Share));
        Assert.Equal(new[] { 0.75, 1.0 }, analysis.Entries.Select(e => e.CumulativeShare));
        Assert.Equal(new[] { 0, 1 }, analysis.Entries.Select(e => e.ClassIndex));
    }

    [Fact]
    public void Results_AreReadOnlyViews()
    {
        AbcAnalysis analysis = AbcClassifier.Analyze(new double[] { 1, 2 });
        Assert.False(analysis.Entries is AbcEntry[]);
        Assert.False(analysis.Summary.Classes is AbcClassSummary[]);
        Assert.False(AbcClassifier.Analyze(new[] { ("a", 1.0) }, x => x.Item1, x => x.Item2).Customers is AbcCustomer<string>[]);
    }

    [Fact]
    public void Options_CustomLabelsAndFourClasses_AreUsed()
    {
        // Bank desk (SPEC W2): A about 20 %, B about 30 % of customers, then C and D.
        var options = new AbcOptions(new[] { 0.2, 0.5, 0.8 }, AbcBasis.CountShare, labels: new[] { "Platinum", "Gold", "Silver", "Bronze" }, nonPositiveLabel: "Inactive");
        double[] values = Enumerable.Range(1, 10).Select(i => (double)i).ToArray();
        AbcAnalysis analysis = AbcClassifier.Analyze(values.Append(0).ToArray(), options);

        Assert.Equal(new[] { 2, 3, 3, 2, 1 }, analysis.Summary.Classes.Select(c => c.Count));
        Assert.Equal(new[] { "Platinum", "Gold", "Silver", "Bronze", "Inactive" }, analysis.Summary.Classes.Select(c => c.Label));
    }
}
