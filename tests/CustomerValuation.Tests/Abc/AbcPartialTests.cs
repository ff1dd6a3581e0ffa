using System;
using System.Collections.Generic;
using System.Linq;
using CustomerValuation.Abc;
using CustomerValuation.Tests.Rfm;
using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace CustomerValuation.Tests.Abc;

/// <summary>
/// <see cref="AbcPartial{TId}"/>: per-customer totals from any split of the records, merged in any
/// order and grouping, classify exactly as <see cref="AbcClassifier"/> over the single-pass totals
/// (grouped with LINQ here); the broadcast <see cref="AbcThresholds{TId}"/> give every customer
/// that class locally.
/// </summary>
public class AbcPartialTests
{
    private static readonly string[] s_ids = ["a", "b", "c", "d", "e", "f", "g", "h", "10", "9", "ü", "B"];

    private static readonly Gen<AbcOptions> s_options =
        from first in Gen.Choose(5, 80)
        from gap in Gen.Choose(1, 19)
        from basis in Gen.Elements(AbcBasis.ValueShare, AbcBasis.CountShare)
        from rule in Gen.Elements(AbcBoundaryRule.JoinUpperClass, AbcBoundaryRule.JoinLowerClass)
        select new AbcOptions([first / 100.0, (first + gap) / 100.0], basis, rule);

    /// <summary>Few distinct amounts, so that equal totals (ties at the boundaries) are common.</summary>
    private static readonly Gen<(string Id, decimal Value)> s_record =
        from id in Gen.Elements(s_ids)
        from value in Gen.Frequency(
            (5, Gen.Elements(1m, 2m, 5m, 10m, 0.1m, 0.2m)),
            (2, Gen.Choose(1, 100_000).Select(c => c / 100m)),
            (1, Gen.Elements(0m, -1m, -0.3m)))
        select (id, value);

    private static readonly Gen<(List<(string Id, decimal Value)> Records, AbcOptions Options, int Partitions, int Seed)> s_case =
        from count in Gen.Choose(1, 60)
        from records in Gen.ListOf(s_record, count)
        from options in s_options
        from partitions in Gen.Choose(1, 5)
        from seed in Gen.Choose(0, int.MaxValue)
        select (records.ToList(), options, partitions, seed);

    private static AbcPartial<string> Merged(List<(string Id, decimal Value)> records, int partitions, int seed)
    {
        var random = new Random(seed);
        var parts = Enumerable.Range(0, partitions).Select(_ => new List<(string Id, decimal Value)>()).ToArray();
        foreach (var r in records)
        {
            parts[random.Next(partitions)].Add(r);
        }

        return RfmPartialTests.MergeRandomly(parts.Select(p => AbcPartial.FromRecords(p, r => r.Id, r => r.Value)).ToList(), seed, (x, y) => x.Merge(y));
    }

    private static AbcAnalysis<string> SinglePass(List<(string Id, decimal Value)> records, AbcOptions options) =>
        AbcClassifier.Analyze(
            records.GroupBy(r => r.Id, StringComparer.Ordinal).Select(g => (Id: g.Key, Total: g.Aggregate(0m, (s, r) => s + r.Value))),
            t => t.Id,
            t => t.Total,
            options);

    [Fact]
    public void Merge_AnySplitOrderAndGrouping_ClassifiesAsSinglePass()
    {
        PropertyCheck.ForAll(s_case, c =>
        {
            AbcAnalysis<string> one = SinglePass(c.Records, c.Options);
            AbcAnalysis<string> many = Merged(c.Records, c.Partitions, c.Seed).Analyze(c.Options);
            return one.Customers.SequenceEqual(many.Customers) && one.Summary.TotalValue == many.Summary.TotalValue;
        });
    }

    [Fact]
    public void Thresholds_BroadcastToPartitions_GiveTheSinglePassClasses()
    {
        PropertyCheck.ForAll(s_case, c =>
        {
            AbcAnalysis<string> one = SinglePass(c.Records, c.Options);
            AbcPartial<string> merged = Merged(c.Records, c.Partitions, c.Seed);
            AbcThresholds<string> thresholds = AbcPartial.RestoreThresholds(c.Options, AbcPartial.Thresholds(merged.Analyze(c.Options)).Thresholds.ToArray());

            // Second pass: each customer classified alone from its total and the broadcast thresholds.
            return one.Customers.All(customer => thresholds.Classify(customer.Id, merged.Totals[customer.Id]) == customer.ClassIndex
                && thresholds.ClassOf(customer.Id, merged.Totals[customer.Id]) == customer.Class);
        });
    }

    [Fact]
    public void Thresholds_TieAtTheBoundary_SplitByIdAsTheAnalysis()
    {
        // Hand-worked: totals a 50, b 25, c 25 (two records in two partitions), d 0. Value shares
        // 0.5, 0.75, 1.0 with breakpoints 0.6 and 0.9, the crossing customer joining the upper class:
        // a is A (nothing before it), b is A (0.5 < 0.6 before it), c is B (0.75 before it), d is N.
        // b and c tie at 25: the A threshold is (25, "b"), so c (after b in id order) falls to B.
        var options = new AbcOptions([0.6, 0.9]);
        AbcPartial<string> p1 = AbcPartial.FromRecords([("a", 50m), ("c", 10m)], r => r.Item1, r => r.Item2);
        AbcPartial<string> p2 = AbcPartial.FromRecords([("b", 25m), ("c", 15m), ("d", 0m)], r => r.Item1, r => r.Item2);
        AbcAnalysis<string> analysis = p1.Merge(p2).Analyze(options);
        Assert.Equal(["A", "A", "B", "N"], analysis.Customers.Select(x => x.Class));
        AbcThresholds<string> thresholds = AbcPartial.Thresholds(analysis);
        Assert.Equal(new AbcThreshold<string>(0, 25, "b"), thresholds.Thresholds[0]);
        Assert.Equal(new AbcThreshold<string>(1, 25, "c"), thresholds.Thresholds[1]);
        Assert.Equal(0, thresholds.Classify("b", 25m));
        Assert.Equal(1, thresholds.Classify("c", 25m));
        Assert.Equal(options.NonPositiveClassIndex, thresholds.Classify("d", 0m));
        Assert.Equal(4, AbcPartial.Merge([p2, p1]).CustomerCount);
    }

    [Fact]
    public void BadInput_Throws()
    {
        Assert.Equal("other", Assert.Throws<ArgumentNullException>(() => AbcPartial.Empty<string>().Merge(null!)).ParamName);
        Assert.Equal("partials", Assert.Throws<ArgumentNullException>(() => AbcPartial.Merge<string>(null!)).ParamName);
        Assert.Equal("partials", Assert.Throws<ArgumentNullException>(() => AbcPartial.Merge([AbcPartial.Empty<string>(), null!])).ParamName);
        Assert.Equal("source", Assert.Throws<ArgumentException>(() => AbcPartial.FromRecords([(string?)null], r => r!, _ => 1m)).ParamName);
        Assert.Throws<ArgumentException>(() => AbcPartial.Empty<string>().Analyze());
        Assert.Equal("analysis", Assert.Throws<ArgumentNullException>(() => AbcPartial.Thresholds<string>(null!)).ParamName);
        Assert.Equal("source", Assert.Throws<ArgumentOutOfRangeException>(() => AbcPartial.FromRecords([decimal.MaxValue, decimal.MaxValue], _ => "a", v => v)).ParamName);
        Assert.Equal("thresholds", Assert.Throws<ArgumentException>(() => AbcPartial.RestoreThresholds<string>(AbcOptions.Default, [null])).ParamName);
        Assert.Equal("thresholds", Assert.Throws<ArgumentException>(() => AbcPartial.RestoreThresholds<string>(AbcOptions.Default, [null, new AbcThreshold<string>(0, 1, "a")])).ParamName);
        AbcPartial<string> big = AbcPartial.FromRecords([decimal.MaxValue], _ => "a", v => v);
        Assert.Equal("other", Assert.Throws<ArgumentOutOfRangeException>(() => big.Merge(big)).ParamName);
    }
}
