using System;
using System.IO;
using Xunit;

namespace CustomerValuation.Tests.Cli;

/// <summary>Errors of the <c>tier</c> command: one line, exit code 1, naming the JSON path or the file, line and column.</summary>
public sealed class TierCommandErrorTests : CliTestFolder
{
    /// <summary>The documented exit code of an error message: 2 for the arguments (an option, a missing file, a column not in the header), 3 for the input data.</summary>
    private static int ExitCodeFor(string message) =>
        message.StartsWith("--", StringComparison.Ordinal) || message.StartsWith("Give ", StringComparison.Ordinal)
        || message.Contains("does not exist", StringComparison.Ordinal) || message.Contains("no column", StringComparison.Ordinal)
        || message.Contains("give the column's number", StringComparison.Ordinal) ? 2 : 3;

    private const string Input = "customer_id,amount,days_overdue\na,100,0\nb,300,10\nc,500,40\n";

    private const string Amount = """{ "name": "amount", "normalization": "minmax", "weight": 3 }""";

    private const string Overdue = """{ "name": "overdue", "column": "days_overdue", "direction": "lower", "normalization": "minmax", "weight": 1 }""";

    public TierCommandErrorTests()
        : base("cv-tier-err-")
    {
    }

    [Theory]
    [InlineData("""{ "criteria": [ { "name": "amount", "normalization": { "type": "logistic" } } ] }""", "$.criteria[0].normalization.type: unknown normalization type 'logistic'")]
    [InlineData("""{ "criteria": [ { "name": "amount", "normalization": "minmax", "weight": 2 }, { "name": "overdue", "column": "days_overdue", "normalization": "minmax", "weight": -1 } ] }""", "$.criteria[1].weight: Criterion 'overdue': a weight must be finite and not negative. Got -1.")]
    [InlineData("""{ "criteria": [ { "name": "amount", "normalization": "minmax", "weight": 3 }, { "name": "days_overdue", "normalization": "minmax" } ], "ahp": [[1, 3], [0.3333333333, 1]] }""", "$.ahp: give the weights either per criterion or as an AHP matrix, not both (there is a weight at $.criteria[0].weight)")]
    [InlineData("""{ "criteria": [ { "name": "amount", "normalization": "minmax", "weigth": 3 } ] }""", "$.criteria[0].weigth: unknown property")]
    [InlineData("""{ "criteria": [ { "name": "amount", "normalization": { "type": "zscore", "clip": 0.1 } } ] }""", "$.criteria[0].normalization.clip: The clip must be a finite number of standard deviations, at least 0.5 (3 is usual). Got 0.1.")]
    [InlineData("""{ "criteria": [ { "name": "amount", "normalization": { "type": "minmax", "clip": 3 } } ] }""", "$.criteria[0].normalization.clip: unknown property")]
    [InlineData("""{ "criteria": [ { "name": "days_overdue", "direction": "lower", "normalization": { "type": "bands", "bands": [ { "from": 0, "points": 10 }, { "from": 30, "points": 0 } ] } } ] }""", "$.criteria[0].direction: Criterion 'days_overdue': bands say with their points which values are better; give the criterion \"direction\": \"higher\"")]
    [InlineData("""{ "criteria": [ { "name": "days_overdue", "normalization": { "type": "bands", "bands": [ { "from": 0, "points": 10 }, { "from": 0, "points": 5 } ] } } ] }""", "$.criteria[0].normalization.bands[1].from: Band 1 starts at 0")]
    [InlineData("""{ "criteria": [ { "name": "amount", "normalization": "minmax" }, { "name": "amount", "column": "days_overdue", "normalization": "rank" } ] }""", "$.criteria[1].name: the name 'amount' is already used by $.criteria[0]")]
    [InlineData("""{ "criteria": [ { "name": "amount", "normalization": "minmax", "substitute": 0 }, { "name": "days_overdue", "normalization": "minmax" } ], "missing": "substitute" }""", "$.criteria[1]: \"missing\" is \"substitute\" but this criterion has no \"substitute\" value")]
    [InlineData("""{ "criteria": [ { "name": "amount", "normalization": "minmax" } ], "scale": 0 }""", "$.scale: The scale must be")]
    [InlineData("""{ "criteria": [ { "name": "amount", "normalization": "minmax" } ], "tiers": { "quotas": [ { "tier": "A", "share": 0.2 }, { "tier": "B", "share": 0.3 } ] } }""", "$.tiers.quotas: The shares add up to 0.5")]
    [InlineData("""{ "criteria": [ { "name": "amount", "normalization": "minmax" } ], "tiers": { "atLeast": [ { "tier": "A", "bound": 50 }, { "tier": "A", "bound": 0 } ] } }""", "$.tiers.atLeast[1].tier: Tier 'A' is given twice")]
    [InlineData("""{ "criteria": [ { "name": "amount", "normalization": "minmax" } ], "tiers": { "atLeast": [ { "tier": "A", "bound": "50" } ] } }""", "$.tiers.atLeast[0].bound: expected a number, got the string \"50\"")]
    public void Tier_BadScorecard_NamesTheJsonPath(string json, string expected)
    {
        // Each scorecard has exactly one fault; the expected path is where it is (read off the JSON by hand).
        string input = Write("in.csv", Input);
        string card = Write("card.json", json);

        (int code, string stdout, string stderr) = Run("tier", "--input", input, "--scorecard", card);

        Assert.Equal(ExitCodeFor(expected), code);
        Assert.StartsWith($"error: {card}: ", stderr, StringComparison.Ordinal);
        Assert.Contains(expected, stderr, StringComparison.Ordinal);
        Assert.Single(stderr.TrimEnd().Split('\n'));
        Assert.DoesNotContain("(Parameter", stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, stdout);
    }

    [Fact]
    public void Tier_AhpReciprocalWithTooFewDigits_NamesTheLowerCellAndSuggestsAFraction()
    {
        // Hand: 3 × 0.333 = 0.999, 10⁻³ from 1, beyond the library's 10⁻⁶; the lower cell [1][0] is the decimal.
        string card = Write("card.json", """{ "criteria": [ { "name": "amount", "normalization": "minmax" }, { "name": "days_overdue", "normalization": "minmax" } ], "ahp": [[1, 3], [0.333, 1]] }""");
        (int code, _, string stderr) = Run("tier", "--input", Write("in.csv", Input), "--scorecard", card);

        Assert.Equal(3, code);
        Assert.Contains("$.ahp[1][0]: ", stderr, StringComparison.Ordinal);
        Assert.Contains("\"1/3\"", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Tier_InconsistentAhp_ReportsTheRatioAtTheMatrix()
    {
        // Hand: a ≻ b, b ≻ c and c ≻ a, each 9 times: a cycle, as inconsistent as judgements get (CR far above 0.10).
        string card = Write("card.json", """
            { "criteria": [ { "name": "amount", "normalization": "minmax" }, { "name": "days_overdue", "normalization": "minmax" }, { "name": "c", "column": "amount", "normalization": "rank" } ],
              "ahp": [[1, 9, "1/9"], ["1/9", 1, 9], [9, "1/9", 1]] }
            """);
        (int code, _, string stderr) = Run("tier", "--input", Write("in.csv", Input), "--scorecard", card);

        Assert.Equal(3, code);
        Assert.Contains($"{card}: $.ahp: The AHP judgements are inconsistent: consistency ratio", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Tier_InvalidJson_NamesTheLine()
    {
        string card = Write("card.json", "{\n  \"criteria\": [\n    { \"name\" \"amount\" }\n  ]\n}\n");
        (int code, _, string stderr) = Run("tier", "--input", Write("in.csv", Input), "--scorecard", card);

        Assert.Equal(3, code);
        Assert.StartsWith($"error: {card}: line 3, byte ", stderr, StringComparison.Ordinal); // the missing ':' is on line 3
        Assert.Contains("not valid JSON", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Tier_ColumnMissingFromCsv_NamesTheColumnAndTheJsonPath()
    {
        string input = Write("in.csv", "customer_id,amount,overdue_days\na,1,0\n");
        string card = Write("card.json", $$"""{ "criteria": [ {{Amount}}, {{Overdue}} ] }""");
        (int code, _, string stderr) = Run("tier", "--input", input, "--scorecard", card);

        Assert.Equal(2, code);
        Assert.Contains($"{input}: no column 'days_overdue' in the header", stderr, StringComparison.Ordinal);
        Assert.Contains("$.criteria[1].column", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Tier_NonNumericCell_NamesLineAndColumn()
    {
        string input = Write("in.csv", "customer_id,amount,days_overdue\na,100,0\nb,\"1,250\",10\n");
        string card = Write("card.json", $$"""{ "criteria": [ {{Amount}}, {{Overdue}} ] }""");
        (int code, _, string stderr) = Run("tier", "--input", input, "--scorecard", card);

        Assert.Equal(3, code);
        Assert.Contains($"{input}: line 3, column 'amount': '1,250' is not a finite number", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Tier_DuplicateCustomerId_NamesBothLines()
    {
        string input = Write("in.csv", "customer_id,amount,days_overdue\na,100,0\nb,300,10\nc,500,40\nb,200,20\n");
        string card = Write("card.json", $$"""{ "criteria": [ {{Amount}}, {{Overdue}} ] }""");
        (int code, _, string stderr) = Run("tier", "--input", input, "--scorecard", card);

        Assert.Equal(3, code);
        Assert.Contains($"{input}: customer id 'b' appears on line 3 and again on line 5", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Tier_MissingCellUnderReject_NamesLineColumnAndPolicies()
    {
        string input = Write("in.csv", "customer_id,amount,days_overdue\na,100,0\nb,300,\n");
        string card = Write("card.json", $$"""{ "criteria": [ {{Amount}}, {{Overdue}} ] }""");
        (int code, _, string stderr) = Run("tier", "--input", input, "--scorecard", card);

        Assert.Equal(3, code);
        Assert.Contains($"{input}: line 3, column 'days_overdue': the value is missing", stderr, StringComparison.Ordinal);
        Assert.Contains("\"renormalize\"", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Tier_ScoreBelowTheLastTier_NamesTheCustomerLineAndTheBound()
    {
        // Hand (weights 0.75, 0.25 as in TierCommandTests): a scores 25, below the last bound 30.
        string input = Write("in.csv", Input);
        string card = Write("card.json", $$"""{ "criteria": [ {{Amount}}, {{Overdue}} ], "tiers": { "atLeast": [ { "tier": "A", "bound": 60 }, { "tier": "B", "bound": 30 } ] } }""");
        string output = Path.Combine(Folder, "out.csv");
        (int code, _, string stderr) = Run("tier", "--input", input, "--scorecard", card, "--output", output);

        Assert.Equal(3, code);
        Assert.Contains($"{input}: line 2 (customer 'a') scores 25, below the last tier 'B'", stderr, StringComparison.Ordinal);
        Assert.Contains($"({card}: $.tiers.atLeast[1].bound)", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void Tier_ValueOutsideTheStatedScale_NamesTheFileLine()
    {
        string input = Write("in.csv", "customer_id,rating\na,3\nb,7\n");
        string card = Write("card.json", """{ "criteria": [ { "name": "rating", "normalization": { "type": "scored", "min": 1, "max": 5 } } ] }""");
        (int code, _, string stderr) = Run("tier", "--input", input, "--scorecard", card);

        Assert.Equal(3, code);
        Assert.Contains($"{input}: line 3 (customer 'b'): criterion 'rating' is 7, outside its stated scale [1, 5]", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Tier_HeaderOnly_OneLineError()
    {
        string card = Write("card.json", $$"""{ "criteria": [ {{Amount}}, {{Overdue}} ] }""");
        (int code, _, string stderr) = Run("tier", "--input", Write("in.csv", "customer_id,amount,days_overdue\n"), "--scorecard", card);

        Assert.Equal(3, code);
        Assert.Contains("The input is empty", stderr, StringComparison.Ordinal);
        Assert.Single(stderr.TrimEnd().Split('\n'));
    }
}
