#:project ../../src/CustomerValuation/CustomerValuation.csproj
// Once the package is published, replace the line above with:  #:package CustomerValuation@0.1.0

// Weighted tiering (docs/tiering.md): a scorecard with AHP weights, per-criterion contributions,
// quota tiers, the SPEC W5 grid, and the migration between two periods.
// Run from the repository root:  dotnet run docs/examples/tiering.cs
using System;
using System.Collections.Generic;
using System.Linq;
using CustomerValuation.Tiering;
using static System.FormattableString;

// Criteria: order amount (higher is better), days overdue (bands), cost ratio (lower is better).
// Their weights come from pairwise judgements: amount matters 3× more than payment and 5× more than cost.
AhpResult ahp = Ahp.Analyze(new double[,] { { 1, 3, 5 }, { 1 / 3.0, 1, 2 }, { 1 / 5.0, 1 / 2.0, 1 } });
Console.WriteLine(Invariant($"AHP weights {string.Join(" / ", ahp.Weights.Select(w => Invariant($"{w:0.000}")))}, CR {ahp.ConsistencyRatio:0.000} (limit {ahp.ConsistencyLimit:0.00})"));

var scorecard = new Scorecard(
[
    new Criterion("amount", CriterionDirection.HigherIsBetter, CriterionNormalization.RankPercentile),
    new Criterion("overdue", CriterionDirection.HigherIsBetter, CriterionNormalization.Bands([new(0, 10), new(1, 6), new(31, 3), new(61, 0)])),
    new Criterion("cost", CriterionDirection.LowerIsBetter, CriterionNormalization.MinMax),
],
MissingValuePolicy.RenormalizeWeights).WithAhpWeights(ahp);

Customer[] customers =
[
    new("C01", 120_000, 0, 0.12), new("C02", 45_000, 12, 0.20), new("C03", 300_000, 75, 0.08),
    new("C04", 8_000, 0, 0.35), new("C05", 60_000, null, 0.18), new("C06", 150_000, 3, 0.15),
    new("C07", 22_000, 40, 0.25), new("C08", 95_000, 0, null), new("C09", 5_000, 90, 0.40),
    new("C10", 210_000, 0, 0.10),
];

TierRule quotas = TierRule.Quotas(new("A", 0.2), new("B", 0.3), new("C", 0.5));
ScorecardResult<string> result = ScorecardScorer.Score(customers, c => c.Id, c => [c.Amount, c.Overdue, c.Cost], scorecard, quotas);
Console.WriteLine("id    score tier   amount overdue   cost");
foreach (ScorecardCustomer<string> c in result.OrderByDescending(c => c.Score))
{
    double[] parts = c.Contributions.ToArray();
    Console.WriteLine(Invariant($"{c.Id}  {c.Score,5:0.0}  {c.Tier}   {parts[0],7:0.0} {parts[1],7:0.0} {parts[2],6:0.0}"));
}

Console.WriteLine(string.Join(", ", result.TierCounts.Select(t => $"{t.Tier}: {t.Count}")));

// SPEC W5: hospital level × prescription behaviour → points → A 7–9, B 3–6, C 1–2.
var w5 = new TierGrid<double>(["first choice", "second choice", "other"], ["level 3", "level 2", "level 1"],
    new double[,] { { 9, 8, 5 }, { 7, 5, 3 }, { 3, 2, 1 } });
TierRule grades = TierRule.AtLeast(new("A", 7), new("B", 3), new("C", 1));
Console.WriteLine(Invariant($"W5: second choice at a level-3 hospital = {w5["second choice", "level 3"]} points → {grades.TierOf(w5["second choice", "level 3"])}"));

// Migration: last year's tiers against this year's.
var lastYear = new Dictionary<string, string> { ["C01"] = "A", ["C02"] = "B", ["C03"] = "A", ["C04"] = "C", ["C06"] = "C", ["C11"] = "B" };
var thisYear = result.Where(c => c.Tier is not null).ToDictionary(c => c.Id, c => c.Tier!);
TierMigrationResult<string> migration = TierMigration.Compare(["A", "B", "C"], lastYear, thisYear);
Console.WriteLine(Invariant($"Migration: {migration.UpCount} up, {migration.DownCount} down, {migration.SameCount} same, {migration.NewCount} new, {migration.VanishedCount} vanished"));
Console.WriteLine(Invariant($"OK: {result.Count} customers"));

internal sealed record Customer(string Id, double? Amount, double? Overdue, double? Cost);
