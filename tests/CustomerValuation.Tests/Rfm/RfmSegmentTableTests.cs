using System;
using System.Collections.Generic;
using System.Linq;
using CustomerValuation.Rfm;
using Xunit;

namespace CustomerValuation.Tests.Rfm;

/// <summary>
/// Segment tables (SPEC §2: named segments from a rule table users can replace). Cell counts are
/// worked by hand for the presets and checked against a brute-force first-match loop written here.
/// </summary>
public class RfmSegmentTableTests
{
    /// <summary>The segment table of the R package rfm's examples in the package's own order.</summary>
    private static RfmSegmentRule[] RPackageOrder() =>
    [
        new("Champions", 4, 5, 4, 5, 4, 5),
        new("Loyal Customers", 2, 5, 3, 5, 3, 5),
        new("Potential Loyalist", 3, 5, 1, 3, 1, 3),
        new("New Customers", 4, 5, 1, 1, 1, 1),
        new("Promising", 3, 4, 1, 1, 1, 1),
        new("Need Attention", 2, 3, 2, 3, 2, 3),
        new("About To Sleep", 2, 3, 1, 2, 1, 2),
        new("At Risk", 1, 2, 2, 5, 2, 5),
        new("Can't Lose Them", 1, 1, 4, 5, 4, 5),
        new("Lost", 1, 2, 1, 2, 1, 2),
    ];

    private static IEnumerable<RfmScore> AllCells(int n)
    {
        for (int r = 1; r <= n; r++)
        {
            for (int f = 1; f <= n; f++)
            {
                for (int m = 1; m <= n; m++)
                {
                    yield return new RfmScore((byte)r, (byte)f, (byte)m);
                }
            }
        }
    }

    /// <summary>Independent first-match: the rule's ranges tested directly, no use of the table's lookup.</summary>
    private static int BruteForceRule(IReadOnlyList<RfmSegmentRule> rules, RfmScore s)
    {
        for (int i = 0; i < rules.Count; i++)
        {
            RfmSegmentRule x = rules[i];
            if (x.RecencyLow <= s.Recency && s.Recency <= x.RecencyHigh
                && x.FrequencyLow <= s.Frequency && s.Frequency <= x.FrequencyHigh
                && x.MonetaryLow <= s.Monetary && s.Monetary <= x.MonetaryHigh)
            {
                return i;
            }
        }

        return -1;
    }

    private static int[] BruteForceCellsPerRule(IReadOnlyList<RfmSegmentRule> rules, int n)
    {
        var counts = new int[rules.Count];
        foreach (RfmScore s in AllCells(n))
        {
            int rule = BruteForceRule(rules, s);
            if (rule >= 0)
            {
                counts[rule]++;
            }
        }

        return counts;
    }

    [Fact]
    public void Standard_RulesInDocumentedOrder_NamesAndRanges()
    {
        RfmSegmentTable t = RfmSegmentTable.Standard;
        Assert.Equal(
            new[] { "Champions", "Loyal", "Can't lose them", "At risk", "New", "Promising", "Need attention", "Potential loyalist", "About to sleep", "Lost" },
            t.Rules.Select(r => r.Name));
        Assert.Equal("Others", t.FallbackSegment);
        Assert.Equal(5, t.ScoreCount);
        // The ranges as written in the brief / docs (R low, R high, F low, F high, M low, M high).
        int[][] ranges =
        [
            [4, 5, 4, 5, 4, 5], [2, 5, 3, 5, 3, 5], [1, 1, 4, 5, 4, 5], [1, 2, 2, 5, 2, 5], [4, 5, 1, 1, 1, 1],
            [3, 4, 1, 1, 1, 1], [2, 3, 2, 3, 2, 3], [3, 5, 1, 3, 1, 3], [2, 3, 1, 2, 1, 2], [1, 2, 1, 2, 1, 2],
        ];
        for (int i = 0; i < ranges.Length; i++)
        {
            RfmSegmentRule r = t.Rules[i];
            Assert.Equal(ranges[i], new[] { r.RecencyLow, r.RecencyHigh, r.FrequencyLow, r.FrequencyHigh, r.MonetaryLow, r.MonetaryHigh });
        }
    }

    [Fact]
    public void CheckCoverage_Standard_HandCountedCellsPerRule()
    {
        // hand (first match wins, cells taken by earlier rules subtracted):
        // Champions 2*2*2 = 8; Loyal 4*3*3 = 36 - 8 (Champions inside it) = 28;
        // Can't lose them R1 x 2 x 2 = 4 (no earlier rule has R1);
        // At risk 2*4*4 = 32 - 9 (Loyal: R2, F3-5, M3-5) - 4 (Can't lose) = 19;
        // New 2 (no earlier rule has F1); Promising 2 - 1 (R4F1M1 is New) = 1;
        // Need attention 8 - 2 (Loyal R2-3 F3 M3) - 3 (At risk R2 cells except R2F3M3) = 3 (R3F2M2, R3F2M3, R3F3M2);
        // Potential loyalist 27 - 3 (Loyal F3 M3) - 2 (New) - 1 (Promising) - 3 (Need attention) = 18;
        // About to sleep 8 - 4 (all R3 cells taken) - 1 (At risk R2F2M2) = 3;
        // Lost 8 - 2 (At risk F2 M2) - 3 (About to sleep) = 3. Total 89, so 36 cells are Others.
        int[] hand = { 8, 28, 4, 19, 2, 1, 3, 18, 3, 3 };
        RfmSegmentCoverage coverage = RfmSegmentTable.Standard.CheckCoverage();

        Assert.Equal(hand, coverage.CellsPerRule);
        Assert.Equal(hand, BruteForceCellsPerRule(RfmSegmentTable.Standard.Rules, 5));
        Assert.Equal(89, hand.Sum());
        Assert.Equal(125 - 89, coverage.UncoveredCells.Count);
        Assert.Empty(coverage.UnreachableRules);
        Assert.False(coverage.IsComplete);
    }

    [Fact]
    public void CheckCoverage_Standard_UncoveredCellsMatchBruteForceInDescendingOrder()
    {
        // Brute force: cells no rule matches, listed from 555 down to 111.
        RfmScore[] expected = AllCells(5)
            .Where(s => BruteForceRule(RfmSegmentTable.Standard.Rules, s) < 0)
            .OrderByDescending(s => s.Recency).ThenByDescending(s => s.Frequency).ThenByDescending(s => s.Monetary)
            .ToArray();
        RfmSegmentCoverage coverage = RfmSegmentTable.Standard.CheckCoverage();

        Assert.Equal(expected, coverage.UncoveredCells);
        // hand: R5 F1 M5 matches nothing (F1 rules need M1 or M 1-3; R5 excludes R<=3 rules) -> uncovered.
        Assert.Contains(new RfmScore(5, 1, 5), coverage.UncoveredCells);
        // hand: R1 F1 M3 matches nothing (At risk needs F >= 2, Lost needs M <= 2).
        Assert.Contains(new RfmScore(1, 1, 3), coverage.UncoveredCells);
    }

    [Fact]
    public void CheckCoverage_Compact_CoversAllCells()
    {
        // hand: Best 8; Active R3-5 = 3*25 = 75 - 8 = 67; At risk R1-2 F3-5 = 2*3*5 = 30; Lapsed R1-2 F1-2 = 20. 125 in all.
        int[] hand = { 8, 67, 30, 20 };
        RfmSegmentCoverage coverage = RfmSegmentTable.Compact.CheckCoverage();

        Assert.Equal(hand, coverage.CellsPerRule);
        Assert.Equal(hand, BruteForceCellsPerRule(RfmSegmentTable.Compact.Rules, 5));
        Assert.Empty(coverage.UncoveredCells);
        Assert.Empty(coverage.UnreachableRules);
        Assert.True(coverage.IsComplete);
        Assert.Equal(new[] { "Best", "Active", "At risk", "Lapsed" }, RfmSegmentTable.Compact.Rules.Select(r => r.Name));
    }

    [Fact]
    public void CheckCoverage_RPackageOrder_ThreeRulesUnreachable()
    {
        // hand: New Customers (R4-5, F1, M1) and Promising (R3-4, F1, M1) lie inside Potential Loyalist
        // (R3-5, F1-3, M1-3), which comes before them; Can't Lose Them (R1, F4-5, M4-5) lies inside
        // At Risk (R1-2, F2-5, M2-5), which comes before it. Every other rule has a cell of its own
        // (Need Attention R2F2M2, About To Sleep R2F1M1, At Risk R1F2M2, Lost R1F1M1).
        RfmSegmentRule[] rules = RPackageOrder();
        var table = new RfmSegmentTable(rules, "Others");
        RfmSegmentCoverage coverage = table.CheckCoverage();

        Assert.Equal(new[] { "New Customers", "Promising", "Can't Lose Them" }, coverage.UnreachableRules.Select(r => r.Name));
        Assert.Same(rules[3], coverage.UnreachableRules[0]);
        Assert.Equal(BruteForceCellsPerRule(rules, 5), coverage.CellsPerRule);
        Assert.DoesNotContain(new RfmScore(5, 1, 1), coverage.UncoveredCells); // New's cell R5F1M1 goes to Potential Loyalist
        Assert.Equal("Potential Loyalist", table.Classify(new RfmScore(5, 1, 1)));
        Assert.Equal("At Risk", table.Classify(new RfmScore(1, 5, 5)));
    }

    [Fact]
    public void CheckCoverage_RPackageOrder_HandCountedCells()
    {
        // hand: Champions 8; Loyal 36 - 8 = 28; Potential Loyalist 27 - 3 (Loyal takes R3-5 F3 M3) = 24;
        // New 0; Promising 0; Need Attention 8 - 2 (Loyal R2-3 F3 M3) - 3 (Potential Loyalist R3 F2-3 M2-3 minus R3F3M3) = 3
        // (R2F2M2, R2F2M3, R2F3M2); About To Sleep 8 - 4 (R3 cells, Potential Loyalist) - 1 (R2F2M2 Need Attention) = 3;
        // At Risk 32 - 9 (Loyal R2 F3-5 M3-5) - 3 (Need Attention R2) = 20; Can't Lose Them 0;
        // Lost 8 - 3 (About To Sleep R2F1M1, R2F1M2, R2F2M1) - 1 (Need Attention R2F2M2) - 1 (At Risk R1F2M2) = 3.
        // Total 89, like the reordered preset.
        int[] hand = { 8, 28, 24, 0, 0, 3, 3, 20, 0, 3 };
        RfmSegmentCoverage coverage = new RfmSegmentTable(RPackageOrder(), "Others").CheckCoverage();

        Assert.Equal(hand, coverage.CellsPerRule);
        Assert.Equal(89, hand.Sum());
        Assert.Equal(36, coverage.UncoveredCells.Count);
    }

    [Theory]
    [InlineData(5, 5, 5, 0, "Champions")]
    [InlineData(4, 4, 4, 0, "Champions")]
    [InlineData(2, 3, 3, 1, "Loyal")]
    [InlineData(5, 3, 4, 1, "Loyal")]
    [InlineData(1, 5, 4, 2, "Can't lose them")]
    [InlineData(1, 3, 5, 3, "At risk")]
    [InlineData(2, 2, 2, 3, "At risk")]
    [InlineData(5, 1, 1, 4, "New")]
    [InlineData(3, 1, 1, 5, "Promising")]
    [InlineData(3, 2, 3, 6, "Need attention")]
    [InlineData(5, 2, 3, 7, "Potential loyalist")]
    [InlineData(2, 1, 2, 8, "About to sleep")]
    [InlineData(1, 1, 1, 9, "Lost")]
    [InlineData(5, 1, 5, -1, "Others")]
    [InlineData(1, 5, 1, -1, "Others")]
    public void Classify_StandardCell_FirstMatchingRule(int r, int f, int m, int expectedIndex, string expectedName)
    {
        // hand: each row walked through the rules in order (see CheckCoverage_Standard_HandCountedCellsPerRule).
        var score = new RfmScore((byte)r, (byte)f, (byte)m);
        Assert.Equal(expectedIndex, RfmSegmentTable.Standard.RuleIndexOf(score));
        Assert.Equal(expectedName, RfmSegmentTable.Standard.Classify(score));
    }

    [Theory]
    [InlineData("standard")]
    [InlineData("STANDARD")]
    [InlineData("Standard")]
    public void Preset_StandardAnyCase_ReturnsStandard(string name)
    {
        Assert.Same(RfmSegmentTable.Standard, RfmSegmentTable.Preset(name));
    }

    [Fact]
    public void Preset_Compact_ReturnsCompact()
    {
        Assert.Same(RfmSegmentTable.Compact, RfmSegmentTable.Preset("compact"));
    }

    [Fact]
    public void Preset_UnknownName_ThrowsNamingIt()
    {
        var e = Assert.Throws<ArgumentException>(() => RfmSegmentTable.Preset("hibernating"));
        Assert.Equal("name", e.ParamName);
        Assert.Contains("'hibernating'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_EveryStandardAndCompactCell_MatchesBruteForce()
    {
        foreach (RfmSegmentTable table in new[] { RfmSegmentTable.Standard, RfmSegmentTable.Compact })
        {
            foreach (RfmScore s in AllCells(5))
            {
                int expected = BruteForceRule(table.Rules, s);
                Assert.Equal(expected, table.RuleIndexOf(s));
                Assert.Equal(expected < 0 ? table.FallbackSegment : table.Rules[expected].Name, table.Classify(s));
            }
        }
    }

    [Fact]
    public void CheckCoverage_TenScoreTable_OverlapsAndGapsFromBruteForce()
    {
        // A 10-score table with an overlap (B inside A) and a gap: A R 6-10, B R 7-8 F 1-10 M 1-10 (unreachable),
        // C R 1-5 F 1-5 M 1-10. hand: A 5*100 = 500, B 0, C 5*5*10 = 250; uncovered R1-5, F6-10: 5*5*10 = 250.
        RfmSegmentRule[] rules =
        [
            new("A", 6, 10, 1, 10, 1, 10),
            new("B", 7, 8, 1, 10, 1, 10),
            new("C", 1, 5, 1, 5, 1, 10),
        ];
        var table = new RfmSegmentTable(rules, "Gap", scoreCount: 10);
        RfmSegmentCoverage coverage = table.CheckCoverage();

        Assert.Equal(new[] { 500, 0, 250 }, coverage.CellsPerRule);
        Assert.Equal(BruteForceCellsPerRule(rules, 10), coverage.CellsPerRule);
        Assert.Equal(250, coverage.UncoveredCells.Count);
        Assert.Equal(new RfmScore(5, 10, 10), coverage.UncoveredCells[0]); // highest uncovered cell first
        Assert.Equal(new RfmScore(1, 6, 1), coverage.UncoveredCells[^1]);
        Assert.Equal("B", Assert.Single(coverage.UnreachableRules).Name);
        Assert.Equal("A", table.Classify(new RfmScore(10, 10, 10)));
        Assert.Equal("10-10-10", new RfmScore(10, 10, 10).CellCode);
        Assert.Equal("Gap", table.Classify(new RfmScore(3, 7, 2)));
    }

    [Fact]
    public void CheckCoverage_TwoScoreTable_HandCells()
    {
        // hand: n = 2 has 8 cells; "Good" R2 takes 4, "Bad" F1 takes R1F1M1, R1F1M2 = 2; R1F2M* uncovered (2).
        var table = new RfmSegmentTable([new RfmSegmentRule("Good", 2, 2, 1, 2, 1, 2), new RfmSegmentRule("Bad", 1, 2, 1, 1, 1, 2)], "Mid", 2);
        RfmSegmentCoverage coverage = table.CheckCoverage();
        Assert.Equal(new[] { 4, 2 }, coverage.CellsPerRule);
        Assert.Equal(new[] { new RfmScore(1, 2, 2), new RfmScore(1, 2, 1) }, coverage.UncoveredCells);
    }

    [Fact]
    public void Matches_RuleRanges_InclusiveBothEnds()
    {
        var rule = new RfmSegmentRule("Mid", 2, 3, 2, 3, 2, 3);
        Assert.True(rule.Matches(new RfmScore(2, 2, 2)));
        Assert.True(rule.Matches(new RfmScore(3, 3, 3)));
        Assert.False(rule.Matches(new RfmScore(1, 2, 2)));
        Assert.False(rule.Matches(new RfmScore(2, 4, 2)));
        Assert.False(rule.Matches(new RfmScore(2, 2, 4)));
        Assert.Equal("Mid: R 2–3, F 2–3, M 2–3", rule.ToString());
    }

    [Fact]
    public void Constructor_CustomFourScoreTable_ScoredWithFourScores()
    {
        // hand: four customers, n = 4, distinct values -> scores are ranks: days 1,2,3,4 -> R 4,3,2,1;
        // orders and spend ascending 1..4 -> F = M = 1,2,3,4. Cells 411, 322, 233, 144.
        var table = new RfmSegmentTable([new RfmSegmentRule("Recent", 3, 4, 1, 4, 1, 4)], "Older", scoreCount: 4);
        var customers = new[] { (Id: 1, Days: 1.0, N: 1.0), (Id: 2, Days: 2.0, N: 2.0), (Id: 3, Days: 3.0, N: 3.0), (Id: 4, Days: 4.0, N: 4.0) };
        RfmResult<int> result = RfmScorer.Score(customers, c => c.Id, c => c.Days, c => c.N, c => c.N, new RfmScoringOptions(4), table);

        Assert.Equal(new[] { "411", "322", "233", "144" }, result.Customers.Select(c => c.Score.CellCode));
        Assert.Equal(new[] { "Recent", "Recent", "Older", "Older" }, result.Customers.Select(c => c.Segment));
    }
}
