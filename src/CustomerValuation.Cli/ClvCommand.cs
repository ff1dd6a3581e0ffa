using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using CustomerValuation.Lifetime;

namespace CustomerValuation.Cli;

/// <summary>Settings of the <c>clv</c> command (numbers as typed; checked by <see cref="ClvCommand.Run"/>).</summary>
internal sealed record ClvSettings(
    string Transactions,
    string CustomerColumn,
    string DateColumn,
    string? AmountColumn,
    string? QuantityColumn,
    string? PriceColumn,
    string Delimiter,
    bool NoHeader,
    string CalibrationEnd,
    string? HoldoutEnd,
    string Unit,
    string Model,
    string? Horizon,
    string DiscountRate,
    int Top,
    int MaxIterations,
    string? Output);

/// <summary>What the <c>clv</c> command computed (for the demo and the tests).</summary>
internal sealed record ClvResult(
    LifetimeSummarySet<string> Summaries,
    LifetimeFitReport PurchaseReport,
    GammaGammaFit Spend,
    LifetimeValueOptions ValueOptions,
    IReadOnlyList<LifetimePrediction<string>> Predictions);

/// <summary>
/// The <c>clv</c> command: transaction lines → lifetime summaries (x, t_x, T, mean repeat spend) →
/// BG/NBD or Pareto/NBD and Gamma-Gamma fits → probability alive, expected purchases, spend and CLV per customer.
/// </summary>
internal static class ClvCommand
{
    public static ClvResult Run(ClvSettings s, TextWriter console)
    {
        if (s.Output is not null && string.IsNullOrWhiteSpace(s.Output))
        {
            throw CliException.Usage("--output needs a file name.");
        }

        bool byAmount = s.AmountColumn is not null;
        if (byAmount == (s.QuantityColumn is not null || s.PriceColumn is not null) || (!byAmount && (s.QuantityColumn is null || s.PriceColumn is null)))
        {
            throw CliException.Usage("Give either --amount-column, or both --quantity-column and --price-column.");
        }

        Choice(s.Unit, "--unit", "weeks or days (there is no month: a month has no fixed length)", "weeks", "days");
        Choice(s.Model, "--model", "bgnbd or paretonbd", "bgnbd", "paretonbd");
        Choice(s.Delimiter, "--delimiter", "comma, semicolon, tab or whitespace", TransactionInput.DelimiterNames);
        LifetimeTimeUnit unit = s.Unit == "days" ? LifetimeTimeUnit.Days : LifetimeTimeUnit.Weeks;
        DateTime calibrationEnd = TransactionInput.ParseOptionDate(s.CalibrationEnd, "--calibration-end");
        DateTime? holdoutEnd = s.HoldoutEnd is null ? null : TransactionInput.ParseOptionDate(s.HoldoutEnd, "--holdout-end");
        if (holdoutEnd is DateTime h && h <= calibrationEnd)
        {
            throw CliException.Usage($"--holdout-end {h:yyyy-MM-dd} must be after --calibration-end {calibrationEnd:yyyy-MM-dd} (the holdout period is the time after the calibration end).");
        }

        double horizon = s.Horizon is null ? DefaultHorizon(unit) : ParseHorizon(s.Horizon, unit);
        double discountRate = ParseDiscountRate(s.DiscountRate);
        if (s.Top < 0)
        {
            throw CliException.Usage($"--top: {s.Top.ToString(CultureInfo.InvariantCulture)} is negative; give the number of customers to list (0 for none).");
        }

        if (s.MaxIterations < 1)
        {
            throw CliException.Usage($"--max-iterations: {s.MaxIterations.ToString(CultureInfo.InvariantCulture)} must be at least 1.");
        }

        var summaryOptions = new LifetimeSummaryOptions(calibrationEnd, unit, holdoutEnd);
        var valueOptions = new LifetimeValueOptions(horizon, discountRate);
        var fitOptions = new LifetimeFitOptions(s.MaxIterations);
        LifetimeSummarySet<string> summaries = Summarize(s, summaryOptions, byAmount);
        CheckFittable(summaries, s.Transactions);

        CultureInfo c = CultureInfo.InvariantCulture;
        console.WriteLine(string.Format(
            c,
            "CLV of {0}: calibration to {1:yyyy-MM-dd}{2}, times in {3}",
            s.Transactions,
            calibrationEnd,
            holdoutEnd is DateTime end ? string.Format(c, ", holdout to {0:yyyy-MM-dd}", end) : string.Empty,
            UnitName(unit)));
        console.Write(FormatSummaryReport(summaries));
        console.WriteLine();

        (IRepeatPurchaseModel purchases, LifetimeFitReport purchaseReport) = s.Model == "paretonbd"
            ? FitParetoNbd(summaries, fitOptions)
            : FitBgNbd(summaries, fitOptions);
        console.WriteLine(string.Format(c, "Purchase model ({0}; rates per {1}):", purchaseReport.Model, UnitName(unit)[..^1]));
        WriteFit(console, purchaseReport);
        console.WriteLine();

        GammaGammaFit spend = GammaGamma.Fit(summaries, fitOptions);
        console.Write(FormatSpendHeader(summaries, spend));
        WriteFit(console, spend.Report);
        console.WriteLine();

        IReadOnlyList<LifetimePrediction<string>> predictions = Predict(summaries, purchases, spend, valueOptions);
        console.Write(FormatPredictions(summaries, purchases, valueOptions, predictions, s.Top));

        if (s.Output is not null)
        {
            WritePredictions(s.Output, summaries, predictions);
            console.WriteLine(string.Format(c, "Wrote {0:N0} rows to {1} (times in {2}; expected purchases and CLV over {3} {2})", predictions.Count, CliContext.Describe(s.Output), UnitName(unit), Number(horizon)));
        }

        return new ClvResult(summaries, purchaseReport, spend, valueOptions, predictions);
    }

    /// <summary>The amount of a line given as quantity × unit price: a negative quantity or price is a return (a negative amount, removed and counted) whatever the product's sign.</summary>
    /// <exception cref="OverflowException">The product is beyond the range of decimal.</exception>
    public static decimal LineAmount(decimal quantity, decimal unitPrice) => quantity < 0 || unitPrice < 0 ? -1 : quantity * unitPrice;

    /// <summary>One year in the unit: 52 weeks or 365 days.</summary>
    public static double DefaultHorizon(LifetimeTimeUnit unit) => unit == LifetimeTimeUnit.Days ? 365 : 52;

    public static string UnitName(LifetimeTimeUnit unit) => unit == LifetimeTimeUnit.Days ? "days" : "weeks";

    public static (IRepeatPurchaseModel Model, LifetimeFitReport Report) FitBgNbd(LifetimeSummarySet<string> summaries, LifetimeFitOptions options)
    {
        LifetimeFit<BgNbdModel> fit = BgNbd.Fit(summaries, options);
        return (fit.Model, fit.Report);
    }

    public static (IRepeatPurchaseModel Model, LifetimeFitReport Report) FitParetoNbd(LifetimeSummarySet<string> summaries, LifetimeFitOptions options)
    {
        LifetimeFit<ParetoNbdModel> fit = ParetoNbd.Fit(summaries, options);
        return (fit.Model, fit.Report);
    }

    /// <summary>The fit report, and a warning line when the fit did not converge.</summary>
    public static void WriteFit(TextWriter console, LifetimeFitReport report)
    {
        console.Write(report.ToString());
        if (!report.Converged)
        {
            console.WriteLine($"WARNING: the {report.Model} fit did not converge; the figures use the best point found and may be unreliable (see the message above).");
        }
    }

    /// <summary>Every line accounted for, the customers and the repeat buyers.</summary>
    public static string FormatSummaryReport(LifetimeSummarySet<string> summaries)
    {
        CultureInfo c = CultureInfo.InvariantCulture;
        LifetimeSummaryReport r = summaries.Report;
        bool holdout = summaries.Options.HoldoutEnd is not null;
        var sb = new StringBuilder();
        sb.AppendLine(string.Format(c, "  lines read                               {0,12:N0}", r.LinesRead));
        sb.AppendLine(string.Format(c, "  removed: no customer id                  {0,12:N0}", r.LinesWithoutCustomer));
        sb.AppendLine(string.Format(c, "  removed: negative amount (returns)       {0,12:N0}", r.ReturnLines));
        sb.AppendLine(string.Format(c, "  removed: after the {0,-22}{1,12:N0}", holdout ? "holdout end" : "calibration end", r.LinesAfterPeriod));
        if (holdout)
        {
            sb.AppendLine(string.Format(c, "  removed: first purchase in the holdout   {0,12:N0}  ({1:N0} customers, not summarized)", r.HoldoutOnlyLines, r.HoldoutOnlyCustomers));
        }

        sb.AppendLine(string.Format(c, "  purchase lines, calibration period       {0,12:N0}  (zero amounts count: a free item is a visit)", r.CalibrationLines));
        if (holdout)
        {
            sb.AppendLine(string.Format(c, "  purchase lines, holdout period           {0,12:N0}", r.HoldoutLines));
        }

        string firsts = summaries.Count == 0
            ? string.Empty
            : string.Format(c, "  (first purchases {0:yyyy-MM-dd} … {1:yyyy-MM-dd})", summaries.Min(x => x.FirstPurchase), summaries.Max(x => x.FirstPurchase));
        sb.AppendLine(string.Format(c, "  customers                                {0,12:N0}{1}", r.Customers, firsts));
        sb.AppendLine(string.Format(c, "  repeat buyers (x ≥ 1)                    {0,12:N0}  ({1:P1}; x = repeat purchase days after the first)", r.RepeatCustomers, r.Customers == 0 ? 0 : (double)r.RepeatCustomers / r.Customers));
        return sb.ToString();
    }

    /// <summary>Who the spend model was fitted to, and who was left out and why.</summary>
    public static string FormatSpendHeader(LifetimeSummarySet<string> summaries, GammaGammaFit spend)
    {
        CultureInfo c = CultureInfo.InvariantCulture;
        int noRepeat = spend.Exclusions.Count(e => e.Reason == GammaGammaExclusionReason.NoRepeatPurchases);
        string[] zeroSpend = spend.Exclusions.Where(e => e.Reason == GammaGammaExclusionReason.ZeroSpend).Select(e => summaries[e.Index].Id).ToArray();
        var sb = new StringBuilder();
        sb.AppendLine(string.Format(c, "Spend model (Gamma-Gamma), fitted to the {0:N0} repeat buyers with a positive mean repeat spend:", spend.Report.Customers));
        sb.Append(string.Format(c, "  left out: {0:N0} without repeat purchases (x = 0), {1:N0} with zero repeat spend (x ≥ 1, free items only)", noRepeat, zeroSpend.Length));
        if (zeroSpend.Length > 0)
        {
            sb.Append(string.Format(c, ": {0}{1}", string.Join(", ", zeroSpend.Take(10)), zeroSpend.Length > 10 ? " …" : string.Empty));
        }

        sb.AppendLine();
        sb.AppendLine("  (they are still predicted: the model's expected spend per purchase; for x = 0 the population mean p·γ/(q − 1))");
        return sb.ToString();
    }

    /// <summary>Predictions, turning the library's unbounded-spend error into a CLI error.</summary>
    public static IReadOnlyList<LifetimePrediction<string>> Predict(LifetimeSummarySet<string> summaries, IRepeatPurchaseModel purchases, GammaGammaFit spend, LifetimeValueOptions options)
    {
        try
        {
            return LifetimeValue.Predict(summaries, purchases, spend.Model, options);
        }
        catch (InvalidOperationException e)
        {
            throw new CliException("Gamma-Gamma: " + CliException.OneLine(e) + " The spend data do not support a lifetime value; check the amounts (a few huge ones?) or use a longer calibration period.", e);
        }
    }

    /// <summary>Totals, the holdout check, the top customers by CLV and the distribution of P(alive).</summary>
    public static string FormatPredictions(LifetimeSummarySet<string> summaries, IRepeatPurchaseModel purchases, LifetimeValueOptions options, IReadOnlyList<LifetimePrediction<string>> predictions, int top)
    {
        CultureInfo c = CultureInfo.InvariantCulture;
        string unit = UnitName(summaries.Unit);
        var sb = new StringBuilder();
        double totalPurchases = predictions.Sum(p => p.ExpectedPurchases);
        double totalValue = predictions.Sum(p => p.LifetimeValue);
        sb.AppendLine(string.Format(
            c,
            "Predictions for the {0} {1} after {2:yyyy-MM-dd}, discounted at {3} a year (CLV is revenue: multiply by your margin):",
            Number(options.Horizon),
            unit,
            summaries.Options.CalibrationEnd,
            (options.AnnualDiscountRate * 100).ToString("0.###", c) + " %"));
        sb.AppendLine(string.Format(
            c,
            "  expected purchases {0:N1} in total; CLV {1} in total, {2} per customer on average",
            totalPurchases,
            SummaryTable.Amount(totalValue),
            SummaryTable.Amount(predictions.Count == 0 ? 0 : totalValue / predictions.Count)));
        if (summaries.Options.HoldoutEnd is DateTime holdoutEnd)
        {
            double length = (holdoutEnd - summaries.Options.CalibrationEnd).TotalDays / (int)summaries.Unit;
            double forecast = 0;
            long actual = 0;
            foreach (LifetimeCustomerSummary<string> x in summaries)
            {
                forecast += purchases.ExpectedPurchases(x.RepeatPurchases, x.TimeToLastPurchase, x.ObservedTime, length);
                actual += x.HoldoutPurchases;
            }

            sb.AppendLine(string.Format(
                c,
                "  holdout check, the {0} {1} to {2:yyyy-MM-dd}: {3:N0} purchase days made, {4:N0} forecast ({5})",
                Number(length),
                unit,
                holdoutEnd,
                actual,
                forecast,
                actual == 0 ? "no holdout purchases" : ((forecast - actual) / actual).ToString("+0.0 %;−0.0 %", c)));
        }

        if (top > 0 && predictions.Count > 0)
        {
            sb.AppendLine();
            sb.Append(FormatTop(summaries, predictions, top));
        }

        sb.AppendLine();
        sb.Append(FormatAliveDistribution(summaries, purchases, predictions));
        return sb.ToString();
    }

    /// <summary>The customers with the highest CLV (ties by id order), with their summaries and predictions.</summary>
    public static string FormatTop(LifetimeSummarySet<string> summaries, IReadOnlyList<LifetimePrediction<string>> predictions, int top)
    {
        CultureInfo c = CultureInfo.InvariantCulture;
        int[] order = Enumerable.Range(0, predictions.Count).OrderByDescending(i => predictions[i].LifetimeValue).ThenBy(i => i).Take(top).ToArray();
        int idWidth = Math.Max(8, order.Max(i => TextWidth.Of(predictions[i].Id)));
        string unit = UnitName(summaries.Unit);
        var sb = new StringBuilder();
        sb.AppendLine(string.Format(c, "Top {0} customers by CLV (t_x and T in {1}):", order.Length, unit));
        sb.AppendLine(string.Format(c, "  rank  {0}{1,6} {2,8} {3,8} {4,11} {5,9} {6,10} {7,10} {8,12}", TextWidth.PadRight("customer", idWidth + 1), "x", "t_x", "T", "mean spend", "P(alive)", "purchases", "spend", "CLV"));
        for (int k = 0; k < order.Length; k++)
        {
            LifetimeCustomerSummary<string> x = summaries[order[k]];
            LifetimePrediction<string> p = predictions[order[k]];
            sb.AppendLine(string.Format(
                c,
                "  {0,4}  {1}{2,6} {3,8:F2} {4,8:F2} {5,11:N2} {6,9:F3} {7,10:F2} {8,10:N2} {9,12:N2}",
                k + 1,
                TextWidth.PadRight(x.Id, idWidth + 1),
                x.RepeatPurchases,
                x.TimeToLastPurchase,
                x.ObservedTime,
                x.MeanRepeatSpend,
                p.ProbabilityAlive,
                p.ExpectedPurchases,
                p.ExpectedMeanSpend,
                p.LifetimeValue));
        }

        return sb.ToString();
    }

    /// <summary>How many customers fall into each band of the probability alive.</summary>
    public static string FormatAliveDistribution(LifetimeSummarySet<string> summaries, IRepeatPurchaseModel purchases, IReadOnlyList<LifetimePrediction<string>> predictions)
    {
        CultureInfo c = CultureInfo.InvariantCulture;
        double[] edges = [0, 0.1, 0.25, 0.5, 0.75, 0.9, 1];
        int[] counts = new int[edges.Length - 1];
        foreach (LifetimePrediction<string> p in predictions)
        {
            int band = 0;
            while (band < counts.Length - 1 && p.ProbabilityAlive >= edges[band + 1])
            {
                band++;
            }

            counts[band]++;
        }

        var sb = new StringBuilder();
        sb.AppendLine("Probability alive at the calibration end:");
        for (int b = counts.Length - 1; b >= 0; b--)
        {
            string range = b == counts.Length - 1
                ? string.Format(c, "{0:0.00} – {1:0.00}", edges[b], edges[b + 1])
                : string.Format(c, "{0:0.00} – <{1:0.00}", edges[b], edges[b + 1]);
            double share = predictions.Count == 0 ? 0 : (double)counts[b] / predictions.Count;
            sb.AppendLine(string.Format(c, "  {0,-13} {1,10:N0} {2,8:P1}  {3}", range, counts[b], share, new string('#', (int)Math.Round(share * 40))).TrimEnd());
        }

        int noRepeat = summaries.Count - summaries.Report.RepeatCustomers;
        if (purchases is BgNbdModel && noRepeat > 0)
        {
            sb.AppendLine(string.Format(c, "  (BG/NBD: the {0:N0} customers without a repeat purchase have P(alive) = 1: the model lets a customer drop out only after a repeat purchase)", noRepeat));
        }

        return sb.ToString();
    }

    /// <summary>One row per customer: the summary (times in the unit named in the header) and the predictions.</summary>
    public static void WritePredictions(string path, LifetimeSummarySet<string> summaries, IReadOnlyList<LifetimePrediction<string>> predictions) =>
        AtomicFile.WriteTable(path, ["customer_id", "first_purchase"], w =>
        {
            CultureInfo c = CultureInfo.InvariantCulture;
            string unit = UnitName(summaries.Unit);
            bool holdout = summaries.Options.HoldoutEnd is not null;
            w.WriteLine(
                $"customer_id,first_purchase,repeat_purchases,time_to_last_purchase_{unit},observed_time_{unit},mean_repeat_spend,probability_alive,expected_purchases,expected_mean_spend,clv"
                + (holdout ? ",holdout_purchases,holdout_spend" : string.Empty));
            for (int i = 0; i < summaries.Count; i++)
            {
                LifetimeCustomerSummary<string> x = summaries[i];
                LifetimePrediction<string> p = predictions[i];
                string row = string.Join(
                    ",",
                    Csv.Field(x.Id),
                    x.FirstPurchase.ToString("yyyy-MM-dd", c),
                    x.RepeatPurchases.ToString(c),
                    Csv.Number(x.TimeToLastPurchase),
                    Csv.Number(x.ObservedTime),
                    Csv.Number(x.MeanRepeatSpend),
                    Csv.Number(p.ProbabilityAlive),
                    Csv.Number(p.ExpectedPurchases),
                    Csv.Number(p.ExpectedMeanSpend),
                    Csv.Number(p.LifetimeValue));
                w.WriteLine(holdout ? row + "," + x.HoldoutPurchases.ToString(c) + "," + Csv.Number(x.HoldoutSpend) : row);
            }
        });

    /// <summary>
    /// Errors the fits would raise, found first and said in the user's terms: no customer bought
    /// by the calibration end, or no repeat buyer with a positive spend for the Gamma-Gamma model.
    /// </summary>
    private static void CheckFittable(LifetimeSummarySet<string> summaries, string path)
    {
        LifetimeSummaryReport r = summaries.Report;
        CultureInfo c = CultureInfo.InvariantCulture;
        if (summaries.Count == 0)
        {
            throw new CliException(string.Format(
                c,
                "{0}: no customer bought on or before the calibration end {1:yyyy-MM-dd} ({2:N0} lines read: {3:N0} without customer id, {4:N0} negative amounts, {5:N0} after the {6}, {7:N0} of customers first buying in the holdout); choose a later --calibration-end.",
                path,
                summaries.Options.CalibrationEnd,
                r.LinesRead,
                r.LinesWithoutCustomer,
                r.ReturnLines,
                r.LinesAfterPeriod,
                summaries.Options.HoldoutEnd is null ? "calibration end" : "holdout end",
                r.HoldoutOnlyLines));
        }

        bool spendable = false;
        ReadOnlySpan<int> x = summaries.RepeatPurchasesSpan;
        ReadOnlySpan<double> spend = summaries.MeanRepeatSpendSpan;
        for (int i = 0; i < x.Length && !spendable; i++)
        {
            spendable = x[i] > 0 && spend[i] > 0;
        }

        if (!spendable)
        {
            throw new CliException(string.Format(
                c,
                "{0}: none of the {1:N0} customers made a repeat purchase with a positive amount by the calibration end {2:yyyy-MM-dd} ({3:N0} repeat buyers); the models need repeat purchases to learn from: choose a later --calibration-end or give more history.",
                path,
                summaries.Count,
                summaries.Options.CalibrationEnd,
                r.RepeatCustomers));
        }
    }

    private static LifetimeSummarySet<string> Summarize(ClvSettings s, LifetimeSummaryOptions options, bool byAmount)
    {
        var lines = new LineMap();
        try
        {
            return LifetimeSummaries.Summarize(ReadLines(s, byAmount, lines), l => l.Id, l => l.Date, l => l.Amount, options);
        }
        catch (ArgumentException e)
        {
            throw lines.ToCliException(s.Transactions, CliException.OneLine(e), e);
        }
    }

    /// <summary>The transaction lines of the file, parsed; each one given to the library is recorded in <paramref name="lines"/>.</summary>
    private static IEnumerable<(string Id, DateTime Date, decimal Amount)> ReadLines(ClvSettings s, bool byAmount, LineMap lines)
    {
        string path = s.Transactions;
        using IEnumerator<(long Line, string[] Fields)> records = CsvInput.ReadRecords(path, TransactionInput.ParseDelimiter(s.Delimiter)).GetEnumerator();
        string[]? header = s.NoHeader ? null : CsvInput.ReadHeader(records, path);
        int customer = TransactionInput.Column(header, s.CustomerColumn, path, "--customer-column");
        int date = TransactionInput.Column(header, s.DateColumn, path, "--date-column");
        int amount = byAmount ? TransactionInput.Column(header, s.AmountColumn!, path, "--amount-column") : -1;
        int quantity = byAmount ? -1 : TransactionInput.Column(header, s.QuantityColumn!, path, "--quantity-column");
        int price = byAmount ? -1 : TransactionInput.Column(header, s.PriceColumn!, path, "--price-column");
        int needed = Math.Max(Math.Max(customer, date), Math.Max(amount, Math.Max(quantity, price)));
        string Name(int index, string option) => header is null ? option + " " + (index + 1).ToString(CultureInfo.InvariantCulture) : header[index].Trim();
        while (records.MoveNext())
        {
            (long line, string[] f) = records.Current;
            if (f.Length == 1 && f[0].Trim().Length == 0)
            {
                continue; // blank line
            }

            if (f.Length <= needed)
            {
                throw new CliException(header is null
                    ? $"{path}: line {line} has {f.Length} fields but the columns given need at least {needed + 1}."
                    : $"{path}: line {line} has {f.Length} fields but the header has {header.Length}.");
            }

            DateTime when = TransactionInput.ParseDate(f[date], path, line, Name(date, "--date-column"));
            decimal value;
            if (byAmount)
            {
                value = TransactionInput.ParseDecimal(f[amount], path, line, Name(amount, "--amount-column"));
            }
            else
            {
                decimal q = TransactionInput.ParseDecimal(f[quantity], path, line, Name(quantity, "--quantity-column"));
                decimal p = TransactionInput.ParseDecimal(f[price], path, line, Name(price, "--price-column"));
                try
                {
                    value = LineAmount(q, p);
                }
                catch (OverflowException e)
                {
                    throw new CliException($"{path}: line {line}: quantity × price ({q.ToString(CultureInfo.InvariantCulture)} × {p.ToString(CultureInfo.InvariantCulture)}) is beyond the range of decimal (±7.9e28).", e);
                }
            }

            lines.Record(line);
            yield return (f[customer].Trim(), when, value);
        }
    }

    private static void Choice(string value, string optionName, string choices, params string[] allowed)
    {
        if (Array.IndexOf(allowed, value) < 0)
        {
            throw CliException.Usage($"{optionName}: '{value}' is not one of the choices; use {choices}.");
        }
    }

    private static double ParseHorizon(string text, LifetimeTimeUnit unit)
    {
        if (!double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double horizon) || !(horizon > 0) || horizon > 1e6)
        {
            throw CliException.Usage($"--horizon: '{text}' is not a positive number of {UnitName(unit)} (at most 1000000); e.g. {DefaultHorizon(unit).ToString(CultureInfo.InvariantCulture)} for a year.");
        }

        return horizon;
    }

    /// <summary>A fraction (0.10) or a percentage (10%); more than 100 % a year is taken for a percentage typed without its sign.</summary>
    private static double ParseDiscountRate(string text)
    {
        string t = text.Trim();
        bool percent = t.EndsWith('%');
        if (percent)
        {
            t = t[..^1].TrimEnd();
        }

        if (!double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out double rate) || !(rate >= 0) || double.IsInfinity(rate))
        {
            throw CliException.Usage($"--discount-rate: '{text}' is not a rate of 0 or more; give a fraction (0.10) or a percentage (10%).");
        }

        if (percent)
        {
            rate /= 100;
        }

        if (rate > 1)
        {
            throw CliException.Usage($"--discount-rate: '{text}' would be {(rate * 100).ToString("0.##", CultureInfo.InvariantCulture)} % a year; give a fraction (0.10) or a percentage (10%).");
        }

        return rate;
    }

    private static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
