using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Numerics;
using CustomerValuation.Rfm;
using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace CustomerValuation.Tests.Rfm;

/// <summary>
/// FsCheck properties of RFM scoring (SPEC §2, STYLE 17). The strongest check compares every score
/// and summary with a slow reference written here from the definitions: a LINQ sort by
/// (value, index) with NTILE / qcut-of-rank bin sizes, and type-7 quantiles compared in exact
/// integer arithmetic (every double, int and decimal is an exact multiple of 2^−1074 · 10^−28).
/// </summary>
public class RfmScorerPropertyTests
{
    private static readonly RfmDimensionScoring s_qcut = RfmDimensionScoring.RankWith(RfmRankBinning.QcutOfRank);

    private static readonly RfmDimension[] s_dimensions = { RfmDimension.Recency, RfmDimension.Frequency, RfmDimension.Monetary };

    // ---------------------------------------------------------------- exact arithmetic

    private static readonly BigInteger s_pow2 = BigInteger.One << 1074;
    private static readonly BigInteger s_pow10 = BigInteger.Pow(10, 28);

    /// <summary>v · 2^1074 · 10^28, exactly (every finite double times 2^1074 is an integer).</summary>
    private static BigInteger ExactDouble(double v)
    {
        if (v == 0)
        {
            return BigInteger.Zero;
        }

        long bits = BitConverter.DoubleToInt64Bits(v);
        int exponent = (int)((bits >> 52) & 0x7FF);
        long mantissa = bits & 0xF_FFFF_FFFF_FFFFL;
        if (exponent == 0)
        {
            exponent = 1; // subnormal: mantissa · 2^−1074
        }
        else
        {
            mantissa |= 1L << 52; // normal: (2^52 + mantissa) · 2^(exponent − 1075)
        }

        BigInteger scaled = (new BigInteger(mantissa) << (exponent - 1)) * s_pow10;
        return bits < 0 ? -scaled : scaled;
    }

    private static BigInteger ExactInt(int v) => v * s_pow2 * s_pow10;

    /// <summary>d · 2^1074 · 10^28, exactly (a decimal is a 96-bit integer over 10^scale, scale ≤ 28).</summary>
    private static BigInteger ExactDecimal(decimal d)
    {
        int[] parts = decimal.GetBits(d);
        BigInteger integer = ((BigInteger)(uint)parts[2] << 64) | ((BigInteger)(uint)parts[1] << 32) | (uint)parts[0];
        int scale = (parts[3] >> 16) & 0xFF;
        BigInteger scaled = integer * BigInteger.Pow(10, 28 - scale) * s_pow2;
        return parts[3] < 0 ? -scaled : scaled;
    }

    // ---------------------------------------------------------------- the slow reference

    /// <summary>One dimension as the reference sees it: exact keys, the doubles the summary reports, the scoring, exact thresholds.</summary>
    private sealed record Dimension(BigInteger[] Keys, double[] Shown, RfmDimensionScoring Scoring, BigInteger[] ThresholdKeys);

    /// <summary>NTILE: q = m / n, r = m mod n, the first r bins hold q + 1; position p (0-based, ascending) is in which bin.</summary>
    private static int NtileBin(int p, int m, int n)
    {
        int q = m / n, r = m % n, start = 0;
        for (int b = 1; b <= n; b++)
        {
            int size = q + (b <= r ? 1 : 0);
            if (p < start + size)
            {
                return b;
            }

            start += size;
        }

        throw new InvalidOperationException("position beyond the last bin");
    }

    /// <summary>qcut of rank: rank k (1-based) is in the smallest j with k ≤ 1 + (m − 1)·j / n, i.e. n·(k − 1) ≤ (m − 1)·j.</summary>
    private static int QcutBin(int k, int m, int n)
    {
        for (int j = 1; j <= n; j++)
        {
            if ((long)n * (k - 1) <= (long)(m - 1) * j)
            {
                return j;
            }
        }

        throw new InvalidOperationException("rank beyond the last bin");
    }

    /// <summary>n · e_j for j = 0 … n, exactly: h = (m − 1)·j / n = lo + k / n, n·e_j = (n − k)·x[lo] + k·x[lo + 1].</summary>
    private static BigInteger[] ValueEdgesTimesN(BigInteger[] keys, int n)
    {
        BigInteger[] sorted = keys.OrderBy(x => x).ToArray();
        int m = sorted.Length;
        var edges = new BigInteger[n + 1];
        for (int j = 0; j <= n; j++)
        {
            long scaled = (long)(m - 1) * j;
            int lo = (int)(scaled / n);
            int k = (int)(scaled % n);
            edges[j] = ((n - k) * sorted[lo]) + (k == 0 ? BigInteger.Zero : k * sorted[lo + 1]);
        }

        return edges;
    }

    /// <summary>The ascending bin (1 … n) of every customer, from the definitions.</summary>
    private static int[] ReferenceBins(Dimension d, int n)
    {
        int m = d.Keys.Length;
        var bins = new int[m];
        switch (d.Scoring.Method)
        {
            case RfmScoringMethod.RankEqualCount:
                int[] order = Enumerable.Range(0, m).OrderBy(i => d.Keys[i]).ThenBy(i => i).ToArray();
                for (int p = 0; p < m; p++)
                {
                    bins[order[p]] = d.Scoring.RankBinning == RfmRankBinning.Ntile ? NtileBin(p, m, n) : QcutBin(p + 1, m, n);
                }

                break;
            case RfmScoringMethod.ValueBreakpoints:
                BigInteger[] edges = ValueEdgesTimesN(d.Keys, n);
                for (int i = 0; i < m; i++)
                {
                    BigInteger scaled = n * d.Keys[i];
                    bins[i] = 1 + Enumerable.Range(1, n - 1).Count(j => edges[j] < scaled);
                }

                break;
            default:
                for (int i = 0; i < m; i++)
                {
                    bins[i] = 1 + d.ThresholdKeys.Count(t => t < d.Keys[i]);
                }

                break;
        }

        return bins;
    }

    private static string Describe(RfmDimension dimension, Dimension d, int n) =>
        string.Format(CultureInfo.InvariantCulture, "{0} ({1}, n = {2}, m = {3})", dimension, d.Scoring, n, d.Keys.Length);

    /// <summary>Checks one dimension's scores and summary against the reference.</summary>
    private static void AssertMatchesReference(RfmDimension dimension, Dimension d, int n, RfmScore[] scores, RfmDimensionSummary summary)
    {
        int m = d.Keys.Length;
        int[] bins = ReferenceBins(d, n);
        bool recency = dimension == RfmDimension.Recency;
        int[] expected = bins.Select(b => recency ? n + 1 - b : b).ToArray();
        for (int i = 0; i < m; i++)
        {
            int actual = scores[i].Of(dimension);
            if (actual != expected[i])
            {
                Assert.Fail(string.Format(
                    CultureInfo.InvariantCulture,
                    "{0}: customer {1} (value {2:R}) expected score {3} (ascending bin {4}), got {5}.",
                    Describe(dimension, d, n),
                    i,
                    d.Shown[i],
                    expected[i],
                    bins[i],
                    actual));
            }
        }

        Assert.Equal(dimension, summary.Dimension);
        Assert.Same(d.Scoring, summary.Scoring);
        Assert.Equal(n, summary.ScoreCount);
        var missing = new List<int>();
        for (int s = 1; s <= n; s++)
        {
            double[] members = Enumerable.Range(0, m).Where(i => expected[i] == s).Select(i => d.Shown[i]).ToArray();
            Assert.Equal(members.Length, summary.CountPerScore[s - 1]);
            if (members.Length == 0)
            {
                missing.Add(s);
                Assert.Null(summary.MinimumPerScore[s - 1]);
                Assert.Null(summary.MaximumPerScore[s - 1]);
            }
            else
            {
                Assert.True(summary.MinimumPerScore[s - 1] == members.Min(), Describe(dimension, d, n) + ": minimum of score " + s.ToString(CultureInfo.InvariantCulture));
                Assert.True(summary.MaximumPerScore[s - 1] == members.Max(), Describe(dimension, d, n) + ": maximum of score " + s.ToString(CultureInfo.InvariantCulture));
            }
        }

        Assert.Equal(missing, summary.MissingScores);
        switch (d.Scoring.Method)
        {
            case RfmScoringMethod.RankEqualCount:
            {
                // n − 1 edges: the highest value of ascending bins 1 … n − 1; an empty bin repeats the previous edge.
                Assert.Equal(n - 1, summary.Edges.Count);
                double previous = double.NaN;
                for (int b = 1; b < n; b++)
                {
                    double[] inBin = Enumerable.Range(0, m).Where(i => bins[i] == b).Select(i => d.Shown[i]).ToArray();
                    double edge = inBin.Length > 0 ? inBin.Max() : previous;
                    Assert.True(summary.Edges[b - 1] == edge, Describe(dimension, d, n) + ": rank edge " + b.ToString(CultureInfo.InvariantCulture));
                    previous = edge;
                }

                Assert.Empty(summary.DuplicateEdges);
                break;
            }

            case RfmScoringMethod.ValueBreakpoints:
            {
                BigInteger[] exact = ValueEdgesTimesN(d.Keys, n);
                double[] sorted = d.Shown.OrderBy(x => x).ToArray();
                Assert.Equal(n + 1, summary.Edges.Count);
                Assert.True(summary.Edges[0] == sorted[0], Describe(dimension, d, n) + ": e0 is the minimum");
                Assert.True(summary.Edges[n] == sorted[m - 1], Describe(dimension, d, n) + ": e_n is the maximum");
                for (int j = 1; j < n; j++)
                {
                    long scaled = (long)(m - 1) * j;
                    int lo = (int)(scaled / n);
                    int k = (int)(scaled % n);
                    double x0 = sorted[lo], x1 = k == 0 ? x0 : sorted[lo + 1];
                    double approx = (x0 * (n - k) / n) + (x1 * k / n);
                    double tolerance = (1e-12 * Math.Max(Math.Abs(x0), Math.Abs(x1))) + (4 * double.Epsilon);
                    double actual = summary.Edges[j];
                    Assert.True(
                        actual >= x0 && actual <= x1 && Math.Abs(actual - approx) <= tolerance,
                        string.Format(CultureInfo.InvariantCulture, "{0}: e{1} = {2:R}, expected about {3:R} in [{4:R}, {5:R}]", Describe(dimension, d, n), j, actual, approx, x0, x1));
                }

                int[] duplicates = Enumerable.Range(0, n).Where(j => exact[j] == exact[j + 1]).ToArray();
                Assert.Equal(duplicates, summary.DuplicateEdges);
                break;
            }

            default:
                Assert.Equal(d.Scoring.Thresholds, summary.Edges);
                Assert.Empty(summary.DuplicateEdges);
                break;
        }
    }

    // ---------------------------------------------------------------- generators

    private static readonly Gen<int> s_size = Gen.Frequency(
        (6, Gen.Choose(1, 300)),
        (1, Gen.Choose(301, 5000)));

    /// <summary>Positive doubles spread over 1e-3 … 1e12 with full-precision mantissas.</summary>
    private static readonly Gen<double> s_wide =
        from e in Gen.Choose(-3000, 12000)
        from f in Gen.Choose(0, 999)
        select Math.Pow(10, (e + (f / 1000.0)) / 1000.0);

    private static readonly Gen<double> s_nonNegative = Gen.Frequency(
        (3, Gen.Choose(0, 5).Select(i => (double)i)),
        (3, Gen.Choose(0, 400).Select(i => (double)i)),
        (2, s_wide),
        (1, Gen.Choose(0, 100_000).Select(i => i / 8.0)));

    private static readonly Gen<double> s_monetary = Gen.Frequency(
        (3, Gen.Choose(-5, 20).Select(i => (double)i)),
        (3, Gen.Choose(-100_000, 10_000_000).Select(i => i / 100.0)),
        (2, s_wide),
        (1, s_wide.Select(v => -v)),
        (1, Gen.Elements(0.0, -0.0)));

    private static readonly Gen<int> s_days = Gen.Frequency(
        (3, Gen.Choose(0, 10)),
        (3, Gen.Choose(0, 400)),
        (1, Gen.Choose(0, 100_000)),
        (1, Gen.Choose(0, int.MaxValue)));

    private static readonly Gen<int> s_purchases = Gen.Frequency(
        (5, Gen.Constant(1)),
        (3, Gen.Choose(0, 5)),
        (2, Gen.Choose(0, 60)),
        (1, Gen.Choose(0, 5_000_000)));

    /// <summary>Ledger amounts of at most 15 significant digits (the documented exact range of the decimal overload).</summary>
    private static readonly Gen<decimal> s_amount = Gen.Frequency(
        (3, Gen.Choose(-500, 2000).Select(i => (decimal)i)),
        (3, Gen.Choose(-1_000_000, 100_000_000).Select(i => i / 100m)),
        (1, Gen.Choose(0, 1_000_000).Select(i => i / 10_000m)),
        (1, from a in Gen.Choose(-999_999_999, 999_999_999) from c in Gen.Choose(0, 9_999) select (a * 10_000m) + (c / 100m)));

    private static double NudgeDouble(double v, int steps)
    {
        for (int s = 0; s < steps; s++)
        {
            v = Math.BitIncrement(v); // the next double: ties that are not ties, in one histogram bucket
        }

        return v;
    }

    /// <summary>Arrays with many exact ties (values drawn from a small pool) and near ties, or plain draws.</summary>
    private static Gen<T[]> Values<T>(Gen<T> value, int m, Func<T, int, T> nudge)
    {
        Gen<T[]> pooled =
            from k in Gen.Choose(1, 40)
            from pool in Gen.ArrayOf(value, k)
            from picks in Gen.ArrayOf(Gen.Choose(0, k - 1), m)
            from nudges in Gen.ArrayOf(Gen.Frequency((10, Gen.Constant(0)), (1, Gen.Choose(1, 2))), m)
            select picks.Select((p, i) => nudge(pool[p], nudges[i])).ToArray();
        return Gen.Frequency((1, Gen.ArrayOf(value, m)), (3, pooled));
    }

    /// <summary>A scoring for one dimension; fixed thresholds are drawn from the data (so values sit on them) and above it.</summary>
    private static Gen<(RfmDimensionScoring Scoring, BigInteger[] ThresholdKeys)> ScoringFor<T>(
        T[] values,
        int n,
        Func<T, BigInteger> exact,
        Func<T, double> toDouble,
        Func<T, int, (double Value, BigInteger Key)> above)
    {
        return Gen.Frequency(
            (3, Gen.Constant((RfmDimensionScoring.Rank, Array.Empty<BigInteger>()))),
            (2, Gen.Constant((s_qcut, Array.Empty<BigInteger>()))),
            (3, Gen.Constant((RfmDimensionScoring.ValueBreakpoints, Array.Empty<BigInteger>()))),
            (2, Gen.Choose(0, int.MaxValue).Select(seed => FixedFrom(values, n, seed, exact, toDouble, above))));
    }

    private static (RfmDimensionScoring Scoring, BigInteger[] ThresholdKeys) FixedFrom<T>(
        T[] values,
        int n,
        int seed,
        Func<T, BigInteger> exact,
        Func<T, double> toDouble,
        Func<T, int, (double Value, BigInteger Key)> above)
    {
        var random = new Random(seed);
        var distinct = values.Select(v => (Value: toDouble(v), Key: exact(v))).GroupBy(p => p.Key).Select(g => g.First()).ToArray();
        random.Shuffle(distinct);
        var chosen = distinct.Take(n - 1).ToList();
        T max = values.OrderByDescending(exact).First();
        for (int step = 1; chosen.Count < n - 1; step++)
        {
            chosen.Add(above(max, step));
        }

        chosen.Sort((a, b) => a.Key.CompareTo(b.Key));
        return (RfmDimensionScoring.Fixed(chosen.Select(c => c.Value)), chosen.Select(c => c.Key).ToArray());
    }

    /// <summary>A generated run: the three input arrays (double[], int[] or decimal[]), the options, and the reference's view.</summary>
    private sealed record Case(Array Recency, Array Frequency, Array Monetary, int ScoreCount, RfmScoringOptions Options, Dimension[] Dimensions)
    {
        public int Count => Recency.Length;

        public override string ToString() =>
            string.Format(CultureInfo.InvariantCulture, "m = {0}, n = {1}, R {2}, F {3}, M {4}", Count, ScoreCount, Options.Recency, Options.Frequency, Options.Monetary);
    }

    private static readonly Func<double, int, (double, BigInteger)> s_aboveDouble = (max, step) => (max + step, ExactDouble(max + step));

    private static readonly Gen<Case> s_doubleCase =
        from m in s_size
        from n in Gen.Choose(2, 10)
        from r in Values(s_nonNegative, m, NudgeDouble)
        from f in Values(s_nonNegative, m, NudgeDouble)
        from mo in Values(s_monetary, m, NudgeDouble)
        from rs in ScoringFor(r, n, ExactDouble, v => v, s_aboveDouble)
        from fs in ScoringFor(f, n, ExactDouble, v => v, s_aboveDouble)
        from ms in ScoringFor(mo, n, ExactDouble, v => v, s_aboveDouble)
        select new Case(
            r,
            f,
            mo,
            n,
            new RfmScoringOptions(n, rs.Scoring, fs.Scoring, ms.Scoring),
            [
                new Dimension(r.Select(ExactDouble).ToArray(), r, rs.Scoring, rs.ThresholdKeys),
                new Dimension(f.Select(ExactDouble).ToArray(), f, fs.Scoring, fs.ThresholdKeys),
                new Dimension(mo.Select(ExactDouble).ToArray(), mo, ms.Scoring, ms.ThresholdKeys),
            ]);

    private static readonly Func<int, int, (double, BigInteger)> s_aboveInt = (max, step) => ((double)max + step, ExactDouble((double)max + step));

    private static readonly Gen<Case> s_intCase =
        from m in s_size
        from n in Gen.Choose(2, 10)
        from r in Values(s_days, m, (v, s) => v > int.MaxValue - 2 ? v : v + s)
        from f in Values(s_purchases, m, (v, s) => v > int.MaxValue - 2 ? v : v + s)
        from mo in Values(s_monetary, m, NudgeDouble)
        from rs in ScoringFor(r, n, ExactInt, v => v, s_aboveInt)
        from fs in ScoringFor(f, n, ExactInt, v => v, s_aboveInt)
        from ms in ScoringFor(mo, n, ExactDouble, v => v, s_aboveDouble)
        select new Case(
            r,
            f,
            mo,
            n,
            new RfmScoringOptions(n, rs.Scoring, fs.Scoring, ms.Scoring),
            [
                new Dimension(r.Select(ExactInt).ToArray(), r.Select(v => (double)v).ToArray(), rs.Scoring, rs.ThresholdKeys),
                new Dimension(f.Select(ExactInt).ToArray(), f.Select(v => (double)v).ToArray(), fs.Scoring, fs.ThresholdKeys),
                new Dimension(mo.Select(ExactDouble).ToArray(), mo, ms.Scoring, ms.ThresholdKeys),
            ]);

    // A decimal threshold is kept as the decimal it came from: the reference compares decimals exactly,
    // the library compares their doubles, which the overload documents as order-preserving for ≤ 15 digits.
    private static readonly Func<decimal, int, (double, BigInteger)> s_aboveDecimal = (max, step) => ((double)(max + step), ExactDecimal(max + step));

    private static readonly Gen<Case> s_decimalCase =
        from m in s_size
        from n in Gen.Choose(2, 10)
        from r in Values(s_days, m, (v, s) => v > int.MaxValue - 2 ? v : v + s)
        from f in Values(s_purchases, m, (v, s) => v > int.MaxValue - 2 ? v : v + s)
        from mo in Values(s_amount, m, (v, s) => v + (s * 0.01m))
        from rs in ScoringFor(r, n, ExactInt, v => v, s_aboveInt)
        from fs in ScoringFor(f, n, ExactInt, v => v, s_aboveInt)
        from ms in ScoringFor(mo, n, ExactDecimal, v => (double)v, s_aboveDecimal)
        select new Case(
            r,
            f,
            mo,
            n,
            new RfmScoringOptions(n, rs.Scoring, fs.Scoring, ms.Scoring),
            [
                new Dimension(r.Select(ExactInt).ToArray(), r.Select(v => (double)v).ToArray(), rs.Scoring, rs.ThresholdKeys),
                new Dimension(f.Select(ExactInt).ToArray(), f.Select(v => (double)v).ToArray(), fs.Scoring, fs.ThresholdKeys),
                new Dimension(mo.Select(ExactDecimal).ToArray(), mo.Select(v => (double)v).ToArray(), ms.Scoring, ms.ThresholdKeys),
            ]);

    /// <summary>Scores a case through the span overload that matches its array types.</summary>
    private static (RfmScore[] Scores, RfmScoringSummary Summary) Run(Case c, RfmScoringOptions? options = null)
    {
        var scores = new RfmScore[c.Count];
        options ??= c.Options;
        RfmScoringSummary summary = (c.Recency, c.Frequency, c.Monetary) switch
        {
            (double[] r, double[] f, double[] m) => RfmScorer.Score(r, f, m, scores, options),
            (int[] r, int[] f, double[] m) => RfmScorer.Score(r, f, m, scores, options),
            (int[] r, int[] f, decimal[] m) => RfmScorer.Score(r, f, m, scores, options),
            _ => throw new InvalidOperationException("unexpected case types"),
        };
        return (scores, summary);
    }

    private static bool MatchesReference(Case c)
    {
        var (scores, summary) = Run(c);
        Assert.Equal(c.Count, summary.CustomerCount);
        Assert.Same(c.Options, summary.Options);
        AssertMatchesReference(RfmDimension.Recency, c.Dimensions[0], c.ScoreCount, scores, summary.Recency);
        AssertMatchesReference(RfmDimension.Frequency, c.Dimensions[1], c.ScoreCount, scores, summary.Frequency);
        AssertMatchesReference(RfmDimension.Monetary, c.Dimensions[2], c.ScoreCount, scores, summary.Monetary);
        return true;
    }

    // ---------------------------------------------------------------- agreement with the reference

    [Fact]
    public void Score_DoubleSpans_AgreesWithSlowReference()
    {
        PropertyCheck.ForAll(s_doubleCase, MatchesReference);
    }

    [Fact]
    public void Score_IntIntDoubleSpans_AgreesWithSlowReference()
    {
        PropertyCheck.ForAll(s_intCase, MatchesReference);
    }

    [Fact]
    public void Score_IntIntDecimalSpans_AgreesWithSlowReference()
    {
        PropertyCheck.ForAll(s_decimalCase, MatchesReference);
    }

    [Fact]
    public void Score_WideRangeDoublesBigInput_AgreesWithSlowReference()
    {
        // Thousands of full-precision doubles over 1e-3 … 1e12 with ulp-neighbours: every histogram bucket
        // that holds a cut has several distinct keys and must be sorted.
        Gen<Case> gen =
            from m in Gen.Choose(1000, 5000)
            from n in Gen.Choose(2, 10)
            from v in Values(s_wide, m, NudgeDouble)
            from scoring in Gen.Elements(RfmDimensionScoring.Rank, s_qcut, RfmDimensionScoring.ValueBreakpoints)
            let keys = v.Select(ExactDouble).ToArray()
            let d = new Dimension(keys, v, scoring, Array.Empty<BigInteger>())
            select new Case(v, v, v, n, new RfmScoringOptions(n).WithAllDimensions(scoring), [d, d, d]);
        PropertyCheck.ForAll(gen, MatchesReference);
    }

    // ---------------------------------------------------------------- invariants

    [Fact]
    public void Score_AnyInput_ScoresWithin1ToN()
    {
        PropertyCheck.ForAll(Gen.OneOf(s_doubleCase, s_intCase, s_decimalCase), c =>
        {
            var (scores, _) = Run(c);
            return scores.All(s => s.Recency >= 1 && s.Recency <= c.ScoreCount
                && s.Frequency >= 1 && s.Frequency <= c.ScoreCount
                && s.Monetary >= 1 && s.Monetary <= c.ScoreCount);
        });
    }

    private static int[] AscendingCounts(RfmDimensionSummary s) =>
        s.Dimension == RfmDimension.Recency ? s.CountPerScore.Reverse().ToArray() : s.CountPerScore.ToArray();

    [Fact]
    public void Score_RankMethod_BinSizesDifferByAtMostOne()
    {
        Gen<(Case Case, bool Qcut)> gen = Gen.Zip(Gen.OneOf(s_doubleCase, s_intCase, s_decimalCase), Gen.Elements(false, true));
        PropertyCheck.ForAll(gen, t =>
        {
            int m = t.Case.Count, n = t.Case.ScoreCount;
            RfmScoringOptions options = new RfmScoringOptions(n).WithAllDimensions(t.Qcut ? s_qcut : RfmDimensionScoring.Rank);
            var (_, summary) = Run(t.Case, options);
            foreach (RfmDimensionSummary s in new[] { summary.Recency, summary.Frequency, summary.Monetary })
            {
                int[] counts = AscendingCounts(s);
                if (counts.Sum() != m || counts.Max() - counts.Min() > 1)
                {
                    return false;
                }

                // NTILE exactly: the first m mod n bins hold ⌊m/n⌋ + 1, the others ⌊m/n⌋.
                if (!t.Qcut && !counts.SequenceEqual(Enumerable.Range(1, n).Select(b => (m / n) + (b <= m % n ? 1 : 0))))
                {
                    return false;
                }
            }

            return true;
        });
    }

    [Fact]
    public void Score_ValueMethod_EqualValuesEqualScores()
    {
        PropertyCheck.ForAll(Gen.OneOf(s_doubleCase, s_intCase, s_decimalCase), c =>
        {
            var (scores, _) = Run(c, new RfmScoringOptions(c.ScoreCount).WithAllDimensions(RfmDimensionScoring.ValueBreakpoints));
            for (int d = 0; d < 3; d++)
            {
                RfmDimension dimension = s_dimensions[d];
                foreach (var group in Enumerable.Range(0, c.Count).GroupBy(i => c.Dimensions[d].Keys[i]))
                {
                    if (group.Select(i => scores[i].Of(dimension)).Distinct().Count() != 1)
                    {
                        return false;
                    }
                }
            }

            return true;
        });
    }

    [Fact]
    public void Score_ValueAndFixedMethods_MonotoneInValue()
    {
        // Higher monetary or frequency never gives a lower score; higher recency never a higher one.
        // Checked between neighbours in value order, which covers every pair by transitivity.
        PropertyCheck.ForAll(Gen.OneOf(s_doubleCase, s_intCase, s_decimalCase).Select(ForceValueWhereRank), c =>
        {
            var (scores, _) = Run(c);
            for (int d = 0; d < 3; d++)
            {
                BigInteger[] keys = c.Dimensions[d].Keys;
                int sign = d == 0 ? -1 : 1;
                int[] order = Enumerable.Range(0, c.Count).OrderBy(i => keys[i]).ToArray();
                for (int p = 1; p < order.Length; p++)
                {
                    int a = scores[order[p - 1]].Of(s_dimensions[d]), b = scores[order[p]].Of(s_dimensions[d]);
                    bool ok = keys[order[p - 1]] == keys[order[p]] ? a == b : sign * (b - a) >= 0;
                    if (!ok)
                    {
                        return false;
                    }
                }
            }

            return true;
        });
    }

    /// <summary>The case with every rank-scored dimension switched to value breakpoints (fixed thresholds kept).</summary>
    private static Case ForceValueWhereRank(Case c)
    {
        Dimension[] dims = c.Dimensions
            .Select(d => d.Scoring.Method == RfmScoringMethod.RankEqualCount ? d with { Scoring = RfmDimensionScoring.ValueBreakpoints } : d)
            .ToArray();
        return c with { Options = new RfmScoringOptions(c.ScoreCount, dims[0].Scoring, dims[1].Scoring, dims[2].Scoring), Dimensions = dims };
    }

    [Fact]
    public void Score_RankMethod_MonotoneInValueThenIndexOrder()
    {
        Gen<(Case Case, bool Qcut)> gen = Gen.Zip(Gen.OneOf(s_doubleCase, s_intCase, s_decimalCase), Gen.Elements(false, true));
        PropertyCheck.ForAll(gen, t =>
        {
            Case c = t.Case;
            var (scores, _) = Run(c, new RfmScoringOptions(c.ScoreCount).WithAllDimensions(t.Qcut ? s_qcut : RfmDimensionScoring.Rank));
            for (int d = 0; d < 3; d++)
            {
                BigInteger[] keys = c.Dimensions[d].Keys;
                int[] order = Enumerable.Range(0, c.Count).OrderBy(i => keys[i]).ThenBy(i => i).ToArray();
                int[] bins = order.Select(i => d == 0 ? c.ScoreCount + 1 - scores[i].Recency : scores[i].Of(s_dimensions[d])).ToArray();
                for (int p = 1; p < bins.Length; p++)
                {
                    if (bins[p] < bins[p - 1])
                    {
                        return false;
                    }
                }
            }

            return true;
        });
    }

    private static Array Permute(Array values, int[] permutation)
    {
        Array result = Array.CreateInstance(values.GetType().GetElementType()!, values.Length);
        for (int k = 0; k < permutation.Length; k++)
        {
            result.SetValue(values.GetValue(permutation[k]), k);
        }

        return result;
    }

    [Fact]
    public void Score_ValueAndFixedMethodsShuffled_ScoresFollowTheirCustomers()
    {
        Gen<(Case Case, int Seed)> gen = Gen.Zip(Gen.OneOf(s_doubleCase, s_intCase, s_decimalCase).Select(ForceValueWhereRank), Gen.Choose(0, int.MaxValue));
        PropertyCheck.ForAll(gen, t =>
        {
            Case c = t.Case;
            int[] permutation = Enumerable.Range(0, c.Count).ToArray();
            new Random(t.Seed).Shuffle(permutation);
            Case shuffled = c with { Recency = Permute(c.Recency, permutation), Frequency = Permute(c.Frequency, permutation), Monetary = Permute(c.Monetary, permutation) };
            var (a, sa) = Run(c);
            var (b, sb) = Run(shuffled);
            for (int k = 0; k < permutation.Length; k++)
            {
                if (b[k] != a[permutation[k]])
                {
                    return false;
                }
            }

            return SameSummary(sa.Recency, sb.Recency) && SameSummary(sa.Frequency, sb.Frequency) && SameSummary(sa.Monetary, sb.Monetary);
        });
    }

    private static bool SameSummary(RfmDimensionSummary a, RfmDimensionSummary b) =>
        a.Edges.SequenceEqual(b.Edges)
        && a.DuplicateEdges.SequenceEqual(b.DuplicateEdges)
        && a.CountPerScore.SequenceEqual(b.CountPerScore)
        && a.MinimumPerScore.SequenceEqual(b.MinimumPerScore)
        && a.MaximumPerScore.SequenceEqual(b.MaximumPerScore)
        && a.MissingScores.SequenceEqual(b.MissingScores);

    [Fact]
    public void Score_RankMethodDistinctValuesShuffled_ScoresFollowTheirCustomers()
    {
        // Without ties the input order cannot matter, so the rank method is permutation invariant too.
        Gen<(double[] Values, int N, int Seed, bool Qcut)> gen =
            from m in s_size
            from n in Gen.Choose(2, 10)
            from kind in Gen.Choose(0, 3)
            from seed in Gen.Choose(0, int.MaxValue)
            from qcut in Gen.Elements(false, true)
            select (Enumerable.Range(0, m).Select(i => kind switch
            {
                0 => (double)i,
                1 => i * 0.01,
                2 => Math.Pow(1.01, i) * 1e-3,
                _ => -50 + (i * 0.37),
            }).ToArray(), n, seed, qcut);
        PropertyCheck.ForAll(gen, t =>
        {
            var random = new Random(t.Seed);
            double[] monetary = (double[])t.Values.Clone();
            random.Shuffle(monetary);
            double[] days = Enumerable.Range(0, monetary.Length).Select(i => i * 1.5).ToArray(); // distinct, not negative
            random.Shuffle(days);
            double[] purchases = Enumerable.Range(0, monetary.Length).Select(i => (double)i).ToArray();
            random.Shuffle(purchases);
            int[] permutation = Enumerable.Range(0, monetary.Length).ToArray();
            random.Shuffle(permutation);
            RfmScoringOptions options = new RfmScoringOptions(t.N).WithAllDimensions(t.Qcut ? s_qcut : RfmDimensionScoring.Rank);
            var a = new RfmScore[monetary.Length];
            var b = new RfmScore[monetary.Length];
            RfmScoringSummary sa = RfmScorer.Score(days, purchases, monetary, a, options);
            RfmScoringSummary sb = RfmScorer.Score(
                permutation.Select(p => days[p]).ToArray(),
                permutation.Select(p => purchases[p]).ToArray(),
                permutation.Select(p => monetary[p]).ToArray(),
                b,
                options);
            return Enumerable.Range(0, monetary.Length).All(k => b[k] == a[permutation[k]])
                && SameSummary(sa.Monetary, sb.Monetary) && SameSummary(sa.Recency, sb.Recency) && SameSummary(sa.Frequency, sb.Frequency);
        });
    }

    [Fact]
    public void Score_AnyInput_NothingLost()
    {
        PropertyCheck.ForAll(Gen.OneOf(s_doubleCase, s_intCase, s_decimalCase), c =>
        {
            var (scores, summary) = Run(c);
            foreach (RfmDimensionSummary s in new[] { summary.Recency, summary.Frequency, summary.Monetary })
            {
                if (s.CountPerScore.Sum() != c.Count)
                {
                    return false;
                }

                for (int score = 1; score <= c.ScoreCount; score++)
                {
                    if (scores.Count(x => x.Of(s.Dimension) == score) != s.CountPerScore[score - 1]
                        || s.MissingScores.Contains(score) != (s.CountPerScore[score - 1] == 0))
                    {
                        return false;
                    }
                }
            }

            return summary.CustomerCount == c.Count;
        });
    }

    [Fact]
    public void Score_KeyedCustomers_EachIdOnceInInputOrderWithSpanScores()
    {
        // The keyed API against the span kernel on the same data, with the combined score and the
        // segment computed here: w_R·R + w_F·F + w_M·M and a first-match walk over the rules.
        Gen<(Case Case, double[] Weights, int TableSeed)> gen =
            from c in s_doubleCase
            from w in Gen.ArrayOf(Gen.Choose(0, 8).Select(i => i / 4.0), 3).Where(w => w.Any(x => x > 0))
            from seed in Gen.Choose(0, int.MaxValue)
            select (c, w, seed);
        PropertyCheck.ForAll(gen, t =>
        {
            Case c = t.Case;
            int n = c.ScoreCount;
            RfmSegmentTable table = RandomTable(n, new Random(t.TableSeed));
            RfmScoringOptions options = c.Options.WithWeights(t.Weights[0], t.Weights[1], t.Weights[2]);
            double[] r = (double[])c.Recency, f = (double[])c.Frequency, m = (double[])c.Monetary;
            var customers = Enumerable.Range(0, c.Count).Select(i => (Id: "c" + i.ToString("D5", CultureInfo.InvariantCulture), R: r[i], F: f[i], M: m[i])).ToArray();
            RfmResult<string> result = RfmScorer.Score(customers, x => x.Id, x => x.R, x => x.F, x => x.M, options, table);
            var (scores, _) = Run(c, options);
            if (!result.Customers.Select(x => x.Id).SequenceEqual(customers.Select(x => x.Id)))
            {
                return false;
            }

            for (int i = 0; i < c.Count; i++)
            {
                RfmCustomerScore<string> x = result.Customers[i];
                RfmScore s = x.Score;
                double combined = (t.Weights[0] * s.Recency) + (t.Weights[1] * s.Frequency) + (t.Weights[2] * s.Monetary);
                int rule = FirstMatch(table.Rules, s);
                string code = s.Recency <= 9 && s.Frequency <= 9 && s.Monetary <= 9
                    ? string.Concat(s.Recency, s.Frequency, s.Monetary)
                    : string.Join("-", s.Recency, s.Frequency, s.Monetary);
                if (s != scores[i] || x.CombinedScore != combined || x.Segment != (rule < 0 ? table.FallbackSegment : table.Rules[rule].Name)
                    || s.CellCode != code || x.RecencyDays != r[i] || x.Frequency != f[i] || x.Monetary != m[i])
                {
                    return false;
                }
            }

            // Segment counts: the table's names in rule order (first use), fallback last, adding up to m.
            return result.SegmentCounts.Sum(p => p.Value) == c.Count
                && result.SegmentCounts.All(p => p.Value == result.Customers.Count(x => x.Segment == p.Key))
                && result.CellCounts().Sum(p => p.Value) == c.Count;
        });
    }

    [Fact]
    public void Score_MonetaryTimesPowerOfTwo_SameScores()
    {
        // Multiplying by 2^k is exact, so every comparison and every interpolated edge scales exactly:
        // scores, counts and duplicate edges stay; fixed thresholds are scaled with the data.
        Gen<(Case Case, int Power)> gen = Gen.Zip(Gen.OneOf(s_doubleCase, s_intCase), Gen.Choose(1, 30));
        PropertyCheck.ForAll(gen, t =>
        {
            Case c = t.Case;
            double factor = Math.Pow(2, t.Power);
            RfmDimensionScoring monetary = c.Options.Monetary.Method == RfmScoringMethod.FixedThresholds
                ? RfmDimensionScoring.Fixed(c.Options.Monetary.Thresholds.Select(x => x * factor))
                : c.Options.Monetary;
            RfmScoringOptions scaledOptions = c.Options.WithMonetary(monetary);
            Case scaled = c with { Monetary = ((double[])c.Monetary).Select(v => v * factor).ToArray() };
            var (a, sa) = Run(c);
            var (b, sb) = Run(scaled, scaledOptions);
            return a.SequenceEqual(b)
                && sa.Monetary.CountPerScore.SequenceEqual(sb.Monetary.CountPerScore)
                && sa.Monetary.DuplicateEdges.SequenceEqual(sb.Monetary.DuplicateEdges)
                && sa.Monetary.MinimumPerScore.Zip(sb.Monetary.MinimumPerScore, (x, y) => x * factor == y).All(ok => ok);
        });
    }

    [Fact]
    public void Score_Summary_MinimumAndMaximumPerScoreMatchTheScores()
    {
        PropertyCheck.ForAll(Gen.OneOf(s_doubleCase, s_intCase, s_decimalCase), c =>
        {
            var (scores, summary) = Run(c);
            RfmDimensionSummary[] summaries = { summary.Recency, summary.Frequency, summary.Monetary };
            for (int d = 0; d < 3; d++)
            {
                RfmDimensionSummary s = summaries[d];
                double[] shown = c.Dimensions[d].Shown;
                for (int score = 1; score <= c.ScoreCount; score++)
                {
                    double[] members = Enumerable.Range(0, c.Count).Where(i => scores[i].Of(s.Dimension) == score).Select(i => shown[i]).ToArray();
                    bool ok = members.Length == 0
                        ? s.MinimumPerScore[score - 1] is null && s.MaximumPerScore[score - 1] is null
                        : s.MinimumPerScore[score - 1] == members.Min() && s.MaximumPerScore[score - 1] == members.Max();
                    if (!ok)
                    {
                        return false;
                    }
                }

                // Better scores hold better values: ascending bins never overlap (they may touch for the rank method).
                double?[] lows = d == 0 ? s.MinimumPerScore.Reverse().ToArray() : s.MinimumPerScore.ToArray();
                double?[] highs = d == 0 ? s.MaximumPerScore.Reverse().ToArray() : s.MaximumPerScore.ToArray();
                double? previousHigh = null;
                for (int b = 0; b < c.ScoreCount; b++)
                {
                    if (lows[b] is double low)
                    {
                        bool strict = c.Dimensions[d].Scoring.Method != RfmScoringMethod.RankEqualCount;
                        if (previousHigh is double high && (strict ? !(high < low) : !(high <= low)))
                        {
                            return false;
                        }

                        previousHigh = highs[b];
                    }
                }
            }

            return true;
        });
    }

    [Fact]
    public void Score_SameValuesAsRecencyAndMonetary_ScoresMirror()
    {
        // The bins are formed on ascending values for every dimension: R = n + 1 − M for the same values and scoring.
        PropertyCheck.ForAll(s_doubleCase, c =>
        {
            double[] values = (double[])c.Monetary;
            double[] nonNegative = values.Select(Math.Abs).ToArray();
            RfmDimensionScoring scoring = c.Options.Monetary.Method == RfmScoringMethod.FixedThresholds ? RfmDimensionScoring.ValueBreakpoints : c.Options.Monetary;
            var scores = new RfmScore[values.Length];
            RfmScorer.Score(nonNegative, nonNegative, nonNegative, scores, new RfmScoringOptions(c.ScoreCount).WithAllDimensions(scoring));
            return scores.All(s => s.Recency == c.ScoreCount + 1 - s.Monetary && s.Frequency == s.Monetary);
        });
    }

    // ---------------------------------------------------------------- segment tables

    private static int FirstMatch(IReadOnlyList<RfmSegmentRule> rules, RfmScore s)
    {
        for (int i = 0; i < rules.Count; i++)
        {
            RfmSegmentRule x = rules[i];
            if (x.RecencyLow <= s.Recency && s.Recency <= x.RecencyHigh
                && x.FrequencyLow <= s.Frequency && s.Frequency <= x.FrequencyHigh
                && x.MonetaryLow <= s.Monetary && s.Monetary <= x.MonetaryHigh)
            {
                return i;
            }
        }

        return -1;
    }

    private static RfmSegmentTable RandomTable(int n, Random random)
    {
        int count = random.Next(1, 9);
        var rules = new List<RfmSegmentRule>();
        for (int i = 0; i < count; i++)
        {
            int r1 = random.Next(1, n + 1), r2 = random.Next(1, n + 1);
            int f1 = random.Next(1, n + 1), f2 = random.Next(1, n + 1);
            int m1 = random.Next(1, n + 1), m2 = random.Next(1, n + 1);
            string name = "S" + (i % 5).ToString(CultureInfo.InvariantCulture); // some names repeat
            rules.Add(new RfmSegmentRule(name, Math.Min(r1, r2), Math.Max(r1, r2), Math.Min(f1, f2), Math.Max(f1, f2), Math.Min(m1, m2), Math.Max(m1, m2)));
        }

        return new RfmSegmentTable(rules, "Fallback", n);
    }

    [Fact]
    public void CheckCoverage_RandomTables_AgreesWithBruteForce()
    {
        Gen<(int N, int Seed)> gen = Gen.Zip(Gen.Choose(2, 10), Gen.Choose(0, int.MaxValue));
        PropertyCheck.ForAll(gen, t =>
        {
            RfmSegmentTable table = RandomTable(t.N, new Random(t.Seed));
            int n = t.N;
            var counts = new int[table.Rules.Count];
            var uncovered = new List<RfmScore>();
            for (int r = n; r >= 1; r--)
            {
                for (int f = n; f >= 1; f--)
                {
                    for (int m = n; m >= 1; m--)
                    {
                        var s = new RfmScore((byte)r, (byte)f, (byte)m);
                        int rule = FirstMatch(table.Rules, s);
                        if (table.RuleIndexOf(s) != rule)
                        {
                            return false;
                        }

                        if (rule < 0)
                        {
                            uncovered.Add(s);
                        }
                        else
                        {
                            counts[rule]++;
                        }
                    }
                }
            }

            RfmSegmentCoverage coverage = table.CheckCoverage();
            RfmSegmentRule[] unreachable = table.Rules.Where((_, i) => counts[i] == 0).ToArray();
            return coverage.CellsPerRule.SequenceEqual(counts)
                && coverage.UncoveredCells.SequenceEqual(uncovered)
                && coverage.UnreachableRules.SequenceEqual(unreachable)
                && coverage.IsComplete == (uncovered.Count == 0 && unreachable.Length == 0)
                && counts.Sum() + uncovered.Count == n * n * n;
        });
    }
}
