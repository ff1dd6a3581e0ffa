using System;
using System.Globalization;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using CustomerValuation.Cli;
using Xunit;

namespace CustomerValuation.Tests.Cli;

/// <summary>The <c>rfm</c> command run in-process on small hand-made files (values worked by hand) and on Online Retail.</summary>
public sealed class RfmCommandTests : CliTestFolder
{
    private const string Header = "customer_id,recency_days,frequency,monetary,r,f,m,cell,segment";

    /// <summary>
    /// Five customers, one per quintile in each dimension (as-of 2024-03-31), and four lines that the
    /// policies remove: no customer, after the as-of date, a cancelled order, a zero amount.
    /// </summary>
    private const string FiveCustomers =
        "customer_id,date,amount,order\n" +
        "1,2024-03-31,100,o1\n1,2024-03-20,100,o2\n1,2024-03-10,100,o3\n1,2024-03-01,100,o4\n1,2024-02-15,100,o5\n1,2024-02-01,100,o6\n" +
        "2,2024-02-15,100,o7\n2,2024-02-01,50,o8\n2,2024-01-15,50,o9\n2,2024-01-01,50,o10\n" +
        "3,2024-03-11 18:30,15.50,o11\n" +
        "4,2024-01-01,40,o12\n4,2023-12-01,40,o13\n4,2023-11-01,40,o14\n" +
        "5,2024-03-26,50,o15\n5,2024-03-01,30,o16\n" +
        ",2024-03-01,99,o17\n" +    // no customer id
        "6,2024-04-01,10,o18\n" +   // after the as-of date; 6 has no purchase
        "1,2024-03-05,-20,C19\n" +  // cancelled order (with --exclude-order-prefix C)
        "2,2024-03-05,0,o20\n";     // amount not positive

    /// <summary>
    /// Nine customers, one order each, as of 2024-06-30, with recency 0, 7, 8, 30, 31, 60, 61, 120, 121
    /// days (the edges of SPEC W4) and amounts 90, 10, 80, 20, 70, 30, 60, 40, 50.
    /// </summary>
    private const string NineCustomers =
        "customer_id,date,amount\n" +
        "k1,2024-06-30,90\n" +
        "k2,2024-06-23,10\n" +
        "k3,2024-06-22,80\n" +
        "k4,2024-05-31,20\n" +
        "k5,2024-05-30,70\n" +
        "k6,2024-05-01,30\n" +   // 30 days to 05-31 + 30 to 06-30
        "k7,2024-04-30,60\n" +
        "k8,2024-03-02,40\n" +   // 61 to 04-30, 30 more to 03-31, 29 more to 03-02 = 120
        "k9,20240301,50\n";      // yyyyMMdd form; 121 days

    public RfmCommandTests()
        : base("cv-rfm-")
    {
    }

    private static string[] FiveCustomerArgs(string input, string output) =>
        ["rfm", "--transactions", input, "--customer-column", "customer_id", "--date-column", "date", "--amount-column", "amount",
         "--order-column", "order", "--exclude-order-prefix", "C", "--as-of", "2024-03-31", "--output", output];

    [Fact]
    public void Rfm_HandFile_WritesColumnsValuesAndReport()
    {
        string input = Write("in.csv", FiveCustomers);
        string output = Path.Combine(Folder, "out.csv");

        (int code, string stdout, string stderr) = Run(FiveCustomerArgs(input, output));

        Assert.True(code == 0, stderr);
        Assert.Equal(string.Empty, stderr);

        // By hand (see RfmFeaturesTests.Score_FiveCustomersStandardSegments_ScoresCellsAndSegmentsByHand):
        // recency 0, 45, 20, 90, 5; frequency 6, 4, 1, 3, 2; monetary 600, 250, 15.50, 120, 80;
        // one customer per quintile; segments of the standard table (the default for 5 bins).
        Assert.Equal(
            new[]
            {
                Header,
                "1,0,6,600,5,5,5,555,Champions",
                "2,45,4,250,2,4,4,244,Loyal",
                "3,20,1,15.50,3,1,1,311,Promising",
                "4,90,3,120,1,3,3,133,At risk",
                "5,5,2,80,4,2,2,422,Potential loyalist",
            },
            File.ReadAllLines(output));

        // The report: 20 lines, one removed by each of four policies, 16 purchase lines, 5 customers and
        // one id (6) seen only on a removed line; total 600 + 250 + 15.50 + 120 + 80 = 1065.50.
        Assert.Matches(@"(?m)lines read\s+20\r?$", stdout);
        Assert.Matches(@"(?m)removed: no customer id\s+1\r?$", stdout);
        Assert.Matches(@"(?m)removed: after the as-of date\s+1\r?$", stdout);
        Assert.Matches(@"(?m)removed: cancelled orders\s+1  \(order id starts with 'C'\)\r?$", stdout);
        Assert.Matches(@"(?m)removed: amount not positive\s+1\r?$", stdout);
        Assert.Matches(@"(?m)removed: exact duplicates\s+0  \(kept", stdout);
        Assert.Matches(@"(?m)purchase lines counted\s+16\r?$", stdout);
        Assert.Matches(@"(?m)customers\s+5  \(and 1 ids seen only on removed lines\)", stdout);
        Assert.Matches(@"(?m)total monetary\s+1065\.50\r?$", stdout);
        Assert.Contains("Wrote 5 rows to " + output, stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Rfm_GzipInput_SameOutputAsPlain()
    {
        string plain = Write("in.csv", FiveCustomers);
        string gz = Path.Combine(Folder, "in.csv.gz");
        using (var zip = new GZipStream(File.Create(gz), CompressionLevel.Optimal))
        {
            zip.Write(Encoding.UTF8.GetBytes(FiveCustomers));
        }

        string outPlain = Path.Combine(Folder, "plain.csv");
        string outGz = Path.Combine(Folder, "gz.csv");
        Assert.Equal(0, Run(FiveCustomerArgs(plain, outPlain)).Code);
        (int code, _, string stderr) = Run(FiveCustomerArgs(gz, outGz));

        Assert.True(code == 0, stderr);
        Assert.Equal(File.ReadAllLines(outPlain), File.ReadAllLines(outGz));
        Assert.Equal(6, File.ReadAllLines(outGz).Length);
    }

    [Fact]
    public void Rfm_QuantityAndPriceColumns_AmountIsProduct()
    {
        // a: 2 × 2.50 + 3 × 1.10 = 5.00 + 3.30 = 8.30 (decimal keeps two places) in one order; the line with quantity −1 is not a purchase.
        // b: 1 × 4 on 2024-03-30. As of 2024-03-31: a R 30 (03-01), b R 1.
        string input = Write("qp.csv", "cust,day,qty,price,inv\na,2024-03-01,2,2.50,1\na,2024-03-01,3,1.10,1\na,2024-03-20,-1,2.50,2\nb,2024-03-30,1,4,3\n");
        string output = Path.Combine(Folder, "out.csv");

        (int code, string stdout, string stderr) = Run(
            "rfm", "--transactions", input, "--customer-column", "cust", "--date-column", "day", "--quantity-column", "qty", "--price-column", "price",
            "--order-column", "inv", "--as-of", "2024-03-31", "--bins", "2", "--output", output);

        Assert.True(code == 0, stderr);
        string[] rows = File.ReadAllLines(output);
        Assert.Equal(Header, rows[0]);

        // Two customers, two bins: R (1 day better) b 2, a 1; F tied at 1 → id order, a 1, b 2; M 8.30 > 4 → a 2, b 1.
        // No segment table for 2 bins: the segment column is empty.
        Assert.Equal("a,30,1,8.30,1,1,2,112,", rows[1]);
        Assert.Equal("b,1,1,4,2,2,1,221,", rows[2]);
        Assert.Matches(@"(?m)removed: amount not positive\s+1\r?$", stdout);
    }

    [Fact]
    public void Rfm_ValueMethodWithW4Recency_FixedRecencyValueBreakpointsElsewhere()
    {
        string input = Write("nine.csv", NineCustomers);
        string output = Path.Combine(Folder, "out.csv");

        (int code, string stdout, string stderr) = Run(
            "rfm", "--transactions", input, "--customer-column", "customer_id", "--date-column", "date", "--amount-column", "amount",
            "--as-of", "2024-06-30", "--method", "value", "--recency-thresholds", "7,30,60,120", "--segments", "none", "--output", output);

        Assert.True(code == 0, stderr);

        // R by SPEC W4: 0, 7 → 5; 8, 30 → 4; 31, 60 → 3; 61, 120 → 2; 121 → 1.
        // F: everyone 1 → value edges 1,1,1,1,1,1 (e_j = e_j+1 for j = 0 … 4), everyone score 1, scores 2–5 empty.
        // M type-7 edges of 10 … 90 (m = 9, h = 8j/5): 10, 26, 42, 58, 74, 90, so 10, 20 → 1; 30, 40 → 2;
        // 50 → 3; 60, 70 → 4; 80, 90 → 5. No segment table: the last column is empty.
        Assert.Equal(
            new[]
            {
                Header,
                "k1,0,1,90,5,1,5,515,",
                "k2,7,1,10,5,1,1,511,",
                "k3,8,1,80,4,1,5,415,",
                "k4,30,1,20,4,1,1,411,",
                "k5,31,1,70,3,1,4,314,",
                "k6,60,1,30,3,1,2,312,",
                "k7,61,1,60,2,1,4,214,",
                "k8,120,1,40,2,1,2,212,",
                "k9,121,1,50,1,1,3,113,",
            },
            File.ReadAllLines(output));
        Assert.Contains("Recency edges: 7, 30, 60, 120", stdout, StringComparison.Ordinal);
        Assert.Contains("Monetary edges: 10, 26, 42, 58, 74, 90", stdout, StringComparison.Ordinal);
        Assert.Contains("Frequency edges: 1, 1, 1, 1, 1, 1; duplicate edges at 0, 1, 2, 3, 4; no customer has score 2, 3, 4, 5", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Champions", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Rfm_FixedMethodAllThresholds_BinsClosedOnTheRight()
    {
        string input = Write("nine.csv", NineCustomers);
        string output = Path.Combine(Folder, "out.csv");

        (int code, _, string stderr) = Run(
            "rfm", "--transactions", input, "--customer-column", "customer_id", "--date-column", "date", "--amount-column", "amount",
            "--as-of", "2024-06-30", "--method", "fixed", "--recency-thresholds", "7,30,60,120", "--frequency-thresholds", "1,2,3,4",
            "--monetary-thresholds", "20,40,60,80", "--segments", "none", "--output", output);

        Assert.True(code == 0, stderr);

        // Bin = 1 + #{t < v}. F: 1 → 1. M: 90 → 5; 10 → 1; 80 → 4 (80 is not above 80); 20 → 1; 70 → 4;
        // 30 → 2; 60 → 3; 40 → 2; 50 → 3. R as W4.
        Assert.Equal(
            new[] { "515", "511", "414", "411", "314", "312", "213", "212", "113" },
            File.ReadAllLines(output).Skip(1).Select(l => l.Split(',')[7]));
    }

    [Fact]
    public void Rfm_CompactSegments_FourSegmentNames()
    {
        string input = Write("in.csv", FiveCustomers);
        string output = Path.Combine(Folder, "out.csv");

        (int code, string stdout, string stderr) = Run([.. FiveCustomerArgs(input, output), "--segments", "compact"]);

        Assert.True(code == 0, stderr);

        // Cells 555, 244, 311, 133, 422. Compact: Best (R 4–5, F 4–5, M 4–5), Active (R 3–5),
        // At risk (R 1–2, F 3–5), Lapsed (R 1–2, F 1–2): 555 Best; 244 At risk; 311 Active; 133 At risk; 422 Active.
        Assert.Equal(
            new[] { "Best", "At risk", "Active", "At risk", "Active" },
            File.ReadAllLines(output).Skip(1).Select(l => l.Split(',')[8]));
        Assert.Matches(@"(?m)^At risk\s+2\s", stdout);
        Assert.DoesNotContain("note:", stdout, StringComparison.Ordinal); // presets print no coverage notes
    }

    [Fact]
    public void Rfm_SegmentsNone_EmptySegmentColumnAndNoSegmentTable()
    {
        string input = Write("in.csv", FiveCustomers);
        string output = Path.Combine(Folder, "out.csv");

        (int code, string stdout, string stderr) = Run([.. FiveCustomerArgs(input, output), "--segments", "none"]);

        Assert.True(code == 0, stderr);
        Assert.Equal("1,0,6,600,5,5,5,555,", File.ReadAllLines(output)[1]);
        Assert.DoesNotContain("Champions", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("customers    share", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Rfm_CustomSegmentFile_RulesFallbackAndCoverageNotes()
    {
        string input = Write("in.csv", FiveCustomers);
        string table = Write(
            "segments.csv",
            "segment,r_low,r_high,f_low,f_high,m_low,m_high\n\"Recent, active\",4,5,1,5,1,5\nShadowed,5,5,1,5,1,5\n");
        string output = Path.Combine(Folder, "out.csv");

        (int code, string stdout, string stderr) = Run([.. FiveCustomerArgs(input, output), "--segments", table, "--fallback-segment", "Rest"]);

        Assert.True(code == 0, stderr);

        // R of customers 1..5: 5, 2, 3, 1, 4. "Recent, active" takes R 4–5 (written back quoted); the rest
        // get the fallback. R 1–3 is uncovered: 3 × 25 = 75 of 125 cells, listed from 355 down; "Shadowed"
        // (R 5) lies wholly inside the first rule and never matches.
        Assert.Equal(
            new[] { "\"Recent, active\"", "Rest", "Rest", "Rest", "\"Recent, active\"" },
            File.ReadAllLines(output).Skip(1).Select(SegmentOf));
        Assert.Contains("note: 75 of 125 cells match no rule and get 'Rest' (e.g. 355, 354, 353, 352, 351).", stdout, StringComparison.Ordinal);
        Assert.Contains("note: rule 'Shadowed: R 5–5, F 1–5, M 1–5' never matches: earlier rules take all its cells.", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Rfm_MissingColumn_OneLineError()
    {
        string input = Write("in.csv", FiveCustomers);
        string output = Path.Combine(Folder, "out.csv");

        (int code, string stderr) = Fail(
            "rfm", "--transactions", input, "--customer-column", "cust", "--date-column", "date", "--amount-column", "amount",
            "--order-column", "order", "--as-of", "2024-03-31", "--output", output);

        Assert.Equal(2, code);
        Assert.Contains("no column 'cust'", stderr, StringComparison.Ordinal);
        Assert.Contains("--customer-column", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Theory]
    [InlineData("2024-02-30")]
    [InlineData("not a date")]
    public void Rfm_BadDate_OneLineErrorNamingLineAndColumn(string bad)
    {
        string input = Write("in.csv", $"customer_id,date,amount,order\na,2024-03-01,1,o1\nb,{bad},2,o2\n");
        string output = Path.Combine(Folder, "out.csv");

        (int code, string stderr) = Fail(FiveCustomerArgs(input, output));

        Assert.Equal(3, code);
        Assert.Contains("line 3", stderr, StringComparison.Ordinal);
        Assert.Contains("column 'date'", stderr, StringComparison.Ordinal);
        Assert.Contains($"'{bad}' is not a date", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Theory]
    [InlineData("\"12,5\"", "12,5")]
    [InlineData("abc", "abc")]
    [InlineData("NaN", "NaN")]
    public void Rfm_BadNumber_OneLineErrorNamingLineAndColumn(string field, string shown)
    {
        string input = Write("in.csv", $"customer_id,date,amount,order\na,2024-03-01,1,o1\nb,2024-03-02,{field},o2\n");
        string output = Path.Combine(Folder, "out.csv");

        (int code, string stderr) = Fail(FiveCustomerArgs(input, output));

        Assert.Equal(3, code);
        Assert.Contains("line 3", stderr, StringComparison.Ordinal);
        Assert.Contains("column 'amount'", stderr, StringComparison.Ordinal);
        Assert.Contains($"'{shown}' is not a number", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void Rfm_ElevenBins_OneLineError()
    {
        string input = Write("in.csv", FiveCustomers);

        (int code, string stderr) = Fail([.. FiveCustomerArgs(input, Path.Combine(Folder, "out.csv")), "--bins", "11"]);

        Assert.Equal(2, code);
        Assert.Contains("--bins: 11 is outside 2 … 10.", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Rfm_FixedMethodWithoutThresholds_OneLineError()
    {
        string input = Write("in.csv", FiveCustomers);

        (int code, string stderr) = Fail([.. FiveCustomerArgs(input, Path.Combine(Folder, "out.csv")), "--method", "fixed", "--recency-thresholds", "7,30,60,120"]);

        Assert.Equal(2, code);
        Assert.Contains("--method fixed needs --recency-thresholds, --frequency-thresholds and --monetary-thresholds", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Rfm_AmountAndQuantityColumns_OneLineError()
    {
        string input = Write("in.csv", FiveCustomers);

        (int code, string stderr) = Fail([.. FiveCustomerArgs(input, Path.Combine(Folder, "out.csv")), "--quantity-column", "amount", "--price-column", "amount"]);

        Assert.Equal(2, code);
        Assert.Contains("Give either --amount-column, or both --quantity-column and --price-column.", stderr, StringComparison.Ordinal);
    }

    [SharedDataFact("online-retail/online_retail.csv.gz")]
    public void Rfm_OnlineRetailCommand_ReferenceRowsAndChecksum()
    {
        string path = SharedData.PathOf("online-retail/online_retail.csv.gz");
        string output = Path.Combine(Folder, "online_retail_rfm.csv");

        (int code, string stdout, string stderr) = Run(
            "rfm", "--transactions", path, "--customer-column", "CustomerID", "--date-column", "InvoiceDate", "--quantity-column", "Quantity",
            "--price-column", "UnitPrice", "--order-column", "InvoiceNo", "--exclude-order-prefix", "C", "--as-of", "2011-12-10", "--output", output);

        Assert.True(code == 0, stderr);
        string[] rows = File.ReadAllLines(output);
        Assert.Equal(Header, rows[0]);

        // Published: 4,338 customers. Reference (tests/independent/rfm_reference.py, NTILE):
        // checksum S = Σ int(customer_id) × (100R + 10F + M) = 22112475534.
        Assert.Equal(4338, rows.Length - 1);
        long checksum = rows.Skip(1).Select(r => r.Split(',')).Sum(f => long.Parse(f[0], CultureInfo.InvariantCulture) * long.Parse(f[7], CultureInfo.InvariantCulture));
        Assert.Equal(22_112_475_534L, checksum);

        // Reference counts of removed lines; 4,372 distinct ids (data README) − 4,338 = 34 without purchase.
        Assert.Matches(@"(?m)lines read\s+541,909\r?$", stdout);
        Assert.Matches(@"(?m)removed: no customer id\s+135,080\r?$", stdout);
        Assert.Matches(@"(?m)removed: cancelled orders\s+8,905\s", stdout);
        Assert.Matches(@"(?m)removed: amount not positive\s+40\r?$", stdout);
        Assert.Matches(@"(?m)purchase lines counted\s+397,884\r?$", stdout);
        Assert.Matches(@"(?m)customers\s+4,338  \(and 34 ids seen only on removed lines\)", stdout);
        Assert.Matches(@"(?m)total monetary\s+8911407\.904\d*\r?$", stdout);
    }

    /// <summary>The segment column: everything after the eighth comma (a segment name may hold commas).</summary>
    private static string SegmentOf(string row)
    {
        int at = -1;
        for (int k = 0; k < 8; k++)
        {
            at = row.IndexOf(',', at + 1);
        }

        return row[(at + 1)..];
    }

    /// <summary>Runs a command expected to fail: one line on standard error, no stack trace.</summary>
    private static (int Code, string Stderr) Fail(params string[] args)
    {
        (int code, _, string stderr) = Run(args);
        Assert.StartsWith("error: ", stderr, StringComparison.Ordinal);
        Assert.Single(stderr.TrimEnd().Split('\n'));
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("(Parameter", stderr, StringComparison.Ordinal);
        return (code, stderr);
    }
}
