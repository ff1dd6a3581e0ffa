using System;
using System.Globalization;
using System.Linq;
using CustomerValuation.Rfm;
using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace CustomerValuation.Tests.Rfm;

/// <summary>
/// The accumulator's distinct-purchase counting on the inputs that stress its internals: customers
/// with many orders or days (the per-customer filter saturates, so most keys become suspects and
/// are settled by sorting), orders revisited out of sequence and after an earlier ToFeatures, more
/// lines than one batch, and working memory reused from the pool after Dispose.
/// Expected values: LINQ Distinct on the same lines (an independent count).
/// </summary>
public class RfmFeatureAccumulatorTests
{
    private static readonly DateTime s_asOf = new(2026, 6, 30);

    private static readonly Gen<(string Customer, int Day, string Order)[]> s_lines =
        from customers in Gen.Choose(1, 4)
        from orders in Gen.Choose(1, 120)
        from count in Gen.Choose(1, 900)
        from lines in Gen.ArrayOf(
            from c in Gen.Choose(1, customers)
            from o in Gen.Choose(1, orders)
            from d in Gen.Choose(0, 400)
            select ("k" + c.ToString(CultureInfo.InvariantCulture), d, "o" + o.ToString(CultureInfo.InvariantCulture)),
            count)
        select lines;

    [Fact]
    public void ToFeatures_ManyRevisitedOrdersPerCustomer_FrequencyEqualsDistinctOrders()
    {
        PropertyCheck.ForAll(s_lines, lines =>
        {
            var accumulator = new RfmFeatureAccumulator<string>(new RfmTransactionOptions(s_asOf));
            foreach ((string customer, int day, string order) in lines)
            {
                accumulator.Add(customer, s_asOf.AddDays(-day), 1m, order);
            }

            var expected = lines.GroupBy(l => l.Customer).ToDictionary(g => g.Key, g => g.Select(l => l.Order).Distinct(StringComparer.Ordinal).Count());
            RfmFeatureSet<string> features = accumulator.ToFeatures();
            return features.Count == expected.Count && features.All(f => f.Frequency == expected[f.Id]);
        });
    }

    [Fact]
    public void ToFeatures_ManyRevisitedDaysPerCustomer_FrequencyEqualsDistinctDays()
    {
        PropertyCheck.ForAll(s_lines, lines =>
        {
            var accumulator = new RfmFeatureAccumulator<string>(new RfmTransactionOptions(s_asOf, RfmFrequencyBasis.DistinctDays));
            foreach ((string customer, int day, string order) in lines)
            {
                accumulator.Add(customer, s_asOf.AddDays(-day).AddMinutes(day % 7), 1m, order);
            }

            var expected = lines.GroupBy(l => l.Customer).ToDictionary(g => g.Key, g => g.Select(l => l.Day).Distinct().Count());
            RfmFeatureSet<string> features = accumulator.ToFeatures();
            return features.Count == expected.Count && features.All(f => f.Frequency == expected[f.Id]);
        });
    }

    [Fact]
    public void ToFeatures_OneCustomerWithThousandOrdersRevisited_CountsEachOnce()
    {
        // Hand: orders o0 … o999, each given three times in three separate rounds: 1,000 distinct.
        var accumulator = new RfmFeatureAccumulator<long>(new RfmTransactionOptions(s_asOf));
        for (int round = 0; round < 3; round++)
        {
            for (int o = 0; o < 1000; o++)
            {
                accumulator.Add(42L, s_asOf.AddDays(-(o % 300)), 2m, "o" + o.ToString(CultureInfo.InvariantCulture));
            }
        }

        RfmCustomerFeatures<long> customer = Assert.Single(accumulator.ToFeatures());
        Assert.Equal(1000, customer.Frequency);
        Assert.Equal(6000m, customer.Monetary); // 3,000 lines × 2
        Assert.Equal(0, customer.RecencyDays);  // o0 is on the as-of date
        Assert.Equal(299, customer.TenureDays); // o299 is 299 days before
    }

    [Fact]
    public void ToFeatures_ThenMoreLines_CountsTheLaterLinesToo()
    {
        // Lines are applied in batches; ToFeatures must see every line added so far, and the
        // accumulator must go on afterwards. Hand: 300 lines of one order, then a second order.
        var accumulator = new RfmFeatureAccumulator<string>(new RfmTransactionOptions(s_asOf));
        for (int i = 0; i < 300; i++)
        {
            accumulator.Add("A", s_asOf.AddDays(-5), 1m, "first");
        }

        Assert.Equal(1, Assert.Single(accumulator.ToFeatures()).Frequency);
        Assert.Equal(300, accumulator.Report.PurchaseLines);
        accumulator.Add("A", s_asOf, 1m, "second");
        RfmCustomerFeatures<string> after = Assert.Single(accumulator.ToFeatures());
        Assert.Equal(2, after.Frequency);
        Assert.Equal(301m, after.Monetary);
        Assert.Equal(0, after.RecencyDays);
    }

    [Fact]
    public void ToFeatures_OrderRepeatedAfterAnEarlierToFeatures_CountsItOnce()
    {
        // Hand: o1, o2, then (after a first ToFeatures) o1 again and o3: distinct orders 2, then 3.
        // The repeat of o1 is found when the features are built, so it must be found again after
        // a first build without undoing anything that build settled.
        using var accumulator = new RfmFeatureAccumulator<string>(new RfmTransactionOptions(s_asOf));
        accumulator.Add("A", s_asOf.AddDays(-9), 5m, "o1");
        accumulator.Add("A", s_asOf.AddDays(-8), 5m, "o2");
        Assert.Equal(2, Assert.Single(accumulator.ToFeatures()).Frequency);
        accumulator.Add("A", s_asOf.AddDays(-7), 5m, "o1");
        accumulator.Add("A", s_asOf.AddDays(-6), 5m, "o3");
        RfmCustomerFeatures<string> first = Assert.Single(accumulator.ToFeatures());
        Assert.Equal(3, first.Frequency);
        Assert.Equal(20m, first.Monetary);
        Assert.Equal(3, Assert.Single(accumulator.ToFeatures()).Frequency); // building again changes nothing
    }

    [Fact]
    public void Dispose_ThenAnyCall_ThrowsObjectDisposedAndEarlierFeaturesStayValid()
    {
        var accumulator = new RfmFeatureAccumulator<string>(new RfmTransactionOptions(s_asOf));
        accumulator.Add("A", s_asOf.AddDays(-3), 7m, "o1");
        RfmFeatureSet<string> features = accumulator.ToFeatures();
        accumulator.Dispose();
        accumulator.Dispose(); // a second Dispose does nothing

        Assert.Throws<ObjectDisposedException>(() => accumulator.Add("A", s_asOf, 1m, "o2"));
        Assert.Throws<ObjectDisposedException>(() => accumulator.AddLine("A", s_asOf, 1m, 1m, "o2"));
        Assert.Throws<ObjectDisposedException>(() => accumulator.ToFeatures());
        Assert.Throws<ObjectDisposedException>(() => accumulator.Report);

        // Hand: one line of 7 three days before the as-of date.
        RfmCustomerFeatures<string> a = Assert.Single(features);
        Assert.Equal(("A", 3, 1, 7m), (a.Id, a.RecencyDays, a.Frequency, a.Monetary));
    }

    [Fact]
    public void Aggregate_AfterAnotherAccumulatorGaveItsMemoryBack_SameAsLinq()
    {
        // The second accumulator works in arrays rented from the pool that the first one filled
        // (5,000 customers: past the first growth of every array). Expected: LINQ on the lines.
        static (long Customer, int Day, decimal Amount, string Order)[] Lines(int seed)
        {
            var random = new Random(seed);
            return Enumerable.Range(0, 20_000)
                .Select(_ => (
                    (long)random.Next(5_000),
                    random.Next(0, 200),
                    random.Next(1, 10_000) / 100m,
                    "o" + random.Next(0, 9_000).ToString(CultureInfo.InvariantCulture)))
                .ToArray();
        }

        foreach (int seed in new[] { 1, 2, 3 })
        {
            var lines = Lines(seed);
            using var accumulator = new RfmFeatureAccumulator<long>(new RfmTransactionOptions(s_asOf));
            foreach (var (customer, day, amount, order) in lines)
            {
                accumulator.Add(customer, s_asOf.AddDays(-day), amount, order);
            }

            var expected = lines
                .GroupBy(l => l.Customer)
                .OrderBy(g => g.Key)
                .Select(g => (g.Key, g.Min(l => l.Day), g.Select(l => l.Order).Distinct(StringComparer.Ordinal).Count(), g.Sum(l => l.Amount)))
                .ToArray();
            var actual = accumulator.ToFeatures().Select(f => (f.Id, f.RecencyDays, f.Frequency, f.Monetary)).ToArray();
            Assert.Equal(expected, actual);
        }
    }

    [Fact]
    public void Add_CustomerTotalBeyondDecimal_ThrowsNamingTheLine()
    {
        var accumulator = new RfmFeatureAccumulator<string>(new RfmTransactionOptions(s_asOf));
        accumulator.Add("A", s_asOf, decimal.MaxValue, "o1");
        accumulator.Add("A", s_asOf, decimal.MaxValue, "o2");
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => accumulator.ToFeatures());
        Assert.Contains("Line 2", e.Message, StringComparison.Ordinal);
        Assert.Contains("'A'", e.Message, StringComparison.Ordinal);
    }
}

/// <summary>What the accumulator does after errors (from a review of the batching): nothing is lost silently.</summary>
public class RfmFeatureAccumulatorErrorTests
{
    private static readonly DateTime s_asOf = new(2024, 1, 31);
    private static readonly DateTime s_day = new(2024, 1, 10);

    [Fact]
    public void Add_TotalOverflowInABatch_ThrowsThenStopsTheAccumulator()
    {
        // Hand: X reaches 1e29 > 7.9e28 on its second line; 100 good lines follow in the same batch.
        var accumulator = new RfmFeatureAccumulator<string>(new RfmTransactionOptions(s_asOf));
        accumulator.Add("X", s_day, 5e28m, "o1");
        accumulator.Add("X", s_day, 5e28m, "o2");
        for (int i = 0; i < 100; i++)
        {
            accumulator.Add("c" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), s_day, 10m, "p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var first = Assert.Throws<ArgumentOutOfRangeException>(() => accumulator.ToFeatures());
        Assert.StartsWith("Line 2: customer 'X'", first.Message, StringComparison.Ordinal);

        // The lines after the failing one were not applied, so no partial result is ever given.
        var report = Assert.Throws<InvalidOperationException>(() => accumulator.Report);
        Assert.Same(first, report.InnerException);
        Assert.Throws<InvalidOperationException>(() => accumulator.Add("Y", s_day, 1m, "q"));
        Assert.Throws<InvalidOperationException>(() => accumulator.ToFeatures());
    }

    [Fact]
    public void Report_TotalOfAllCustomersBeyondDecimal_ThrowsInvalidOperation()
    {
        var accumulator = new RfmFeatureAccumulator<string>(new RfmTransactionOptions(s_asOf));
        accumulator.Add("A", s_day, 5e28m, "o1");
        accumulator.Add("B", s_day, 5e28m, "o2");
        var e = Assert.Throws<InvalidOperationException>(() => accumulator.Report);
        Assert.Contains("range of decimal", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Add_NetPolicyLargeAmounts_SameTotalWhateverTheLineOrder()
    {
        // Hand: −7e28 + 5e28 + 5e28 = 3e28 fits; merging the two o1 lines first (1e29) must not fail.
        var options = new RfmTransactionOptions(s_asOf, nonPositiveAmounts: RfmNonPositivePolicy.Net);
        (decimal Amount, string Order)[][] orders =
        [
            [(-7e28m, "r1"), (5e28m, "o1"), (5e28m, "o1")],
            [(5e28m, "o1"), (-7e28m, "r1"), (5e28m, "o1")],
        ];
        foreach ((decimal Amount, string Order)[] lines in orders)
        {
            var accumulator = new RfmFeatureAccumulator<string>(options);
            foreach ((decimal amount, string order) in lines)
            {
                accumulator.Add("X", s_day, amount, order);
            }

            RfmCustomerFeatures<string> x = Assert.Single(accumulator.ToFeatures());
            Assert.Equal(3e28m, x.TotalAmount);
            Assert.Equal(1, x.Frequency);
        }
    }

    [Fact]
    public void Add_LineRejectedWithAnException_IsNotCounted()
    {
        var accumulator = new RfmFeatureAccumulator<string>(new RfmTransactionOptions(s_asOf, futureLines: RfmFutureLinePolicy.Reject));
        accumulator.Add("A", s_day, 10m, "o1");
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => accumulator.Add("B", s_asOf.AddDays(1), 10m, "o2"));
        Assert.StartsWith("Line 2 (customer 'B')", e.Message, StringComparison.Ordinal);
        accumulator.Add("C", s_day, 10m, "o3");

        RfmAggregationReport report = accumulator.Report;
        Assert.Equal(2, report.LinesRead);
        Assert.Equal(report.LinesRead, report.LinesRemoved + report.NonPositiveLinesNetted + report.PurchaseLines);
    }

    [Fact]
    public void Aggregate_DoubleAmountTooSmallForDecimal_IsStillAPurchase()
    {
        // 1e-30 is positive but converts to decimal 0: the line stays a purchase (amount 0), it is not excluded.
        RfmFeatureSet<string> features = RfmFeatures.Aggregate<string>(
            new string?[] { "A", "B" }, new[] { s_day, s_day }, new[] { 1e-30, 5.0 }, new string?[] { "o1", "o2" }, new RfmTransactionOptions(s_asOf));
        Assert.Equal(2, features.Count);
        Assert.Equal(0, features.Report.NonPositiveLinesExcluded);
        Assert.Equal(0m, features[0].Monetary);
    }
}
