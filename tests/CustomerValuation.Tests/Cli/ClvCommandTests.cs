using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using CustomerValuation.Tests.Lifetime;
using Xunit;

namespace CustomerValuation.Tests.Cli;

/// <summary>
/// The <c>clv</c> command run in-process: summaries worked by hand on a small file, the published
/// CDNOW fits from the raw file, and the demo's CLV section.
/// </summary>
public sealed class ClvCommandTests : CliTestFolder
{
    private const string HeaderWeeks = "customer_id,first_purchase,repeat_purchases,time_to_last_purchase_weeks,observed_time_weeks,mean_repeat_spend,probability_alive,expected_purchases,expected_mean_spend,clv";

    /// <summary>
    /// Four customers worked by hand (calibration end 2024-03-31; 2024 is a leap year) and lines the
    /// policies remove; then <see cref="Filler"/> customers, so that the fits have something to learn from:
    /// a: 01-01 (50), 01-15 (30 + 20 at 16:45, one purchase day), 02-12 (40): x = 2, t_x = 42 days = 6 weeks,
    ///    T = 90 days = 90/7 weeks, mean repeat spend (30 + 20 + 40) / 2 = 45.
    /// b: 03-03 (100) only: x = 0, t_x = 0, T = 28 days = 4 weeks, mean 0.
    /// c: 02-04 (10), 03-31 (25, the calibration end itself counts), 04-10 (15, after it): x = 1,
    ///    t_x = T = 56 days = 8 weeks, mean 25.
    /// d: 01-08 (60), 01-22 (−60, a return: removed), 03-04 (0, a free item: a purchase): x = 1,
    ///    t_x = 56 days = 8 weeks, T = 83 days = 83/7 weeks, mean 0 (left out of Gamma-Gamma: zero spend).
    /// A line without customer; e: 04-20 only (after the calibration end; in a holdout to 06-30 a
    /// customer who first buys in the holdout).
    /// </summary>
    private const string HandLines =
        "customer,date,amount\n" +
        "a,2024-01-01,50\na,2024-01-15,30\na,2024-01-15 16:45,20\na,2024-02-12,40\n" +
        "b,2024-03-03,100\n" +
        "c,2024-02-04,10\nc,2024-03-31,25\nc,2024-04-10,15\n" +
        "d,2024-01-08,60\nd,2024-01-22,-60\nd,20240304,0\n" +
        ",2024-02-01,99\n" +
        "e,2024-04-20,30\n";

    private const int FillerSeed = 20240331;

    public ClvCommandTests()
        : base("cv-clv-")
    {
    }

    /// <summary>
    /// 60 filler customers f01 … f60, simulated (seeded) like real buyers: a first purchase in
    /// January, gaps of about 7 to 42 days, a chance of dropping out after each purchase, amounts
    /// around a personal mean; every line a distinct day by 2024-03-30, so all are calibration purchases.
    /// </summary>
    private static (string Text, int Lines, int RepeatBuyers) Filler()
    {
        var random = new Random(FillerSeed);
        var sb = new StringBuilder();
        int lines = 0, repeat = 0;
        var last = new DateTime(2024, 3, 30);
        for (int k = 1; k <= 60; k++)
        {
            DateTime day = new DateTime(2024, 1, 1).AddDays(random.Next(31));
            double gap = 7 + (35 * random.NextDouble()), dropout = 0.1 + (0.4 * random.NextDouble()), mean = 20 + (80 * random.NextDouble());
            int made = 0;
            while (day <= last)
            {
                sb.Append(CultureInfo.InvariantCulture, $"f{k:D2},{day:yyyy-MM-dd},{mean * (0.5 + random.NextDouble()):F2}\n");
                made++;
                if (random.NextDouble() < dropout)
                {
                    break;
                }

                day = day.AddDays(Math.Max(1, Math.Ceiling(-Math.Log(1 - random.NextDouble()) * gap)));
            }

            lines += made;
            repeat += made > 1 ? 1 : 0;
        }

        return (sb.ToString(), lines, repeat);
    }

    private string WriteHandFile() => Write("lines.csv", HandLines + Filler().Text);

    private static string[] HandArgs(string input, params string[] more) =>
        new[] { "clv", "--transactions", input, "--customer-column", "customer", "--date-column", "date", "--amount-column", "amount", "--calibration-end", "2024-03-31" }.Concat(more).ToArray();

    private static double Field(string row, int index) => double.Parse(row.Split(',')[index], CultureInfo.InvariantCulture);

    [Fact]
    public void Clv_HandFile_WritesSummariesWorkedByHandAndTheLineReport()
    {
        string output = Path.Combine(Folder, "clv.csv");

        (int code, string stdout, string stderr) = Run(HandArgs(WriteHandFile(), "--output", output));

        Assert.True(code == 0, stderr);
        Assert.Equal(string.Empty, stderr);
        string[] rows = File.ReadAllLines(output);
        Assert.Equal(HeaderWeeks, rows[0]);
        Assert.Equal(1 + 64, rows.Length); // a, b, c, d and the 60 fillers; e bought only after the calibration end

        // By hand (see HandLines): id, first purchase, x, then t_x, T (weeks) and the mean repeat spend.
        Assert.StartsWith("a,2024-01-01,2,6,", rows[1], StringComparison.Ordinal);
        Assert.StartsWith("b,2024-03-03,0,0,4,0,", rows[2], StringComparison.Ordinal);
        Assert.StartsWith("c,2024-02-04,1,8,8,25,", rows[3], StringComparison.Ordinal);
        Assert.StartsWith("d,2024-01-08,1,8,", rows[4], StringComparison.Ordinal);
        Assert.Equal(90 / 7.0, Field(rows[1], 4), 12);
        Assert.Equal(45, Field(rows[1], 5));
        Assert.Equal(83 / 7.0, Field(rows[4], 4), 12);
        Assert.Equal(0, Field(rows[4], 5));

        // BG/NBD lets a customer drop out only after a repeat purchase: b (x = 0) is alive with probability 1.
        Assert.Equal(1, Field(rows[2], 6));

        // Undiscounted, CLV = expected spend per purchase × expected purchases (the sum over the steps telescopes).
        foreach (string row in rows.Skip(1))
        {
            Assert.Equal(Field(row, 8) * Field(row, 7), Field(row, 9), 9);
        }

        // The report: the 13 hand lines and the fillers' (all calibration purchases); removed: 1 without
        // customer, 1 return, 2 after 03-31 (c's 04-10, e's 04-20); 64 customers; repeat buyers a, c, d
        // and the fillers with more than one line (each of their lines is a day of its own).
        (_, int fillerLines, int fillerRepeat) = Filler();
        Assert.Matches($@"(?m)^  lines read\s+{13 + fillerLines}$", stdout);
        Assert.Matches(@"(?m)^  removed: no customer id\s+1$", stdout);
        Assert.Matches(@"(?m)^  removed: negative amount \(returns\)\s+1$", stdout);
        Assert.Matches(@"(?m)^  removed: after the calibration end\s+2$", stdout);
        Assert.Matches($@"(?m)^  purchase lines, calibration period\s+{9 + fillerLines}  ", stdout);
        Assert.Matches(@"(?m)^  customers\s+64  \(first purchases 2024-01-01 … 2024-03-03\)$", stdout);
        Assert.Matches($@"(?m)^  repeat buyers \(x ≥ 1\)\s+{3 + fillerRepeat}  ", stdout);

        // Gamma-Gamma: the repeat buyers with a positive spend; left out those without a repeat
        // purchase (b and the one-line fillers) and d (zero spend), named.
        Assert.Contains($"Spend model (Gamma-Gamma), fitted to the {2 + fillerRepeat} repeat buyers", stdout, StringComparison.Ordinal);
        Assert.Contains($"left out: {1 + 60 - fillerRepeat} without repeat purchases (x = 0), 1 with zero repeat spend (x ≥ 1, free items only): d", stdout, StringComparison.Ordinal);
        Assert.Contains("Top 10 customers by CLV (t_x and T in weeks):", stdout, StringComparison.Ordinal);
        Assert.Contains("Probability alive at the calibration end:", stdout, StringComparison.Ordinal);
        Assert.Contains("Predictions for the 52 weeks after 2024-03-31, discounted at 0 % a year", stdout, StringComparison.Ordinal);
        Assert.Contains($"Wrote 64 rows to {output} (times in weeks; expected purchases and CLV over 52 weeks)", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Clv_HoldoutEnd_CountsHoldoutPurchasesAndLeavesOutHoldoutOnlyCustomers()
    {
        string output = Path.Combine(Folder, "clv.csv");

        (int code, string stdout, string stderr) = Run(HandArgs(WriteHandFile(), "--holdout-end", "2024-06-30", "--output", output));

        Assert.True(code == 0, stderr);
        string[] rows = File.ReadAllLines(output);
        Assert.Equal(HeaderWeeks + ",holdout_purchases,holdout_spend", rows[0]);

        // c bought once more on 04-10 (15); a, b and d not; e first bought in the holdout and is not summarized.
        Assert.EndsWith(",1,15", rows[3], StringComparison.Ordinal);
        Assert.EndsWith(",0,0", rows[1], StringComparison.Ordinal);
        Assert.DoesNotContain(rows, r => r.StartsWith("e,", StringComparison.Ordinal));
        Assert.Matches(@"(?m)^  removed: after the holdout end\s+0$", stdout);
        Assert.Matches(@"(?m)^  removed: first purchase in the holdout\s+1  \(1 customers, not summarized\)$", stdout);
        Assert.Matches(@"(?m)^  purchase lines, holdout period\s+1$", stdout);

        // 2024-03-31 … 2024-06-30 is 91 days = 13 weeks; one purchase day was made.
        Assert.Matches(@"(?m)^  holdout check, the 13 weeks to 2024-06-30: 1 purchase days made, [0-9.,]+ forecast \(", stdout);
    }

    [Fact]
    public void Clv_DaysUnit_TimesInDaysAndTheUnitInTheHeader()
    {
        string output = Path.Combine(Folder, "clv.csv");

        (int code, string stdout, string stderr) = Run(HandArgs(WriteHandFile(), "--unit", "days", "--output", output));

        Assert.True(code == 0, stderr);
        string[] rows = File.ReadAllLines(output);
        Assert.Equal(HeaderWeeks.Replace("_weeks", "_days", StringComparison.Ordinal), rows[0]);

        // By hand, in days: a t_x 42, T 90; d t_x 56, T 83. The default horizon is 365 days.
        Assert.StartsWith("a,2024-01-01,2,42,90,45,", rows[1], StringComparison.Ordinal);
        Assert.StartsWith("d,2024-01-08,1,56,83,0,", rows[4], StringComparison.Ordinal);
        Assert.Contains("Predictions for the 365 days after 2024-03-31", stdout, StringComparison.Ordinal);
        Assert.Contains("Purchase model (BG/NBD; rates per day):", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Clv_QuantityAndPriceColumns_SameAsTheAmounts()
    {
        // The hand file with amount = quantity × price (a's 30 as 3 × 10, d's return as −1 × 60).
        string[] lines = (HandLines + Filler().Text).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var sb = new StringBuilder("customer,date,qty,price\n");
        foreach (string line in lines.Skip(1))
        {
            string[] f = line.Split(',');
            sb.Append(f[2] switch
            {
                "30" => $"{f[0]},{f[1]},3,10\n",
                "-60" => $"{f[0]},{f[1]},-1,60\n",
                _ => $"{f[0]},{f[1]},1,{f[2]}\n",
            });
        }

        string byAmount = Path.Combine(Folder, "amount.csv");
        string byProduct = Path.Combine(Folder, "product.csv");
        Assert.Equal(0, Run(HandArgs(WriteHandFile(), "--output", byAmount)).Code);
        string input = Write("qp.csv", sb.ToString());

        (int code, string stdout, string stderr) = Run("clv", "--transactions", input, "--customer-column", "customer", "--date-column", "date", "--quantity-column", "qty", "--price-column", "price", "--calibration-end", "2024-03-31", "--output", byProduct);

        Assert.True(code == 0, stderr);
        Assert.Equal(File.ReadAllLines(byAmount), File.ReadAllLines(byProduct));
        Assert.Matches(@"(?m)^  removed: negative amount \(returns\)\s+1$", stdout);
    }

    [Fact]
    public void Clv_WhitespaceWithoutHeaderAndSemicolons_SameAsTheCsv()
    {
        string csv = HandLines + Filler().Text;
        string[] records = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToArray();

        // Whitespace-separated, no header, padded like the CDNOW files: an extra first column, the
        // customer in column 2, the date in 3 (time dropped: one token), the amount in 5. The line
        // without customer cannot be written without a field, so it is left out here.
        var ws = new StringBuilder();
        foreach (string[] f in records.Select(r => r.Split(',')).Where(f => f[0].Length > 0))
        {
            ws.Append(CultureInfo.InvariantCulture, $"  x{f[0]}   {f[0]} {f[1].Split(' ')[0]}  1   {f[2]}\r\n");
        }

        string semicolons = Write("semi.csv", csv.Replace(',', ';'));
        string whitespace = Write("ws.txt", ws.ToString());
        string outCsv = Path.Combine(Folder, "csv.out");
        string outSemi = Path.Combine(Folder, "semi.out");
        string outWs = Path.Combine(Folder, "ws.out");
        Assert.Equal(0, Run(HandArgs(WriteHandFile(), "--output", outCsv)).Code);

        (int code1, _, string stderr1) = Run("clv", "--transactions", semicolons, "--delimiter", "semicolon", "--customer-column", "customer", "--date-column", "date", "--amount-column", "amount", "--calibration-end", "2024-03-31", "--output", outSemi);
        (int code2, string stdout2, string stderr2) = Run("clv", "--transactions", whitespace, "--delimiter", "whitespace", "--no-header", "--customer-column", "2", "--date-column", "3", "--amount-column", "5", "--calibration-end", "2024-03-31", "--output", outWs);

        Assert.True(code1 == 0, stderr1);
        Assert.True(code2 == 0, stderr2);
        Assert.Equal(File.ReadAllLines(outCsv), File.ReadAllLines(outSemi));
        Assert.Equal(File.ReadAllLines(outCsv), File.ReadAllLines(outWs));
        Assert.Matches($@"(?m)^  lines read\s+{12 + Filler().Lines}$", stdout2);
    }

    [Fact]
    public void Clv_DiscountRate_PercentSameAsFractionAndLowersEveryPositiveValue()
    {
        string input = WriteHandFile();
        string plain = Path.Combine(Folder, "plain.csv");
        string fraction = Path.Combine(Folder, "fraction.csv");
        string percent = Path.Combine(Folder, "percent.csv");
        Assert.Equal(0, Run(HandArgs(input, "--output", plain)).Code);
        Assert.Equal(0, Run(HandArgs(input, "--discount-rate", "0.10", "--output", fraction)).Code);

        (int code, string stdout, string stderr) = Run(HandArgs(input, "--discount-rate", "10%", "--output", percent));

        Assert.True(code == 0, stderr);
        Assert.Contains("discounted at 10 % a year", stdout, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllLines(fraction), File.ReadAllLines(percent));
        foreach ((string undiscounted, string discounted) in File.ReadAllLines(plain).Skip(1).Zip(File.ReadAllLines(fraction).Skip(1)))
        {
            Assert.True(Field(discounted, 9) < Field(undiscounted, 9), discounted);
            Assert.Equal(Field(undiscounted, 7), Field(discounted, 7)); // the purchases are not discounted
        }
    }

    [Fact]
    public void Clv_FitThatDoesNotConverge_WarnsAndExitsZero()
    {
        string output = Path.Combine(Folder, "clv.csv");

        (int code, string stdout, string stderr) = Run(HandArgs(WriteHandFile(), "--max-iterations", "1", "--output", output));

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, stderr);
        Assert.Contains("BG/NBD: NOT converged", stdout, StringComparison.Ordinal);
        Assert.Contains("WARNING: the BG/NBD fit did not converge; the figures use the best point found and may be unreliable", stdout, StringComparison.Ordinal);
        Assert.Contains("WARNING: the Gamma-Gamma fit did not converge", stdout, StringComparison.Ordinal);
        Assert.Equal(65, File.ReadAllLines(output).Length);
    }

    [Fact]
    public void Clv_RegularBuyersWithoutDropout_FitsDoNotConvergeWarnsAndExitsZero()
    {
        // Hand-made degenerate data: 20 customers each buying every 7 days from January to the
        // calibration end, always the same amount. No customer is seen to drop out, so BG/NBD's a and b
        // run to infinity; no spend varies within a customer, so Gamma-Gamma's p does.
        var sb = new StringBuilder("customer,date,amount\n");
        for (int k = 1; k <= 20; k++)
        {
            for (DateTime day = new DateTime(2024, 1, 1).AddDays(k % 7); day <= new DateTime(2024, 3, 31); day = day.AddDays(7))
            {
                sb.Append(CultureInfo.InvariantCulture, $"r{k:D2},{day:yyyy-MM-dd},{10 + k}\n");
            }
        }

        string output = Path.Combine(Folder, "clv.csv");

        (int code, string stdout, string stderr) = Run(HandArgs(Write("regular.csv", sb.ToString()), "--output", output));

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, stderr);
        Assert.Contains("BG/NBD: NOT converged", stdout, StringComparison.Ordinal);
        Assert.Contains("WARNING: the BG/NBD fit did not converge", stdout, StringComparison.Ordinal);
        Assert.Contains("WARNING: the Gamma-Gamma fit did not converge", stdout, StringComparison.Ordinal);
        Assert.Equal(21, File.ReadAllLines(output).Length);
    }

    [Fact]
    public void Clv_ConvergedFits_NoWarning()
    {
        (int code, string stdout, string stderr) = Run(HandArgs(WriteHandFile()));

        Assert.True(code == 0, stderr);
        Assert.Contains("BG/NBD: converged", stdout, StringComparison.Ordinal);
        Assert.Contains("Gamma-Gamma: converged", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("WARNING", stdout, StringComparison.Ordinal);
    }

    [SharedDataFact(CdnowData.Sample)]
    public void Clv_CdnowSampleRawFile_PrintsThePublishedFits()
    {
        string output = Path.Combine(Folder, "cdnow.csv");

        (int code, string stdout, string stderr) = Run(
            "clv", "--transactions", SharedData.PathOf(CdnowData.Sample), "--delimiter", "whitespace", "--no-header",
            "--customer-column", "2", "--date-column", "3", "--amount-column", "5", "--calibration-end", "1997-09-30", "--output", output);

        Assert.True(code == 0, stderr);

        // The published summary: 2,357 customers, 946 repeat buyers (Fader, Hardie & Lee 2005).
        Assert.Matches(@"(?m)^  customers\s+2,357  ", stdout);
        Assert.Matches(@"(?m)^  repeat buyers \(x ≥ 1\)\s+946  ", stdout);

        // Fader, Hardie & Lee (2005), BG/NBD: r = 0.243, α = 4.414, a = 0.793, b = 2.426, LL = −9582.4.
        Assert.Contains("BG/NBD: converged", stdout, StringComparison.Ordinal);
        Assert.Equal(0.243, Printed(stdout, "r", 3));
        Assert.Equal(4.414, Printed(stdout, "alpha", 3));
        Assert.Equal(0.793, Printed(stdout, "a", 3));
        Assert.Equal(2.426, Printed(stdout, "b", 3));
        Assert.Equal(-9582.4, PrintedLogLikelihood(stdout, "BG/NBD"));

        // Fader & Hardie (2013), Gamma-Gamma on the 946 repeat buyers: p = 6.25, q = 3.74, γ = 15.44.
        Assert.Contains("Spend model (Gamma-Gamma), fitted to the 946 repeat buyers", stdout, StringComparison.Ordinal);
        Assert.Equal(6.25, Printed(stdout, "p", 2));
        Assert.Equal(3.74, Printed(stdout, "q", 2));
        Assert.Equal(15.44, Printed(stdout, "gamma", 2));

        // Customer 0001 (docs/lifetime.md, worked example): x = 2, t_x = 213/7, T = 272/7, z̄ = 22.345;
        // P(alive) by hand from FHL eq. 13 with the fitted r, α, a, b:
        // 1 / (1 + 0.7929/3.4259 · (43.2707/34.8422)^2.2426) = 0.7266.
        string row = File.ReadAllLines(output)[1];
        Assert.StartsWith("0001,1997-01-01,2,", row, StringComparison.Ordinal);
        Assert.Equal(213 / 7.0, Field(row, 3), 12);
        Assert.Equal(272 / 7.0, Field(row, 4), 12);
        Assert.Equal(22.345, Field(row, 5), 12);
        Assert.Equal(0.7266, Math.Round(Field(row, 6), 4));
        Assert.Equal(2358, File.ReadAllLines(output).Length);
    }

    [SharedDataFact(CdnowData.Sample)]
    public void Clv_CdnowSampleParetoNbd_PrintsThePublishedFit()
    {
        (int code, string stdout, string stderr) = Run(
            "clv", "--transactions", SharedData.PathOf(CdnowData.Sample), "--delimiter", "whitespace", "--no-header",
            "--customer-column", "2", "--date-column", "3", "--amount-column", "5", "--calibration-end", "1997-09-30", "--model", "paretonbd", "--top", "0");

        Assert.True(code == 0, stderr);

        // Fader & Hardie (2005), Pareto/NBD: r = 0.553, α = 10.578, s = 0.606, β = 11.669, LL = −9595.0.
        Assert.Contains("Pareto/NBD: converged", stdout, StringComparison.Ordinal);
        Assert.Equal(0.553, Printed(stdout, "r", 3));
        Assert.Equal(10.578, Printed(stdout, "alpha", 3));
        Assert.Equal(0.606, Printed(stdout, "s", 3));
        Assert.Equal(11.669, Printed(stdout, "beta", 3));
        Assert.Equal(-9595.0, PrintedLogLikelihood(stdout, "Pareto/NBD"));
        Assert.DoesNotContain("Top ", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Demo_ClvSection_FitsConvergeAndClvCsvHasOneRowPerCustomer()
    {
        string folder = Path.Combine(Folder, "demo");

        (int code, string stdout, string stderr) = Run("demo", "--output-dir", folder);

        Assert.True(code == 0, stderr);
        Assert.Contains("8. Lifetime value from the transaction lines of section 4", stdout, StringComparison.Ordinal);
        Assert.Contains("BG/NBD: converged", stdout, StringComparison.Ordinal);
        Assert.Contains("Gamma-Gamma: converged", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("WARNING", stdout, StringComparison.Ordinal);
        Assert.Contains("Top 5 customers by CLV", stdout, StringComparison.Ordinal);
        Assert.Contains("  clv.csv", stdout, StringComparison.Ordinal);

        // Nothing lost: one row per customer of the printed line report, and the header.
        int customers = int.Parse(Regex.Match(stdout, @"purchase lines \(same-day lines are one purchase\), ([0-9,]+) customers").Groups[1].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
        string[] rows = File.ReadAllLines(Path.Combine(folder, "clv.csv"));
        Assert.Equal(HeaderWeeks, rows[0]);
        Assert.Equal(customers + 1, rows.Length);
    }

    /// <summary>A parameter as printed by the fit report ("  r          0.242595  (s.e. …)"), rounded.</summary>
    private static double Printed(string stdout, string name, int digits)
    {
        Match m = Regex.Match(stdout, $@"(?m)^  {Regex.Escape(name)} +([-0-9.E+]+)  \(s\.e\.");
        Assert.True(m.Success, $"no parameter {name} in the output");
        return Math.Round(double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), digits);
    }

    private static double PrintedLogLikelihood(string stdout, string model)
    {
        Match m = Regex.Match(stdout, $@"(?m)^{Regex.Escape(model)}: .*; log-likelihood ([-0-9.]+);");
        Assert.True(m.Success, $"no {model} report in the output");
        return Math.Round(double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), 1);
    }
}
