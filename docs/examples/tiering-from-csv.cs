#:project ../../src/CustomerValuation/CustomerValuation.csproj
// Once the package is published, replace the line above with:  #:package CustomerValuation@0.1.0

// Scorecard tiers of your own customer list (docs/tiering.md).
// Run from the repository root:  dotnet run docs/examples/tiering-from-csv.cs -- FILE
//   FILE  CSV with a header row and the columns customer_id,amount,days_overdue,cost_ratio (by
//         name, any order, other columns ignored); plain or .gz; numbers with a '.' decimal point
//         and no thousands separator; an empty cell is a missing value; no quoted fields.
//         Example: docs/examples/data/scorecard_customers.csv
// Without FILE it uses a small built-in sample. The scorecard: order amount (rank percentile,
// weight 3), days overdue (bands 0 → 10 points, 1–30 → 6, 31–60 → 3, over 60 → 0; weight 2), cost
// ratio (lower is better, min–max, weight 1); a missing value leaves its criterion out and the
// other weights are scaled up; a customer needs 2 of the 3 criteria to be scored. Tiers by quota:
// the best 20 % A, the next 30 % B, the rest C. Change the scorecard below to your criteria, or use
// the command-line tool with a JSON scorecard: customer-valuation tier --input FILE --scorecard ...
using System;
using System.Globalization;
using System.IO;
using System.IO.Compression;
using System.Linq;
using CustomerValuation.Tiering;
using static System.FormattableString;

const string Sample = """
    customer_id,amount,days_overdue,cost_ratio
    C01,120000,0,0.12
    C02,45000,12,0.20
    C03,300000,75,0.08
    C04,8000,0,0.35
    C05,60000,,0.18
    C06,150000,3,0.15
    C07,22000,40,0.25
    C08,95000,0,
    C09,5000,90,0.40
    C10,210000,0,0.10
    """;

string[] rows = args.Length > 0 ? ReadLines(args[0]) : Sample.Split('\n', StringSplitOptions.TrimEntries);
string[] header = rows[0].Split(',', StringSplitOptions.TrimEntries);
string[] columns = ["amount", "days_overdue", "cost_ratio"];
int idCol = Array.IndexOf(header, "customer_id");
int[] valueCols = columns.Select(c => Array.IndexOf(header, c)).ToArray();
if (idCol < 0 || valueCols.Any(c => c < 0))
{
    Console.Error.WriteLine("The header must name the columns customer_id, amount, days_overdue and cost_ratio.");
    return 1;
}

var customers = rows.Skip(1).Where(r => r.Length > 0).Select(r => r.Split(',', StringSplitOptions.TrimEntries))
    .Select(f => (Id: f[idCol], Values: valueCols.Select(c => f[c].Length > 0 ? double.Parse(f[c], NumberStyles.Float, CultureInfo.InvariantCulture) : (double?)null).ToArray()))
    .ToList();

var scorecard = new Scorecard(
[
    new Criterion("amount", CriterionDirection.HigherIsBetter, CriterionNormalization.RankPercentile, weight: 3),
    new Criterion("overdue", CriterionDirection.HigherIsBetter, CriterionNormalization.Bands([new(0, 10), new(1, 6), new(31, 3), new(61, 0)]), weight: 2),
    new Criterion("cost", CriterionDirection.LowerIsBetter, CriterionNormalization.MinMax, weight: 1),
],
MissingValuePolicy.RenormalizeWeights);
TierRule quotas = TierRule.Quotas(new("A", 0.2), new("B", 0.3), new("C", 0.5));

ScorecardResult<string> result = ScorecardScorer.Score(customers, c => c.Id, c => c.Values, scorecard, quotas);
var inputs = customers.ToDictionary(c => c.Id, c => c.Values);

// Best first; the contributions add up to the score (scale 100), so they say why a customer is in its tier.
Console.WriteLine("customer   score  tier   amount  overdue    cost");
foreach (ScorecardCustomer<string> c in result.OrderByDescending(c => c.Score ?? -1).ThenBy(c => c.Id, StringComparer.Ordinal))
{
    if (c.Status != ScorecardStatus.Scored)
    {
        Console.WriteLine(Invariant($"{c.Id,-10} {"-",5}  {"-",-4}  too few criteria ({c.CriteriaPresent} of {columns.Length})"));
        continue;
    }

    // A missing value takes no part (its weight went to the others): shown as '-', not 0.
    string[] parts = c.Contributions.ToArray().Select((x, j) => inputs[c.Id][j] is null ? "-" : Invariant($"{x:0.0}")).ToArray();
    Console.WriteLine(Invariant($"{c.Id,-10} {c.Score,5:0.0}  {c.Tier,-4} {parts[0],7} {parts[1],8} {parts[2],7}"));
}

string tiers = string.Join(", ", result.TierCounts.Select(t => Invariant($"{t.Tier} {t.Count}")));
Console.WriteLine(Invariant($"{result.ScoredCount} scored, {result.TooFewCriteriaCount} with too few criteria; tiers: {tiers}"));
Console.WriteLine(Invariant($"OK: {result.Count} customers, {result.ScoredCount} scored: {tiers}"));
return 0;

static string[] ReadLines(string path)
{
    using Stream file = File.OpenRead(path);
    using Stream input = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : file;
    using var reader = new StreamReader(input);
    return reader.ReadToEnd().Split('\n', StringSplitOptions.TrimEntries);
}
