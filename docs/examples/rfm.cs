#:project ../../src/CustomerValuation/CustomerValuation.csproj
// Once the package is published, replace the line above with:  #:package CustomerValuation@0.1.0

// RFM from transaction lines (docs/rfm.md): features, quintile scores, SPEC W4 recency, segments.
// Run from the repository root:  dotnet run docs/examples/rfm.cs
using System;
using System.Globalization;
using System.Linq;
using CustomerValuation.Rfm;

var asOf = new DateTime(2026, 3, 31);
Line[] lines =
[
    new("1001", new(2026, 3, 30), "A-1", 120.00m),
    new("1001", new(2026, 3, 30), "A-1", 80.00m),   // second line of the same order
    new("1001", new(2026, 2, 14), "A-2", 310.50m),
    new("1001", new(2026, 1, 5), "A-3", 95.00m),
    new("1002", new(2026, 3, 1), "B-1", 40.00m),
    new("1002", new(2025, 12, 20), "B-2", 60.00m),
    new("1003", new(2025, 11, 2), "C-1", 2500.00m),
    new("1003", new(2025, 11, 2), "CX-1", -2500.00m), // a return: not positive, excluded and counted
    new("1004", new(2026, 3, 25), "D-1", 15.00m),
    new("1005", new(2025, 6, 30), "E-1", 700.00m),
    new("1005", new(2025, 8, 12), "E-2", 650.00m),
    new("1005", new(2025, 9, 3), "E-3", 820.00m),
    new(null, new(2026, 3, 2), "F-1", 99.00m),      // no customer: removed and counted
    new("1002", new(2026, 4, 2), "B-3", 55.00m),    // after the as-of date: removed and counted
];

RfmFeatureSet<string> features = RfmFeatures.Aggregate(
    lines, l => l.CustomerId, l => l.Date, l => l.Amount, l => l.OrderId, new RfmTransactionOptions(asOf));
RfmAggregationReport report = features.Report;
Console.WriteLine($"{report.LinesRead} lines: {report.LinesWithoutCustomer} without customer, {report.LinesAfterAsOf} after the as-of date, "
    + $"{report.NonPositiveLinesExcluded} not positive; {report.PurchaseLines} purchase lines, {report.Customers} customers, total {report.TotalAmount.ToString(CultureInfo.InvariantCulture)}");

// Quintiles by rank for F and M; the practice's fixed recency days for R (SPEC W4).
RfmScoringOptions options = RfmScoringOptions.Default.WithRecency(RfmDimensionScoring.Fixed(7, 30, 60, 120));
RfmResult<string> result = RfmScorer.Score(features, options, RfmSegmentTable.Standard);

Console.WriteLine("customer  recency  frequency  monetary  cell  combined  segment");
foreach (RfmCustomerScore<string> c in result.Customers)
{
    Console.WriteLine(string.Format(
        CultureInfo.InvariantCulture,
        "{0,-8} {1,8} {2,10} {3,9:F2}  {4,4} {5,9} {6}",
        c.Id, c.RecencyDays, c.Frequency, c.Monetary, c.Score.CellCode, c.CombinedScore, c.Segment));
}

RfmSegmentCoverage coverage = RfmSegmentTable.Standard.CheckCoverage();
Console.WriteLine($"Standard table: {125 - coverage.UncoveredCells.Count} of 125 cells covered, {coverage.UnreachableRules.Count} unreachable rules.");
Console.WriteLine($"OK: {result.Customers.Count} customers");

internal sealed record Line(string? CustomerId, DateTime Date, string OrderId, decimal Amount);
