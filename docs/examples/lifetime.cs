#:project ../../src/CustomerValuation/CustomerValuation.csproj
// Once the package is published, replace the line above with:  #:package CustomerValuation@0.1.0

// Lifetime value (docs/lifetime.md): summaries from lines, BG/NBD and Gamma-Gamma fits with their
// reports, per-customer P(alive), expected purchases, spend and CLV.
// Run from the repository root:  dotnet run docs/examples/lifetime.cs
using System;
using System.Collections.Generic;
using System.Linq;
using CustomerValuation.Lifetime;

// 3,000 customers simulated (seeded) over 2025: a purchase rate per week, a dropout chance after
// each repeat purchase, amounts around a personal mean. Real data: your order lines.
var random = new Random(7);
var lines = new List<(string Customer, DateTime Date, decimal Amount)>();
for (int c = 0; c < 3000; c++)
{
    double rate = 0.05 + (random.NextDouble() * 0.4), dropout = random.NextDouble() * 0.5, mean = 20 + (random.NextDouble() * 80);
    DateTime day = new DateTime(2025, 1, 1).AddDays(random.Next(90));
    for (int made = 0; day <= new DateTime(2025, 12, 31); made++)
    {
        lines.Add(($"C{c:D4}", day, Math.Round((decimal)(mean * (0.5 + random.NextDouble())), 2)));
        if (made > 0 && random.NextDouble() < dropout)
        {
            break;
        }

        day = day.AddDays(Math.Ceiling(-Math.Log(1 - random.NextDouble()) / rate * 7));
    }
}

// Calibration to 2025-09-30 in weeks, holdout to 2025-12-31.
var options = new LifetimeSummaryOptions(new DateTime(2025, 9, 30), LifetimeTimeUnit.Weeks, holdoutEnd: new DateTime(2025, 12, 31));
LifetimeSummarySet<string> customers = LifetimeSummaries.Summarize(lines, l => l.Customer, l => l.Date, l => l.Amount, options);
Console.WriteLine(customers.Report);

LifetimeFit<BgNbdModel> purchases = BgNbd.Fit(customers);
GammaGammaFit spend = GammaGamma.Fit(customers);
Console.Write(purchases.Report);
Console.Write(spend.Report);
Console.WriteLine($"Gamma-Gamma left out {spend.Exclusions.Count} customers without repeat purchases.");

// 13 weeks ahead (the holdout), discounted at 10 % a year.
IReadOnlyList<LifetimePrediction<string>> predictions = LifetimeValue.Predict(customers, purchases.Model, spend.Model, new LifetimeValueOptions(13, 0.10));
Console.WriteLine($"holdout purchase days: forecast {predictions.Sum(p => p.ExpectedPurchases):F0}, actual {customers.Sum(c => c.HoldoutPurchases)}");
foreach (LifetimePrediction<string> p in predictions.OrderByDescending(p => p.LifetimeValue).Take(5))
{
    Console.WriteLine($"{p.Id}: alive {p.ProbabilityAlive:P0}, {p.ExpectedPurchases:F2} purchases × {p.ExpectedMeanSpend:F2} = CLV {p.LifetimeValue:F2}");
}

Console.WriteLine($"OK: {predictions.Count} customers");
