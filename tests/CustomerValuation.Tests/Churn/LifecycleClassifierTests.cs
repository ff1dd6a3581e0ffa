using System;
using System.Linq;
using CustomerValuation.Churn;
using Xunit;

namespace CustomerValuation.Tests.Churn;

/// <summary>Example tests of lifecycle status; every expected value is worked by hand in the comment beside it (docs/lost-customers.md).</summary>
public class LifecycleClassifierTests
{
    private static readonly DateTime s_asOf = new(2026, 6, 30);

    private static LifecycleResult<string> Run(LifecycleOptions? options, params (string Id, DateTime[] Dates)[] customers) =>
        LifecycleClassifier.Classify(customers, c => c.Id, c => c.Dates, s_asOf, options);

    private static DateTime D(int y, int m, int d) => new(y, m, d);

    private static DateTime Ago(int days) => s_asOf.AddDays(-days);

    [Fact]
    public void Classify_DocsExample_GivesEachStatus()
    {
        // Hand-worked at 2026-06-30, fixed 180 days, new window 90, at-risk share 0.5 (t > 90), win-back window 90:
        // P none → Prospect; N first 2026-05-01, f = 60 < 90 → New; A 2026-01-15, 03-01, 06-01: t = 29, gaps 45, 92 → Active;
        // R 2025-10-01, 2026-02-01: t = 149 > 90 and ≤ 180 → AtRisk; L 2025-12-01: t = 211 > 180 → Lapsed;
        // W 2025-06-01, 2026-06-01: gap 365 > 180, last purchase 29 days ago < 90 → WonBack.
        LifecycleResult<string> r = Run(
            null,
            ("W", new[] { D(2025, 6, 1), D(2026, 6, 1) }),
            ("P", Array.Empty<DateTime>()),
            ("N", new[] { D(2026, 5, 1) }),
            ("A", new[] { D(2026, 1, 15), D(2026, 3, 1), D(2026, 6, 1) }),
            ("R", new[] { D(2025, 10, 1), D(2026, 2, 1) }),
            ("L", new[] { D(2025, 12, 1) }));
        Assert.Equal(new[] { "A", "L", "N", "P", "R", "W" }, r.Customers.Select(c => c.Id));
        Assert.Equal(
            new[] { LifecycleStatus.Active, LifecycleStatus.Lapsed, LifecycleStatus.New, LifecycleStatus.Prospect, LifecycleStatus.AtRisk, LifecycleStatus.WonBack },
            r.Customers.Select(c => c.Status));
        Assert.Equal(new int?[] { 29, 211, 60, null, 149, 29 }, r.Customers.Select(c => c.DaysSinceLastPurchase));
        Assert.All(r.Customers.Where(c => c.Id != "P"), c => Assert.Equal(180, c.ThresholdDays));
        Assert.Equal(LapseRuleKind.None, r.Customers[3].Rule);
        Assert.Equal(1, r.Count(LifecycleStatus.WonBack));
    }

    [Theory]
    [InlineData(180, LifecycleStatus.AtRisk)] // 180 > 180 is false: not lapsed; 180 > 90 → at risk
    [InlineData(181, LifecycleStatus.Lapsed)] // 181 > 180
    [InlineData(90, LifecycleStatus.Active)] // 90 > 0.5 × 180 = 90 is false
    [InlineData(91, LifecycleStatus.AtRisk)] // 91 > 90
    public void Classify_FixedRuleEdges_UseStrictInequalities(int daysSince, LifecycleStatus expected)
    {
        // Two purchases 100 days apart (gap ≤ 180, so never won back); the first ≥ 190 days ago (not new).
        LifecycleResult<string> r = Run(null, ("c", new[] { Ago(daysSince + 100), Ago(daysSince) }));
        Assert.Equal(expected, r.Customers[0].Status);
    }

    [Theory]
    [InlineData(89, LifecycleStatus.New)] // f = 89 < 90
    [InlineData(90, LifecycleStatus.Active)] // f = 90 is not < 90; t = 90 is not > 90
    public void Classify_NewWindowEdge_IsExclusive(int daysSinceFirst, LifecycleStatus expected) =>
        Assert.Equal(expected, Run(null, ("c", new[] { Ago(daysSinceFirst) })).Customers[0].Status);

    [Fact]
    public void Classify_RhythmRule_UsesMedianAndEdges()
    {
        // Purchases 100, 90, 70, 40, 30 days ago: gaps 10, 20, 30, 10 → sorted 10, 10, 20, 30, median (10 + 20) / 2 = 15;
        // threshold 3 × 15 = 45; t = 30 > 22.5 → AtRisk (no gap > 45, first 100 days ago so not new).
        var options = new LifecycleOptions(lapseRule: LapseRule.Rhythm(3, 3, 180));
        LifecycleCustomer<string> c = Run(options, ("c", new[] { Ago(100), Ago(90), Ago(70), Ago(40), Ago(30) })).Customers[0];
        Assert.Equal(LifecycleStatus.AtRisk, c.Status);
        Assert.Equal(15, c.ExpectedIntervalDays);
        Assert.Equal(45, c.ThresholdDays);
        Assert.Equal(LapseRuleKind.Rhythm, c.Rule);

        // Same rhythm shifted: t = 45 → not > 45 → AtRisk; t = 46 → Lapsed.
        Assert.Equal(LifecycleStatus.AtRisk, Run(options, ("c", new[] { Ago(115), Ago(105), Ago(85), Ago(55), Ago(45) })).Customers[0].Status);
        Assert.Equal(LifecycleStatus.Lapsed, Run(options, ("c", new[] { Ago(116), Ago(106), Ago(86), Ago(56), Ago(46) })).Customers[0].Status);
    }

    [Fact]
    public void Classify_RhythmWithTooFewPurchases_UsesFallback()
    {
        // Two purchase days (the same-day repeat counts once) < minimum 3 → fallback 180; t = 170 ≤ 180 and > 90 → AtRisk.
        var options = new LifecycleOptions(lapseRule: LapseRule.Rhythm(3, 3, 180));
        LifecycleCustomer<string> c = Run(options, ("c", new[] { Ago(300), Ago(170), Ago(170).AddHours(5) })).Customers[0];
        Assert.Equal(LifecycleStatus.AtRisk, c.Status);
        Assert.Equal(2, c.PurchaseDays);
        Assert.Null(c.ExpectedIntervalDays);
        Assert.Equal(180, c.ThresholdDays);
        Assert.Equal(LapseRuleKind.RhythmFallback, c.Rule);
    }

    [Fact]
    public void Classify_BadInput_ThrowsNamingArgumentAndId()
    {
        var future = Assert.Throws<ArgumentOutOfRangeException>(() => Run(null, ("x7", new[] { s_asOf.AddDays(1) })));
        Assert.Equal("customers", future.ParamName);
        Assert.Contains("x7", future.Message, StringComparison.Ordinal);
        var duplicate = Assert.Throws<ArgumentException>(() => Run(null, ("d", Array.Empty<DateTime>()), ("d", Array.Empty<DateTime>())));
        Assert.Contains("'d' appears twice", duplicate.Message, StringComparison.Ordinal);
        var nullId = Assert.Throws<ArgumentException>(() => LifecycleClassifier.Classify(new[] { (string?)null }, s => s!, _ => Array.Empty<DateTime>(), s_asOf));
        Assert.Equal("customers", nullId.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => LapseRule.FixedDays(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => LapseRule.Rhythm(double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => LapseRule.Rhythm(3, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => LapseRule.Rhythm(3, 3, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LifecycleOptions(newWindowDays: -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LifecycleOptions(atRiskShare: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LifecycleOptions(wonBackWindowDays: -1));
    }

    [Fact]
    public void Compare_DocsExample_GivesLapsedWonBackAndRate()
    {
        // Hand-worked, fixed 180: X bought 2025-06-01 (t at 2026-01-31 = 244 → lapsed), again 2026-05-01 → won back;
        // Y 2025-10-01 (t = 122 then, 272 now) → lapsed between; Z 2025-01-01 lapsed at both, no purchase → not won back;
        // Q appears later. Lapsed at earlier = 2 (X, Z), won back = 1 → rate 0.5.
        DateTime early = D(2026, 1, 31);
        var all = new (string Id, DateTime[] Dates)[]
        {
            ("X", new[] { D(2025, 6, 1), D(2026, 5, 1) }),
            ("Y", new[] { D(2025, 10, 1) }),
            ("Z", new[] { D(2025, 1, 1) }),
        };
        LifecycleResult<string> then = LifecycleClassifier.Classify(all, c => c.Id, c => c.Dates.Where(d => d <= early), early);
        LifecycleResult<string> now = LifecycleClassifier.Classify(all.Append((Id: "Q", Dates: new[] { D(2026, 6, 1) })), c => c.Id, c => c.Dates, s_asOf);
        LifecycleComparisonResult<string> r = LifecycleComparison.Compare(then, now);
        Assert.Equal(new[] { "Y" }, r.LapsedBetween);
        Assert.Equal(new[] { "X" }, r.WonBackBetween);
        Assert.Equal(2, r.LapsedAtEarlier);
        Assert.Equal(0.5, r.WinBackRate);
        Assert.Throws<ArgumentException>(() => LifecycleComparison.Compare(now, then));
        // Only Y at the earlier date (t = 122, not lapsed) → no one lapsed then → rate null, never NaN.
        Assert.Null(LifecycleComparison.Compare(LifecycleClassifier.Classify(all.Skip(1).Take(1), c => c.Id, c => c.Dates, early), now).WinBackRate);
    }
}
