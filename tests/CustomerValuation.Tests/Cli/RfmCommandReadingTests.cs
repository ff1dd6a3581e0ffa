using System.IO;
using System.Linq;
using System.Text;
using Xunit;

namespace CustomerValuation.Tests.Cli;

/// <summary>
/// The <c>rfm</c> command's fast reading: integer ids aggregated as numbers, the restart with text
/// ids, many batches, and errors reported in file order although reading and aggregating overlap.
/// Expected values are worked by hand from the documented rules (docs/rfm.md: ids that are all
/// integers sort by value, otherwise ordinally).
/// </summary>
public sealed class RfmCommandReadingTests : CliTestFolder
{
    public RfmCommandReadingTests()
        : base("cv-rfm-read-")
    {
    }

    private static string[] Args(string input, string output, params string[] more) =>
        ["rfm", "--transactions", input, "--customer-column", "id", "--date-column", "date", "--amount-column", "amount",
         "--as-of", "2026-01-31", "--segments", "none", "--output", output, .. more];

    private static string[] Ids(string output) =>
        File.ReadAllLines(output).Skip(1).Select(l => l.Split(',')[0]).ToArray();

    [Fact]
    public void IntegerIds_SortByValue()
    {
        string input = Write("t.csv", "id,date,amount\n10,2026-01-01,5\n9,2026-01-02,7\n-3,2026-01-02,7\n");
        string output = Path.Combine(Folder, "out.csv");
        Assert.Equal(0, Run(Args(input, output)).Code);
        Assert.Equal(["-3", "9", "10"], Ids(output));
    }

    [Fact]
    public void OneTextIdAfterIntegers_StartsAgainWithTextIds_InOrdinalOrder()
    {
        string input = Write("t.csv", "id,date,amount\n10,2026-01-01,5\n9,2026-01-02,7\nA7,2026-01-03,1\n9,2026-01-04,1\n");
        string output = Path.Combine(Folder, "out.csv");
        (int code, string stdout, _) = Run(Args(input, output));
        Assert.Equal(0, code);
        Assert.Equal(["10", "9", "A7"], Ids(output));
        Assert.Matches(@"lines read\s+4\b", stdout);
        // Customer 9: two purchase days, 7 + 1.
        Assert.Contains("9,27,2,8,", File.ReadAllText(output), System.StringComparison.Ordinal);
    }

    [Fact]
    public void LeadingZeros_AreTextIds_AndDistinctCustomers()
    {
        string input = Write("t.csv", "id,date,amount\n7,2026-01-01,5\n007,2026-01-02,7\n");
        string output = Path.Combine(Folder, "out.csv");
        Assert.Equal(0, Run(Args(input, output)).Code);
        Assert.Equal(["007", "7"], Ids(output));
    }

    [Fact]
    public void EmptyIds_AreRemovedAndCounted_WithIntegerIds()
    {
        string input = Write("t.csv", "id,date,amount\n1,2026-01-01,5\n,2026-01-02,7\n2,2026-01-03,1\n");
        string output = Path.Combine(Folder, "out.csv");
        (int code, string stdout, _) = Run(Args(input, output));
        Assert.Equal(0, code);
        Assert.Equal(["1", "2"], Ids(output));
        Assert.Matches(@"removed: no customer id\s+1\b", stdout);
    }

    [Fact]
    public void ManyBatches_TotalsAreKept()
    {
        // 40,000 lines (more than two batches): customer k (0..39) buys on 1,000 lines of 1.25 each.
        var text = new StringBuilder("id,date,amount\n");
        for (int i = 0; i < 40_000; i++)
        {
            text.Append(System.FormattableString.Invariant($"{i % 40},2026-01-{1 + (i % 28):00},1.25\n"));
        }

        string input = Write("t.csv", text.ToString());
        string output = Path.Combine(Folder, "out.csv");
        (int code, string stdout, _) = Run(Args(input, output));
        Assert.Equal(0, code);
        string[] rows = File.ReadAllLines(output).Skip(1).ToArray();
        Assert.Equal(40, rows.Length);
        Assert.All(rows, r => Assert.Equal("1250.00", r.Split(',')[3]));
        Assert.Matches(@"total monetary\s+50000\.00", stdout);
    }

    [Fact]
    public void ALibraryErrorOnAnEarlierLine_IsReportedBeforeAParseErrorOnALaterOne()
    {
        // Line 3 is after the as-of date (rejected by --future reject, found while aggregating);
        // line 5 has no date (found while reading, which runs ahead of the aggregation).
        string input = Write("t.csv", "id,date,amount\n1,2026-01-01,5\n2,2026-02-15,7\n3,2026-01-03,1\n4,not-a-date,1\n");
        (int code, _, string stderr) = Run(Args(input, Path.Combine(Folder, "out.csv"), "--future", "reject"));
        Assert.NotEqual(0, code);
        Assert.Contains("line 3", stderr, System.StringComparison.Ordinal);
        Assert.DoesNotContain("line 5", stderr, System.StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(Folder, "out.csv")));
    }

    [Fact]
    public void AParseError_NamesItsLineAndColumn()
    {
        string input = Write("t.csv", "id,date,amount\n1,2026-01-01,5\n2,2026-01-02,seven\n");
        (int code, _, string stderr) = Run(Args(input, Path.Combine(Folder, "out.csv")));
        Assert.NotEqual(0, code);
        Assert.Contains("line 3, column 'amount': 'seven' is not a number", stderr, System.StringComparison.Ordinal);
    }
}
