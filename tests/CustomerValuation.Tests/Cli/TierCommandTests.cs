using System;
using System.Globalization;
using System.IO;
using System.Linq;
using Xunit;

namespace CustomerValuation.Tests.Cli;

/// <summary>The <c>tier</c> command run in-process on small hand-made files and scorecards (expected values worked by hand in the comments).</summary>
public sealed class TierCommandTests : CliTestFolder
{
    private const string Header = "customer_id,status,score,tier,contribution_amount,contribution_overdue";

    /// <summary>Four customers: amount 100, 300, 500, 200; days overdue 0, 10, 40, 20.</summary>
    private const string FourCustomers = "customer_id,amount,days_overdue\na,100,0\nb,300,10\nc,500,40\nd,200,20\n";

    private const string ThresholdTiers = "\"tiers\": { \"atLeast\": [ { \"tier\": \"A\", \"bound\": 60 }, { \"tier\": \"B\", \"bound\": 30 }, { \"tier\": \"C\", \"bound\": 0 } ] }";

    public TierCommandTests()
        : base("cv-tier-")
    {
    }

    [Fact]
    public void Tier_HandWorkedTwoCriteria_WritesScoresTiersAndContributions()
    {
        // Hand: weights 3:1 → 0.75, 0.25; scale 100, so contributions are 75·v(amount) and 25·v(overdue).
        // Amount min–max over 100 … 500 (range 400): a 0, b 0.5, c 1, d 0.25.
        // Days overdue min–max over 0 … 40: 0, 0.25, 1, 0.5; lower is better → 1, 0.75, 0, 0.5.
        // a = 0 + 25 = 25 (C); b = 37.5 + 18.75 = 56.25 (B); c = 75 + 0 = 75 (A); d = 18.75 + 12.5 = 31.25 (B).
        // Every value is a sum of binary fractions, so the round-trip output is exact.
        string input = Write("in.csv", FourCustomers);
        string card = Write("card.json", """
            {
              // comments and trailing commas are allowed
              "criteria": [
                { "name": "amount", "direction": "higher", "normalization": "minmax", "weight": 3 },
                { "name": "overdue", "column": "days_overdue", "direction": "lower", "normalization": { "type": "minmax" }, "weight": 1 },
              ],
            """ + ThresholdTiers + "\n}\n");
        string output = Path.Combine(Folder, "out.csv");

        (int code, string stdout, string stderr) = Run("tier", "--input", input, "--scorecard", card, "--output", output);

        Assert.True(code == 0, stderr);
        Assert.Equal(string.Empty, stderr);
        Assert.Equal(
            new[] { Header, "a,scored,25,C,0,25", "b,scored,56.25,B,37.5,18.75", "c,scored,75,A,75,0", "d,scored,31.25,B,18.75,12.5" },
            File.ReadAllLines(output));
        Assert.Matches(@"customers read\s+4\n", stdout.Replace("\r", string.Empty, StringComparison.Ordinal));
        Assert.Matches(@"too few criteria\s+0 ", stdout);
        Assert.Matches(@"amount\s+amount\s+higher\s+0\.7500", stdout);
        Assert.Matches(@"overdue\s+days_overdue\s+lower\s+0\.2500", stdout);
        Assert.Matches(@"A\s+1\s+25\.0 %", stdout); // hand: 1 of 4 scored customers
        Assert.Matches(@"B\s+2\s+50\.0 %", stdout);
        Assert.Contains("Wrote 4 rows to", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Tier_AhpMatrixWithFraction_WeightsFromTheMatrix()
    {
        // Hand: [[1, 3], [1/3, 1]] is consistent; its principal eigenvector is (3, 1)/4 = 0.75, 0.25,
        // the weights of the hand-worked test above, so the scores are again 25, 56.25, 75, 31.25.
        // For n = 2 the consistency ratio is 0 by definition.
        string input = Write("in.csv", FourCustomers);
        string card = Write("card.json", """
            {
              "criteria": [
                { "name": "amount", "normalization": "minmax" },
                { "name": "overdue", "column": "days_overdue", "direction": "lower", "normalization": "minmax" }
              ],
              "ahp": [[1, 3], ["1/3", 1]],
              "ahpConsistencyLimit": 0.05
            }
            """);
        string output = Path.Combine(Folder, "out.csv");

        (int code, string stdout, string stderr) = Run("tier", "--input", input, "--scorecard", card, "--output", output);

        Assert.True(code == 0, stderr);
        double[] scores = File.ReadAllLines(output).Skip(1).Select(l => double.Parse(l.Split(',')[2], CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(new[] { 25, 56.25, 75, 31.25 }, scores, new Tiering.Tolerance(1e-9));
        Assert.Matches(@"amount\s+amount\s+higher\s+0\.7500", stdout);
        Assert.Contains("consistency ratio 0.0000 (limit 0.0500)", stdout, StringComparison.Ordinal);
        Assert.All(File.ReadAllLines(output).Skip(1), l => Assert.Equal(string.Empty, l.Split(',')[3])); // no tiers given
    }

    [Fact]
    public void Tier_Quotas_TopSharesGetTheFirstTiers()
    {
        // Hand: one min–max criterion, values 10, 50, 20, 40, 30 → scores 0, 100, 25, 75, 50.
        // Quotas 0.2 / 0.4 / 0.4 of 5 customers: A ends after round(1) = 1, B after round(3) = 3.
        // Ranked: k2 (100) A; k4 (75), k5 (50) B; k3 (25), k1 (0) C.
        string input = Write("in.csv", "id,value\nk1,10\nk2,50\nk3,20\nk4,40\nk5,30\n");
        string card = Write("card.json", """
            {
              "criteria": [ { "name": "value", "normalization": "minmax" } ],
              "tiers": { "quotas": [ { "tier": "A", "share": 0.2 }, { "tier": "B", "share": 0.4 }, { "tier": "C", "share": 0.4 } ] }
            }
            """);
        string output = Path.Combine(Folder, "out.csv");

        (int code, string stdout, string stderr) = Run("tier", "--input", input, "--scorecard", card, "--id-column", "id", "--output", output);

        Assert.True(code == 0, stderr);
        Assert.Equal(
            new[] { "customer_id,status,score,tier,contribution_value", "k1,scored,0,C,0", "k2,scored,100,A,100", "k3,scored,25,C,25", "k4,scored,75,B,75", "k5,scored,50,B,50" },
            File.ReadAllLines(output));
        Assert.Matches(@"A\s+1\s+20\.0 %\s+20\.0 %", stdout);
        Assert.Matches(@"B\s+2\s+40\.0 %\s+40\.0 %", stdout);
    }

    [Fact]
    public void Tier_MissingCellsRenormalized_ScoredOnTheCriteriaPresent()
    {
        // Hand: as the hand-worked test, but d's days overdue is empty and e has no values at all.
        // Overdue min–max over a, b, c (0 … 40) is unchanged: 1, 0.75, 0; amount likewise (e has none).
        // d: only amount (weight 0.75) present → renormalised weight 1: 100 · 0.25 = 25 (C), overdue empty.
        // e: 0 of 2 criteria, fewer than ceil(0.5 · 2) = 1 → too few criteria, no score, no tier.
        string input = Write("in.csv", "customer_id,amount,days_overdue\na,100,0\nb,300,10\nc,500,40\nd,200,\ne,,\n");
        string card = Write("card.json", """
            {
              "criteria": [
                { "name": "amount", "normalization": "minmax", "weight": 3 },
                { "name": "overdue", "column": "days_overdue", "direction": "lower", "normalization": "minmax", "weight": 1 }
              ],
              "missing": "renormalize",
              "minimumCriteriaShare": 0.5,
            """ + ThresholdTiers + "\n}\n");
        string output = Path.Combine(Folder, "out.csv");

        (int code, string stdout, string stderr) = Run("tier", "--input", input, "--scorecard", card, "--output", output);

        Assert.True(code == 0, stderr);
        string[] lines = File.ReadAllLines(output);
        Assert.Equal(new[] { Header, "a,scored,25,C,0,25", "b,scored,56.25,B,37.5,18.75", "c,scored,75,A,75,0" }, lines.Take(4));
        string[] d = lines[4].Split(',');
        Assert.Equal(new[] { "d", "scored" }, d.Take(2));
        Assert.Equal(25, double.Parse(d[2], CultureInfo.InvariantCulture), 9);
        Assert.Equal("C", d[3]);
        Assert.Equal(25, double.Parse(d[4], CultureInfo.InvariantCulture), 9);
        Assert.Equal(string.Empty, d[5]);
        Assert.Equal("e,too_few_criteria,,,,", lines[5]);
        Assert.Matches(@"scored\s+4\s", stdout);
        Assert.Matches(@"too few criteria\s+1\s+\(fewer than 1 of 2", stdout);
    }

    [Fact]
    public void Tier_BandsAndAlreadyScored_PointsAndScale()
    {
        // Hand: overdue bands from 0 → 10, 1 → 6, 31 → 3, 61 → 0 points, over the top 10 points:
        // x 0 days → 1, y 15 → 0.6, z 90 → 0. Rating on [1, 5]: 5 → 1, 3 → 0.5, 1 → 0.
        // Equal default weights 0.5, scale 10: x = 5 + 5 = 10, y = 3 + 2.5 = 5.5, z = 0.
        string input = Write("in.csv", "customer_id,overdue,rating\nx,0,5\ny,15,3\nz,90,1\n");
        string card = Write("card.json", """
            {
              "criteria": [
                { "name": "overdue", "normalization": { "type": "bands", "bands": [ { "from": 0, "points": 10 }, { "from": 1, "points": 6 }, { "from": 31, "points": 3 }, { "from": 61, "points": 0 } ] } },
                { "name": "rating", "normalization": { "type": "scored", "min": 1, "max": 5 } }
              ],
              "scale": 10
            }
            """);
        string output = Path.Combine(Folder, "out.csv");

        (int code, _, string stderr) = Run("tier", "--input", input, "--scorecard", card, "--output", output);

        Assert.True(code == 0, stderr);
        string[] rows = File.ReadAllLines(output);
        Assert.Equal("customer_id,status,score,tier,contribution_overdue,contribution_rating", rows[0]);
        Assert.Equal("x,scored,10,,5,5", rows[1]);
        Assert.Equal("z,scored,0,,0,0", rows[3]);
        double[] y = rows[2].Split(',').Skip(2).Where(f => f.Length > 0).Select(f => double.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(new[] { 5.5, 3, 2.5 }, y, new Tiering.Tolerance(1e-12));
    }
}
