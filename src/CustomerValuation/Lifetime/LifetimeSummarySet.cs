using System;
using System.Collections;
using System.Collections.Generic;

namespace CustomerValuation.Lifetime;

/// <summary>
/// Per-customer lifetime summaries (x, t_x, T, mean repeat spend, holdout counts), ordered by
/// customer id, with the options and the report of the aggregation that made them. The input of
/// <see cref="BgNbd"/>, <see cref="ParetoNbd"/>, <see cref="GammaGamma"/> and <see cref="LifetimeValue"/>.
/// </summary>
/// <remarks>
/// Customers are ordered by id so that nothing depends on the order of the lines: numerically when
/// every id is an integer string, ordinally for other strings, by <see cref="Comparer{T}.Default"/>
/// for other comparable ids, and in first-seen order for ids that are not comparable.
/// </remarks>
/// <typeparam name="TId">The customer id type.</typeparam>
public sealed class LifetimeSummarySet<TId> : IReadOnlyList<LifetimeCustomerSummary<TId>>
    where TId : notnull
{
    private readonly TId[] _ids;
    private readonly int[] _repeatPurchases;
    private readonly double[] _timeToLastPurchase;
    private readonly double[] _observedTime;
    private readonly double[] _meanRepeatSpend;
    private readonly DateTime[] _firstPurchase;
    private readonly int[] _holdoutPurchases;
    private readonly double[] _holdoutSpend;

    internal LifetimeSummarySet(
        TId[] ids,
        int[] repeatPurchases,
        double[] timeToLastPurchase,
        double[] observedTime,
        double[] meanRepeatSpend,
        DateTime[] firstPurchase,
        int[] holdoutPurchases,
        double[] holdoutSpend,
        LifetimeSummaryOptions options,
        LifetimeSummaryReport report)
    {
        _ids = ids;
        _repeatPurchases = repeatPurchases;
        _timeToLastPurchase = timeToLastPurchase;
        _observedTime = observedTime;
        _meanRepeatSpend = meanRepeatSpend;
        _firstPurchase = firstPurchase;
        _holdoutPurchases = holdoutPurchases;
        _holdoutSpend = holdoutSpend;
        Options = options;
        Report = report;
    }

    /// <summary>The options of the aggregation (calibration end, unit, holdout end).</summary>
    public LifetimeSummaryOptions Options { get; }

    /// <summary>The time unit of t_x and T.</summary>
    public LifetimeTimeUnit Unit => Options.Unit;

    /// <summary>What happened to every line.</summary>
    public LifetimeSummaryReport Report { get; }

    /// <summary>The number of customers.</summary>
    public int Count => _ids.Length;

    /// <summary>x per customer, in id order.</summary>
    public ReadOnlySpan<int> RepeatPurchasesSpan => _repeatPurchases;

    /// <summary>t_x per customer (in <see cref="Unit"/>), in id order.</summary>
    public ReadOnlySpan<double> TimeToLastPurchaseSpan => _timeToLastPurchase;

    /// <summary>T per customer (in <see cref="Unit"/>), in id order.</summary>
    public ReadOnlySpan<double> ObservedTimeSpan => _observedTime;

    /// <summary>The mean repeat spend per customer (0 when x = 0), in id order.</summary>
    public ReadOnlySpan<double> MeanRepeatSpendSpan => _meanRepeatSpend;

    /// <summary>The customer at <paramref name="index"/>.</summary>
    /// <param name="index">0 ≤ index &lt; <see cref="Count"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside the set.</exception>
    public LifetimeCustomerSummary<TId> this[int index] => (uint)index < (uint)_ids.Length
        ? new LifetimeCustomerSummary<TId>(
            _ids[index],
            _repeatPurchases[index],
            _timeToLastPurchase[index],
            _observedTime[index],
            _meanRepeatSpend[index],
            _firstPurchase[index],
            _holdoutPurchases[index],
            _holdoutSpend[index])
        : throw new ArgumentOutOfRangeException(nameof(index), index, "The index must be at least 0 and less than Count.");

    /// <summary>Enumerates the customers in id order.</summary>
    /// <returns>The enumerator.</returns>
    public IEnumerator<LifetimeCustomerSummary<TId>> GetEnumerator()
    {
        for (int i = 0; i < _ids.Length; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
