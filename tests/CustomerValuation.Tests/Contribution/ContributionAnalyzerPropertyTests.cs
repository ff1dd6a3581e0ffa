using System;
using System.Collections.Generic;
using System.Linq;
using CustomerValuation.Contribution;
using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace CustomerValuation.Tests.Contribution;

/// <summary>FsCheck properties of contribution analysis (STYLE 17): shares sum to 1, the contribution identity, scale invariance, nothing lost, order independence.</summary>
public class ContributionAnalyzerPropertyTests
{
    private const double Tolerance = 1e-9;

    /// <summary>1–40 rows in 1–4 groups of up to 6 items; sales 0–1,000 (some 0), cost 0–1,200 (some above sales), inventory 0–300 or missing.</summary>
    private static readonly Gen<Input[]> s_rows =
        from n in Gen.Choose(1, 40)
        from rows in Gen.ArrayOf(
            from g in Gen.Choose(0, 3)
            from i in Gen.Choose(0, 5)
            from sales in Gen.Frequency((1, Gen.Constant(0)), (6, Gen.Choose(1, 1_000)))
            from cost in Gen.Choose(0, 1_200)
            from inventory in Gen.Frequency((1, Gen.Constant<int?>(null)), (1, Gen.Constant<int?>(0)), (6, Gen.Choose(1, 300).Select(v => (int?)v)))
            select new Input("g" + g, "i" + i, sales, cost, inventory),
            n)
        select rows.GroupBy(r => (r.Group, r.Item)).Select(x => x.First()).ToArray();

    internal sealed record Input(string Group, string Item, double Sales, double Cost, double? Inventory);

    private static ContributionResult<string, string> Analyze(Input[] rows, double scale = 1) =>
        ContributionAnalyzer.Analyze(rows, r => r.Group, r => r.Item, r => r.Sales * scale, r => r.Cost * scale, r => r.Inventory * scale, InventoryBasis.SellingPrice);

    [Fact]
    public void Analyze_AnyRows_SharesWithinAGroupSumToOne()
    {
        PropertyCheck.ForAll(s_rows, rows =>
        {
            var result = Analyze(rows);
            return result.GroupBy(r => r.Group).All(group =>
                SumsToOneOrUndefined(group.Select(r => r.Figures.SalesShare).ToArray())
                && SumsToOneOrUndefined(group.Select(r => r.Figures.GrossMarginShare).ToArray())
                && SumsToOneOrUndefined(group.Where(r => r.Figures.ContributionRatio.HasValue).Select(r => r.Figures.ContributionShare).ToArray()));
        });
    }

    [Fact]
    public void Analyze_AnyRows_ContributionRatiosSumToSalesWeightedMeanCrossRatio()
    {
        // Σ contribution ratio = Σ cross ratio × sales ÷ group sales (over the rows with a cross ratio),
        // which is the sales-weighted mean cross ratio when every row with sales has one.
        PropertyCheck.ForAll(s_rows, rows =>
        {
            var result = Analyze(rows);
            return result.GroupBy(r => r.Group).All(group =>
            {
                double sales = group.Sum(r => r.Sales);
                double? reportedTotal = result.Groups.Single(x => x.Group == group.Key).Totals.ContributionRatio;
                if (sales == 0 || group.All(r => r.Figures.CrossRatio is null))
                {
                    return reportedTotal is null && group.All(r => r.Figures.ContributionRatio is null);
                }

                double weightedMean = group.Where(r => r.Figures.CrossRatio.HasValue).Sum(r => r.Figures.CrossRatio!.Value * r.Sales) / sales;
                double total = group.Where(r => r.Figures.ContributionRatio.HasValue).Sum(r => r.Figures.ContributionRatio!.Value);
                double reported = reportedTotal ?? double.NaN;
                double scale = Math.Max(1, group.Where(r => r.Figures.CrossRatio.HasValue).Sum(r => Math.Abs(r.Figures.CrossRatio!.Value)));
                return Math.Abs(total - weightedMean) <= Tolerance * scale && Math.Abs(reported - weightedMean) <= Tolerance * scale;
            });
        });
    }

    [Fact]
    public void Analyze_AllMoneyScaled_RatesTurnoversSharesAndFlagsUnchanged()
    {
        PropertyCheck.ForAll(
            from rows in s_rows
            from c in Gen.Elements(0.01, 3.0, 1e6)
            select (rows, c),
            t =>
            {
                var a = Analyze(t.rows);
                var b = Analyze(t.rows, t.c);
                // A group total that cancels to exactly 0 at one scale can come out an ulp from 0 at
                // another (0.82 − 5.52 + 9.79 − 5.09 is 8.9e-16 in doubles, 0 in cents): the sign
                // test on it (NoGroupMargin, NoGroupContribution, and the shares over it) is then
                // rounding, not arithmetic, so those groups' total-dependent parts are not compared.
                var nearZero = NearZeroTotals(t.rows);
                const ContributionIssues totalFlags = ContributionIssues.NoGroupMargin | ContributionIssues.NoGroupContribution;
                return a.Zip(b, (x, y) =>
                    (nearZero.Contains(x.Group)
                        ? (x.Figures.Flags & ~totalFlags) == (y.Figures.Flags & ~totalFlags)
                        : x.Figures.Flags == y.Figures.Flags
                            && Close(x.Figures.ContributionShare, y.Figures.ContributionShare)
                            && Close(x.Figures.GrossMarginShare, y.Figures.GrossMarginShare))
                    && Close(x.Figures.GrossMarginRate, y.Figures.GrossMarginRate)
                    && Close(x.Figures.Turnover, y.Figures.Turnover)
                    && Close(x.Figures.CrossRatio, y.Figures.CrossRatio)
                    && Close(x.Figures.SalesShare, y.Figures.SalesShare)
                    && Close(x.Figures.ContributionRatio, y.Figures.ContributionRatio)
                    && x.RankInGroup == y.RankInGroup).All(ok => ok);
            });
    }

    [Fact]
    public void Analyze_ShuffledInput_EveryRowOnceAndIdenticalResult()
    {
        PropertyCheck.ForAll(
            from rows in s_rows
            from seed in Gen.Choose(0, int.MaxValue)
            select (rows, seed),
            t =>
            {
                var shuffled = t.rows.OrderBy(_ => 0).ToArray();
                new Random(t.seed).Shuffle(shuffled);
                var a = Analyze(t.rows);
                var b = Analyze(shuffled);
                bool eachOnce = a.Count == t.rows.Length
                    && a.Select(r => (r.Group, r.Item)).OrderBy(k => k).SequenceEqual(t.rows.Select(r => (r.Group, r.Item)).OrderBy(k => k));
                return eachOnce && a.SequenceEqual(b) && a.Groups.SequenceEqual(b.Groups);
            });
    }

    private static bool SumsToOneOrUndefined(double?[] shares) =>
        shares.All(s => s is null) || (shares.All(s => s.HasValue) && Math.Abs(shares.Sum(s => s!.Value) - 1) <= Tolerance * Math.Max(1, shares.Sum(s => Math.Abs(s!.Value))));

    /// <summary>Groups whose margin total or Σ cross ratio × sales is 0 in exact (integer) arithmetic.</summary>
    private static HashSet<string> NearZeroTotals(Input[] rows) =>
        rows.GroupBy(r => r.Group)
            .Where(g => g.Sum(r => (decimal)r.Sales - (decimal)r.Cost) == 0
                || g.Where(r => r.Sales > 0 && r.Inventory > 0).Sum(r => ((decimal)r.Sales - (decimal)r.Cost) * (decimal)r.Sales / (decimal)r.Inventory!.Value) == 0)
            .Select(g => g.Key)
            .ToHashSet();

    private static bool Close(double? x, double? y) =>
        x.HasValue == y.HasValue && (!x.HasValue || Math.Abs(x.Value - y!.Value) <= Tolerance * Math.Max(1, Math.Abs(x.Value)));
}
