using System;
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;
using CustomerValuation.Internal;

namespace CustomerValuation.Rfm;

public static partial class RfmFeatures
{
    /// <summary>Below this many lines per partition the threads cost more than they save, and the lines are aggregated on the calling thread.</summary>
    internal const int MinimumLinesPerPartition = 100_000;

    /// <summary>Aggregates lines given as parallel arrays with decimal amounts, on up to <paramref name="maxDegreeOfParallelism"/> threads.</summary>
    /// <remarks>
    /// <para>
    /// The customers are split into partitions by a hash of their id; every partition scans all the
    /// lines, keeps its own customers' lines and aggregates them on its own thread, and the partitions'
    /// features are joined in id order. The result equals that of the single-threaded overloads: the
    /// same features in the same order and the same report, whatever the number of threads.
    /// </para>
    /// <para>
    /// The number of partitions is the smaller of <paramref name="maxDegreeOfParallelism"/> (−1: the
    /// processor count), the processor count, and one per 100,000 lines; 1 aggregates on the calling
    /// thread. Each partition scans every line, so the saving is in the customer lookups and updates,
    /// which are most of the work (figures in docs/benchmarks.md).
    /// </para>
    /// <para>
    /// Errors name the line of the whole input, as in the single-threaded overloads. When several
    /// lines are bad, the one reported is the first bad line in input order, except that a customer
    /// total overflowing decimal may be reported instead of a bad line that follows it.
    /// </para>
    /// </remarks>
    /// <typeparam name="TId">The customer id type; ids that are not comparable (neither <see cref="IComparable{T}"/> nor <see cref="IComparable"/>) keep the order of first appearance, which only one thread can see, so they are aggregated on the calling thread.</typeparam>
    /// <param name="customerIds">Each line's customer; null (or empty text) for unknown.</param>
    /// <param name="timestamps">Each line's date or date and time.</param>
    /// <param name="amounts">Each line's amount.</param>
    /// <param name="orderIds">Each line's order id, or <see langword="null"/> or empty when there are none (then frequency must count days).</param>
    /// <param name="options">The as-of date and line policies.</param>
    /// <param name="maxDegreeOfParallelism">The most threads to use: 1 for the calling thread only, −1 for one per processor.</param>
    /// <returns>The features, ordered by customer id, and the report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="customerIds"/>, <paramref name="timestamps"/>, <paramref name="amounts"/> or <paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">The arrays' lengths differ, there are no order ids while frequency counts distinct orders, or a purchase line has no order id.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxDegreeOfParallelism"/> is 0 or below −1, a line is dated after the as-of date under <see cref="RfmFutureLinePolicy.Reject"/>, or a customer's total goes beyond the range of decimal.</exception>
    /// <exception cref="InvalidOperationException">The customers' totals add up beyond the range of decimal (about 7.9·10²⁸).</exception>
    public static RfmFeatureSet<TId> Aggregate<TId>(
        TId?[] customerIds,
        DateTime[] timestamps,
        decimal[] amounts,
        string?[]? orderIds,
        RfmTransactionOptions options,
        int maxDegreeOfParallelism)
        where TId : notnull
    {
        Guard.NotNull(customerIds, nameof(customerIds));
        Guard.NotNull(timestamps, nameof(timestamps));
        Guard.NotNull(amounts, nameof(amounts));
        Guard.NotNull(options, nameof(options));
        orderIds ??= [];
        int partitions = PartitionCount(customerIds.Length, maxDegreeOfParallelism);
        if (partitions == 1)
        {
            return Aggregate<TId>(customerIds, timestamps, amounts, orderIds, options);
        }

        CheckLengths(customerIds.Length, timestamps.Length, amounts.Length, orderIds.Length, nameof(timestamps), nameof(amounts), nameof(orderIds));
        RequireOrders(orderIds.Length != 0, options, nameof(orderIds));
        return AggregatePartitioned<TId, DecimalLines<TId>>(new DecimalLines<TId>(customerIds, timestamps, amounts, orderIds), options, partitions);
    }

    /// <summary>Aggregates lines given as parallel arrays with double amounts, on up to <paramref name="maxDegreeOfParallelism"/> threads.</summary>
    /// <remarks>
    /// Amounts are converted as in <see cref="Aggregate{TId}(ReadOnlySpan{TId}, ReadOnlySpan{DateTime}, ReadOnlySpan{double}, ReadOnlySpan{string}, RfmTransactionOptions)"/>;
    /// the threads work as in <see cref="Aggregate{TId}(TId[], DateTime[], decimal[], string[], RfmTransactionOptions, int)"/>, and the result equals the single-threaded one.
    /// </remarks>
    /// <typeparam name="TId">The customer id type; ids that are not comparable are aggregated on the calling thread.</typeparam>
    /// <param name="customerIds">Each line's customer; null (or empty text) for unknown.</param>
    /// <param name="timestamps">Each line's date or date and time.</param>
    /// <param name="amounts">Each line's amount; finite and within ±7.9·10²⁸.</param>
    /// <param name="orderIds">Each line's order id, or <see langword="null"/> or empty when there are none (then frequency must count days).</param>
    /// <param name="options">The as-of date and line policies.</param>
    /// <param name="maxDegreeOfParallelism">The most threads to use: 1 for the calling thread only, −1 for one per processor.</param>
    /// <returns>The features, ordered by customer id, and the report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="customerIds"/>, <paramref name="timestamps"/>, <paramref name="amounts"/> or <paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">The arrays' lengths differ, there are no order ids while frequency counts distinct orders, or a purchase line has no order id.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxDegreeOfParallelism"/> is 0 or below −1, an amount is NaN, infinite or beyond the decimal range (the message names the index), a line is dated after the as-of date under <see cref="RfmFutureLinePolicy.Reject"/>, or a customer's total goes beyond the range of decimal.</exception>
    /// <exception cref="InvalidOperationException">The customers' totals add up beyond the range of decimal (about 7.9·10²⁸).</exception>
    public static RfmFeatureSet<TId> Aggregate<TId>(
        TId?[] customerIds,
        DateTime[] timestamps,
        double[] amounts,
        string?[]? orderIds,
        RfmTransactionOptions options,
        int maxDegreeOfParallelism)
        where TId : notnull
    {
        Guard.NotNull(customerIds, nameof(customerIds));
        Guard.NotNull(timestamps, nameof(timestamps));
        Guard.NotNull(amounts, nameof(amounts));
        Guard.NotNull(options, nameof(options));
        orderIds ??= [];
        int partitions = PartitionCount(customerIds.Length, maxDegreeOfParallelism);
        if (partitions == 1)
        {
            return Aggregate<TId>(customerIds, timestamps, amounts, orderIds, options);
        }

        CheckLengths(customerIds.Length, timestamps.Length, amounts.Length, orderIds.Length, nameof(timestamps), nameof(amounts), nameof(orderIds));
        RequireOrders(orderIds.Length != 0, options, nameof(orderIds));
        CheckDecimalRange(amounts, nameof(amounts));
        return AggregatePartitioned<TId, DoubleLines<TId>>(new DoubleLines<TId>(customerIds, timestamps, amounts, orderIds), options, partitions);
    }

    private static int PartitionCount(int lines, int maxDegreeOfParallelism)
    {
        if (maxDegreeOfParallelism == 0 || maxDegreeOfParallelism < -1)
        {
            throw new ArgumentOutOfRangeException(
                nameof(maxDegreeOfParallelism),
                maxDegreeOfParallelism,
                "The degree of parallelism must be 1 or more, or -1 for one thread per processor.");
        }

        int threads = maxDegreeOfParallelism == -1 ? Environment.ProcessorCount : Math.Min(maxDegreeOfParallelism, Environment.ProcessorCount);
        return Math.Max(1, Math.Min(threads, lines / MinimumLinesPerPartition));
    }

    /// <summary>
    /// The partitioned aggregation behind the array overloads, for any number of partitions (tests
    /// call it directly with small inputs).
    /// </summary>
    internal static RfmFeatureSet<TId> AggregatePartitioned<TId, TLines>(TLines lines, RfmTransactionOptions options, int partitions)
        where TId : notnull
        where TLines : ILineSource<TId>
    {
        if (!typeof(IComparable<TId>).IsAssignableFrom(typeof(TId)) && !typeof(IComparable).IsAssignableFrom(typeof(TId)))
        {
            partitions = 1;
        }

        var accumulators = new RfmFeatureAccumulator<TId>[partitions];
        var buyers = new int[partitions][];
        var counts = new int[partitions];
        var keys = new TId[partitions][];
        var integerIds = new bool[partitions];
        var positions = new int[partitions][];
        var faults = new Exception?[partitions];
        var faultLines = new long[partitions];
        int partitionCount = partitions;
        try
        {
            // Phase 1, one thread per partition: aggregate the partition's lines, then sort its
            // customers by id.
            RunEach(partitions, partition =>
            {
                // Locals, not the closure's fields, in the loop over every line.
                TLines source = lines;
                int ways = partitionCount;
                var accumulator = new RfmFeatureAccumulator<TId>(options);
                accumulators[partition] = accumulator;
                int count = source.Count;
                int j = 0;
                try
                {
                    TId? previous = default;
                    int previousPartition = 0;
                    for (; j < count; j++)
                    {
                        TId? id = source.IdAt(j);
                        int owner;
                        if (id is null)
                        {
                            // Lines without a customer are counted once, by the first partition.
                            owner = 0;
                        }
                        else if (!typeof(TId).IsValueType && previous is not null && EqualityComparer<TId>.Default.Equals(id, previous))
                        {
                            owner = previousPartition;
                        }
                        else
                        {
                            owner = PartitionOf(EqualityComparer<TId>.Default.GetHashCode(id), ways);
                            previous = id;
                            previousPartition = owner;
                        }

                        if (owner == partition)
                        {
                            accumulator.NextLineNumber = j + 1L;
                            source.AddTo(accumulator, j);
                        }
                    }

                    accumulator.NextLineNumber = 0;
                    buyers[partition] = accumulator.CollectBuyers(out counts[partition]);
                    integerIds[partition] = typeof(TId) == typeof(string) && accumulator.BuyerIdsAreIntegers(buyers[partition], counts[partition]);
                    accumulator.SortBuyers(buyers[partition], counts[partition], ordinalStrings: false);
                    keys[partition] = accumulator.IdsOf(buyers[partition], counts[partition]);
                }
                catch (Exception e) when (e is ArgumentException or InvalidOperationException)
                {
                    faults[partition] = e;
                    faultLines[partition] = accumulator.FaultLine != 0 ? accumulator.FaultLine : j < count ? j + 1L : long.MaxValue;
                }
            });

            int failed = -1;
            for (int p = 0; p < partitions; p++)
            {
                if (faults[p] is not null && (failed < 0 || faultLines[p] < faultLines[failed]))
                {
                    failed = p;
                }
            }

            if (failed >= 0)
            {
                ExceptionDispatchInfo.Capture(faults[failed]!).Throw();
            }

            var reports = new RfmAggregationReport[partitions];
            for (int p = 0; p < partitions; p++)
            {
                reports[p] = accumulators[p].BuildReport();
            }

            RfmAggregationReport report = JoinReports(reports);

            // The id order of the whole: string ids are numeric only when every partition's are.
            IComparer<TId> comparer = Comparer<TId>.Default;
            if (typeof(TId) == typeof(string))
            {
                bool allIntegers = Array.TrueForAll(integerIds, b => b);
                comparer = (IComparer<TId>)(allIntegers ? IdOrdering.NumericStrings : StringComparer.Ordinal);
                for (int p = 0; p < partitions && !allIntegers; p++)
                {
                    if (integerIds[p])
                    {
                        accumulators[p].SortBuyers(buyers[p], counts[p], ordinalStrings: true);
                        keys[p] = accumulators[p].IdsOf(buyers[p], counts[p]);
                    }
                }
            }

            // Merge the partitions' sorted ids into positions of the whole.
            int n = 0;
            for (int p = 0; p < partitions; p++)
            {
                positions[p] = PooledArray.Rent<int>(counts[p]);
                n += counts[p];
            }

            var next = new int[partitions];
            for (int k = 0; k < n; k++)
            {
                int best = -1;
                for (int p = 0; p < partitions; p++)
                {
                    if (next[p] < counts[p] && (best < 0 || comparer.Compare(keys[p][next[p]], keys[best][next[best]]) < 0))
                    {
                        best = p;
                    }
                }

                positions[best][next[best]++] = k;
            }

            // Phase 2, one thread per partition: write the partition's customers at their positions.
            var columns = new RfmFeatureColumns<TId>(n, options.Monetary == RfmMonetaryBasis.Sum);
            RunEach(partitions, partition => accumulators[partition].WriteFeatures(buyers[partition], counts[partition], positions[partition], columns));
            return columns.ToFeatureSet(report, options);
        }
        finally
        {
            for (int p = 0; p < partitions; p++)
            {
                if (buyers[p] is not null)
                {
                    PooledArray.Return(ref buyers[p], 0);
                }

                if (positions[p] is not null)
                {
                    PooledArray.Return(ref positions[p], 0);
                }

                accumulators[p]?.Dispose();
            }
        }
    }

    /// <summary>
    /// Runs <paramref name="body"/> for 0 … <paramref name="count"/> − 1 at once: the first on the calling thread, each other as a
    /// thread-pool task started before it (not Parallel.For, which may run them all on the calling thread when no pool thread
    /// is free yet). Pool threads live on between calls, so the working memory they rent from the shared array pool while
    /// growing (and give back to their thread-local part of the pool) is found again by the next call; dedicated threads
    /// took that memory with them, 75 MB of fresh pages per call for 10⁷ lines.
    /// </summary>
    private static void RunEach(int count, Action<int> body)
    {
        var others = new Task[count - 1];
        for (int p = 1; p < count; p++)
        {
            int partition = p;
            others[p - 1] = Task.Run(() => body(partition));
        }

        body(0);
        if (others.Length > 0)
        {
            Task.WaitAll(others);
        }
    }

    /// <summary>A partition from a hash: the top bits of the mixed hash scaled to the count (multiply and shift, no division).</summary>
    private static int PartitionOf(int hash, int count) =>
        (int)((((ulong)(uint)hash * 0x9E3779B97F4A7C15UL) >> 32) * (ulong)(uint)count >> 32);

    private static RfmAggregationReport JoinReports(RfmAggregationReport[] reports)
    {
        RfmAggregationReport joined = reports[0];
        for (int p = 1; p < reports.Length; p++)
        {
            RfmAggregationReport r = reports[p];
            decimal total;
            try
            {
                total = joined.TotalAmount + r.TotalAmount;
            }
            catch (OverflowException e)
            {
                throw new InvalidOperationException(
                    "The customers' amounts add up to more than the range of decimal (±7.9e28), so their total cannot be reported. Check the amounts' scale.",
                    e);
            }

            joined = new RfmAggregationReport(
                joined.LinesRead + r.LinesRead,
                joined.LinesWithoutCustomer + r.LinesWithoutCustomer,
                joined.LinesAfterAsOf + r.LinesAfterAsOf,
                joined.CancelledLines + r.CancelledLines,
                joined.NonPositiveLinesExcluded + r.NonPositiveLinesExcluded,
                joined.NonPositiveLinesNetted + r.NonPositiveLinesNetted,
                joined.DuplicateLinesRemoved + r.DuplicateLinesRemoved,
                joined.PurchaseLines + r.PurchaseLines,
                joined.Customers + r.Customers,
                joined.CustomersWithoutPurchase + r.CustomersWithoutPurchase,
                total);
        }

        return joined;
    }

    private static void CheckDecimalRange(ReadOnlySpan<double> amounts, string parameterName)
    {
        for (int i = 0; i < amounts.Length; i++)
        {
            double a = amounts[i];
            if (double.IsNaN(a) || double.IsInfinity(a))
            {
                Guard.ThrowNotFinite(a, parameterName, i);
            }

            if (Math.Abs(a) >= 7.9e28)
            {
                throw new ArgumentOutOfRangeException(
                    parameterName,
                    a,
                    string.Format(CultureInfo.InvariantCulture, "The amount at index {0} is {1}, beyond the range of decimal (±7.9e28).", i, a.ToString("R", CultureInfo.InvariantCulture)));
            }
        }
    }

    /// <summary>Lines that a partition reads by index and adds to its accumulator.</summary>
    internal interface ILineSource<TId>
        where TId : notnull
    {
        int Count { get; }

        TId? IdAt(int index);

        void AddTo(RfmFeatureAccumulator<TId> accumulator, int index);
    }

    internal readonly struct DecimalLines<TId>(TId?[] ids, DateTime[] timestamps, decimal[] amounts, string?[] orders) : ILineSource<TId>
        where TId : notnull
    {
        public int Count => ids.Length;

        public TId? IdAt(int index) => ids[index];

        public void AddTo(RfmFeatureAccumulator<TId> accumulator, int index) =>
            accumulator.Add(ids[index], timestamps[index], amounts[index], orders.Length == 0 ? null : orders[index]);
    }

    internal readonly struct DoubleLines<TId>(TId?[] ids, DateTime[] timestamps, double[] amounts, string?[] orders) : ILineSource<TId>
        where TId : notnull
    {
        public int Count => ids.Length;

        public TId? IdAt(int index) => ids[index];

        public void AddTo(RfmFeatureAccumulator<TId> accumulator, int index) =>
            accumulator.AddConverted(ids[index], timestamps[index], (decimal)amounts[index], !(amounts[index] > 0), orders.Length == 0 ? null : orders[index]);
    }
}
