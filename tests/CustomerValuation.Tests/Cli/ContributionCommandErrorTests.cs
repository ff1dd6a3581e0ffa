using System;
using System.IO;
using System.Linq;
using Xunit;

namespace CustomerValuation.Tests.Cli;

/// <summary>Errors of the <c>contribution</c> command: one line, exit code 1, naming the file, line and column; no output file.</summary>
public sealed class ContributionCommandErrorTests : CliTestFolder
{
    /// <summary>The documented exit code of an error message: 2 for the arguments (an option, a missing file, a column not in the header), 3 for the input data.</summary>
    private static int ExitCodeFor(string message) =>
        message.StartsWith("--", StringComparison.Ordinal) || message.StartsWith("Give ", StringComparison.Ordinal)
        || message.Contains("does not exist", StringComparison.Ordinal) || message.Contains("no column", StringComparison.Ordinal)
        || message.Contains("give the column's number", StringComparison.Ordinal) ? 2 : 3;

    private const string Header = "region,product,sales,cost,inventory\n";

    public ContributionCommandErrorTests()
        : base("cv-contribution-err-")
    {
    }

    [Fact]
    public void Contribution_MissingColumn_NamesTheColumnAndTheOption()
    {
        string input = Write("in.csv", Header + "north,a,600,450,200\n");

        (int code, string stdout, string stderr, bool written) = RunOn(input, "--inventory-column", "stock");

        Assert.Equal(2, code);
        Assert.Equal($"error: {input}: no column 'stock' in the header ('region', 'product', 'sales', 'cost', 'inventory'); choose one with --inventory-column.", stderr.TrimEnd());
        Assert.Equal(string.Empty, stdout);
        Assert.False(written);
    }

    [Theory]
    [InlineData("north,a,6OO,450,200", "line 3, column 'sales': '6OO' is not a finite number for the sales")]
    [InlineData("north,a,600,450,n/a", "line 3, column 'inventory': 'n/a' is not a finite number for the average inventory")]
    [InlineData("north,a,600,Infinity,200", "line 3, column 'cost': 'Infinity' is not a finite number for the cost of goods")]
    [InlineData("north,a,,450,200", "line 3, column 'sales': the sales is empty; sales and cost of goods are required")]
    [InlineData(",a,600,450,200", "line 3, column 'region': the group is empty")]
    [InlineData("north,a,600", "line 3 has 3 fields but the header has 5.")]
    public void Contribution_BadCellOnLine3_NamesLineAndColumn(string row, string expected)
    {
        // Line 1 is the header, line 2 a good row, line 3 the bad one (counted by hand).
        string input = Write("in.csv", Header + "north,b,200,100,400\n" + row + "\n");

        (int code, string stdout, string stderr, bool written) = RunOn(input);

        Assert.Equal(ExitCodeFor(expected), code);
        Assert.StartsWith($"error: {input}: ", stderr, StringComparison.Ordinal);
        Assert.Contains(expected, stderr, StringComparison.Ordinal);
        Assert.Single(stderr.TrimEnd().Split('\n'));
        Assert.Equal(string.Empty, stdout);
        Assert.False(written);
    }

    [Fact]
    public void Contribution_NegativeSales_ReportsTheLibraryErrorWithTheFileLine()
    {
        // Hand: the negative row is the third data row, on line 5 (after a blank line 3), group 'south', item 'c';
        // the library names it by its index among the rows read (2), the command by its line.
        string input = Write("in.csv", Header + "north,a,600,450,200\n\nnorth,b,200,100,400\nsouth,c,-200,100,50\n");

        (int code, _, string stderr, bool written) = RunOn(input);

        Assert.Equal(3, code);
        Assert.StartsWith($"error: {input}: line 5 (group 'south', item 'c'): sales are -200; amounts must be finite and 0 or more", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("index", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("(Parameter", stderr, StringComparison.Ordinal);
        Assert.Single(stderr.TrimEnd().Split('\n'));
        Assert.False(written);
    }

    [Fact]
    public void Contribution_NegativeInventory_ReportsTheLibraryErrorWithTheFileLine()
    {
        string input = Write("in.csv", Header + "north,a,600,450,-1\n");

        (int code, _, string stderr, _) = RunOn(input);

        Assert.Equal(3, code);
        Assert.StartsWith($"error: {input}: line 2 (group 'north', item 'a'): average inventory is -1;", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Contribution_RepeatedPair_NamesBothLines()
    {
        string input = Write("in.csv", Header + "north,a,600,450,200\nnorth,b,200,100,400\nnorth,a,1,1,1\n");

        (int code, _, string stderr, _) = RunOn(input);

        Assert.Equal(3, code);
        Assert.Equal($"error: {input}: group 'north', item 'a' appears on line 2 and again on line 4; each (group, item) pair must be unique (sum its rows first).", stderr.TrimEnd());
    }

    [Fact]
    public void Contribution_UnknownBasis_IsRejectedByTheParser()
    {
        string input = Write("in.csv", Header + "north,a,600,450,200\n");

        (int code, _, string stderr, _) = RunOn(input, "--basis", "retail");

        Assert.NotEqual(0, code);
        Assert.Contains("retail", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Contribution_MissingInput_SaysSo()
    {
        string input = Path.Combine(Folder, "nope.csv");

        (int code, _, string stderr, _) = RunOn(input);

        Assert.Equal(2, code);
        Assert.Equal($"error: Input file '{input}' does not exist.", stderr.TrimEnd());
    }

    /// <summary>Runs the command with the standard column names (overridable: a later option wins) and an output file; reports whether the file was written.</summary>
    private (int Code, string Stdout, string Stderr, bool Written) RunOn(string input, params string[] more)
    {
        string output = Path.Combine(Folder, "out.csv");
        string[] args = new[] { "contribution", "--input", input, "--group-column", "region", "--item-column", "product", "--sales-column", "sales", "--cost-column", "cost", "--output", output }.Concat(more).ToArray();
        if (!more.Contains("--inventory-column"))
        {
            args = args.Concat(new[] { "--inventory-column", "inventory" }).ToArray();
        }

        (int code, string stdout, string stderr) = Run(args);
        return (code, stdout, stderr, File.Exists(output));
    }
}
