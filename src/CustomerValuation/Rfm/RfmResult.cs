using System;
using System.Collections.Generic;
using System.Linq;

namespace CustomerValuation.Rfm;

/// <summary>One customer's RFM values, scores, cell, combined score and segment.</summary>
/// <typeparam name="TId">The customer id type.</typeparam>
/// <param name="Id">The customer id.</param>
/// <param name="RecencyDays">Days since the last purchase.</param>
/// <param name="Frequency">Number of purchases.</param>
/// <param name="Monetary">Spend, as scored (for decimal features, the nearest double; the exact amount is in the feature set).</param>
/// <param name="Score">R, F and M scores (n the best); <see cref="RfmScore.CellCode"/> is the cell.</param>
/// <param name="CombinedScore">w_R·R + w_F·F + w_M·M (R + F + M by default).</param>
/// <param name="Segment">The segment name, or null when no segment table was given.</param>
public readonly record struct RfmCustomerScore<TId>(
    TId Id,
    double RecencyDays,
    double Frequency,
    double Monetary,
    RfmScore Score,
    double CombinedScore,
    string? Segment);

/// <summary>The result of scoring a set of customers: one entry per customer and the run summaries.</summary>
/// <typeparam name="TId">The customer id type.</typeparam>
public sealed class RfmResult<TId>
{
    internal RfmResult(RfmCustomerScore<TId>[] customers, RfmScoringSummary summary, RfmSegmentTable? segments, RfmAggregationReport? report)
    {
        Customers = Array.AsReadOnly(customers);
        Summary = summary;
        Segments = segments;
        Report = report;
        if (segments is not null)
        {
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (RfmSegmentRule rule in segments.Rules)
            {
                counts[rule.Name] = 0;
            }

            counts[segments.FallbackSegment] = 0;
            foreach (RfmCustomerScore<TId> c in customers)
            {
                counts[c.Segment!]++;
            }

            SegmentCounts = counts.Select(p => new KeyValuePair<string, int>(p.Key, p.Value)).ToList().AsReadOnly();
        }
        else
        {
            SegmentCounts = Array.Empty<KeyValuePair<string, int>>();
        }
    }

    /// <summary>One entry per customer, in the input's order (id order for a feature set).</summary>
    public IReadOnlyList<RfmCustomerScore<TId>> Customers { get; }

    /// <summary>Edges used and customers per score, per dimension.</summary>
    public RfmScoringSummary Summary { get; }

    /// <summary>The segment table used, or null.</summary>
    public RfmSegmentTable? Segments { get; }

    /// <summary>Customers per segment, in the table's rule order with the fallback last (a name used by several rules appears once, at its first rule); empty without a table.</summary>
    public IReadOnlyList<KeyValuePair<string, int>> SegmentCounts { get; }

    /// <summary>The aggregation report of the transactions the features came from; null when scored from given values.</summary>
    public RfmAggregationReport? Report { get; }

    /// <summary>Customers per cell code, highest cell first (only cells that occur).</summary>
    /// <returns>Pairs of cell code and count.</returns>
    public IReadOnlyList<KeyValuePair<string, int>> CellCounts() =>
        Customers.GroupBy(c => c.Score)
            .OrderByDescending(g => g.Key.Recency).ThenByDescending(g => g.Key.Frequency).ThenByDescending(g => g.Key.Monetary)
            .Select(g => new KeyValuePair<string, int>(g.Key.CellCode, g.Count()))
            .ToList()
            .AsReadOnly();
}
