using System;
using System.Collections.Concurrent;
using System.Threading.Tasks;
using CustomerValuation.Rfm;

namespace CustomerValuation.Cli;

/// <summary>Parsed transaction lines on their way from the reading thread to the aggregating one.</summary>
internal sealed class LineBatch<TId>
{
    /// <summary>Lines per batch: large enough that handing a batch over costs nothing per line.</summary>
    public const int Capacity = 1 << 14;

    public LineBatch(bool prices, bool keys)
    {
        Prices = prices ? new decimal[Capacity] : null;
        Keys = keys ? new string[Capacity] : null;
    }

    /// <summary>The number of lines filled.</summary>
    public int Count { get; set; }

    public TId[] Ids { get; } = new TId[Capacity];

    public DateTime[] Timestamps { get; } = new DateTime[Capacity];

    /// <summary>The amounts, or the quantities when <see cref="Prices"/> is not null.</summary>
    public decimal[] Amounts { get; } = new decimal[Capacity];

    public decimal[]? Prices { get; }

    public string?[] Orders { get; } = new string?[Capacity];

    public string[]? Keys { get; }
}

/// <summary>
/// The second stage of the <c>rfm</c> command's reading: a pool thread that adds batches of parsed
/// lines to an <see cref="RfmFeatureAccumulator{TId}"/> in the order they were posted, while the
/// calling thread reads the next ones. The first error stops the adding and is kept for
/// <see cref="Complete"/>; the batches keep circulating so that the reading thread never waits forever.
/// </summary>
internal sealed class AggregationStage<TId> : IDisposable
    where TId : notnull
{
    private const int Batches = 6;

    private readonly BlockingCollection<LineBatch<TId>> _full = new(boundedCapacity: Batches - 2);
    private readonly BlockingCollection<LineBatch<TId>> _free = new();
    private readonly Task _task;
    private Exception? _error;
    private bool _completed;

    public AggregationStage(RfmFeatureAccumulator<TId> accumulator, bool byAmount, bool lineKeys)
    {
        for (int i = 0; i < Batches; i++)
        {
            _free.Add(new LineBatch<TId>(!byAmount, lineKeys));
        }

        _task = Task.Run(() => Consume(accumulator));
    }

    /// <summary>An empty batch to fill (waits while all are in use).</summary>
    public LineBatch<TId> Rent() => _free.Take();

    /// <summary>Hands a filled batch over to be aggregated after the ones posted before it.</summary>
    public void Post(LineBatch<TId> batch)
    {
        if (batch.Count == 0)
        {
            _free.Add(batch);
        }
        else
        {
            _full.Add(batch);
        }
    }

    /// <summary>Waits until every posted batch is aggregated; the first error the aggregation met, or null.</summary>
    public Exception? Complete()
    {
        if (!_completed)
        {
            _completed = true;
            _full.CompleteAdding();
            _task.Wait();
        }

        return _error;
    }

    public void Dispose()
    {
        Complete();
        _full.Dispose();
        _free.Dispose();
    }

    private void Consume(RfmFeatureAccumulator<TId> accumulator)
    {
        foreach (LineBatch<TId> batch in _full.GetConsumingEnumerable())
        {
            if (_error is null)
            {
                try
                {
                    Add(accumulator, batch);
                }
#pragma warning disable CA1031 // Kept and reported by Complete, on the thread that reads.
                catch (Exception e)
#pragma warning restore CA1031
                {
                    _error = e;
                }
            }

            batch.Count = 0;
            _free.Add(batch);
        }
    }

    private static void Add(RfmFeatureAccumulator<TId> accumulator, LineBatch<TId> b)
    {
        TId[] ids = b.Ids;
        DateTime[] timestamps = b.Timestamps;
        decimal[] amounts = b.Amounts;
        string?[] orders = b.Orders;
        string[]? keys = b.Keys;
        if (b.Prices is { } prices)
        {
            for (int i = 0; i < b.Count; i++)
            {
                accumulator.AddLine(ids[i], timestamps[i], amounts[i], prices[i], orders[i], keys?[i]);
            }
        }
        else
        {
            for (int i = 0; i < b.Count; i++)
            {
                accumulator.Add(ids[i], timestamps[i], amounts[i], orders[i], keys?[i]);
            }
        }
    }
}
