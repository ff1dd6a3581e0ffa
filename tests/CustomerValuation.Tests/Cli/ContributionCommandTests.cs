using System;
using System.IO;
using System.Linq;
using Xunit;

namespace CustomerValuation.Tests.Cli;

/// <summary>The <c>contribution</c> command run in-process on a small hand-made file (expected values worked by hand in the comments).</summary>
public sealed class ContributionCommandTests : CliTestFolder
{
    private static string Columns(string figure) =>
        "group,item,sales,cost_of_goods,average_inventory,gross_margin,gross_margin_rate,turnover," + figure + ",sales_share,contribution_ratio,contribution_share,gross_margin_share,rank_in_group,flags";

    /// <summary>
    /// Two groups, in scrambled order: north a (600, 450, 200), b (200, 100, 400); south c (400, 500,
    /// 100: sold below cost), d (200, 100, missing inventory), e (0, 0, 50: no sales), f (1000, 500, 250).
    /// </summary>
    private const string TwoGroups = "region,product,sales,cost,inventory\nsouth,f,1000,500,250\nnorth,b,200,100,400\nsouth,e,0,0,50\nnorth,a,600,450,200\nsouth,c,400,500,100\nsouth,d,200,100,\n";

    /// <summary>
    /// Hand: north S = 800, Σ margin = 250, W = Σ cross × sales = 0.75·600 + 0.25·200 = 500.
    /// a: m 150, rate 150/600 = 0.25, turnover 600/200 = 3, cross 150/200 = 0.75, share 600/800 = 0.75,
    ///    contribution 0.75·0.75 = 0.5625, contribution share 450/500 = 0.9, margin share 150/250 = 0.6, rank 1.
    /// b: m 100, rate 0.5, turnover 0.5, cross 0.25, share 0.25, contribution 0.0625, 50/500 = 0.1, 100/250 = 0.4, rank 2.
    /// south S = 1600, Σ margin = −100 + 100 + 0 + 500 = 500, W = −1·400 + 2·1000 = 1600.
    /// c: m −100, rate −0.25, turnover 4, cross −1, share 0.25, contribution −0.25, −400/1600 = −0.25, −100/500 = −0.2, rank 2, negative_margin.
    /// d: m 100, rate 0.5, no turnover/cross/contribution, share 200/1600 = 0.125, margin share 0.2, rank 3 (no ratio, by item), no_inventory.
    /// e: m 0, no rate, turnover 0/50 = 0, no cross, share 0, margin share 0, rank 4, no_sales.
    /// f: m 500, rate 0.5, turnover 4, cross 2, share 0.625, contribution 1.25, 2000/1600 = 1.25, 500/500 = 1, rank 1.
    /// Rows come out by group, then item; the decimals above print exactly in round-trip form.
    /// </summary>
    private static readonly string[] s_expectedRows =
    [
        "north,a,600,450,200,150,0.25,3,0.75,0.75,0.5625,0.9,0.6,1,",
        "north,b,200,100,400,100,0.5,0.5,0.25,0.25,0.0625,0.1,0.4,2,",
        "south,c,400,500,100,-100,-0.25,4,-1,0.25,-0.25,-0.25,-0.2,2,negative_margin",
        "south,d,200,100,,100,0.5,,,0.125,,,0.2,3,no_inventory",
        "south,e,0,0,50,0,,0,,0,,,0,4,no_sales",
        "south,f,1000,500,250,500,0.5,4,2,0.625,1.25,1.25,1,1,",
    ];

    public ContributionCommandTests()
        : base("cv-contribution-")
    {
    }

    [Fact]
    public void Contribution_HandWorkedTwoGroups_WritesEveryFigureAndFlag()
    {
        string input = Write("in.csv", TwoGroups);
        string output = Path.Combine(Folder, "out.csv");

        (int code, string stdout, string stderr) = RunOn(input, "--output", output);

        Assert.True(code == 0, stderr);
        Assert.Equal(string.Empty, stderr);
        Assert.Equal(new[] { Columns("cross_ratio") }.Concat(s_expectedRows), File.ReadAllLines(output));
        Assert.Contains("is the cross ratio", stdout, StringComparison.Ordinal);
        Assert.Contains("Wrote 6 rows to", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Contribution_HandWorkedTwoGroups_SummaryCountsRowsGroupsAndFlags()
    {
        // Hand: 6 rows in 2 groups; one row each with no_sales (e), no_inventory (d), negative_margin (c), none with group flags;
        // d and e have no contribution ratio. Largest group by sales: south (1600) before north (800);
        // top of south: f 1.25 then c −0.25 (d and e have no ratio and are not listed); top of north: a 0.5625, b 0.0625.
        (int code, string stdout, string stderr) = RunOn(Write("in.csv", TwoGroups));

        Assert.True(code == 0, stderr);
        string text = stdout.Replace("\r", string.Empty, StringComparison.Ordinal);
        Assert.Matches(@"rows\s+6\n", text);
        Assert.Matches(@"groups\s+2\n", text);
        Assert.Matches(@"without contribution\s+2 ", text);
        Assert.Matches(@"no_sales\s+1\n", text);
        Assert.Matches(@"no_inventory\s+1\n", text);
        Assert.Matches(@"negative_margin\s+1\n", text);
        Assert.Matches(@"no_group_sales\s+0\n", text);
        Assert.Matches(@"no_group_contribution\s+0\n", text);
        Assert.Matches(@"no_group_margin\s+0\n", text);
        Assert.Matches(@"south: sales 1,600\.00, gross margin 500\.00, contribution ratio total 1\.0000\n.*\n\s+1\s+f\s+1\.2500\s+2\.0000\s+0\.6250\n\s+2\s+c\s+-0\.2500\s+-1\.0000\s+0\.2500\n\s+north:", text);
        Assert.Matches(@"north: sales 800\.00, gross margin 250\.00, contribution ratio total 0\.6250\n.*\n\s+1\s+a\s+0\.5625\s+0\.7500\s+0\.7500\n\s+2\s+b\s+0\.0625", text);
        Assert.True(text.IndexOf("south:", StringComparison.Ordinal) < text.IndexOf("north:", StringComparison.Ordinal));
        Assert.DoesNotContain("Wrote", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Contribution_CostBasis_NamesTheFigureGmroi()
    {
        // Hand: the arithmetic does not depend on the basis (margin ÷ inventory either way), so the rows are
        // those of the hand-worked test; only the column and the summary name the figure GMROI.
        string output = Path.Combine(Folder, "out.csv");

        (int code, string stdout, string stderr) = RunOn(Write("in.csv", TwoGroups), "--basis", "cost", "--output", output);

        Assert.True(code == 0, stderr);
        Assert.Equal(new[] { Columns("gmroi") }.Concat(s_expectedRows), File.ReadAllLines(output));
        Assert.Contains("inventory at cost, so gross margin ÷ average inventory is GMROI", stdout, StringComparison.Ordinal);
        Assert.Matches(@"rank\s+item\s+contribution_ratio\s+gmroi\s+sales_share", stdout);
    }

    [Fact]
    public void Contribution_WholeGroupWithoutSales_FlagsItsRowsAndLeavesFiguresEmpty()
    {
        // Hand: group z has sales 0 + 0: both rows no_sales and no_group_sales; no cross ratio, so no contribution
        // and no_group_contribution; margin 0 − 10 + 0 − 0 = −10 ≤ 0 → no_group_margin. Row p: margin −10 (negative_margin),
        // turnover 0/5 = 0; row q: inventory 0 → no_inventory as well. Ranks by item: p 1, q 2.
        string input = Write("in.csv", "g,i,s,c,v\nz,q,0,0,0\nz,p,0,10,5\n");
        string output = Path.Combine(Folder, "out.csv");

        (int code, _, string stderr) = Run("contribution", "--input", input, "--group-column", "g", "--item-column", "i", "--sales-column", "s", "--cost-column", "c", "--inventory-column", "v", "--output", output);

        Assert.True(code == 0, stderr);
        Assert.Equal(
            new[]
            {
                "z,p,0,10,5,-10,,0,,,,,,1,no_sales|negative_margin|no_group_sales|no_group_contribution|no_group_margin",
                "z,q,0,0,0,0,,,,,,,,2,no_sales|no_inventory|no_group_sales|no_group_contribution|no_group_margin",
            },
            File.ReadAllLines(output).Skip(1));
    }

    [Fact]
    public void Contribution_GzipInputWithQuotedKeys_ReadsAndQuotesThem()
    {
        // Hand: one row, sales 100, cost 75, inventory 50 → margin 25, rate 0.25, turnover 2, cross 0.5, share 1,
        // contribution 0.5, contribution share 1, margin share 1, rank 1; the key with a comma is quoted again on output.
        string path = Path.Combine(Folder, "in.csv.gz");
        using (var file = File.Create(path))
        using (var gzip = new System.IO.Compression.GZipStream(file, System.IO.Compression.CompressionLevel.Fastest))
        using (var writer = new StreamWriter(gzip))
        {
            writer.Write("region,product,sales,cost,inventory\n\"Smith, J.\",x,100,75,50\n");
        }

        string output = Path.Combine(Folder, "out.csv");
        (int code, _, string stderr) = RunOn(path, "--output", output);

        Assert.True(code == 0, stderr);
        Assert.Equal("\"Smith, J.\",x,100,75,50,25,0.25,2,0.5,1,0.5,1,1,1,", File.ReadAllLines(output)[1]);
    }

    [Fact]
    public void Demo_WritesContributionCsvWithTheFlaggedRows()
    {
        string folder = Path.Combine(Folder, "demo");

        (int code, string stdout, string stderr) = Run("demo", "--output-dir", folder);

        Assert.True(code == 0, stderr);
        Assert.Contains("6. Contribution ratio of 3 customers × 8 products", stdout, StringComparison.Ordinal);
        Assert.Contains("  contribution.csv", stdout, StringComparison.Ordinal);
        string[] lines = File.ReadAllLines(Path.Combine(folder, "contribution.csv"));

        // Nothing lost: 3 × 8 rows and the header; the three planted rows carry their flags (DemoSalesMix).
        Assert.Equal(25, lines.Length);
        Assert.StartsWith("group,item,sales,cost_of_goods,average_inventory,gross_margin,gross_margin_rate,turnover,cross_ratio,", lines[0], StringComparison.Ordinal);
        Assert.Matches("^C00017,P08,0,0,[0-9]+,0,,0,,0,,,0,8,no_sales$", lines.Single(l => l.StartsWith("C00017,P08,", StringComparison.Ordinal)));
        Assert.EndsWith(",no_inventory", lines.Single(l => l.StartsWith("C00042,P05,", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.EndsWith(",negative_margin", lines.Single(l => l.StartsWith("C00108,P03,", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Equal(3, lines.Skip(1).Count(l => !l.EndsWith(',')));
    }

    private static (int Code, string Stdout, string Stderr) RunOn(string input, params string[] more) =>
        Run(new[] { "contribution", "--input", input, "--group-column", "region", "--item-column", "product", "--sales-column", "sales", "--cost-column", "cost", "--inventory-column", "inventory" }.Concat(more).ToArray());
}
