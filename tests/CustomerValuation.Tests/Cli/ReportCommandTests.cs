using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Xunit;

namespace CustomerValuation.Tests.Cli;

/// <summary>The report command and the demo's report.html: a self-contained, well-formed HTML file with one SVG per chart and captions that state the figures.</summary>
public sealed class ReportCommandTests : CliTestFolder
{
    // Five customers; a buys twice (600 + 400). Monetary by hand: a 1000, b 500, c 300, d 150, e 50; total 2000.
    private const string Transactions =
        "cust,day,amount\n" +
        "a,2024-12-30,600\n" +
        "a,2024-10-01,400\n" +
        "b,2024-12-20,500\n" +
        "c,2024-11-01,300\n" +
        "d,2024-06-01,150\n" +
        "e,2024-01-05,50\n";

    public ReportCommandTests()
        : base("cv-report-")
    {
    }

    [Fact]
    public void Report_SmallFile_WritesWellFormedSelfContainedHtml()
    {
        string input = Write("lines.csv", Transactions);
        string output = Path.Combine(Folder, "report.html");

        (int code, string stdout, string stderr) = RunReport(input, output);

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, stderr);
        Assert.Equal($"Wrote the report of 5 customers (Pareto curve, R × F heat map, segments) to {output}", stdout.TrimEnd());
        string html = File.ReadAllText(output);
        XDocument doc = XDocument.Parse(html);
        Assert.Equal("html", doc.Root!.Name.LocalName);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("http://", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("https://", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);
        XElement[] svgs = doc.Descendants("svg").ToArray();
        Assert.Equal(3, svgs.Length); // Pareto, R × F heat map, segments; no reasons or CLV from this command
        Assert.All(svgs, s => Assert.Equal("img", (string?)s.Attribute("role")));
        Assert.All(svgs, s => Assert.NotNull(s.Element("title")));
        Assert.Equal(3, doc.Descendants("figcaption").Count());
        Assert.Empty(Directory.GetFiles(Folder, "*.tmp"));
    }

    [Fact]
    public void Report_SmallFile_CaptionsStateHandComputedFigures()
    {
        string input = Write("lines.csv", Transactions);
        string output = Path.Combine(Folder, "report.html");

        Assert.Equal(0, RunReport(input, output).Code);

        string[] captions = XDocument.Parse(File.ReadAllText(output)).Descendants("figcaption").Select(f => f.Value).ToArray();

        // By hand: cumulative shares a 0.50, b 0.75, c 0.90, d 0.975, e 1. c crosses 80 % and joins A (upper class),
        // d crosses 95 % and joins B: A = a, b, c (3 of 5 = 60.0 %, 1800 / 2000 = 90.0 %), B = d (7.5 %), C = e (2.5 %).
        // Top 20 % of 5 customers = 1 customer (a), 1000 / 2000 = 50.0 %.
        Assert.StartsWith("The top 20 % of customers (1 of 5 with a positive value) bring 50.0 % of the value (total 2,000).", captions[0], StringComparison.Ordinal);
        Assert.Contains("A: 3 customers (60.0 % of customers), 90.0 % of value", captions[0], StringComparison.Ordinal);
        Assert.Contains("B: 1 customer (20.0 % of customers), 7.5 % of value", captions[0], StringComparison.Ordinal);
        Assert.Contains("C: 1 customer (20.0 % of customers), 2.5 % of value", captions[0], StringComparison.Ordinal);
        Assert.DoesNotContain("zero or negative", captions[0], StringComparison.Ordinal);
        Assert.StartsWith("5 customers in ", captions[1], StringComparison.Ordinal);
        Assert.Contains("R × F cells", captions[1], StringComparison.Ordinal);

        // By hand, recency days to 2024-12-31: a 1, b 11, c 60, d 213, e 361 (all distinct), so a is R5 and e is R1;
        // a alone bought on two days (the top frequency, F5). Highest mean monetary: a alone (1000); lowest: e alone (50).
        Assert.Contains("Highest mean monetary: R5 F5, 1 customer, mean 1,000.", captions[1], StringComparison.Ordinal);
        Assert.Contains("Lowest: R1 F", captions[1], StringComparison.Ordinal);
        Assert.Contains(", 1 customer, mean 50.", captions[1], StringComparison.Ordinal);

        // Segment counts add up to the 5 customers and their values to the 2000.
        MatchCollection parts = Regex.Matches(captions[2], @"(\d+) customers? \([0-9.]+ %\), value ([0-9,.]+) ");
        Assert.NotEmpty(parts);
        Assert.Equal(5, parts.Sum(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(2000, parts.Sum(m => double.Parse(m.Groups[2].Value.Replace(",", string.Empty, StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Report_PreviousAsOf_AddsTransitionMatrixWithHandCountedMoves()
    {
        string input = Write("lines.csv", Transactions);
        string output = Path.Combine(Folder, "report.html");

        (int code, string stdout, _) = RunReport(input, output, "--previous-as-of", "2024-09-30");

        Assert.Equal(0, code);
        Assert.Contains("ABC class transitions", stdout, StringComparison.Ordinal);
        XDocument doc = XDocument.Parse(File.ReadAllText(output));
        Assert.Equal(4, doc.Descendants("svg").Count());
        string caption = doc.Descendants("figure").Single(f => (string?)f.Attribute("id") == "transition").Element("figcaption")!.Value;

        // By hand: by 2024-09-30 only d (150) and e (50) had bought; cumulative shares 0.75 and 1, e crosses 80 % and
        // joins A, so both were A. Now d is B and e is C (see the Pareto test): 2 worse, none kept; a, b, c are new.
        Assert.StartsWith("Of 2 customers with purchases by both 2024-09-30 and 2024-12-31, 0 kept their class (0.0 %), 0 moved to a better class and 2 to a worse one; 3 new since 2024-09-30; 0 no longer present.", caption, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2024-12-31")]
    [InlineData("2025-01-01")]
    public void Report_PreviousAsOfNotBeforeAsOf_OneLineError(string previous)
    {
        string input = Write("lines.csv", Transactions);
        string output = Path.Combine(Folder, "report.html");

        (int code, _, string stderr) = RunReport(input, output, "--previous-as-of", previous);

        Assert.Equal(2, code);
        Assert.Equal($"error: --previous-as-of {previous} must be before --as-of 2024-12-31.", stderr.TrimEnd());
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void Report_PreviousAsOfBeforeAllLines_OneLineErrorNamingTheOption()
    {
        string input = Write("lines.csv", Transactions);
        string output = Path.Combine(Folder, "report.html");

        (int code, _, string stderr) = RunReport(input, output, "--previous-as-of", "2023-12-31");

        Assert.Equal(2, code);
        Assert.StartsWith("error: --previous-as-of 2023-12-31: ", stderr, StringComparison.Ordinal);
        Assert.Single(stderr.TrimEnd().Split('\n'));
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void Report_NameNeedingEscape_IsEscaped()
    {
        string input = Write("a&b <x>.csv", Transactions);
        string output = Path.Combine(Folder, "report.html");

        Assert.Equal(0, RunReport(input, output).Code);

        string html = File.ReadAllText(output);
        Assert.Contains("a&amp;b &lt;x&gt;.csv", html, StringComparison.Ordinal);
        Assert.Contains("a&b <x>.csv", XDocument.Parse(html).Descendants("title").First().Value, StringComparison.Ordinal);
    }

    [Fact]
    public async System.Threading.Tasks.Task Report_PreviousAsOfOnAPipe_ExitsTwo_BecauseItReadsTwice()
    {
        // Found in review: only "-" was refused, so a pipe given as a path (bash's <(…)) failed later
        // with a misleading "is empty". A FIFO stands for the pipe.
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        string fifo = Path.Combine(Folder, "pipe.csv");
        using (var mk = System.Diagnostics.Process.Start("mkfifo", fifo))
        {
            mk.WaitForExit();
        }

        var writer = System.Threading.Tasks.Task.Run(() =>
        {
            try
            {
                File.WriteAllText(fifo, "cust,day,amount\na,2024-12-01,5\n");
            }
            catch (IOException)
            {
                // The reader closed the pipe without reading: expected.
            }
        });
        (int code, _, string stderr) = RunReport(fifo, Path.Combine(Folder, "r.html"), "--previous-as-of", "2024-06-30");
        if (await System.Threading.Tasks.Task.WhenAny(writer, System.Threading.Tasks.Task.Delay(TimeSpan.FromSeconds(10))) != writer)
        {
            using var release = new FileStream(fifo, FileMode.Open, FileAccess.Read); // unblock the writer
        }

        Assert.Equal(2, code);
        Assert.Contains("needs a file, not standard input or a pipe", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_MissingOutput_ExitsOneAndWritesNothing()
    {
        string input = Write("lines.csv", Transactions);

        (int code, _, string stderr) = Run("report", "--transactions", input, "--customer-column", "cust", "--date-column", "day", "--amount-column", "amount", "--as-of", "2024-12-31");

        Assert.Equal(2, code);
        Assert.Contains("--output", stderr, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(Folder, "*.html"));
    }

    [Fact]
    public void Report_UnknownColumn_OneLineErrorAndNoFile()
    {
        string input = Write("lines.csv", Transactions);
        string output = Path.Combine(Folder, "report.html");

        (int code, string stdout, string stderr) = Run("report", "--transactions", input, "--customer-column", "customer", "--date-column", "day", "--amount-column", "amount", "--as-of", "2024-12-31", "--output", output);

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Single(stderr.TrimEnd().Split('\n'));
        Assert.Contains("'customer'", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void Report_AmountAndQuantityBothGiven_OneLineError()
    {
        string input = Write("lines.csv", Transactions);
        string output = Path.Combine(Folder, "report.html");

        (int code, _, string stderr) = RunReport(input, output, "--quantity-column", "amount");

        Assert.Equal(2, code);
        Assert.Equal("error: Give either --amount-column, or both --quantity-column and --price-column.", stderr.TrimEnd());
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void Demo_WritesReportWithSixCharts()
    {
        string folder = Path.Combine(Folder, "demo");

        (int code, string stdout, _) = Run("demo", "--output-dir", folder);

        Assert.Equal(0, code);
        Assert.Contains("  report.html", stdout, StringComparison.Ordinal);
        string html = File.ReadAllText(Path.Combine(folder, "report.html"));
        XDocument doc = XDocument.Parse(html);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("http", html, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(6, doc.Descendants("svg").Count()); // Pareto, heat map, segments, ABC transitions, reason Pareto, CLV
        string[] ids = doc.Descendants("figure").Select(f => (string)f.Attribute("id")!).ToArray();
        Assert.Equal(new[] { "pareto", "rf-heatmap", "segments", "transition", "reasons", "clv" }, ids);

        // The demo's section 7 prints 10 lost customers with one untagged (L08, value 2,500).
        string reasons = doc.Descendants("figure").Single(f => (string?)f.Attribute("id") == "reasons").Element("figcaption")!.Value;
        Assert.Contains("from 10 customers (1 untagged, value 2,500)", reasons, StringComparison.Ordinal);
    }

    private static (int Code, string Stdout, string Stderr) RunReport(string input, string output, params string[] more) =>
        Run(new[] { "report", "--transactions", input, "--customer-column", "cust", "--date-column", "day", "--amount-column", "amount", "--as-of", "2024-12-31", "--output", output }.Concat(more).ToArray());
}
