namespace CustomerValuation.Contribution;

/// <summary>The totals of one group (for example one customer, or one region) of a contribution analysis; money in the input's unit, rates as fractions.</summary>
public readonly record struct ContributionGroupTotals
{
    private readonly double _contributionRatio;

    internal ContributionGroupTotals(int rowCount, double sales, double costOfGoods, double grossMargin, double contributionRatio, int rowsWithoutContributionRatio)
    {
        RowCount = rowCount;
        Sales = sales;
        CostOfGoods = costOfGoods;
        GrossMargin = grossMargin;
        _contributionRatio = contributionRatio;
        RowsWithoutContributionRatio = rowsWithoutContributionRatio;
    }

    /// <summary>Gets the number of rows in the group (0 for a group index no row uses).</summary>
    public int RowCount { get; }

    /// <summary>Gets the group's sales (keyed overloads and partials: the exact sum rounded once; span kernel: compensated).</summary>
    public double Sales { get; }

    /// <summary>Gets the group's cost of goods (keyed overloads and partials: the exact sum rounded once; span kernel: compensated).</summary>
    public double CostOfGoods { get; }

    /// <summary>Gets the group's gross margin, the sum (exact and rounded once, or compensated in the span kernel) of its rows' margins (sales − cost of goods): its profit contribution Σ sales × margin rate. Summed by row, so small margins are not lost to the cancellation of two large totals.</summary>
    public double GrossMargin { get; }

    /// <summary>Gets the group's gross margin rate, gross margin ÷ sales, as a fraction; null when the group's sales are 0.</summary>
    public double? GrossMarginRate => Sales > 0 ? GrossMargin / Sales : null;

    /// <summary>
    /// Gets the total of the group's contribution ratios, as a fraction: Σ cross ratio × sales ÷ the
    /// group's sales over the rows that have a cross ratio, which is the sales-weighted mean cross
    /// ratio when every row with sales has one. Null when the group's sales are 0 or no row has a
    /// contribution ratio (never a silent 0).
    /// </summary>
    public double? ContributionRatio => double.IsNaN(_contributionRatio) ? null : _contributionRatio;

    /// <summary>Gets the number of rows without a contribution ratio (no sales, no inventory, or no group sales).</summary>
    public int RowsWithoutContributionRatio { get; }
}
