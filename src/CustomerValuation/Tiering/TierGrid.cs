using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CustomerValuation.Internal;

namespace CustomerValuation.Tiering;

/// <summary>
/// A two-dimensional table indexed by two categorical levels (e.g. hospital level × prescription
/// behaviour), holding a value per cell: points (<see cref="TierGrid{TCell}"/> of
/// <see cref="double"/>, then tiers by <see cref="TierRule.TierOf"/>) or grades directly (of
/// <see cref="string"/>). Levels are compared ordinally; a level not in the table is an error.
/// </summary>
/// <example>
/// SPEC W5 (points, then A 7–9, B 3–6, C 1–2):
/// <code>
/// var w5 = new TierGrid&lt;double&gt;(
///     ["first choice", "second choice", "other"], ["level 3", "level 2", "level 1"],
///     new double[,] { { 9, 8, 5 }, { 7, 5, 3 }, { 3, 2, 1 } });
/// string grade = TierRule.AtLeast(new("A", 7), new("B", 3), new("C", 1)).TierOf(w5["second choice", "level 3"]); // "A" (7 points)
/// </code>
/// </example>
/// <typeparam name="TCell">The cell type: points or grade labels.</typeparam>
public sealed class TierGrid<TCell>
{
    private readonly Dictionary<string, int> _rows;
    private readonly Dictionary<string, int> _columns;
    private readonly TCell[,] _cells;

    /// <summary>Creates a grid.</summary>
    /// <param name="rows">The row levels, unique.</param>
    /// <param name="columns">The column levels, unique.</param>
    /// <param name="cells">The cells, [row, column], sized rows × columns; no null cell.</param>
    /// <exception cref="ArgumentNullException">An argument, a level or a cell is null.</exception>
    /// <exception cref="ArgumentException">A repeated or empty level, no levels, or a table of another size.</exception>
    public TierGrid(IEnumerable<string> rows, IEnumerable<string> columns, TCell[,] cells)
    {
        string[] rowList = Guard.NotNull(rows, nameof(rows)).ToArray();
        string[] columnList = Guard.NotNull(columns, nameof(columns)).ToArray();
        Guard.NotNull(cells, nameof(cells));
        _rows = Index(rowList, nameof(rows));
        _columns = Index(columnList, nameof(columns));
        if (cells.GetLength(0) != rowList.Length || cells.GetLength(1) != columnList.Length)
        {
            throw new ArgumentException(
                string.Format(CultureInfo.InvariantCulture, "The table is {0} × {1} but there are {2} row levels and {3} column levels.", cells.GetLength(0), cells.GetLength(1), rowList.Length, columnList.Length),
                nameof(cells));
        }

        for (int r = 0; r < rowList.Length; r++)
        {
            for (int c = 0; c < columnList.Length; c++)
            {
                if (cells[r, c] is null)
                {
                    throw new ArgumentNullException(nameof(cells), string.Format(CultureInfo.InvariantCulture, "Cell ['{0}', '{1}'] is null.", rowList[r], columnList[c]));
                }

                if (cells[r, c] is double d && (double.IsNaN(d) || double.IsInfinity(d)))
                {
                    throw new ArgumentException(string.Format(CultureInfo.InvariantCulture, "Cell ['{0}', '{1}'] is {2}; points must be finite.", rowList[r], columnList[c], d), nameof(cells));
                }
            }
        }

        _cells = (TCell[,])cells.Clone();
        Rows = Array.AsReadOnly(rowList);
        Columns = Array.AsReadOnly(columnList);
    }

    /// <summary>The row levels.</summary>
    public IReadOnlyList<string> Rows { get; }

    /// <summary>The column levels.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>The cell of a row level and a column level.</summary>
    /// <param name="row">The row level.</param>
    /// <param name="column">The column level.</param>
    /// <returns>The cell.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="row"/> or <paramref name="column"/> is null.</exception>
    /// <exception cref="ArgumentException">A level not in the grid (the message lists the levels).</exception>
    public TCell this[string row, string column] => _cells[Find(_rows, row, nameof(row)), Find(_columns, column, nameof(column))];

    private static Dictionary<string, int> Index(string[] levels, string parameterName)
    {
        if (levels.Length == 0)
        {
            throw new ArgumentException("Give at least one level.", parameterName);
        }

        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < levels.Length; i++)
        {
            string level = levels[i] ?? throw new ArgumentNullException(parameterName, string.Format(CultureInfo.InvariantCulture, "Level {0} is null.", i));
            if (level.Length == 0 || index.ContainsKey(level))
            {
                throw new ArgumentException(string.Format(CultureInfo.InvariantCulture, "Level '{0}' is empty or given twice.", level), parameterName);
            }

            index.Add(level, i);
        }

        return index;
    }

    private static int Find(Dictionary<string, int> index, string level, string parameterName)
    {
        Guard.NotNull(level, parameterName);
        return index.TryGetValue(level, out int i)
            ? i
            : throw new ArgumentException(
                string.Format(CultureInfo.InvariantCulture, "'{0}' is not a level of the grid; the levels are: {1}.", level, string.Join(", ", index.Keys.Select(k => "'" + k + "'"))),
                parameterName);
    }
}
