using System;
using System.Collections.Generic;
using System.Globalization;
using CustomerValuation.Internal;

namespace CustomerValuation.Contribution;

/// <summary>
/// Mergeable partial group totals of a contribution analysis, for engines that run user code per
/// partition and may split a group's rows over several partitions (docs/partials.md). Merged in any
/// order, the partials give exactly the group totals of <see cref="ContributionAnalyzer"/> over all
/// the rows, and <see cref="ContributionTotals{TGroup}.Row"/> then gives each row exactly its figures.
/// </summary>
public static class ContributionPartial
{
    /// <summary>An empty partial (no rows): the identity of <see cref="ContributionPartial{TGroup}.Merge"/>.</summary>
    /// <typeparam name="TGroup">The group key type.</typeparam>
    /// <returns>The empty partial.</returns>
    public static ContributionPartial<TGroup> Empty<TGroup>()
        where TGroup : notnull =>
        new(new Dictionary<TGroup, ContributionAnalyzer.GroupSums<ExactSum>>());

    /// <summary>
    /// The group sums of one partition's rows, checked by the rules of
    /// <see cref="ContributionAnalyzer"/>'s keyed overload; a group may have rows here and in other partitions.
    /// </summary>
    /// <typeparam name="T">The row type.</typeparam>
    /// <typeparam name="TGroup">The group key type (a customer, a region …).</typeparam>
    /// <param name="source">The partition's rows, in any order.</param>
    /// <param name="groupSelector">Gets a row's group; not null.</param>
    /// <param name="salesSelector">Gets a row's sales: finite, 0 or more.</param>
    /// <param name="costOfGoodsSelector">Gets a row's cost of goods: finite, 0 or more.</param>
    /// <param name="averageInventorySelector">Gets a row's average inventory: finite and 0 or more, or null when missing.</param>
    /// <returns>The partial.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">A row's group is null (the message names the row's index in this partition).</exception>
    /// <exception cref="ArgumentOutOfRangeException">A row's sales, cost of goods or average inventory breaks its rule (the message names the row's index and group).</exception>
    public static ContributionPartial<TGroup> FromRows<T, TGroup>(
        IEnumerable<T> source,
        Func<T, TGroup> groupSelector,
        Func<T, double> salesSelector,
        Func<T, double> costOfGoodsSelector,
        Func<T, double?> averageInventorySelector)
        where TGroup : notnull
    {
        Guard.NotNull(source, nameof(source));
        Guard.NotNull(groupSelector, nameof(groupSelector));
        Guard.NotNull(salesSelector, nameof(salesSelector));
        Guard.NotNull(costOfGoodsSelector, nameof(costOfGoodsSelector));
        Guard.NotNull(averageInventorySelector, nameof(averageInventorySelector));
        var sums = new Dictionary<TGroup, ContributionAnalyzer.GroupSums<ExactSum>>();
        TGroup current = default!;
        var names = new ContributionAnalyzer.RowNames(
            nameof(groupSelector),
            nameof(source),
            nameof(source),
            nameof(source),
            row => string.Format(CultureInfo.InvariantCulture, "The row at index {0} of the partition (group '{1}')", row, current),
            _ => string.Format(CultureInfo.InvariantCulture, "Group '{0}'", current));
        int index = 0;
        foreach (T row in source)
        {
            current = groupSelector(row);
            if (current is null)
            {
                throw new ArgumentException(string.Format(CultureInfo.InvariantCulture, "The group of the row at index {0} of the partition is null; every row needs a group.", index), nameof(source));
            }

            double? inventory = averageInventorySelector(row);
            if (inventory is double v && double.IsNaN(v))
            {
                throw new ArgumentOutOfRangeException(
                    nameof(source),
                    v,
                    string.Format(CultureInfo.InvariantCulture, "The row at index {0} of the partition (group '{1}'): the average inventory is NaN; give null for a missing inventory.", index, current));
            }

            sums.TryGetValue(current, out ContributionAnalyzer.GroupSums<ExactSum> group);
            ContributionAnalyzer.OwnFigures(salesSelector(row), costOfGoodsSelector(row), inventory ?? double.NaN, names, index, ref group);
            sums[current] = group;
            index++;
        }

        return new ContributionPartial<TGroup>(sums);
    }

    /// <summary>Merges any number of partials (in any order and grouping: the result is the same).</summary>
    /// <typeparam name="TGroup">The group key type.</typeparam>
    /// <param name="partials">The partials.</param>
    /// <returns>The partial of all their rows (empty for no partial).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="partials"/> or one of its items is null.</exception>
    public static ContributionPartial<TGroup> Merge<TGroup>(IEnumerable<ContributionPartial<TGroup>> partials)
        where TGroup : notnull
    {
        Guard.NotNull(partials, nameof(partials));
        ContributionPartial<TGroup> merged = Empty<TGroup>();
        int index = 0;
        foreach (ContributionPartial<TGroup> partial in partials)
        {
            if (partial is null)
            {
                throw new ArgumentNullException(nameof(partials), string.Format(CultureInfo.InvariantCulture, "The partial at index {0} is null.", index));
            }

            merged = merged.Merge(partial);
            index++;
        }

        return merged;
    }
}

/// <summary>
/// The exact running sums of each group over some rows: sales, cost of goods, gross margin and
/// Σ cross ratio × sales, each an exact sum that is rounded only when the totals are taken, so
/// that partials merge associatively and commutatively. Immutable: <see cref="Merge"/> returns a new partial.
/// </summary>
/// <typeparam name="TGroup">The group key type.</typeparam>
public sealed class ContributionPartial<TGroup>
    where TGroup : notnull
{
    private readonly Dictionary<TGroup, ContributionAnalyzer.GroupSums<ExactSum>> _sums;

    internal ContributionPartial(Dictionary<TGroup, ContributionAnalyzer.GroupSums<ExactSum>> sums) => _sums = sums;

    /// <summary>The groups seen.</summary>
    public int GroupCount => _sums.Count;

    /// <summary>Merges this partial with another: the sums of groups in both are added exactly. Neither operand changes.</summary>
    /// <param name="other">The other partial.</param>
    /// <returns>A new partial.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is null.</exception>
    public ContributionPartial<TGroup> Merge(ContributionPartial<TGroup> other)
    {
        Guard.NotNull(other, nameof(other));
        var merged = new Dictionary<TGroup, ContributionAnalyzer.GroupSums<ExactSum>>(_sums.Count + other._sums.Count);
        foreach (KeyValuePair<TGroup, ContributionAnalyzer.GroupSums<ExactSum>> pair in _sums)
        {
            merged[pair.Key] = Add(pair.Value, default);
        }

        foreach (KeyValuePair<TGroup, ContributionAnalyzer.GroupSums<ExactSum>> pair in other._sums)
        {
            merged[pair.Key] = merged.TryGetValue(pair.Key, out ContributionAnalyzer.GroupSums<ExactSum> mine) ? Add(mine, pair.Value) : Add(pair.Value, default);
        }

        return new ContributionPartial<TGroup>(merged);
    }

    /// <summary>The sums of both parts, in new storage (neither operand changes).</summary>
    private static ContributionAnalyzer.GroupSums<ExactSum> Add(in ContributionAnalyzer.GroupSums<ExactSum> a, in ContributionAnalyzer.GroupSums<ExactSum> b)
    {
        ContributionAnalyzer.GroupSums<ExactSum> merged = a;
        merged.Sales = a.Sales.Copy();
        merged.Sales.Add(b.Sales);
        merged.Cost = a.Cost.Copy();
        merged.Cost.Add(b.Cost);
        merged.Margin = a.Margin.Copy();
        merged.Margin.Add(b.Margin);
        merged.Weighted = a.Weighted.Copy();
        merged.Weighted.Add(b.Weighted);
        merged.Rows = checked(a.Rows + b.Rows);
        merged.Undefined = checked(a.Undefined + b.Undefined);
        return merged;
    }

    /// <summary>
    /// Rounds the sums into each group's totals: equal to the <see cref="ContributionResult{TGroup, TItem}"/>
    /// group totals of <see cref="ContributionAnalyzer"/> over all the rows. Broadcast them to the
    /// partitions, which compute their rows' figures with <see cref="ContributionTotals{TGroup}.Row"/>.
    /// </summary>
    /// <returns>The totals.</returns>
    /// <exception cref="ArgumentException">A group's sums exceed the largest double (the message names the group).</exception>
    public ContributionTotals<TGroup> ToTotals()
    {
        var totals = new Dictionary<TGroup, ContributionGroupTotals>(_sums.Count);
        var weighted = new Dictionary<TGroup, double>(_sums.Count);
        TGroup current = default!;
        var names = new ContributionAnalyzer.RowNames(
            "partials",
            "partials",
            "partials",
            "partials",
            row => string.Format(CultureInfo.InvariantCulture, "Row {0}", row),
            _ => string.Format(CultureInfo.InvariantCulture, "Group '{0}'", current));
        foreach (KeyValuePair<TGroup, ContributionAnalyzer.GroupSums<ExactSum>> pair in _sums)
        {
            current = pair.Key;
            totals[pair.Key] = pair.Value.Totals(names, 0, out double w);
            weighted[pair.Key] = w;
        }

        return new ContributionTotals<TGroup>(totals, weighted);
    }
}

/// <summary>
/// The totals of every group, rounded once from the merged partials; a partition computes each of
/// its rows' figures from them (the second pass), exactly as the analyzer would over all the rows.
/// </summary>
/// <typeparam name="TGroup">The group key type.</typeparam>
public sealed class ContributionTotals<TGroup>
    where TGroup : notnull
{
    private static readonly ContributionAnalyzer.RowNames s_names = new(
        "group",
        "sales",
        "costOfGoods",
        "averageInventory",
        _ => "The row",
        _ => "The group");

    private readonly Dictionary<TGroup, ContributionGroupTotals> _totals;
    private readonly Dictionary<TGroup, double> _weighted;

    internal ContributionTotals(Dictionary<TGroup, ContributionGroupTotals> totals, Dictionary<TGroup, double> weighted)
    {
        _totals = totals;
        _weighted = weighted;
    }

    /// <summary>Each group's totals (in no particular order).</summary>
    public IReadOnlyDictionary<TGroup, ContributionGroupTotals> Groups => _totals;

    /// <summary>
    /// One row's figures with its group's totals: margin, rate, turnover, cross ratio, sales share,
    /// contribution ratio and the shares of the group's contribution and margin, with the same
    /// flags. The rank within the group needs the group's rows together (sort them by contribution
    /// ratio where they meet); it is not part of a row's figures.
    /// </summary>
    /// <param name="group">The row's group; one of <see cref="Groups"/>.</param>
    /// <param name="sales">The row's sales: finite, 0 or more.</param>
    /// <param name="costOfGoods">The row's cost of goods: finite, 0 or more.</param>
    /// <param name="averageInventory">The row's average inventory: finite and 0 or more, or null when missing.</param>
    /// <returns>The row's figures.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="group"/> is null.</exception>
    /// <exception cref="ArgumentException">The group has no totals: its rows were not in the merged partials.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An amount breaks its rule.</exception>
    public ContributionRow Row(TGroup group, double sales, double costOfGoods, double? averageInventory)
    {
        if (group is null)
        {
            throw new ArgumentNullException(nameof(group));
        }

        if (!_totals.TryGetValue(group, out ContributionGroupTotals totals))
        {
            throw new ArgumentException(string.Format(CultureInfo.InvariantCulture, "Group '{0}' has no totals: its rows were not in the merged partials.", group), nameof(group));
        }

        if (averageInventory is double v && double.IsNaN(v))
        {
            throw new ArgumentOutOfRangeException(nameof(averageInventory), v, "The average inventory is NaN; give null for a missing inventory.");
        }

        ContributionAnalyzer.GroupSums<NeumaierSum> scratch = default; // discarded: the cheaper sum
        ContributionRow own = ContributionAnalyzer.OwnFigures(sales, costOfGoods, averageInventory ?? double.NaN, s_names, 0, ref scratch);
        return ContributionAnalyzer.WithShares(own, sales, totals, _weighted[group]);
    }
}
