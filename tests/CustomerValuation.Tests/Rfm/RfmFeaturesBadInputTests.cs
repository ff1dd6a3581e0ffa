using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using CustomerValuation.Rfm;
using Xunit;

namespace CustomerValuation.Tests.Rfm;

/// <summary>Bad transaction input gets a clear exception naming the argument, the line and the rule (SPEC §7).</summary>
public class RfmFeaturesBadInputTests
{
    private static readonly DateTime s_asOf = new(2024, 3, 31);

    private static readonly RfmTransactionOptions s_default = new(s_asOf);

    private static readonly RfmTransactionOptions s_days = new(s_asOf, RfmFrequencyBasis.DistinctDays);

    private static readonly string?[] s_ids = ["a", "b", "c"];

    private static readonly DateTime[] s_dates = [new(2024, 3, 1), new(2024, 3, 2), new(2024, 3, 3)];

    private static readonly string?[] s_orders = ["o1", "o2", "o3"];

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void AggregateDoubleSpan_NonFiniteAmount_ThrowsNamingIndex(double bad)
    {
        double[] amounts = [1, 2, bad];

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => RfmFeatures.Aggregate<string>(s_ids, s_dates, amounts, s_orders, s_default));

        Assert.Equal("amounts", e.ParamName);
        Assert.Contains("index 2", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1e29)]
    [InlineData(-1e29)]
    [InlineData(double.MaxValue)]
    public void AggregateDoubleSpan_AmountBeyondDecimal_ThrowsNamingIndex(double bad)
    {
        double[] amounts = [1, bad, 3];

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => RfmFeatures.Aggregate<string>(s_ids, s_dates, amounts, s_orders, s_default));

        Assert.Equal("amounts", e.ParamName);
        Assert.Contains("index 1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Add_FutureLineUnderReject_ThrowsNamingLineCustomerAndDates()
    {
        var reject = new RfmTransactionOptions(s_asOf, futureLines: RfmFutureLinePolicy.Reject);
        var accumulator = new RfmFeatureAccumulator<string>(reject);
        accumulator.Add(null, new DateTime(2024, 5, 1), 1m, "o0");          // no customer: removed first, no throw
        accumulator.Add("a", new DateTime(2024, 3, 31, 23, 59, 0), 1m, "o1"); // on the as-of day: not in the future

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => accumulator.Add("c", new DateTime(2024, 4, 2, 15, 0, 0), 5m, "o2"));

        // The third line given, customer c, dated 2024-04-02, after 2024-03-31.
        Assert.Equal("timestamp", e.ParamName);
        Assert.Contains("Line 3", e.Message, StringComparison.Ordinal);
        Assert.Contains("'c'", e.Message, StringComparison.Ordinal);
        Assert.Contains("2024-04-02", e.Message, StringComparison.Ordinal);
        Assert.Contains("2024-03-31", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Aggregate_FutureLineUnderRejectInEveryTier_Throws()
    {
        var reject = new RfmTransactionOptions(s_asOf, futureLines: RfmFutureLinePolicy.Reject);
        DateTime[] dates = [new(2024, 3, 1), new(2024, 4, 1), new(2024, 3, 3)];
        var lines = s_ids.Zip(dates, (id, at) => (Id: id, At: at)).ToArray();

        var sequence = Assert.Throws<ArgumentOutOfRangeException>(() => RfmFeatures.Aggregate(lines, l => l.Id, l => l.At, _ => 1m, null, new RfmTransactionOptions(s_asOf, RfmFrequencyBasis.DistinctDays, futureLines: RfmFutureLinePolicy.Reject)));
        var span = Assert.Throws<ArgumentOutOfRangeException>(() => RfmFeatures.Aggregate<string>(s_ids, dates, new[] { 1m, 2m, 3m }, s_orders, reject));
        var doubles = Assert.Throws<ArgumentOutOfRangeException>(() => RfmFeatures.Aggregate<string>(s_ids, dates, new[] { 1.0, 2, 3 }, s_orders, reject));

        foreach (ArgumentOutOfRangeException e in new[] { sequence, span, doubles })
        {
            Assert.Contains("Line 2", e.Message, StringComparison.Ordinal);
            Assert.Contains("2024-04-01", e.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Aggregate_EmptyInput_NoCustomersAndScoringThrows()
    {
        RfmFeatureSet<string> features = RfmFeatures.Aggregate(Array.Empty<string>(), l => l, _ => s_asOf, _ => 1m, l => l, s_default);
        RfmFeatureSet<string> spans = RfmFeatures.Aggregate<string>(ReadOnlySpan<string?>.Empty, ReadOnlySpan<DateTime>.Empty, ReadOnlySpan<decimal>.Empty, ReadOnlySpan<string?>.Empty, s_days);

        // Nothing read, nothing counted.
        var empty = new RfmAggregationReport(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0m);
        Assert.Empty(features);
        Assert.Empty(spans);
        Assert.Equal(empty, features.Report);
        Assert.Equal(empty, spans.Report);
        Assert.Equal(0, features.RecencyDaysSpan.Length);

        var e = Assert.Throws<ArgumentException>(() => RfmScorer.Score(features));
        Assert.Equal("features", e.ParamName);
    }

    [Fact]
    public void Aggregate_EveryLineRemoved_NoCustomersAndScoringThrows()
    {
        var options = new RfmTransactionOptions(s_asOf, cancelledOrderPrefix: "C");
        var accumulator = new RfmFeatureAccumulator<string>(options);
        accumulator.Add("a", s_asOf, 10m, "C1");
        accumulator.Add("b", s_asOf, -1m, "o1");

        RfmFeatureSet<string> features = accumulator.ToFeatures();

        Assert.Empty(features);
        Assert.Equal(new RfmAggregationReport(2, 0, 0, 1, 1, 0, 0, 0, 0, 2, 0m), features.Report);
        Assert.Throws<ArgumentException>(() => RfmScorer.Score(features, null, RfmSegmentTable.Standard));
    }

    [Fact]
    public void AggregateSpans_LengthsDiffer_ThrowsNamingShorterSpan()
    {
        DateTime[] twoDates = s_dates[..2];
        decimal[] threeAmounts = [1m, 2m, 3m];
        decimal[] twoAmounts = [1m, 2m];
        string?[] twoOrders = ["o1", "o2"];

        var timestamps = Assert.Throws<ArgumentException>(() => RfmFeatures.Aggregate<string>(s_ids, twoDates, threeAmounts, s_orders, s_default));
        var amounts = Assert.Throws<ArgumentException>(() => RfmFeatures.Aggregate<string>(s_ids, s_dates, twoAmounts, s_orders, s_default));
        var orders = Assert.Throws<ArgumentException>(() => RfmFeatures.Aggregate<string>(s_ids, s_dates, threeAmounts, twoOrders, s_default));
        var doubles = Assert.Throws<ArgumentException>(() => RfmFeatures.Aggregate<string>(s_ids, s_dates, new[] { 1.0, 2 }, s_orders, s_default));

        Assert.Equal("timestamps", timestamps.ParamName);
        Assert.Contains("timestamps 2", timestamps.Message, StringComparison.Ordinal);
        Assert.Equal("amounts", amounts.ParamName);
        Assert.Equal("orderIds", orders.ParamName);
        Assert.Equal("amounts", doubles.ParamName);
    }

    [Fact]
    public void AggregateSpans_NoOrderIdsWithDistinctDays_Allowed()
    {
        // An empty order-id span means "none"; frequency counts days.
        RfmFeatureSet<string> features = RfmFeatures.Aggregate<string>(s_ids, s_dates, new[] { 1m, 2m, 3m }, ReadOnlySpan<string?>.Empty, s_days);

        Assert.Equal(new[] { 1, 1, 1 }, features.FrequencySpan.ToArray());
    }

    [Fact]
    public void Aggregate_DistinctOrdersWithoutOrderIds_ThrowsNamingOrderIds()
    {
        (string Id, DateTime At)[] lines = [("a", s_asOf)];

        var sequence = Assert.Throws<ArgumentException>(() => RfmFeatures.Aggregate(lines, l => l.Id, l => l.At, _ => 1m, null, s_default));
        var byLine = Assert.Throws<ArgumentException>(() => RfmFeatures.Aggregate(lines, l => l.Id, l => l.At, _ => 1m, _ => 1m, null, s_default));
        var span = Assert.Throws<ArgumentException>(() => RfmFeatures.Aggregate<string>(s_ids, s_dates, new[] { 1m, 2m, 3m }, ReadOnlySpan<string?>.Empty, s_default));
        var doubles = Assert.Throws<ArgumentException>(() => RfmFeatures.Aggregate<string>(s_ids, s_dates, new[] { 1.0, 2, 3 }, ReadOnlySpan<string?>.Empty, s_default));

        Assert.Equal("orderId", sequence.ParamName);
        Assert.Equal("orderId", byLine.ParamName);
        Assert.Equal("orderIds", span.ParamName);
        Assert.Equal("orderIds", doubles.ParamName);
        Assert.Contains("DistinctDays", sequence.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Add_PurchaseWithoutOrderIdUnderDistinctOrders_ThrowsNamingLine()
    {
        var accumulator = new RfmFeatureAccumulator<string>(s_default);
        accumulator.Add("a", s_asOf, 5m, "o1");

        var e = Assert.Throws<ArgumentException>(() => accumulator.Add("b", s_asOf, 5m));

        Assert.Equal("orderId", e.ParamName);
        Assert.Contains("Line 2", e.Message, StringComparison.Ordinal);
        Assert.Contains("'b'", e.Message, StringComparison.Ordinal);

        // In the span tier too: the null order id of a purchase line.
        string?[] orders = ["o1", null, "o3"];
        var span = Assert.Throws<ArgumentException>(() => RfmFeatures.Aggregate<string>(s_ids, s_dates, new[] { 1m, 2m, 3m }, orders, s_default));
        Assert.Equal("orderId", span.ParamName);
    }

    [Fact]
    public void Add_RemovedOrNettedLineWithoutOrderId_Allowed()
    {
        // Only purchase lines need an order id: the others are removed or netted before that check.
        var accumulator = new RfmFeatureAccumulator<string>(new RfmTransactionOptions(s_asOf, nonPositiveAmounts: RfmNonPositivePolicy.Net));
        accumulator.Add(null, s_asOf, 5m);                  // no customer
        accumulator.Add("a", s_asOf.AddDays(1), 5m);        // after the as-of date
        accumulator.Add("a", s_asOf, -5m);                  // netted
        accumulator.Add("a", s_asOf, 10m, "o1");

        RfmFeatureSet<string> features = accumulator.ToFeatures();

        Assert.Equal(5m, Assert.Single(features).Monetary); // 10 − 5
        Assert.Equal(new RfmAggregationReport(4, 1, 1, 0, 0, 1, 0, 1, 1, 0, 5m), features.Report);
    }

    [Fact]
    public void AddLine_QuantityTimesPriceOverflowsDecimal_ThrowsArgumentOutOfRange()
    {
        var accumulator = new RfmFeatureAccumulator<string>(s_default);

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => accumulator.AddLine("a", s_asOf, decimal.MaxValue, 2m, "o1"));
        Assert.Equal("quantity", e.ParamName);
        Assert.Contains("overflows", e.Message, StringComparison.Ordinal);

        // A negative product beyond the range too (it would be a return).
        Assert.Throws<ArgumentOutOfRangeException>(() => accumulator.AddLine("a", s_asOf, -decimal.MaxValue, 1.5m, "o1"));

        // Through the sequence tier.
        (string Id, decimal Quantity, decimal Price)[] lines = [("a", 1m, 1m), ("b", 1e20m, 1e20m)];
        Assert.Throws<ArgumentOutOfRangeException>(() => RfmFeatures.Aggregate(lines, l => l.Id, _ => s_asOf, l => l.Quantity, l => l.Price, _ => "o1", s_default));
    }

    [Fact]
    public void Aggregate_NullArguments_ThrowNamingParameter()
    {
        (string Id, DateTime At)[] lines = [("a", s_asOf)];
        Func<(string Id, DateTime At), string?> id = l => l.Id;
        Func<(string Id, DateTime At), DateTime> at = l => l.At;
        Func<(string Id, DateTime At), decimal> one = _ => 1m;
        Func<(string Id, DateTime At), string?> order = _ => "o1";

        Assert.Equal("lines", Assert.Throws<ArgumentNullException>(() => RfmFeatures.Aggregate<(string Id, DateTime At), string>(null!, id, at, one, order, s_default)).ParamName);
        Assert.Equal("customerId", Assert.Throws<ArgumentNullException>(() => RfmFeatures.Aggregate<(string Id, DateTime At), string>(lines, null!, at, one, order, s_default)).ParamName);
        Assert.Equal("timestamp", Assert.Throws<ArgumentNullException>(() => RfmFeatures.Aggregate(lines, id, null!, one, order, s_default)).ParamName);
        Assert.Equal("amount", Assert.Throws<ArgumentNullException>(() => RfmFeatures.Aggregate(lines, id, at, null!, order, s_default)).ParamName);
        Assert.Equal("options", Assert.Throws<ArgumentNullException>(() => RfmFeatures.Aggregate(lines, id, at, one, order, null!)).ParamName);
        Assert.Equal("quantity", Assert.Throws<ArgumentNullException>(() => RfmFeatures.Aggregate(lines, id, at, null!, one, order, s_default)).ParamName);
        Assert.Equal("unitPrice", Assert.Throws<ArgumentNullException>(() => RfmFeatures.Aggregate(lines, id, at, one, null!, order, s_default)).ParamName);
        Assert.Equal("options", Assert.Throws<ArgumentNullException>(() => RfmFeatures.Aggregate<string>(s_ids, s_dates, new[] { 1m, 2m, 3m }, s_orders, null!)).ParamName);
        Assert.Equal("options", Assert.Throws<ArgumentNullException>(() => RfmFeatures.Aggregate<string>(s_ids, s_dates, new[] { 1.0, 2, 3 }, s_orders, null!)).ParamName);
        Assert.Equal("options", Assert.Throws<ArgumentNullException>(() => new RfmFeatureAccumulator<string>(null!)).ParamName);
        Assert.Equal("features", Assert.Throws<ArgumentNullException>(() => RfmScorer.Score<string>(null!)).ParamName);
    }

    [Fact]
    public void Options_UndefinedPolicy_ThrowsNamingParameter()
    {
        Assert.Equal("frequency", Assert.Throws<ArgumentOutOfRangeException>(() => new RfmTransactionOptions(s_asOf, (RfmFrequencyBasis)2)).ParamName);
        Assert.Equal("monetary", Assert.Throws<ArgumentOutOfRangeException>(() => new RfmTransactionOptions(s_asOf, monetary: (RfmMonetaryBasis)(-1))).ParamName);
        Assert.Equal("nonPositiveAmounts", Assert.Throws<ArgumentOutOfRangeException>(() => new RfmTransactionOptions(s_asOf, nonPositiveAmounts: (RfmNonPositivePolicy)9)).ParamName);
        Assert.Equal("futureLines", Assert.Throws<ArgumentOutOfRangeException>(() => new RfmTransactionOptions(s_asOf, futureLines: (RfmFutureLinePolicy)2)).ParamName);
        Assert.Equal("duplicates", Assert.Throws<ArgumentOutOfRangeException>(() => new RfmTransactionOptions(s_asOf, duplicates: (RfmDuplicatePolicy)2)).ParamName);
    }

    [Fact]
    public void FeatureSet_IndexOutsideSet_Throws()
    {
        RfmFeatureSet<string> features = RfmFeatures.Aggregate<string>(s_ids, s_dates, new[] { 1m, 2m, 3m }, s_orders, s_default);

        Assert.Equal("index", Assert.Throws<ArgumentOutOfRangeException>(() => features[-1]).ParamName);
        Assert.Equal("index", Assert.Throws<ArgumentOutOfRangeException>(() => features[3]).ParamName);
    }

    [Fact]
    public void Aggregate_CancelledToken_ThrowsOperationCanceled()
    {
        // The token is checked every 65,536 lines; 70,000 lines reach the first check.
        IEnumerable<int> lines = Enumerable.Range(0, 70_000);
        using var source = new CancellationTokenSource();
        source.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() =>
            RfmFeatures.Aggregate(lines, i => "c" + (i % 10), _ => s_asOf, _ => 1m, i => "o" + i, s_default, source.Token));
    }
}
