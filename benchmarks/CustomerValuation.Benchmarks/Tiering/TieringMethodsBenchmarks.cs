using System;
using System.Collections.Generic;
using System.Linq;
using BenchmarkDotNet.Attributes;
using CustomerValuation.Tiering;

namespace CustomerValuation.Benchmarks.Tiering;

/// <summary>
/// The other tiering entry points at 10⁶ customers, each against <c>Array.Sort</c> of a copy of 10⁶
/// doubles in the same class: TOPSIS on six criteria, the satisfaction index on ten Likert items,
/// and the migration between two periods of three tiers.
/// </summary>
/// <remarks>
/// Data (seeded): TOPSIS uses the six criteria of <see cref="ScorecardScorerBenchmarks"/>' kind
/// (non-negative here, as vector normalisation needs); the survey has 10 items, 5 % of answers
/// blank; the two periods share 90 % of their customers, 10 % are new and 10 % vanished.
/// </remarks>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class TieringMethodsBenchmarks
{
    private const int Customers = 1_000_000;
    private readonly string[] _tierOrder = ["A", "B", "C"];
    private double[] _baseline = [];
    private double[] _sortBuffer = [];
    private double[] _topsisValues = [];
    private readonly double[] _topsisWeights = [6, 5, 4, 3, 2, 1];
    private readonly CriterionDirection[] _directions =
    [
        CriterionDirection.HigherIsBetter, CriterionDirection.HigherIsBetter, CriterionDirection.LowerIsBetter,
        CriterionDirection.LowerIsBetter, CriterionDirection.HigherIsBetter, CriterionDirection.HigherIsBetter,
    ];

    private int?[] _answers = [];
    private SatisfactionScore[] _satisfaction = [];
    private SatisfactionQuestionnaire _questionnaire = null!;
    private KeyValuePair<int, string>[] _earlier = [];
    private KeyValuePair<int, string>[] _later = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(SyntheticValues.Seed);
        _baseline = SyntheticValues.Create(Customers);
        _sortBuffer = new double[Customers];
        _topsisValues = SyntheticTiering.SixCriteria(Customers, nonNegative: true);
        _questionnaire = new SatisfactionQuestionnaire(Enumerable.Range(1, 10).Select(i => new SatisfactionItem("item " + i, i)));
        _answers = new int?[Customers * 10];
        for (int i = 0; i < _answers.Length; i++)
        {
            _answers[i] = random.NextDouble() < 0.05 ? null : 1 + random.Next(5);
        }

        _satisfaction = new SatisfactionScore[Customers];
        var earlier = new List<KeyValuePair<int, string>>();
        var later = new List<KeyValuePair<int, string>>();
        for (int id = 0; id < Customers * 11 / 10; id++)
        {
            if (id < Customers)
            {
                earlier.Add(new(id, _tierOrder[random.Next(3)]));
            }

            if (id >= Customers / 10)
            {
                later.Add(new(id, _tierOrder[random.Next(3)]));
            }
        }

        _earlier = earlier.OrderBy(_ => random.Next()).ToArray();
        _later = later.OrderBy(_ => random.Next()).ToArray();
    }

    /// <summary>Baseline: copy 10⁶ doubles into a preallocated buffer and sort it.</summary>
    [Benchmark(Baseline = true)]
    public double ArraySort()
    {
        _baseline.AsSpan().CopyTo(_sortBuffer);
        Array.Sort(_sortBuffer);
        return _sortBuffer[0];
    }

    /// <summary>TOPSIS closeness of 10⁶ alternatives on six criteria (vector normalisation).</summary>
    [Benchmark]
    public double Topsis() => CustomerValuation.Tiering.Topsis.Rank(_topsisValues, _topsisWeights, _directions).Closeness[0];

    /// <summary>The satisfaction index of 10⁶ respondents on ten items (span kernel, SPEC W8 blank rule).</summary>
    [Benchmark]
    public int Satisfaction() => SatisfactionScorer.Score(_answers, _questionnaire, _satisfaction).SatisfiedCount;

    /// <summary>Migration between two periods of 10⁶ customers each (three tiers, 10 % new, 10 % vanished).</summary>
    [Benchmark]
    public int Migration() => TierMigration.Compare(_tierOrder, _earlier, _later).UpCount;
}
