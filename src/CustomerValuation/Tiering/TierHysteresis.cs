using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using CustomerValuation.Internal;

namespace CustomerValuation.Tiering;

/// <summary>
/// Score thresholds for tiers with hysteresis, so that a customer whose score hovers at a boundary does
/// not flap between two tiers from one period to the next (SPEC §3, last bullet).
/// </summary>
/// <remarks>
/// <para>
/// Plain tier: with tiers 0 … k − 1 (best first) and thresholds t₀ &gt; t₁ &gt; … &gt; t_(k−2), a
/// score s is in tier i = the number of thresholds with s &lt; tⱼ; so tier 0 when s ≥ t₀, tier k − 1
/// when s &lt; t_(k−2). SPEC W5 (A = 7–9 points, B = 3–6, C = 1–2) is tiers A, B, C with thresholds 7, 3.
/// Higher scores are better; for a lower-is-better score, negate the scores and the thresholds.
/// </para>
/// <para>
/// Margin rule (margin m ≥ 0), from current tier c: let u = the number of thresholds with s &lt; tⱼ + m
/// (the tier s reaches with every boundary raised by m) and d = the number with s &lt; tⱼ − m (every
/// boundary lowered by m), so d ≤ u. The tier becomes u if u &lt; c (the score passed the boundaries
/// above by at least m: s ≥ tⱼ + m), d if d &gt; c (it fell below them by more than m: s &lt; tⱼ − m),
/// and stays c otherwise; that is clamp(c, d, u). A move may skip tiers. With m = 0, u = d = the
/// plain tier. This is the same as one two-state switch per boundary, each with a dead band of ±m.
/// </para>
/// <para>
/// Periods rule (k ≥ 1), over a sequence of scores: each period the margin rule gives a candidate
/// tier. The tier changes only when the candidates of the last k consecutive periods all differ from the
/// current tier in the same direction (all better or all worse); it then moves to the candidate of those
/// k that is nearest the current tier (the tier the customer has reached in each of the k periods), and
/// the count starts again. A period whose candidate is the current tier, or lies on the other side,
/// breaks the run. With k = 1 this is the margin rule alone.
/// </para>
/// <para>
/// The first tier of a sequence is the given initial tier or, when none is given, the plain tier of the
/// first score (nothing to hold on to yet). Time O(k_tiers) per score; no allocation beyond the result.
/// </para>
/// </remarks>
public sealed class TierHysteresis
{
    private readonly string[] _tiers;
    private readonly double[] _thresholds;
    private readonly Dictionary<string, int> _index;

    /// <summary>Creates the thresholds of a tier order with hysteresis options.</summary>
    /// <param name="tierOrder">The tier labels, best first (for example A, B, C); at least one, distinct, non-empty.</param>
    /// <param name="thresholds">
    /// The lowest score of each tier but the last, strictly decreasing, finite; one fewer than the tiers
    /// (for SPEC W5, 7 and 3).
    /// </param>
    /// <param name="options">The margin and periods; <see langword="null"/> for <see cref="TierHysteresisOptions.Default"/> (no hysteresis).</param>
    /// <exception cref="ArgumentNullException"><paramref name="tierOrder"/> or <paramref name="thresholds"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A threshold is NaN or infinite.</exception>
    /// <exception cref="ArgumentException">
    /// The tier order is empty or has an empty or repeated label; the threshold count is not the tier count − 1;
    /// or the thresholds are not strictly decreasing.
    /// </exception>
    public TierHysteresis(IEnumerable<string> tierOrder, IEnumerable<double> thresholds, TierHysteresisOptions? options = null)
    {
        Guard.NotNull(tierOrder, nameof(tierOrder));
        Guard.NotNull(thresholds, nameof(thresholds));
        _tiers = TierMigrationChecks.TierOrder(tierOrder, nameof(tierOrder));
        _thresholds = new List<double>(thresholds).ToArray();
        if (_thresholds.Length != _tiers.Length - 1)
        {
            throw new ArgumentException(
                string.Format(CultureInfo.InvariantCulture, "{0} tiers need {1} thresholds (the lowest score of each tier but the last), but {2} were given.", _tiers.Length, _tiers.Length - 1, _thresholds.Length),
                nameof(thresholds));
        }

        for (int j = 0; j < _thresholds.Length; j++)
        {
            TierMigrationChecks.Finite(_thresholds[j], nameof(thresholds), string.Format(CultureInfo.InvariantCulture, "Threshold {0}", j));
            if (j > 0 && !(_thresholds[j] < _thresholds[j - 1]))
            {
                throw new ArgumentException(
                    string.Format(
                        CultureInfo.InvariantCulture,
                        "Threshold {0} ({1}) is not less than threshold {2} ({3}); thresholds must be strictly decreasing, best tier first (for example 7, 3).",
                        j,
                        _thresholds[j].ToString("R", CultureInfo.InvariantCulture),
                        j - 1,
                        _thresholds[j - 1].ToString("R", CultureInfo.InvariantCulture)),
                    nameof(thresholds));
            }
        }

        _index = TierMigrationChecks.IndexOf(_tiers);
        Options = options ?? TierHysteresisOptions.Default;
        Tiers = new ReadOnlyCollection<string>(_tiers);
        Thresholds = new ReadOnlyCollection<double>(_thresholds);
    }

    /// <summary>Gets the tier labels, best first.</summary>
    public IReadOnlyList<string> Tiers { get; }

    /// <summary>Gets the lowest score of each tier but the last, strictly decreasing.</summary>
    public IReadOnlyList<double> Thresholds { get; }

    /// <summary>Gets the margin and the number of periods.</summary>
    /// <value>Default <see cref="TierHysteresisOptions.Default"/> (no hysteresis).</value>
    public TierHysteresisOptions Options { get; }

    /// <summary>Returns a copy with other hysteresis options.</summary>
    /// <param name="options">The options.</param>
    /// <returns>The same tiers and thresholds with <paramref name="options"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    public TierHysteresis WithOptions(TierHysteresisOptions options) =>
        new(_tiers, _thresholds, Guard.NotNull(options, nameof(options)));

    /// <summary>Gets the plain tier index of a score (no hysteresis): the number of thresholds above it.</summary>
    /// <param name="score">The score; finite.</param>
    /// <returns>0 (best) … tier count − 1.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="score"/> is NaN or infinite.</exception>
    public int TierIndexOf(double score)
    {
        TierMigrationChecks.Finite(score, nameof(score), "The score");
        return Below(score, 0);
    }

    /// <summary>Gets the plain tier label of a score (no hysteresis).</summary>
    /// <param name="score">The score; finite.</param>
    /// <returns>The label.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="score"/> is NaN or infinite.</exception>
    public string TierOf(double score) => _tiers[TierIndexOf(score)];

    /// <summary>
    /// Applies the margin rule for one period: the tier a customer in <paramref name="currentTier"/> gets for
    /// <paramref name="score"/>. The periods rule needs a history and is not applied here; use
    /// <see cref="Track(IEnumerable{double}, string?)"/> for it.
    /// </summary>
    /// <param name="currentTier">The customer's tier so far; one of <see cref="Tiers"/>.</param>
    /// <param name="score">The new score; finite.</param>
    /// <returns>clamp(current, d, u) as defined in the remarks of <see cref="TierHysteresis"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="currentTier"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="currentTier"/> is not one of <see cref="Tiers"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="score"/> is NaN or infinite.</exception>
    public string ApplyMargin(string currentTier, double score)
    {
        Guard.NotNull(currentTier, nameof(currentTier));
        int current = IndexOf(currentTier, nameof(currentTier));
        TierMigrationChecks.Finite(score, nameof(score), "The score");
        return _tiers[Candidate(current, score)];
    }

    /// <summary>Follows one customer's scores over consecutive periods with both rules (margin and periods).</summary>
    /// <param name="scores">The customer's score in each period, oldest first; every score finite.</param>
    /// <param name="initialTier">
    /// The tier before the first score, one of <see cref="Tiers"/>; <see langword="null"/> to start from the
    /// plain tier of the first score.
    /// </param>
    /// <returns>The tier held after each period, one per score (empty for no scores).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="scores"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="initialTier"/> is not one of <see cref="Tiers"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A score is NaN or infinite (the message names its index).</exception>
    public IReadOnlyList<string> Track(IEnumerable<double> scores, string? initialTier = null)
    {
        Guard.NotNull(scores, nameof(scores));
        int current = initialTier is null ? -1 : IndexOf(initialTier, nameof(initialTier));
        var held = new List<string>();
        int run = 0, direction = 0, nearest = 0;
        foreach (double score in scores)
        {
            if (double.IsNaN(score) || double.IsInfinity(score))
            {
                Guard.ThrowNotFinite(score, nameof(scores), held.Count);
            }

            if (current < 0)
            {
                current = Below(score, 0);
            }
            else
            {
                int candidate = Candidate(current, score);
                int sign = Math.Sign(candidate - current);
                if (sign == 0)
                {
                    run = 0;
                }
                else if (run > 0 && sign == direction)
                {
                    run++;
                    nearest = sign > 0 ? Math.Min(nearest, candidate) : Math.Max(nearest, candidate);
                }
                else
                {
                    run = 1;
                    direction = sign;
                    nearest = candidate;
                }

                if (run >= Options.Periods)
                {
                    current = nearest;
                    run = 0;
                }
            }

            held.Add(_tiers[current]);
        }

        return new ReadOnlyCollection<string>(held);
    }

    /// <inheritdoc />
    public override string ToString() =>
        string.Format(
            CultureInfo.InvariantCulture,
            "tiers [{0}] thresholds [{1}] {2}",
            string.Join(", ", _tiers),
            string.Join(", ", Array.ConvertAll(_thresholds, t => t.ToString("R", CultureInfo.InvariantCulture))),
            Options);

    /// <summary>The margin rule: clamp(current, d, u).</summary>
    private int Candidate(int current, double score)
    {
        double margin = Options.Margin;
        int up = Below(score, margin);
        if (up < current)
        {
            return up;
        }

        int down = Below(score, -margin);
        return down > current ? down : current;
    }

    /// <summary>The number of thresholds t with score &lt; t + shift (thresholds decrease, so those come first).</summary>
    private int Below(double score, double shift)
    {
        int count = 0;
        while (count < _thresholds.Length && score < _thresholds[count] + shift)
        {
            count++;
        }

        return count;
    }

    private int IndexOf(string tier, string parameterName)
    {
        if (!_index.TryGetValue(tier, out int index))
        {
            throw new ArgumentException(
                string.Format(CultureInfo.InvariantCulture, "Tier '{0}' is not one of the tiers [{1}].", tier, string.Join(", ", _tiers)),
                parameterName);
        }

        return index;
    }
}
