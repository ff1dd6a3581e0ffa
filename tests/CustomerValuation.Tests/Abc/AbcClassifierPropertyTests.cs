using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CustomerValuation.Abc;
using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace CustomerValuation.Tests.Abc;

/// <summary>FsCheck properties of ABC classification (SPEC §1, STYLE 17).</summary>
public class AbcClassifierPropertyTests
{
    // The code compares with a 1e-12 relative tolerance; these checks re-add with LINQ (uncompensated), so allow 1e-11.
    private const double Tolerance = 1e-11;

    /// <summary>Values with many exact ties, zeros and negatives, and heavy-tailed decimals.</summary>
    private static readonly Gen<double> s_value = Gen.Frequency(
        (4, Gen.Choose(1, 12).Select(i => (double)i)),
        (1, Gen.Choose(-3, 0).Select(i => (double)i)),
        (4, Gen.Choose(1, 1_000_000).Select(i => i / 100.0)),
        (1, Gen.Choose(1, 1000).Select(i => Math.Round(1e6 / i, 2))));

    private static readonly Gen<double[]> s_values = Gen.Choose(1, 60).SelectMany(n => Gen.ArrayOf(s_value, n));

    private static readonly Gen<double[]> s_bigValues = Gen.Choose(1, 3000).SelectMany(n => Gen.ArrayOf(s_value, n));

    private static readonly Gen<AbcOptions> s_options =
        from count in Gen.Choose(1, 3)
        from raw in Gen.ArrayOf(Gen.Choose(1, 99), count)
        from byCount in Gen.Elements(false, true)
        from lower in Gen.Elements(false, true)
        let points = raw.Distinct().OrderBy(x => x).Select(x => x / 100.0).ToArray()
        select new AbcOptions(points, byCount ? AbcBasis.CountShare : AbcBasis.ValueShare, lower ? AbcBoundaryRule.JoinLowerClass : AbcBoundaryRule.JoinUpperClass);

    private static readonly Gen<(double[] Values, AbcOptions Options)> s_case = Gen.Zip(s_values, s_options);

    private static (string Id, double Value)[] Keyed(double[] values) =>
        values.Select((v, i) => ("id" + i.ToString("D5", CultureInfo.InvariantCulture), v)).ToArray();

    [Fact]
    public void Analyze_PermutedInput_SameResultPerId()
    {
        Gen<((double[] Values, AbcOptions Options) Case, int Seed)> gen = Gen.Zip(s_case, Gen.Choose(0, int.MaxValue));
        PropertyCheck.ForAll(gen, t =>
        {
            (string Id, double Value)[] records = Keyed(t.Case.Values);
            var shuffled = records.OrderBy(_ => 0).ToArray();
            new Random(t.Seed).Shuffle(shuffled);
            var a = AbcClassifier.Analyze(records, r => r.Id, r => r.Value, t.Case.Options).Customers;
            var b = AbcClassifier.Analyze(shuffled, r => r.Id, r => r.Value, t.Case.Options).Customers;
            return a.SequenceEqual(b);
        });
    }

    [Fact]
    public void Analyze_HigherValue_NeverWorseClass()
    {
        PropertyCheck.ForAll(s_case, t =>
        {
            AbcEntry[] entries = AbcClassifier.Analyze(t.Values, t.Options).Entries.ToArray();
            for (int i = 0; i < entries.Length; i++)
            {
                for (int j = 0; j < entries.Length; j++)
                {
                    if (entries[i].Value > entries[j].Value && entries[i].ClassIndex > entries[j].ClassIndex)
                    {
                        return false;
                    }
                }
            }

            return true;
        });
    }

    [Fact]
    public void Analyze_ScaledByPositiveConstant_SameClassesAndRanks()
    {
        Gen<((double[] Values, AbcOptions Options) Case, double Scale)> gen = Gen.Zip(s_case, Gen.Elements(0.001, 0.37, 3.0, 1e6, 7.5e9));
        PropertyCheck.ForAll(gen, t =>
        {
            double[] scaled = t.Case.Values.Select(v => v * t.Scale).ToArray();
            var a = AbcClassifier.Analyze(t.Case.Values, t.Case.Options).Entries;
            var b = AbcClassifier.Analyze(scaled, t.Case.Options).Entries;
            return a.Select(e => (e.Index, e.Rank, e.ClassIndex)).SequenceEqual(b.Select(e => (e.Index, e.Rank, e.ClassIndex)))
                && a.Zip(b, (x, y) => Math.Abs(x.CumulativeShare - y.CumulativeShare) < Tolerance).All(ok => ok);
        });
    }

    [Fact]
    public void Analyze_EveryCustomer_ComesOutExactlyOnce()
    {
        PropertyCheck.ForAll(s_case, t =>
        {
            (string Id, double Value)[] records = Keyed(t.Values);
            var customers = AbcClassifier.Analyze(records, r => r.Id, r => r.Value, t.Options).Customers;
            var summary = AbcClassifier.Analyze(t.Values, t.Options).Summary;
            return customers.Select(c => c.Id).OrderBy(x => x, StringComparer.Ordinal).SequenceEqual(records.Select(r => r.Id))
                && customers.Select(c => c.Rank).SequenceEqual(Enumerable.Range(1, records.Length))
                && summary.Classes.Sum(c => c.Count) == records.Length;
        });
    }

    [Fact]
    public void Analyze_RankOrder_ValueDescendingTiesByPosition()
    {
        PropertyCheck.ForAll(s_values, values =>
        {
            AbcEntry[] e = AbcClassifier.Analyze(values).Entries.ToArray();
            for (int r = 1; r < e.Length; r++)
            {
                bool ordered = e[r - 1].Value > e[r].Value || (e[r - 1].Value == e[r].Value && e[r - 1].Index < e[r].Index);
                if (!ordered)
                {
                    return false;
                }
            }

            return e.Select(x => x.Value).SequenceEqual(e.Select(x => values[x.Index]));
        });
    }

    [Fact]
    public void Analyze_ValueShareClasses_RespectTheirBreakpoints()
    {
        // For each breakpoint b_k, let P be the customers in classes 0..k-1 and S(P) their value share.
        // JoinUpper: S(P) >= b_k, and without P's last customer S < b_k.
        // JoinLower: S(P) <= b_k, and adding the next customer would make S > b_k.
        Gen<(double[] Values, AbcOptions Options)> valueCases = s_case.Where(t => t.Options.Basis == AbcBasis.ValueShare);
        PropertyCheck.ForAll(valueCases, t =>
        {
            AbcAnalysis analysis = AbcClassifier.Analyze(t.Values, t.Options);
            AbcEntry[] ranked = analysis.Entries.Where(e => e.Value > 0).ToArray();
            if (ranked.Length == 0)
            {
                return analysis.Entries.All(e => e.ClassIndex == t.Options.NonPositiveClassIndex);
            }

            double total = analysis.Summary.TotalValue;
            for (int k = 0; k < t.Options.Breakpoints.Count; k++)
            {
                double b = t.Options.Breakpoints[k];
                int size = ranked.Count(e => e.ClassIndex <= k);
                double share = ranked.Take(size).Sum(e => e.Value) / total;
                if (t.Options.BoundaryRule == AbcBoundaryRule.JoinUpperClass)
                {
                    double withoutLast = size == 0 ? 0 : ranked.Take(size - 1).Sum(e => e.Value) / total;
                    if (!(size >= 1 && share >= b - Tolerance && withoutLast < b + Tolerance))
                    {
                        return false;
                    }
                }
                else
                {
                    double withNext = size < ranked.Length ? ranked.Take(size + 1).Sum(e => e.Value) / total : double.PositiveInfinity;
                    if (!(share <= b + Tolerance && withNext > b - Tolerance))
                    {
                        return false;
                    }
                }
            }

            return true;
        });
    }

    [Fact]
    public void Analyze_CountShareClasses_WithinOneCustomerOfTargets()
    {
        Gen<(double[] Values, AbcOptions Options)> countCases = s_case.Where(t => t.Options.Basis == AbcBasis.CountShare);
        PropertyCheck.ForAll(countCases, t =>
        {
            AbcAnalysis analysis = AbcClassifier.Analyze(t.Values, t.Options);
            int m = analysis.Summary.PositiveCount;
            for (int k = 0; k < t.Options.Breakpoints.Count; k++)
            {
                double target = t.Options.Breakpoints[k] * m;
                int size = analysis.Entries.Count(e => e.ClassIndex <= k);
                bool ok = t.Options.BoundaryRule == AbcBoundaryRule.JoinUpperClass
                    ? size >= target - Tolerance && size < target + 1 && (m == 0 || size >= 1)
                    : size <= target + Tolerance && size > target - 1;
                if (!ok)
                {
                    return false;
                }
            }

            return true;
        });
    }

    [Fact]
    public void Analyze_Shares_AddUpToOne()
    {
        PropertyCheck.ForAll(s_case, t =>
        {
            AbcSummary s = AbcClassifier.Analyze(t.Values, t.Options).Summary;
            double valueShares = s.Classes.Sum(c => c.ValueShare);
            double countShares = s.Classes.Sum(c => c.CountShare);
            bool valueOk = s.PositiveCount == 0 ? valueShares == 0 : Math.Abs(valueShares - 1) < Tolerance;
            bool countOk = Math.Abs(countShares - 1) < Tolerance;
            return valueOk && countOk && s.Gini >= 0 && s.Gini < 1;
        });
    }

    [Fact]
    public void Classify_SameClassesAsAnalyze()
    {
        PropertyCheck.ForAll(s_case, t => SameClasses(t.Values, t.Options));
    }

    [Fact]
    public void Classify_LargeInputs_SameClassesAsAnalyze()
    {
        // Large enough for many histogram buckets, with several values inside the crossing ones.
        PropertyCheck.ForAll(Gen.Zip(s_bigValues, s_options), t => SameClasses(t.Item1, t.Item2));
    }

    [Fact]
    public void Classify_NarrowValueRange_SameClassesAsAnalyze()
    {
        // Every value in [1000, 1040): one histogram bucket holds all of them, so every breakpoint
        // is crossed inside the same bucket and the exact in-bucket ranking decides everything.
        Gen<double[]> narrow = Gen.Choose(1, 2000).SelectMany(n => Gen.ArrayOf(Gen.Choose(0, 39_999).Select(i => 1000 + (i / 1000.0)), n));
        PropertyCheck.ForAll(Gen.Zip(narrow, s_options), t => SameClasses(t.Item1, t.Item2));
    }

    [Fact]
    public void ParetoCurve_IsMonotoneConcaveAndEndsAtOne()
    {
        PropertyCheck.ForAll(s_values.Where(v => v.Any(x => x > 0)), values =>
        {
            IReadOnlyList<ParetoPoint> curve = AbcClassifier.Analyze(values).ParetoCurve();
            for (int i = 1; i < curve.Count; i++)
            {
                if (curve[i].CumulativeValueShare < curve[i - 1].CumulativeValueShare - Tolerance)
                {
                    return false;
                }

                if (i > 1)
                {
                    double previousStep = curve[i - 1].CumulativeValueShare - curve[i - 2].CumulativeValueShare;
                    double step = curve[i].CumulativeValueShare - curve[i - 1].CumulativeValueShare;
                    if (step > previousStep + Tolerance)
                    {
                        return false;
                    }
                }
            }

            return Math.Abs(curve[^1].CumulativeValueShare - 1) < Tolerance && curve[^1].CustomerShare == 1;
        });
    }

    private static bool SameClasses(double[] values, AbcOptions options)
    {
        int[] classes = new int[values.Length];
        AbcClassifier.Classify(values, classes, options);
        int[] expected = new int[values.Length];
        foreach (AbcEntry e in AbcClassifier.Analyze(values, options).Entries)
        {
            expected[e.Index] = e.ClassIndex;
        }

        return classes.SequenceEqual(expected);
    }
}
