using System;
using System.Collections.Generic;
using System.Linq;
using CustomerValuation.Rfm;
using Xunit;

namespace CustomerValuation.Tests.Rfm;

/// <summary>
/// Hand-worked examples of the aggregation of transaction lines into RFM features (SPEC §2): every
/// quantity, every line policy, the id order, and one feature set scored end to end. Every expected
/// value is worked out by hand in the comments (as-of date A = 2024-03-31; 2024 is a leap year).
/// </summary>
public class RfmFeaturesTests
{
    private static readonly DateTime s_asOf = new(2024, 3, 31);

    private static readonly RfmTransactionOptions s_default = new(s_asOf);

    /// <summary>A date (and time) in 2024.</summary>
    private static DateTime D(int month, int day, int hour = 0, int minute = 0) => new(2024, month, day, hour, minute, 0);

    private static RfmFeatureSet<string> AddAll(IEnumerable<Line> lines, RfmTransactionOptions options)
    {
        var accumulator = new RfmFeatureAccumulator<string>(options);
        foreach (Line line in lines)
        {
            accumulator.Add(line.Customer, line.At, line.Amount, line.Order, line.Key);
        }

        return accumulator.ToFeatures();
    }

    private static RfmCustomerFeatures<string> F(string id, int recency, int frequency, decimal monetary, decimal total, DateTime first, DateTime last, int tenure) =>
        new(id, recency, frequency, monetary, total, first, last, tenure);

    [Fact]
    public void Aggregate_TwoCustomers_EveryQuantityAsWorkedByHand()
    {
        Line[] lines =
        [
            new("c1", D(3, 1, 10), 10.00m, "o1"),
            new("c1", D(3, 1, 11), 5.50m, "o1"),   // second line of order o1
            new("c1", D(3, 21, 9), 20.00m, "o2"),
            new("c2", D(1, 31, 23, 59), 7.25m, "o3"),
            new("c2", D(3, 31, 23, 59), 2.75m, "o4"), // on the as-of day, late: counts, recency 0
        ];

        // The as-of date's time of day is dropped: A = 2024-03-31 00:00.
        var options = new RfmTransactionOptions(new DateTime(2024, 3, 31, 17, 45, 0));
        Assert.Equal(s_asOf, options.AsOf);

        RfmFeatureSet<string> features = RfmFeatures.Aggregate(lines, l => l.Customer, l => l.At, l => l.Amount, l => l.Order, options);

        // c1: orders o1, o2 → F 2; M = 10 + 5.50 + 20 = 35.50; last 03-21 → R = 31 − 21 = 10;
        //     first 03-01 → tenure 30.
        // c2: orders o3, o4 → F 2; M = 7.25 + 2.75 = 10.00; last 03-31 → R 0;
        //     first 01-31 → tenure = 29 (to 02-29) + 31 (to 03-31) = 60.
        Assert.Equal(
            new[]
            {
                F("c1", 10, 2, 35.50m, 35.50m, D(3, 1), D(3, 21), 30),
                F("c2", 0, 2, 10.00m, 10.00m, D(1, 31), D(3, 31), 60),
            },
            features.ToArray());
        Assert.Equal(new[] { 10, 0 }, features.RecencyDaysSpan.ToArray());
        Assert.Equal(new[] { 2, 2 }, features.FrequencySpan.ToArray());
        Assert.Equal(new[] { 35.50m, 10.00m }, features.MonetarySpan.ToArray());
        Assert.Equal(s_asOf, features.AsOf);
        Assert.Same(options, features.Options);

        // 5 lines, all purchases; total 35.50 + 10.00 = 45.50.
        Assert.Equal(new RfmAggregationReport(5, 0, 0, 0, 0, 0, 0, 5, 2, 0, 45.50m), features.Report);
        Assert.Equal(0, features.Report.LinesRemoved);
    }

    [Fact]
    public void Aggregate_OrderIdsRepeatedAndShared_DistinctOrdersCountedPerCustomer()
    {
        Line[] lines =
        [
            new("a", D(3, 1), 1m, "o1"),
            new("b", D(3, 1), 1m, "o1"), // the same order text for another customer is b's own order
            new("a", D(3, 2), 1m, "o2"),
            new("a", D(3, 3), 1m, "o1"), // o1 again after o2: still one order
        ];

        RfmFeatureSet<string> features = AddAll(lines, s_default);

        // a: {o1, o2} → 2; b: {o1} → 1.
        Assert.Equal(new[] { 2, 1 }, features.FrequencySpan.ToArray());

        // a's last purchase 03-03 → recency 28 (an order's later line moves recency).
        Assert.Equal(28, features[0].RecencyDays);
    }

    [Fact]
    public void Aggregate_EveryPolicy_FirstMatchingPolicyRemovesAndCountsEachLine()
    {
        var options = new RfmTransactionOptions(s_asOf, cancelledOrderPrefix: "C", duplicates: RfmDuplicatePolicy.Remove);
        Line[] lines =
        [
            new(null, D(3, 1), 10m, "o1"),               //  1 no customer
            new(string.Empty, D(3, 1), 10m, "o1"),       //  2 no customer
            new(" \t", D(4, 5), 10m, "C1"),              //  3 no customer (also future, cancelled: first policy wins)
            new("a", D(4, 1), 10m, "o2"),                //  4 after as-of (04-01 00:00 is the next day)
            new("b", D(4, 2), -3m, "C1"),                //  5 after as-of (also cancelled and non-positive)
            new("a", D(3, 10), -5m, "C9"),               //  6 cancelled (also non-positive)
            new("a", D(3, 10), 0m, "o3"),                //  7 non-positive
            new("a", D(3, 10), 0m, "o3"),                //  8 non-positive again, not a duplicate (that check comes later)
            new("c", D(3, 5), -2m, "o5"),                //  9 non-positive; c never buys
            new("a", D(3, 10, 12), 12m, "o4", "sku1"),   // 10 purchase
            new("a", D(3, 10, 12), 12m, "o4", "sku1"),   // 11 duplicate of 10
            new("a", D(3, 10, 12), 12m, "o4", "sku2"),   // 12 purchase (other line key)
            new("a", D(3, 10, 12, 1), 12m, "o4", "sku1"), // 13 purchase (other minute)
            new("d", D(3, 5), 4m, "c7"),                 // 14 purchase: the prefix is ordinal, "c7" is not "C…"
            new("a", D(3, 10, 12), 12.00m, "o4", "sku1"), // 15 duplicate of 10 (12.00 = 12 by value)
        ];

        RfmFeatureSet<string> features = AddAll(lines, options);

        // a: lines 10, 12, 13 → one order o4, M = 36, day 03-10 → R = 21, tenure 21.
        // d: line 14 → F 1, M 4, day 03-05 → R = 26, tenure 26.
        Assert.Equal(
            new[]
            {
                F("a", 21, 1, 36m, 36m, D(3, 10), D(3, 10), 21),
                F("d", 26, 1, 4m, 4m, D(3, 5), D(3, 5), 26),
            },
            features.ToArray());

        // 15 read = 3 no customer + 2 after + 1 cancelled + 3 non-positive + 2 duplicates (11 removed) + 4 purchases.
        // b (only a future line) and c (only a non-positive line) are ids without purchase.
        Assert.Equal(new RfmAggregationReport(15, 3, 2, 1, 3, 0, 2, 4, 2, 2, 40m), features.Report);
        Assert.Equal(11, features.Report.LinesRemoved);
    }

    [Fact]
    public void Aggregate_DuplicatesKeptByDefault_BothLinesCount()
    {
        Line[] lines = [new("a", D(3, 10, 12), 12m, "o4", "sku1"), new("a", D(3, 10, 12), 12m, "o4", "sku1")];

        RfmFeatureSet<string> features = AddAll(lines, s_default);

        // RfmDuplicatePolicy.Keep: nothing is checked; M = 12 + 12, still one order.
        Assert.Equal(F("a", 21, 1, 24m, 24m, D(3, 10), D(3, 10), 21), Assert.Single(features));
        Assert.Equal(new RfmAggregationReport(2, 0, 0, 0, 0, 0, 0, 2, 1, 0, 24m), features.Report);
    }

    [Fact]
    public void AddLine_DuplicatesRemoved_SameQuantityAndPriceByValueNotSameAmount()
    {
        var accumulator = new RfmFeatureAccumulator<string>(new RfmTransactionOptions(s_asOf, duplicates: RfmDuplicatePolicy.Remove));
        accumulator.AddLine("a", D(3, 1), 2m, 2.50m, "o1");
        accumulator.AddLine("a", D(3, 1), 2m, 2.5m, "o1");  // duplicate: 2.5 = 2.50
        accumulator.AddLine("a", D(3, 1), 1m, 5m, "o1");    // same amount 5, other quantity and price: not a duplicate

        RfmFeatureSet<string> features = accumulator.ToFeatures();

        // M = 2 × 2.50 + 1 × 5 = 10.
        Assert.Equal(10m, Assert.Single(features).Monetary);
        Assert.Equal(new RfmAggregationReport(3, 0, 0, 0, 0, 0, 1, 2, 1, 0, 10m), features.Report);
    }

    [Fact]
    public void AddLine_QuantityOrPriceNotPositive_ExcludedEvenWhenProductPositive()
    {
        var accumulator = new RfmFeatureAccumulator<string>(s_default);
        accumulator.AddLine("a", D(3, 1), 3m, 4m, "o1");     // purchase 12
        accumulator.AddLine("a", D(3, 20), -1m, -4m, "o2");  // product +4, but quantity ≤ 0: not a purchase
        accumulator.AddLine("a", D(3, 21), 5m, 0m, "o3");    // free item: price 0
        accumulator.AddLine("b", D(3, 21), 0m, 9m, "o4");    // quantity 0; b never buys

        RfmFeatureSet<string> features = accumulator.ToFeatures();

        // a: only 03-01 counts → R 30, F 1, M 12.
        Assert.Equal(F("a", 30, 1, 12m, 12m, D(3, 1), D(3, 1), 30), Assert.Single(features));
        Assert.Equal(new RfmAggregationReport(4, 0, 0, 0, 3, 0, 0, 1, 1, 1, 12m), features.Report);
    }

    [Fact]
    public void Aggregate_NetPolicy_ReturnsReduceMonetaryButAreNotPurchases()
    {
        var net = new RfmTransactionOptions(s_asOf, nonPositiveAmounts: RfmNonPositivePolicy.Net);
        Line[] lines =
        [
            new("a", D(3, 1), 100m, "o1"),
            new("a", D(3, 20), -30m, "r1"), // return: netted, does not move recency
            new("a", D(3, 25), 0m, "o2"),   // zero amount: netted, not a purchase (frequency stays 1)
            new("b", D(3, 10), -15m, "r2"), // b only returns: an id without purchase
            new("c", D(2, 29), 40m, "o3"),
            new("c", D(3, 30), -40m, "r3"),
            new("c", D(2, 1), -5m, "r4"),   // netted return dated before the first purchase: first purchase stays 02-29
        ];

        RfmFeatureSet<string> features = AddAll(lines, net);

        // a: 100 − 30 + 0 = 70; only 03-01 is a purchase → R 30, F 1, tenure 30.
        // c: 40 − 40 − 5 = −5; only 02-29 is a purchase → R = 31 (02-29 → 03-31), F 1, tenure 31.
        Assert.Equal(
            new[]
            {
                F("a", 30, 1, 70m, 70m, D(3, 1), D(3, 1), 30),
                F("c", 31, 1, -5m, -5m, D(2, 29), D(2, 29), 31),
            },
            features.ToArray());

        // 7 lines: 5 netted, 2 purchases, none removed; b is without purchase and its −15 is not in the total (70 − 5 = 65).
        Assert.Equal(new RfmAggregationReport(7, 0, 0, 0, 0, 5, 0, 2, 2, 1, 65m), features.Report);
        Assert.Equal(features.Report.LinesRead, features.Report.LinesRemoved + features.Report.NonPositiveLinesNetted + features.Report.PurchaseLines);

        // The same lines under Exclude: a = 100, c = 40, the five non-positive lines removed.
        RfmFeatureSet<string> excluded = AddAll(lines, s_default);
        Assert.Equal(new[] { 100m, 40m }, excluded.MonetarySpan.ToArray());
        Assert.Equal(new RfmAggregationReport(7, 0, 0, 0, 5, 0, 0, 2, 2, 1, 140m), excluded.Report);
    }

    [Fact]
    public void AddLine_NetPolicy_NegativeQuantityAndFreeItemNetted()
    {
        var accumulator = new RfmFeatureAccumulator<string>(new RfmTransactionOptions(s_asOf, nonPositiveAmounts: RfmNonPositivePolicy.Net));
        accumulator.AddLine("a", D(3, 1), 2m, 10m, "o1");  // purchase 20
        accumulator.AddLine("a", D(3, 5), -1m, 10m, "r1"); // return −10, netted
        accumulator.AddLine("a", D(3, 6), 1m, 0m, "o9");   // free item: 0 netted, not a purchase

        RfmFeatureSet<string> features = accumulator.ToFeatures();

        // M = 20 − 10 + 0 = 10; the only purchase is 03-01 → R 30, F 1.
        Assert.Equal(F("a", 30, 1, 10m, 10m, D(3, 1), D(3, 1), 30), Assert.Single(features));
        Assert.Equal(new RfmAggregationReport(3, 0, 0, 0, 0, 2, 0, 1, 1, 0, 10m), features.Report);
    }

    [Fact]
    public void Aggregate_MeanPerPurchase_SumDividedByOrders()
    {
        var mean = new RfmTransactionOptions(s_asOf, monetary: RfmMonetaryBasis.MeanPerPurchase);
        Line[] lines =
        [
            new("a", D(3, 1), 10m, "o1"),
            new("a", D(3, 1), 20m, "o1"),
            new("a", D(3, 11), 30m, "o2"),
            new("b", D(3, 30), 7.5m, "o3"),
        ];

        RfmFeatureSet<string> features = AddAll(lines, mean);

        // a: total 60 over 2 orders → monetary 30, total amount stays 60. b: 7.5 / 1.
        Assert.Equal(
            new[]
            {
                F("a", 20, 2, 30m, 60m, D(3, 1), D(3, 11), 30),
                F("b", 1, 1, 7.5m, 7.5m, D(3, 30), D(3, 30), 1),
            },
            features.ToArray());

        // The report's total is the sum of the totals (60 + 7.5), not of the means.
        Assert.Equal(67.5m, features.Report.TotalAmount);
    }

    [Fact]
    public void Aggregate_MeanPerPurchaseWithNet_NettedAmountsInTheMean()
    {
        var options = new RfmTransactionOptions(s_asOf, monetary: RfmMonetaryBasis.MeanPerPurchase, nonPositiveAmounts: RfmNonPositivePolicy.Net);
        Line[] lines = [new("a", D(3, 1), 100m, "o1"), new("a", D(3, 2), -40m, "r1"), new("a", D(3, 3), 50m, "o2")];

        // (100 − 40 + 50) / 2 orders = 55; the return is not an order.
        RfmCustomerFeatures<string> a = Assert.Single(AddAll(lines, options));
        Assert.Equal(55m, a.Monetary);
        Assert.Equal(110m, a.TotalAmount);
        Assert.Equal(2, a.Frequency);
    }

    [Fact]
    public void Aggregate_DistinctDaysSeveralLinesPerDay_CountsCalendarDays()
    {
        var days = new RfmTransactionOptions(s_asOf, RfmFrequencyBasis.DistinctDays);
        Line[] lines =
        [
            new("a", D(3, 1, 9), 5m),
            new("a", D(3, 1, 17), 5m),
            new("a", D(3, 2, 0), 5m),
            new("a", D(3, 1, 23, 59), 5m), // back to 03-01 after 03-02: still two days
            new("b", D(3, 31, 8), 1m),
        ];

        // No order ids at all: allowed when frequency counts days.
        RfmFeatureSet<string> features = RfmFeatures.Aggregate(lines, l => l.Customer, l => l.At, l => l.Amount, null, days);

        // a: days {03-01, 03-02} → F 2, M 20, last 03-02 → R 29, first 03-01 → tenure 30. b: R 0, F 1.
        Assert.Equal(
            new[]
            {
                F("a", 29, 2, 20m, 20m, D(3, 1), D(3, 2), 30),
                F("b", 0, 1, 1m, 1m, D(3, 31), D(3, 31), 0),
            },
            features.ToArray());

        // Mean per purchase day: a = 20 / 2 = 10.
        var meanPerDay = new RfmTransactionOptions(s_asOf, RfmFrequencyBasis.DistinctDays, RfmMonetaryBasis.MeanPerPurchase);
        Assert.Equal(new[] { 10m, 1m }, RfmFeatures.Aggregate(lines, l => l.Customer, l => l.At, l => l.Amount, null, meanPerDay).MonetarySpan.ToArray());
    }

    [Fact]
    public void Aggregate_DistinctDaysWithOrderIds_OrdersIgnored()
    {
        var days = new RfmTransactionOptions(s_asOf, RfmFrequencyBasis.DistinctDays);
        Line[] lines = [new("a", D(3, 1, 9), 5m, "o1"), new("a", D(3, 1, 10), 5m, "o2"), new("a", D(3, 1, 11), 5m, "o3")];

        // Three orders on one day = one purchase day.
        Assert.Equal(1, Assert.Single(AddAll(lines, days)).Frequency);
    }

    [Fact]
    public void Accumulator_Incremental_EqualsEveryOverload()
    {
        var options = new RfmTransactionOptions(s_asOf, cancelledOrderPrefix: "C");
        Line[] lines =
        [
            new("17", D(3, 1), 12.5m, "o1"),
            new("3", D(2, 10), 2.55m, "o2"),
            new(null, D(3, 3), 9m, "o3"),
            new("17", D(3, 9), 0.1m, "o4"),
            new("3", D(4, 2), 4m, "o5"),
            new("17", D(3, 9), -3m, "C6"),
            new("8", D(3, 30), -3m, "o7"),
            new("3", D(3, 15), 100m, "o2"),
        ];

        RfmFeatureSet<string> incremental = AddAll(lines, options);
        RfmFeatureSet<string> sequence = RfmFeatures.Aggregate(lines, l => l.Customer, l => l.At, l => l.Amount, l => l.Order, options);
        RfmFeatureSet<string> byLine = RfmFeatures.Aggregate(lines, l => l.Customer, l => l.At, _ => 1m, l => l.Amount, l => l.Order, options);
        string?[] ids = lines.Select(l => l.Customer).ToArray();
        DateTime[] timestamps = lines.Select(l => l.At).ToArray();
        decimal[] amounts = lines.Select(l => l.Amount).ToArray();
        double[] doubles = [12.5, 2.55, 9, 0.1, 4, -3, -3, 100]; // the same amounts; 2.55 and 0.1 convert back exactly (15 digits)
        string?[] orders = lines.Select(l => l.Order).ToArray();
        RfmFeatureSet<string> spanDecimal = RfmFeatures.Aggregate<string>(ids, timestamps, amounts, orders, options);
        RfmFeatureSet<string> spanDouble = RfmFeatures.Aggregate<string>(ids, timestamps, doubles, orders, options);

        // By hand: 3 = o2 (02-10, 2.55; 03-15, 100) → F 1, M 102.55, R 16, tenure 50;
        //          8 = only a non-positive line (removed); 17 = o1, o4 → F 2, M 12.6, R 22, tenure 30.
        // Numeric id order: 3 before 17.
        var expected = new[]
        {
            F("3", 16, 1, 102.55m, 102.55m, D(2, 10), D(3, 15), 50),
            F("17", 22, 2, 12.6m, 12.6m, D(3, 1), D(3, 9), 30),
        };
        var report = new RfmAggregationReport(8, 1, 1, 1, 1, 0, 0, 4, 2, 1, 115.15m);
        foreach (RfmFeatureSet<string> set in new[] { incremental, sequence, byLine, spanDecimal, spanDouble })
        {
            Assert.Equal(expected, set.ToArray());
            Assert.Equal(report, set.Report);
        }
    }

    [Fact]
    public void Accumulator_ToFeaturesThenMoreLines_SnapshotUnchangedAndLaterSetComplete()
    {
        var accumulator = new RfmFeatureAccumulator<string>(s_default);
        Assert.Same(s_default, accumulator.Options);
        accumulator.Add("a", D(3, 1), 10m, "o1");
        accumulator.Add("b", D(3, 5), 5m, "o2");
        RfmFeatureSet<string> first = accumulator.ToFeatures();

        accumulator.Add("a", D(3, 20), 15m, "o3");
        accumulator.Add("c", D(3, 31), 1m, "o4");
        accumulator.Add("b", D(3, 5), -1m, "o5"); // excluded
        Assert.Equal(new RfmAggregationReport(5, 0, 0, 0, 1, 0, 0, 4, 3, 0, 31m), accumulator.Report);
        RfmFeatureSet<string> second = accumulator.ToFeatures();

        // First snapshot: a = (R 30, F 1, M 10), b = (R 26, F 1, M 5); it does not change afterwards.
        Assert.Equal(new[] { F("a", 30, 1, 10m, 10m, D(3, 1), D(3, 1), 30), F("b", 26, 1, 5m, 5m, D(3, 5), D(3, 5), 26) }, first.ToArray());
        Assert.Equal(new RfmAggregationReport(2, 0, 0, 0, 0, 0, 0, 2, 2, 0, 15m), first.Report);

        // Second: a = (R 11, F 2, M 25, tenure 30), b unchanged, c = (R 0, F 1, M 1).
        var expected = new[]
        {
            F("a", 11, 2, 25m, 25m, D(3, 1), D(3, 20), 30),
            F("b", 26, 1, 5m, 5m, D(3, 5), D(3, 5), 26),
            F("c", 0, 1, 1m, 1m, D(3, 31), D(3, 31), 0),
        };
        Assert.Equal(expected, second.ToArray());
        Assert.Equal(accumulator.Report, second.Report);
        Assert.Equal(expected, accumulator.ToFeatures().ToArray()); // calling again changes nothing
    }

    [Fact]
    public void ToFeatures_AllIdsIntegers_NumericOrderEqualNumbersOrdinal()
    {
        string[] ids = ["10", "9", "-3", "007", "7", "100000000000000000000000", "0"];
        RfmFeatureSet<string> features = AddAll(ids.Select((id, i) => new Line(id, D(3, 1), 1m, "o" + i)), s_default);

        // By value: −3 < 0 < 7 = 007 < 9 < 10 < 10²³; "007" and "7" are equal numbers, then ordinal ('0' < '7').
        Assert.Equal(new[] { "-3", "0", "007", "7", "9", "10", "100000000000000000000000" }, features.Select(f => f.Id));
    }

    [Fact]
    public void ToFeatures_OneIdNotInteger_OrdinalOrder()
    {
        string[] ids = ["a10", "a9", "10", "9"];
        RfmFeatureSet<string> features = AddAll(ids.Select((id, i) => new Line(id, D(3, 1), 1m, "o" + i)), s_default);

        // Ordinal: '1' < '9' < 'a'; "a10" < "a9" because '1' < '9'.
        Assert.Equal(new[] { "10", "9", "a10", "a9" }, features.Select(f => f.Id));
    }

    [Fact]
    public void ToFeatures_NonIntegerIdOnlyOnRemovedLine_FeatureSetIdsStillNumericOrder()
    {
        // The feature set holds "10" and "9", both integers; "n/a" appears only on a removed line and is
        // not in the set (contract: customers whose id only appears on removed lines are not in the feature
        // set; the set is ordered numerically when every id is an integer), so the order is 9, 10.
        Line[] lines = [new("10", D(3, 1), 1m, "o1"), new("n/a", D(3, 1), 0m, "o2"), new("9", D(3, 1), 1m, "o3")];

        RfmFeatureSet<string> features = AddAll(lines, s_default);

        Assert.Equal(1, features.Report.CustomersWithoutPurchase);
        Assert.Equal(new[] { "9", "10" }, features.Select(f => f.Id));
    }

    [Fact]
    public void ToFeatures_IntIds_ComparerDefaultOrder()
    {
        var accumulator = new RfmFeatureAccumulator<int>(s_default);
        accumulator.Add(10, D(3, 1), 1m, "o1");
        accumulator.Add(9, D(3, 1), 1m, "o2");
        accumulator.Add(-3, D(3, 1), 1m, "o3");

        Assert.Equal(new[] { -3, 9, 10 }, accumulator.ToFeatures().Select(f => f.Id));
    }

#if !LIBRARY_NETSTANDARD
    [Fact]
    public void Options_DateOnlyAsOf_SameAsMidnightDateTime()
    {
        var options = new RfmTransactionOptions(new DateOnly(2024, 3, 31), RfmFrequencyBasis.DistinctDays);

        Assert.Equal(s_asOf, options.AsOf);
        Assert.Equal(DateTimeKind.Unspecified, options.AsOf.Kind);
        Assert.Equal(RfmFrequencyBasis.DistinctDays, options.Frequency);
    }
#endif

    [Fact]
    public void Options_Defaults_AsDocumented()
    {
        var options = new RfmTransactionOptions(new DateTime(2024, 3, 31, 8, 0, 0, DateTimeKind.Utc), cancelledOrderPrefix: string.Empty);

        // Only the date is kept, as a wall-clock value; an empty prefix means none.
        Assert.Equal(s_asOf, options.AsOf);
        Assert.Equal(DateTimeKind.Unspecified, options.AsOf.Kind);
        Assert.Equal(RfmFrequencyBasis.DistinctOrders, options.Frequency);
        Assert.Equal(RfmMonetaryBasis.Sum, options.Monetary);
        Assert.Equal(RfmNonPositivePolicy.Exclude, options.NonPositiveAmounts);
        Assert.Equal(RfmFutureLinePolicy.Exclude, options.FutureLines);
        Assert.Equal(RfmDuplicatePolicy.Keep, options.Duplicates);
        Assert.Null(options.CancelledOrderPrefix);
    }

    /// <summary>
    /// Five customers, one per quintile in each dimension, so that every score is worked by hand:
    /// recency 0, 45, 20, 90, 5 days; frequency 6, 4, 1, 3, 2 orders; monetary 600, 250, 15, 120, 80.
    /// </summary>
    private static RfmFeatureSet<string> FiveCustomers()
    {
        Line[] lines =
        [
            // "1": six orders of 100, the last on 03-31 → R 0 days, F 6, M 600.
            new("1", D(3, 31), 100m, "o1"), new("1", D(3, 20), 100m, "o2"), new("1", D(3, 10), 100m, "o3"),
            new("1", D(3, 1), 100m, "o4"), new("1", D(2, 15), 100m, "o5"), new("1", D(2, 1), 100m, "o6"),

            // "2": last 02-15 → 31 + 14 = 45 days; F 4; M 100 + 3 × 50 = 250.
            new("2", D(2, 15), 100m, "o7"), new("2", D(2, 1), 50m, "o8"), new("2", D(1, 15), 50m, "o9"), new("2", D(1, 1), 50m, "o10"),

            // "3": one order on 03-11 → 20 days, F 1, M 15.
            new("3", D(3, 11), 15m, "o11"),

            // "4": last 2024-01-01 → 30 + 29 + 31 = 90 days; F 3; M 120.
            new("4", D(1, 1), 40m, "o12"), new("4", new DateTime(2023, 12, 1), 40m, "o13"), new("4", new DateTime(2023, 11, 1), 40m, "o14"),

            // "5": last 03-26 → 5 days; F 2; M 50 + 30 = 80.
            new("5", D(3, 26), 50m, "o15"), new("5", D(3, 1), 30m, "o16"),
        ];
        return AddAll(lines, s_default);
    }

    [Fact]
    public void Score_FiveCustomersStandardSegments_ScoresCellsAndSegmentsByHand()
    {
        RfmFeatureSet<string> features = FiveCustomers();
        Assert.Equal(new[] { 0, 45, 20, 90, 5 }, features.RecencyDaysSpan.ToArray());
        Assert.Equal(new[] { 6, 4, 1, 3, 2 }, features.FrequencySpan.ToArray());
        Assert.Equal(new[] { 600m, 250m, 15m, 120m, 80m }, features.MonetarySpan.ToArray());

        RfmResult<string> result = RfmScorer.Score(features, RfmScoringOptions.Default, RfmSegmentTable.Standard);

        // 5 customers, 5 scores: one customer per bin. Ascending recency 0 ("1"), 5 ("5"), 20 ("3"),
        // 45 ("2"), 90 ("4") are bins 1..5 and R = 6 − bin; F and M are the ascending bin.
        // "1": R5 F5 M5 → Champions (R 4–5, F 4–5, M 4–5).
        // "2": R2 F4 M4 → Loyal (R 2–5, F 3–5, M 3–5).
        // "3": R3 F1 M1 → Promising (R 3–4, F 1, M 1; New needs R 4–5).
        // "4": R1 F3 M3 → At risk (R 1–2, F 2–5, M 2–5; Can't lose them needs F 4–5).
        // "5": R4 F2 M2 → Potential loyalist (R 3–5, F 1–3, M 1–3), the first rule it matches.
        Assert.Equal(new[] { "1", "2", "3", "4", "5" }, result.Customers.Select(c => c.Id));
        Assert.Equal(new[] { "555", "244", "311", "133", "422" }, result.Customers.Select(c => c.Score.CellCode));
        Assert.Equal(new[] { "Champions", "Loyal", "Promising", "At risk", "Potential loyalist" }, result.Customers.Select(c => c.Segment));
        Assert.Equal(new[] { 15.0, 10, 5, 7, 8 }, result.Customers.Select(c => c.CombinedScore)); // R + F + M
        Assert.Equal(new[] { 0.0, 45, 20, 90, 5 }, result.Customers.Select(c => c.RecencyDays));
        Assert.Equal(new[] { 600.0, 250, 15, 120, 80 }, result.Customers.Select(c => c.Monetary));

        foreach (RfmDimensionSummary dimension in new[] { result.Summary.Recency, result.Summary.Frequency, result.Summary.Monetary })
        {
            Assert.Equal(new[] { 1, 1, 1, 1, 1 }, dimension.CountPerScore);
        }

        // Segment counts in table order, fallback last.
        Assert.Equal(
            new[] { 1, 1, 0, 1, 0, 1, 0, 1, 0, 0, 0 },
            result.SegmentCounts.Select(p => p.Value));
        Assert.Equal("Others", result.SegmentCounts[^1].Key);
        Assert.Same(features.Report, result.Report);
        Assert.Same(RfmSegmentTable.Standard, result.Segments);
    }

    [Fact]
    public void Score_FiveCustomersW4Recency_FixedDaysAndOtherSegments()
    {
        RfmFeatureSet<string> features = FiveCustomers();
        var options = new RfmScoringOptions(recency: RfmDimensionScoring.Fixed(7, 30, 60, 120));

        RfmResult<string> result = RfmScorer.Score(features, options, RfmSegmentTable.Standard);

        // SPEC W4: R5 ≤ 7, R4 8–30, R3 31–60, R2 61–120, R1 > 120.
        // Recency 0 → 5, 45 → 3, 20 → 4, 90 → 2, 5 → 5; F and M as before (5, 4, 1, 3, 2).
        // "2": R3 F4 M4 → Loyal; "3": R4 F1 M1 → New; "4": R2 F3 M3 → Loyal; "5": R5 F2 M2 → Potential loyalist.
        Assert.Equal(new[] { "555", "344", "411", "233", "522" }, result.Customers.Select(c => c.Score.CellCode));
        Assert.Equal(new[] { "Champions", "Loyal", "New", "Loyal", "Potential loyalist" }, result.Customers.Select(c => c.Segment));
        Assert.Equal(new[] { 7.0, 30, 60, 120 }, result.Summary.Recency.Edges);
        Assert.Equal(new[] { 0, 1, 1, 1, 2 }, result.Summary.Recency.CountPerScore);
        Assert.Equal(new[] { 1 }, result.Summary.Recency.MissingScores);
    }

    [Fact]
    public void Score_AllTied_RankTiesBrokenByNumericIdOrder()
    {
        // Five customers with identical lines; the feature set orders them 8, 9, 10, 11, 100 (numeric ids).
        string[] ids = ["10", "9", "8", "100", "11"];
        RfmFeatureSet<string> features = AddAll(ids.Select((id, i) => new Line(id, D(3, 1), 10m, "o" + i)), s_default);

        RfmResult<string> result = RfmScorer.Score(features);

        // Rank method: ties broken by input (id) order, the earlier customer ranking lower. Ascending bins
        // 1..5 go to 8, 9, 10, 11, 100; F = M = bin and R = 6 − bin.
        Assert.Equal(new[] { "8", "9", "10", "11", "100" }, result.Customers.Select(c => c.Id));
        Assert.Equal(new[] { "511", "422", "333", "244", "155" }, result.Customers.Select(c => c.Score.CellCode));
        Assert.All(result.Customers, c => Assert.Null(c.Segment));
    }

    private sealed record Line(string? Customer, DateTime At, decimal Amount, string? Order = null, string? Key = null);
}
