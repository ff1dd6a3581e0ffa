using System;
using System.Collections;
using System.Collections.Generic;
using CustomerValuation.Internal;

namespace CustomerValuation.Tiering;

/// <summary>One customer's scorecard result.</summary>
/// <typeparam name="TId">The customer id type.</typeparam>
/// <param name="Id">The customer id (the row index for the span overload).</param>
/// <param name="Status">Whether the customer was scored.</param>
/// <param name="Score">The composite score in [0, <see cref="Scorecard.Scale"/>], or null when not scored.</param>
/// <param name="Tier">The tier label, or null when not scored or when no tier rule was given.</param>
/// <param name="CriteriaPresent">How many criteria had a value (after substitution).</param>
/// <param name="Contributions">Per criterion, in scorecard order: scale × weight × normalised value (0 for a missing criterion); they add up to <paramref name="Score"/>. All zero when not scored.</param>
public readonly record struct ScorecardCustomer<TId>(
    TId Id,
    ScorecardStatus Status,
    double? Score,
    string? Tier,
    int CriteriaPresent,
    ReadOnlyMemory<double> Contributions);

/// <summary>How many customers a tier got.</summary>
public readonly record struct TierCount
{
    /// <summary>Creates a tier count.</summary>
    /// <param name="tier">The tier label.</param>
    /// <param name="count">The number of customers.</param>
    /// <exception cref="ArgumentNullException"><paramref name="tier"/> is null.</exception>
    public TierCount(string tier, int count)
    {
        Tier = Guard.NotNull(tier, nameof(tier));
        Count = count;
    }

    /// <summary>The tier label.</summary>
    public string Tier { get; }

    /// <summary>The number of customers.</summary>
    public int Count { get; }
}

/// <summary>The result of <see cref="ScorecardScorer.Score(ReadOnlySpan{double}, Scorecard, TierRule?, int)"/>: every customer, in input order, exactly once.</summary>
/// <typeparam name="TId">The customer id type.</typeparam>
public sealed class ScorecardResult<TId> : IReadOnlyList<ScorecardCustomer<TId>>
{
    private readonly TId[] _ids;
    private readonly double[] _scores;
    private readonly int[] _tiers;
    private readonly int[] _present;
    private readonly double[] _contributions;
    private readonly int _criteria;

    internal ScorecardResult(TId[] ids, double[] scores, int[] tiers, int[] present, double[] contributions, Scorecard scorecard, TierRule? rule)
    {
        _ids = ids;
        _scores = scores;
        _tiers = tiers;
        _present = present;
        _contributions = contributions;
        _criteria = scorecard.Criteria.Count;
        Scorecard = scorecard;
        TierRule = rule;
        int scored = 0;
        var counts = new int[rule?.Tiers.Count ?? 0];
        for (int i = 0; i < scores.Length; i++)
        {
            if (!double.IsNaN(scores[i]))
            {
                scored++;
            }

            if (tiers[i] >= 0)
            {
                counts[tiers[i]]++;
            }
        }

        ScoredCount = scored;
        var tierCounts = new TierCount[counts.Length];
        for (int t = 0; t < counts.Length; t++)
        {
            tierCounts[t] = new TierCount(rule!.Tiers[t].Tier, counts[t]);
        }

        TierCounts = Array.AsReadOnly(tierCounts);
    }

    /// <summary>The scorecard used.</summary>
    public Scorecard Scorecard { get; }

    /// <summary>The tier rule used, or null.</summary>
    public TierRule? TierRule { get; }

    /// <summary>The number of customers (all of them, scored or not).</summary>
    public int Count => _ids.Length;

    /// <summary>The number of customers scored.</summary>
    public int ScoredCount { get; }

    /// <summary>The number of customers not scored for lack of criteria.</summary>
    public int TooFewCriteriaCount => _ids.Length - ScoredCount;

    /// <summary>Customers per tier, best first (empty without a tier rule).</summary>
    public IReadOnlyList<TierCount> TierCounts { get; }

    /// <summary>The customer at a position (input order).</summary>
    /// <param name="index">0 … <see cref="Count"/> − 1.</param>
    /// <returns>The customer's result.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside the result.</exception>
    public ScorecardCustomer<TId> this[int index] => (uint)index < (uint)_ids.Length
        ? Build(index)
        : throw new ArgumentOutOfRangeException(nameof(index), index, "The index must be from 0 to Count - 1.");

    /// <summary>The composite scores in input order (NaN for customers not scored).</summary>
    public ReadOnlySpan<double> ScoreSpan => _scores;

    /// <summary>Enumerates the customers in input order.</summary>
    /// <returns>The enumerator.</returns>
    public IEnumerator<ScorecardCustomer<TId>> GetEnumerator()
    {
        for (int i = 0; i < _ids.Length; i++)
        {
            yield return Build(i);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private ScorecardCustomer<TId> Build(int i) => new(
        _ids[i],
        double.IsNaN(_scores[i]) ? ScorecardStatus.TooFewCriteria : ScorecardStatus.Scored,
        double.IsNaN(_scores[i]) ? null : _scores[i],
        _tiers[i] >= 0 ? TierRule!.Tiers[_tiers[i]].Tier : null,
        _present[i],
        new ReadOnlyMemory<double>(_contributions, i * _criteria, _criteria));
}
