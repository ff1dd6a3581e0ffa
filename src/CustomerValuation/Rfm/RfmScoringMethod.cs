namespace CustomerValuation.Rfm;

/// <summary>How one RFM dimension's values are turned into scores 1 … n.</summary>
public enum RfmScoringMethod
{
    /// <summary>
    /// Equal-count bins on ranks: the values are ranked, ties broken by input order (the earlier
    /// customer ranks lower), and the ranks are cut into n bins whose sizes differ by at most one
    /// (SQL <c>NTILE(n)</c> by default; see <see cref="RfmRankBinning"/>). Equal values may get
    /// different scores.
    /// </summary>
    RankEqualCount = 0,

    /// <summary>
    /// Value breakpoints: the type-7 (linear interpolation) quantiles at 1/n, 2/n, … of the values are
    /// the bin edges, bins closed on the right, the lowest including the minimum (pandas
    /// <c>qcut</c> on the values). Equal values always share a score; when edges coincide some
    /// score levels are empty and are listed in the summary.
    /// </summary>
    ValueBreakpoints = 1,

    /// <summary>
    /// Thresholds given by the user (n − 1 increasing cut points, bins closed on the right), for
    /// example SPEC W4 for recency: 7, 30, 60, 120 days.
    /// </summary>
    FixedThresholds = 2,
}

/// <summary>Where the larger bins go when n does not divide the number of customers (rank method).</summary>
public enum RfmRankBinning
{
    /// <summary>
    /// SQL <c>NTILE(n)</c>: with m customers, q = ⌊m / n⌋ and r = m mod n, the first r bins (lowest
    /// values) hold q + 1 customers and the others q.
    /// </summary>
    Ntile = 0,

    /// <summary>
    /// pandas <c>qcut(rank(method="first"), n)</c>: rank k (1 … m) falls in the smallest bin j with
    /// k ≤ 1 + (m − 1)·j / n. Sizes also differ by at most one, but the larger bins are spread
    /// differently than by <see cref="Ntile"/> (for m = 7, n = 5: 2, 1, 1, 1, 2 against 2, 2, 1, 1, 1).
    /// </summary>
    QcutOfRank = 1,
}

/// <summary>The three RFM dimensions.</summary>
public enum RfmDimension
{
    /// <summary>Recency: days since the last purchase; fewer days is better.</summary>
    Recency = 0,

    /// <summary>Frequency: number of purchases (orders or purchase days); more is better.</summary>
    Frequency = 1,

    /// <summary>Monetary: amount spent (sum or mean per purchase); more is better.</summary>
    Monetary = 2,
}
