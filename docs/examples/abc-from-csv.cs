#:project ../../src/CustomerValuation/CustomerValuation.csproj
// Once the package is published, replace the line above with:  #:package CustomerValuation@0.1.0

// ABC classes of your own customer list (docs/abc.md).
// Run from the repository root:  dotnet run docs/examples/abc-from-csv.cs -- FILE
//   FILE  CSV with a header row and the columns customer_id,value (by name, any order, other
//         columns ignored); plain or .gz; values with a '.' decimal point and no thousands
//         separator; no quoted fields. Example: docs/examples/data/customers.csv
// Without FILE it uses a small built-in sample. Classes: A to 80 % of the value, B to 95 %, C the
// rest, N for zero and negative values. For other breakpoints, count shares, quoted fields or
// other column names use the command-line tool: customer-valuation abc --input FILE ... (docs/abc.md).
using System;
using System.Globalization;
using System.IO;
using System.IO.Compression;
using System.Linq;
using CustomerValuation.Abc;
using static System.FormattableString;

const string Sample = """
    customer_id,value
    K01,400000
    K02,250000
    K03,150000
    K04,70000
    K05,50000
    K06,30000
    K07,20000
    K08,15000
    K09,10000
    K10,5000
    K11,0
    """;

string[] rows = args.Length > 0 ? ReadLines(args[0]) : Sample.Split('\n', StringSplitOptions.TrimEntries);
string[] header = rows[0].Split(',', StringSplitOptions.TrimEntries);
int idCol = Array.IndexOf(header, "customer_id"), valueCol = Array.IndexOf(header, "value");
if (idCol < 0 || valueCol < 0)
{
    Console.Error.WriteLine("The header must name the columns customer_id and value.");
    return 1;
}

var customers = rows.Skip(1).Where(r => r.Length > 0).Select(r => r.Split(',', StringSplitOptions.TrimEntries))
    .Select(f => (Id: f[idCol], Value: decimal.Parse(f[valueCol], NumberStyles.Number, CultureInfo.InvariantCulture)))
    .ToList();

AbcAnalysis<string> abc = AbcClassifier.Analyze(customers, c => c.Id, c => c.Value, AbcOptions.Default);
Console.WriteLine("class  customers  of customers         value  of value");
foreach (AbcClassSummary s in abc.Summary.Classes)
{
    string valueShare = s.IsNonPositiveClass ? "-" : Invariant($"{s.ValueShare:P1}");
    Console.WriteLine(Invariant($"{s.Label,-5} {s.Count,10} {s.CountShare,13:P1} {s.Value,13:N0} {valueShare,9}"));
}

Console.WriteLine(Invariant($"A customers: {string.Join(", ", abc.Customers.Where(c => c.Class == "A").Select(c => c.Id))}"));
Console.WriteLine(Invariant($"total positive value {abc.Summary.TotalValue:N0}; Gini {abc.Summary.Gini:F3}"));
Console.WriteLine(Invariant($"OK: {abc.Summary.CustomerCount} customers"));
return 0;

static string[] ReadLines(string path)
{
    using Stream file = File.OpenRead(path);
    using Stream input = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : file;
    using var reader = new StreamReader(input);
    return reader.ReadToEnd().Split('\n', StringSplitOptions.TrimEntries);
}
