using System;
using System.Linq;
using CustomerValuation.Tiering;
using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace CustomerValuation.Tests.Tiering;

/// <summary>FsCheck properties of scorecard scoring and tiers (STYLE 17): scale invariance of weights, monotonicity, quota sizes, nothing lost, order independence.</summary>
public class ScorecardScorerPropertyTests
{
    private static readonly CriterionNormalization[] s_normalizations =
    [
        CriterionNormalization.MinMax,
        CriterionNormalization.RankPercentile,
        CriterionNormalization.ZScore(),
        CriterionNormalization.ZScore(1),
        CriterionNormalization.AlreadyScored(0, 100),
    ];

    private static readonly Gen<Criterion> s_criterion =
        from normalization in Gen.Elements(s_normalizations)
        from lower in Gen.Elements(false, true)
        from weight in Gen.Choose(0, 10)
        select new Criterion("c", lower ? CriterionDirection.LowerIsBetter : CriterionDirection.HigherIsBetter, normalization, weight);

    /// <summary>A scorecard of 1–5 criteria (at least one weight above 0), 1–40 customers with values 0–100 (many ties).</summary>
    private static readonly Gen<(Scorecard Card, double[] Values, int Customers)> s_case =
        from k in Gen.Choose(1, 5)
        from criteria in Gen.ArrayOf(s_criterion, k)
        from n in Gen.Choose(1, 40)
        from values in Gen.ArrayOf(Gen.Choose(0, 20).Select(v => v * 5.0), n * k)
        select (new Scorecard(criteria.Select((c, i) => new Criterion("c" + i, c.Direction, c.Normalization, i == 0 ? c.Weight + 1 : c.Weight))), values, n);

    private static readonly TierRule s_quotas = TierRule.Quotas(new("A", 0.2), new("B", 0.3), new("C", 0.5));

    [Fact]
    public void Score_AllWeightsScaledByPowerOfTwo_IdenticalScoresAndTiers()
    {
        // Scaling by a power of two is exact in binary floating point, so the normalised weights,
        // the scores and hence the quota tiers (which never split equal scores) must be identical.
        PropertyCheck.ForAll(
            from c in s_case
            from factor in Gen.Elements(0.25, 4.0, 1024.0)
            select (c.Card, c.Values, factor),
            t =>
            {
                var scaled = new Scorecard(t.Card.Criteria.Select(c => c.WithWeight(c.Weight * t.factor)));
                var a = ScorecardScorer.Score(t.Values, t.Card, s_quotas);
                var b = ScorecardScorer.Score(t.Values, scaled, s_quotas);
                return a.Zip(b, (x, y) => x.Score == y.Score && x.Tier == y.Tier).All(ok => ok);
            });
    }

    [Fact]
    public void Score_AllWeightsScaledByAnyFactor_SameScoresWithinRounding()
    {
        // Any other factor changes the normalised weights by a rounding at most, so the scores agree
        // to 1e-9 of the 0–100 scale (tiers may then differ only between scores equal in exact arithmetic).
        PropertyCheck.ForAll(
            from c in s_case
            from factor in Gen.Elements(0.001, 3.0, 1e6)
            select (c.Card, c.Values, factor),
            t =>
            {
                var scaled = new Scorecard(t.Card.Criteria.Select(c => c.WithWeight(c.Weight * t.factor)));
                var a = ScorecardScorer.Score(t.Values, t.Card);
                var b = ScorecardScorer.Score(t.Values, scaled);
                return a.Zip(b, (x, y) => Math.Abs(x.Score!.Value - y.Score!.Value) <= 1e-9).All(ok => ok);
            });
    }

    [Fact]
    public void Score_OneCustomerImprovesOneCriterion_ScoreAndTierNeverWorse()
    {
        PropertyCheck.ForAll(
            from c in s_case
            from row in Gen.Choose(0, c.Customers - 1)
            from column in Gen.Choose(0, c.Card.Criteria.Count - 1)
            from step in Gen.Choose(1, 40)
            select (c.Card, c.Values, row, column, step),
            t =>
            {
                int k = t.Card.Criteria.Count;
                double[] better = (double[])t.Values.Clone();
                bool lower = t.Card.Criteria[t.column].Direction == CriterionDirection.LowerIsBetter;
                ref double cell = ref better[(t.row * k) + t.column];
                cell = Math.Max(0, Math.Min(100, cell + (lower ? -t.step : t.step)));
                var before = ScorecardScorer.Score(t.Values, t.Card, s_quotas)[t.row];
                var after = ScorecardScorer.Score(better, t.Card, s_quotas)[t.row];
                return after.Score >= before.Score - 1e-9 && string.CompareOrdinal(after.Tier, before.Tier) <= 0;
            });
    }

    [Fact]
    public void Score_Quotas_DistinctScoresGetTheirSharesWithinOneCustomer()
    {
        PropertyCheck.ForAll(
            from n in Gen.Choose(1, 300)
            from seed in Gen.Choose(0, int.MaxValue)
            select (n, seed),
            t =>
            {
                var random = new Random(t.seed);
                double[] values = Enumerable.Range(0, t.n).Select(i => (double)i).OrderBy(_ => random.Next()).ToArray();
                var card = new Scorecard([new Criterion("x", CriterionDirection.HigherIsBetter, CriterionNormalization.MinMax)]);
                var result = ScorecardScorer.Score(values, card, s_quotas);
                double[] shares = [0.2, 0.3, 0.5];
                return result.TierCounts.Select((c, i) => Math.Abs(c.Count - (shares[i] * t.n)) <= 1).All(ok => ok)
                    && result.TierCounts.Sum(c => c.Count) == t.n;
            });
    }

    [Fact]
    public void Score_Quotas_SameAsWalkingTheRankedScores()
    {
        // Independent reference for the documented rule: rank the scores (highest first), tier k
        // ends after round(n × cumulative share) customers, but a run of equal scores is never
        // split (it stays in the tier of its first member). Scores from few distinct values, so
        // that ties straddle the boundaries often; shares with tiny and empty tiers too.
        PropertyCheck.ForAll(
            from n in Gen.Choose(1, 120)
            from values in Gen.ArrayOf(Gen.Choose(0, 12).Select(v => v * 5.0), n)
            from shares in Gen.Elements(new[] { 0.2, 0.3, 0.5 }, new[] { 0.3, 0.35, 0.35 }, new[] { 0.001, 0.499, 0.5 }, new[] { 0.5, 0.5 }, new[] { 1.0 }, new[] { 0.1, 0.1, 0.1, 0.7 })
            select (values, shares),
            t =>
            {
                string[] labels = t.shares.Select((_, i) => "T" + i).ToArray();
                TierRule rule = TierRule.Quotas(t.shares.Select((s, i) => new TierBound(labels[i], s)).ToArray());
                var card = new Scorecard([new Criterion("x", CriterionDirection.HigherIsBetter, CriterionNormalization.AlreadyScored(0, 60))], scale: 60);
                string?[] actual = ScorecardScorer.Score(t.values, card, rule).Select(c => c.Tier).ToArray();

                int m = t.values.Length;
                int[] order = Enumerable.Range(0, m).OrderByDescending(i => t.values[i]).ToArray();
                var expected = new string?[m];
                int tier = 0;
                decimal cumulative = (decimal)t.shares[0]; // the shares as written (docs: decimal sums)
                int end = tier == t.shares.Length - 1 ? m : (int)Math.Floor((cumulative * m) + 0.5m);
                for (int k = 0; k < m; k++)
                {
                    while (k >= end && tier < t.shares.Length - 1 && (k == 0 || t.values[order[k]] != t.values[order[k - 1]]))
                    {
                        tier++;
                        cumulative += (decimal)t.shares[tier];
                        end = tier == t.shares.Length - 1 ? m : (int)Math.Floor((cumulative * m) + 0.5m);
                    }

                    expected[order[k]] = labels[tier];
                }

                return actual.SequenceEqual(expected);
            });
    }

    [Fact]
    public void Score_CustomersShuffled_SameResultPerId_AndNothingLost()
    {
        PropertyCheck.ForAll(
            from c in s_case
            from seed in Gen.Choose(0, int.MaxValue)
            select (c.Card, c.Values, c.Customers, seed),
            t =>
            {
                int k = t.Card.Criteria.Count;
                var rows = Enumerable.Range(0, t.Customers).Select(i => (Id: "k" + i, Values: t.Values.Skip(i * k).Take(k).Select(v => (double?)v).ToArray())).ToArray();
                var shuffled = rows.OrderBy(_ => new Random(t.seed).Next()).ToArray();
                new Random(t.seed).Shuffle(shuffled);
                var a = ScorecardScorer.Score(rows, r => r.Id, r => r.Values, t.Card, s_quotas);
                var b = ScorecardScorer.Score(shuffled, r => r.Id, r => r.Values, t.Card, s_quotas).ToDictionary(x => x.Id);
                return a.Count == t.Customers
                    && b.Count == t.Customers
                    && a.All(x => Math.Abs(x.Score!.Value - b[x.Id].Score!.Value) <= 1e-9 && x.Tier == b[x.Id].Tier)
                    && a.TierCounts.Sum(x => x.Count) == a.ScoredCount;
            });
    }

    [Fact]
    public void Score_TwoThreads_SameResultAsOne()
    {
        PropertyCheck.ForAll(s_case, t =>
        {
            var one = ScorecardScorer.Score(t.Values, t.Card, s_quotas);
            var two = ScorecardScorer.Score(t.Values, t.Card, s_quotas, maxDegreeOfParallelism: 2);
            return one.Zip(two, (x, y) => x.Score == y.Score && x.Tier == y.Tier && x.Contributions.Span.SequenceEqual(y.Contributions.Span)).All(ok => ok);
        });
    }

    [Fact]
    public void Score_AnyCase_ScoresWithinScaleAndContributionsAddUp()
    {
        PropertyCheck.ForAll(s_case, t =>
        {
            var result = ScorecardScorer.Score(t.Values, t.Card);
            return result.All(c => c.Score is >= 0 and <= 100 && Math.Abs(c.Contributions.ToArray().Sum() - c.Score!.Value) <= 1e-9);
        });
    }
}
