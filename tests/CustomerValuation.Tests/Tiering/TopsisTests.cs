using System;
using System.Linq;
using CustomerValuation.Tiering;
using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace CustomerValuation.Tests.Tiering;

/// <summary>TOPSIS against a published worked example, hand-worked closeness, properties and bad input.</summary>
public class TopsisTests
{
    private static readonly double[] s_lecture = [17, 12, 10, 9, 8, 6];

    [Fact]
    public void Rank_PublishedLectureExample_WeightedNormalizedMatrixAndCloseness()
    {
        // Published: B. Sennaroğlu, "TOPSIS example", Decision Analysis (2009): three alternatives
        // (17, 12), (10, 9), (8, 6), weights 0.714 / 0.286, vector normalisation; the published
        // weighted normalised matrix is 0.5703 0.2124 / 0.3355 0.1593 / 0.2684 0.1062.
        TopsisResult benefit = Topsis.Rank(s_lecture, [0.714, 0.286], [CriterionDirection.HigherIsBetter, CriterionDirection.HigherIsBetter]);
        Assert.Equal(new[] { 0.5703, 0.2124, 0.3355, 0.1593, 0.2684, 0.1062 }, benefit.WeightedNormalizedValues.ToArray(), new Tolerance(0.00005));

        // Closeness worked from those values (independent check in Python, same formulas): both
        // criteria higher-is-better: alternative 1 is the ideal (1), 3 the anti-ideal (0),
        // 2: S⁺ = √(0.2348² + 0.0531²), S⁻ = √(0.0671² + 0.0531²), C = 0.262219.
        Assert.Equal(new[] { 1, 0.262219, 0 }, benefit.Closeness.ToArray(), new Tolerance(1e-6));

        // With the first criterion a cost: C = 0.26025, 0.737781, 0.73975.
        TopsisResult cost = Topsis.Rank(s_lecture, [0.714, 0.286], [CriterionDirection.LowerIsBetter, CriterionDirection.HigherIsBetter]);
        Assert.Equal(new[] { 0.26025, 0.737781, 0.73975 }, cost.Closeness.ToArray(), new Tolerance(1e-6));
        Assert.Equal(new[] { 0.2684, 0.2124 }, cost.Ideal, new Tolerance(0.00005));
    }

    [Fact]
    public void Rank_IdenticalAlternatives_HalfEach()
    {
        // Hand: every alternative is both ideal and anti-ideal: S⁺ = S⁻ = 0, closeness 0.5 by definition.
        TopsisResult result = Topsis.Rank([3, 3, 3, 3], [1, 1], [CriterionDirection.HigherIsBetter, CriterionDirection.LowerIsBetter]);
        Assert.Equal(new[] { 0.5, 0.5 }, result.Closeness.ToArray());
    }

    [Fact]
    public void Rank_AnyMatrix_ClosenessInRangeAndWeightScaleInvariant()
    {
        PropertyCheck.ForAll(
            from k in Gen.Choose(1, 4)
            from n in Gen.Choose(1, 12)
            from values in Gen.ArrayOf(Gen.Choose(0, 50).Select(v => (double)v), n * k)
            from weights in Gen.ArrayOf(Gen.Choose(1, 9).Select(v => (double)v), k)
            from lower in Gen.ArrayOf(Gen.Elements(false, true), k)
            from minMax in Gen.Elements(false, true)
            select (values, weights, lower, minMax),
            t =>
            {
                CriterionDirection[] directions = t.lower.Select(l => l ? CriterionDirection.LowerIsBetter : CriterionDirection.HigherIsBetter).ToArray();
                TopsisNormalization normalization = t.minMax ? TopsisNormalization.MinMax : TopsisNormalization.Vector;
                double[] a = Topsis.Rank(t.values, t.weights, directions, normalization).Closeness.ToArray();
                double[] b = Topsis.Rank(t.values, t.weights.Select(w => w * 7.5).ToArray(), directions, normalization).Closeness.ToArray();
                return a.All(c => c is >= 0 and <= 1) && a.Zip(b, (x, y) => Math.Abs(x - y) <= 1e-12).All(ok => ok);
            });
    }

    [Fact]
    public void Rank_RowsShuffled_SameClosenessPerAlternative()
    {
        PropertyCheck.ForAll(
            from k in Gen.Choose(1, 4)
            from n in Gen.Choose(1, 12)
            from values in Gen.ArrayOf(Gen.Choose(0, 50).Select(v => (double)v), n * k)
            from seed in Gen.Choose(0, int.MaxValue)
            select (values, k, n, seed),
            t =>
            {
                double[] weights = Enumerable.Range(1, t.k).Select(w => (double)w).ToArray();
                CriterionDirection[] directions = Enumerable.Range(0, t.k).Select(j => j % 2 == 0 ? CriterionDirection.HigherIsBetter : CriterionDirection.LowerIsBetter).ToArray();
                int[] order = Enumerable.Range(0, t.n).ToArray();
                new Random(t.seed).Shuffle(order);
                double[] shuffled = order.SelectMany(i => t.values.Skip(i * t.k).Take(t.k)).ToArray();
                double[] a = Topsis.Rank(t.values, weights, directions).Closeness.ToArray();
                double[] b = Topsis.Rank(shuffled, weights, directions).Closeness.ToArray();
                return order.Select((original, position) => Math.Abs(a[original] - b[position]) <= 1e-12).All(ok => ok);
            });
    }

    [Fact]
    public void Rank_BadInput_Throws()
    {
        CriterionDirection[] up = [CriterionDirection.HigherIsBetter];
        Assert.Throws<ArgumentException>(() => Topsis.Rank([1, 2], [1, 1], up));
        Assert.Throws<ArgumentException>(() => Topsis.Rank([1, 2], [0], up));
        Assert.Throws<ArgumentException>(() => Topsis.Rank([1, 2], [-1], up));
        Assert.Contains("Row 1", Assert.Throws<ArgumentOutOfRangeException>(() => Topsis.Rank([1, double.NaN], [1], up)).Message, StringComparison.Ordinal);
        Assert.Contains("not negative", Assert.Throws<ArgumentOutOfRangeException>(() => Topsis.Rank([1, -2], [1], up)).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => Topsis.Rank(ReadOnlySpan<double>.Empty, [1], up));
    }
}
