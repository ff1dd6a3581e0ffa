#:project ../../src/CustomerValuation/CustomerValuation.csproj
// Once the package is published, replace the line above with:  #:package CustomerValuation@0.1.0

// Why were your customers lost? Reasons from the notes of your own list of lost customers, and the
// reason Pareto (docs/lost-customers.md).
// Run from the repository root:  dotnet run docs/examples/lost-customers-from-csv.cs -- FILE [LEVEL]
//   FILE   CSV with a header row and the columns customer_id,note[,lost_value] (by name, any order,
//          other columns ignored): one row per lost customer (or lost deal); notes in English or
//          Chinese; lost_value (for example last year's sales) with a '.' decimal point and no
//          thousands separator; plain or .gz. A field with a comma goes in double quotes ("" for
//          a quote inside it); a note cannot span lines. Example: docs/examples/data/lost_customers.csv
//   LEVEL  family (default: price.seeming.dealer-markup counts as price) or code (the exact code).
// Without FILE it uses a small built-in sample. The reasons come from the shipped taxonomy and
// phrases (TextReasonTagger.Default); a customer whose note names no reason is untagged, never put
// under "other". With lost_value, a customer's value is split equally among its reasons. For rules
// over data columns, your own phrases or a CSV of the reasons use the command-line tool:
// customer-valuation lost --input FILE --notes-column note --rules ... (docs/lost-customers.md).
using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using CustomerValuation.Churn;
using static System.FormattableString;

const string Sample = """
    customer_id,note,lost_value
    L1,"Too expensive, the competitor quoted 15% less.",42000
    L2,不是价格问题，投诉一直没有解决。,18000
    L3,经销商加价太多。,9000
    L4,No reply.,2000
    L5,Switched to a competitor with a better offer.,36000
    L6,The company closed its plant and moved abroad.,15000
    """;

string[] rows = args.Length > 0 ? ReadLines(args[0]) : Sample.Split('\n', StringSplitOptions.TrimEntries);
string[] header = SplitFields(rows[0]);
int idCol = Array.IndexOf(header, "customer_id"), noteCol = Array.IndexOf(header, "note"), valueCol = Array.IndexOf(header, "lost_value");
if (idCol < 0 || noteCol < 0)
{
    Console.Error.WriteLine("The header must name the columns customer_id and note (lost_value is optional).");
    return 1;
}

string levelName = args.Length > 1 ? args[1] : "family";
if (levelName is not ("family" or "code"))
{
    Console.Error.WriteLine(Invariant($"LEVEL must be family or code, not '{levelName}'."));
    return 1;
}

ReasonLevel level = levelName == "code" ? ReasonLevel.Code : ReasonLevel.Family;
var lost = rows.Skip(1).Where(r => r.Length > 0).Select(SplitFields)
    .Select(f => (
        Id: f[idCol],
        Note: f[noteCol],
        Value: valueCol >= 0 ? double.Parse(f[valueCol], NumberStyles.Float, CultureInfo.InvariantCulture) : 0))
    .ToList();

// 1. Tag every note: each reason with its confidence and the words of the note that gave it.
TextReasonTagger tagger = TextReasonTagger.Default;
IReadOnlyList<CustomerReasons<string>> reasons = tagger.Tag(lost, l => l.Id, l => l.Note);
foreach (CustomerReasons<string> r in reasons)
{
    Console.WriteLine(r.IsUntagged ? $"{r.Id,-6} untagged" : $"{r.Id,-6} " + string.Join("; ", r.Reasons.Select(t =>
        Invariant($"{t.Code} {t.Confidence:0.00} ({string.Join(", ", t.Evidence.Select(e => $"\"{e.Detail}\""))})"))));
}

// 2. The Pareto of reasons: by count (a customer counts once for each of its reasons) and, with
//    lost values, by value; the ABC class of each reason at 80 % / 95 %.
ReasonParetoReport pareto = valueCol >= 0
    ? ReasonReport.Pareto(reasons, lost.ToDictionary(l => l.Id, l => l.Value), tagger.Taxonomy, level)
    : ReasonReport.Pareto(reasons, tagger.Taxonomy, level);
Console.WriteLine();
Console.WriteLine("by count  reason                             customers  of mentions  cumulative  class");
foreach (ReasonParetoLine line in pareto.ByCount)
{
    Console.WriteLine(Invariant($"{line.Rank,8}. {line.Code,-34} {line.Count,9} {line.CountShare,12:P1} {line.CumulativeCountShare,11:P1}  {line.ClassLabel}"));
}

if (pareto.HasValues)
{
    Console.WriteLine("by value  reason                            lost value    of tagged  cumulative  class");
    foreach (ReasonParetoLine line in pareto.ByValue)
    {
        Console.WriteLine(Invariant($"{line.Rank,8}. {line.Code,-34} {line.Value,10:N0} {line.ValueShare,12:P1} {line.CumulativeValueShare,11:P1}  {line.ClassLabel}"));
    }

    Console.WriteLine(Invariant($"untagged: {pareto.UntaggedCount} customers, lost value {pareto.UntaggedValue:N0} ({pareto.UntaggedValueShare:P1} of {pareto.TotalValue:N0})"));
}
else
{
    Console.WriteLine(Invariant($"untagged: {pareto.UntaggedCount} customers ({pareto.UntaggedShare:P1})"));
}

Console.WriteLine(Invariant($"OK: {pareto.CustomerCount} customers, {pareto.TaggedCount} tagged, {pareto.UntaggedCount} untagged, {pareto.MentionCount} reason mentions ({levelName} level)"));
return 0;

// Splits one CSV line; a field in double quotes may hold commas, and "" stands for one quote.
static string[] SplitFields(string line)
{
    var fields = new List<string>();
    var field = new StringBuilder();
    bool quoted = false;
    for (int i = 0; i < line.Length; i++)
    {
        char c = line[i];
        if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"')
        {
            field.Append('"');
            i++;
        }
        else if (c == '"')
        {
            quoted = !quoted;
        }
        else if (c == ',' && !quoted)
        {
            fields.Add(field.ToString().Trim());
            field.Clear();
        }
        else
        {
            field.Append(c);
        }
    }

    fields.Add(field.ToString().Trim());
    return [.. fields];
}

static string[] ReadLines(string path)
{
    using Stream file = File.OpenRead(path);
    using Stream input = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : file;
    using var reader = new StreamReader(input);
    return reader.ReadToEnd().Split('\n', StringSplitOptions.TrimEntries);
}
