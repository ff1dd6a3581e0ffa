using System;
using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using CustomerValuation.Churn;

namespace CustomerValuation.Benchmarks.Churn;

/// <summary>
/// Rules over structured signals for 10⁶ customers (10 rules on 6 fields) and the Pareto of 10⁶ tagged customers,
/// against <c>Array.Sort</c> of a copy of 10⁶ doubles in the same class.
/// </summary>
/// <remarks>
/// Data (seeded): price gap 25u² − 10 % (u uniform, so −10…15 % with 11 % above 10), dealer mark-up 12u³ % (25 % above
/// 5), competing bids 0 (50 %), 1, 2, 3–5 (12.5 %), unresolved complaints 0 (85 %), 1, 2 (each of these four missing for
/// 10 % of customers), a promotion-conflict flag (true for 8 %) and a channel (dealer, direct, online, equally likely).
/// Lost values 0…10 000. The tag statistics are printed by <see cref="Setup"/>.
/// </remarks>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
// Fewer iterations than the other classes: one EvaluateRules call takes seconds, and the class must finish within about 3 minutes.
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 6)]
public class SignalRuleSetBenchmarks
{
    private const int Customers = 1_000_000;

    private static readonly ReasonTaxonomy s_taxonomy = new(
    [
        new ReasonDefinition("price", "Price", "价格"),
        new ReasonDefinition("price.real", "Price really higher", "价格确实高"),
        new ReasonDefinition("price.seeming", "Price seemingly higher", "价格看似高"),
        new ReasonDefinition("price.seeming.dealer-markup", "Dealer mark-up", "经销商加价"),
        new ReasonDefinition("price.seeming.competitive-bidding", "Competitive bidding", "竞价"),
        new ReasonDefinition("price.seeming.promotion-conflict", "Promotions disagree", "促销冲突"),
        new ReasonDefinition("service", "Service", "服务"),
        new ReasonDefinition("complaint", "Complaint unresolved", "投诉未解决"),
        new ReasonDefinition("competitor", "Competitor", "竞争对手"),
        new ReasonDefinition("relationship", "Relationship lost", "关系流失"),
    ]);

    private static readonly SignalSchema s_schema = new(
    [
        SignalField.Number("price_gap_percent", -100, 100),
        SignalField.Number("dealer_markup_percent", 0, 100),
        SignalField.Number("competing_bids", minimum: 0),
        SignalField.Number("unresolved_complaints", minimum: 0),
        SignalField.Boolean("promotion_conflict"),
        SignalField.Text("channel", ["dealer", "direct", "online"]),
    ]);

    private readonly SignalRuleSet _rules = new(s_schema, s_taxonomy,
    [
        new SignalRule("gap over 10 %", new SignalCondition("price_gap_percent", SignalComparison.GreaterThan, 10.0), "price.real", 0.9),
        new SignalRule("gap over 5 % direct", [new SignalCondition("price_gap_percent", SignalComparison.GreaterThan, 5.0), new SignalCondition("channel", SignalComparison.Equal, "direct")], "price.real", 0.6),
        new SignalRule("mark-up over 5 %", [new SignalCondition("dealer_markup_percent", SignalComparison.GreaterThan, 5.0), new SignalCondition("channel", SignalComparison.Equal, "dealer")], "price.seeming.dealer-markup", 0.8),
        new SignalRule("three bids", new SignalCondition("competing_bids", SignalComparison.AtLeast, 3.0), "price.seeming.competitive-bidding", 0.7),
        new SignalRule("promotions disagree", new SignalCondition("promotion_conflict", SignalComparison.Equal, true), "price.seeming.promotion-conflict"),
        new SignalRule("complaint open", new SignalCondition("unresolved_complaints", SignalComparison.AtLeast, 1.0), "complaint", 0.9),
        new SignalRule("two complaints", new SignalCondition("unresolved_complaints", SignalComparison.AtLeast, 2.0), "service", 0.5),
        new SignalRule("bids and gap", [new SignalCondition("competing_bids", SignalComparison.AtLeast, 2.0), new SignalCondition("price_gap_percent", SignalComparison.LessThan, -5.0)], "competitor", 0.6),
        new SignalRule("online, no gap", [new SignalCondition("channel", SignalComparison.Equal, "online"), new SignalCondition("price_gap_percent", SignalComparison.AtMost, -8.0)], "relationship", 0.4),
        new SignalRule("dealer not direct", [new SignalCondition("channel", SignalComparison.NotEqual, "direct"), new SignalCondition("dealer_markup_percent", SignalComparison.AtLeast, 10.0)], "price.seeming.dealer-markup", 0.5),
    ]);

    private static readonly string[] s_channels = ["dealer", "direct", "online"];

    private Signals[] _customers = [];
    private CustomerReasons<int>[] _tagged = [];
    private double[] _lostValues = [];
    private double[] _baseline = [];
    private double[] _sortBuffer = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(SyntheticValues.Seed);
        _customers = new Signals[Customers];
        _lostValues = new double[Customers];
        for (int i = 0; i < Customers; i++)
        {
            double u = random.NextDouble();
            double bids = random.NextDouble() < 0.5 ? 0 : random.NextDouble() < 0.5 ? 1 : random.NextDouble() < 0.5 ? 2 : 3 + random.Next(3);
            double complaints = random.NextDouble() < 0.85 ? 0 : random.NextDouble() < 0.67 ? 1 : 2;
            _customers[i] = new Signals(
                i,
                Maybe(random, (25 * u * u) - 10),
                Maybe(random, 12 * Math.Pow(random.NextDouble(), 3)),
                Maybe(random, bids),
                Maybe(random, complaints),
                random.NextDouble() < 0.08,
                s_channels[random.Next(3)]);
            _lostValues[i] = Math.Round(10_000 * random.NextDouble(), 2);
        }

        IReadOnlyList<CustomerReasons<int>> evaluated = Evaluate();
        _tagged = new CustomerReasons<int>[Customers];
        for (int i = 0; i < Customers; i++)
        {
            _tagged[i] = evaluated[i];
        }

        int tagged = 0, tags = 0, evidence = 0;
        foreach (CustomerReasons<int> c in _tagged)
        {
            tagged += c.IsUntagged ? 0 : 1;
            tags += c.Reasons.Count;
            foreach (ReasonTag tag in c.Reasons)
            {
                evidence += tag.Evidence.Count;
            }
        }

        Console.WriteLine($"// Setup: {tagged} of {Customers} customers tagged, {tags} tags, {evidence} pieces of evidence");
        _baseline = SyntheticValues.Create(Customers);
        _sortBuffer = new double[Customers];
    }

    /// <summary>Baseline: copy 10⁶ doubles into a preallocated buffer and sort it.</summary>
    [Benchmark(Baseline = true)]
    public double ArraySort()
    {
        _baseline.AsSpan().CopyTo(_sortBuffer);
        Array.Sort(_sortBuffer);
        return _sortBuffer[0];
    }

    /// <summary>Evaluate the 10 rules for every customer (the sequence overload: record filled per customer, tags with evidence).</summary>
    [Benchmark]
    public int EvaluateRules() => Evaluate().Count;

    /// <summary>Evaluate the 10 rules for every customer with one reused record, keeping nothing (the cost of evaluation without holding 10⁶ results).</summary>
    [Benchmark]
    public int EvaluateRecords()
    {
        SignalRecord record = _rules.CreateRecord();
        int tags = 0;
        foreach (Signals customer in _customers)
        {
            Fill(customer, record.Clear());
            tags += _rules.Evaluate(record).Count;
        }

        return tags;
    }

    /// <summary>Pareto by family, count and lost value, of the 10⁶ evaluated customers.</summary>
    [Benchmark]
    public long ParetoFamily() => ReasonReport.Pareto(_tagged, id => _lostValues[id], s_taxonomy).MentionCount;

    /// <summary>Pareto by exact code, count and lost value, of the 10⁶ evaluated customers.</summary>
    [Benchmark]
    public long ParetoCode() => ReasonReport.Pareto(_tagged, id => _lostValues[id], s_taxonomy, ReasonLevel.Code).MentionCount;

    private IReadOnlyList<CustomerReasons<int>> Evaluate() => _rules.Evaluate(_customers, c => c.Id, Fill);

    private static double? Maybe(Random random, double value) => random.NextDouble() < 0.1 ? null : value;

    private static void Fill(Signals c, SignalRecord record)
    {
        if (c.Gap is { } gap)
        {
            record.Set("price_gap_percent", gap);
        }

        if (c.Markup is { } markup)
        {
            record.Set("dealer_markup_percent", markup);
        }

        if (c.Bids is { } bids)
        {
            record.Set("competing_bids", bids);
        }

        if (c.Complaints is { } complaints)
        {
            record.Set("unresolved_complaints", complaints);
        }

        record.Set("promotion_conflict", c.PromotionConflict).Set("channel", c.Channel);
    }

    private readonly record struct Signals(int Id, double? Gap, double? Markup, double? Bids, double? Complaints, bool PromotionConflict, string Channel);
}
