namespace CustomerValuation.Contribution;

/// <summary>One row of a keyed contribution analysis: its keys, its inputs and its figures.</summary>
/// <typeparam name="TGroup">The group key type.</typeparam>
/// <typeparam name="TItem">The item key type.</typeparam>
/// <param name="Group">The row's group (for example a customer).</param>
/// <param name="Item">The row's item (for example a product).</param>
/// <param name="Sales">The row's sales, as given.</param>
/// <param name="CostOfGoods">The row's cost of goods, as given.</param>
/// <param name="AverageInventory">The row's average inventory (given, or averaged from its observations); null when missing.</param>
/// <param name="RankInGroup">
/// 1 for the highest contribution ratio in the group (what to push first); equal ratios by item,
/// ascending; rows without a contribution ratio are ranked after all rows that have one, by item.
/// </param>
/// <param name="Figures">The computed figures and flags; rates, ratios and shares are fractions.</param>
public readonly record struct ContributionItem<TGroup, TItem>(
    TGroup Group,
    TItem Item,
    double Sales,
    double CostOfGoods,
    double? AverageInventory,
    int RankInGroup,
    ContributionRow Figures);

/// <summary>One group of a keyed contribution analysis, with its share of the whole (for example a customer's share of the company's or region's profit).</summary>
/// <typeparam name="TGroup">The group key type.</typeparam>
/// <param name="Group">The group key.</param>
/// <param name="Totals">The group's sales, cost of goods, gross margin (its profit contribution), margin rate and total contribution ratio.</param>
/// <param name="SalesShare">The group's sales ÷ the sales of all groups, as a fraction; null when all sales are 0.</param>
/// <param name="GrossMarginShare">The group's gross margin ÷ the gross margin of all groups, as a fraction; null when that total is 0 or less.</param>
public readonly record struct ContributionGroup<TGroup>(TGroup Group, ContributionGroupTotals Totals, double? SalesShare, double? GrossMarginShare);

/// <summary>A row's sales share against the share expected of its item.</summary>
/// <typeparam name="TGroup">The group key type.</typeparam>
/// <typeparam name="TItem">The item key type.</typeparam>
/// <param name="Group">The row's group.</param>
/// <param name="Item">The row's item.</param>
/// <param name="SalesShare">The row's share of its group's sales, as a fraction; null when the group has no sales.</param>
/// <param name="TargetShare">The expected share of the item, as a fraction; null when no target was given for it.</param>
/// <param name="Gap">SalesShare − TargetShare, as a fraction (−0.05: five percentage points below target); null when either is null.</param>
public readonly record struct ContributionGap<TGroup, TItem>(TGroup Group, TItem Item, double? SalesShare, double? TargetShare, double? Gap);
