using System;
using System.Linq;
using CustomerValuation.Rfm;
using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace CustomerValuation.Tests.Rfm;

/// <summary>
/// <see cref="RfmScoreCuts{TId}"/>: the cuts computed from the merged features, broadcast and
/// applied to each customer alone, give the scores of <see cref="RfmScorer"/> over all the customers.
/// </summary>
public class RfmScoreCutsTests
{
    private static readonly DateTime s_asOf = new(2024, 3, 31);

    private static readonly Gen<RfmDimensionScoring> s_scoring = Gen.Elements(
        RfmDimensionScoring.Rank,
        RfmDimensionScoring.RankWith(RfmRankBinning.QcutOfRank),
        RfmDimensionScoring.ValueBreakpoints);

    private static readonly Gen<RfmScoringOptions> s_options =
        from count in Gen.Choose(2, 6)
        from r in s_scoring
        from f in s_scoring
        from m in s_scoring
        select new RfmScoringOptions(count).WithRecency(r).WithFrequency(f).WithMonetary(m);

    private static readonly Gen<(string?[] Ids, int[] Days, decimal[] Amounts, string[] Orders, RfmScoringOptions Options)> s_case =
        from pool in Gen.Elements(new[] { "1", "2", "10", "007", "7", "30" }, new[] { "a", "b", "10", "9", "c", "d", "e", "f", "g" })
        from n in Gen.Choose(1, 60)
        from ids in Gen.ArrayOf(Gen.Elements(pool).Select(s => (string?)s), n)
        from days in Gen.ArrayOf(Gen.Choose(-20, 0), n)
        from amounts in Gen.ArrayOf(Gen.Elements(1m, 2m, 5m, 2.5m, 100m, -1m), n)
        from orders in Gen.ArrayOf(Gen.Elements("o1", "o2", "o3"), n)
        from options in s_options
        select (ids, days, amounts, orders, options);

    [Fact]
    public void ScoreCuts_EachCustomerScoredAlone_EqualsScorerOverAll()
    {
        PropertyCheck.ForAll(s_case, c =>
        {
            var options = new RfmTransactionOptions(s_asOf, nonPositiveAmounts: RfmNonPositivePolicy.Net);
            RfmFeatureSet<string> features = RfmPartial.FromLines(
                Enumerable.Range(0, c.Ids.Length), i => c.Ids[i], i => s_asOf.AddDays(c.Days[i]), i => c.Amounts[i], i => c.Orders[i], options).ToFeatures();
            if (features.Count == 0)
            {
                return true;
            }

            RfmResult<string> all = RfmScorer.Score(features, c.Options);
            RfmScoreCuts<string> cuts = RfmPartial.ScoreCuts(features, c.Options);

            // Broadcast as plain parts and rebuilt, as a worker would.
            RfmScoreCuts<string> restored = RfmPartial.RestoreScoreCuts(
                c.Options,
                cuts.NumericIdOrder,
                cuts.Recency.Values.ToArray(),
                cuts.Recency.Ids.ToArray(),
                cuts.Frequency.Values.ToArray(),
                cuts.Frequency.Ids.ToArray(),
                cuts.Monetary.Values.ToArray(),
                cuts.Monetary.Ids.ToArray());

            // Local scoring in reverse order, one customer at a time: nothing depends on the others.
            return features.Reverse().All(f => cuts.Score(f) == all.Customers.Single(x => x.Id == f.Id).Score && restored.Score(f) == cuts.Score(f));
        });
    }

    [Fact]
    public void ScoreCuts_FixedThresholds_AreTheThresholds()
    {
        RfmFeatureSet<string> features = RfmPartial.FromLines([("a", 3, 10m), ("b", 40, 1m)], l => l.Item1, l => s_asOf.AddDays(-l.Item2), l => l.Item3, l => l.Item1, new RfmTransactionOptions(s_asOf)).ToFeatures();
        var options = new RfmScoringOptions(3).WithRecency(RfmDimensionScoring.Fixed(7, 30));
        RfmScoreCuts<string> cuts = RfmPartial.ScoreCuts(features, options);
        Assert.Equal([7.0, 30.0], cuts.Recency.Values);
        Assert.Equal(3, cuts.Score(features[0]).Recency);
        Assert.Equal(1, cuts.Score(features[1]).Recency);
        Assert.Equal(RfmScorer.Score(features, options).Customers.Select(x => x.Score), features.Select(cuts.Score));
    }

    [Fact]
    public void ScoreCuts_RankTieSplitAcrossBins_BroadcastsValueAndId()
    {
        // Hand-worked: four customers with monetary 5, 5, 5, 9 (ids a, b, c, d) in 2 rank bins
        // (NTILE: 2 + 2). Ranks ascending: a, b (bin 1), c, d (bin 2); the cut is (5, "b").
        RfmFeatureSet<string> features = RfmPartial.FromLines(
            [("a", 5m), ("b", 5m), ("c", 5m), ("d", 9m)], l => l.Item1, _ => s_asOf, l => l.Item2, l => l.Item1, new RfmTransactionOptions(s_asOf)).ToFeatures();
        var options = new RfmScoringOptions(2);
        RfmScoreCuts<string> cuts = RfmPartial.ScoreCuts(features, options);
        Assert.Equal([5.0], cuts.Monetary.Values);
        Assert.Equal(["b"], cuts.Monetary.Ids);
        Assert.Equal([1, 1, 2, 2], features.Select(f => (int)cuts.Score(f).Monetary));
        Assert.Equal(RfmScorer.Score(features, options).Customers.Select(x => x.Score), features.Select(cuts.Score));
    }

    [Fact]
    public void ScoreCuts_BadInput_Throws()
    {
        Assert.Equal("features", Assert.Throws<ArgumentNullException>(() => RfmPartial.ScoreCuts<string>(null!)).ParamName);
        Assert.Equal("recencyValues", Assert.Throws<ArgumentException>(() => RfmPartial.RestoreScoreCuts<string>(new RfmScoringOptions(3), false, [1], [], [1, 2], [], [1, 2], [])).ParamName);
        Assert.Equal("frequencyIds", Assert.Throws<ArgumentException>(() => RfmPartial.RestoreScoreCuts<string>(new RfmScoringOptions(2), false, [1], ["a"], [1], [], [1], ["a"])).ParamName);
        Assert.Equal("options", Assert.Throws<ArgumentNullException>(() => RfmPartial.RestoreScoreCuts<string>(null!, false, [1], ["a"], [1], ["a"], [1], ["a"])).ParamName);
        RfmFeatureSet<string> empty = RfmPartial.Empty<string>(new RfmTransactionOptions(s_asOf)).ToFeatures();
        Assert.Equal("features", Assert.Throws<ArgumentException>(() => RfmPartial.ScoreCuts(empty)).ParamName);
    }
}
