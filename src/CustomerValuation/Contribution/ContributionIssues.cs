using System;

namespace CustomerValuation.Contribution;

/// <summary>
/// Why figures of a row are undefined or need attention. A figure that is undefined is
/// <see langword="null"/> in the result and its cause is flagged here; it is never 0, NaN or infinity.
/// </summary>
[Flags]
public enum ContributionIssues
{
    /// <summary>Every figure of the row is defined and the margin is not negative.</summary>
    None = 0,

    /// <summary>Sales are 0: no gross margin rate, hence no cross ratio and no contribution ratio.</summary>
    NoSales = 1,

    /// <summary>Average inventory is 0 or missing: no turnover, hence no cross ratio and no contribution ratio.</summary>
    NoInventory = 2,

    /// <summary>Cost of goods exceeds sales: the margin, its rate and the ratios are negative (allowed, and flagged).</summary>
    NegativeMargin = 4,

    /// <summary>The group's sales add up to 0: no sales share, hence no contribution ratio.</summary>
    NoGroupSales = 8,

    /// <summary>
    /// The group's contribution ratios (of the rows that have one) add up to 0 or less, or no row of
    /// the group has one: no share of the group's contribution.
    /// </summary>
    NoGroupContribution = 16,

    /// <summary>The group's gross margin adds up to 0 or less: no share of the group's gross margin.</summary>
    NoGroupMargin = 32,
}
