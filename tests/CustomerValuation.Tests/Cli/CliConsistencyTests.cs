using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using CustomerValuation.Cli;
using Xunit;

namespace CustomerValuation.Tests.Cli;

/// <summary>
/// What every command shares (docs/cli.md): the options, the exit codes 0/2/3/1/130, <c>--output -</c>,
/// JSON lines, <c>--delimiter</c> and <c>--culture</c>, <c>--quiet</c>, progress and Ctrl-C. Expected
/// values are worked by hand in the comments.
/// </summary>
public sealed class CliConsistencyTests : CliTestFolder
{
    private static readonly string[] Commands = ["abc", "rfm", "tier", "contribution", "lost", "clv", "report", "demo"];

    private const string Scorecard = """
        { "criteria": [
            { "name": "amount", "direction": "higher", "normalization": "minmax", "weight": 3 },
            { "name": "overdue", "column": "days_overdue", "direction": "lower", "normalization": "minmax", "weight": 1 } ],
          "tiers": { "atLeast": [ { "tier": "A", "bound": 60 }, { "tier": "B", "bound": 30 }, { "tier": "C", "bound": 0 } ] } }
        """;

    public CliConsistencyTests()
        : base("cv-cli-")
    {
    }

    [Fact]
    public void EveryCommand_HelpHasAnExampleAndTheSharedOptions()
    {
        foreach (string command in Commands)
        {
            (int code, string stdout, _) = Run(command, "--help");
            Assert.True(code == 0, command);
            Assert.Contains("Example:", stdout, StringComparison.Ordinal);
            Assert.Contains("customer-valuation " + command + " --", stdout, StringComparison.Ordinal);
            Assert.Contains("--quiet", stdout, StringComparison.Ordinal);
            if (command != "demo")
            {
                Assert.Contains("--delimiter", stdout, StringComparison.Ordinal);
                Assert.Contains("--culture", stdout, StringComparison.Ordinal);
            }

            if (command is not ("demo" or "report"))
            {
                Assert.Contains("--format", stdout, StringComparison.Ordinal);
                Assert.Contains("--output", stdout, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Version_PrintsTheVersion()
    {
        (int code, string stdout, _) = Run("--version");
        Assert.Equal(0, code);
        Assert.Matches(@"^\d+\.\d+\.\d+", stdout);
    }

    [Theory]
    [InlineData("abc", "--bogus")]
    [InlineData("rfm", "--bins")]
    [InlineData("nonsense")]
    public void ParseErrors_ExitTwo_WithAHint(params string[] args)
    {
        (int code, string stdout, string stderr) = Run(args);
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, stdout);
        Assert.StartsWith("error: ", stderr, StringComparison.Ordinal);
        Assert.Contains("--help'.", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void OutputDash_DataOnStdout_SummaryOnStderr_AsJsonLines()
    {
        // Hand: values 70, 20, 10 of 100; cumulative shares 0.7, 0.9, 1.0 with breakpoints 0.8, 0.95:
        // customer 1 → A, 2 crosses 0.8 and joins the upper class A, 3 crosses 0.95 → B.
        string input = Write("in.csv", "customer_id,value\n1,70\n2,20\n3,10\n");
        (int code, string stdout, string stderr) = Run("abc", "--input", input, "--output", "-", "--format", "jsonl");

        Assert.Equal(0, code);
        string[] lines = stdout.TrimEnd('\n').Split('\n');
        Assert.Equal(3, lines.Length);
        using JsonDocument first = JsonDocument.Parse(lines[0]);
        Assert.Equal(JsonValueKind.String, first.RootElement.GetProperty("customer_id").ValueKind);
        Assert.Equal("1", first.RootElement.GetProperty("customer_id").GetString());
        Assert.Equal("A", first.RootElement.GetProperty("class").GetString());
        Assert.Equal(70, first.RootElement.GetProperty("value").GetDouble());
        Assert.Equal(0.7, first.RootElement.GetProperty("share").GetDouble());
        string[] classes = lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("class").GetString()!).ToArray();
        Assert.Equal(["A", "A", "B"], classes);
        Assert.Contains("ABC classification of 3 customers", stderr, StringComparison.Ordinal);
        Assert.Contains("Wrote 3 rows to standard output", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void JsonLines_QuotedFieldsAndEmptyCells()
    {
        // An unscored customer (a value in one of the two criteria under "renormalize", below the minimum share 0.75 of the criteria) has an empty score: null.
        string input = Write("in.csv", "customer_id,amount,days_overdue\n\"x, \"\"y\"\"\",100,0\nb,300,10\nc,,40\n");
        string card = Write("card.json", Scorecard.Replace("\"tiers\"", "\"missing\": \"renormalize\", \"minimumCriteriaShare\": 0.75, \"tiers\"", StringComparison.Ordinal));
        string output = Path.Combine(Folder, "tiers.jsonl");
        (int code, _, string stderr) = Run("tier", "--input", input, "--scorecard", card, "--output", output, "--format", "jsonl");
        Assert.True(code == 0, stderr);
        JsonElement[] rows = File.ReadAllLines(output).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        Assert.Equal("x, \"y\"", rows[0].GetProperty("customer_id").GetString());
        Assert.Equal(JsonValueKind.Number, rows[0].GetProperty("score").ValueKind);
        JsonElement c = rows.Single(r => r.GetProperty("customer_id").GetString() == "c");
        Assert.Equal(JsonValueKind.Null, c.GetProperty("score").ValueKind);
    }

    [Fact]
    public void Quiet_PrintsNothing_ButWritesTheFile()
    {
        string input = Write("in.csv", "customer_id,value\n1,70\n2,20\n3,10\n");
        string output = Path.Combine(Folder, "out.csv");
        (int code, string stdout, string stderr) = Run("abc", "--input", input, "--output", output, "--quiet");
        Assert.Equal(0, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Equal(string.Empty, stderr);
        Assert.Equal(4, File.ReadAllLines(output).Length);
    }

    [Fact]
    public void DelimiterAndCulture_ReadADecimalCommaExport_InEveryCommand()
    {
        // German number format with semicolons: 1.234,50 is 1234.5.
        string rfm = Write("t.csv", "id;date;amount\n1;2026-01-01;1.234,50\n1;2026-01-02;0,50\n");
        string output = Path.Combine(Folder, "rfm.csv");
        (int code, _, string stderr) = Run("rfm", "--transactions", rfm, "--customer-column", "id", "--date-column", "date", "--amount-column", "amount",
            "--as-of", "2026-01-31", "--segments", "none", "--output", output, "--delimiter", "semicolon", "--culture", "de-DE");
        Assert.True(code == 0, stderr);
        Assert.StartsWith("1,29,2,1235.00,", File.ReadAllLines(output)[1], StringComparison.Ordinal);

        string abc = Write("abc.csv", "customer_id;value\na;1.000,5\nb;2,5\n");
        (code, _, stderr) = Run("abc", "--input", abc, "--output", Path.Combine(Folder, "abc.csv"), "--delimiter", "semicolon", "--culture", "de-DE");
        Assert.True(code == 0, stderr);
        Assert.Contains("a,A,1,1000.5,", File.ReadAllText(Path.Combine(Folder, "abc.csv")), StringComparison.Ordinal);

        string tier = Write("tier.tsv", "customer_id\tamount\tdays_overdue\na\t1.000,5\t0\nb\t3.000\t10\n");
        (code, _, stderr) = Run("tier", "--input", tier, "--scorecard", Write("card.json", Scorecard), "--output", Path.Combine(Folder, "tier.csv"), "--delimiter", "tab", "--culture", "de-DE");
        Assert.True(code == 0, stderr);

        string contribution = Write("c.csv", "g;i;s;c;inv\nx;p;1.000,5;500;100\n");
        (code, _, stderr) = Run("contribution", "--input", contribution, "--group-column", "g", "--item-column", "i", "--sales-column", "s", "--cost-column", "c",
            "--inventory-column", "inv", "--output", Path.Combine(Folder, "c-out.csv"), "--delimiter", "semicolon", "--culture", "de-DE");
        Assert.True(code == 0, stderr);
        Assert.Contains("x,p,1000.5,500,100,", File.ReadAllText(Path.Combine(Folder, "c-out.csv")), StringComparison.Ordinal);

        string lost = Write("l.csv", "customer_id;note;value\na;too expensive;1.500,25\n");
        (code, string stdout, stderr) = Run("lost", "--input", lost, "--notes-column", "note", "--value-column", "value", "--delimiter", "semicolon", "--culture", "de-DE");
        Assert.True(code == 0, stderr);
        Assert.Contains("1,500.25", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void InvariantCulture_RejectsADecimalComma_NamingTheRule()
    {
        string input = Write("in.csv", "customer_id;value\na;1,5\n");
        (int code, _, string stderr) = Run("abc", "--input", input, "--delimiter", "semicolon");
        Assert.Equal(3, code);
        Assert.Contains("line 2, column 'value': '1,5' is not a finite number (use a dot as the decimal separator", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--culture", "xx-NOPE", "--culture: 'xx-NOPE' is not a culture")]
    [InlineData("--delimiter", "pipe", "--delimiter: 'pipe' is not one of the choices")]
    [InlineData("--format", "xml", "--format: 'xml' is not one of the choices")]
    public void BadSharedOption_ExitsTwo(string option, string value, string expected)
    {
        string input = Write("in.csv", "customer_id,value\na,1\n");
        (int code, _, string stderr) = Run("abc", "--input", input, option, value);
        Assert.Equal(2, code);
        Assert.Contains(expected, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Cancelled_ExitsOneThirty_AndLeavesNoFile()
    {
        var text = new StringBuilder("id,date,amount\n");
        for (int i = 0; i < 100_000; i++)
        {
            text.Append("1,2026-01-01,1\n");
        }

        string input = Write("t.csv", text.ToString());
        string outputFolder = Path.Combine(Folder, "out");
        Directory.CreateDirectory(outputFolder);
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int code = Program.Run(
            ["rfm", "--transactions", input, "--customer-column", "id", "--date-column", "date", "--amount-column", "amount", "--as-of", "2026-01-31", "--output", Path.Combine(outputFolder, "rfm.csv")],
            stdout,
            stderr,
            cancel.Token);
        Assert.Equal(130, code);
        Assert.Contains("cancelled", stderr.ToString(), StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(outputFolder));
    }

    [Fact]
    public void Progress_NamesLinesRateAndTime()
    {
        using var error = new StringWriter();
        using var reader = new RecordReader(new MemoryStream(Encoding.UTF8.GetBytes("a\nb\nc\n")), "f.csv");
        using var progress = new ProgressReport(error);
        progress.Attach(reader);
        while (reader.Read())
        {
        }

        progress.Tick();
        Assert.Matches(@"^\r3 lines read, [0-9,]+ lines/s, [0-9]+\.[0-9] s", error.ToString());
    }
}
