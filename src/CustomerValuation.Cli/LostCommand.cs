using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using CustomerValuation.Churn;

namespace CustomerValuation.Cli;

/// <summary>Settings of the <c>lost</c> command.</summary>
internal sealed record LostSettings(
    string Input,
    string IdColumn,
    string? NotesColumn,
    string? ValueColumn,
    string? SegmentColumn,
    string? Rules,
    string? Taxonomy,
    ReasonLevel Level,
    string? Output);

/// <summary>What the <c>lost</c> command found: every customer's reasons and the reports printed.</summary>
internal sealed record LostRun(
    IReadOnlyList<CustomerReasons<string>> Reasons,
    ReasonTaxonomy Taxonomy,
    ReasonParetoReport Pareto,
    ReasonCrossTab<string>? BySegment);

/// <summary>
/// The <c>lost</c> command: one row per lost customer or lost deal (id, free-text note, signals, lost
/// value, segment) → reasons with evidence, the reason Pareto and reasons by segment.
/// </summary>
internal static class LostCommand
{
    public static LostRun Run(LostSettings s, TextWriter console)
    {
        if (s.Output is not null && string.IsNullOrWhiteSpace(s.Output))
        {
            throw CliException.Usage("--output needs a file name.");
        }

        if (s.NotesColumn is null && s.Rules is null)
        {
            throw CliException.Usage("Give --notes-column (free-text notes), --rules (a JSON file of rules over signal columns), or both: without them no reason can be found.");
        }

        LostTaxonomy words = s.Taxonomy is null
            ? new LostTaxonomy(ReasonTaxonomy.Default, ReasonLexicon.Default)
            : LostFiles.ReadTaxonomy(s.Taxonomy);
        TextReasonTagger tagger;
        try
        {
            tagger = new TextReasonTagger(words.Taxonomy, words.Lexicon);
        }
        catch (ArgumentException e)
        {
            throw CliException.FromArgument(e, s.Taxonomy);
        }

        LostRules? rules = s.Rules is null ? null : LostFiles.ReadRules(s.Rules, words.Taxonomy);
        List<Row> rows = Read(s, rules, tagger);
        var reasons = rows.Select(r => r.Reasons).ToList();
        Dictionary<string, Row> byId = rows.ToDictionary(r => r.Reasons.Id, StringComparer.Ordinal);

        ReasonParetoReport pareto = s.ValueColumn is null
            ? ReasonReport.Pareto(reasons, words.Taxonomy, s.Level)
            : ReasonReport.Pareto(reasons, id => byId[id].Value, words.Taxonomy, s.Level);
        ReasonCrossTab<string>? bySegment = s.SegmentColumn is null
            ? null
            : ReasonReport.BySegment(reasons, id => byId[id].Segment!, words.Taxonomy, s.Level, s.ValueColumn is null ? null : id => byId[id].Value, StringComparer.Ordinal);

        Print(s, pareto, bySegment, console);
        if (s.Output is not null)
        {
            int written = Write(s.Output, reasons, words.Taxonomy);
            console.WriteLine(string.Format(CultureInfo.InvariantCulture, "Wrote {0:N0} rows to {1}", written, CliContext.Describe(s.Output)));
        }

        return new LostRun(reasons, words.Taxonomy, pareto, bySegment);
    }

    private static List<Row> Read(LostSettings s, LostRules? rules, TextReasonTagger tagger)
    {
        string path = s.Input;
        using IEnumerator<(long Line, string[] Fields)> records = CsvInput.ReadRecords(path).GetEnumerator();
        string[] header = CsvInput.ReadHeader(records, path);
        int id = CsvInput.FindColumn(header, s.IdColumn, path, "--id-column");
        int notes = s.NotesColumn is null ? -1 : CsvInput.FindColumn(header, s.NotesColumn, path, "--notes-column");
        int value = s.ValueColumn is null ? -1 : CsvInput.FindColumn(header, s.ValueColumn, path, "--value-column");
        int segment = s.SegmentColumn is null ? -1 : CsvInput.FindColumn(header, s.SegmentColumn, path, "--segment-column");
        int[] signals = [];
        SignalRecord? record = null;
        if (rules is not null)
        {
            signals = new int[rules.Columns.Count];
            for (int k = 0; k < signals.Length; k++)
            {
                string where = string.Format(CultureInfo.InvariantCulture, "\"column\" of $.fields[{0}] in {1}", k, s.Rules);
                signals[k] = CsvInput.FindColumn(header, rules.Columns[k], path, where);
            }

            record = rules.Rules.CreateRecord();
        }

        int needed = new[] { id, notes, value, segment }.Concat(signals).Max();
        var rows = new List<Row>();
        var lines = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach ((long line, string[] f) in CsvInput.DataRecords(records, needed, header.Length, path))
        {
            string customer = f[id].Trim();
            if (customer.Length == 0)
            {
                throw new CliException($"{path}: line {line}, column '{s.IdColumn}': the customer id is empty.");
            }

            if (!lines.TryAdd(customer, line))
            {
                throw new CliException($"{path}: customer id '{customer}' appears on line {lines[customer]} and again on line {line}; give one row per lost customer or deal.");
            }

            double lost = 0;
            if (value >= 0)
            {
                string raw = f[value].Trim();
                if (!CliContext.Current.TryParseDouble(raw, out lost) || !double.IsFinite(lost) || lost < 0)
                {
                    throw new CliException($"{path}: line {line}, column '{s.ValueColumn}': '{raw}' is not a lost value (a finite number ≥ 0; {CliContext.Current.NumberRule}).");
                }
            }

            string? segmentName = null;
            if (segment >= 0)
            {
                segmentName = f[segment].Trim();
                if (segmentName.Length == 0)
                {
                    throw new CliException($"{path}: line {line}, column '{s.SegmentColumn}': the segment is empty; give every row a segment (or a name such as 'unknown').");
                }
            }

            IReadOnlyList<ReasonTag> tags = notes >= 0 && !string.IsNullOrWhiteSpace(f[notes]) ? tagger.Tag(f[notes]) : [];
            if (rules is not null)
            {
                record!.Clear();
                for (int k = 0; k < signals.Length; k++)
                {
                    Fill(record, rules.Rules.Schema[k], f[signals[k]].Trim(), path, line, rules.Columns[k]);
                }

                tags = ReasonTagMerge.Combine(tags, rules.Rules.Evaluate(record));
            }

            rows.Add(new Row(new CustomerReasons<string>(customer, tags), lost, segmentName));
        }

        return rows;
    }

    private static void Fill(SignalRecord record, SignalField field, string raw, string path, long line, string column)
    {
        if (raw.Length == 0)
        {
            // An empty cell is a missing signal: no condition on it holds.
            return;
        }

        switch (field.Type)
        {
            case SignalType.Number:
                if (!CliContext.Current.TryParseDouble(raw, out double number) || !double.IsFinite(number))
                {
                    throw new CliException($"{path}: line {line}, column '{column}': '{raw}' is not a finite number (field '{field.Name}'; {CliContext.Current.NumberRule}; an empty cell is a missing value).");
                }

                try
                {
                    record.Set(field.Name, number);
                }
                catch (ArgumentException e)
                {
                    // Outside the field's declared range.
                    throw new CliException($"{path}: line {line}, column '{column}': {CliException.OneLine(e)}", e);
                }

                break;
            case SignalType.Boolean:
                bool? flag = raw.ToUpperInvariant() switch
                {
                    "TRUE" or "YES" or "Y" or "1" => true,
                    "FALSE" or "NO" or "N" or "0" => false,
                    _ => null,
                };
                record.Set(field.Name, flag ?? throw new CliException($"{path}: line {line}, column '{column}': '{raw}' is not a yes/no value (field '{field.Name}'; use true/false, yes/no or 1/0; an empty cell is a missing value)."));
                break;
            default:
                try
                {
                    record.Set(field.Name, raw);
                }
                catch (ArgumentException e)
                {
                    throw new CliException($"{path}: line {line}, column '{column}': {CliException.OneLine(e)}", e);
                }

                break;
        }
    }

    private static void Print(LostSettings s, ReasonParetoReport pareto, ReasonCrossTab<string>? bySegment, TextWriter console)
    {
        CultureInfo c = CultureInfo.InvariantCulture;
        console.WriteLine(string.Format(c, "Lost-customer reasons in {0} ({1} level)", s.Input, s.Level == ReasonLevel.Family ? "family" : "reason code"));
        console.WriteLine(string.Format(c, "  customers read      {0,12:N0}", pareto.CustomerCount));
        console.WriteLine(string.Format(c, "  with a reason       {0,12:N0}", pareto.TaggedCount));
        console.WriteLine(string.Format(c, "  untagged            {0,12:N0}  ({1:P1}; reported, never counted as \"other\")", pareto.UntaggedCount, pareto.UntaggedShare));
        console.WriteLine();
        console.WriteLine("Reason Pareto by count (a customer with several reasons counts once for each):");
        WritePareto(pareto.ByCount, byValue: false, console);
        if (pareto.HasValues)
        {
            console.WriteLine();
            console.WriteLine(string.Format(c, "Reason Pareto by lost value (total {0}; a customer's value is split equally among its reasons; untagged {1}):", SummaryTable.Amount(pareto.TotalValue!.Value), SummaryTable.Amount(pareto.UntaggedValue!.Value)));
            WritePareto(pareto.ByValue, byValue: true, console);
        }

        if (bySegment is not null)
        {
            console.WriteLine();
            console.WriteLine("Customers by segment and reason:");
            var sb = new StringBuilder();
            sb.Append(TextWidth.PadRight("segment", 16)).Append(string.Format(c, " {0,9}", "customers"));
            foreach (ReasonDefinition reason in bySegment.Reasons)
            {
                sb.Append(string.Format(c, " {0,12}", Shorten(reason.Code, 12)));
            }

            sb.Append(string.Format(c, " {0,9}", "untagged"));
            console.WriteLine(sb.ToString());
            foreach (ReasonSegmentRow<string> row in bySegment.Rows)
            {
                sb.Clear();
                sb.Append(TextWidth.PadRight(row.Segment, 16)).Append(string.Format(c, " {0,9:N0}", row.CustomerCount));
                foreach (int count in row.Counts)
                {
                    sb.Append(string.Format(c, " {0,12:N0}", count));
                }

                sb.Append(string.Format(c, " {0,9:N0}", row.UntaggedCount));
                console.WriteLine(sb.ToString());
            }
        }

    }

    private static void WritePareto(IReadOnlyList<ReasonParetoLine> lines, bool byValue, TextWriter console)
    {
        CultureInfo c = CultureInfo.InvariantCulture;
        console.WriteLine(string.Format(c, "  {0,-4} {1}{2}{3,14} {4,8} {5,8}  {6,5}", "rank", TextWidth.PadRight("reason", 34) + " ", TextWidth.PadRight("原因", 18), byValue ? "value" : "customers", "share", "cum.", "class"));
        foreach (ReasonParetoLine line in lines)
        {
            string amount = byValue ? SummaryTable.Amount(line.Value ?? 0) : line.Count.ToString("N0", c);
            double share = byValue ? line.ValueShare ?? 0 : line.CountShare;
            double cumulative = byValue ? line.CumulativeValueShare ?? 0 : line.CumulativeCountShare;
            console.WriteLine(string.Format(c, "  {0,-4} {1}{2}{3,14} {4,8:P1} {5,8:P1}  {6,5}", line.Rank, TextWidth.PadRight(line.Code + " " + line.Reason.EnglishName, 34) + " ", TextWidth.PadRight(line.Reason.ChineseName, 18), amount, share, cumulative, line.ClassLabel));
        }
    }

    private static string Shorten(string text, int width) => text.Length <= width ? text : text[..(width - 1)] + "…";

    /// <summary>
    /// customer_id,reason,family,reason_en,reason_zh,confidence,evidence: one row per (customer, reason),
    /// the evidence as "phrase '太贵' at 12" or "rule 'gap' (price_gap_percent 12.5 > 10)" joined by " | ";
    /// an untagged customer gets one row with empty reason and the evidence "untagged".
    /// </summary>
    public static int Write(string path, IReadOnlyList<CustomerReasons<string>> reasons, ReasonTaxonomy taxonomy)
    {
        int rows = 0;
        AtomicFile.WriteTable(path, ["customer_id", "reason", "family", "reason_en", "reason_zh", "evidence"], w =>
        {
            w.WriteLine("customer_id,reason,family,reason_en,reason_zh,confidence,evidence");
            foreach (CustomerReasons<string> customer in reasons)
            {
                if (customer.IsUntagged)
                {
                    w.Write(Csv.Field(customer.Id));
                    w.WriteLine(",,,,,,untagged");
                    rows++;
                    continue;
                }

                foreach (ReasonTag tag in customer.Reasons)
                {
                    ReasonDefinition reason = taxonomy[tag.Code];
                    w.Write(Csv.Field(customer.Id));
                    w.Write(',');
                    w.Write(Csv.Field(reason.Code));
                    w.Write(',');
                    w.Write(Csv.Field(reason.Family));
                    w.Write(',');
                    w.Write(Csv.Field(reason.EnglishName));
                    w.Write(',');
                    w.Write(Csv.Field(reason.ChineseName));
                    w.Write(',');
                    w.Write(tag.Confidence.ToString("0.######", CultureInfo.InvariantCulture));
                    w.Write(',');
                    w.WriteLine(Csv.Field(string.Join(" | ", tag.Evidence.Select(Describe))));
                    rows++;
                }
            }
        });
        return rows;
    }

    private static string Describe(ReasonEvidence e) => e.Source == ReasonSource.Phrase
        ? string.Format(CultureInfo.InvariantCulture, "phrase '{0}' at {1}: \"{2}\"", e.Name, e.Position, e.Detail)
        : string.Format(CultureInfo.InvariantCulture, "rule '{0}' ({1})", e.Name, e.Detail);

    private sealed record Row(CustomerReasons<string> Reasons, double Value, string? Segment);
}
