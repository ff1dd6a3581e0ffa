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
/// with many orders or days (past the per-customer filter and its list walk, into the exact
/// per-customer set), orders revisited out of sequence, and more lines than one batch.
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
