using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using CustomerValuation.Abc;
using CustomerValuation.Internal;

namespace CustomerValuation.Contribution;

/// <summary>
/// The result of a keyed contribution analysis: every input row exactly once, ordered by group and
/// then item; the groups with their totals and shares; rankings, ABC compositions and target gaps.
/// </summary>
/// <typeparam name="TGroup">The group key type.</typeparam>
/// <typeparam name="TItem">The item key type.</typeparam>
public sealed class ContributionResult<TGroup, TItem> : IReadOnlyList<ContributionItem<TGroup, TItem>>
    where TGroup : notnull
    where TItem : notnull
{
    private readonly TGroup[] _groupKeys;
    private readonly int[] _groupStart;
    private readonly TGroup[] _rowGroups;
    private readonly TItem[] _items;
    private readonly double[] _sales;
    private readonly double[] _cost;
    private readonly double[] _inventory;
    private readonly ContributionRow[] _rows;
    private readonly int[] _ranks;
    private readonly int[] _rankOrder;
    private readonly IComparer<TGroup> _groupComparer;
    private readonly IComparer<TItem> _itemComparer;

    private ContributionResult(
        InventoryBasis basis,
        TGroup[] groupKeys,
        int[] groupStart,
        TGroup[] rowGroups,
        TItem[] items,
        double[] sales,
        double[] cost,
        double[] inventory,
        ContributionRow[] rows,
        ContributionGroupTotals[] totals,
        IComparer<TGroup> groupComparer,
        IComparer<TItem> itemComparer)
    {
        Basis = basis;
        _groupKeys = groupKeys;
        _groupStart = groupStart;
        _rowGroups = rowGroups;
        _items = items;
        _sales = sales;
        _cost = cost;
        _inventory = inventory;
        _rows = rows;
        _groupComparer = groupComparer;
        _itemComparer = itemComparer;

        NeumaierSum allSales = default;
        NeumaierSum allMargin = default;
        foreach (ContributionGroupTotals t in totals)
        {
            allSales.Add(t.Sales);
            allMargin.Add(t.GrossMargin);
        }

        TotalSales = allSales.Value;
        TotalGrossMargin = allMargin.Value;
        if (!ContributionAnalyzer.IsFinite(TotalSales) || !ContributionAnalyzer.IsFinite(TotalGrossMargin))
        {
            throw new ArgumentException("The sales or gross margins of all groups add up to more than the largest double; rescale the amounts.", ContributionAnalyzer.SourceName);
        }

        var groups = new ContributionGroup<TGroup>[groupKeys.Length];
        for (int k = 0; k < groups.Length; k++)
        {
            ContributionGroupTotals t = totals[k];
            groups[k] = new ContributionGroup<TGroup>(
                groupKeys[k],
                t,
                TotalSales > 0 ? t.Sales / TotalSales : null,
                TotalGrossMargin > 0 && !double.IsInfinity(t.GrossMargin / TotalGrossMargin) ? t.GrossMargin / TotalGrossMargin : null);
        }

        Groups = new ReadOnlyCollection<ContributionGroup<TGroup>>(groups);

        // Ranks within each group: contribution ratio descending, rows without one last; ties by item (= position).
        _ranks = new int[rows.Length];
        _rankOrder = new int[rows.Length];
        for (int i = 0; i < rows.Length; i++)
        {
            _rankOrder[i] = i;
        }

        var byContribution = Comparer<int>.Create((a, b) =>
        {
            double x = rows[a].ContributionRatio ?? double.NegativeInfinity;
            double y = rows[b].ContributionRatio ?? double.NegativeInfinity;
            bool hasX = rows[a].ContributionRatio.HasValue, hasY = rows[b].ContributionRatio.HasValue;
            if (hasX != hasY)
            {
                return hasX ? -1 : 1;
            }

            int c = y.CompareTo(x);
            return c != 0 ? c : a.CompareTo(b);
        });
        for (int k = 0; k < groupKeys.Length; k++)
        {
            int start = groupStart[k];
            Array.Sort(_rankOrder, start, groupStart[k + 1] - start, byContribution);
            for (int r = start; r < groupStart[k + 1]; r++)
            {
                _ranks[_rankOrder[r]] = r - start + 1;
            }
        }
    }

    /// <summary>Gets how the inventory was valued: <see cref="InventoryBasis.SellingPrice"/> (the cross ratio) or <see cref="InventoryBasis.Cost"/> (GMROI).</summary>
    public InventoryBasis Basis { get; }

    /// <summary>Gets the number of rows (every input row, once).</summary>
    public int Count => _rows.Length;

    /// <summary>Gets the groups ordered by key, with their totals and their shares of all groups.</summary>
    public IReadOnlyList<ContributionGroup<TGroup>> Groups { get; }

    /// <summary>Gets the sales of all rows (compensated sum of the group totals).</summary>
    public double TotalSales { get; }

    /// <summary>Gets the gross margin of all rows (compensated sum of the group totals); the company's or region's profit when the rows cover it.</summary>
    public double TotalGrossMargin { get; }

    /// <summary>Gets the row at a position (rows are ordered by group, then item).</summary>
    /// <param name="index">0 … <see cref="Count"/> − 1.</param>
    /// <returns>The row.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside the result.</exception>
    public ContributionItem<TGroup, TItem> this[int index] => (uint)index < (uint)_rows.Length
        ? Build(index)
        : throw new ArgumentOutOfRangeException(nameof(index), index, "The index must be from 0 to Count - 1.");

    /// <summary>Enumerates the rows, by group and then item.</summary>
    /// <returns>The enumerator.</returns>
    public IEnumerator<ContributionItem<TGroup, TItem>> GetEnumerator()
    {
        for (int i = 0; i < _rows.Length; i++)
        {
            yield return Build(i);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Ranks a group's rows by contribution ratio, highest first: what to push (SPEC W11).</summary>
    /// <param name="group">The group.</param>
    /// <returns>The group's rows in <see cref="ContributionItem{TGroup, TItem}.RankInGroup"/> order; rows without a contribution ratio last.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="group"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="group"/> is not in the result.</exception>
    public IReadOnlyList<ContributionItem<TGroup, TItem>> RankByContributionRatio(TGroup group)
    {
        int k = GroupIndex(group);
        var ranked = new ContributionItem<TGroup, TItem>[_groupStart[k + 1] - _groupStart[k]];
        for (int r = 0; r < ranked.Length; r++)
        {
            ranked[r] = Build(_rankOrder[_groupStart[k] + r]);
        }

        return Array.AsReadOnly(ranked);
    }

    /// <summary>
    /// The composition of a group's sales by item: each item's share and cumulative share, with an
    /// ABC class (computed by <see cref="AbcClassifier"/> on the items' sales).
    /// </summary>
    /// <param name="group">The group.</param>
    /// <param name="options">The ABC options; <see langword="null"/> for <see cref="AbcOptions.Default"/>.</param>
    /// <returns>The group's items in rank order of sales (ties by item), with shares and classes; items without sales in the non-positive class.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="group"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="group"/> is not in the result.</exception>
    public AbcAnalysis<TItem> ItemComposition(TGroup group, AbcOptions? options = null)
    {
        int k = GroupIndex(group);
        return AbcClassifier.Analyze(Positions(_groupStart[k], _groupStart[k + 1]), p => _items[p], p => _sales[p], options, _itemComparer);
    }

    /// <summary>
    /// The composition of all sales by group (for example each customer's share of the company's
    /// sales), cumulative, with an ABC class computed by <see cref="AbcClassifier"/>.
    /// </summary>
    /// <param name="options">The ABC options; <see langword="null"/> for <see cref="AbcOptions.Default"/>.</param>
    /// <returns>The groups in rank order of sales (ties by group key), with shares and classes.</returns>
    /// <exception cref="InvalidOperationException">The result has no rows.</exception>
    public AbcAnalysis<TGroup> GroupComposition(AbcOptions? options = null)
    {
        NotEmpty();
        return AbcClassifier.Analyze(Positions(0, _groupKeys.Length), k => _groupKeys[k], k => Groups[k].Totals.Sales, options, _groupComparer);
    }

    /// <summary>
    /// The composition of all sales by item, summed over the groups (for example each product's
    /// share of the company's sales), cumulative, with an ABC class computed by <see cref="AbcClassifier"/>.
    /// </summary>
    /// <param name="options">The ABC options; <see langword="null"/> for <see cref="AbcOptions.Default"/>.</param>
    /// <returns>The items in rank order of summed sales (ties by item key), with shares and classes.</returns>
    /// <exception cref="InvalidOperationException">The result has no rows.</exception>
    /// <exception cref="ArgumentException">An item's sales over all groups add up to more than <see cref="double.MaxValue"/>.</exception>
    public AbcAnalysis<TItem> OverallItemComposition(AbcOptions? options = null)
    {
        NotEmpty();

        // Summed in the result's order (group, then item), so the totals do not depend on the input order.
        var index = new Dictionary<TItem, int>();
        var keys = new List<TItem>();
        var sums = new List<NeumaierSum>();
        for (int i = 0; i < _rows.Length; i++)
        {
            if (!index.TryGetValue(_items[i], out int j))
            {
                j = keys.Count;
                index.Add(_items[i], j);
                keys.Add(_items[i]);
                sums.Add(default);
            }

            NeumaierSum sum = sums[j];
            sum.Add(_sales[i]);
            sums[j] = sum;
        }

        return AbcClassifier.Analyze(Positions(0, keys.Count), j => keys[j], j => sums[j].Value, options, _itemComparer);
    }

    /// <summary>Compares each row's sales share with the share expected of its item (SPEC W11: a customer's product mix against the company's expectations).</summary>
    /// <param name="targetShares">Expected share of the group's sales per item, as fractions from 0 to 1; they need not add up to 1, and items without a target get no gap.</param>
    /// <returns>
    /// One gap per row, in the result's order. Items a group does not have get no row: give them a
    /// row with zero sales to see their gap (−target).
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="targetShares"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A target share is not a finite number from 0 to 1 (the message names the item).</exception>
    public IReadOnlyList<ContributionGap<TGroup, TItem>> CompareWithTargets(IReadOnlyDictionary<TItem, double> targetShares)
    {
        Guard.NotNull(targetShares, nameof(targetShares));
        foreach (KeyValuePair<TItem, double> target in targetShares)
        {
            if (!(target.Value >= 0 && target.Value <= 1))
            {
                throw new ArgumentOutOfRangeException(
                    nameof(targetShares),
                    target.Value,
                    string.Format(CultureInfo.InvariantCulture, "The target share of item '{0}' is {1}; target shares are fractions from 0 to 1 (0.25 for 25 %).", target.Key, target.Value.ToString("R", CultureInfo.InvariantCulture)));
            }
        }

        var gaps = new ContributionGap<TGroup, TItem>[_rows.Length];
        for (int i = 0; i < gaps.Length; i++)
        {
            double? share = _rows[i].SalesShare;
            double? target = targetShares.TryGetValue(_items[i], out double t) ? t : null;
            gaps[i] = new ContributionGap<TGroup, TItem>(_rowGroups[i], _items[i], share, target, share - target);
        }

        return Array.AsReadOnly(gaps);
    }

    /// <summary>Validates, orders and analyses keyed rows.</summary>
    internal static ContributionResult<TGroup, TItem> Build(KeyedRows<TGroup, TItem> rows, InventoryBasis basis)
    {
        int n = rows.Count;
        IComparer<TGroup> groupComparer = DefaultComparer<TGroup>();
        IComparer<TItem> itemComparer = DefaultComparer<TItem>();
        int[] order = new int[n];
        for (int i = 0; i < n; i++)
        {
            order[i] = i;
        }

        List<TGroup> g = rows.Groups;
        List<TItem> it = rows.Items;
        try
        {
            Array.Sort(order, (a, b) =>
            {
                int c = groupComparer.Compare(g[a], g[b]);
                if (c == 0)
                {
                    c = itemComparer.Compare(it[a], it[b]);
                }

                return c != 0 ? c : a.CompareTo(b);
            });
        }
        catch (InvalidOperationException e)
        {
            throw new ArgumentException(
                string.Format(CultureInfo.InvariantCulture, "Group keys of type {0} or item keys of type {1} cannot be ordered; use keys that implement IComparable (strings, numbers, tuples of them).", typeof(TGroup).Name, typeof(TItem).Name),
                ContributionAnalyzer.SourceName,
                e);
        }

        var groupKeys = new List<TGroup>();
        var groupStart = new List<int>();
        int[] groupIndices = new int[n];
        for (int r = 0; r < n; r++)
        {
            int row = order[r];
            bool newGroup = r == 0;
            if (r > 0)
            {
                int previous = order[r - 1];
                if (groupComparer.Compare(g[previous], g[row]) != 0)
                {
                    newGroup = true;
                }
                else if (!EqualityComparer<TGroup>.Default.Equals(g[previous], g[row]))
                {
                    throw new ArgumentException(string.Format(CultureInfo.InvariantCulture, "Groups '{0}' and '{1}' are distinct but compare equal, so their order is undefined; use keys whose order agrees with their equality.", g[previous], g[row]), ContributionAnalyzer.SourceName);
                }
                else if (itemComparer.Compare(it[previous], it[row]) == 0)
                {
                    if (EqualityComparer<TItem>.Default.Equals(it[previous], it[row]))
                    {
                        throw new ArgumentException(
                            string.Format(CultureInfo.InvariantCulture, "Group '{0}', item '{1}' appears twice, at indices {2} and {3}; each (group, item) pair must be unique (sum its rows first).", g[row], it[row], Math.Min(previous, row), Math.Max(previous, row)),
                            ContributionAnalyzer.SourceName);
                    }

                    throw new ArgumentException(string.Format(CultureInfo.InvariantCulture, "Items '{0}' and '{1}' are distinct but compare equal, so their order is undefined; use keys whose order agrees with their equality.", it[previous], it[row]), ContributionAnalyzer.SourceName);
                }
            }

            if (newGroup)
            {
                groupKeys.Add(g[row]);
                groupStart.Add(r);
            }

            groupIndices[r] = groupKeys.Count - 1;
        }

        groupStart.Add(n);
        var rowGroups = new TGroup[n];
        var items = new TItem[n];
        double[] sales = new double[n], cost = new double[n], inventory = new double[n];
        for (int r = 0; r < n; r++)
        {
            int row = order[r];
            rowGroups[r] = g[row];
            items[r] = it[row];
            sales[r] = rows.Sales[row];
            cost[r] = rows.Cost[row];
            inventory[r] = rows.Inventory[row];
        }

        TGroup[] keys = groupKeys.ToArray();
        var results = new ContributionRow[n];
        var totals = new ContributionGroupTotals[keys.Length];
        var names = new ContributionAnalyzer.RowNames(
            ContributionAnalyzer.SourceName,
            ContributionAnalyzer.SourceName,
            ContributionAnalyzer.SourceName,
            ContributionAnalyzer.SourceName,
            r => string.Format(CultureInfo.InvariantCulture, "The record at index {0} (group '{1}', item '{2}')", order[r], rowGroups[r], items[r]),
            k => string.Format(CultureInfo.InvariantCulture, "Group '{0}'", keys[k]));
        ContributionAnalyzer.Core<ExactSum>(groupIndices, sales, cost, inventory, results, totals, names);
        return new ContributionResult<TGroup, TItem>(basis, keys, groupStart.ToArray(), rowGroups, items, sales, cost, inventory, results, totals, groupComparer, itemComparer);
    }

    private static IComparer<TKey> DefaultComparer<TKey>() =>
        typeof(TKey) == typeof(string) ? (IComparer<TKey>)(object)StringComparer.Ordinal : Comparer<TKey>.Default;

    private static IEnumerable<int> Positions(int start, int end)
    {
        for (int i = start; i < end; i++)
        {
            yield return i;
        }
    }

    private void NotEmpty()
    {
        if (_rows.Length == 0)
        {
            throw new InvalidOperationException("The result has no rows, so there is no composition to compute.");
        }
    }

    private int GroupIndex(TGroup group)
    {
        if (group is null)
        {
            throw new ArgumentNullException(nameof(group));
        }

        int k = Array.BinarySearch(_groupKeys, group, _groupComparer);
        if (k < 0)
        {
            throw new ArgumentException(string.Format(CultureInfo.InvariantCulture, "Group '{0}' is not in the result; it has {1} groups.", group, _groupKeys.Length), nameof(group));
        }

        return k;
    }

    private ContributionItem<TGroup, TItem> Build(int i) => new(
        _rowGroups[i],
        _items[i],
        _sales[i],
        _cost[i],
        double.IsNaN(_inventory[i]) ? null : _inventory[i],
        _ranks[i],
        _rows[i]);
}

/// <summary>Keyed rows collected from the caller's records, checked for null keys.</summary>
internal sealed class KeyedRows<TGroup, TItem>
{
    public List<TGroup> Groups { get; } = new();

    public List<TItem> Items { get; } = new();

    public List<double> Sales { get; } = new();

    public List<double> Cost { get; } = new();

    public List<double> Inventory { get; } = new();

    public int Count => Groups.Count;

    public void Add(TGroup group, TItem item, double sales, double cost, double inventory)
    {
        if (group is null || item is null)
        {
            throw new ArgumentException(
                string.Format(CultureInfo.InvariantCulture, "The record at index {0} has a null {1}; every record needs a group and an item.", Count, group is null ? "group" : "item"),
                ContributionAnalyzer.SourceName);
        }

        Groups.Add(group);
        Items.Add(item);
        Sales.Add(sales);
        Cost.Add(cost);
        Inventory.Add(inventory);
    }
}
