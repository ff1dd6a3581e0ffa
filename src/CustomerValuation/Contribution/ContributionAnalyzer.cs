using System;
using System.Collections.Generic;
using System.Globalization;
using CustomerValuation.Internal;

namespace CustomerValuation.Contribution;

/// <summary>
/// Contribution-ratio math (SPEC §5): per row (a product of a customer, or any grouping the caller
/// chooses) the gross margin and its rate, turnover, cross ratio (or GMROI), sales share within the
/// group, contribution ratio and shares of the group's contribution and gross margin.
/// </summary>
/// <remarks>
/// <para>
/// Units: money in the caller's unit; every rate, ratio and share a fraction (0.225, not 22.5 %);
/// turnover in turns per period. For a row with sales s, cost of goods c and average inventory v in
/// a group with sales S: gross margin rate = (s − c) ÷ s; turnover = s ÷ v; cross ratio = gross
/// margin rate × turnover (computed as (s − c) ÷ v, one rounding); sales share = s ÷ S; contribution
/// ratio = cross ratio × sales share; share of the group's contribution = the row's contribution
/// ratio ÷ the group's total. The published worked example (Aonuma management glossary, "利益貢献度分析"):
/// sales 20,000 of 70,000, gross margin 4,500, inventory 2,000 give rate 0.225, turnover 10, cross
/// ratio 2.25 (225 %) and contribution ratio 0.643 (64.3 %).
/// </para>
/// <para>
/// Undefined figures are <see langword="null"/> with a <see cref="ContributionIssues"/> on the row,
/// never 0, NaN or infinity: zero sales (no margin rate), zero or missing inventory (no turnover), a
/// group without sales (no shares). A negative margin is allowed and flagged. The keyed overloads
/// (and <see cref="ContributionPartial"/>) sum each group exactly and round once, to the double
/// nearest the true sum, so their totals do not depend on the order of the rows; the span kernel
/// uses a compensated (Neumaier) sum in position order, about eight times faster on 10⁷ rows.
/// </para>
/// </remarks>
public static class ContributionAnalyzer
{
    /// <summary>The parameter name that errors in keyed rows are reported against.</summary>
    internal static readonly string SourceName = "source";

    private static readonly RowNames s_spanNames = new(
        "groupIndices",
        "sales",
        "costOfGoods",
        "averageInventory",
        row => string.Format(CultureInfo.InvariantCulture, "Row {0}", row),
        group => string.Format(CultureInfo.InvariantCulture, "Group {0}", group));

    /// <summary>
    /// Computes every row's figures and every group's totals into the destinations. Allocates nothing
    /// (per-group scratch comes from the shared array pool); two passes over the rows.
    /// </summary>
    /// <param name="groupIndices">Per row, its group: 0 … <paramref name="groupTotals"/>.Length − 1.</param>
    /// <param name="sales">Per row, the sales of the period: finite, 0 or more.</param>
    /// <param name="costOfGoods">Per row, the cost of the goods sold: finite, 0 or more (it may exceed the sales).</param>
    /// <param name="averageInventory">
    /// Per row, the average inventory of the period on one basis (<see cref="InventoryBasis"/>; the
    /// arithmetic does not depend on it): finite and 0 or more, or NaN for a missing inventory.
    /// </param>
    /// <param name="destination">Receives the figures of each row, at the row's position; same length as <paramref name="sales"/>.</param>
    /// <param name="groupTotals">Receives the totals of each group, at the group's index; its length is the number of groups (a group no row uses gets zero totals).</param>
    /// <remarks>
    /// Sums are taken in position order (compensated, Neumaier), so permuting the rows changes
    /// results by a rounding at most; the keyed overloads sum exactly (order-free) and sort the rows
    /// by group and item. Empty input writes zero totals for every group. Time O(n + groups).
    /// </remarks>
    /// <exception cref="ArgumentException">
    /// The spans differ in length; or a group's sales, or its products cross ratio × sales, add up to
    /// more than <see cref="double.MaxValue"/> (the message names the group).
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// A group index is outside 0 … <paramref name="groupTotals"/>.Length − 1; sales or cost of goods
    /// are negative, NaN, infinite or subnormal; an average inventory is negative, infinite or
    /// subnormal; or sales ÷ average inventory exceed <see cref="double.MaxValue"/> (the message names the row).
    /// </exception>
    public static void Analyze(
        ReadOnlySpan<int> groupIndices,
        ReadOnlySpan<double> sales,
        ReadOnlySpan<double> costOfGoods,
        ReadOnlySpan<double> averageInventory,
        Span<ContributionRow> destination,
        Span<ContributionGroupTotals> groupTotals)
    {
        int n = sales.Length;
        SameLength(n, groupIndices.Length, nameof(groupIndices));
        SameLength(n, costOfGoods.Length, nameof(costOfGoods));
        SameLength(n, averageInventory.Length, nameof(averageInventory));
        SameLength(n, destination.Length, nameof(destination));
        Core<NeumaierSum>(groupIndices, sales, costOfGoods, averageInventory, destination, groupTotals, s_spanNames);
    }

    /// <summary>
    /// Analyses keyed rows (the script-friendly overload) with one average inventory per row. The
    /// result lists the rows by group, then item, so it never depends on the order of <paramref name="source"/>.
    /// </summary>
    /// <typeparam name="T">The row type.</typeparam>
    /// <typeparam name="TGroup">The group key type (a customer, a region …).</typeparam>
    /// <typeparam name="TItem">The item key type (a product, a customer …).</typeparam>
    /// <param name="source">The rows; each (group, item) pair at most once.</param>
    /// <param name="groupSelector">Gets a row's group; not null.</param>
    /// <param name="itemSelector">Gets a row's item; not null.</param>
    /// <param name="salesSelector">Gets a row's sales: finite, 0 or more.</param>
    /// <param name="costOfGoodsSelector">Gets a row's cost of goods: finite, 0 or more.</param>
    /// <param name="averageInventorySelector">Gets a row's average inventory: finite and 0 or more, or null when missing.</param>
    /// <param name="basis">How the inventory is valued: at selling price (cross ratio) or at cost (GMROI); stated explicitly, it is recorded in the result.</param>
    /// <returns>One result per row, the group totals, rankings and compositions.</returns>
    /// <remarks>
    /// Keys are ordered ordinally for strings and by <see cref="Comparer{T}.Default"/> otherwise.
    /// Empty input gives an empty result.
    /// </remarks>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="basis"/> is not defined; or a row's sales, cost of goods or average inventory
    /// breaks its rule (the message names the row's index, group and item).
    /// </exception>
    /// <exception cref="ArgumentException">
    /// A group or item is null; a (group, item) pair repeats (the message names both indices); keys
    /// cannot be ordered, or distinct keys compare equal; or totals exceed <see cref="double.MaxValue"/>.
    /// </exception>
    public static ContributionResult<TGroup, TItem> Analyze<T, TGroup, TItem>(
        IEnumerable<T> source,
        Func<T, TGroup> groupSelector,
        Func<T, TItem> itemSelector,
        Func<T, double> salesSelector,
        Func<T, double> costOfGoodsSelector,
        Func<T, double?> averageInventorySelector,
        InventoryBasis basis)
        where TGroup : notnull
        where TItem : notnull
    {
        Guard.NotNull(source, nameof(source));
        Guard.NotNull(groupSelector, nameof(groupSelector));
        Guard.NotNull(itemSelector, nameof(itemSelector));
        Guard.NotNull(salesSelector, nameof(salesSelector));
        Guard.NotNull(costOfGoodsSelector, nameof(costOfGoodsSelector));
        Guard.NotNull(averageInventorySelector, nameof(averageInventorySelector));
        CheckBasis(basis);
        var rows = new KeyedRows<TGroup, TItem>();
        foreach (T row in source)
        {
            TGroup group = groupSelector(row);
            TItem item = itemSelector(row);
            double? inventory = averageInventorySelector(row);
            if (inventory is double v && double.IsNaN(v))
            {
                // NaN is the span kernel's marker for "missing"; from a selector it is bad input, not a missing value.
                throw new ArgumentOutOfRangeException(
                    SourceName,
                    v,
                    string.Format(CultureInfo.InvariantCulture, "The record at index {0} (group '{1}', item '{2}'): the average inventory is NaN; give null for a missing inventory.", rows.Count, group, item));
            }

            rows.Add(group, item, salesSelector(row), costOfGoodsSelector(row), inventory ?? double.NaN);
        }

        return ContributionResult<TGroup, TItem>.Build(rows, basis);
    }

    /// <summary>
    /// Analyses keyed rows whose inventory is given as the period's observations (for example
    /// month-end inventories), averaged by an explicit rule. The result lists the rows by group,
    /// then item, so it never depends on the order of <paramref name="source"/>.
    /// </summary>
    /// <typeparam name="T">The row type.</typeparam>
    /// <typeparam name="TGroup">The group key type (a customer, a region …).</typeparam>
    /// <typeparam name="TItem">The item key type (a product, a customer …).</typeparam>
    /// <param name="source">The rows; each (group, item) pair at most once.</param>
    /// <param name="groupSelector">Gets a row's group; not null.</param>
    /// <param name="itemSelector">Gets a row's item; not null.</param>
    /// <param name="salesSelector">Gets a row's sales: finite, 0 or more.</param>
    /// <param name="costOfGoodsSelector">Gets a row's cost of goods: finite, 0 or more.</param>
    /// <param name="inventoryObservationsSelector">
    /// Gets a row's inventory observations in time order, each finite and 0 or more; null or empty
    /// when missing (the row is flagged <see cref="ContributionIssues.NoInventory"/>).
    /// </param>
    /// <param name="averaging">How the observations are averaged: their mean, or (opening + closing) ÷ 2.</param>
    /// <param name="basis">How the inventory is valued: at selling price (cross ratio) or at cost (GMROI).</param>
    /// <returns>One result per row, the group totals, rankings and compositions.</returns>
    /// <remarks>The mean is a compensated sum ÷ count. Keys are ordered as in the other keyed overload.</remarks>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="averaging"/> or <paramref name="basis"/> is not defined; or a row's sales, cost
    /// of goods or an inventory observation breaks its rule (the message names the row, and the observation).
    /// </exception>
    /// <exception cref="ArgumentException">
    /// A group or item is null; a (group, item) pair repeats (the message names both indices); keys
    /// cannot be ordered, or distinct keys compare equal; or totals exceed <see cref="double.MaxValue"/>.
    /// </exception>
    public static ContributionResult<TGroup, TItem> Analyze<T, TGroup, TItem>(
        IEnumerable<T> source,
        Func<T, TGroup> groupSelector,
        Func<T, TItem> itemSelector,
        Func<T, double> salesSelector,
        Func<T, double> costOfGoodsSelector,
        Func<T, IReadOnlyList<double>?> inventoryObservationsSelector,
        InventoryAveraging averaging,
        InventoryBasis basis)
        where TGroup : notnull
        where TItem : notnull
    {
        Guard.NotNull(source, nameof(source));
        Guard.NotNull(groupSelector, nameof(groupSelector));
        Guard.NotNull(itemSelector, nameof(itemSelector));
        Guard.NotNull(salesSelector, nameof(salesSelector));
        Guard.NotNull(costOfGoodsSelector, nameof(costOfGoodsSelector));
        Guard.NotNull(inventoryObservationsSelector, nameof(inventoryObservationsSelector));
        if (averaging is not InventoryAveraging.MeanOfObservations and not InventoryAveraging.OpeningClosing)
        {
            throw new ArgumentOutOfRangeException(nameof(averaging), averaging, "Averaging must be MeanOfObservations or OpeningClosing.");
        }

        CheckBasis(basis);
        var rows = new KeyedRows<TGroup, TItem>();
        foreach (T row in source)
        {
            TGroup group = groupSelector(row);
            TItem item = itemSelector(row);
            double average = Average(inventoryObservationsSelector(row), averaging, rows.Count, group, item);
            rows.Add(group, item, salesSelector(row), costOfGoodsSelector(row), average);
        }

        return ContributionResult<TGroup, TItem>.Build(rows, basis);
    }

    private static void CheckBasis(InventoryBasis basis)
    {
        if (basis is not InventoryBasis.SellingPrice and not InventoryBasis.Cost)
        {
            throw new ArgumentOutOfRangeException(nameof(basis), basis, "Basis must be SellingPrice (cross ratio) or Cost (GMROI).");
        }
    }

    private static double Average<TGroup, TItem>(IReadOnlyList<double>? observations, InventoryAveraging averaging, int index, TGroup group, TItem item)
    {
        if (observations is null || observations.Count == 0)
        {
            return double.NaN;
        }

        NeumaierSum sum = default;
        for (int k = 0; k < observations.Count; k++)
        {
            double x = observations[k];
            if (!Guard.IsUsableValue(x) || x < 0)
            {
                throw new ArgumentOutOfRangeException(
                    SourceName,
                    x,
                    string.Format(
                        CultureInfo.InvariantCulture,
                        "The record at index {0} (group '{1}', item '{2}'): inventory observation {3} is {4}; observations must be finite and 0 or more (give null or an empty list for a missing inventory).",
                        index,
                        group,
                        item,
                        k,
                        x.ToString("R", CultureInfo.InvariantCulture)));
            }

            sum.Add(x / observations.Count); // the mean as Σ x ÷ n: valid huge observations cannot overflow the sum
        }

        double average = averaging == InventoryAveraging.OpeningClosing
            ? (observations[0] / 2) + (observations[observations.Count - 1] / 2)
            : sum.Value;
        if (!IsFinite(average))
        {
            throw new ArgumentException(
                string.Format(CultureInfo.InvariantCulture, "The record at index {0} (group '{1}', item '{2}'): the inventory observations add up to more than the largest double; rescale them.", index, group, item),
                SourceName);
        }

        // An average below the smallest normal double (only from tiny observations, e.g. (2.5e-308 + 0) ÷ 2)
        // is treated as 0, flagged NoInventory: the kernel rejects subnormal inventories as it rejects
        // subnormal amounts (docs/contribution.md, "Input rules").
        return Guard.IsUsableValue(average) ? average : 0;
    }

    private static void SameLength(int expected, int actual, string parameterName)
    {
        if (expected != actual)
        {
            throw new ArgumentException(
                string.Format(CultureInfo.InvariantCulture, "{0} has length {1} but sales has {2}; every span holds one entry per row.", parameterName, actual, expected),
                parameterName);
        }
    }

    /// <summary>The shared implementation: checks, two passes, group totals.</summary>
    internal static void Core<TSum>(
        ReadOnlySpan<int> groupIndices,
        ReadOnlySpan<double> sales,
        ReadOnlySpan<double> costOfGoods,
        ReadOnlySpan<double> averageInventory,
        Span<ContributionRow> destination,
        Span<ContributionGroupTotals> groupTotals,
        RowNames names)
        where TSum : struct, IRunningSum
    {
        int n = sales.Length;
        int g = groupTotals.Length;
        GroupSums<TSum>[] sums = PooledArray.RentCleared<GroupSums<TSum>>(g);
        double[] weightedTotals = PooledArray.RentCleared<double>(g);
        try
        {
            // Pass 1: checks, the row's own figures, and the group sums.
            for (int i = 0; i < n; i++)
            {
                int group = groupIndices[i];
                if ((uint)group >= (uint)g)
                {
                    throw new ArgumentOutOfRangeException(
                        names.GroupIndices,
                        group,
                        string.Format(CultureInfo.InvariantCulture, "{0}: the group index is {1}; it must be from 0 to {2} (groupTotals has {3} entries).", names.Row(i), group, g - 1, g));
                }

                destination[i] = OwnFigures(sales[i], costOfGoods[i], averageInventory[i], names, i, ref sums[group]);
            }

            for (int k = 0; k < g; k++)
            {
                groupTotals[k] = sums[k].Totals(names, k, out weightedTotals[k]);
            }

            // Pass 2: shares within the group.
            for (int i = 0; i < n; i++)
            {
                int group = groupIndices[i];
                destination[i] = WithShares(destination[i], sales[i], groupTotals[group], weightedTotals[group]);
            }
        }
        finally
        {
            PooledArray.Return(ref sums, g);
            PooledArray.Return(ref weightedTotals, g);
        }
    }

    /// <summary>
    /// Pass 1 for one row: checks its amounts, computes its own figures (margin, rate, turnover,
    /// cross ratio; no shares yet) and adds it to its group's sums.
    /// </summary>
    internal static ContributionRow OwnFigures<TSum>(double s, double c, double v, RowNames names, int i, ref GroupSums<TSum> sums)
        where TSum : struct, IRunningSum
    {
        CheckAmount(s, "sales are", names.Sales, names, i);
        CheckAmount(c, "cost of goods is", names.CostOfGoods, names, i);
        if (!double.IsNaN(v))
        {
            CheckAmount(v, "average inventory is", names.AverageInventory, names, i);
        }

        double margin = s - c;
        ContributionIssues flags = ContributionIssues.None;
        if (margin < 0)
        {
            flags |= ContributionIssues.NegativeMargin;
        }

        double rate = double.NaN;
        if (s > 0)
        {
            rate = margin / s;
        }
        else
        {
            flags |= ContributionIssues.NoSales;
        }

        double turnover = double.NaN;
        if (v > 0)
        {
            turnover = s / v;
            if (double.IsInfinity(turnover))
            {
                throw new ArgumentOutOfRangeException(
                    names.AverageInventory,
                    v,
                    string.Format(CultureInfo.InvariantCulture, "{0}: sales {1} ÷ average inventory {2} exceed the largest double; rescale the amounts.", names.Row(i), Format(s), Format(v)));
            }
        }
        else
        {
            flags |= ContributionIssues.NoInventory;
        }

        double cross = double.NaN;
        if (s > 0 && v > 0)
        {
            cross = margin / v;
            double weighted = cross * s;
            if (double.IsInfinity(weighted))
            {
                throw new ArgumentException(
                    string.Format(CultureInfo.InvariantCulture, "{0}: cross ratio × sales exceeds the largest double; rescale the amounts.", names.Row(i)),
                    names.AverageInventory);
            }

            sums.Weighted.Add(weighted);
        }
        else
        {
            sums.Undefined++;
        }

        sums.Sales.Add(s);
        sums.Cost.Add(c);
        sums.Margin.Add(margin); // Σ of the rows' margins: Σ sales − Σ cost would cancel small margins
        sums.Rows++;
        return new ContributionRow(margin, rate, turnover, cross, double.NaN, double.NaN, double.NaN, double.NaN, flags);
    }

    /// <summary>Pass 2 for one row: its shares of the group's totals (<paramref name="groupWeighted"/> is Σ cross ratio × sales).</summary>
    internal static ContributionRow WithShares(ContributionRow row, double s, ContributionGroupTotals totals, double groupWeighted)
    {
        double groupSales = totals.Sales;
        double groupMargin = totals.GrossMargin;
        ContributionIssues flags = row.Flags;
        double cross = row.CrossRatio ?? double.NaN;

        double share = double.NaN;
        if (groupSales > 0)
        {
            share = s / groupSales;
        }
        else
        {
            flags |= ContributionIssues.NoGroupSales;
        }

        double contribution = cross * share;
        double contributionShare = double.NaN;
        if (groupSales > 0 && groupWeighted > 0)
        {
            contributionShare = (cross * s) / groupWeighted;
            if (double.IsInfinity(contributionShare))
            {
                // A total so small that the share overflows: undefined, never ±∞.
                contributionShare = double.NaN;
                flags |= ContributionIssues.NoGroupContribution;
            }
        }
        else
        {
            flags |= ContributionIssues.NoGroupContribution;
        }

        double marginShare = double.NaN;
        if (groupMargin > 0)
        {
            marginShare = row.GrossMargin / groupMargin;
        }

        if (!IsFinite(marginShare))
        {
            marginShare = double.NaN; // no positive total, or a share that overflows over a tiny one
            flags |= ContributionIssues.NoGroupMargin;
        }

        return new ContributionRow(
            row.GrossMargin,
            row.GrossMarginRate ?? double.NaN,
            row.Turnover ?? double.NaN,
            cross,
            share,
            contribution,
            contributionShare,
            marginShare,
            flags);
    }

    /// <summary>
    /// The running sums of one group: compensated (<see cref="NeumaierSum"/>) in the span kernel,
    /// exact (<see cref="ExactSum"/>) in the keyed overloads and the partials, whose totals must not
    /// depend on the order of the rows and must merge exactly.
    /// </summary>
    internal struct GroupSums<TSum>
        where TSum : struct, IRunningSum
    {
        public TSum Sales;
        public TSum Cost;
        public TSum Margin;
        public TSum Weighted;
        public int Rows;
        public int Undefined;

        /// <summary>The group's totals, rounded once each; <paramref name="weighted"/> receives Σ cross ratio × sales.</summary>
        public readonly ContributionGroupTotals Totals(RowNames names, int group, out double weighted)
        {
            double s = Sales.Value;
            double c = Cost.Value;
            double w = Weighted.Value;
            double m = Margin.Value;
            if (!IsFinite(s) || !IsFinite(c) || !IsFinite(w) || !IsFinite(m))
            {
                throw new ArgumentException(
                    string.Format(CultureInfo.InvariantCulture, "{0}: the sales, cost of goods or cross ratio × sales of its rows add up to more than the largest double; rescale the amounts.", names.Group(group)),
                    names.Sales);
            }

            weighted = w;
            return new ContributionGroupTotals(Rows, s, c, m, s > 0 && Undefined < Rows ? w / s : double.NaN, s > 0 ? Undefined : Rows);
        }
    }

    private static void CheckAmount(double value, string what, string parameterName, RowNames names, int index)
    {
        if (!Guard.IsUsableValue(value) || value < 0)
        {
            throw new ArgumentOutOfRangeException(
                parameterName,
                value,
                string.Format(
                    CultureInfo.InvariantCulture,
                    "{0}: {1} {2}; amounts must be finite and 0 or more (not subnormal: 0, or at least 2.2250738585072014E-308). Repair or remove that row.",
                    names.Row(index),
                    what,
                    Format(value)));
        }
    }

    /// <summary>False for NaN and infinities (a compensated sum that overflows can end as NaN).</summary>
    internal static bool IsFinite(double value) => !double.IsNaN(value) && !double.IsInfinity(value);

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Names used in error messages: parameter names and row and group descriptions.</summary>
    internal sealed class RowNames(string groupIndices, string sales, string costOfGoods, string averageInventory, Func<int, string> row, Func<int, string> group)
    {
        public string GroupIndices { get; } = groupIndices;

        public string Sales { get; } = sales;

        public string CostOfGoods { get; } = costOfGoods;

        public string AverageInventory { get; } = averageInventory;

        public string Row(int index) => row(index);

        public string Group(int index) => group(index);
    }
}
