using System;
using System.Linq;
using CustomerValuation.Abc;
using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace CustomerValuation.Tests.Abc;

/// <summary>
/// Inputs found by review that once broke an invariant: kept as tests, plus properties over the
/// kind of data that found them (full-precision doubles, extreme magnitudes).
/// </summary>
public class AbcClassifierRegressionTests
{
    [Theory]
    [InlineData(AbcBoundaryRule.JoinUpperClass, new[] { 1019.6080268917642, 1005.9010140392469, 495.5306624507209, 490, 70.12996292468586, 70.12996292468608 })]
    [InlineData(AbcBoundaryRule.JoinLowerClass, new[] { 495.5306624507209, 289.04942107316765, 1019.6080268917642, 341.21050476832556, 1005.9010140392469 })]
    public void Classify_CumulativeShareWithinAnUlpOfBreakpoint_SameClassesAsAnalyze(AbcBoundaryRule rule, double[] values)
    {
        // A cumulative share lands within an ulp of 0.80 + tolerance; the two kernels once summed
        // in different orders and disagreed. They now share one walk.
        var options = AbcOptions.Default.WithBoundaryRule(rule);
        Assert.Equal(ClassesByAnalyze(values, options), ClassesByClassify(values, options));
    }

    [Fact]
    public void Analyze_TotalOverflows_ThrowsInsteadOfNaN()
    {
        double[] values = { 1e308, 1e308, 1 };
        var e = Assert.Throws<ArgumentException>(() => AbcClassifier.Analyze(values));
        Assert.Equal("values", e.ParamName);
        Assert.Contains("largest double", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => AbcClassifier.Classify(values, new int[3]));
        Assert.Throws<ArgumentException>(() => ComputedAbc.Compute(values));
    }

    [Fact]
    public void Analyze_NegativeTotalOverflows_ThrowsInsteadOfNaNClassValue()
    {
        // Once gave class N a NaN value: only the positive total was checked.
        double[] values = { 1, -1e308, -1e308 };
        var e = Assert.Throws<ArgumentException>(() => AbcClassifier.Analyze(values));
        Assert.Equal("values", e.ParamName);
        Assert.Contains("smallest double", e.Message, StringComparison.Ordinal);
        var keyed = Assert.Throws<ArgumentException>(() => AbcClassifier.Analyze(new[] { ("a", 1.0), ("b", -1e308), ("c", -1e308) }, x => x.Item1, x => x.Item2));
        Assert.Equal("source", keyed.ParamName);
    }

    [Fact]
    public void Analyze_KeyedSubnormal_NamesCallersIndexAndId()
    {
        // Once named the position in id order (0) instead of the record's own index (2), and no id.
        var records = new[] { ("z", 1.0), ("y", 2.0), ("a", 1e-310) };
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => AbcClassifier.Analyze(records, x => x.Item1, x => x.Item2));
        Assert.Equal("source", e.ParamName);
        Assert.Contains("index 2", e.Message, StringComparison.Ordinal);
        Assert.Contains("'a'", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(5e-324)]
    [InlineData(-1e-320)]
    public void Analyze_SubnormalValue_ThrowsNamingIndex(double subnormal)
    {
        double[] values = { 3, subnormal, 1 };
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => AbcClassifier.Analyze(values));
        Assert.Equal("values", e.ParamName);
        Assert.Contains("index 1", e.Message, StringComparison.Ordinal);
        Assert.Contains("subnormal", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1e-13)]
    [InlineData(1 - 1e-13)]
    public void Options_BreakpointWithinToleranceOfZeroOrOne_Rejected(double breakpoint)
    {
        // With 1e-13 the 1e-12 tolerance alone would empty class A.
        Assert.Throws<ArgumentOutOfRangeException>(() => AbcOptions.ByValueShare(breakpoint));
    }

    [Theory]
    [InlineData(new[] { 100, 1e-13, 1e-14 })]
    [InlineData(new[] { 1e20, 1, 1, 1 })]
    public void ComputedAbc_BoundaryCustomersBelowTolerance_ThrowsClearly(double[] values)
    {
        // These once gave options that did not reproduce the ranks, or a "Breakpoint 0 is 1" error
        // naming a parameter Compute does not have.
        var e = Assert.Throws<ArgumentException>(() => ComputedAbc.Compute(values));
        Assert.Equal("values", e.ParamName);
        Assert.Contains("fixed breakpoints", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_FullPrecisionAndExtremeMagnitudes_SameClassesAsAnalyze()
    {
        // Doubles with all 52 mantissa bits in use, from 1e-300 to 1e300, plus near-duplicates.
        Gen<double> full =
            from exponent in Gen.Choose(-300, 300)
            from high in Gen.Choose(0, int.MaxValue)
            from low in Gen.Choose(0, int.MaxValue)
            select (1 + (high / 2147483648.0) + (low / 4.611686018427388E18)) * Math.Pow(10, exponent);
        Gen<double> clustered = Gen.Choose(0, int.MaxValue).Select(i => 1000 + (i / 2147483648.0));
        Gen<double> value = Gen.Frequency((3, full), (3, clustered), (1, Gen.Constant(0.0)));
        Gen<double[]> values = Gen.Choose(1, 400).SelectMany(n => Gen.ArrayOf(value, n));
        Gen<AbcOptions> options =
            from raw in Gen.ArrayOf(Gen.Choose(1, 999), 2)
            from byCount in Gen.Elements(false, true)
            from lower in Gen.Elements(false, true)
            where raw[0] != raw[1]
            select new AbcOptions(raw.OrderBy(x => x).Select(x => x / 1000.0), byCount ? AbcBasis.CountShare : AbcBasis.ValueShare, lower ? AbcBoundaryRule.JoinLowerClass : AbcBoundaryRule.JoinUpperClass);

        PropertyCheck.ForAll(Gen.Zip(values, options), t => ClassesByAnalyze(t.Item1, t.Item2).SequenceEqual(ClassesByClassify(t.Item1, t.Item2)));
    }

    [Fact]
    public void Analyze_ExtremeMagnitudes_SharesFiniteAndCumulativeEndsAtOne()
    {
        double[] values = { 1e300, 1e-300, 3e299, 7, 0, -1e300 };
        AbcAnalysis analysis = AbcClassifier.Analyze(values);

        Assert.All(analysis.Entries, e => Assert.True(double.IsFinite(e.Share) && double.IsFinite(e.CumulativeShare)));
        Assert.Equal(1.0, analysis.Entries[3].CumulativeShare); // the last positive customer
        Assert.True(double.IsFinite(analysis.Summary.Gini));
    }

    private static int[] ClassesByAnalyze(double[] values, AbcOptions options)
    {
        int[] classes = new int[values.Length];
        foreach (AbcEntry e in AbcClassifier.Analyze(values, options).Entries)
        {
            classes[e.Index] = e.ClassIndex;
        }

        return classes;
    }

    private static int[] ClassesByClassify(double[] values, AbcOptions options)
    {
        int[] classes = new int[values.Length];
        AbcClassifier.Classify(values, classes, options);
        return classes;
    }
}
