#:project ../../src/CustomerValuation/CustomerValuation.csproj
// Once the package is published, replace the line above with:  #:package CustomerValuation@0.1.0

// Lost customers (docs/lost-customers.md): lifecycle status at an as-of date, then the reasons of
// lost customers from notes in English and Chinese and a rule over a signal, and the reason Pareto.
// Run from the repository root:  dotnet run docs/examples/lost-customers.cs
using System;
using System.Collections.Generic;
using System.Linq;
using CustomerValuation.Churn;
using static System.FormattableString;

// 1. Lifecycle: who is new, active, at risk, lapsed or won back on 2026-06-30 (lapse after 180 days).
var purchases = new Dictionary<string, DateTime[]>
{
    ["K1"] = [new(2026, 6, 1)],
    ["K2"] = [new(2025, 1, 10), new(2025, 3, 2), new(2026, 6, 20)],
    ["K3"] = [new(2025, 2, 1), new(2025, 5, 1)],
    ["K4"] = [],
};
LifecycleResult<string> lifecycle = LifecycleClassifier.Classify(purchases, p => p.Key, p => p.Value, new DateTime(2026, 6, 30));
foreach (LifecycleCustomer<string> c in lifecycle.Customers)
{
    Console.WriteLine(Invariant($"{c.Id}: {c.Status} (days since last purchase: {(c.DaysSinceLastPurchase is int d ? Invariant($"{d}") : "-")})"));
}

// 2. Reasons: the shipped taxonomy and phrases, plus one rule over the price gap to the competitor.
var notes = new (string Id, string Note, double PriceGapPercent, double LostValue)[]
{
    ("L1", "Too expensive, the competitor quoted 15% less.", 15, 42_000),
    ("L2", "不是价格问题，投诉一直没有解决。", 0, 18_000),
    ("L3", "经销商加价太多。", 3, 9_000),
    ("L4", "No reply.", 0, 2_000),
};
var schema = new SignalSchema([SignalField.Number("price_gap_percent", -100, 1000)]);
var rules = new SignalRuleSet(schema, ReasonTaxonomy.Default,
    [new SignalRule("dearer than the competitor", new SignalCondition("price_gap_percent", SignalComparison.GreaterThan, 10.0), "price.real", 0.9)]);
TextReasonTagger tagger = TextReasonTagger.Default;
var reasons = notes.Select(n =>
{
    SignalRecord record = rules.CreateRecord().Set("price_gap_percent", n.PriceGapPercent);
    return new CustomerReasons<string>(n.Id, ReasonTagMerge.Combine(tagger.Tag(n.Note), rules.Evaluate(record)));
}).ToList();
foreach (CustomerReasons<string> r in reasons)
{
    Console.WriteLine(r.IsUntagged ? $"{r.Id}: untagged" : $"{r.Id}: " + string.Join("; ", r.Reasons.Select(t =>
        Invariant($"{t.Code} {t.Confidence:0.00} [{string.Join(", ", t.Evidence.Select(e => e.Source == ReasonSource.Phrase ? $"'{e.Detail}' at {e.Position}" : e.Name))}]"))));
}

// 3. Reason Pareto by lost value (a customer's value split equally among its reasons).
ReasonParetoReport pareto = ReasonReport.Pareto(reasons, notes.ToDictionary(n => n.Id, n => n.LostValue), ReasonTaxonomy.Default);
foreach (ReasonParetoLine line in pareto.ByValue)
{
    Console.WriteLine(Invariant($"{line.Rank}. {line.Code} ({line.Reason.ChineseName}): {line.Value:N0} = {line.ValueShare:P1}, class {line.ClassLabel}"));
}

Console.WriteLine(Invariant($"untagged: {pareto.UntaggedCount} customer(s), {pareto.UntaggedValue:N0}"));
Console.WriteLine(Invariant($"OK: {lifecycle.Customers.Count + reasons.Count} customers"));
