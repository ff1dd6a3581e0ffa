#:project ../../src/CustomerValuation/CustomerValuation.csproj
// Once the package is published, replace the line above with:  #:package CustomerValuation@0.1.0

// Contribution ratios (docs/contribution.md): the published glossary example, then a customer's
// product mix with the flags that undefined figures get.
// Run from the repository root:  dotnet run docs/examples/contribution.cs
using System;
using System.Linq;
using CustomerValuation.Contribution;
using static System.FormattableString;

// Aonuma glossary, 利益貢献度分析: processed food 20,000 of 70,000 in sales, gross profit 4,500,
// inventory 2,000 (inventory at selling price: the cross ratio). "Others" stands for the
// departments the glossary does not list in full.
var store = new[]
{
    (Item: "Processed food", Sales: 20_000.0, Cost: 15_500.0, Inventory: (double?)2_000.0),
    (Item: "Produce", Sales: 10_000.0, Cost: 7_500.0, Inventory: (double?)150.0),
    (Item: "Liquor", Sales: 10_000.0, Cost: 8_000.0, Inventory: (double?)1_000.0),
    (Item: "Others", Sales: 30_000.0, Cost: 24_100.0, Inventory: (double?)6_000.0),
};
var result = ContributionAnalyzer.Analyze(store, _ => "Store", r => r.Item, r => r.Sales, r => r.Cost, r => r.Inventory, InventoryBasis.SellingPrice);
Console.WriteLine("rank item            margin  turnover  cross  share  contribution   (fractions; the glossary prints percent)");
foreach (var r in result.RankByContributionRatio("Store"))
{
    ContributionRow f = r.Figures;
    Console.WriteLine(Invariant($"{r.RankInGroup,4} {r.Item,-15} {f.GrossMarginRate,6:0.000} {f.Turnover,9:0.0} {f.CrossRatio,6:0.00} {f.SalesShare,6:0.000} {f.ContributionRatio,13:0.000}"));
}

// A customer's products with the cases that leave a figure undefined: flagged, never 0 or NaN.
var customer = new[]
{
    (Item: "Pumps", Sales: 12_000.0, Cost: 8_400.0, Inventory: (double?)3_000.0),
    (Item: "Valves", Sales: 0.0, Cost: 0.0, Inventory: (double?)500.0),          // no sales: no margin rate
    (Item: "Seals", Sales: 2_500.0, Cost: 2_700.0, Inventory: (double?)400.0),   // sold below cost
    (Item: "Filters", Sales: 4_000.0, Cost: 2_600.0, Inventory: null),           // inventory not known
};
var mix = ContributionAnalyzer.Analyze(customer, _ => "C-1001", r => r.Item, r => r.Sales, r => r.Cost, r => r.Inventory, InventoryBasis.Cost);
foreach (var r in mix.RankByContributionRatio("C-1001"))
{
    string gmroi = r.Figures.CrossRatio is double g ? Invariant($"{g:0.00}") : "—";
    Console.WriteLine(Invariant($"{r.Item,-8} GMROI {gmroi,6}  flags: {r.Figures.Flags}"));
}

Console.WriteLine(Invariant($"OK: {result.Count + mix.Count} rows"));
