using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CustomerValuation.Rfm;
using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace CustomerValuation.Tests.Rfm;

/// <summary>
/// <see cref="RfmPartial{TId}"/>: any split of the lines into partitions, merged in any order and
/// grouping, gives exactly <see cref="RfmFeatures"/>.Aggregate over all the lines (features, order,
/// report). The reference is the single-pass aggregation, itself checked against a LINQ
/// re-implementation in <see cref="RfmFeaturesPropertyTests"/>.
/// </summary>
public class RfmPartialTests
{
    private static readonly DateTime s_asOf = new(2024, 3, 31);

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

    private static Gen<Line> LineOf(string[] pool) =>
        from customer in Gen.Frequency(
            (1, Gen.Elements<string?>(null, string.Empty, "  ")),
            (8, Gen.Elements(pool).Select(id => (string?)id)))
        from day in Gen.Choose(-40, 2)
        from hour in Gen.Elements(0, 0, 13)
        from quantity in Gen.Frequency((6, Gen.Choose(1, 4)), (1, Gen.Choose(-2, 0)))
        from price in Gen.Frequency(
            (6, Gen.Choose(1, 5_000).Select(cents => cents / 100m)),
            (1, Gen.Constant(0m)),
            (2, Gen.Choose(-5_000, -1).Select(cents => cents / 100m)))
        from order in Gen.Frequency(
            (5, Gen.Choose(1, 6).Select(i => "o" + i.ToString(CultureInfo.InvariantCulture))),
            (1, Gen.Choose(1, 3).Select(i => "C" + i.ToString(CultureInfo.InvariantCulture))))
        select new Line(customer, s_asOf.AddDays(day).AddHours(hour), quantity, price, order);

    /// <summary>Lines (some repeated exactly, for the duplicate policy), options, a partition per line, and a seed for the merge order and grouping.</summary>
    private static readonly Gen<Case> s_case =
        from pool in Gen.Elements(s_pools)
        from count in Gen.Choose(0, 60)
        from lines in Gen.ArrayOf(LineOf(pool), count)
        from repeats in Gen.Choose(0, 10)
        from repeated in Gen.ArrayOf(Gen.Choose(0, Math.Max(0, count - 1)), count == 0 ? 0 : repeats)
        from options in s_options
        from partitions in Gen.Choose(1, 5)
        from seed in Gen.Choose(0, int.MaxValue)
        select new Case([.. lines, .. repeated.Select(i => lines[i])], options, partitions, seed);

    [Fact]
    public void Merge_AnySplitOrderAndGrouping_EqualsSinglePassWithAmounts()
    {
        PropertyCheck.ForAll(s_case, c =>
        {
            RfmFeatureSet<string> one = RfmFeatures.Aggregate(c.Lines, l => l.Id, l => l.At, l => l.Amount, l => l.Order, c.Options);
            RfmFeatureSet<string> many = MergeRandomly(Split(c).Select(part => RfmPartial.FromLines(part, l => l.Id, l => l.At, l => l.Amount, l => l.Order, c.Options)).ToList(), c.Seed).ToFeatures();
            return SameFeatures(one, many);
        });
    }

    [Fact]
    public void Merge_AnySplitOrderAndGrouping_EqualsSinglePassWithQuantityAndPrice()
    {
        PropertyCheck.ForAll(s_case, c =>
        {
            RfmFeatureSet<string> one = RfmFeatures.Aggregate(c.Lines, l => l.Id, l => l.At, l => (decimal)l.Quantity, l => l.Price, l => l.Order, c.Options);
            RfmFeatureSet<string> many = MergeRandomly(Split(c).Select(part => RfmPartial.FromLines(part, l => l.Id, l => l.At, l => (decimal)l.Quantity, l => l.Price, l => l.Order, c.Options)).ToList(), c.Seed).ToFeatures();
            return SameFeatures(one, many);
        });
    }

    [Fact]
    public void Merge_IntegerIdsWithoutOrders_EqualsSinglePass()
    {
        // Integer ids (the id order is numeric) and distinct days without order ids.
        PropertyCheck.ForAll(s_case, c =>
        {
            var options = new RfmTransactionOptions(s_asOf, RfmFrequencyBasis.DistinctDays, c.Options.Monetary, c.Options.NonPositiveAmounts, duplicates: c.Options.Duplicates);
            static long IdOf(Line l) => 3 - (l.Id ?? string.Empty).Length;
            RfmFeatureSet<long> one = RfmFeatures.Aggregate<Line, long>(c.Lines, IdOf, l => l.At, l => l.Amount, null, options);
            RfmFeatureSet<long> many = RfmPartial.Merge(Split(c).Select(part => RfmPartial.FromLines<Line, long>(part, IdOf, l => l.At, l => l.Amount, null, options)).Reverse()).ToFeatures();
            return one.SequenceEqual(many) && one.Report == many.Report;
        });
    }

    [Fact]
    public void Merge_IsCommutativeAndAssociative()
    {
        PropertyCheck.ForAll(s_case, c =>
        {
            var parts = Split(c).Select(part => RfmPartial.FromLines(part, l => l.Id, l => l.At, l => l.Amount, l => l.Order, c.Options)).ToList();
            while (parts.Count < 3)
            {
                parts.Add(RfmPartial.Empty<string>(c.Options));
            }

            RfmFeatureSet<string> left = parts[0].Merge(parts[1]).Merge(parts[2]).ToFeatures();
            RfmFeatureSet<string> right = parts[0].Merge(parts[2].Merge(parts[1])).ToFeatures();
            RfmFeatureSet<string> swapped = parts[2].Merge(parts[0]).Merge(parts[1]).ToFeatures();
            return SameFeatures(left, right) && SameFeatures(left, swapped);
        });
    }

    [Fact]
    public void Merge_DuplicateInTwoPartitions_CountedOnceAsPurchaseOnceAsDuplicate()
    {
        // Hand-worked: the same line (customer a, 10.00, order o1) in two partitions and once more in
        // the second. Whole: one purchase of 10.00, two duplicates removed; plus b's 5.00.
        var options = new RfmTransactionOptions(s_asOf, duplicates: RfmDuplicatePolicy.Remove);
        Line dup = new("a", s_asOf.AddDays(-3), 1, 10.00m, "o1");
        Line[] first = [dup, new("b", s_asOf, 1, 5m, "o2")];
        Line[] second = [dup, dup];
        RfmPartial<string> p1 = RfmPartial.FromLines(first, l => l.Id, l => l.At, l => l.Amount, l => l.Order, options);
        RfmPartial<string> p2 = RfmPartial.FromLines(second, l => l.Id, l => l.At, l => l.Amount, l => l.Order, options);
        RfmFeatureSet<string> features = p2.Merge(p1).ToFeatures();
        Assert.Equal([("a", 3, 1, 10m), ("b", 0, 1, 5m)], features.Select(f => (f.Id, f.RecencyDays, f.Frequency, f.Monetary)));
        Assert.Equal(2, features.Report.DuplicateLinesRemoved);
        Assert.Equal(2, features.Report.PurchaseLines);
        Assert.Equal(4, features.Report.LinesRead);
        Assert.Equal(15m, features.Report.TotalAmount);
        Assert.Equal(4, p1.Merge(p2).LinesRead);
        Assert.Equal(2, p1.Merge(p2).CustomerCount);
    }

    [Fact]
    public void Merge_OrderSplitOverPartitions_CountsTheOrderOnce()
    {
        // Hand-worked: order o1 of customer a has a line in each partition, a return (netted) in the
        // second, and a's only purchase in the first partition is on day −5, the second on day −2.
        // Frequency 1 (one distinct order), monetary 30 + 20 − 5 = 45, recency 2, tenure 5.
        var options = new RfmTransactionOptions(s_asOf, nonPositiveAmounts: RfmNonPositivePolicy.Net);
        Line[] first = [new("a", s_asOf.AddDays(-5), 1, 30m, "o1"), new("x", s_asOf.AddDays(1), 1, 9m, "o9")];
        Line[] second = [new("a", s_asOf.AddDays(-2), 2, 10m, "o1"), new("a", s_asOf.AddDays(-1), -1, 5m, "r1"), new(null, s_asOf, 1, 1m, "o3")];
        RfmFeatureSet<string> features = RfmPartial.Merge(
        [
            RfmPartial.FromLines(first, l => l.Id, l => l.At, l => l.Quantity, l => l.Price, l => l.Order, options),
            RfmPartial.FromLines(second, l => l.Id, l => l.At, l => l.Quantity, l => l.Price, l => l.Order, options),
        ]).ToFeatures();
        RfmCustomerFeatures<string> a = Assert.Single(features);
        Assert.Equal(("a", 2, 1, 45m, 5), (a.Id, a.RecencyDays, a.Frequency, a.Monetary, a.TenureDays));
        Assert.Equal(new RfmAggregationReport(5, 1, 1, 0, 0, 1, 0, 2, 1, 1, 45m), features.Report);
    }

    [Fact]
    public void Empty_ToFeatures_NoCustomersZeroReport()
    {
        RfmFeatureSet<string> features = RfmPartial.Empty<string>(new RfmTransactionOptions(s_asOf)).ToFeatures();
        Assert.Empty(features);
        Assert.Equal(new RfmAggregationReport(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0m), features.Report);
    }

    [Fact]
    public void Merge_DifferentOptions_ThrowsArgumentException()
    {
        RfmPartial<string> a = RfmPartial.Empty<string>(new RfmTransactionOptions(s_asOf));
        RfmPartial<string> b = RfmPartial.Empty<string>(new RfmTransactionOptions(s_asOf, cancelledOrderPrefix: "C"));
        RfmPartial<string> c = RfmPartial.Empty<string>(new RfmTransactionOptions(s_asOf.AddDays(1)));
        Assert.Equal("other", Assert.Throws<ArgumentException>(() => a.Merge(b)).ParamName);
        Assert.Equal("other", Assert.Throws<ArgumentException>(() => a.Merge(c)).ParamName);
        Assert.Throws<ArgumentException>(() => RfmPartial.Merge([a, b]));

        // Equal values in another instance are the same options.
        Assert.Empty(a.Merge(RfmPartial.Empty<string>(new RfmTransactionOptions(s_asOf.AddHours(5)))).ToFeatures());
    }

    [Fact]
    public void BadInput_Throws()
    {
        var options = new RfmTransactionOptions(s_asOf);
        Line[] lines = [new("a", s_asOf, 1, 1m, "o")];
        Assert.Equal("other", Assert.Throws<ArgumentNullException>(() => RfmPartial.Empty<string>(options).Merge(null!)).ParamName);
        Assert.Equal("partials", Assert.Throws<ArgumentNullException>(() => RfmPartial.Merge<string>(null!)).ParamName);
        Assert.Equal("partials", Assert.Throws<ArgumentNullException>(() => RfmPartial.Merge([RfmPartial.Empty<string>(options), null!])).ParamName);
        Assert.Equal("partials", Assert.Throws<ArgumentException>(() => RfmPartial.Merge(Array.Empty<RfmPartial<string>>())).ParamName);
        Assert.Equal("options", Assert.Throws<ArgumentNullException>(() => RfmPartial.Empty<string>(null!)).ParamName);
        Assert.Equal("lines", Assert.Throws<ArgumentNullException>(() => RfmPartial.FromLines<Line, string>(null!, l => l.Id, l => l.At, l => l.Amount, l => l.Order, options)).ParamName);
        Assert.Equal("orderId", Assert.Throws<ArgumentException>(() => RfmPartial.FromLines(lines, l => l.Id, l => l.At, l => l.Amount, null, options)).ParamName);
    }

    [Fact]
    public void FromLines_FutureLineUnderReject_ThrowsLikeTheSinglePass()
    {
        var options = new RfmTransactionOptions(s_asOf, futureLines: RfmFutureLinePolicy.Reject);
        Line[] lines = [new("a", s_asOf, 1, 1m, "o"), new("b", s_asOf.AddDays(1), 1, 1m, "p")];
        var expected = Assert.Throws<ArgumentOutOfRangeException>(() => RfmFeatures.Aggregate(lines, l => l.Id, l => l.At, l => l.Amount, l => l.Order, options));
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => RfmPartial.FromLines(lines, l => l.Id, l => l.At, l => l.Amount, l => l.Order, options));
        Assert.Equal(expected.Message, e.Message);
    }

    [Fact]
    public void FromLines_PurchaseWithoutOrder_ThrowsLikeTheSinglePass()
    {
        var options = new RfmTransactionOptions(s_asOf);
        Line[] lines = [new("a", s_asOf, 1, 1m, "o"), new("b", s_asOf, 1, 1m, null)];
        var expected = Assert.Throws<ArgumentException>(() => RfmFeatures.Aggregate(lines, l => l.Id, l => l.At, l => l.Amount, l => l.Order, options));
        var e = Assert.Throws<ArgumentException>(() => RfmPartial.FromLines(lines, l => l.Id, l => l.At, l => l.Amount, l => l.Order, options));
        Assert.Equal(expected.Message, e.Message);
    }

    [Fact]
    public void FromLines_QuantityTimesPriceOverflows_ThrowsNamingQuantity()
    {
        Line[] lines = [new("a", s_asOf, int.MaxValue, decimal.MaxValue, "o")];
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => RfmPartial.FromLines(lines, l => l.Id, l => l.At, l => l.Quantity, l => l.Price, l => l.Order, new RfmTransactionOptions(s_asOf)));
        Assert.Equal("quantity", e.ParamName);
    }

    internal static IEnumerable<Line>[] Split(Case c)
    {
        var random = new Random(c.Seed);
        var parts = Enumerable.Range(0, c.Partitions).Select(_ => new List<Line>()).ToArray();
        foreach (Line line in c.Lines)
        {
            parts[random.Next(c.Partitions)].Add(line);
        }

        return parts;
    }

    /// <summary>Merges random pairs (either operand first) until one partial remains: a random order and grouping.</summary>
    internal static T MergeRandomly<T>(List<T> parts, int seed, Func<T, T, T> merge)
    {
        var random = new Random(seed ^ 0x5bd1e995);
        parts = [.. parts];
        while (parts.Count > 1)
        {
            int i = random.Next(parts.Count);
            int j = random.Next(parts.Count - 1);
            j = j >= i ? j + 1 : j;
            T merged = merge(parts[i], parts[j]);
            parts.RemoveAt(Math.Max(i, j));
            parts.RemoveAt(Math.Min(i, j));
            parts.Insert(random.Next(parts.Count + 1), merged);
        }

        return parts[0];
    }

    private static RfmPartial<string> MergeRandomly(List<RfmPartial<string>> parts, int seed) =>
        MergeRandomly(parts, seed, (a, b) => a.Merge(b));

    private static bool SameFeatures<TId>(RfmFeatureSet<TId> one, RfmFeatureSet<TId> many)
        where TId : notnull =>
        one.SequenceEqual(many) && one.Report == many.Report;

    internal sealed record Line(string? Id, DateTime At, int Quantity, decimal Price, string? Order)
    {
        public decimal Amount => Quantity * Price;
    }

    internal sealed record Case(Line[] Lines, RfmTransactionOptions Options, int Partitions, int Seed);
}
