using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using CustomerValuation.Tiering;

namespace CustomerValuation.Cli;

/// <summary>Settings of the <c>tier</c> command.</summary>
internal sealed record TierSettings(string Input, string Scorecard, string IdColumn, string? Output);

/// <summary>The <c>tier</c> command: one row per customer → weighted-scorecard scores, contributions and tiers.</summary>
internal static class TierCommand
{
    public static ScorecardResult<string> Run(TierSettings s, TextWriter console)
    {
        if (s.Output is not null && string.IsNullOrWhiteSpace(s.Output))
        {
            throw CliException.Usage("--output needs a file name.");
        }

        ScorecardDefinition card = ScorecardFile.Read(s.Scorecard);
        List<Customer> customers = ReadCustomers(s, card);

        ScorecardResult<string> result;
        try
        {
            result = ScorecardScorer.Score(customers, c => c.Id, c => c.Values, card.Scorecard, card.Tiers);
        }
        catch (ArgumentException e)
        {
            throw LibraryError(s, card, customers, e);
        }

        Print(s, card, result, console);
        if (s.Output is not null)
        {
            WriteCustomers(s.Output, result, customers);
            console.WriteLine(string.Format(CultureInfo.InvariantCulture, "Wrote {0:N0} rows to {1}", result.Count, CliContext.Describe(s.Output)));
        }

        return result;
    }

    private static List<Customer> ReadCustomers(TierSettings s, ScorecardDefinition card)
    {
        string path = s.Input;
        using IEnumerator<(long Line, string[] Fields)> records = CsvInput.ReadRecords(path).GetEnumerator();
        string[] header = CsvInput.ReadHeader(records, path);
        int id = CsvInput.FindColumn(header, s.IdColumn, path, "--id-column");
        int k = card.Columns.Count;
        var columns = new int[k];
        for (int j = 0; j < k; j++)
        {
            string where = string.Format(CultureInfo.InvariantCulture, "\"column\" at $.criteria[{0}].column in {1}", j, s.Scorecard);
            columns[j] = CsvInput.FindColumn(header, card.Columns[j], path, where);
        }

        int needed = Math.Max(id, k == 0 ? 0 : columns.Max());
        bool reject = card.Scorecard.MissingValues == MissingValuePolicy.Reject;
        var customers = new List<Customer>();
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
                throw new CliException($"{path}: customer id '{customer}' appears on line {lines[customer]} and again on line {line}; ids must be unique.");
            }

            var values = new double?[k];
            for (int j = 0; j < k; j++)
            {
                string raw = f[columns[j]].Trim();
                string column = card.Columns[j];
                if (raw.Length == 0)
                {
                    if (reject)
                    {
                        throw new CliException($"{path}: line {line}, column '{column}': the value is missing and \"missing\" is \"reject\" in {s.Scorecard}; fill it in, or set \"missing\" to \"substitute\" or \"renormalize\".");
                    }

                    continue;
                }

                if (!CliContext.Current.TryParseDouble(raw, out double value) || !double.IsFinite(value))
                {
                    throw new CliException($"{path}: line {line}, column '{column}': '{raw}' is not a finite number (use a dot as the decimal separator, no thousands separators; leave the cell empty for a missing value).");
                }

                values[j] = value;
            }

            customers.Add(new Customer(line, customer, values));
        }

        return customers;
    }

    /// <summary>
    /// The library names a customer by id ("Customer 'K7': …"): add the file's line, and for a score
    /// beyond the last threshold tier the JSON path of that tier's bound.
    /// </summary>
    private static CliException LibraryError(TierSettings s, ScorecardDefinition card, List<Customer> customers, ArgumentException e)
    {
        string message = CliException.OneLine(e);

        // The id may itself hold quotes and spaces ("x' y"), so match the known ids, longest first,
        // rather than parse the id out of the message.
        Customer? named = null;
        int prefixLength = 0;
        foreach (Customer candidate in customers)
        {
            string prefix = "Customer '" + candidate.Id + "'";
            if (message.StartsWith(prefix, StringComparison.Ordinal)
                && message.Length > prefix.Length
                && (message[prefix.Length] == ' ' || message[prefix.Length] == ':')
                && prefix.Length > prefixLength)
            {
                named = candidate;
                prefixLength = prefix.Length;
            }
        }

        if (named is not null)
        {
            message = string.Format(CultureInfo.InvariantCulture, "line {0} (customer '{1}'){2}", named.Line, named.Id, message[prefixLength..]);
        }

        if (card.TiersPath is not null && card.Tiers is not null && message.Contains("the last tier", StringComparison.Ordinal))
        {
            message += string.Format(CultureInfo.InvariantCulture, " ({0}: {1}[{2}].bound)", s.Scorecard, card.TiersPath, card.Tiers.Tiers.Count - 1);
        }

        return new CliException($"{s.Input}: {message}", e);
    }

    private static void Print(TierSettings s, ScorecardDefinition card, ScorecardResult<string> result, TextWriter console)
    {
        CultureInfo c = CultureInfo.InvariantCulture;
        Scorecard scorecard = card.Scorecard;
        int k = scorecard.Criteria.Count;
        int needed = (int)Math.Ceiling((scorecard.MinimumCriteriaShare * k) - 1e-9);
        string policy = scorecard.MissingValues switch
        {
            MissingValuePolicy.Substitute => "substitute",
            MissingValuePolicy.RenormalizeWeights => "renormalize",
            _ => "reject",
        };
        console.WriteLine(string.Format(c, "Scorecard tiering of {0} with {1} (missing values: {2}, scale {3})", s.Input, s.Scorecard, policy, scorecard.Scale));
        console.WriteLine(string.Format(c, "  customers read      {0,12:N0}", result.Count));
        console.WriteLine(string.Format(c, "  scored              {0,12:N0}", result.ScoredCount));
        console.WriteLine(string.Format(c, "  too few criteria    {0,12:N0}  (fewer than {1} of {2} criteria present)", result.TooFewCriteriaCount, needed, k));
        console.WriteLine();

        console.WriteLine(string.Format(c, "{0,-20} {1,-20} {2,-9} {3,8}  {4}", "criterion", "column", "direction", "weight", "normalisation"));
        for (int j = 0; j < k; j++)
        {
            Criterion criterion = scorecard.Criteria[j];
            console.WriteLine(string.Format(
                c,
                "{0,-20} {1,-20} {2,-9} {3,8:F4}  {4}",
                criterion.Name,
                card.Columns[j],
                criterion.Direction == CriterionDirection.LowerIsBetter ? "lower" : "higher",
                scorecard.Weights[j],
                criterion.Normalization));
        }

        if (card.Ahp is AhpResult ahp)
        {
            console.WriteLine(string.Format(c, "Weights from the AHP matrix: consistency ratio {0:F4} (limit {1:F4}), λmax {2:F4}, CI {3:F4}, RI {4:F2}", ahp.ConsistencyRatio, ahp.ConsistencyLimit, ahp.PrincipalEigenvalue, ahp.ConsistencyIndex, ahp.RandomIndex));
        }

        if (result.TierRule is TierRule rule)
        {
            console.WriteLine();
            string kind = card.TiersPath ?? string.Empty;
            console.WriteLine(string.Format(c, "{0,-12} {1,12} {2,8}  {3}", "tier", "customers", "share", kind.EndsWith("quotas", StringComparison.Ordinal) ? "quota" : "bound"));
            for (int t = 0; t < result.TierCounts.Count; t++)
            {
                TierCount count = result.TierCounts[t];
                double bound = rule.Tiers[t].Bound;
                string describe = kind.EndsWith("quotas", StringComparison.Ordinal) ? bound.ToString("P1", c)
                    : kind.EndsWith("atMost", StringComparison.Ordinal) ? "score ≤ " + bound.ToString("R", c)
                    : "score ≥ " + bound.ToString("R", c);
                console.WriteLine(string.Format(c, "{0,-12} {1,12:N0} {2,8:P1}  {3}", count.Tier, count.Count, result.ScoredCount == 0 ? 0 : (double)count.Count / result.ScoredCount, describe));
            }

            console.WriteLine("Shares are of the customers scored.");
        }
    }

    /// <summary>
    /// customer_id,status,score,tier,contribution_&lt;name&gt;…: numbers invariant round-trip; empty
    /// score, tier and contributions for a customer not scored, and an empty contribution for a
    /// criterion left out of a customer's score (missing under renormalize).
    /// </summary>
    public static void WriteCustomers(string path, ScorecardResult<string> result, List<Customer> customers) =>
        AtomicFile.WriteTable(path, ["customer_id", "status", "tier"], w =>
        {
            IReadOnlyList<Criterion> criteria = result.Scorecard.Criteria;
            bool renormalize = result.Scorecard.MissingValues == MissingValuePolicy.RenormalizeWeights;
            w.Write("customer_id,status,score,tier");
            foreach (Criterion criterion in criteria)
            {
                w.Write(',');
                w.Write(Csv.Field("contribution_" + criterion.Name));
            }

            w.WriteLine();
            for (int i = 0; i < result.Count; i++)
            {
                ScorecardCustomer<string> x = result[i];
                bool scored = x.Status == ScorecardStatus.Scored;
                w.Write(Csv.Field(x.Id));
                w.Write(scored ? ",scored," : ",too_few_criteria,");
                w.Write(x.Score is double score ? Csv.Number(score) : string.Empty);
                w.Write(',');
                w.Write(x.Tier is null ? string.Empty : Csv.Field(x.Tier));
                ReadOnlySpan<double> contributions = x.Contributions.Span;
                for (int j = 0; j < criteria.Count; j++)
                {
                    w.Write(',');
                    if (scored && !(renormalize && customers[i].Values[j] is null))
                    {
                        w.Write(Csv.Number(contributions[j]));
                    }
                }

                w.WriteLine();
            }
        });

    /// <summary>One input row: the file line it starts on, the id and the values in criterion order (null = missing).</summary>
    internal sealed record Customer(long Line, string Id, double?[] Values);
}
