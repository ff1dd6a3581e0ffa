using System;

namespace CustomerValuation.Tests.Warehouse;

/// <summary>
/// One transaction line as it is kept in the warehouse table <c>transactions</c>: the raw values of
/// the source, with <see cref="Amount"/> = <see cref="Quantity"/> × <see cref="UnitPrice"/> computed
/// exactly in <see cref="decimal"/>.
/// </summary>
/// <param name="LineNo">1-based position in the source (the CSV line number, or the generated order); unique.</param>
/// <param name="CustomerId">The customer's id as text; null where the source has none.</param>
/// <param name="InvoiceNo">The invoice (order) id as text, prefixes such as Online Retail's "C" kept.</param>
/// <param name="InvoiceDate">Local wall-clock time of the seller, no time zone (<see cref="DateTimeKind.Unspecified"/>).</param>
/// <param name="StockCode">The product code; null where the source has no such column.</param>
/// <param name="Description">The product text exactly as in the source (spaces kept, empty stays empty); null where the source has no such column.</param>
/// <param name="Quantity">Signed quantity (negative for returns and cancellations).</param>
/// <param name="UnitPrice">The unit price with the source's digits.</param>
/// <param name="Amount">Quantity × unit price.</param>
/// <param name="Country">The country; null where the source has no such column.</param>
internal sealed record TransactionLine(
    long LineNo,
    string? CustomerId,
    string InvoiceNo,
    DateTime InvoiceDate,
    string? StockCode,
    string? Description,
    decimal Quantity,
    decimal UnitPrice,
    decimal Amount,
    string? Country);
