using System;
using System.Collections.Generic;
using System.Linq;
using CustomerValuation.Lifetime;
using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace CustomerValuation.Tests.Lifetime;

/// <summary>Lifetime summaries from transaction lines; expected values by hand from the definitions.</summary>
public class LifetimeSummariesTests
{
    private static readonly LifetimeSummaryOptions s_weeks = new(new DateTime(2024, 1, 29), LifetimeTimeUnit.Weeks, new DateTime(2024, 3, 31));

    /// <summary>Customer A: first day (two lines) 2024-01-01, repeats 01-15 and 01-29, a return, holdout 02-05 (two lines) and 03-01, a line after the holdout. B: one free item. C: holdout only.</summary>
    private static readonly (string? Id, DateTime Date, decimal Amount)[] s_lines =
    [
        ("A", new DateTime(2024, 1, 15, 9, 30, 0), 20m),
        ("A", new DateTime(2024, 1, 1), 10m),
        ("B", new DateTime(2024, 1, 22), 0m),
        ("A", new DateTime(2024, 2, 5), 7m),
        ("A", new DateTime(2024, 1, 8), -4m),
        ("C", new DateTime(2024, 2, 10), 9m),
        ("A", new DateTime(2024, 1, 29, 23, 59, 0), 30m),
        (null, new DateTime(2024, 1, 3), 12m),
        ("A", new DateTime(2024, 1, 1, 18, 0, 0), 5m),
        ("A", new DateTime(2024, 4, 2), 100m),
        ("A", new DateTime(2024, 2, 5), 3m),
        ("A", new DateTime(2024, 3, 1), 5m),
    ];

    [Fact]
    public void Summarize_HandExample_SameDayLinesMergeAndEveryLineIsCounted()
    {
        LifetimeSummarySet<string> set = LifetimeSummaries.Summarize(s_lines, l => l.Id, l => l.Date, l => l.Amount, s_weeks);

        // A: x = 2 (01-15, 01-29), t_x = 28 days = 4 weeks, T = 28 days = 4 weeks,
        // mean repeat spend (20 + 30) / 2 = 25 (the first day's 10 + 5 left out), holdout 2 days, 7 + 3 + 5 = 15.
        Assert.Equal(2, set.Count);
        Assert.Equal(new LifetimeCustomerSummary<string>("A", 2, 4, 4, 25, new DateTime(2024, 1, 1), 2, 15), set[0]);

        // B: first purchase 01-22, T = 7 days = 1 week, no repeat.
        Assert.Equal(new LifetimeCustomerSummary<string>("B", 0, 0, 1, 0, new DateTime(2024, 1, 22), 0, 0), set[1]);

        // 12 lines = 1 without customer + 1 return + 1 after the holdout + 5 calibration + 3 holdout + 1 holdout-only.
        Assert.Equal(new LifetimeSummaryReport(12, 1, 1, 1, 5, 3, 1, 2, 1, 1), set.Report);
        Assert.Equal(LifetimeTimeUnit.Weeks, set.Unit);
        Assert.Equal(new[] { 2, 0 }, set.RepeatPurchasesSpan.ToArray());
        Assert.Equal(new[] { 4.0, 1.0 }, set.ObservedTimeSpan.ToArray());
    }

    [Fact]
    public void Summarize_DaysUnit_TimesInDays()
    {
        var days = new LifetimeSummaryOptions(new DateTime(2024, 1, 29), LifetimeTimeUnit.Days);
        LifetimeSummarySet<string> set = LifetimeSummaries.Summarize(s_lines, l => l.Id, l => l.Date, l => (double)l.Amount, days);

        // Without a holdout every line after 01-29 is "after the period": A's 4 holdout lines + the 04-02 line + C's line.
        Assert.Equal(28, set[0].TimeToLastPurchase);
        Assert.Equal(28, set[0].ObservedTime);
        Assert.Equal(7, set[1].ObservedTime);
        Assert.Equal(0, set[0].HoldoutPurchases);
        Assert.Equal(new LifetimeSummaryReport(12, 1, 1, 5, 5, 0, 0, 2, 1, 0), set.Report);
    }

    [Fact]
    public void Summarize_SpanOverload_SameAsSelectors()
    {
        LifetimeSummarySet<string> bySelectors = LifetimeSummaries.Summarize(s_lines, l => l.Id, l => l.Date, l => l.Amount, s_weeks);
        LifetimeSummarySet<string> bySpans = LifetimeSummaries.Summarize<string>(
            s_lines.Select(l => l.Id).ToArray(),
            s_lines.Select(l => l.Date).ToArray(),
            s_lines.Select(l => l.Amount).ToArray(),
            s_weeks);
        Assert.Equal(bySelectors.ToArray(), bySpans.ToArray());
        Assert.Equal(bySelectors.Report, bySpans.Report);
    }

    [Fact]
    public void Summarize_IntegerStringIds_NumericOrder()
    {
        var lines = new[] { ("10", 1.0), ("9", 2.0), ("100", 3.0) };
        LifetimeSummarySet<string> set = LifetimeSummaries.Summarize(lines, l => l.Item1, _ => new DateTime(2024, 1, 1), l => l.Item2, s_weeks);
        Assert.Equal(new[] { "9", "10", "100" }, set.Select(c => c.Id).ToArray());
    }

    [Fact]
    public void Summarize_Empty_EmptySetAndZeroReport()
    {
        LifetimeSummarySet<string> set = LifetimeSummaries.Summarize(Array.Empty<(string, DateTime, decimal)>(), l => l.Item1, l => l.Item2, l => l.Item3, s_weeks);
        Assert.Empty(set);
        Assert.Equal(new LifetimeSummaryReport(0, 0, 0, 0, 0, 0, 0, 0, 0, 0), set.Report);
    }

    [Fact]
    public void Summarize_ShuffledLines_SameSummary()
    {
        // Property (STYLE 10): the result does not depend on the order of the lines.
        LifetimeSummarySet<string> expected = LifetimeSummaries.Summarize(s_lines, l => l.Id, l => l.Date, l => l.Amount, s_weeks);
        Gen<int[]> permutations = Gen.Shuffle(Enumerable.Range(0, s_lines.Length).ToArray());
        PropertyCheck.ForAll(permutations, order =>
        {
            IEnumerable<(string? Id, DateTime Date, decimal Amount)> shuffled = order.Select(i => s_lines[i]);
            LifetimeSummarySet<string> set = LifetimeSummaries.Summarize(shuffled, l => l.Id, l => l.Date, l => l.Amount, s_weeks);
            return set.SequenceEqual(expected) && set.Report == expected.Report;
        });
    }
}
