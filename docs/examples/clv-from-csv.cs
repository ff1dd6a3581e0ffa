#:project ../../src/CustomerValuation/CustomerValuation.csproj
// Once the package is published, replace the line above with:  #:package CustomerValuation@0.1.0

// Lifetime value of your own customers from their transactions: BG/NBD for the purchases,
// Gamma-Gamma for the spend per purchase (docs/lifetime.md).
// Run from the repository root:  dotnet run docs/examples/clv-from-csv.cs -- FILE [CALIBRATION-END [HORIZON]]
//   FILE             CSV with a header row and the columns customer_id,date,amount (by name, any
//                    order, other columns ignored), one row per transaction line; plain or .gz;
//                    dates yyyy-MM-dd; amounts with a '.' decimal point and no thousands separator
//                    (negative amounts are returns: removed and counted); no quoted fields.
//                    Example: docs/examples/data/clv_transactions.csv (40 customers simulated,
//                    seeded, from BG/NBD with r 0.8, α 6, a 1, b 3 and Gamma-Gamma with p 5, q 4,
//                    γ 40, so the fitted parameters can be compared with the true ones).
//   CALIBRATION-END  yyyy-MM-dd, the last day the models learn from (lines after it are removed and
//                    counted); default: the latest date in the file.
//   HORIZON          weeks to forecast after the calibration end; default 52.
// Without FILE it uses a small built-in sample. Times are in weeks; several lines of a customer on
// one day are one purchase; CLV is discounted at 10 % a year and is revenue (multiply by your
// margin). The models need repeat buyers: a few dozen customers at least, more for stable figures.
// For a holdout check, Pareto/NBD, other units or an output file use the command-line tool:
// customer-valuation clv --transactions FILE --customer-column customer_id ... (docs/lifetime.md).
using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.IO.Compression;
using System.Linq;
using CustomerValuation.Lifetime;
using static System.FormattableString;

const string Sample = """
    customer_id,date,amount
    K01,2025-01-06,42.10
    K01,2025-02-17,38.50
    K01,2025-04-02,51.00
    K01,2025-07-21,45.75
    K01,2025-11-03,39.90
    K01,2026-02-16,47.20
    K02,2025-01-20,120.00
    K02,2025-03-14,95.40
    K03,2025-02-03,18.00
    K04,2025-01-13,64.30
    K04,2025-01-27,71.80
    K04,2025-02-24,58.10
    K04,2025-03-31,66.00
    K05,2025-03-10,250.00
    K06,2025-02-11,33.30
    K06,2025-06-30,29.70
    K06,2025-12-15,36.10
    K07,2025-01-02,80.00
    K07,2025-01-30,92.50
    K07,2025-03-05,77.40
    K07,2025-05-19,85.20
    K07,2025-08-25,88.00
    K07,2025-10-06,74.60
    K07,2026-01-12,90.30
    K07,2026-03-09,83.90
    K08,2025-03-21,15.50
    K08,2025-09-18,21.00
    K09,2025-02-25,140.00
    K10,2025-01-15,27.80
    K10,2025-02-05,24.90
    K10,2025-02-26,31.20
    K11,2025-03-03,59.00
    K11,2026-01-26,63.40
    K12,2025-01-09,48.00
    """;

string[] rows = args.Length > 0 ? ReadLines(args[0]) : Sample.Split('\n', StringSplitOptions.TrimEntries);
string[] header = rows[0].Split(',', StringSplitOptions.TrimEntries);
int idCol = Array.IndexOf(header, "customer_id"), dateCol = Array.IndexOf(header, "date"), amountCol = Array.IndexOf(header, "amount");
if (idCol < 0 || dateCol < 0 || amountCol < 0)
{
    Console.Error.WriteLine("The header must name the columns customer_id, date and amount.");
    return 1;
}

var lines = new List<(string Customer, DateTime Date, decimal Amount)>();
foreach (string row in rows.Skip(1).Where(r => r.Length > 0))
{
    string[] f = row.Split(',', StringSplitOptions.TrimEntries);
    lines.Add((
        f[idCol],
        DateTime.ParseExact(f[dateCol], "yyyy-MM-dd", CultureInfo.InvariantCulture),
        decimal.Parse(f[amountCol], NumberStyles.Number, CultureInfo.InvariantCulture)));
}

DateTime calibrationEnd = args.Length > 1 ? DateTime.ParseExact(args[1], "yyyy-MM-dd", CultureInfo.InvariantCulture) : lines.Max(l => l.Date);
double horizon = args.Length > 2 ? double.Parse(args[2], NumberStyles.Float, CultureInfo.InvariantCulture) : 52;

// 1. Per customer: x repeat purchase days, t_x and T in weeks, the mean repeat spend.
LifetimeSummarySet<string> customers = LifetimeSummaries.Summarize(
    lines, l => l.Customer, l => l.Date, l => l.Amount, new LifetimeSummaryOptions(calibrationEnd, LifetimeTimeUnit.Weeks));
LifetimeSummaryReport r = customers.Report;
Console.WriteLine(Invariant($"calibration to {calibrationEnd:yyyy-MM-dd}: {r.LinesRead} lines read, {r.CalibrationLines} used; removed {r.LinesWithoutCustomer} without customer, {r.ReturnLines} returns, {r.LinesAfterPeriod} after the calibration end"));
Console.WriteLine(Invariant($"{r.Customers} customers, {r.RepeatCustomers} of them with repeat purchases"));
if (r.RepeatCustomers == 0)
{
    Console.Error.WriteLine("No customer bought again after a first purchase day: the models have nothing to learn from. Give a longer period or more customers.");
    return 1;
}

// 2. Fit both models; a fit that struggles is reported, never thrown.
LifetimeFit<BgNbdModel> purchases = BgNbd.Fit(customers);
GammaGammaFit spend = GammaGamma.Fit(customers);
Console.Write(purchases.Report);
Console.Write(spend.Report);
Console.WriteLine(Invariant($"  Gamma-Gamma left out {spend.Exclusions.Count} customers (no repeat purchase, or only zero amounts)"));
foreach (LifetimeFitReport report in new[] { purchases.Report, spend.Report }.Where(f => !f.Converged))
{
    Console.WriteLine(Invariant($"WARNING: the {report.Model} fit did not converge; the figures use the best point found and may be unreliable."));
}

// 3. Per customer: P(alive), expected purchases, expected spend per purchase, discounted CLV.
IReadOnlyList<LifetimePrediction<string>> predictions = LifetimeValue.Predict(customers, purchases.Model, spend.Model, new LifetimeValueOptions(horizon, 0.10));
const int Shown = 20;
Console.WriteLine();
Console.WriteLine(Invariant($"the next {horizon} weeks, by CLV{(predictions.Count > Shown ? Invariant($" (top {Shown} of {predictions.Count})") : "")}:"));
Console.WriteLine("customer     x     t_x       T  mean spend  P(alive)  purchases  spend/purchase        CLV");
foreach ((LifetimePrediction<string> p, LifetimeCustomerSummary<string> s) in predictions.Zip(customers)
    .OrderByDescending(ps => ps.First.LifetimeValue).ThenBy(ps => ps.First.Id, StringComparer.Ordinal).Take(Shown))
{
    string meanSpend = s.RepeatPurchases > 0 ? Invariant($"{s.MeanRepeatSpend:N2}") : "-";
    Console.WriteLine(Invariant($"{p.Id,-10} {s.RepeatPurchases,3} {s.TimeToLastPurchase,7:0.0} {s.ObservedTime,7:0.0} {meanSpend,11} {p.ProbabilityAlive,9:P0} {p.ExpectedPurchases,10:0.00} {p.ExpectedMeanSpend,15:N2} {p.LifetimeValue,10:N2}"));
}

double totalValue = predictions.Sum(p => p.LifetimeValue);
Console.WriteLine(Invariant($"total: {predictions.Sum(p => p.ExpectedPurchases):N1} expected purchases, CLV {totalValue:N2} ({totalValue / predictions.Count:N2} per customer)"));
Console.WriteLine(Invariant($"OK: {predictions.Count} customers, {r.RepeatCustomers} repeat buyers, CLV over {horizon} weeks {totalValue:N2} in total"));
return 0;

static string[] ReadLines(string path)
{
    using Stream file = File.OpenRead(path);
    using Stream input = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : file;
    using var reader = new StreamReader(input);
    return reader.ReadToEnd().Split('\n', StringSplitOptions.TrimEntries);
}
