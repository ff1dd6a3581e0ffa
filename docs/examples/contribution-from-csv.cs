#:project ../../src/CustomerValuation/CustomerValuation.csproj
// Once the package is published, replace the line above with:  #:package CustomerValuation@0.1.0

// Contribution ratios of your own sales rows (docs/contribution.md).
// Run from the repository root:  dotnet run docs/examples/contribution-from-csv.cs -- FILE [BASIS]
//   FILE   CSV with a header row and the columns group,item,sales,cost,inventory (by name, any
//          order, other columns ignored): one row per (group, item), for example per (customer,
//          product), with the period's sales, cost of goods sold and average inventory; plain or
//          .gz; numbers with a '.' decimal point and no thousands separator; an empty inventory
//          cell is a missing inventory (flagged, not an error); no quoted fields.
//          Example: docs/examples/data/contribution.csv
//   BASIS  price (default: inventory at selling price, margin ÷ inventory is the cross ratio) or
//          cost (inventory at cost: the same quotient is GMROI).
// Without FILE it uses a small built-in sample. Rates, ratios and shares are fractions (0.225 is
// 22.5 %); an undefined figure is printed as '-' and its cause is in the flags. For quoted fields
// or other column names use the command-line tool: customer-valuation contribution --input FILE ...
using System;
using System.Globalization;
using System.IO;
using System.IO.Compression;
using System.Linq;
using CustomerValuation.Contribution;
using static System.FormattableString;

const string Sample = """
    group,item,sales,cost,inventory
    north,a,600,450,200
    north,b,200,100,400
    south,c,400,500,100
    south,d,200,100,
    south,e,0,0,50
    south,f,1000,500,250
    """;

string[] rows = args.Length > 0 ? ReadLines(args[0]) : Sample.Split('\n', StringSplitOptions.TrimEntries);
string[] header = rows[0].Split(',', StringSplitOptions.TrimEntries);
int Column(string name) => Array.IndexOf(header, name);
int groupCol = Column("group"), itemCol = Column("item"), salesCol = Column("sales"), costCol = Column("cost"), inventoryCol = Column("inventory");
if (groupCol < 0 || itemCol < 0 || salesCol < 0 || costCol < 0 || inventoryCol < 0)
{
    Console.Error.WriteLine("The header must name the columns group, item, sales, cost and inventory.");
    return 1;
}

string basisName = args.Length > 1 ? args[1] : "price";
if (basisName is not ("price" or "cost"))
{
    Console.Error.WriteLine(Invariant($"BASIS must be price or cost, not '{basisName}'."));
    return 1;
}

InventoryBasis basis = basisName == "cost" ? InventoryBasis.Cost : InventoryBasis.SellingPrice;
string ratioName = basis == InventoryBasis.Cost ? "GMROI" : "cross";

var lines = rows.Skip(1).Where(r => r.Length > 0).Select(r => r.Split(',', StringSplitOptions.TrimEntries))
    .Select(f => (
        Group: f[groupCol],
        Item: f[itemCol],
        Sales: double.Parse(f[salesCol], NumberStyles.Float, CultureInfo.InvariantCulture),
        Cost: double.Parse(f[costCol], NumberStyles.Float, CultureInfo.InvariantCulture),
        Inventory: f[inventoryCol].Length > 0 ? double.Parse(f[inventoryCol], NumberStyles.Float, CultureInfo.InvariantCulture) : (double?)null))
    .ToList();

var result = ContributionAnalyzer.Analyze(lines, l => l.Group, l => l.Item, l => l.Sales, l => l.Cost, l => l.Inventory, basis);

// Per group, the items ranked by contribution ratio (what to push first), then the group's totals.
foreach (ContributionGroup<string> g in result.Groups)
{
    Console.WriteLine(Invariant($"{g.Group}: sales {g.Totals.Sales:N0} ({Fraction(g.SalesShare)} of all), gross margin {g.Totals.GrossMargin:N0} ({Fraction(g.GrossMarginShare)} of all), contribution ratio total {Fraction(g.Totals.ContributionRatio)}"));
    Console.WriteLine(Invariant($"  rank item          sales  margin rate  turnover  {ratioName,6}  sales share  contribution  flags"));
    foreach (ContributionItem<string, string> r in result.RankByContributionRatio(g.Group))
    {
        ContributionRow f = r.Figures;
        string flags = f.Flags == ContributionIssues.None ? "" : f.Flags.ToString();
        Console.WriteLine(Invariant($"  {r.RankInGroup,4} {r.Item,-10} {r.Sales,9:N0} {Fraction(f.GrossMarginRate),12} {Fraction(f.Turnover),9} {Fraction(f.CrossRatio),7} {Fraction(f.SalesShare),12} {Fraction(f.ContributionRatio),13}  {flags}").TrimEnd());
    }
}

int undefined = result.Count(r => r.Figures.ContributionRatio is null);
Console.WriteLine(Invariant($"basis: inventory at {(basis == InventoryBasis.Cost ? "cost (GMROI)" : "selling price (cross ratio)")}; total sales {result.TotalSales:N0}, gross margin {result.TotalGrossMargin:N0}"));
Console.WriteLine(Invariant($"OK: {result.Count} rows in {result.Groups.Count} groups, {undefined} without a contribution ratio"));
return 0;

static string Fraction(double? value) => value is double v ? Invariant($"{v:0.000}") : "-";

static string[] ReadLines(string path)
{
    using Stream file = File.OpenRead(path);
    using Stream input = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : file;
    using var reader = new StreamReader(input);
    return reader.ReadToEnd().Split('\n', StringSplitOptions.TrimEntries);
}
