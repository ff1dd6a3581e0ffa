#:project ../../src/CustomerValuation/CustomerValuation.csproj
// Once the package is published, replace the line above with:  #:package CustomerValuation@0.1.0

// ABC classification of a small customer list (docs/abc.md, worked example W1).
// Run from the repository root:  dotnet run docs/examples/abc.cs
using System;
using System.Globalization;
using CustomerValuation.Abc;

Customer[] customers =
[
    new("K07", 20_000m),
    new("K02", 250_000m),
    new("K10", 5_000m),
    new("K04", 70_000m),
    new("K01", 400_000m),
    new("K09", 10_000m),
    new("K05", 50_000m),
    new("K03", 150_000m),
    new("K08", 15_000m),
    new("K06", 30_000m),
    new("K11", 0m),         // no purchase this year
    new("K12", -12_000m),   // credit notes above sales
];

// Default options: value share, A to 80 %, B to 95 %, C the rest; the customer that crosses
// a breakpoint joins the upper class; zero and negative values go to class "N".
AbcAnalysis<string> abc = AbcClassifier.Analyze(customers, c => c.Id, c => c.AnnualSales, AbcOptions.Default);

CultureInfo inv = CultureInfo.InvariantCulture;
Console.WriteLine("rank  customer  class        sales    share  cumulative");
foreach (AbcCustomer<string> c in abc.Customers)
{
    Console.WriteLine(string.Format(inv, "{0,4}  {1,-8}  {2,-5} {3,12:N0} {4,8:P1} {5,11:P1}", c.Rank, c.Id, c.Class, c.Value, c.Share, c.CumulativeShare));
}

Console.WriteLine();
Console.WriteLine("class  customers  of customers         sales  of sales");
foreach (AbcClassSummary s in abc.Summary.Classes)
{
    string valueShare = s.IsNonPositiveClass ? "-" : s.ValueShare.ToString("P1", inv);
    Console.WriteLine(string.Format(inv, "{0,-5} {1,10} {2,13:P1} {3,13:N0} {4,9}", s.Label, s.Count, s.CountShare, s.Value, valueShare));
}

Console.WriteLine();
Console.WriteLine(string.Format(inv, "Total positive sales {0:N0}; Gini {1:F3}", abc.Summary.TotalValue, abc.Summary.Gini));
Console.WriteLine(string.Format(inv, "OK: {0} customers", abc.Summary.CustomerCount));

/// <summary>A customer and its annual sales.</summary>
internal sealed record Customer(string Id, decimal AnnualSales);
