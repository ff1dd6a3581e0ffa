using System;
using System.Collections.Generic;
using System.Globalization;
using CustomerValuation.Abc;
using CustomerValuation.Internal;

namespace CustomerValuation.Churn;

/// <summary>
/// Reports over the reasons of lost customers (SPEC §4): a Pareto by count and by lost value with ABC classes, reasons by
/// segment, and the trend between two periods. Untagged customers are always reported on their own.
/// </summary>
/// <remarks>
/// <para>
/// Reasons are grouped at a <see cref="ReasonLevel"/>: by family (a customer with <c>price.real</c> and
/// <c>price.seeming.dealer-markup</c> counts once for <c>price</c>) or by exact code. Attribution of a customer with
/// k &gt; 1 distinct reasons at that level: for counts, each of its reasons counts the customer once (so the counts add up
/// to the number of mentions, not of customers); for lost value, its value is split equally, v ÷ k to each reason, so
/// the values of all reasons and of the untagged line add up to the total lost value.
/// </para>
/// <para>
/// Every input customer is checked: not null, id not null and not repeated (the message names the id and both indices),
/// every reason code in the taxonomy (the message names the customer and the code), lost value finite and ≥ 0 (the
/// message names the customer). Sums are compensated (Neumaier). Time O(n + t) for n customers with t tags in all, plus
/// an ABC analysis of the r reasons (O(r)).
/// </para>
/// </remarks>
public static class ReasonReport
{
    /// <summary>Builds the Pareto of reasons by count (no lost values).</summary>
    /// <typeparam name="TId">The customer id type.</typeparam>
    /// <param name="reasons">The customers with their reasons, one entry per customer.</param>
    /// <param name="taxonomy">The taxonomy every reason code belongs to.</param>
    /// <param name="level">Group by family (default) or by exact code.</param>
    /// <param name="options">The ABC cut of the lines; <see langword="null"/> for <see cref="AbcOptions.Default"/> (80 % / 95 %).</param>
    /// <returns>The report; <see cref="ReasonParetoReport.ByValue"/> is empty. Empty input gives a report with no lines and zero counts.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reasons"/>, one of its items or <paramref name="taxonomy"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is not a defined value.</exception>
    /// <exception cref="ArgumentException">An id is null or repeated, or a reason code is not in the taxonomy (the message names the customer and the code).</exception>
    public static ReasonParetoReport Pareto<TId>(IEnumerable<CustomerReasons<TId>> reasons, ReasonTaxonomy taxonomy, ReasonLevel level = ReasonLevel.Family, AbcOptions? options = null)
        where TId : notnull
    {
        Guard.NotNull(reasons, nameof(reasons));
        Guard.NotNull(taxonomy, nameof(taxonomy));
        return ParetoCore(reasons, null, taxonomy, level, options);
    }

    /// <summary>Builds the Pareto of reasons by count and by lost value, the values from a selector.</summary>
    /// <typeparam name="TId">The customer id type.</typeparam>
    /// <param name="reasons">The customers with their reasons, one entry per customer.</param>
    /// <param name="lostValue">Gets a customer's lost value (e.g. last year's sales); finite and ≥ 0.</param>
    /// <param name="taxonomy">The taxonomy every reason code belongs to.</param>
    /// <param name="level">Group by family (default) or by exact code.</param>
    /// <param name="options">The ABC cut of the lines; <see langword="null"/> for <see cref="AbcOptions.Default"/> (80 % / 95 %).</param>
    /// <returns>The report. Empty input gives a report with no lines and zero totals.</returns>
    /// <exception cref="ArgumentNullException">An argument or an item of <paramref name="reasons"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is not a defined value, or a lost value is NaN, infinite or negative (the message names the customer).</exception>
    /// <exception cref="ArgumentException">An id is null or repeated, a reason code is not in the taxonomy, or the lost values add up to more than <see cref="double.MaxValue"/>.</exception>
    public static ReasonParetoReport Pareto<TId>(IEnumerable<CustomerReasons<TId>> reasons, Func<TId, double> lostValue, ReasonTaxonomy taxonomy, ReasonLevel level = ReasonLevel.Family, AbcOptions? options = null)
        where TId : notnull
    {
        Guard.NotNull(reasons, nameof(reasons));
        Guard.NotNull(lostValue, nameof(lostValue));
        Guard.NotNull(taxonomy, nameof(taxonomy));
        return ParetoCore(reasons, lostValue, taxonomy, level, options);
    }

    /// <summary>Builds the Pareto of reasons by count and by lost value, the values from a dictionary.</summary>
    /// <typeparam name="TId">The customer id type.</typeparam>
    /// <param name="reasons">The customers with their reasons, one entry per customer.</param>
    /// <param name="lostValues">The lost value of every customer in <paramref name="reasons"/> (finite, ≥ 0); entries for other ids are ignored.</param>
    /// <param name="taxonomy">The taxonomy every reason code belongs to.</param>
    /// <param name="level">Group by family (default) or by exact code.</param>
    /// <param name="options">The ABC cut of the lines; <see langword="null"/> for <see cref="AbcOptions.Default"/>.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException">An argument or an item of <paramref name="reasons"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is not a defined value, or a lost value is NaN, infinite or negative (the message names the customer).</exception>
    /// <exception cref="ArgumentException">A customer has no lost value, an id is null or repeated, a reason code is not in the taxonomy, or the values overflow.</exception>
    public static ReasonParetoReport Pareto<TId>(IEnumerable<CustomerReasons<TId>> reasons, IReadOnlyDictionary<TId, double> lostValues, ReasonTaxonomy taxonomy, ReasonLevel level = ReasonLevel.Family, AbcOptions? options = null)
        where TId : notnull
    {
        Guard.NotNull(reasons, nameof(reasons));
        Guard.NotNull(lostValues, nameof(lostValues));
        Guard.NotNull(taxonomy, nameof(taxonomy));
        return ParetoCore(reasons, ReasonTally.FromDictionary(lostValues, nameof(lostValues)), taxonomy, level, options);
    }

    /// <summary>Cross-tabulates reasons by segment (for example by tier or region), with an untagged column.</summary>
    /// <typeparam name="TId">The customer id type.</typeparam>
    /// <typeparam name="TSegment">The segment type.</typeparam>
    /// <param name="reasons">The customers with their reasons, one entry per customer.</param>
    /// <param name="segmentSelector">Gets a customer's segment; not null.</param>
    /// <param name="taxonomy">The taxonomy every reason code belongs to.</param>
    /// <param name="level">Group by family (default) or by exact code.</param>
    /// <param name="lostValue">Gets a customer's lost value (finite, ≥ 0); <see langword="null"/> for counts only.</param>
    /// <param name="segmentComparer">Orders the rows; <see langword="null"/> for ordinal order of strings and the default order otherwise.</param>
    /// <returns>The table: rows in segment order, columns (reasons that occur) in taxonomy order; empty input gives no rows and no columns.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reasons"/>, one of its items, <paramref name="segmentSelector"/> or <paramref name="taxonomy"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is not a defined value, or a lost value is NaN, infinite or negative (the message names the customer).</exception>
    /// <exception cref="ArgumentException">
    /// An id is null or repeated, a reason code is not in the taxonomy, a segment is null (the message names the customer),
    /// segments cannot be ordered, or two distinct segments are equal under <paramref name="segmentComparer"/>.
    /// </exception>
    public static ReasonCrossTab<TSegment> BySegment<TId, TSegment>(
        IEnumerable<CustomerReasons<TId>> reasons,
        Func<TId, TSegment> segmentSelector,
        ReasonTaxonomy taxonomy,
        ReasonLevel level = ReasonLevel.Family,
        Func<TId, double>? lostValue = null,
        IComparer<TSegment>? segmentComparer = null)
        where TId : notnull
        where TSegment : notnull
    {
        Guard.NotNull(reasons, nameof(reasons));
        Guard.NotNull(segmentSelector, nameof(segmentSelector));
        Guard.NotNull(taxonomy, nameof(taxonomy));
        var tally = new ReasonTally(taxonomy, level, nameof(level));
        int keyCount = tally.Keys.Length;
        var segmentIndex = new Dictionary<TSegment, int>();
        var segments = new List<TSegment>();
        var counts = new List<int[]>();
        var values = new List<NeumaierSum[]>();
        var customers = new List<int>();
        var untagged = new List<int>();
        var untaggedValues = new List<NeumaierSum>();
        var keys = new List<int>();
        var seen = new Dictionary<TId, int>(CapacityOf(reasons));
        int index = 0;
        foreach (CustomerReasons<TId>? customer in reasons)
        {
            CheckCustomer(customer, index, seen, nameof(reasons));
            int k = tally.KeysOf(customer!, index, nameof(reasons), keys);
            TSegment segment = segmentSelector(customer!.Id);
            if (segment is null)
            {
                throw new ArgumentException(
                    string.Format(CultureInfo.InvariantCulture, "The segment of customer '{0}' (index {1} of {2}) is null; give every customer a segment.", customer.Id, index, nameof(reasons)),
                    nameof(segmentSelector));
            }

            if (!segmentIndex.TryGetValue(segment, out int row))
            {
                row = segments.Count;
                segmentIndex.Add(segment, row);
                segments.Add(segment);
                counts.Add(new int[keyCount]);
                values.Add(new NeumaierSum[keyCount]);
                customers.Add(0);
                untagged.Add(0);
                untaggedValues.Add(default);
            }

            customers[row]++;
            double v = lostValue is null ? 0 : ReasonTally.LostValue(lostValue, customer.Id, index, nameof(lostValue));
            if (k == 0)
            {
                untagged[row]++;
                NeumaierSum u = untaggedValues[row];
                u.Add(v);
                untaggedValues[row] = u;
            }
            else
            {
                double share = v / k;
                foreach (int key in keys)
                {
                    counts[row][key]++;
                    values[row][key].Add(share);
                }
            }

            index++;
        }

        // Rows in segment order.
        IComparer<TSegment> comparer = segmentComparer ?? (typeof(TSegment) == typeof(string) ? (IComparer<TSegment>)(object)StringComparer.Ordinal : Comparer<TSegment>.Default);
        int[] order = new int[segments.Count];
        for (int i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        TSegment[] sortedSegments = segments.ToArray();
        try
        {
            Array.Sort(sortedSegments, order, comparer);
        }
        catch (InvalidOperationException e)
        {
            throw new ArgumentException(
                string.Format(CultureInfo.InvariantCulture, "Segments of type {0} cannot be ordered; pass a segmentComparer.", typeof(TSegment).Name),
                nameof(segmentComparer),
                e);
        }

        for (int i = 1; i < sortedSegments.Length; i++)
        {
            if (comparer.Compare(sortedSegments[i - 1], sortedSegments[i]) == 0)
            {
                throw new ArgumentException(
                    string.Format(CultureInfo.InvariantCulture, "Segments '{0}' and '{1}' are distinct but equal under the segment comparer, so the row order would depend on the input order; pass a comparer under which distinct segments differ.", sortedSegments[i - 1], sortedSegments[i]),
                    nameof(segmentComparer));
            }
        }

        // Columns: the keys that occur, in taxonomy order.
        var columns = new List<int>();
        for (int key = 0; key < keyCount; key++)
        {
            foreach (int[] rowCounts in counts)
            {
                if (rowCounts[key] > 0)
                {
                    columns.Add(key);
                    break;
                }
            }
        }

        bool hasValues = lostValue is not null;
        var rows = new ReasonSegmentRow<TSegment>[segments.Count];
        int[] columnCounts = new int[columns.Count];
        var columnSums = new NeumaierSum[columns.Count];
        NeumaierSum untaggedTotal = default;
        NeumaierSum grandTotal = default;
        int untaggedCount = 0;
        for (int r = 0; r < rows.Length; r++)
        {
            int row = order[r];
            int[] rowCounts = new int[columns.Count];
            double[]? rowValues = hasValues ? new double[columns.Count] : null;
            NeumaierSum rowTotal = default;
            for (int c = 0; c < columns.Count; c++)
            {
                int key = columns[c];
                rowCounts[c] = counts[row][key];
                columnCounts[c] += rowCounts[c];
                if (rowValues is not null)
                {
                    rowValues[c] = values[row][key].Value;
                    columnSums[c].Add(rowValues[c]);
                    rowTotal.Add(rowValues[c]);
                }
            }

            double rowUntagged = untaggedValues[row].Value;
            rowTotal.Add(rowUntagged);
            untaggedTotal.Add(rowUntagged);
            grandTotal.Add(rowTotal.Value);
            untaggedCount += untagged[row];
            rows[r] = new ReasonSegmentRow<TSegment>(sortedSegments[r], customers[row], untagged[row], rowCounts, rowValues, hasValues ? rowUntagged : null, hasValues ? rowTotal.Value : null);
        }

        var columnReasons = new ReasonDefinition[columns.Count];
        double[]? columnValues = hasValues ? new double[columns.Count] : null;
        for (int c = 0; c < columns.Count; c++)
        {
            columnReasons[c] = tally.Keys[columns[c]];
            if (columnValues is not null)
            {
                columnValues[c] = columnSums[c].Value;
            }
        }

        return new ReasonCrossTab<TSegment>(level, columnReasons, rows, columnCounts, columnValues, index, untaggedCount, hasValues ? untaggedTotal.Value : null, hasValues ? CheckTotal(grandTotal.Value, nameof(lostValue)) : null);
    }

    /// <summary>Compares the reasons of two periods: per reason the customers and customer share in each, the change in percentage points, and whether it is new or vanished.</summary>
    /// <typeparam name="TId">The customer id type.</typeparam>
    /// <param name="previous">The customers lost in the previous period, with their reasons.</param>
    /// <param name="current">The customers lost in the current period, with their reasons (a customer may be in both periods).</param>
    /// <param name="taxonomy">The taxonomy every reason code belongs to.</param>
    /// <param name="level">Group by family (default) or by exact code.</param>
    /// <returns>
    /// One line per reason that occurs in either period, in taxonomy order. A share is count ÷ the period's number of
    /// customers (untagged included), 0 for an empty period; the untagged shares are on the report.
    /// </returns>
    /// <exception cref="ArgumentNullException">An argument or an item of a period is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is not a defined value.</exception>
    /// <exception cref="ArgumentException">Within one period an id is null or repeated, or a reason code is not in the taxonomy (the message names the period, the customer and the code).</exception>
    public static ReasonTrendReport Trend<TId>(IEnumerable<CustomerReasons<TId>> previous, IEnumerable<CustomerReasons<TId>> current, ReasonTaxonomy taxonomy, ReasonLevel level = ReasonLevel.Family)
        where TId : notnull
    {
        Guard.NotNull(previous, nameof(previous));
        Guard.NotNull(current, nameof(current));
        Guard.NotNull(taxonomy, nameof(taxonomy));
        var tally = new ReasonTally(taxonomy, level, nameof(level));
        int[] before = Count(previous, tally, nameof(previous), out int beforeCustomers, out int beforeUntagged);
        int[] after = Count(current, tally, nameof(current), out int afterCustomers, out int afterUntagged);
        var lines = new List<ReasonTrendLine>();
        for (int key = 0; key < tally.Keys.Length; key++)
        {
            if (before[key] > 0 || after[key] > 0)
            {
                lines.Add(new ReasonTrendLine(
                    tally.Keys[key],
                    before[key],
                    after[key],
                    beforeCustomers == 0 ? 0 : (double)before[key] / beforeCustomers,
                    afterCustomers == 0 ? 0 : (double)after[key] / afterCustomers));
            }
        }

        return new ReasonTrendReport(level, beforeCustomers, afterCustomers, beforeUntagged, afterUntagged, lines.ToArray());
    }

    private static ReasonParetoReport ParetoCore<TId>(IEnumerable<CustomerReasons<TId>> reasons, Func<TId, double>? lostValue, ReasonTaxonomy taxonomy, ReasonLevel level, AbcOptions? options)
        where TId : notnull
    {
        AbcOptions used = options ?? AbcOptions.Default;
        var tally = new ReasonTally(taxonomy, level, nameof(level));
        int keyCount = tally.Keys.Length;
        int[] counts = new int[keyCount];
        var sums = new NeumaierSum[keyCount];
        NeumaierSum untaggedSum = default;
        NeumaierSum total = default;
        int untagged = 0;
        long mentions = 0;
        var keys = new List<int>();
        var seen = new Dictionary<TId, int>(CapacityOf(reasons));
        int index = 0;
        foreach (CustomerReasons<TId>? customer in reasons)
        {
            CheckCustomer(customer, index, seen, nameof(reasons));
            int k = tally.KeysOf(customer!, index, nameof(reasons), keys);
            double v = lostValue is null ? 0 : ReasonTally.LostValue(lostValue, customer!.Id, index, nameof(lostValue));
            total.Add(v);
            if (k == 0)
            {
                untagged++;
                untaggedSum.Add(v);
            }
            else
            {
                double share = v / k;
                mentions += k;
                foreach (int key in keys)
                {
                    counts[key]++;
                    sums[key].Add(share);
                }
            }

            index++;
        }

        bool hasValues = lostValue is not null;
        double? totalValue = hasValues ? CheckTotal(total.Value, nameof(lostValue)) : null;

        // The lines: reasons that occur, in taxonomy order (the tie order of the ABC ranking).
        var lineKeys = new List<int>();
        for (int key = 0; key < keyCount; key++)
        {
            if (counts[key] > 0)
            {
                lineKeys.Add(key);
            }
        }

        int m = lineKeys.Count;
        double[] lineCounts = new double[m];
        double[] lineValues = new double[m];
        NeumaierSum tagged = default;
        for (int i = 0; i < m; i++)
        {
            lineCounts[i] = counts[lineKeys[i]];
            double value = sums[lineKeys[i]].Value;

            // A subnormal share of a tiny value cannot take part in an ABC analysis; it is 0 for every purpose here.
            lineValues[i] = value < 2.2250738585072014E-308 ? 0 : value;
            tagged.Add(lineValues[i]);
        }

        double taggedValue = tagged.Value;
        ReasonParetoLine[] byCount = m == 0 ? [] : Lines(AbcClassifier.Analyze(lineCounts, used), lineKeys, lineCounts, lineValues, tally, mentions, index, hasValues, taggedValue, used);
        ReasonParetoLine[] byValue = m == 0 || !hasValues ? [] : Lines(AbcClassifier.Analyze(lineValues, used), lineKeys, lineCounts, lineValues, tally, mentions, index, hasValues, taggedValue, used);
        return new ReasonParetoReport(level, used, index, untagged, mentions, totalValue, hasValues ? taggedValue : null, hasValues ? untaggedSum.Value : null, byCount, byValue);
    }

    private static ReasonParetoLine[] Lines(AbcAnalysis abc, List<int> lineKeys, double[] lineCounts, double[] lineValues, ReasonTally tally, long mentions, int customers, bool hasValues, double taggedValue, AbcOptions options)
    {
        int m = lineKeys.Count;
        var lines = new ReasonParetoLine[m];
        long runningCount = 0;
        NeumaierSum runningValue = default;
        for (int r = 0; r < m; r++)
        {
            AbcEntry entry = abc.Entries[r];
            int i = entry.Index;
            int count = (int)lineCounts[i];
            runningCount += count;
            runningValue.Add(lineValues[i]);
            double? valueShare = null;
            double? cumulativeValue = null;
            if (hasValues)
            {
                valueShare = taggedValue > 0 ? lineValues[i] / taggedValue : 0;
                cumulativeValue = taggedValue > 0 ? (r == m - 1 ? 1.0 : Math.Min(1.0, runningValue.Value / taggedValue)) : 0;
            }

            lines[r] = new ReasonParetoLine(
                r + 1,
                tally.Keys[lineKeys[i]],
                count,
                (double)count / mentions,
                (double)count / customers,
                hasValues ? lineValues[i] : null,
                valueShare,
                r == m - 1 ? 1.0 : (double)runningCount / mentions,
                cumulativeValue,
                entry.ClassIndex,
                options.LabelOf(entry.ClassIndex));
        }

        return lines;
    }

    private static int[] Count<TId>(IEnumerable<CustomerReasons<TId>> period, ReasonTally tally, string name, out int customers, out int untagged)
        where TId : notnull
    {
        int[] counts = new int[tally.Keys.Length];
        var keys = new List<int>();
        var seen = new Dictionary<TId, int>(CapacityOf(period));
        customers = 0;
        untagged = 0;
        foreach (CustomerReasons<TId>? customer in period)
        {
            CheckCustomer(customer, customers, seen, name);
            if (tally.KeysOf(customer!, customers, name, keys) == 0)
            {
                untagged++;
            }

            foreach (int key in keys)
            {
                counts[key]++;
            }

            customers++;
        }

        return counts;
    }

    private static void CheckCustomer<TId>(CustomerReasons<TId>? customer, int index, Dictionary<TId, int> seen, string name)
        where TId : notnull
    {
        if (customer is null)
        {
            throw new ArgumentNullException(name, string.Format(CultureInfo.InvariantCulture, "Item {0} of {1} is null.", index, name));
        }

        if (customer.Id is null)
        {
            throw new ArgumentException(string.Format(CultureInfo.InvariantCulture, "The customer id of item {0} of {1} is null; every customer needs an id.", index, name), name);
        }

        if (seen.TryGetValue(customer.Id, out int first))
        {
            throw new ArgumentException(
                string.Format(CultureInfo.InvariantCulture, "Customer id '{0}' appears twice in {1}, at indices {2} and {3}; give each customer one entry with all its reasons.", customer.Id, name, first, index),
                name);
        }

        seen.Add(customer.Id, index);
    }

    private static int CapacityOf<T>(IEnumerable<T> source) => source is ICollection<T> collection ? collection.Count : 0;

    // NeumaierSum keeps an overflowing sum at +∞ (the values are checked finite and ≥ 0 one by one).
    private static double CheckTotal(double total, string name) =>
        double.IsInfinity(total)
            ? throw new ArgumentException("The lost values add up to more than the largest double; rescale them (e.g. to thousands).", name)
            : total;
}
