using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Linq;
using CustomerValuation.Internal;

namespace CustomerValuation.Rfm;

/// <summary>
/// Immutable, validated choice of how one RFM dimension is scored: a quantile method, or fixed
/// thresholds.
/// </summary>
/// <remarks>
/// Scores are always oriented so that n is the best: for recency the bins are counted from the
/// highest number of days (score = n + 1 − bin), for frequency and monetary from the lowest.
/// </remarks>
public sealed class RfmDimensionScoring
{
    private RfmDimensionScoring(RfmScoringMethod method, RfmRankBinning rankBinning, double[] thresholds)
    {
        Method = method;
        RankBinning = rankBinning;
        Thresholds = new ReadOnlyCollection<double>(thresholds);
    }

    /// <summary>Rank-based equal-count bins with <see cref="RfmRankBinning.Ntile"/> sizes (the default).</summary>
    public static RfmDimensionScoring Rank { get; } = new(RfmScoringMethod.RankEqualCount, RfmRankBinning.Ntile, []);

    /// <summary>Value breakpoints (type-7 quantiles of the values; equal values share a score).</summary>
    public static RfmDimensionScoring ValueBreakpoints { get; } = new(RfmScoringMethod.ValueBreakpoints, RfmRankBinning.Ntile, []);

    /// <summary>The scoring method.</summary>
    /// <value>Set by the factory that made this instance.</value>
    public RfmScoringMethod Method { get; }

    /// <summary>Bin sizes of the rank method; ignored by the other methods.</summary>
    /// <value><see cref="RfmRankBinning.Ntile"/> unless made by <see cref="RankWith"/>.</value>
    public RfmRankBinning RankBinning { get; }

    /// <summary>The cut points of <see cref="RfmScoringMethod.FixedThresholds"/>, strictly increasing; empty for the quantile methods.</summary>
    /// <value>The values given to <see cref="Fixed(IEnumerable{double})"/>.</value>
    public IReadOnlyList<double> Thresholds { get; }

    /// <summary>Rank-based equal-count bins with the given placement of the larger bins.</summary>
    /// <param name="rankBinning">NTILE or pandas qcut-of-rank bin sizes.</param>
    /// <returns>The scoring choice.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rankBinning"/> is not a defined value.</exception>
    public static RfmDimensionScoring RankWith(RfmRankBinning rankBinning)
    {
        if (rankBinning is not RfmRankBinning.Ntile and not RfmRankBinning.QcutOfRank)
        {
            throw new ArgumentOutOfRangeException(nameof(rankBinning), rankBinning, "Use RfmRankBinning.Ntile or RfmRankBinning.QcutOfRank.");
        }

        return rankBinning == RfmRankBinning.Ntile ? Rank : new(RfmScoringMethod.RankEqualCount, rankBinning, []);
    }

    /// <summary>
    /// Fixed thresholds: n − 1 strictly increasing cut points t₁ &lt; … &lt; t_(n−1), bins closed on
    /// the right. A value v is in bin 1 + #{j : t_j &lt; v}; for frequency and monetary that bin is the
    /// score, for recency the score is n + 1 − bin.
    /// </summary>
    /// <remarks>
    /// SPEC W4 (R5 ≤ 7 days, R4 8–30, R3 31–60, R2 61–120, R1 &gt; 120) is <c>Fixed(7, 30, 60, 120)</c> for recency.
    /// The number of thresholds must be the score count of the options minus one (checked by <see cref="RfmScoringOptions"/>).
    /// </remarks>
    /// <param name="thresholds">The cut points, finite and strictly increasing; 1 to 9 of them.</param>
    /// <returns>The scoring choice.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="thresholds"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A threshold is NaN or infinite.</exception>
    /// <exception cref="ArgumentException">There are fewer than 1 or more than 9 thresholds, or they are not strictly increasing.</exception>
    public static RfmDimensionScoring Fixed(IEnumerable<double> thresholds)
    {
        Guard.NotNull(thresholds, nameof(thresholds));
        double[] cuts = thresholds.ToArray();
        if (cuts.Length is < RfmScoringOptions.MinScoreCount - 1 or > RfmScoringOptions.MaxScoreCount - 1)
        {
            throw new ArgumentException(
                string.Format(CultureInfo.InvariantCulture, "{0} thresholds were given; fixed scoring needs 1 to 9 (one fewer than the number of scores, 2 to 10).", cuts.Length),
                nameof(thresholds));
        }

        for (int i = 0; i < cuts.Length; i++)
        {
            if (double.IsNaN(cuts[i]) || double.IsInfinity(cuts[i]))
            {
                throw new ArgumentOutOfRangeException(nameof(thresholds), cuts[i], string.Format(CultureInfo.InvariantCulture, "Threshold {0} is not a finite number.", i));
            }

            if (i > 0 && !(cuts[i] > cuts[i - 1]))
            {
                throw new ArgumentException(
                    string.Format(
                        CultureInfo.InvariantCulture,
                        "Threshold {0} ({1}) is not greater than threshold {2} ({3}); thresholds must be strictly increasing.",
                        i,
                        cuts[i].ToString("R", CultureInfo.InvariantCulture),
                        i - 1,
                        cuts[i - 1].ToString("R", CultureInfo.InvariantCulture)),
                    nameof(thresholds));
            }
        }

        return new(RfmScoringMethod.FixedThresholds, RfmRankBinning.Ntile, cuts);
    }

    /// <summary>Fixed thresholds (see <see cref="Fixed(IEnumerable{double})"/>).</summary>
    /// <param name="thresholds">The cut points, finite and strictly increasing; 1 to 9 of them.</param>
    /// <returns>The scoring choice.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="thresholds"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A threshold is NaN or infinite.</exception>
    /// <exception cref="ArgumentException">There are fewer than 1 or more than 9 thresholds, or they are not strictly increasing.</exception>
    public static RfmDimensionScoring Fixed(params double[] thresholds) => Fixed((IEnumerable<double>)thresholds);

    /// <summary>A short description, e.g. <c>rank (NTILE)</c>, <c>value breakpoints</c>, <c>fixed 7, 30, 60, 120</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => Method switch
    {
        RfmScoringMethod.RankEqualCount => RankBinning == RfmRankBinning.Ntile ? "rank (NTILE)" : "rank (qcut of rank)",
        RfmScoringMethod.ValueBreakpoints => "value breakpoints",
        _ => "fixed " + string.Join(", ", Thresholds.Select(t => t.ToString("R", CultureInfo.InvariantCulture))),
    };
}
