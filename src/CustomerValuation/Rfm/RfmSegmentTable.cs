using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Linq;
using CustomerValuation.Internal;

namespace CustomerValuation.Rfm;

/// <summary>
/// An ordered table of segment rules: a customer gets the name of the first rule its scores match,
/// or the fallback name when none does.
/// </summary>
/// <remarks>
/// Two presets ship: <see cref="Standard"/> (ten segments) and <see cref="Compact"/> (four).
/// <see cref="CheckCoverage"/> lists, for any table, the cells no rule covers and the rules that can
/// never match because earlier rules take all their cells.
/// </remarks>
public sealed class RfmSegmentTable
{
    private readonly short[] _ruleOfCell;

    /// <summary>Creates a table.</summary>
    /// <param name="rules">The rules, in the order they are tried; at least one.</param>
    /// <param name="fallbackSegment">The name of customers no rule matches; not empty.</param>
    /// <param name="scoreCount">The number of scores per dimension the table is written for, 2 … 10.</param>
    /// <exception cref="ArgumentNullException"><paramref name="rules"/>, one of its rules, or <paramref name="fallbackSegment"/> is null.</exception>
    /// <exception cref="ArgumentException">There is no rule, or <paramref name="fallbackSegment"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="scoreCount"/> is outside 2 … 10, or a rule's range goes above it.</exception>
    public RfmSegmentTable(IEnumerable<RfmSegmentRule> rules, string fallbackSegment, int scoreCount = 5)
    {
        Guard.NotNull(rules, nameof(rules));
        Guard.NotNull(fallbackSegment, nameof(fallbackSegment));
        if (string.IsNullOrWhiteSpace(fallbackSegment))
        {
            throw new ArgumentException("The fallback segment name must not be empty.", nameof(fallbackSegment));
        }

        if (scoreCount is < RfmScoringOptions.MinScoreCount or > RfmScoringOptions.MaxScoreCount)
        {
            throw new ArgumentOutOfRangeException(nameof(scoreCount), scoreCount, "The number of scores must be from 2 to 10.");
        }

        RfmSegmentRule[] list = rules.ToArray();
        if (list.Length == 0)
        {
            throw new ArgumentException("A segment table needs at least one rule.", nameof(rules));
        }

        for (int i = 0; i < list.Length; i++)
        {
            RfmSegmentRule rule = list[i] ?? throw new ArgumentNullException(nameof(rules), string.Format(CultureInfo.InvariantCulture, "Rule {0} is null.", i));
            int highest = Math.Max(rule.RecencyHigh, Math.Max(rule.FrequencyHigh, rule.MonetaryHigh));
            if (highest > scoreCount)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(rules),
                    highest,
                    string.Format(CultureInfo.InvariantCulture, "Rule {0} ({1}) reaches score {2} but the table is for scores 1 … {3}.", i, rule, highest, scoreCount));
            }
        }

        Rules = new ReadOnlyCollection<RfmSegmentRule>(list);
        FallbackSegment = fallbackSegment;
        ScoreCount = scoreCount;
        _ruleOfCell = new short[scoreCount * scoreCount * scoreCount];
        for (int r = 1; r <= scoreCount; r++)
        {
            for (int f = 1; f <= scoreCount; f++)
            {
                for (int m = 1; m <= scoreCount; m++)
                {
                    var score = new RfmScore((byte)r, (byte)f, (byte)m);
                    _ruleOfCell[CellIndex(score)] = (short)Array.FindIndex(list, rule => rule.Matches(score));
                }
            }
        }
    }

    /// <summary>
    /// Ten segments for quintile scores, after the segment table in the examples of the R package
    /// rfm (Hebbali, rfm 0.3.0, <c>rfm_segment</c>), with the same ranges but reordered so that
    /// every rule can match (in the package's order "New Customers", "Promising" and "Can't Lose
    /// Them" are wholly taken by earlier rules). 89 of the 125 cells match a rule; the other 36 are
    /// "Others".
    /// </summary>
    /// <remarks>
    /// Order and ranges (R, F, M): Champions 4–5, 4–5, 4–5; Loyal 2–5, 3–5, 3–5; Can't lose them 1, 4–5, 4–5;
    /// At risk 1–2, 2–5, 2–5; New 4–5, 1, 1; Promising 3–4, 1, 1; Need attention 2–3, 2–3, 2–3;
    /// Potential loyalist 3–5, 1–3, 1–3; About to sleep 2–3, 1–2, 1–2; Lost 1–2, 1–2, 1–2; fallback Others.
    /// </remarks>
    public static RfmSegmentTable Standard { get; } = new(
        [
            new("Champions", 4, 5, 4, 5, 4, 5),
            new("Loyal", 2, 5, 3, 5, 3, 5),
            new("Can't lose them", 1, 1, 4, 5, 4, 5),
            new("At risk", 1, 2, 2, 5, 2, 5),
            new("New", 4, 5, 1, 1, 1, 1),
            new("Promising", 3, 4, 1, 1, 1, 1),
            new("Need attention", 2, 3, 2, 3, 2, 3),
            new("Potential loyalist", 3, 5, 1, 3, 1, 3),
            new("About to sleep", 2, 3, 1, 2, 1, 2),
            new("Lost", 1, 2, 1, 2, 1, 2),
        ],
        "Others");

    /// <summary>
    /// Four segments for quintile scores that cover all 125 cells, so no customer is "Others":
    /// Best (R 4–5, F 4–5, M 4–5), Active (R 3–5), At risk (R 1–2, F 3–5), Lapsed (R 1–2, F 1–2).
    /// </summary>
    public static RfmSegmentTable Compact { get; } = new(
        [
            new("Best", 4, 5, 4, 5, 4, 5),
            new("Active", 3, 5, 1, 5, 1, 5),
            new("At risk", 1, 2, 3, 5, 1, 5),
            new("Lapsed", 1, 2, 1, 2, 1, 5),
        ],
        "Others");

    /// <summary>The rules in the order they are tried.</summary>
    public IReadOnlyList<RfmSegmentRule> Rules { get; }

    /// <summary>The name of customers that no rule matches.</summary>
    public string FallbackSegment { get; }

    /// <summary>The number of scores per dimension the table is written for.</summary>
    public int ScoreCount { get; }

    /// <summary>A preset by name: <c>standard</c> or <c>compact</c> (case-insensitive).</summary>
    /// <param name="name">The preset name.</param>
    /// <returns>The preset.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is not a preset.</exception>
    public static RfmSegmentTable Preset(string name)
    {
        Guard.NotNull(name, nameof(name));
        return name.ToUpperInvariant() switch
        {
            "STANDARD" => Standard,
            "COMPACT" => Compact,
            _ => throw new ArgumentException($"'{name}' is not a segment preset; use 'standard' or 'compact'.", nameof(name)),
        };
    }

    /// <summary>The index of the first rule a score matches, or −1 for the fallback.</summary>
    /// <param name="score">The customer's scores, each 1 … <see cref="ScoreCount"/>.</param>
    /// <returns>The rule index, or −1.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A score is outside 1 … <see cref="ScoreCount"/>.</exception>
    public int RuleIndexOf(RfmScore score)
    {
        if (score.Recency < 1 || score.Recency > ScoreCount || score.Frequency < 1 || score.Frequency > ScoreCount || score.Monetary < 1 || score.Monetary > ScoreCount)
        {
            throw new ArgumentOutOfRangeException(
                nameof(score),
                score,
                string.Format(CultureInfo.InvariantCulture, "Scores must be from 1 to {0} for this table (it is written for {0} scores per dimension).", ScoreCount));
        }

        return _ruleOfCell[CellIndex(score)];
    }

    /// <summary>The segment name of a score: the first matching rule's name, or <see cref="FallbackSegment"/>.</summary>
    /// <param name="score">The customer's scores, each 1 … <see cref="ScoreCount"/>.</param>
    /// <returns>The segment name.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A score is outside 1 … <see cref="ScoreCount"/>.</exception>
    public string Classify(RfmScore score)
    {
        int rule = RuleIndexOf(score);
        return rule < 0 ? FallbackSegment : Rules[rule].Name;
    }

    /// <summary>
    /// Checks the table over all n³ cells: which cells no rule covers (they get the fallback), which
    /// rules never match because earlier rules take all their cells, and how many cells each rule gets.
    /// </summary>
    /// <returns>The coverage report.</returns>
    public RfmSegmentCoverage CheckCoverage()
    {
        var uncovered = new List<RfmScore>();
        var cellsPerRule = new int[Rules.Count];
        for (int r = ScoreCount; r >= 1; r--)
        {
            for (int f = ScoreCount; f >= 1; f--)
            {
                for (int m = ScoreCount; m >= 1; m--)
                {
                    var score = new RfmScore((byte)r, (byte)f, (byte)m);
                    int rule = _ruleOfCell[CellIndex(score)];
                    if (rule < 0)
                    {
                        uncovered.Add(score);
                    }
                    else
                    {
                        cellsPerRule[rule]++;
                    }
                }
            }
        }

        var unreachable = new List<RfmSegmentRule>();
        for (int i = 0; i < cellsPerRule.Length; i++)
        {
            if (cellsPerRule[i] == 0)
            {
                unreachable.Add(Rules[i]);
            }
        }

        return new RfmSegmentCoverage(uncovered.AsReadOnly(), unreachable.AsReadOnly(), Array.AsReadOnly(cellsPerRule));
    }

    private int CellIndex(RfmScore score) => ((((score.Recency - 1) * ScoreCount) + (score.Frequency - 1)) * ScoreCount) + (score.Monetary - 1);
}

/// <summary>The result of <see cref="RfmSegmentTable.CheckCoverage"/>.</summary>
public sealed class RfmSegmentCoverage
{
    internal RfmSegmentCoverage(IReadOnlyList<RfmScore> uncoveredCells, IReadOnlyList<RfmSegmentRule> unreachableRules, IReadOnlyList<int> cellsPerRule)
    {
        UncoveredCells = uncoveredCells;
        UnreachableRules = unreachableRules;
        CellsPerRule = cellsPerRule;
    }

    /// <summary>Cells (from the best, nnn, down to 111) that no rule matches; they get the fallback name.</summary>
    public IReadOnlyList<RfmScore> UncoveredCells { get; }

    /// <summary>Rules that never match because earlier rules take all their cells.</summary>
    public IReadOnlyList<RfmSegmentRule> UnreachableRules { get; }

    /// <summary>How many cells each rule gets, in rule order.</summary>
    public IReadOnlyList<int> CellsPerRule { get; }

    /// <summary>True when every cell matches a rule and every rule matches some cell.</summary>
    public bool IsComplete => UncoveredCells.Count == 0 && UnreachableRules.Count == 0;
}
