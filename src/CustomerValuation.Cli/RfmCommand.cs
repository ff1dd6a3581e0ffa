using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
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
            throw CliException.Usage("--output needs a file name.");
        }

        bool byAmount = s.AmountColumn is not null;
        RfmTransactionOptions transactionOptions = TransactionOptions(s);
        DateTime asOf = transactionOptions.AsOf;
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
            console.WriteLine($"Wrote {result.Customers.Count:N0} rows to {CliContext.Describe(s.Output)}");
        }

        return result;
    }

    /// <summary>The aggregation options of the rfm settings, checked (shared with <c>sql rfm</c>).</summary>
    internal static RfmTransactionOptions TransactionOptions(RfmSettings s)
    {
        bool byAmount = s.AmountColumn is not null;
        if (byAmount == (s.QuantityColumn is not null || s.PriceColumn is not null) || (!byAmount && (s.QuantityColumn is null || s.PriceColumn is null)))
        {
            throw CliException.Usage("Give either --amount-column, or both --quantity-column and --price-column.");
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
            throw CliException.Usage("--frequency orders counts distinct orders and needs --order-column.");
        }

        if (s.ExcludeOrderPrefix is not null && s.OrderColumn is null)
        {
            throw CliException.Usage("--exclude-order-prefix needs --order-column.");
        }

        return new RfmTransactionOptions(
            asOf,
            frequencyBasis,
            s.MonetaryBasis == "mean" ? RfmMonetaryBasis.MeanPerPurchase : RfmMonetaryBasis.Sum,
            s.NonPositive == "net" ? RfmNonPositivePolicy.Net : RfmNonPositivePolicy.Exclude,
            s.FutureLines == "reject" ? RfmFutureLinePolicy.Reject : RfmFutureLinePolicy.Exclude,
            s.ExcludeOrderPrefix,
            s.Duplicates == "remove" ? RfmDuplicatePolicy.Remove : RfmDuplicatePolicy.Keep);
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
        AtomicFile.WriteTable(path, ["customer_id", "cell", "segment"], w =>
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

    /// <summary>
    /// Reads the transaction file and aggregates its lines. Customer ids that all write integers
    /// (as <see cref="long.ToString()"/> does: no leading zeros or '+') are aggregated as numbers,
    /// which is several times faster than text and gives the same order (text ids that are all
    /// integers sort by value); the first other id starts the file again with text ids (for
    /// standard input or a pipe named by a path, which cannot be read twice, text ids are used from
    /// the start). An empty id (an unknown customer, removed and counted) is text too.
    /// </summary>
    private static RfmFeatureSet<string> Aggregate(RfmSettings s, RfmTransactionOptions options, bool byAmount)
    {
        var reader = new RecordReader(CsvInput.OpenBytes(s.Transactions, out bool rereadable), s.Transactions, CliContext.Current.Delimiter);
        if (rereadable)
        {
            RfmFeatureSet<long>? numeric = Aggregate<long>(reader, s, options, byAmount, (ReadOnlySpan<char> text, out long id) => TryCanonicalInteger(text, out id));
            if (numeric is not null)
            {
                string[] ids = new string[numeric.Count];
                for (int i = 0; i < ids.Length; i++)
                {
                    ids[i] = numeric[i].Id.ToString(CultureInfo.InvariantCulture);
                }

                return numeric.WithIds(ids);
            }

            reader = CsvInput.OpenRecords(s.Transactions);
        }

        // One string per distinct customer id, not one per line.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        HashSet<string>.AlternateLookup<ReadOnlySpan<char>> lookup = seen.GetAlternateLookup<ReadOnlySpan<char>>();
        return Aggregate<string>(reader, s, options, byAmount, (ReadOnlySpan<char> text, out string id) =>
        {
            if (!lookup.TryGetValue(text, out string? known))
            {
                known = new string(text);
                seen.Add(known);
            }

            id = known;
            return true;
        })!;
    }

    /// <summary>Turns a customer id's text into an id; false when the text is not one (the caller then starts again with text ids).</summary>
    private delegate bool IdParser<TId>(ReadOnlySpan<char> text, out TId id);

    /// <summary>
    /// Reads the transaction file and aggregates its lines in two stages that overlap: the calling
    /// thread reads and parses lines into batches, and a pool thread adds them to the accumulator in
    /// file order. The result and the errors are those of one thread doing both: a bad line found
    /// while reading is reported only after the lines before it were aggregated without an error.
    /// Null when <paramref name="parseId"/> refuses an id. Reads from <paramref name="records"/>, opened
    /// on the transaction file, and disposes it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static RfmFeatureSet<TId>? Aggregate<TId>(RecordReader records, RfmSettings s, RfmTransactionOptions options, bool byAmount, IdParser<TId> parseId)
        where TId : notnull
    {
        using RecordReader reader = records;
        string path = s.Transactions;
        CliContext context = CliContext.Current;
        string[] header = reader.Read()
            ? reader.Strings()
            : throw new CliException($"Input file '{path}' is empty; it needs a header line naming the columns.");
        int customer = CsvInput.FindColumn(header, s.CustomerColumn, path, "--customer-column");
        int date = CsvInput.FindColumn(header, s.DateColumn, path, "--date-column");
        int amount = byAmount ? CsvInput.FindColumn(header, s.AmountColumn!, path, "--amount-column") : -1;
        int quantity = byAmount ? -1 : CsvInput.FindColumn(header, s.QuantityColumn!, path, "--quantity-column");
        int price = byAmount ? -1 : CsvInput.FindColumn(header, s.PriceColumn!, path, "--price-column");
        int order = s.OrderColumn is null ? -1 : CsvInput.FindColumn(header, s.OrderColumn, path, "--order-column");
        int needed = new[] { customer, date, amount, quantity, price, order }.Max();
        bool lineKeys = options.Duplicates == RfmDuplicatePolicy.Remove;
        var lines = new LineMap();
        using var accumulator = new RfmFeatureAccumulator<TId>(options);
        using var aggregation = new AggregationStage<TId>(accumulator, byAmount, lineKeys);

        // One string per order while consecutive lines share it (an export lists an order's lines
        // together), not one per line.
        string? lastOrder = null;
        LineBatch<TId> batch = aggregation.Rent();
        try
        {
            while (reader.Read())
            {
                if (reader.FieldCount <= needed)
                {
                    if (reader.IsBlank)
                    {
                        continue;
                    }

                    throw new CliException($"{path}: line {reader.Line} has {reader.FieldCount} fields but the header has {header.Length}.");
                }

                long line = reader.Line;
                lines.Record(line);
                DateTime when = TransactionInput.ParseDate(reader.Chars(date), path, line, s.DateColumn);
                ReadOnlySpan<char> idText = reader.Chars(customer).Trim();
                if (!parseId(idText, out TId id))
                {
                    return null;
                }

                string? orderId = null;
                if (order >= 0)
                {
                    ReadOnlySpan<char> orderText = reader.Chars(order).Trim();
                    if (orderText.Length > 0)
                    {
                        if (lastOrder is null || !orderText.SequenceEqual(lastOrder))
                        {
                            lastOrder = new string(orderText);
                        }

                        orderId = lastOrder;
                    }
                }

                decimal first = TransactionInput.ParseDecimal(reader.Chars(byAmount ? amount : quantity), path, line, byAmount ? s.AmountColumn! : s.QuantityColumn!, context);
                decimal unitPrice = byAmount ? 0m : TransactionInput.ParseDecimal(reader.Chars(price), path, line, s.PriceColumn!, context);
                int k = batch.Count++;
                batch.Ids[k] = id;
                batch.Timestamps[k] = when;
                batch.Orders[k] = orderId;
                batch.Amounts[k] = first;
                if (!byAmount)
                {
                    batch.Prices![k] = unitPrice;
                }

                if (lineKeys)
                {
                    batch.Keys![k] = string.Join("\u001f", reader.Strings());
                }

                if (batch.Count == LineBatch<TId>.Capacity)
                {
                    aggregation.Post(batch);
                    batch = aggregation.Rent();
                }
            }

            aggregation.Post(batch);
        }
        catch (CliException)
        {
            // The lines before the bad one come first: an error among them is the one to report,
            // including a customer's total beyond decimal, which the accumulator finds only when it
            // applies its pending lines.
            aggregation.Post(batch);
            ThrowIfFailed(aggregation.Complete(), path, lines);
            ThrowIfFailed(PendingLineError(accumulator), path, lines);
            throw;
        }

        ThrowIfFailed(aggregation.Complete(), path, lines);

        try
        {
            return accumulator.ToFeatures();
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            throw LibraryError(path, lines, e);
        }
    }

    /// <summary>
    /// An integer written as <see cref="long.ToString()"/> writes it (no sign but '-', no leading
    /// zeros, at most 18 digits): such text and its value identify each other.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static bool TryCanonicalInteger(ReadOnlySpan<char> text, out long value)
    {
        value = 0;
        int i = text.Length > 0 && text[0] == '-' ? 1 : 0;
        int digits = text.Length - i;
        if (digits is < 1 or > 18 || (text[i] == '0' && (digits > 1 || i == 1)))
        {
            return false;
        }

        for (; i < text.Length; i++)
        {
            char ch = text[i];
            if (ch is < '0' or > '9')
            {
                return false;
            }

            value = (value * 10) + (ch - '0');
        }

        if (text[0] == '-')
        {
            value = -value;
        }

        return true;
    }

    /// <summary>
    /// The error of a line among those the accumulator has not applied yet (a customer's total beyond
    /// decimal, naming the line), found by applying them; null when there is none. The total of all
    /// customers going beyond decimal is no line's error and is left to the end.
    /// </summary>
    private static ArgumentOutOfRangeException? PendingLineError<TId>(RfmFeatureAccumulator<TId> accumulator)
        where TId : notnull
    {
        try
        {
            _ = accumulator.Report;
            return null;
        }
        catch (ArgumentOutOfRangeException e)
        {
            return e;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private static void ThrowIfFailed(Exception? error, string path, LineMap lines)
    {
        if (error is ArgumentException or InvalidOperationException)
        {
            throw LibraryError(path, lines, error);
        }

        if (error is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(error);
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

    private static DateTime ParseAsOf(string text) => TransactionInput.ParseOptionDate(text, "--as-of");

    internal static RfmScoringOptions BuildScoring(RfmSettings s)
    {
        if (s.Bins is < RfmScoringOptions.MinScoreCount or > RfmScoringOptions.MaxScoreCount)
        {
            throw CliException.Usage($"--bins: {s.Bins} is outside 2 … 10.");
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
            throw CliException.Usage("--method fixed needs --recency-thresholds, --frequency-thresholds and --monetary-thresholds (each bins − 1 increasing numbers, e.g. --recency-thresholds 7,30,60,120).");
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
            throw CliException.FromArgument(e, usage: true);
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
                : throw CliException.Usage($"{optionName}: '{trimmed}' is not a number.");
        }).ToArray();
        try
        {
            return RfmDimensionScoring.Fixed(cuts);
        }
        catch (ArgumentException e)
        {
            throw CliException.FromArgument(e, optionName, usage: true);
        }
    }

    internal static RfmSegmentTable? LoadSegments(RfmSettings s, TextWriter console)
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
                throw CliException.Usage($"--segments {choice} is written for 5 scores per dimension but --bins is {s.Bins}; use --segments none or a table file for {s.Bins} scores.");
            }

            return RfmSegmentTable.Preset(choice);
        }

        var rules = new List<RfmSegmentRule>();
        {
            using IEnumerator<(long Line, string[] Fields)> records = CsvInput.ReadRecords(choice, FieldDelimiter.Comma).GetEnumerator();
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
