using System;
using System.IO;
using System.Linq;
using CustomerValuation.Cli;
using Xunit;

namespace CustomerValuation.Tests.Cli;

/// <summary>Errors of the rfm command that come from inside the library: named by the file's own line numbers and options.</summary>
public sealed class RfmCommandErrorTests : CliTestFolder
{
    public RfmCommandErrorTests()
        : base("cv-rfm-err-")
    {
    }

    [Fact]
    public void Rfm_CustomerTotalBeyondDecimalFoundInALaterBatch_NamesTheFileLineOfTheCulprit()
    {
        // Hand: X's second line (file line 4, after a header and a blank line) takes X beyond 7.9e28;
        // 300 ordinary lines follow, so the error surfaces while a later batch is read.
        string rows = string.Concat(Enumerable.Range(1, 300).Select(i => $"c{i},2024-01-05,10,o{i}\n"));
        string path = Write("ovf.csv", "cust,date,amt,inv\n\nX,2024-01-05,50000000000000000000000000000,A1\nX,2024-01-05,50000000000000000000000000000,A2\n" + rows);

        (int code, _, string stderr) = Run("rfm", "--transactions", path, "--customer-column", "cust", "--date-column", "date", "--amount-column", "amt", "--order-column", "inv", "--as-of", "2024-12-31");

        Assert.Equal(3, code);
        Assert.StartsWith($"error: {path}: line 4: customer 'X' would total beyond the range of decimal", stderr, StringComparison.Ordinal);
        Assert.Single(stderr.TrimEnd().Split('\n'));
    }

    [Fact]
    public void Rfm_PurchaseWithoutOrderId_SuggestsTheOption()
    {
        string path = Write("noorder.csv", "cust,date,amt,inv\n1,2024-01-05,10,A1\n2,2024-01-06,10,\n");

        (int code, _, string stderr) = Run("rfm", "--transactions", path, "--customer-column", "cust", "--date-column", "date", "--amount-column", "amt", "--order-column", "inv", "--as-of", "2024-12-31");

        Assert.Equal(3, code);
        Assert.Contains($"{path}: line 3 (customer '2') has no order id", stderr, StringComparison.Ordinal);
        Assert.Contains("--frequency days", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("RfmFrequencyBasis", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Rfm_TotalOfAllCustomersBeyondDecimal_OneLineError()
    {
        // Hand: each customer's 5e28 fits a decimal, their sum 1e29 does not.
        string path = Write("big.csv", "cust,date,amt\n1,2024-01-05,50000000000000000000000000000\n2,2024-01-06,50000000000000000000000000000\n");

        (int code, _, string stderr) = Run("rfm", "--transactions", path, "--customer-column", "cust", "--date-column", "date", "--amount-column", "amt", "--as-of", "2024-12-31");

        Assert.Equal(3, code);
        Assert.Contains("add up to more than the range of decimal", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2024-01-05Tgarbage")]
    [InlineData("2024-01-05 25:00")]
    [InlineData("2024-01-05 10:61")]
    public void Rfm_DateWithAnInvalidTime_IsAnError(string date)
    {
        string path = Write("d.csv", $"cust,date,amt\n1,{date},10\n");

        (int code, _, string stderr) = Run("rfm", "--transactions", path, "--customer-column", "cust", "--date-column", "date", "--amount-column", "amt", "--as-of", "2024-12-31");

        Assert.Equal(3, code);
        Assert.Contains("is not a date", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2024-01-05 10:30")]
    [InlineData("2024-01-05T10:30:15")]
    [InlineData("2024-01-05 10:30:15.250")]
    public void Rfm_DateWithAValidTime_IsRead(string date)
    {
        string path = Write("d.csv", $"cust,date,amt\n1,{date},10\n");
        string output = Path.Combine(Folder, "out.csv");

        (int code, _, string stderr) = Run("rfm", "--transactions", path, "--customer-column", "cust", "--date-column", "date", "--amount-column", "amt", "--as-of", "2024-01-31", "--bins", "2", "--output", output);

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, stderr);
        Assert.StartsWith("1,26,1,10,", File.ReadAllLines(output)[1], StringComparison.Ordinal); // hand: 31 − 5 = 26 days
    }

    [Fact]
    public void Rfm_PresetNameInCapitals_IsThePreset()
    {
        string path = Write("t.csv", "cust,date,amt\n1,2024-01-05,10\n2,2024-01-20,30\n");

        (int code, string stdout, string stderr) = Run("rfm", "--transactions", path, "--customer-column", "cust", "--date-column", "date", "--amount-column", "amt", "--as-of", "2024-01-31", "--segments", "Compact");

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, stderr);
        Assert.Contains("Lapsed", stdout, StringComparison.Ordinal);
    }
}
