using System;
using System.IO;
using Xunit;

namespace CustomerValuation.Tests.Cli;

/// <summary>Review tests for the <c>tier</c> command's mapping of library errors to file lines.</summary>
public sealed class CliReviewTests : CliTestFolder
{
    public CliReviewTests()
        : base("cv-review-")
    {
    }

    [Fact]
    public void Tier_IdContainingQuoteSpace_LibraryErrorNamesTheRightLine()
    {
        // Contract (docs/tiering.md, Errors): a library error about a customer is reported with that
        // customer's file line: "in.csv: line N (customer 'id') scores …".
        // Hand: amount min–max over 0 … 100: x → 1 (score 100, tier A), "x' y" → 0 (score 0), below the
        // last tier B (bound 10), so the error is about "x' y", which is on line 3.
        // What happens instead: TierCommand.LibraryError matches "^Customer '(.*?)'(?=[ :])" lazily on
        // "Customer 'x' y' scores 0, …", takes the id "x", finds customer x on line 2, and reports
        // "line 2 (customer 'x') y' scores 0 …" — the wrong line and a mangled id.
        string input = Write("in.csv", "customer_id,amount\nx,100\nx' y,0\n");
        string card = Write("card.json", """
            {
              "criteria": [ { "name": "amount", "normalization": "minmax" } ],
              "tiers": { "atLeast": [ { "tier": "A", "bound": 50 }, { "tier": "B", "bound": 10 } ] }
            }
            """);

        (int code, _, string stderr) = Run("tier", "--input", input, "--scorecard", card);

        Assert.Equal(3, code);
        Assert.Contains("below the last tier 'B'", stderr, StringComparison.Ordinal);
        Assert.Contains("line 3 (customer 'x' y') scores 0", stderr, StringComparison.Ordinal);
    }
}
