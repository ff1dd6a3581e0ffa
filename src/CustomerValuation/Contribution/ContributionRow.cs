namespace CustomerValuation.Contribution;

/// <summary>
/// The figures of one row (for example one product of one customer) of a contribution analysis.
/// Rates, ratios and shares are fractions (0.225, not 22.5 %); an undefined figure is
/// <see langword="null"/> and <see cref="Flags"/> says why.
/// </summary>
/// <remarks>
/// With sales s, cost of goods c, average inventory v, the group's sales S and the group's total
/// of the products cross ratio × sales W: gross margin m = s − c; gross margin rate = m ÷ s;
/// turnover = s ÷ v; cross ratio = m ÷ s × s ÷ v = m ÷ v (on <see cref="InventoryBasis.Cost"/>, GMROI);
/// sales share = s ÷ S; contribution ratio = cross ratio × sales share; share of the group's
/// contribution = cross ratio × s ÷ W; share of the group's gross margin = m ÷ Σ m (SPEC §5).
/// </remarks>
public readonly record struct ContributionRow
{
    private readonly double _grossMarginRate;
    private readonly double _turnover;
    private readonly double _crossRatio;
    private readonly double _salesShare;
    private readonly double _contributionRatio;
    private readonly double _contributionShare;
    private readonly double _grossMarginShare;

    internal ContributionRow(
        double grossMargin,
        double grossMarginRate,
        double turnover,
        double crossRatio,
        double salesShare,
        double contributionRatio,
        double contributionShare,
        double grossMarginShare,
        ContributionIssues flags)
    {
        GrossMargin = grossMargin;
        _grossMarginRate = grossMarginRate;
        _turnover = turnover;
        _crossRatio = crossRatio;
        _salesShare = salesShare;
        _contributionRatio = contributionRatio;
        _contributionShare = contributionShare;
        _grossMarginShare = grossMarginShare;
        Flags = flags;
    }

    /// <summary>Gets the gross margin, sales − cost of goods, in the input's money unit; negative when cost exceeds sales.</summary>
    public double GrossMargin { get; }

    /// <summary>Gets the gross margin rate, gross margin ÷ sales, as a fraction; null when sales are 0 (<see cref="ContributionIssues.NoSales"/>).</summary>
    public double? GrossMarginRate => Defined(_grossMarginRate);

    /// <summary>
    /// Gets the turnover, sales ÷ average inventory, in turns per period (10 = ten turns); null when the
    /// average inventory is 0 or missing (<see cref="ContributionIssues.NoInventory"/>).
    /// </summary>
    public double? Turnover => Defined(_turnover);

    /// <summary>
    /// Gets gross margin rate × turnover (= gross margin ÷ average inventory) as a fraction (2.25 =
    /// 225 %): the cross ratio with inventory at selling price, GMROI with inventory at cost; null
    /// when the margin rate or the turnover is undefined.
    /// </summary>
    public double? CrossRatio => Defined(_crossRatio);

    /// <summary>Gets the row's share of its group's sales, as a fraction; null when the group's sales are 0 (<see cref="ContributionIssues.NoGroupSales"/>).</summary>
    public double? SalesShare => Defined(_salesShare);

    /// <summary>
    /// Gets the contribution ratio, cross ratio × sales share, as a fraction (0.643 = 64.3 %); the
    /// contribution ratios of a group add up to its sales-weighted mean cross ratio. Null when the
    /// cross ratio or the sales share is undefined.
    /// </summary>
    public double? ContributionRatio => Defined(_contributionRatio);

    /// <summary>
    /// Gets the row's share of its group's total contribution ratio, as a fraction (negative for a
    /// negative margin); null when the row has no contribution ratio or the group's total is 0 or
    /// less (<see cref="ContributionIssues.NoGroupContribution"/>).
    /// </summary>
    public double? ContributionShare => Defined(_contributionShare);

    /// <summary>
    /// Gets the row's share of its group's gross margin (its profit contribution), as a fraction;
    /// null when the group's gross margin is 0 or less (<see cref="ContributionIssues.NoGroupMargin"/>).
    /// </summary>
    public double? GrossMarginShare => Defined(_grossMarginShare);

    /// <summary>Gets why figures are undefined, and whether the margin is negative; <see cref="ContributionIssues.None"/> when all is defined.</summary>
    public ContributionIssues Flags { get; }

    private static double? Defined(double value) => double.IsNaN(value) ? null : value;
}
