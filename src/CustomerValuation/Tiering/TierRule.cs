using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CustomerValuation.Internal;

namespace CustomerValuation.Tiering;

/// <summary>A tier and its bound: a score threshold (<see cref="TierRule.AtLeast"/>, <see cref="TierRule.AtMost"/>) or a share of customers (<see cref="TierRule.Quotas"/>).</summary>
public readonly record struct TierBound
{
    /// <summary>Creates a tier bound.</summary>
    /// <param name="tier">The tier's label.</param>
    /// <param name="bound">The threshold or the share (checked by the rule).</param>
    /// <exception cref="ArgumentNullException"><paramref name="tier"/> is null.</exception>
    public TierBound(string tier, double bound)
    {
        Tier = Guard.NotNull(tier, nameof(tier));
        Bound = bound;
    }

    /// <summary>The tier's label.</summary>
    public string Tier { get; }

    /// <summary>The threshold or the share.</summary>
    public double Bound { get; }

    /// <summary>A tier bound from a (tier, bound) pair, so that rules can be written <c>TierRule.AtLeast(("A", 7), ("B", 3))</c>.</summary>
    /// <param name="pair">The tier label and its bound.</param>
    /// <exception cref="ArgumentNullException">The label is null.</exception>
    public static implicit operator TierBound((string Tier, double Bound) pair) => FromValueTuple(pair);

    /// <summary>A tier bound from a (tier, bound) pair (the named form of the implicit conversion).</summary>
    /// <param name="pair">The tier label and its bound.</param>
    /// <returns>The tier bound.</returns>
    /// <exception cref="ArgumentNullException">The label is null.</exception>
    public static TierBound FromValueTuple((string Tier, double Bound) pair) => new(pair.Tier, pair.Bound);
}

/// <summary>
/// How scores become tiers: by thresholds on the score (<see cref="AtLeast"/>, <see cref="AtMost"/>)
/// or by quotas of customers (<see cref="Quotas"/>). Tiers are listed best first.
/// </summary>
public abstract class TierRule
{
    private readonly TierBound[] _tiers;

    private protected TierRule(TierBound[] tiers) => _tiers = tiers;

    /// <summary>The tiers and their bounds, best first.</summary>
    public IReadOnlyList<TierBound> Tiers => Array.AsReadOnly(_tiers);

    /// <summary>The tier labels, best first.</summary>
    public IReadOnlyList<string> Labels => Array.AsReadOnly(_tiers.Select(t => t.Tier).ToArray());

    private protected TierBound[] Bounds => _tiers;

    /// <summary>
    /// Thresholds for scores where higher is better: a customer gets the first tier whose bound its
    /// score reaches (score ≥ bound). SPEC W5: <c>AtLeast(("A", 7), ("B", 3), ("C", 1))</c> gives A for
    /// 7–9 points, B for 3–6 and C for 1–2.
    /// </summary>
    /// <param name="tiers">Best first, bounds strictly decreasing. A score below the last bound is an error naming the customer.</param>
    /// <returns>The rule.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="tiers"/> is null.</exception>
    /// <exception cref="ArgumentException">No tiers, an empty or repeated label, a bound not finite, or bounds not strictly decreasing (overlapping tiers).</exception>
    public static TierRule AtLeast(params TierBound[] tiers) => new ThresholdRule(Check(tiers, nameof(tiers), descending: true), higherIsBetter: true);

    /// <summary>
    /// Thresholds for values where lower is better (e.g. months to purchase, SPEC W7): a customer
    /// gets the first tier whose bound its value does not exceed (value ≤ bound).
    /// </summary>
    /// <param name="tiers">Best first, bounds strictly increasing. A value above the last bound is an error naming the customer.</param>
    /// <returns>The rule.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="tiers"/> is null.</exception>
    /// <exception cref="ArgumentException">No tiers, an empty or repeated label, a bound not finite, or bounds not strictly increasing.</exception>
    public static TierRule AtMost(params TierBound[] tiers) => new ThresholdRule(Check(tiers, nameof(tiers), descending: false), higherIsBetter: false);

    /// <summary>
    /// Quotas: the best-scored share of customers gets the first tier, the next share the second,
    /// and so on (SPEC W6: top 20 % A, next 30 % B, rest C).
    /// </summary>
    /// <remarks>
    /// With n scored customers ranked by score (highest first), tier k ends after
    /// round(n × (s₁ + … + s_k)) customers (halves rounded up), so each tier's size is within one
    /// customer of its share. Ties: customers with equal scores always share a tier; a group of equal
    /// scores that a boundary would split goes wholly to the better tier (the tier of its first
    /// member), and the next tier starts after it. The result reports the sizes reached.
    /// </remarks>
    /// <param name="tiers">Best first; shares above 0 that add up to 1 (within 10⁻⁹).</param>
    /// <returns>The rule.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="tiers"/> is null.</exception>
    /// <exception cref="ArgumentException">No tiers, an empty or repeated label, a share not above 0, or shares that do not add up to 1.</exception>
    public static TierRule Quotas(params TierBound[] tiers)
    {
        TierBound[] list = Check(tiers, nameof(tiers), descending: null);
        double total = 0;
        foreach (TierBound t in list)
        {
            if (!(t.Bound > 0) || t.Bound > 1)
            {
                throw new ArgumentException(string.Format(CultureInfo.InvariantCulture, "Tier '{0}' has share {1}; a share must be above 0 and at most 1.", t.Tier, t.Bound), nameof(tiers));
            }

            total += t.Bound;
        }

        if (Math.Abs(total - 1) > 1e-9)
        {
            throw new ArgumentException(string.Format(CultureInfo.InvariantCulture, "The shares add up to {0}; they must add up to 1.", total), nameof(tiers));
        }

        return new QuotaRule(list);
    }

    /// <summary>The tier of one score under a threshold rule (quotas need all the scores: use <see cref="ScorecardScorer"/>).</summary>
    /// <param name="score">The score (or, for <see cref="AtMost"/>, the value); finite.</param>
    /// <returns>The tier label.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="score"/> is not finite, or falls outside the last tier.</exception>
    /// <exception cref="InvalidOperationException">The rule is a quota rule.</exception>
    public string TierOf(double score)
    {
        if (this is QuotaRule)
        {
            throw new InvalidOperationException("A quota rule places customers relative to each other; score them together with ScorecardScorer.Score.");
        }

        if (double.IsNaN(score) || double.IsInfinity(score))
        {
            throw new ArgumentOutOfRangeException(nameof(score), score, "The score must be finite.");
        }

        Span<int> tier = stackalloc int[1];
        Assign([score], tier, _ => "The score", nameof(score));
        return _tiers[tier[0]].Tier;
    }

    /// <summary>Gives each scored customer (NaN = not scored, no tier) its tier index, or −1; errors name <paramref name="parameterName"/>.</summary>
    internal abstract void Assign(ReadOnlySpan<double> scores, Span<int> tiers, Func<int, string> describeRow, string parameterName);

    private static TierBound[] Check(TierBound[] tiers, string parameterName, bool? descending)
    {
        TierBound[] list = Guard.NotNull(tiers, parameterName).ToArray();
        if (list.Length == 0)
        {
            throw new ArgumentException("Give at least one tier.", parameterName);
        }

        var labels = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < list.Length; i++)
        {
            TierBound t = list[i];
            if (string.IsNullOrWhiteSpace(t.Tier))
            {
                throw new ArgumentException(string.Format(CultureInfo.InvariantCulture, "Tier {0} has no label.", i), parameterName);
            }

            if (!labels.Add(t.Tier))
            {
                throw new ArgumentException(string.Format(CultureInfo.InvariantCulture, "Tier '{0}' is given twice.", t.Tier), parameterName);
            }

            if (double.IsNaN(t.Bound) || double.IsInfinity(t.Bound))
            {
                throw new ArgumentException(string.Format(CultureInfo.InvariantCulture, "Tier '{0}' has bound {1}; bounds must be finite.", t.Tier, t.Bound), parameterName);
            }

            if (i > 0 && descending is bool down && (down ? !(t.Bound < list[i - 1].Bound) : !(t.Bound > list[i - 1].Bound)))
            {
                throw new ArgumentException(
                    string.Format(
                        CultureInfo.InvariantCulture,
                        "Tier '{0}' has bound {1} but the better tier '{2}' has {3}; bounds must be strictly {4} from the best tier, or the tiers overlap.",
                        t.Tier,
                        t.Bound,
                        list[i - 1].Tier,
                        list[i - 1].Bound,
                        down ? "decreasing" : "increasing"),
                    parameterName);
            }
        }

        return list;
    }

    private sealed class ThresholdRule(TierBound[] tiers, bool higherIsBetter) : TierRule(tiers)
    {
        internal override void Assign(ReadOnlySpan<double> scores, Span<int> tiers, Func<int, string> describeRow, string parameterName)
        {
            TierBound[] bounds = Bounds;
            for (int i = 0; i < scores.Length; i++)
            {
                double s = scores[i];
                if (double.IsNaN(s))
                {
                    tiers[i] = -1;
                    continue;
                }

                int t = 0;
                while (t < bounds.Length && (higherIsBetter ? s < bounds[t].Bound : s > bounds[t].Bound))
                {
                    t++;
                }

                if (t == bounds.Length)
                {
                    TierBound last = bounds[bounds.Length - 1];
                    throw new ArgumentOutOfRangeException(
                        parameterName,
                        s,
                        string.Format(
                            CultureInfo.InvariantCulture,
                            "{0} scores {1}, {2} the last tier '{3}' ({4}); extend the last tier's bound so every score has a tier.",
                            describeRow(i),
                            s,
                            higherIsBetter ? "below" : "above",
                            last.Tier,
                            last.Bound));
                }

                tiers[i] = t;
            }
        }
    }

    private sealed class QuotaRule(TierBound[] tiers) : TierRule(tiers)
    {
        /// <summary>
        /// Tier k takes the scores ≥ T_k, where T_k is the e_k-th largest score (e_k the rounded
        /// cumulative share of n): the same as walking the ranked scores and never splitting equal
        /// ones, but found with order statistics (expected O(n) per tier) instead of a sort.
        /// </summary>
        internal override void Assign(ReadOnlySpan<double> scores, Span<int> tiers, Func<int, string> describeRow, string parameterName)
        {
            int n = scores.Length;
            double[] values = PooledArray.Rent<double>(n);
            try
            {
                int m = 0;
                for (int i = 0; i < n; i++)
                {
                    if (!double.IsNaN(scores[i]))
                    {
                        values[m++] = scores[i];
                    }
                }

                TierBound[] bounds = Bounds;
                var thresholds = new double[bounds.Length - 1];

                // Shares add up in decimal, as written (0.3 + 0.35 is 0.65, not 0.6499999999999999), so
                // that a boundary exactly on a half rounds up as documented.
                decimal cumulative = 0;
                int hi = m; // values[0 … hi) still hold every candidate for the next threshold
                for (int t = 0; t < thresholds.Length; t++)
                {
                    cumulative += (decimal)bounds[t].Bound;
                    int end = (int)Math.Floor((cumulative * m) + 0.5m);
                    if (end <= 0)
                    {
                        thresholds[t] = double.PositiveInfinity;
                        continue;
                    }

                    // The end-th largest is the (m − end)-th smallest (0-based); thresholds only fall
                    // as t grows, so each selection can stay below the previous one's position.
                    int position = Math.Min(m - end, hi - 1);
                    thresholds[t] = OrderStatistic.Select(values, hi, position);
                    hi = position + 1;
                }

                for (int i = 0; i < n; i++)
                {
                    double s = scores[i];
                    if (double.IsNaN(s))
                    {
                        tiers[i] = -1;
                        continue;
                    }

                    int tier = 0;
                    while (tier < thresholds.Length && s < thresholds[tier])
                    {
                        tier++;
                    }

                    tiers[i] = tier;
                }
            }
            finally
            {
                PooledArray.Return(ref values, 0);
            }
        }
    }
}
