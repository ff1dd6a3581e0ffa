using System;
using System.Collections.Generic;
using System.Linq;
using CustomerValuation.Abc;
using CustomerValuation.Churn;
using Xunit;

namespace CustomerValuation.Tests.Churn;

/// <summary>
/// Example tests of the reason reports. The seven lost customers below are the worked example of docs/lost-customers.md;
/// every expected figure is computed by hand in the comments (values split equally among a customer's reasons, ABC cut
/// with the default options: value share, 80 % / 95 %, the crossing reason joins the upper class).
/// </summary>
public class ReasonReportTests
{
    // C1 price.real + dealer mark-up (one family: price), 400. C2 bidding + service, 200 → 100 + 100. C3 service, 150.
    // C4 complaint, 100. C5 credit, 40. C6 untagged, 110. C7 complaint, 0.
    private static readonly (string Id, string[] Codes, double Value, string Tier)[] s_customers =
    [
        ("C1", ["price.real", "price.seeming.dealer-markup"], 400, "A"),
        ("C2", ["price.seeming.competitive-bidding", "service"], 200, "B"),
        ("C3", ["service"], 150, "A"),
        ("C4", ["complaint"], 100, "B"),
        ("C5", ["credit"], 40, "C"),
        ("C6", [], 110, "A"),
        ("C7", ["complaint"], 0, "C"),
    ];

    private static readonly Dictionary<string, double> s_values = s_customers.ToDictionary(c => c.Id, c => c.Value);

    private static CustomerReasons<string> Tagged(string id, params string[] codes) =>
        new(id, codes.Select(c => new ReasonTag(c, [new ReasonEvidence(ReasonSource.Rule, "r-" + c, "test", -1, 0, 0.8)])));

    private static CustomerReasons<string>[] Customers() => s_customers.Select(c => Tagged(c.Id, c.Codes)).ToArray();

    [Fact]
    public void Pareto_FamilyByValue_MatchesHandWorkedFigures()
    {
        // Families: price 400 + 100 = 500, service 100 + 150 = 250, complaint 100 + 0 = 100, credit 40; tagged 890.
        // Cumulative 500/890 = .5618, 750/890 = .8427, 850/890 = .9551, 1. Upper-class rule, C before each reason:
        // price 0 → A, service .5618 < .8 → A, complaint .8427 ≥ .8 → B, credit .9551 ≥ .95 → C.
        ReasonParetoReport report = ReasonReport.Pareto(Customers(), s_values, W10.Taxonomy);
        Assert.Equal(new[] { "price", "service", "complaint", "credit" }, report.ByValue.Select(l => l.Code));
        Assert.Equal(new double?[] { 500, 250, 100, 40 }, report.ByValue.Select(l => l.Value));
        Assert.Equal(new[] { "A", "A", "B", "C" }, report.ByValue.Select(l => l.ClassLabel));
        Assert.Equal(500.0 / 890, report.ByValue[0].ValueShare!.Value, 15);
        Assert.Equal(850.0 / 890, report.ByValue[2].CumulativeValueShare!.Value, 15);
        Assert.Equal(1.0, report.ByValue[3].CumulativeValueShare);
        Assert.Equal(new[] { 1, 2, 3, 4 }, report.ByValue.Select(l => l.Rank));
    }

    [Fact]
    public void Pareto_UntaggedCustomer_IsALineOfItsOwn()
    {
        // C6 (110) is untagged: 1 of 7 customers, 110 of 1000.
        ReasonParetoReport report = ReasonReport.Pareto(Customers(), s_values, W10.Taxonomy);
        Assert.Equal((7, 6, 1), (report.CustomerCount, report.TaggedCount, report.UntaggedCount));
        Assert.Equal(1.0 / 7, report.UntaggedShare, 15);
        Assert.Equal((1000.0, 890.0, 110.0), (report.TotalValue!.Value, report.TaggedValue!.Value, report.UntaggedValue!.Value));
        Assert.Equal(0.11, report.UntaggedValueShare!.Value, 15);
        Assert.DoesNotContain(report.ByCount, l => l.Code == "other");
    }

    [Fact]
    public void Pareto_FamilyByCount_CountsEachCustomerOncePerReason()
    {
        // price 2 (C1 counts once although it has two price codes, C2), service 2, complaint 2, credit 1: 7 mentions.
        // Ties in taxonomy order (price, service, complaint). ABC on counts 2, 2, 2, 1 of 7: C before = 0, 2/7, 4/7 → A;
        // 6/7 = .857 ≥ .8 → B.
        ReasonParetoReport report = ReasonReport.Pareto(Customers(), s_values, W10.Taxonomy);
        Assert.Equal(7, report.MentionCount);
        Assert.Equal(new[] { "price", "service", "complaint", "credit" }, report.ByCount.Select(l => l.Code));
        Assert.Equal(new[] { 2, 2, 2, 1 }, report.ByCount.Select(l => l.Count));
        Assert.Equal(new[] { "A", "A", "A", "B" }, report.ByCount.Select(l => l.ClassLabel));
        Assert.Equal(new[] { 2.0 / 7, 4.0 / 7, 6.0 / 7, 1.0 }, report.ByCount.Select(l => l.CumulativeCountShare));
        Assert.Equal(2.0 / 7, report.ByCount[0].CustomerShare, 15);
    }

    [Fact]
    public void Pareto_CodeLevel_SplitsValueAndBreaksTiesInTaxonomyOrder()
    {
        // C1's 400 splits 200 / 200 between price.real and dealer mark-up; C2's 200 splits 100 / 100.
        // Values: service 250, price.real 200, mark-up 200, bidding 100, complaint 100, credit 40 (ties in taxonomy order:
        // price.real before mark-up; bidding, listed under price, before complaint). 8 mentions.
        ReasonParetoReport report = ReasonReport.Pareto(Customers(), s_values, W10.Taxonomy, ReasonLevel.Code);
        Assert.Equal(
            new[] { "service", "price.real", "price.seeming.dealer-markup", "price.seeming.competitive-bidding", "complaint", "credit" },
            report.ByValue.Select(l => l.Code));
        Assert.Equal(new double?[] { 250, 200, 200, 100, 100, 40 }, report.ByValue.Select(l => l.Value));
        Assert.Equal(8, report.MentionCount);
        Assert.Equal(890.0, report.ByValue.Sum(l => l.Value!.Value) + 0.0);
    }

    [Fact]
    public void Pareto_CountOnly_HasNoValueList()
    {
        ReasonParetoReport report = ReasonReport.Pareto(Customers(), W10.Taxonomy);
        Assert.False(report.HasValues);
        Assert.Empty(report.ByValue);
        Assert.All(report.ByCount, l => Assert.Null(l.Value));
        Assert.Null(report.UntaggedValueShare);
    }

    [Fact]
    public void Pareto_OtherOptions_UseTheirCut()
    {
        // Cut at 50 % / 85 % (SPEC W1's other practice is 65 / 85): price .0 → A; service .5618 ≥ .5 → B;
        // complaint .8427 < .85 → B; credit .9551 ≥ .85 → C.
        ReasonParetoReport report = ReasonReport.Pareto(Customers(), s_values, W10.Taxonomy, options: AbcOptions.ByValueShare(0.5, 0.85));
        Assert.Equal(new[] { "A", "B", "B", "C" }, report.ByValue.Select(l => l.ClassLabel));
    }

    [Fact]
    public void Pareto_EmptyInput_GivesEmptyReport()
    {
        ReasonParetoReport report = ReasonReport.Pareto(Array.Empty<CustomerReasons<string>>(), _ => 1.0, W10.Taxonomy);
        Assert.Equal((0, 0, 0.0), (report.CustomerCount, report.ByCount.Count, report.UntaggedShare));
        Assert.Equal(0.0, report.TotalValue);
    }

    [Fact]
    public void Pareto_AllUntagged_HasNoLines()
    {
        ReasonParetoReport report = ReasonReport.Pareto([Tagged("a"), Tagged("b")], W10.Taxonomy);
        Assert.Empty(report.ByCount);
        Assert.Equal(2, report.UntaggedCount);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(-1.0)]
    public void Pareto_BadLostValue_NamesCustomer(double bad)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => ReasonReport.Pareto(Customers(), id => id == "C4" ? bad : 1, W10.Taxonomy));
        Assert.Contains("customer 'C4' (index 3)", e.Message, StringComparison.Ordinal);
        Assert.Equal("lostValue", e.ParamName);
    }

    [Fact]
    public void Pareto_CustomerWithoutDictionaryValue_NamesIt()
    {
        var values = new Dictionary<string, double>(s_values);
        values.Remove("C5");
        var e = Assert.Throws<ArgumentException>(() => ReasonReport.Pareto(Customers(), values, W10.Taxonomy));
        Assert.Contains("'C5' has no lost value", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Pareto_CodeNotInTaxonomy_NamesCustomerAndCode()
    {
        var e = Assert.Throws<ArgumentException>(() => ReasonReport.Pareto([Tagged("a", "price.real"), Tagged("b", "price.too-high")], W10.Taxonomy));
        Assert.Contains("Customer 'b' (index 1 of reasons) has reason 'price.too-high'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Pareto_DuplicateId_NamesIt()
    {
        var e = Assert.Throws<ArgumentException>(() => ReasonReport.Pareto([Tagged("a", "credit"), Tagged("b"), Tagged("a")], W10.Taxonomy));
        Assert.Contains("'a' appears twice in reasons, at indices 0 and 2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Pareto_UndefinedLevel_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ReasonReport.Pareto(Customers(), W10.Taxonomy, (ReasonLevel)7));

    [Fact]
    public void BySegment_Tiers_MatchHandWorkedTable()
    {
        // A: C1 (price 400), C3 (service 150), C6 (untagged 110) → 3 customers, total 660.
        // B: C2 (price 100, service 100), C4 (complaint 100) → 2 customers, total 300.
        // C: C5 (credit 40), C7 (complaint 0) → 2 customers, total 40.
        Dictionary<string, string> tier = s_customers.ToDictionary(c => c.Id, c => c.Tier);
        ReasonCrossTab<string> table = ReasonReport.BySegment(Customers(), id => tier[id], W10.Taxonomy, lostValue: id => s_values[id]);
        Assert.Equal(new[] { "price", "service", "complaint", "credit" }, table.Reasons.Select(r => r.Code));
        Assert.Equal(new[] { "A", "B", "C" }, table.Rows.Select(r => r.Segment));
        Assert.Equal(new[] { 1, 1, 0, 0 }, table.Rows[0].Counts);
        Assert.Equal(new[] { 1, 1, 1, 0 }, table.Rows[1].Counts);
        Assert.Equal(new[] { 0, 0, 1, 1 }, table.Rows[2].Counts);
        Assert.Equal(new[] { 3, 2, 2 }, table.Rows.Select(r => r.CustomerCount));
        Assert.Equal(new[] { 1, 0, 0 }, table.Rows.Select(r => r.UntaggedCount));
        Assert.Equal(new[] { 400.0, 150, 0, 0 }, table.Rows[0].Values);
        Assert.Equal(new[] { 100.0, 100, 100, 0 }, table.Rows[1].Values);
        Assert.Equal(new double?[] { 660, 300, 40 }, table.Rows.Select(r => r.TotalValue));
        Assert.Equal(110.0, table.Rows[0].UntaggedValue);
        Assert.Equal(1.0 / 3, table.Rows[0].CustomerShares[0], 15);
        Assert.Equal(new[] { 2, 2, 2, 1 }, table.ColumnCounts);
        Assert.Equal(new[] { 500.0, 250, 100, 40 }, table.ColumnValues!);
        Assert.Equal((7, 1, 110.0, 1000.0), (table.CustomerCount, table.UntaggedCount, table.UntaggedValue!.Value, table.TotalValue!.Value));
    }

    [Fact]
    public void BySegment_NullSegment_NamesCustomer()
    {
        var e = Assert.Throws<ArgumentException>(() => ReasonReport.BySegment(Customers(), id => id == "C2" ? null! : "x", W10.Taxonomy));
        Assert.Contains("customer 'C2' (index 1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BySegment_IntegerSegments_AreInNumericOrder()
    {
        ReasonCrossTab<int> table = ReasonReport.BySegment([Tagged("a", "credit"), Tagged("b"), Tagged("c", "price.real")], id => id == "a" ? 10 : id == "b" ? 9 : 100, W10.Taxonomy, ReasonLevel.Code);
        Assert.Equal(new[] { 9, 10, 100 }, table.Rows.Select(r => r.Segment));
        Assert.Equal(new[] { "price.real", "credit" }, table.Reasons.Select(r => r.Code));
        Assert.Null(table.ColumnValues);
    }

    [Fact]
    public void Trend_TwoPeriods_MatchHandWorkedShares()
    {
        // Previous (4): price.real, service, untagged, credit → price, service, credit 1/4 each; untagged 1/4.
        // Current (5): mark-up; price.real + complaint; complaint; untagged; untagged → price 2/5, complaint 2/5, untagged 2/5.
        CustomerReasons<string>[] previous = [Tagged("P1", "price.real"), Tagged("P2", "service"), Tagged("P3"), Tagged("P4", "credit")];
        CustomerReasons<string>[] current = [Tagged("Q1", "price.seeming.dealer-markup"), Tagged("Q2", "price.real", "complaint"), Tagged("Q3", "complaint"), Tagged("Q4"), Tagged("Q5")];
        ReasonTrendReport trend = ReasonReport.Trend(previous, current, W10.Taxonomy);
        Assert.Equal(new[] { "price", "service", "complaint", "credit" }, trend.Lines.Select(l => l.Code));
        Assert.Equal(new[] { ReasonTrendStatus.Continuing, ReasonTrendStatus.Vanished, ReasonTrendStatus.New, ReasonTrendStatus.Vanished }, trend.Lines.Select(l => l.Status));
        Assert.Equal(new[] { 1, 1, 0, 1 }, trend.Lines.Select(l => l.PreviousCount));
        Assert.Equal(new[] { 2, 0, 2, 0 }, trend.Lines.Select(l => l.CurrentCount));
        double[] expectedPoints = [15, -25, 40, -25]; // (0.4 − 0.25) × 100, (0 − 0.25) × 100, (0.4 − 0) × 100, −25
        for (int i = 0; i < expectedPoints.Length; i++)
        {
            Assert.Equal(expectedPoints[i], trend.Lines[i].ShareChangePoints, 12);
        }

        Assert.Equal((0.25, 0.4), (trend.PreviousUntaggedShare, trend.CurrentUntaggedShare));
        Assert.Equal(15, trend.UntaggedShareChangePoints, 12);
    }

    [Fact]
    public void Trend_EmptyPreviousPeriod_SharesAreZeroNotNaN()
    {
        ReasonTrendReport trend = ReasonReport.Trend(Array.Empty<CustomerReasons<string>>(), [Tagged("a", "credit")], W10.Taxonomy);
        ReasonTrendLine line = Assert.Single(trend.Lines);
        Assert.Equal((0.0, 1.0, ReasonTrendStatus.New), (line.PreviousShare, line.CurrentShare, line.Status));
    }

    [Fact]
    public void Trend_UnknownCodeInCurrent_NamesPeriodCustomerAndCode()
    {
        var e = Assert.Throws<ArgumentException>(() => ReasonReport.Trend([Tagged("a", "credit")], [Tagged("b", "weather")], W10.Taxonomy));
        Assert.Contains("Customer 'b' (index 0 of current) has reason 'weather'", e.Message, StringComparison.Ordinal);
    }
}
