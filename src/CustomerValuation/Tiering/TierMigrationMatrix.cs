using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;

namespace CustomerValuation.Tiering;

/// <summary>
/// The transition matrix between two periods: how many customers went from each earlier tier to
/// each later tier, with a row for new customers and a column for vanished ones.
/// </summary>
/// <remarks>
/// <para>
/// With k tiers the matrix is (k + 1) × (k + 1). Rows are earlier tiers 0 … k − 1 (best first) and
/// row <see cref="NewRow"/> (= k) for customers seen only in the later period; columns are later
/// tiers 0 … k − 1 and column <see cref="VanishedColumn"/> (= k) for customers seen only in the
/// earlier period. The cell (new, vanished) is always 0.
/// </para>
/// <para>
/// Row totals: the total of row i &lt; k is the size of earlier tier i (vanished customers
/// included); column totals of columns j &lt; k are the later tier sizes. The row share of a cell is
/// its count ÷ its row total, so each non-empty row's shares add up to 1 (up to rounding); every
/// share of an empty row is 0 (never NaN).
/// </para>
/// </remarks>
public sealed class TierMigrationMatrix
{
    private readonly int[] _counts;
    private readonly int[] _rowTotals;
    private readonly int[] _columnTotals;
    private readonly Dictionary<string, int> _index;

    internal TierMigrationMatrix(string[] tiers, Dictionary<string, int> index, int[] counts)
    {
        Tiers = new ReadOnlyCollection<string>(tiers);
        _index = index;
        _counts = counts;
        int size = tiers.Length + 1;
        _rowTotals = new int[size];
        _columnTotals = new int[size];
        for (int row = 0; row < size; row++)
        {
            for (int column = 0; column < size; column++)
            {
                int count = counts[(row * size) + column];
                _rowTotals[row] += count;
                _columnTotals[column] += count;
                Total += count;
            }
        }
    }

    /// <summary>Gets the tier labels, best first: the labels of rows and columns 0 … k − 1.</summary>
    public IReadOnlyList<string> Tiers { get; }

    /// <summary>Gets the number of rows, which is also the number of columns: the tier count + 1.</summary>
    public int Size => Tiers.Count + 1;

    /// <summary>Gets the index of the row of new customers (= the tier count).</summary>
    public int NewRow => Tiers.Count;

    /// <summary>Gets the index of the column of vanished customers (= the tier count).</summary>
    public int VanishedColumn => Tiers.Count;

    /// <summary>Gets the number of customers in the matrix: every id of either period, once.</summary>
    public int Total { get; }

    /// <summary>Gets the number of customers that went from one row to one column.</summary>
    /// <param name="row">An earlier tier index, or <see cref="NewRow"/>.</param>
    /// <param name="column">A later tier index, or <see cref="VanishedColumn"/>.</param>
    /// <returns>The count.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="row"/> or <paramref name="column"/> is outside 0 … the tier count.</exception>
    public int Count(int row, int column) => _counts[Cell(row, column)];

    /// <summary>Gets the number of customers that went from one tier to another, by label.</summary>
    /// <param name="earlierTier">The earlier tier label, or <see langword="null"/> for the row of new customers.</param>
    /// <param name="laterTier">The later tier label, or <see langword="null"/> for the column of vanished customers.</param>
    /// <returns>The count.</returns>
    /// <exception cref="ArgumentException">A label is not in <see cref="Tiers"/>.</exception>
    public int Count(string? earlierTier, string? laterTier) =>
        Count(IndexOf(earlierTier, nameof(earlierTier)), IndexOf(laterTier, nameof(laterTier)));

    /// <summary>Gets a cell's count ÷ its row total; 0 when the row is empty.</summary>
    /// <param name="row">An earlier tier index, or <see cref="NewRow"/>.</param>
    /// <param name="column">A later tier index, or <see cref="VanishedColumn"/>.</param>
    /// <returns>The share, from 0 to 1.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="row"/> or <paramref name="column"/> is outside 0 … the tier count.</exception>
    public double RowShare(int row, int column)
    {
        int count = _counts[Cell(row, column)];
        int total = _rowTotals[row];
        return total == 0 ? 0 : (double)count / total;
    }

    /// <summary>Gets a cell's count ÷ its row total by label; 0 when the row is empty.</summary>
    /// <param name="earlierTier">The earlier tier label, or <see langword="null"/> for the row of new customers.</param>
    /// <param name="laterTier">The later tier label, or <see langword="null"/> for the column of vanished customers.</param>
    /// <returns>The share, from 0 to 1.</returns>
    /// <exception cref="ArgumentException">A label is not in <see cref="Tiers"/>.</exception>
    public double RowShare(string? earlierTier, string? laterTier) =>
        RowShare(IndexOf(earlierTier, nameof(earlierTier)), IndexOf(laterTier, nameof(laterTier)));

    /// <summary>Gets a row's total: the size of an earlier tier (vanished customers included), or the number of new customers.</summary>
    /// <param name="row">An earlier tier index, or <see cref="NewRow"/>.</param>
    /// <returns>The total.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="row"/> is outside 0 … the tier count.</exception>
    public int RowTotal(int row) => _rowTotals[CheckIndex(row, nameof(row))];

    /// <summary>Gets a column's total: the size of a later tier (new customers included), or the number of vanished customers.</summary>
    /// <param name="column">A later tier index, or <see cref="VanishedColumn"/>.</param>
    /// <returns>The total.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="column"/> is outside 0 … the tier count.</exception>
    public int ColumnTotal(int column) => _columnTotals[CheckIndex(column, nameof(column))];

    private int Cell(int row, int column) =>
        (CheckIndex(row, nameof(row)) * Size) + CheckIndex(column, nameof(column));

    private int CheckIndex(int index, string parameterName)
    {
        if ((uint)index > (uint)Tiers.Count)
        {
            throw new ArgumentOutOfRangeException(
                parameterName,
                index,
                string.Format(CultureInfo.InvariantCulture, "The index must be from 0 to {0} (the last one is the row of new or the column of vanished customers).", Tiers.Count));
        }

        return index;
    }

    private int IndexOf(string? tier, string parameterName)
    {
        if (tier is null)
        {
            return Tiers.Count;
        }

        if (!_index.TryGetValue(tier, out int index))
        {
            throw new ArgumentException(
                string.Format(CultureInfo.InvariantCulture, "Tier '{0}' is not one of the tiers [{1}].", tier, string.Join(", ", Tiers)),
                parameterName);
        }

        return index;
    }
}
