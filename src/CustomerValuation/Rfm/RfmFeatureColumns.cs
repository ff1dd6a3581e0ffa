namespace CustomerValuation.Rfm;

/// <summary>The columns of a feature set being written (by one accumulator, or by the partitions of one aggregation at disjoint positions).</summary>
internal sealed class RfmFeatureColumns<TId>
    where TId : notnull
{
    public RfmFeatureColumns(int count, bool monetaryIsTotal)
    {
        Ids = new TId[count];
        RecencyDays = new int[count];
        Frequency = new int[count];
        Total = new decimal[count];
        Monetary = monetaryIsTotal ? Total : new decimal[count];
        FirstDay = new int[count];
        LastDay = new int[count];
    }

    public TId[] Ids { get; }

    public int[] RecencyDays { get; }

    public int[] Frequency { get; }

    public decimal[] Monetary { get; }

    public decimal[] Total { get; }

    public int[] FirstDay { get; }

    public int[] LastDay { get; }

    public RfmFeatureSet<TId> ToFeatureSet(RfmAggregationReport report, RfmTransactionOptions options) =>
        new(Ids, RecencyDays, Frequency, Monetary, Total, FirstDay, LastDay, report, options);
}
