using System;
using System.Collections.Generic;

namespace CustomerValuation.Tiering;

/// <summary>The satisfaction of a set of customers: one entry per customer and the run summary.</summary>
/// <typeparam name="TId">The customer id type.</typeparam>
public sealed class SatisfactionResult<TId>
{
    internal SatisfactionResult(SatisfactionCustomer<TId>[] customers, SatisfactionSummary summary)
    {
        Customers = Array.AsReadOnly(customers);
        Summary = summary;
    }

    /// <summary>One entry per input customer, in the input's order; invalid questionnaires are flagged, not dropped.</summary>
    public IReadOnlyList<SatisfactionCustomer<TId>> Customers { get; }

    /// <summary>Counts, composite index, satisfaction rate against the target, and per-item figures.</summary>
    public SatisfactionSummary Summary { get; }
}
