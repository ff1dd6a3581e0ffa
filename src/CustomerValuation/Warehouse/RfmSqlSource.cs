using System;
using System.Collections.Generic;
using CustomerValuation.Internal;

namespace CustomerValuation.Warehouse;

/// <summary>
/// Where the transaction lines are in the warehouse: the table and its columns. Names are checked
/// against the identifier grammar when the SQL is written (a letter or underscore followed by
/// letters, digits or underscores; a table may have a schema and a catalog before it).
/// </summary>
public sealed class RfmSqlSource
{
    private RfmSqlSource(string table, string customerColumn, string timestampColumn, string? amountColumn, string? quantityColumn, string? unitPriceColumn, string? orderColumn, IReadOnlyList<string>? lineKeyColumns = null)
    {
        LineKeyColumns = lineKeyColumns ?? [];
        Table = table;
        CustomerColumn = customerColumn;
        TimestampColumn = timestampColumn;
        AmountColumn = amountColumn;
        QuantityColumn = quantityColumn;
        UnitPriceColumn = unitPriceColumn;
        OrderColumn = orderColumn;
    }

    /// <summary>The table (or view): <c>table</c>, <c>schema.table</c> or <c>catalog.schema.table</c>.</summary>
    public string Table { get; }

    /// <summary>The customer id column (any type; compared as text, NULL or blank is an unknown customer).</summary>
    public string CustomerColumn { get; }

    /// <summary>The date or timestamp column; only the date counts.</summary>
    public string TimestampColumn { get; }

    /// <summary>The line amount column, or null when the amount is quantity × unit price.</summary>
    public string? AmountColumn { get; }

    /// <summary>The quantity column, or null.</summary>
    public string? QuantityColumn { get; }

    /// <summary>The unit price column, or null.</summary>
    public string? UnitPriceColumn { get; }

    /// <summary>The order (invoice) id column, or null.</summary>
    public string? OrderColumn { get; }

    /// <summary>
    /// Further columns that tell two lines apart for <see cref="Rfm.RfmDuplicatePolicy.Remove"/> (the
    /// library's optional line key), e.g. a product code: without them, two lines of one order with the
    /// same customer, timestamp, amount (or quantity and price) are exact repeats. Empty by default.
    /// </summary>
    public IReadOnlyList<string> LineKeyColumns { get; }

    /// <summary>The same source with columns that tell lines apart when duplicates are removed.</summary>
    /// <param name="columns">The columns (e.g. the product code).</param>
    /// <returns>A new source.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="columns"/> or one of them is null.</exception>
    public RfmSqlSource WithLineKey(params string[] columns)
    {
        Guard.NotNull(columns, nameof(columns));
        for (int i = 0; i < columns.Length; i++)
        {
            if (columns[i] is null)
            {
                throw new ArgumentNullException(nameof(columns), $"Line key column {i} is null.");
            }
        }

        return new RfmSqlSource(Table, CustomerColumn, TimestampColumn, AmountColumn, QuantityColumn, UnitPriceColumn, OrderColumn, (string[])columns.Clone());
    }

    /// <summary>Lines with an amount column.</summary>
    /// <param name="table">The table.</param>
    /// <param name="customerColumn">The customer id column.</param>
    /// <param name="timestampColumn">The date or timestamp column.</param>
    /// <param name="amountColumn">The amount column (a numeric type: exact <c>numeric</c>/<c>decimal</c> for results equal to the library's).</param>
    /// <param name="orderColumn">The order id column, or null.</param>
    /// <returns>The source.</returns>
    /// <exception cref="ArgumentNullException">A required name is null.</exception>
    public static RfmSqlSource WithAmount(string table, string customerColumn, string timestampColumn, string amountColumn, string? orderColumn = null)
    {
        Guard.NotNull(table, nameof(table));
        Guard.NotNull(customerColumn, nameof(customerColumn));
        Guard.NotNull(timestampColumn, nameof(timestampColumn));
        Guard.NotNull(amountColumn, nameof(amountColumn));
        return new RfmSqlSource(table, customerColumn, timestampColumn, amountColumn, null, null, orderColumn);
    }

    /// <summary>Lines with quantity and unit price columns; the amount is their product.</summary>
    /// <param name="table">The table.</param>
    /// <param name="customerColumn">The customer id column.</param>
    /// <param name="timestampColumn">The date or timestamp column.</param>
    /// <param name="quantityColumn">The quantity column.</param>
    /// <param name="unitPriceColumn">The unit price column.</param>
    /// <param name="orderColumn">The order id column, or null.</param>
    /// <returns>The source.</returns>
    /// <exception cref="ArgumentNullException">A required name is null.</exception>
    public static RfmSqlSource WithQuantityAndPrice(string table, string customerColumn, string timestampColumn, string quantityColumn, string unitPriceColumn, string? orderColumn = null)
    {
        Guard.NotNull(table, nameof(table));
        Guard.NotNull(customerColumn, nameof(customerColumn));
        Guard.NotNull(timestampColumn, nameof(timestampColumn));
        Guard.NotNull(quantityColumn, nameof(quantityColumn));
        Guard.NotNull(unitPriceColumn, nameof(unitPriceColumn));
        return new RfmSqlSource(table, customerColumn, timestampColumn, null, quantityColumn, unitPriceColumn, orderColumn);
    }
}
