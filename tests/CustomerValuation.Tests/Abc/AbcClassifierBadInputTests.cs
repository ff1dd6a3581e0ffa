using System;
using System.Collections.Generic;
using System.Linq;
using CustomerValuation.Abc;
using Xunit;

namespace CustomerValuation.Tests.Abc;

/// <summary>Bad input gets a clear exception naming the argument, the row or id, and the rule (SPEC §7).</summary>
public class AbcClassifierBadInputTests
{
    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Analyze_NonFiniteValue_ThrowsNamingIndex(double bad)
    {
        double[] values = { 1, 2, bad, 4 };
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => AbcClassifier.Analyze(values));
        Assert.Equal("values", e.ParamName);
        Assert.Contains("index 2", e.Message, StringComparison.Ordinal);
        Assert.Contains("finite", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Classify_NonFiniteValue_ThrowsNamingIndex(double bad)
    {
        double[] values = { bad, 2 };
        int[] classes = new int[2];
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => AbcClassifier.Classify(values, classes));
        Assert.Equal("values", e.ParamName);
        Assert.Contains("index 0", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_KeyedNaN_ThrowsNamingIndexAndId()
    {
        var records = new[] { ("a", 1.0), ("b", double.NaN) };
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => AbcClassifier.Analyze(records, r => r.Item1, r => r.Item2));
        Assert.Equal("source", e.ParamName);
        Assert.Contains("index 1", e.Message, StringComparison.Ordinal);
        Assert.Contains("'b'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_DuplicateId_ThrowsNamingIdAndBothIndices()
    {
        var records = new[] { ("a", 1.0), ("b", 2.0), ("a", 3.0) };
        var e = Assert.Throws<ArgumentException>(() => AbcClassifier.Analyze(records, r => r.Item1, r => r.Item2));
        Assert.Equal("source", e.ParamName);
        Assert.Contains("'a'", e.Message, StringComparison.Ordinal);
        Assert.Contains("0 and 2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_DuplicateIdDecimal_ThrowsNamingIdAndBothIndices()
    {
        var records = new[] { (7, 1m), (7, 2m) };
        var e = Assert.Throws<ArgumentException>(() => AbcClassifier.Analyze(records, r => r.Item1, r => r.Item2));
        Assert.Contains("'7'", e.Message, StringComparison.Ordinal);
        Assert.Contains("0 and 1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_NullId_ThrowsNamingIndex()
    {
        var records = new[] { ("a", 1.0), (null!, 2.0) };
        var e = Assert.Throws<ArgumentException>(() => AbcClassifier.Analyze<(string, double), string>(records, r => r.Item1, r => r.Item2));
        Assert.Contains("index 1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_IdsWithoutOrder_ThrowsAskingForComparer()
    {
        var records = new[] { (new object(), 1.0), (new object(), 2.0) };
        var e = Assert.Throws<ArgumentException>(() => AbcClassifier.Analyze(records, r => r.Item1, r => r.Item2));
        Assert.Equal("idComparer", e.ParamName);
    }

    [Fact]
    public void Analyze_ComparerEqualForDistinctIds_ThrowsNamingBoth()
    {
        // "a" and "A" are distinct ids but equal case-insensitively: ties between them could not be ordered.
        var records = new[] { ("a", 1.0), ("A", 1.0) };
        var e = Assert.Throws<ArgumentException>(() => AbcClassifier.Analyze(records, r => r.Item1, r => r.Item2, idComparer: StringComparer.OrdinalIgnoreCase));
        Assert.Equal("idComparer", e.ParamName);
        Assert.Contains("'a'", e.Message, StringComparison.Ordinal);
        Assert.Contains("'A'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_NullArguments_ThrowArgumentNull()
    {
        var records = new[] { ("a", 1.0) };
        Assert.Equal("source", Assert.Throws<ArgumentNullException>(() => AbcClassifier.Analyze<(string, double), string>(null!, r => r.Item1, r => r.Item2)).ParamName);
        Assert.Equal("idSelector", Assert.Throws<ArgumentNullException>(() => AbcClassifier.Analyze<(string, double), string>(records, null!, r => r.Item2)).ParamName);
        Assert.Equal("valueSelector", Assert.Throws<ArgumentNullException>(() => AbcClassifier.Analyze(records, r => r.Item1, (Func<(string, double), double>)null!)).ParamName);
        Assert.Equal("values", Assert.Throws<ArgumentNullException>(() => AbcClassifier.Analyze((IReadOnlyList<double>)null!)).ParamName);
    }

    [Fact]
    public void EveryEntryPoint_EmptyInput_ThrowsNamingArgument()
    {
        Assert.Equal("values", Assert.Throws<ArgumentException>(() => AbcClassifier.Analyze(Array.Empty<double>())).ParamName);
        Assert.Equal("values", Assert.Throws<ArgumentException>(() => AbcClassifier.Analyze(ReadOnlySpan<double>.Empty, Span<AbcEntry>.Empty)).ParamName);
        Assert.Equal("values", Assert.Throws<ArgumentException>(() => AbcClassifier.Classify(ReadOnlySpan<double>.Empty, Span<int>.Empty)).ParamName);
        var e = Assert.Throws<ArgumentException>(() => AbcClassifier.Analyze(Array.Empty<(string, double)>(), r => r.Item1, r => r.Item2));
        Assert.Equal("source", e.ParamName);
        Assert.Contains("empty", e.Message, StringComparison.Ordinal);
        Assert.Equal("source", Assert.Throws<ArgumentException>(() => AbcClassifier.Analyze(Array.Empty<(string, decimal)>(), r => r.Item1, r => r.Item2)).ParamName);
        Assert.Equal("values", Assert.Throws<ArgumentException>(() => ComputedAbc.Compute(ReadOnlySpan<double>.Empty)).ParamName);
    }

    [Fact]
    public void Analyze_DestinationLengthMismatch_Throws()
    {
        double[] values = { 1, 2, 3 };
        var e = Assert.Throws<ArgumentException>(() => AbcClassifier.Analyze(values, new AbcEntry[2]));
        Assert.Equal("destination", e.ParamName);
        var c = Assert.Throws<ArgumentException>(() => AbcClassifier.Classify(values, new int[4]));
        Assert.Equal("classIndices", c.ParamName);
    }

    [Theory]
    [InlineData(new double[] { 0.0, 0.5 })]
    [InlineData(new double[] { 0.5, 1.0 })]
    [InlineData(new double[] { -0.1 })]
    [InlineData(new double[] { 1.5 })]
    [InlineData(new double[] { double.NaN })]
    [InlineData(new double[] { double.PositiveInfinity })]
    public void Options_BreakpointOutsideOpenUnitInterval_ThrowsOutOfRange(double[] breakpoints)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new AbcOptions(breakpoints));
        Assert.Equal("breakpoints", e.ParamName);
        Assert.Contains("strictly between 0 and 1", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new double[] { 0.8, 0.8 })]
    [InlineData(new double[] { 0.95, 0.8 })]
    [InlineData(new double[] { })]
    public void Options_BreakpointsEmptyOrNotIncreasing_ThrowsArgument(double[] breakpoints)
    {
        var e = Assert.Throws<ArgumentException>(() => new AbcOptions(breakpoints));
        Assert.Equal("breakpoints", e.ParamName);
    }

    [Fact]
    public void Options_MoreThanMaxBreakpoints_Throws()
    {
        double[] breakpoints = Enumerable.Range(1, AbcOptions.MaxBreakpoints + 1).Select(i => i / 1000.0).ToArray();
        var e = Assert.Throws<ArgumentException>(() => new AbcOptions(breakpoints, labels: Enumerable.Range(0, breakpoints.Length + 1).Select(i => "L" + i)));
        Assert.Equal("breakpoints", e.ParamName);
        Assert.Contains("at most 100", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_WrongLabelCount_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => new AbcOptions(new[] { 0.8, 0.95 }, labels: new[] { "A", "B" }));
        Assert.Equal("labels", e.ParamName);
        Assert.Contains("3 labels are needed", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_RepeatedOrEmptyLabel_Throws()
    {
        Assert.Equal("labels", Assert.Throws<ArgumentException>(() => new AbcOptions(new[] { 0.8 }, labels: new[] { "A", "A" })).ParamName);
        Assert.Equal("labels", Assert.Throws<ArgumentException>(() => new AbcOptions(new[] { 0.8 }, labels: new[] { "A", string.Empty })).ParamName);
        Assert.Equal("nonPositiveLabel", Assert.Throws<ArgumentException>(() => new AbcOptions(new[] { 0.8 }, nonPositiveLabel: "A")).ParamName);
    }

    [Fact]
    public void Options_UndefinedEnums_Throw()
    {
        Assert.Equal("basis", Assert.Throws<ArgumentOutOfRangeException>(() => new AbcOptions(new[] { 0.8 }, (AbcBasis)7)).ParamName);
        Assert.Equal("boundaryRule", Assert.Throws<ArgumentOutOfRangeException>(() => new AbcOptions(new[] { 0.8 }, boundaryRule: (AbcBoundaryRule)7)).ParamName);
    }

    [Fact]
    public void ParetoCurve_FewerThanTwoPoints_Throws()
    {
        AbcAnalysis analysis = AbcClassifier.Analyze(new double[] { 1, 2 });
        Assert.Equal("maxPoints", Assert.Throws<ArgumentOutOfRangeException>(() => analysis.ParetoCurve(1)).ParamName);
    }

    [Fact]
    public void ComputedAbc_FewerThanThreePositiveValues_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => ComputedAbc.Compute(new double[] { 5, 0, -1, 3 }));
        Assert.Equal("values", e.ParamName);
        Assert.Contains("2 were given", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ComputedAbc_NaN_ThrowsNamingIndex()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => ComputedAbc.Compute(new double[] { 5, 4, double.NaN }));
        Assert.Contains("index 2", e.Message, StringComparison.Ordinal);
    }
}
