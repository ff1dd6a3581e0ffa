using System;
using System.Linq;
using CustomerValuation.Churn;
using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace CustomerValuation.Tests.Churn;

/// <summary>FsCheck properties of lifecycle status (STYLE 17): partition, permutation invariance, buying today is never lapsed or at risk.</summary>
public class LifecycleClassifierPropertyTests
{
    private static readonly DateTime s_asOf = new(2026, 6, 30);

    private sealed record Case((string Id, DateTime[] Dates)[] Customers, LifecycleOptions Options, int Seed);

    private static readonly Gen<Case> s_cases =
        from n in Gen.Choose(0, 30)
        from offsets in Gen.ArrayOf(Gen.ArrayOf(Gen.Choose(0, 500)), n)
        from fixedRule in Gen.Elements(true, false)
        from days in Gen.Choose(1, 300)
        from k in Gen.Choose(1, 6)
        from newWindow in Gen.Choose(0, 120)
        from share in Gen.Choose(1, 10)
        from seed in Gen.Choose(0, int.MaxValue)
        select new Case(
            offsets.Select((o, i) => ("c" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), o.Select(x => s_asOf.AddDays(-x)).ToArray())).ToArray(),
            new LifecycleOptions(newWindow, fixedRule ? LapseRule.FixedDays(days) : LapseRule.Rhythm(k, 3, days), share / 10.0, newWindow),
            seed);

    private static LifecycleResult<string> Run(Case c, (string Id, DateTime[] Dates)[] customers) =>
        LifecycleClassifier.Classify(customers, x => x.Id, x => x.Dates, s_asOf, c.Options);

    [Fact]
    public void Classify_StatusesPartitionCustomers()
    {
        PropertyCheck.ForAll(s_cases, c =>
        {
            LifecycleResult<string> r = Run(c, c.Customers);
            int total = new[] { LifecycleStatus.Prospect, LifecycleStatus.New, LifecycleStatus.Active, LifecycleStatus.AtRisk, LifecycleStatus.Lapsed, LifecycleStatus.WonBack }.Sum(r.Count);
            return total == c.Customers.Length
                && r.Customers.Select(x => x.Id).OrderBy(x => x, StringComparer.Ordinal).SequenceEqual(c.Customers.Select(x => x.Id).OrderBy(x => x, StringComparer.Ordinal));
        });
    }

    [Fact]
    public void Classify_InputOrder_DoesNotMatter()
    {
        PropertyCheck.ForAll(s_cases, c =>
        {
            var random = new Random(c.Seed);
            var shuffled = c.Customers.OrderBy(_ => random.Next()).Select(x => (x.Id, x.Dates.OrderBy(_ => random.Next()).ToArray())).ToArray();
            return Run(c, c.Customers).Customers.SequenceEqual(Run(c, shuffled).Customers);
        });
    }

    [Fact]
    public void Classify_PurchaseOnAsOfDate_NeverLapsedOrAtRisk()
    {
        PropertyCheck.ForAll(s_cases, c =>
        {
            var withToday = c.Customers.Select(x => (x.Id, x.Dates.Append(s_asOf).ToArray())).ToArray();
            return Run(c, withToday).Customers.All(x => x.Status is not LifecycleStatus.Lapsed and not LifecycleStatus.AtRisk && x.DaysSinceLastPurchase == 0);
        });
    }
}
