using System;
using System.Globalization;
using System.Linq;
using CustomerValuation.Rfm;
using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace CustomerValuation.Tests.Rfm;

/// <summary>
/// The multi-threaded array overloads of <see cref="RfmFeatures"/>: whatever the number of partitions,
/// the features, their order and the report equal those of the single-threaded span overload (the
/// independent reference here is that overload, itself checked against a LINQ re-implementation in
/// <see cref="RfmFeaturesPropertyTests"/>); errors name the same line.
/// </summary>
public class RfmFeaturesPartitionedTests
{
    private static readonly DateTime s_asOf = new(2024, 3, 31);

    /// <summary>Integer ids, text ids, and a mix: with the mix one partition may hold only integers while another does not.</summary>
    private static readonly string[][] s_pools =
    [
        ["1", "2", "7", "007", "10", "-3", "123456789012345678901234", "0", "11", "12"],
        ["a", "b", "a10", "a9", "B", "Z7", "ü", "7x"],
        ["1", "2", "10", "3", "a", "b", "20", "7"],
    ];

    private static readonly Gen<RfmTransactionOptions> s_options =
        from frequency in Gen.Elements(RfmFrequencyBasis.DistinctOrders, RfmFrequencyBasis.DistinctDays)
        from monetary in Gen.Elements(RfmMonetaryBasis.Sum, RfmMonetaryBasis.MeanPerPurchase)
        from nonPositive in Gen.Elements(RfmNonPositivePolicy.Exclude, RfmNonPositivePolicy.Net)
        from duplicates in Gen.Elements(RfmDuplicatePolicy.Keep, RfmDuplicatePolicy.Remove)
        from prefix in Gen.Elements<string?>(null, "C")
        select new RfmTransactionOptions(s_asOf, frequency, monetary, nonPositive, RfmFutureLinePolicy.Exclude, prefix, duplicates);

    private static Gen<(string? Id, DateTime At, decimal Amount, string Order)> LineOf(string[] pool) =>
        from customer in Gen.Frequency(
            (1, Gen.Elements<string?>(null, string.Empty, "  ")),
            (8, Gen.Elements(pool).Select(id => (string?)id)))
        from day in Gen.Choose(-40, 2)
        from amount in Gen.Frequency(
            (6, Gen.Choose(1, 50_000).Select(cents => cents / 100m)),
            (1, Gen.Constant(0m)),
            (2, Gen.Choose(-5_000, -1).Select(cents => cents / 100m)))
        from order in Gen.Frequency(
            (5, Gen.Choose(1, 6).Select(i => "o" + i.ToString(CultureInfo.InvariantCulture))),
            (1, Gen.Choose(1, 3).Select(i => "C" + i.ToString(CultureInfo.InvariantCulture))))
        select (customer, s_asOf.AddDays(day), amount, order);

    private static readonly Gen<(string?[] Ids, DateTime[] At, decimal[] Amounts, string[] Orders, RfmTransactionOptions Options, int Partitions)> s_case =
        from pool in Gen.Elements(s_pools)
        from count in Gen.Choose(1, 80)
        from lines in Gen.ArrayOf(LineOf(pool), count)
        from options in s_options
        from partitions in Gen.Choose(1, 4)
        select (lines.Select(l => l.Id).ToArray(), lines.Select(l => l.At).ToArray(), lines.Select(l => l.Amount).ToArray(), lines.Select(l => l.Order).ToArray(), options, partitions);

    private static RfmFeatureSet<string> Partitioned(string?[] ids, DateTime[] at, decimal[] amounts, string?[] orders, RfmTransactionOptions options, int partitions) =>
        RfmFeatures.AggregatePartitioned<string, RfmFeatures.DecimalLines<string>>(new RfmFeatures.DecimalLines<string>(ids, at, amounts, orders), options, partitions);

    [Fact]
    public void AggregatePartitioned_AnyPartitionCount_EqualsSingleThreaded()
    {
        PropertyCheck.ForAll(s_case, c =>
        {
            RfmFeatureSet<string> one = RfmFeatures.Aggregate<string>(c.Ids, c.At, c.Amounts, c.Orders, c.Options);
            RfmFeatureSet<string> many = Partitioned(c.Ids, c.At, c.Amounts, c.Orders, c.Options, c.Partitions);
            return one.SequenceEqual(many) && one.Report == many.Report;
        });
    }

    [Fact]
    public void AggregatePartitioned_IntegerIdsInOnePartitionTextInAnother_OrdinalOrderOfTheWhole()
    {
        // Hand-worked: "10", "9" and "x" together are not all integers, so the whole is in ordinal
        // order "10" < "9" < "x" even though a partition holding only "10" and "9" would sort them
        // numerically. Lines are repeated so that every partition count gets several customers.
        string?[] ids = ["9", "10", "x", "9", "10", "x", "100", "2"];
        var at = Enumerable.Repeat(s_asOf, ids.Length).ToArray();
        decimal[] amounts = Enumerable.Repeat(1m, ids.Length).ToArray();
        string?[] orders = Enumerable.Range(0, ids.Length).Select(i => "o" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
        var options = new RfmTransactionOptions(s_asOf);
        for (int partitions = 2; partitions <= 4; partitions++)
        {
            Assert.Equal(["10", "100", "2", "9", "x"], Partitioned(ids, at, amounts, orders, options, partitions).Select(f => f.Id));
        }
    }

    [Fact]
    public void AggregatePartitioned_FutureLinesUnderReject_NamesTheFirstBadLineOfTheWhole()
    {
        // Lines 4 and 7 (1-based) are after the as-of date; whichever partitions they fall in, the
        // message names line 4, as the single-threaded overload does.
        string?[] ids = ["a", "b", "c", "d", "e", "f", "g", "h"];
        DateTime[] at = [.. Enumerable.Repeat(s_asOf, 8)];
        at[3] = s_asOf.AddDays(1);
        at[6] = s_asOf.AddDays(2);
        decimal[] amounts = [.. Enumerable.Repeat(5m, 8)];
        string?[] orders = ["1", "2", "3", "4", "5", "6", "7", "8"];
        var options = new RfmTransactionOptions(s_asOf, futureLines: RfmFutureLinePolicy.Reject);
        var expected = Assert.Throws<ArgumentOutOfRangeException>(() => RfmFeatures.Aggregate<string>(ids, at, amounts, orders, options));
        Assert.Contains("Line 4 ", expected.Message, StringComparison.Ordinal);
        for (int partitions = 2; partitions <= 4; partitions++)
        {
            var e = Assert.Throws<ArgumentOutOfRangeException>(() => Partitioned(ids, at, amounts, orders, options, partitions));
            Assert.Equal(expected.Message, e.Message);
        }
    }

    [Fact]
    public void AggregatePartitioned_PurchaseWithoutOrder_NamesTheLineOfTheWhole()
    {
        string?[] ids = ["a", "b", "c", "d", "e"];
        DateTime[] at = [.. Enumerable.Repeat(s_asOf, 5)];
        decimal[] amounts = [.. Enumerable.Repeat(5m, 5)];
        string?[] orders = ["1", "2", "3", null, "5"];
        var options = new RfmTransactionOptions(s_asOf);
        for (int partitions = 2; partitions <= 3; partitions++)
        {
            var e = Assert.Throws<ArgumentException>(() => Partitioned(ids, at, amounts, orders, options, partitions));
            Assert.Contains("Line 4 ", e.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Aggregate_ManyLinesTwoThreads_EqualsSingleThreaded()
    {
        // Enough lines (3 × 10⁵) for the public overload to use two partitions on a machine with two or more processors.
        const int n = 300_000;
        var random = new Random(7);
        long[] ids = new long[n];
        var at = new DateTime[n];
        var amounts = new double[n];
        var orders = new string?[n];
        for (int i = 0; i < n; i++)
        {
            ids[i] = random.Next(40_000);
            at[i] = s_asOf.AddDays(-random.Next(700));
            amounts[i] = random.Next(-100, 10_000) / 100.0;
            orders[i] = (i / 3).ToString(CultureInfo.InvariantCulture);
        }

        var options = new RfmTransactionOptions(s_asOf, nonPositiveAmounts: RfmNonPositivePolicy.Net);
        RfmFeatureSet<long> one = RfmFeatures.Aggregate<long>(ids, at, amounts, orders, options);
        RfmFeatureSet<long> two = RfmFeatures.Aggregate(ids, at, amounts, orders, options, maxDegreeOfParallelism: 2);
        RfmFeatureSet<long> all = RfmFeatures.Aggregate(ids, at, amounts, orders, options, maxDegreeOfParallelism: -1);
        Assert.Equal(one.Report, two.Report);
        Assert.True(one.SequenceEqual(two));
        Assert.True(one.SequenceEqual(all));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-2)]
    public void Aggregate_BadDegreeOfParallelism_ThrowsNamingIt(int degree)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => RfmFeatures.Aggregate<string>(["a"], [s_asOf], [1m], ["o"], new RfmTransactionOptions(s_asOf), degree));
        Assert.Equal("maxDegreeOfParallelism", e.ParamName);
    }

    [Fact]
    public void Aggregate_ArraysOfDifferentLengths_ThrowsNamingTheArray()
    {
        var e = Assert.Throws<ArgumentException>(() => RfmFeatures.Aggregate<string>(["a", "b"], [s_asOf], [1m, 2m], ["o", "p"], new RfmTransactionOptions(s_asOf), 2));
        Assert.Equal("timestamps", e.ParamName);
    }

    [Fact]
    public void Aggregate_NaNAmountManyLines_ThrowsNamingTheIndex()
    {
        const int n = 250_000;
        var ids = Enumerable.Range(0, n).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray();
        var at = Enumerable.Repeat(s_asOf, n).ToArray();
        var amounts = Enumerable.Repeat(1.0, n).ToArray();
        amounts[123_456] = double.NaN;
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => RfmFeatures.Aggregate<string>(ids, at, amounts, ids, new RfmTransactionOptions(s_asOf), 2));
        Assert.Equal("amounts", e.ParamName);
        Assert.Contains("123456", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Aggregate_NullOrderIdsWithDistinctDays_CountsDays()
    {
        // Hand-worked: customer "a" bought on two days, "b" on one; no order ids, frequency counts days.
        string?[] ids = ["a", "a", "b", "a"];
        DateTime[] at = [s_asOf, s_asOf.AddDays(-1), s_asOf, s_asOf];
        var options = new RfmTransactionOptions(s_asOf, frequency: RfmFrequencyBasis.DistinctDays);
        RfmFeatureSet<string> features = RfmFeatures.Aggregate<string>(ids, at, [1m, 2m, 3m, 4m], null, options, 2);
        Assert.Equal([("a", 2, 7m), ("b", 1, 3m)], features.Select(f => (f.Id, f.Frequency, f.Monetary)));
    }
}
