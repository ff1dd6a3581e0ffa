using System;
using System.Linq;
using Xunit;

namespace CustomerValuation.Tests.Cli;

/// <summary>Bad input and bad options of the clv command: exit code 1 and one line on standard error naming the line or the option.</summary>
public sealed class ClvCommandErrorTests : CliTestFolder
{
    /// <summary>The documented exit code of an error message: 2 for the arguments (an option, a missing file, a column not in the header), 3 for the input data.</summary>
    private static int ExitCodeFor(string message) =>
        message.StartsWith("--", StringComparison.Ordinal) || message.StartsWith("Give ", StringComparison.Ordinal)
        || message.Contains("does not exist", StringComparison.Ordinal) || message.Contains("no column", StringComparison.Ordinal)
        || message.Contains("give the column's number", StringComparison.Ordinal) ? 2 : 3;

    /// <summary>Two customers with repeat purchases before 2024-03-31 (enough to get past the input checks).</summary>
    private const string Good = "customer,date,amount\n1,2024-01-05,10\n1,2024-02-05,20\n2,2024-01-10,15\n2,2024-03-01,5\n";

    public ClvCommandErrorTests()
        : base("cv-clv-err-")
    {
    }

    private static (int Code, string Stdout, string Stderr) RunClv(string input, params string[] more) =>
        Run(new[] { "clv", "--transactions", input, "--customer-column", "customer", "--date-column", "date", "--amount-column", "amount", "--calibration-end", "2024-03-31" }.Concat(more).ToArray());

    private static void AssertOneLineError((int Code, string Stdout, string Stderr) result, string expected)
    {
        Assert.Equal(ExitCodeFor(expected), result.Code);
        Assert.StartsWith("error: ", result.Stderr, StringComparison.Ordinal);
        Assert.Contains(expected, result.Stderr, StringComparison.Ordinal);
        Assert.Single(result.Stderr.TrimEnd().Split('\n'));
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Clv_MissingColumn_NamesTheColumnAndTheOption()
    {
        string path = Write("in.csv", Good);

        var result = Run("clv", "--transactions", path, "--customer-column", "customer", "--date-column", "date", "--amount-column", "sales", "--calibration-end", "2024-03-31");

        AssertOneLineError(result, $"{path}: no column 'sales' in the header ('customer', 'date', 'amount'); choose one with --amount-column.");
    }

    [Fact]
    public void Clv_ColumnNameWithoutHeader_AsksForTheColumnNumber()
    {
        string path = Write("in.txt", "1 20240105 10\n");

        var result = Run("clv", "--transactions", path, "--delimiter", "whitespace", "--no-header", "--customer-column", "customer", "--date-column", "2", "--amount-column", "3", "--calibration-end", "2024-03-31");

        AssertOneLineError(result, "--customer-column: the file has no header (--no-header), so give the column's number (1 = the first column), not 'customer'.");
    }

    [Fact]
    public void Clv_TooFewFieldsWithoutHeader_NamesTheLine()
    {
        // Hand: line 2 has two fields, the amount is asked from column 4.
        string path = Write("in.txt", "x 1 20240105 10\n 1 20240106\n");

        var result = Run("clv", "--transactions", path, "--delimiter", "whitespace", "--no-header", "--customer-column", "2", "--date-column", "3", "--amount-column", "4", "--calibration-end", "2024-03-31");

        AssertOneLineError(result, $"{path}: line 2 has 2 fields but the columns given need at least 4.");
    }

    [Fact]
    public void Clv_TooFewFieldsWithHeader_NamesTheLine()
    {
        string path = Write("in.csv", Good + "3,2024-01-07\n");

        AssertOneLineError(RunClv(path), $"{path}: line 6 has 2 fields but the header has 3.");
    }

    [Theory]
    [InlineData("2024-13-01")]
    [InlineData("2024-02-30")]
    [InlineData("05/01/2024x")]
    public void Clv_BadDate_NamesTheLineAndColumn(string date)
    {
        // Hand: the bad date is on file line 4 (after the header, a good line and a blank line).
        string path = Write("in.csv", $"customer,date,amount\n1,2024-01-05,10\n\n1,{date},20\n");

        AssertOneLineError(RunClv(path), $"{path}: line 4, column 'date': '{date}' is not a date");
    }

    [Fact]
    public void Clv_BadAmount_NamesTheLineAndColumn()
    {
        string path = Write("in.csv", "customer,date,amount\n1,2024-01-05,10\n1,2024-02-05,\"1,5\"\n");

        AssertOneLineError(RunClv(path), $"{path}: line 3, column 'amount': '1,5' is not a number");
    }

    [Fact]
    public void Clv_BadDateWithoutHeader_NamesTheColumnByOption()
    {
        string path = Write("in.txt", "1 20240105 10\n1 2024010x 20\n");

        var result = Run("clv", "--transactions", path, "--delimiter", "whitespace", "--no-header", "--customer-column", "1", "--date-column", "2", "--amount-column", "3", "--calibration-end", "2024-03-31");

        AssertOneLineError(result, $"{path}: line 2, column '--date-column 2': '2024010x' is not a date");
    }

    [Fact]
    public void Clv_CalibrationEndBeforeEveryPurchase_SaysSoWithTheCounts()
    {
        string path = Write("in.csv", Good);

        var result = Run("clv", "--transactions", path, "--customer-column", "customer", "--date-column", "date", "--amount-column", "amount", "--calibration-end", "2023-12-31");

        AssertOneLineError(result, $"{path}: no customer bought on or before the calibration end 2023-12-31 (4 lines read: 0 without customer id, 0 negative amounts, 4 after the calibration end, 0 of customers first buying in the holdout); choose a later --calibration-end.");
    }

    [Fact]
    public void Clv_NoRepeatPurchase_SaysTheModelsNeedThem()
    {
        // Hand: three customers, one purchase day each (two lines of customer 1 on one day are one purchase).
        string path = Write("in.csv", "customer,date,amount\n1,2024-01-05,10\n1,2024-01-05,20\n2,2024-02-01,5\n3,2024-03-01,7\n");

        AssertOneLineError(RunClv(path), $"{path}: none of the 3 customers made a repeat purchase with a positive amount by the calibration end 2024-03-31 (0 repeat buyers);");
    }

    [Fact]
    public void Clv_RepeatPurchasesOnlyOfFreeItems_SaysTheModelsNeedPositiveSpend()
    {
        string path = Write("in.csv", "customer,date,amount\n1,2024-01-05,10\n1,2024-02-05,0\n2,2024-02-01,5\n");

        AssertOneLineError(RunClv(path), "none of the 2 customers made a repeat purchase with a positive amount by the calibration end 2024-03-31 (1 repeat buyers)");
    }

    [Theory]
    [InlineData("--unit", "months", "--unit: 'months' is not one of the choices; use weeks or days (there is no month: a month has no fixed length).")]
    [InlineData("--model", "mbgnbd", "--model: 'mbgnbd' is not one of the choices; use bgnbd or paretonbd.")]
    [InlineData("--delimiter", "pipe", "--delimiter: 'pipe' is not one of the choices; use comma, semicolon, tab or whitespace.")]
    [InlineData("--horizon", "-5", "--horizon: '-5' is not a positive number of weeks (at most 1000000); e.g. 52 for a year.")]
    [InlineData("--horizon", "0", "--horizon: '0' is not a positive number of weeks")]
    [InlineData("--horizon", "one year", "--horizon: 'one year' is not a positive number of weeks")]
    [InlineData("--discount-rate", "-0.1", "--discount-rate: '-0.1' is not a rate of 0 or more; give a fraction (0.10) or a percentage (10%).")]
    [InlineData("--discount-rate", "10", "--discount-rate: '10' would be 1000 % a year; give a fraction (0.10) or a percentage (10%).")]
    [InlineData("--discount-rate", "NaN", "--discount-rate: 'NaN' is not a rate of 0 or more")]
    [InlineData("--holdout-end", "2024-03-01", "--holdout-end 2024-03-01 must be after --calibration-end 2024-03-31")]
    [InlineData("--holdout-end", "2024-03-31", "--holdout-end 2024-03-31 must be after --calibration-end 2024-03-31")]
    [InlineData("--holdout-end", "June", "--holdout-end: 'June' is not a date; use yyyy-MM-dd.")]
    [InlineData("--top", "-1", "--top: -1 is negative; give the number of customers to list (0 for none).")]
    [InlineData("--max-iterations", "0", "--max-iterations: 0 must be at least 1.")]
    [InlineData("--output", " ", "--output needs a file name.")]
    public void Clv_BadOption_OneLineNamingTheOption(string option, string value, string expected)
    {
        string path = Write("in.csv", Good);

        AssertOneLineError(RunClv(path, option, value), expected);
    }

    [Fact]
    public void Clv_HorizonInDays_NamesTheUnit()
    {
        string path = Write("in.csv", Good);

        AssertOneLineError(RunClv(path, "--unit", "days", "--horizon", "-1"), "--horizon: '-1' is not a positive number of days (at most 1000000); e.g. 365 for a year.");
    }

    [Fact]
    public void Clv_BadCalibrationEnd_NamesTheOption()
    {
        string path = Write("in.csv", Good);

        var result = Run("clv", "--transactions", path, "--customer-column", "customer", "--date-column", "date", "--amount-column", "amount", "--calibration-end", "2024-02-30");

        AssertOneLineError(result, "--calibration-end: '2024-02-30' is not a date; use yyyy-MM-dd.");
    }

    [Theory]
    [InlineData("--amount-column amount --quantity-column q")]
    [InlineData("--quantity-column q")]
    [InlineData("")]
    public void Clv_AmountColumnsNotOneWay_SaysWhichToGive(string columns)
    {
        string path = Write("in.csv", Good);

        var result = Run(new[] { "clv", "--transactions", path, "--customer-column", "customer", "--date-column", "date", "--calibration-end", "2024-03-31" }
            .Concat(columns.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToArray());

        AssertOneLineError(result, "Give either --amount-column, or both --quantity-column and --price-column.");
    }

    [Fact]
    public void Clv_CustomerTotalBeyondDecimal_NamesTheFileLine()
    {
        // Hand: X's second line is file line 5 (a header and a blank line before X's lines, one more line between).
        string path = Write("ovf.csv", "customer,date,amount\n\nX,2024-01-05,50000000000000000000000000000\nY,2024-01-06,1\nX,2024-01-07,50000000000000000000000000000\n");

        AssertOneLineError(RunClv(path), $"{path}: line 5: customer 'X' would total beyond the range of decimal");
    }

    [Fact]
    public void Clv_QuantityTimesPriceBeyondDecimal_NamesTheLine()
    {
        string path = Write("qp.csv", "customer,date,q,p\n1,2024-01-05,1,10\n1,2024-01-06,100000000000000000000,100000000000000000000\n");

        var result = Run("clv", "--transactions", path, "--customer-column", "customer", "--date-column", "date", "--quantity-column", "q", "--price-column", "p", "--calibration-end", "2024-03-31");

        AssertOneLineError(result, $"{path}: line 3: quantity × price (100000000000000000000 × 100000000000000000000) is beyond the range of decimal");
    }

    [Fact]
    public void Clv_MissingFile_OneLine()
    {
        string path = System.IO.Path.Combine(Folder, "nope.csv");

        AssertOneLineError(RunClv(path), $"Input file '{path}' does not exist.");
    }

    [Fact]
    public void Clv_EmptyFileWithHeaderExpected_OneLine()
    {
        string path = Write("empty.csv", string.Empty);

        AssertOneLineError(RunClv(path), $"Input file '{path}' is empty; it needs a header line naming the columns.");
    }
}
