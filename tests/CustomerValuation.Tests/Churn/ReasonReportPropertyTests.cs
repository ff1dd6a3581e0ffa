using System;
using System.Collections.Generic;
using System.Linq;
using CustomerValuation.Churn;
using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace CustomerValuation.Tests.Churn;

/// <summary>
/// FsCheck properties of the reason reports (STYLE 17): counts and values conserved, nothing lost (untagged included),
/// permutation invariance and scale invariance of value shares. Lost values are multiples of 6, so every split among
/// 1, 2 or 3 reasons and every sum is exact and the reports can be compared exactly.
/// </summary>
public class ReasonReportPropertyTests
{
    private static readonly string[] s_codes = W10.Taxonomy.Select(r => r.Code).ToArray();

    private sealed record Customer(string Id, string[] Codes, double Value, string Segment);

    private sealed record Case(Customer[] Customers, ReasonLevel Level, int Seed, int ScaleExponent);

    private static readonly Gen<Case> s_cases =
        from n in Gen.Choose(0, 40)
        from codes in Gen.ArrayOf(Gen.Choose(0, 3).SelectMany(k => Gen.ArrayOf(Gen.Elements(s_codes), k)), n)
        from values in Gen.ArrayOf(Gen.Choose(0, 200), n)
        from segments in Gen.ArrayOf(Gen.Elements("A", "B", "C", "D"), n)
        from level in Gen.Elements(ReasonLevel.Family, ReasonLevel.Code)
        from seed in Gen.Choose(0, int.MaxValue)
        from exponent in Gen.Choose(-4, 12)
        select new Case(
            Enumerable.Range(0, n).Select(i => new Customer("c" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), codes[i].Distinct().ToArray(), 6.0 * values[i], segments[i])).ToArray(),
            level,
            seed,
            exponent);

    private static CustomerReasons<string> Reasons(Customer c) =>
        new(c.Id, c.Codes.Select(code => new ReasonTag(code, [new ReasonEvidence(ReasonSource.Phrase, code, code, 0, 1, 0.7)])));

    private static ReasonParetoReport Pareto(Case c, IEnumerable<Customer> customers, double scale = 1) =>
        ReasonReport.Pareto(customers.Select(Reasons), customers.ToDictionary(x => x.Id, x => x.Value * scale), W10.Taxonomy, c.Level);

    /// <summary>The keys of a customer at the level, computed independently from the codes' text.</summary>
    private static HashSet<string> Keys(Customer customer, ReasonLevel level) =>
        customer.Codes.Select(code => level == ReasonLevel.Code ? code : code.Split('.')[0]).ToHashSet();

    private static string Describe(IEnumerable<ReasonParetoLine> lines) =>
        string.Join("|", lines.Select(l => string.Join(",", l.Rank, l.Code, l.Count, l.CountShare.ToString("R", System.Globalization.CultureInfo.InvariantCulture), l.CustomerShare.ToString("R", System.Globalization.CultureInfo.InvariantCulture), l.Value?.ToString("R", System.Globalization.CultureInfo.InvariantCulture), l.ValueShare?.ToString("R", System.Globalization.CultureInfo.InvariantCulture), l.CumulativeCountShare.ToString("R", System.Globalization.CultureInfo.InvariantCulture), l.CumulativeValueShare?.ToString("R", System.Globalization.CultureInfo.InvariantCulture), l.ClassLabel)));

    [Fact]
    public void Pareto_CountsAndValues_AreConserved()
    {
        PropertyCheck.ForAll(s_cases, c =>
        {
            ReasonParetoReport r = Pareto(c, c.Customers);
            long mentions = c.Customers.Sum(x => Keys(x, c.Level).Count);
            double total = c.Customers.Sum(x => x.Value);
            return r.ByCount.Sum(l => (long)l.Count) == mentions
                && r.MentionCount == mentions
                && r.ByCount.Sum(l => l.Value!.Value) + r.UntaggedValue == total
                && r.TotalValue == total
                && r.ByValue.Sum(l => l.Value!.Value) == r.TaggedValue
                && (r.ByCount.Count == 0 || Math.Abs(r.ByCount.Sum(l => l.CountShare) - 1) < 1e-12)
                && (r.TaggedValue == 0 || Math.Abs(r.ByValue.Sum(l => l.ValueShare!.Value) - 1) < 1e-12)
                && r.ByCount.All(l => l.CumulativeCountShare <= 1 && l.CountShare > 0)
                && (r.ByCount.Count == 0 || r.ByCount[^1].CumulativeCountShare == 1.0);
        });
    }

    [Fact]
    public void Pareto_EveryCustomer_IsCountedOnceTaggedOrUntagged()
    {
        PropertyCheck.ForAll(s_cases, c =>
        {
            ReasonParetoReport r = Pareto(c, c.Customers);
            int tagged = c.Customers.Count(x => x.Codes.Length > 0);
            var expectedCounts = c.Customers.SelectMany(x => Keys(x, c.Level)).GroupBy(k => k).ToDictionary(g => g.Key, g => g.Count());
            return r.CustomerCount == c.Customers.Length
                && r.TaggedCount == tagged
                && r.UntaggedCount == c.Customers.Length - tagged
                && r.ByCount.Count == expectedCounts.Count
                && r.ByCount.All(l => expectedCounts[l.Code] == l.Count)
                && r.ByValue.Select(l => l.Code).OrderBy(x => x, StringComparer.Ordinal).SequenceEqual(r.ByCount.Select(l => l.Code).OrderBy(x => x, StringComparer.Ordinal));
        });
    }

    [Fact]
    public void Pareto_CustomerOrder_DoesNotMatter()
    {
        PropertyCheck.ForAll(s_cases, c =>
        {
            var random = new Random(c.Seed);
            ReasonParetoReport once = Pareto(c, c.Customers);
            ReasonParetoReport shuffled = Pareto(c, c.Customers.OrderBy(_ => random.Next()).ToArray());
            return Describe(once.ByCount) == Describe(shuffled.ByCount) && Describe(once.ByValue) == Describe(shuffled.ByValue);
        });
    }

    [Fact]
    public void Pareto_ScalingValues_KeepsSharesOrderAndClasses()
    {
        // Scaling by a power of two is exact, so shares, ranks and ABC classes must be identical.
        PropertyCheck.ForAll(s_cases, c =>
        {
            double scale = Math.Pow(2, c.ScaleExponent);
            ReasonParetoReport once = Pareto(c, c.Customers);
            ReasonParetoReport scaled = Pareto(c, c.Customers, scale);
            return once.ByValue.Select(l => (l.Code, l.ValueShare, l.CumulativeValueShare, l.ClassLabel))
                    .SequenceEqual(scaled.ByValue.Select(l => (l.Code, l.ValueShare, l.CumulativeValueShare, l.ClassLabel)))
                && once.ByValue.Zip(scaled.ByValue, (a, b) => a.Value * scale == b.Value).All(ok => ok)
                && once.UntaggedValueShare == scaled.UntaggedValueShare;
        });
    }

    [Fact]
    public void BySegment_RowsAddUpToColumnsAndTotals()
    {
        PropertyCheck.ForAll(s_cases, c =>
        {
            Dictionary<string, Customer> byId = c.Customers.ToDictionary(x => x.Id);
            ReasonCrossTab<string> t = ReasonReport.BySegment(c.Customers.Select(Reasons), id => byId[id].Segment, W10.Taxonomy, c.Level, id => byId[id].Value);
            ReasonParetoReport p = Pareto(c, c.Customers);
            return t.Rows.Select(r => r.Segment).SequenceEqual(c.Customers.Select(x => x.Segment).Distinct().OrderBy(x => x, StringComparer.Ordinal))
                && t.Rows.Sum(r => r.CustomerCount) == c.Customers.Length
                && t.Rows.Sum(r => r.UntaggedCount) == p.UntaggedCount
                && Enumerable.Range(0, t.Reasons.Count).All(col => t.Rows.Sum(r => r.Counts[col]) == t.ColumnCounts[col]
                    && t.ColumnCounts[col] == p.ByCount.Single(l => l.Code == t.Reasons[col].Code).Count
                    && t.ColumnValues![col] == p.ByCount.Single(l => l.Code == t.Reasons[col].Code).Value)
                && t.Rows.All(r => r.TotalValue == r.Values!.Sum() + r.UntaggedValue)
                && t.TotalValue == c.Customers.Sum(x => x.Value);
        });
    }

    [Fact]
    public void Trend_SharesAreCountsOverCustomersAndStatusFollowsCounts()
    {
        PropertyCheck.ForAll(s_cases, c =>
        {
            int half = c.Customers.Length / 2;
            Customer[] previous = c.Customers.Take(half).ToArray();
            Customer[] current = c.Customers.Skip(half).ToArray();
            ReasonTrendReport t = ReasonReport.Trend(previous.Select(Reasons), current.Select(Reasons), W10.Taxonomy, c.Level);
            var keys = previous.Concat(current).SelectMany(x => Keys(x, c.Level)).ToHashSet();
            return t.Lines.Count == keys.Count
                && t.Lines.All(l => l.PreviousCount == previous.Count(x => Keys(x, c.Level).Contains(l.Code))
                    && l.CurrentCount == current.Count(x => Keys(x, c.Level).Contains(l.Code))
                    && l.PreviousShare == (previous.Length == 0 ? 0 : (double)l.PreviousCount / previous.Length)
                    && l.Status == (l.PreviousCount == 0 ? ReasonTrendStatus.New : l.CurrentCount == 0 ? ReasonTrendStatus.Vanished : ReasonTrendStatus.Continuing))
                && t.PreviousUntaggedCount + previous.Count(x => x.Codes.Length > 0) == previous.Length;
        });
    }
}
