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
/// FsCheck properties of the aggregation of transaction lines into RFM features (SPEC §2 and §7,
/// STYLE 17): order of lines does not matter, nothing is lost, and the features equal a slow LINQ
/// re-implementation of the contract written here.
/// </summary>
public class RfmFeaturesPropertyTests
{
    private static readonly DateTime s_asOf = new(2024, 3, 31);

    /// <summary>Integer ids only (numeric order), including equal numbers "7"/"007", a negative and a 24-digit id.</summary>
    private static readonly string[] s_integerIds = ["1", "2", "7", "007", "10", "-3", "123456789012345678901234", "0"];

    /// <summary>No id is an integer (ordinal order).</summary>
    private static readonly string[] s_textIds = ["a", "b", "a10", "a9", "B", "Z7", "ü", "7x"];

    private static readonly Gen<RfmTransactionOptions> s_options =
        from frequency in Gen.Elements(RfmFrequencyBasis.DistinctOrders, RfmFrequencyBasis.DistinctDays)
        from monetary in Gen.Elements(RfmMonetaryBasis.Sum, RfmMonetaryBasis.MeanPerPurchase)
        from nonPositive in Gen.Elements(RfmNonPositivePolicy.Exclude, RfmNonPositivePolicy.Net)
        from duplicates in Gen.Elements(RfmDuplicatePolicy.Keep, RfmDuplicatePolicy.Remove)
        from prefix in Gen.Elements<string?>(null, "C")
        from asOfTime in Gen.Choose(0, 1439) // a time of day on the as-of date, which must be ignored
        select new RfmTransactionOptions(s_asOf.AddMinutes(asOfTime), frequency, monetary, nonPositive, RfmFutureLinePolicy.Exclude, prefix, duplicates);

    private static Gen<Line> LineOf(string[] pool) =>
        from customer in Gen.Frequency(
            (1, Gen.Elements<string?>(null, string.Empty, "  ")),
            (8, Gen.Elements(pool).Select(id => (string?)id)))
        from day in Gen.Choose(-40, 2) // some lines after the as-of date
        from minute in Gen.Choose(0, 1439)
        from amount in Gen.Frequency(
            (6, Gen.Choose(1, 50_000).Select(cents => cents / 100m)),
            (1, Gen.Constant(0m)),
            (2, Gen.Choose(-5_000, -1).Select(cents => cents / 100m)))
        from order in Gen.Frequency(
            (5, Gen.Choose(1, 6).Select(i => "o" + i.ToString(CultureInfo.InvariantCulture))),
            (1, Gen.Choose(1, 3).Select(i => "C" + i.ToString(CultureInfo.InvariantCulture))))
        from key in Gen.Elements<string?>(null, "k1", "k2")
        select new Line(customer, s_asOf.AddDays(day).AddMinutes(minute), amount, order, key);

    /// <summary>Up to 60 lines, some repeated exactly (duplicates), from one id pool, with any options.</summary>
    private static readonly Gen<Case> s_case =
        from pool in Gen.Elements(s_integerIds, s_textIds)
        from count in Gen.Choose(0, 60)
        from lines in Gen.ArrayOf(LineOf(pool), count)
        from repeats in Gen.Choose(0, 8)
        from options in s_options
        from seed in Gen.Choose(0, int.MaxValue)
        select new Case(lines.Concat(lines.Take(repeats)).ToArray(), options, seed);

    private static RfmFeatureSet<string> Aggregate(IEnumerable<Line> lines, RfmTransactionOptions options) =>
        RfmFeatures.Aggregate(lines, l => l.Customer, l => l.At, l => l.Amount, l => l.Order, options);

    private static Line[] Shuffled(Case c)
    {
        Line[] copy = c.Lines.ToArray();
        new Random(c.Seed).Shuffle(copy);
        return copy;
    }

    [Fact]
    public void Aggregate_ShuffledLines_SameFeaturesReportAndScores()
    {
        PropertyCheck.ForAll(s_case, c =>
        {
            RfmFeatureSet<string> a = Aggregate(c.Lines, c.Options);
            RfmFeatureSet<string> b = Aggregate(Shuffled(c), c.Options);
            if (!a.SequenceEqual(b) || a.Report != b.Report)
            {
                return false;
            }

            if (a.Count == 0)
            {
                return true;
            }

            RfmResult<string> scoresA = RfmScorer.Score(a, null, RfmSegmentTable.Standard);
            RfmResult<string> scoresB = RfmScorer.Score(b, null, RfmSegmentTable.Standard);
            var value = RfmScoringOptions.Default.WithAllDimensions(RfmDimensionScoring.ValueBreakpoints);
            return scoresA.Customers.SequenceEqual(scoresB.Customers)
                && RfmScorer.Score(a, value).Customers.SequenceEqual(RfmScorer.Score(b, value).Customers);
        });
    }

    [Fact]
    public void Aggregate_AnyLines_NothingLost()
    {
        PropertyCheck.ForAll(s_case, c =>
        {
            RfmFeatureSet<string> features = Aggregate(c.Lines, c.Options);
            RfmAggregationReport r = features.Report;
            int distinctIds = c.Lines.Where(l => !string.IsNullOrWhiteSpace(l.Customer)).Select(l => l.Customer).Distinct(StringComparer.Ordinal).Count();
            return r.LinesRead == c.Lines.Length
                && r.LinesRemoved == r.LinesWithoutCustomer + r.LinesAfterAsOf + r.CancelledLines + r.NonPositiveLinesExcluded + r.DuplicateLinesRemoved
                && r.LinesRead == r.LinesRemoved + r.NonPositiveLinesNetted + r.PurchaseLines
                && r.Customers == features.Count
                && r.Customers + r.CustomersWithoutPurchase == distinctIds
                && features.Sum(f => f.TotalAmount) == r.TotalAmount
                && features.Select(f => f.Id).Distinct(StringComparer.Ordinal).Count() == features.Count;
        });
    }

    [Fact]
    public void Aggregate_AnyLines_EqualsLinqReimplementation()
    {
        PropertyCheck.ForAll(s_case, c =>
        {
            (RfmCustomerFeatures<string>[] expected, RfmAggregationReport expectedReport) = Reference(c.Lines, c.Options, s_asOf);
            RfmFeatureSet<string> actual = Aggregate(c.Lines, c.Options);
            return expected.SequenceEqual(actual) && expectedReport == actual.Report;
        });
    }

    [Fact]
    public void Aggregate_AnyLines_BoundsOfEveryCustomer()
    {
        PropertyCheck.ForAll(s_case, c =>
        {
            RfmFeatureSet<string> features = Aggregate(c.Lines, c.Options);
            return features.All(f =>
                f.Frequency >= 1
                && f.RecencyDays >= 0
                && f.TenureDays >= f.RecencyDays
                && f.FirstPurchase <= f.LastPurchase
                && f.FirstPurchase.TimeOfDay == TimeSpan.Zero
                && f.LastPurchase.TimeOfDay == TimeSpan.Zero
                && f.RecencyDays == (s_asOf - f.LastPurchase).Days
                && f.TenureDays == (s_asOf - f.FirstPurchase).Days
                && (c.Options.Frequency == RfmFrequencyBasis.DistinctOrders || f.Frequency <= f.TenureDays - f.RecencyDays + 1)
                && (c.Options.Monetary == RfmMonetaryBasis.Sum ? f.Monetary == f.TotalAmount : ((f.Monetary * f.Frequency) - f.TotalAmount) is > -0.000001m and < 0.000001m));
        });
    }

    [Fact]
    public void Aggregate_EveryTier_SameAsAccumulator()
    {
        PropertyCheck.ForAll(s_case, c =>
        {
            var accumulator = new RfmFeatureAccumulator<string>(c.Options);
            foreach (Line line in c.Lines)
            {
                accumulator.Add(line.Customer, line.At, line.Amount, line.Order, line.Key);
            }

            RfmFeatureSet<string> incremental = accumulator.ToFeatures();

            // Without line keys (the selectors have none), duplicates are judged on the other fields only.
            Line[] keyless = c.Lines.Select(l => l with { Key = null }).ToArray();
            var keylessAccumulator = new RfmFeatureAccumulator<string>(c.Options);
            foreach (Line line in keyless)
            {
                keylessAccumulator.Add(line.Customer, line.At, line.Amount, line.Order);
            }

            RfmFeatureSet<string> expected = keylessAccumulator.ToFeatures();
            RfmFeatureSet<string> sequence = Aggregate(keyless, c.Options);
            RfmFeatureSet<string> byLine = RfmFeatures.Aggregate(keyless, l => l.Customer, l => l.At, _ => 1m, l => l.Amount, l => l.Order, c.Options);
            if (keyless.Length == 0)
            {
                // An empty order-id span means "no order ids" (rejected under DistinctOrders; see the bad-input tests).
                return sequence.SequenceEqual(expected) && byLine.SequenceEqual(expected) && sequence.Report == expected.Report;
            }

            RfmFeatureSet<string> spans = RfmFeatures.Aggregate<string>(
                keyless.Select(l => l.Customer).ToArray(),
                keyless.Select(l => l.At).ToArray(),
                keyless.Select(l => l.Amount).ToArray(),
                keyless.Select(l => (string?)l.Order).ToArray(),
                c.Options);
            RfmFeatureSet<string> doubles = RfmFeatures.Aggregate<string>(
                keyless.Select(l => l.Customer).ToArray(),
                keyless.Select(l => l.At).ToArray(),
                keyless.Select(l => (double)l.Amount).ToArray(), // cents convert back exactly (15 digits)
                keyless.Select(l => (string?)l.Order).ToArray(),
                c.Options);
            return accumulator.Report == incremental.Report
                && new[] { sequence, byLine, spans, doubles }.All(set => set.SequenceEqual(expected) && set.Report == expected.Report);
        });
    }

    /// <summary>
    /// The contract re-implemented the slow way: the policies line by line in their order, then
    /// group by customer with LINQ, then order by id (numeric when every id of the set is an
    /// integer, compared as a BigInteger, ties ordinal; otherwise ordinal).
    /// </summary>
    private static (RfmCustomerFeatures<string>[] Features, RfmAggregationReport Report) Reference(Line[] lines, RfmTransactionOptions options, DateTime asOfDate)
    {
        long withoutCustomer = 0, afterAsOf = 0, cancelled = 0, excluded = 0, netted = 0, duplicates = 0;
        var seen = new HashSet<(string, long, decimal, string, string?)>();
        var kept = new List<(Line Line, bool Purchase)>();
        foreach (Line l in lines)
        {
            if (string.IsNullOrWhiteSpace(l.Customer))
            {
                withoutCustomer++;
            }
            else if (l.At.Date > asOfDate)
            {
                afterAsOf++;
            }
            else if (options.CancelledOrderPrefix is string prefix && l.Order.StartsWith(prefix, StringComparison.Ordinal))
            {
                cancelled++;
            }
            else if (l.Amount <= 0 && options.NonPositiveAmounts == RfmNonPositivePolicy.Exclude)
            {
                excluded++;
            }
            else if (options.Duplicates == RfmDuplicatePolicy.Remove && !seen.Add((l.Customer, l.At.Ticks, l.Amount, l.Order, l.Key)))
            {
                duplicates++;
            }
            else
            {
                netted += l.Amount <= 0 ? 1 : 0;
                kept.Add((l, l.Amount > 0));
            }
        }

        var unordered = kept
            .GroupBy(k => k.Line.Customer!, StringComparer.Ordinal)
            .Where(g => g.Any(k => k.Purchase))
            .Select(g =>
            {
                Line[] purchases = g.Where(k => k.Purchase).Select(k => k.Line).ToArray();
                int frequency = options.Frequency == RfmFrequencyBasis.DistinctOrders
                    ? purchases.Select(p => p.Order).Distinct(StringComparer.Ordinal).Count()
                    : purchases.Select(p => p.At.Date).Distinct().Count();
                decimal total = g.Sum(k => k.Line.Amount);
                DateTime first = purchases.Min(p => p.At.Date);
                DateTime last = purchases.Max(p => p.At.Date);
                decimal monetary = options.Monetary == RfmMonetaryBasis.Sum ? total : total / frequency;
                return new RfmCustomerFeatures<string>(g.Key, (asOfDate - last).Days, frequency, monetary, total, first, last, (asOfDate - first).Days);
            })
            .ToList();
        bool numeric = unordered.All(f => IsInteger(f.Id));
        RfmCustomerFeatures<string>[] features = numeric
            ? unordered.OrderBy(f => BigInteger.Parse(f.Id, CultureInfo.InvariantCulture)).ThenBy(f => f.Id, StringComparer.Ordinal).ToArray()
            : unordered.OrderBy(f => f.Id, StringComparer.Ordinal).ToArray();
        int ids = lines.Where(l => !string.IsNullOrWhiteSpace(l.Customer)).Select(l => l.Customer).Distinct(StringComparer.Ordinal).Count();
        long purchaseLines = kept.Count(k => k.Purchase);
        var report = new RfmAggregationReport(
            lines.Length, withoutCustomer, afterAsOf, cancelled, excluded, netted, duplicates, purchaseLines, features.Length, ids - features.Length, features.Sum(f => f.TotalAmount));
        return (features, report);
    }

    private static bool IsInteger(string id) =>
        id.Length > (id.StartsWith('-') ? 1 : 0) && id.Skip(id.StartsWith('-') ? 1 : 0).All(ch => ch is >= '0' and <= '9');

    private sealed record Line(string? Customer, DateTime At, decimal Amount, string Order, string? Key);

    private sealed record Case(Line[] Lines, RfmTransactionOptions Options, int Seed);
}
