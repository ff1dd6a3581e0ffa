#:project ../../src/CustomerValuation/CustomerValuation.csproj
// Once the package is published, replace the line above with:  #:package CustomerValuation@0.1.0

// RFM segments of your own transactions (docs/rfm.md).
// Run from the repository root:  dotnet run docs/examples/rfm-from-csv.cs -- FILE [AS-OF]
//   FILE   CSV with a header row and the columns customer_id,date,amount[,order_id] (by name, any
//          order, other columns ignored); plain or .gz; dates yyyy-MM-dd; amounts with a '.' decimal
//          point and no thousands separator; no quoted fields. Example: docs/examples/data/transactions.csv
//   AS-OF  yyyy-MM-dd, the day the recency is measured from; default: the latest date in the file.
// Without FILE it uses a small built-in sample. For quoted fields or other column names use the
// command-line tool: customer-valuation rfm --transactions FILE --customer-column ... (docs/rfm.md).
using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.IO.Compression;
using System.Linq;
using CustomerValuation.Rfm;
using static System.FormattableString;

const string Sample = """
    customer_id,date,amount,order_id
    1001,2026-03-30,120.00,A-1
    1001,2026-02-14,310.50,A-2
    1001,2026-01-05,95.00,A-3
    1002,2026-03-01,40.00,B-1
    1002,2025-12-20,60.00,B-2
    1003,2025-11-02,2500.00,C-1
    1004,2026-03-25,15.00,D-1
    1005,2025-06-30,700.00,E-1
    1005,2025-08-12,650.00,E-2
    1006,2026-03-28,45.90,F-1
    1006,2026-03-10,52.10,F-2
    1007,2025-04-11,1200.00,G-1
    """;

string[] rows = args.Length > 0 ? ReadLines(args[0]) : Sample.Split('\n', StringSplitOptions.TrimEntries);
string[] header = rows[0].Split(',', StringSplitOptions.TrimEntries);
int Column(string name) => Array.IndexOf(header, name);
int idCol = Column("customer_id"), dateCol = Column("date"), amountCol = Column("amount"), orderCol = Column("order_id");
if (idCol < 0 || dateCol < 0 || amountCol < 0)
{
    Console.Error.WriteLine("The header must name the columns customer_id, date and amount (order_id is optional).");
    return 1;
}

var lines = new List<Line>();
foreach (string row in rows.Skip(1).Where(r => r.Length > 0))
{
    string[] f = row.Split(',', StringSplitOptions.TrimEntries);
    lines.Add(new Line(
        f[idCol].Length > 0 ? f[idCol] : null,
        DateTime.ParseExact(f[dateCol], "yyyy-MM-dd", CultureInfo.InvariantCulture),
        decimal.Parse(f[amountCol], NumberStyles.Number, CultureInfo.InvariantCulture),
        orderCol >= 0 ? f[orderCol] : null));
}

DateTime asOf = args.Length > 1 ? DateTime.ParseExact(args[1], "yyyy-MM-dd", CultureInfo.InvariantCulture) : lines.Max(l => l.Date);

// With order ids, frequency counts distinct orders; without, distinct purchase days.
var options = new RfmTransactionOptions(asOf, orderCol >= 0 ? RfmFrequencyBasis.DistinctOrders : RfmFrequencyBasis.DistinctDays);
RfmFeatureSet<string> features = RfmFeatures.Aggregate(
    lines, l => l.CustomerId, l => l.Date, l => l.Amount, orderCol >= 0 ? l => l.OrderId : null, options);
RfmAggregationReport r = features.Report;
Console.WriteLine(Invariant($"as of {asOf:yyyy-MM-dd}: {r.LinesRead} lines read, {r.LinesRemoved} removed ({r.LinesWithoutCustomer} without customer, {r.LinesAfterAsOf} after the as-of date, {r.NonPositiveLinesExcluded} not positive)"));
Console.WriteLine(Invariant($"{r.Customers} customers, total {r.TotalAmount}"));

// Quintile scores by rank, the standard segment table.
RfmResult<string> result = RfmScorer.Score(features, RfmScoringOptions.Default, RfmSegmentTable.Standard);
Console.WriteLine("segment                 customers");
foreach (KeyValuePair<string, int> s in result.SegmentCounts)
{
    Console.WriteLine(Invariant($"{s.Key,-22} {s.Value,10}"));
}

Console.WriteLine(Invariant($"OK: {result.Customers.Count} customers"));
return 0;

static string[] ReadLines(string path)
{
    using Stream file = File.OpenRead(path);
    using Stream input = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : file;
    using var reader = new StreamReader(input);
    return reader.ReadToEnd().Split('\n', StringSplitOptions.TrimEntries);
}

internal sealed record Line(string? CustomerId, DateTime Date, decimal Amount, string? OrderId);
