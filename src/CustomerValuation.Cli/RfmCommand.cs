using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using CustomerValuation.Rfm;

namespace CustomerValuation.Cli;

/// <summary>Settings of the <c>rfm</c> command.</summary>
internal sealed record RfmSettings(
    string Transactions,
    string CustomerColumn,
    string DateColumn,
    string? AmountColumn,
    string? QuantityColumn,
    string? PriceColumn,
    string? OrderColumn,
    string? ExcludeOrderPrefix,
    string AsOf,
    string Method,
    int Bins,
    string? Segments,
    string FallbackSegment,
    string? RecencyThresholds,
    string? FrequencyThresholds,
    string? MonetaryThresholds,
    string? FrequencyBasis,
    string MonetaryBasis,
    string NonPositive,
    string FutureLines,
    string Duplicates,
    string? Output);

/// <summary>The <c>rfm</c> command: transaction lines → features → scores, cells and segments.</summary>
internal static class RfmCommand
{
    public static RfmResult<string> Run(RfmSettings s, TextWriter console)
    {
        if (s.Output is not null && string.IsNullOrWhiteSpace(s.Output))
        {
            throw new CliException("--output needs a file name.");
        }

        bool byAmount = s.AmountColumn is not null;
        if (byAmount == (s.QuantityColumn is not null || s.PriceColumn is not null) || (!byAmount && (s.QuantityColumn is null || s.PriceColumn is null)))
        {
            throw new CliException("Give either --amount-column, or both --quantity-column and --price-column.");
        }

        DateTime asOf = ParseAsOf(s.AsOf);
        RfmFrequencyBasis frequencyBasis = s.FrequencyBasis switch
        {
            null => s.OrderColumn is null ? RfmFrequencyBasis.DistinctDays : RfmFrequencyBasis.DistinctOrders,
            "orders" => RfmFrequencyBasis.DistinctOrders,
            _ => RfmFrequencyBasis.DistinctDays,
        };
        if (frequencyBasis == RfmFrequencyBasis.DistinctOrders && s.OrderColumn is null)
        {
            throw new CliException("--frequency orders counts distinct orders and needs --order-column.");
        }

        if (s.ExcludeOrderPrefix is not null && s.OrderColumn is null)
        {
            throw new CliException("--exclude-order-prefix needs --order-column.");
        }

        var transactionOptions = new RfmTransactionOptions(
            asOf,
            frequencyBasis,
            s.MonetaryBasis == "mean" ? RfmMonetaryBasis.MeanPerPurchase : RfmMonetaryBasis.Sum,
            s.NonPositive == "net" ? RfmNonPositivePolicy.Net : RfmNonPositivePolicy.Exclude,
            s.FutureLines == "reject" ? RfmFutureLinePolicy.Reject : RfmFutureLinePolicy.Exclude,
            s.ExcludeOrderPrefix,
            s.Duplicates == "remove" ? RfmDuplicatePolicy.Remove : RfmDuplicatePolicy.Keep);
        RfmScoringOptions scoring = BuildScoring(s);
        RfmSegmentTable? table = LoadSegments(s, console);

        RfmFeatureSet<string> features = Aggregate(s, transactionOptions, byAmount);
        RfmAggregationReport report = features.Report;
        CultureInfo c = CultureInfo.InvariantCulture;
        console.WriteLine($"RFM of {s.Transactions} as of {asOf:yyyy-MM-dd}");
        console.WriteLine(string.Format(c, "  lines read                    {0,12:N0}", report.LinesRead));
        console.WriteLine(string.Format(c, "  removed: no customer id       {0,12:N0}", report.LinesWithoutCustomer));
        console.WriteLine(string.Format(c, "  removed: after the as-of date {0,12:N0}", report.LinesAfterAsOf));
        console.WriteLine(string.Format(c, "  removed: cancelled orders     {0,12:N0}{1}", report.CancelledLines, s.ExcludeOrderPrefix is null ? "  (no --exclude-order-prefix)" : $"  (order id starts with '{s.ExcludeOrderPrefix}')"));
        console.WriteLine(string.Format(c, "  removed: amount not positive  {0,12:N0}{1}", report.NonPositiveLinesExcluded, transactionOptions.NonPositiveAmounts == RfmNonPositivePolicy.Net ? "  (--non-positive net)" : string.Empty));
        if (transactionOptions.NonPositiveAmounts == RfmNonPositivePolicy.Net)
        {
            console.WriteLine(string.Format(c, "  netted (not purchases)        {0,12:N0}", report.NonPositiveLinesNetted));
        }

        console.WriteLine(string.Format(c, "  removed: exact duplicates     {0,12:N0}{1}", report.DuplicateLinesRemoved, transactionOptions.Duplicates == RfmDuplicatePolicy.Keep ? "  (kept: --duplicates keep)" : string.Empty));
        console.WriteLine(string.Format(c, "  purchase lines counted        {0,12:N0}", report.PurchaseLines));
        console.WriteLine(string.Format(c, "  customers                     {0,12:N0}{1}", report.Customers, report.CustomersWithoutPurchase > 0 ? string.Format(c, "  (and {0:N0} ids seen only on removed lines)", report.CustomersWithoutPurchase) : string.Empty));
        console.WriteLine(string.Format(c, "  total monetary                {0,12}", report.TotalAmount.ToString(c)));
        console.WriteLine();

        RfmResult<string> result;
        try
        {
            result = RfmScorer.Score(features, scoring, table);
        }
        catch (ArgumentException e)
        {
            throw CliException.FromArgument(e, s.Transactions);
        }

        console.Write(FormatSummary(result.Summary));
        if (table is not null)
        {
            console.WriteLine();
            console.Write(FormatSegments(result));
        }

        if (s.Output is not null)
        {
            WriteCustomers(s.Output, result, features);
            console.WriteLine($"Wrote {result.Customers.Count:N0} rows to {s.Output}");
        }

        return result;
    }

    public static string FormatSummary(RfmScoringSummary summary)
    {
        CultureInfo c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        int n = summary.Options.ScoreCount;
        sb.Append(string.Format(c, "{0,-10} {1,-22}", "dimension", "method"));
        for (int score = n; score >= 1; score--)
        {
            sb.Append(string.Format(c, " {0,7}", "s=" + score.ToString(c)));
        }

        sb.AppendLine();
        foreach (RfmDimensionSummary d in new[] { summary.Recency, summary.Frequency, summary.Monetary })
        {
            sb.Append(string.Format(c, "{0,-10} {1,-22}", d.Dimension, Truncate(d.Scoring.ToString(), 22)));
            for (int score = n; score >= 1; score--)
            {
                sb.Append(string.Format(c, " {0,7:N0}", d.CountPerScore[score - 1]));
            }

            sb.AppendLine();
        }

        foreach (RfmDimensionSummary d in new[] { summary.Recency, summary.Frequency, summary.Monetary })
        {
            sb.Append(string.Format(c, "{0} edges: {1}", d.Dimension, string.Join(", ", d.Edges.Select(e => e.ToString("0.###", c)))));
            if (d.DuplicateEdges.Count > 0)
            {
                sb.Append(string.Format(c, "; duplicate edges at {0}", string.Join(", ", d.DuplicateEdges)));
            }

            if (d.MissingScores.Count > 0)
            {
                sb.Append(string.Format(c, "; no customer has score {0}", string.Join(", ", d.MissingScores)));
            }

            sb.AppendLine();
        }

        return sb.ToString();
    }

    public static string FormatSegments<TId>(RfmResult<TId> result)
    {
        CultureInfo c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        int total = result.Customers.Count;
        sb.AppendLine(string.Format(c, "{0,-22} {1,10} {2,8}", "segment", "customers", "share"));
        foreach (KeyValuePair<string, int> p in result.SegmentCounts)
        {
            sb.AppendLine(string.Format(c, "{0,-22} {1,10:N0} {2,8:P1}", p.Key, p.Value, (double)p.Value / total));
        }

        return sb.ToString();
    }

    public static void WriteCustomers(string path, RfmResult<string> result, RfmFeatureSet<string> features) =>
        AtomicFile.Write(path, w =>
        {
            CultureInfo c = CultureInfo.InvariantCulture;
            w.WriteLine("customer_id,recency_days,frequency,monetary,r,f,m,cell,segment");
            for (int i = 0; i < result.Customers.Count; i++)
            {
                RfmCustomerScore<string> x = result.Customers[i];
                RfmCustomerFeatures<string> f = features[i];
                w.WriteLine(string.Join(
                    ",",
                    Csv.Field(x.Id),
                    f.RecencyDays.ToString(c),
                    f.Frequency.ToString(c),
                    f.Monetary.ToString(c),
                    x.Score.Recency.ToString(c),
                    x.Score.Frequency.ToString(c),
                    x.Score.Monetary.ToString(c),
                    x.Score.CellCode,
                    x.Segment is null ? string.Empty : Csv.Field(x.Segment)));
            }
        });

    private static RfmFeatureSet<string> Aggregate(RfmSettings s, RfmTransactionOptions options, bool byAmount)
    {
        using TextReader text = CsvInput.OpenText(s.Transactions);
        using IEnumerator<(long Line, string[] Fields)> records = CsvInput.ReadRecords(text, s.Transactions).GetEnumerator();
        string[] header = CsvInput.ReadHeader(records, s.Transactions);
        string path = s.Transactions;
        int customer = CsvInput.FindColumn(header, s.CustomerColumn, path, "--customer-column");
        int date = CsvInput.FindColumn(header, s.DateColumn, path, "--date-column");
        int amount = byAmount ? CsvInput.FindColumn(header, s.AmountColumn!, path, "--amount-column") : -1;
        int quantity = byAmount ? -1 : CsvInput.FindColumn(header, s.QuantityColumn!, path, "--quantity-column");
        int price = byAmount ? -1 : CsvInput.FindColumn(header, s.PriceColumn!, path, "--price-column");
        int order = s.OrderColumn is null ? -1 : CsvInput.FindColumn(header, s.OrderColumn, path, "--order-column");
        int needed = new[] { customer, date, amount, quantity, price, order }.Max();
        bool lineKeys = options.Duplicates == RfmDuplicatePolicy.Remove;
        using var accumulator = new RfmFeatureAccumulator<string>(options);
        var lines = new LineMap();
        foreach ((long line, string[] f) in CsvInput.DataRecords(records, needed, header.Length, path))
        {
            lines.Record(line);


            DateTime when = TransactionInput.ParseDate(f[date], path, line, s.DateColumn);
            string id = f[customer].Trim();
            string? orderId = order < 0 ? null : NullIfEmpty(f[order].Trim());
            string? key = lineKeys ? string.Join("\u001f", f) : null;
            try
            {
                if (byAmount)
                {
                    accumulator.Add(id, when, TransactionInput.ParseDecimal(f[amount], path, line, s.AmountColumn!), orderId, key);
                }
                else
                {
                    accumulator.AddLine(id, when, TransactionInput.ParseDecimal(f[quantity], path, line, s.QuantityColumn!), TransactionInput.ParseDecimal(f[price], path, line, s.PriceColumn!), orderId, key);
                }
            }
            catch (ArgumentException e)
            {
                throw LibraryError(path, lines, e);
            }
        }

        try
        {
            return accumulator.ToFeatures();
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            throw LibraryError(path, lines, e);
        }
    }

    /// <summary>A library error turned into the file's own line number, and the library's API names into options.</summary>
    private static CliException LibraryError(string path, LineMap lines, Exception e) =>
        lines.ToCliException(
            path,
            CliException.OneLine(e)
                .Replace("(RfmFrequencyBasis.DistinctDays)", "(--frequency days)", StringComparison.Ordinal)
                .Replace("use RfmFutureLinePolicy.Exclude", "use --future exclude", StringComparison.Ordinal),
            e);

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;

    private static DateTime ParseAsOf(string text) => TransactionInput.ParseOptionDate(text, "--as-of");

    private static RfmScoringOptions BuildScoring(RfmSettings s)
    {
        if (s.Bins is < RfmScoringOptions.MinScoreCount or > RfmScoringOptions.MaxScoreCount)
        {
            throw new CliException($"--bins: {s.Bins} is outside 2 … 10.");
        }

        RfmDimensionScoring quantile = s.Method switch
        {
            "value" => RfmDimensionScoring.ValueBreakpoints,
            "qcut-rank" => RfmDimensionScoring.RankWith(RfmRankBinning.QcutOfRank),
            _ => RfmDimensionScoring.Rank,
        };
        bool fixedMethod = s.Method == "fixed";
        if (fixedMethod && (s.RecencyThresholds is null || s.FrequencyThresholds is null || s.MonetaryThresholds is null))
        {
            throw new CliException("--method fixed needs --recency-thresholds, --frequency-thresholds and --monetary-thresholds (each bins − 1 increasing numbers, e.g. --recency-thresholds 7,30,60,120).");
        }

        try
        {
            return new RfmScoringOptions(
                s.Bins,
                Dimension(s.RecencyThresholds, "--recency-thresholds", quantile),
                Dimension(s.FrequencyThresholds, "--frequency-thresholds", quantile),
                Dimension(s.MonetaryThresholds, "--monetary-thresholds", quantile));
        }
        catch (ArgumentException e)
        {
            throw CliException.FromArgument(e);
        }
    }

    private static RfmDimensionScoring Dimension(string? thresholds, string optionName, RfmDimensionScoring quantile)
    {
        if (thresholds is null)
        {
            return quantile;
        }

        double[] cuts = thresholds.Split(',').Select(part =>
        {
            string trimmed = part.Trim();
            return double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out double v)
                ? v
                : throw new CliException($"{optionName}: '{trimmed}' is not a number.");
        }).ToArray();
        try
        {
            return RfmDimensionScoring.Fixed(cuts);
        }
        catch (ArgumentException e)
        {
            throw CliException.FromArgument(e, optionName);
        }
    }

    private static RfmSegmentTable? LoadSegments(RfmSettings s, TextWriter console)
    {
        string? choice = s.Segments ?? (s.Bins == 5 ? "standard" : null);
        if (choice is not null && !File.Exists(choice) && choice.ToLowerInvariant() is "none" or "standard" or "compact")
        {
            choice = choice.ToLowerInvariant();
        }

        if (choice is null || choice == "none")
        {
            return null;
        }

        if (choice is "standard" or "compact")
        {
            if (s.Bins != 5)
            {
                throw new CliException($"--segments {choice} is written for 5 scores per dimension but --bins is {s.Bins}; use --segments none or a table file for {s.Bins} scores.");
            }

            return RfmSegmentTable.Preset(choice);
        }

        var rules = new List<RfmSegmentRule>();
        using (TextReader text = CsvInput.OpenText(choice))
        {
            using IEnumerator<(long Line, string[] Fields)> records = CsvInput.ReadRecords(text, choice).GetEnumerator();
            if (!records.MoveNext())
            {
                throw new CliException($"Segment file '{choice}' is empty; it needs the header segment,r_low,r_high,f_low,f_high,m_low,m_high.");
            }

            string[] header = records.Current.Fields;
            string[] names = ["segment", "r_low", "r_high", "f_low", "f_high", "m_low", "m_high"];
            int[] at = names.Select(n => CsvInput.FindColumn(header, n, choice, "the segment file's header")).ToArray();
            while (records.MoveNext())
            {
                (long line, string[] f) = records.Current;
                if (f.Length == 1 && f[0].Trim().Length == 0)
                {
                    continue;
                }

                if (f.Length <= at.Max())
                {
                    throw new CliException($"{choice}: line {line} has {f.Length} fields but the header has {header.Length}.");
                }

                int Bound(int k) => int.TryParse(f[at[k]].Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out int v)
                    ? v
                    : throw new CliException($"{choice}: line {line}, column '{names[k]}': '{f[at[k]]}' is not a whole number.");
                try
                {
                    rules.Add(new RfmSegmentRule(f[at[0]].Trim(), Bound(1), Bound(2), Bound(3), Bound(4), Bound(5), Bound(6)));
                }
                catch (ArgumentException e)
                {
                    throw CliException.FromArgument(e, $"{choice}: line {line}");
                }
            }
        }

        RfmSegmentTable table;
        try
        {
            table = new RfmSegmentTable(rules, s.FallbackSegment, s.Bins);
        }
        catch (ArgumentException e)
        {
            throw CliException.FromArgument(e, choice);
        }

        RfmSegmentCoverage coverage = table.CheckCoverage();
        if (coverage.UncoveredCells.Count > 0)
        {
            console.WriteLine($"note: {coverage.UncoveredCells.Count} of {s.Bins * s.Bins * s.Bins} cells match no rule and get '{table.FallbackSegment}' (e.g. {string.Join(", ", coverage.UncoveredCells.Take(5))}).");
        }

        foreach (RfmSegmentRule rule in coverage.UnreachableRules)
        {
            console.WriteLine($"note: rule '{rule}' never matches: earlier rules take all its cells.");
        }

        return table;
    }

    private static string Truncate(string text, int width) => text.Length <= width ? text : text[..(width - 1)] + "…";
}
