using System;
using System.Collections.Generic;
using System.Globalization;
using CustomerValuation.Internal;

namespace CustomerValuation.Lifetime;

/// <summary>The one implementation behind every <see cref="LifetimeSummaries"/> overload: lines in any order, one at a time.</summary>
internal sealed class LifetimeSummaryBuilder<TId>
    where TId : notnull
{
    private const long DaysBits = 1L << 22; // more than DateTime.MaxValue's day number (3 652 058)
    private readonly LifetimeSummaryOptions _options;
    private readonly Dictionary<TId, int> _index;
    private readonly HashSet<long> _days = [];
    private readonly List<State> _states = [];
    private readonly long _calibrationEnd;
    private readonly long _periodEnd;
    private long _linesRead;
    private long _withoutCustomer;
    private long _returns;
    private long _afterPeriod;

    public LifetimeSummaryBuilder(LifetimeSummaryOptions options, IEqualityComparer<TId>? comparer)
    {
        _options = options;
        _index = new Dictionary<TId, int>(comparer);
        _calibrationEnd = DayNumber(options.CalibrationEnd);
        _periodEnd = DayNumber(options.HoldoutEnd ?? options.CalibrationEnd);
    }

    public void Add(TId? customerId, DateTime timestamp, decimal amount)
    {
        long line = ++_linesRead;
        if (customerId is null || (customerId is string text && string.IsNullOrWhiteSpace(text)))
        {
            _withoutCustomer++;
            return;
        }

        if (amount < 0)
        {
            _returns++;
            return;
        }

        long day = DayNumber(timestamp);
        if (day > _periodEnd)
        {
            _afterPeriod++;
            return;
        }

        if (!_index.TryGetValue(customerId, out int index))
        {
            index = _states.Count;
            _index.Add(customerId, index);
            _states.Add(new State { Id = customerId, FirstDay = long.MaxValue, LastDay = long.MinValue, LastAddedDay = -1 });
        }

        State s = _states[index];
        bool newDay = day != s.LastAddedDay && _days.Add((index * DaysBits) + day);
        s.LastAddedDay = day;
        try
        {
            if (day <= _calibrationEnd)
            {
                s.CalibrationLines++;
                s.CalibrationSpend += amount;
                if (newDay)
                {
                    s.CalibrationDays++;
                }

                if (day < s.FirstDay)
                {
                    s.FirstDay = day;
                    s.FirstDaySpend = amount;
                }
                else if (day == s.FirstDay)
                {
                    s.FirstDaySpend += amount;
                }

                s.LastDay = Math.Max(s.LastDay, day);
            }
            else
            {
                s.HoldoutLines++;
                s.HoldoutSpend += amount;
                if (newDay)
                {
                    s.HoldoutDays++;
                }
            }
        }
        catch (OverflowException)
        {
            throw new ArgumentOutOfRangeException(
                nameof(amount),
                amount,
                string.Format(CultureInfo.InvariantCulture, "Line {0}: customer '{1}' would total beyond the range of decimal (±7.9e28). Check that line's amount and scale.", line, customerId));
        }

        _states[index] = s;
    }

    public void AddDouble(TId? customerId, DateTime timestamp, double amount, string parameterName)
    {
        if (double.IsNaN(amount) || double.IsInfinity(amount) || Math.Abs(amount) >= 7.9e28)
        {
            throw new ArgumentOutOfRangeException(
                parameterName,
                amount,
                string.Format(
                    CultureInfo.InvariantCulture,
                    "Line {0} (customer '{1}') has the amount {2}; amounts must be finite numbers within the range of decimal. Remove or repair that line.",
                    _linesRead + 1,
                    customerId,
                    amount.ToString("R", CultureInfo.InvariantCulture)));
        }

        Add(customerId, timestamp, (decimal)amount);
    }

    public LifetimeSummarySet<TId> Build()
    {
        var buyers = new List<int>();
        long calibrationLines = 0, holdoutLines = 0, holdoutOnlyLines = 0;
        int repeat = 0, holdoutOnly = 0;
        for (int i = 0; i < _states.Count; i++)
        {
            State s = _states[i];
            if (s.CalibrationDays > 0)
            {
                buyers.Add(i);
                calibrationLines += s.CalibrationLines;
                holdoutLines += s.HoldoutLines;
                if (s.CalibrationDays > 1)
                {
                    repeat++;
                }
            }
            else
            {
                holdoutOnly++;
                holdoutOnlyLines += s.HoldoutLines;
            }
        }

        int[] order = buyers.ToArray();
        SortById(order);
        int n = order.Length;
        double unit = (double)_options.Unit;
        var ids = new TId[n];
        var x = new int[n];
        var tx = new double[n];
        var t = new double[n];
        var spend = new double[n];
        var first = new DateTime[n];
        var holdoutPurchases = new int[n];
        var holdoutSpend = new double[n];
        for (int k = 0; k < n; k++)
        {
            State s = _states[order[k]];
            ids[k] = s.Id;
            x[k] = s.CalibrationDays - 1;
            tx[k] = (s.LastDay - s.FirstDay) / unit;
            t[k] = (_calibrationEnd - s.FirstDay) / unit;
            spend[k] = x[k] > 0 ? (double)((s.CalibrationSpend - s.FirstDaySpend) / x[k]) : 0;
            first[k] = new DateTime(s.FirstDay * TimeSpan.TicksPerDay);
            holdoutPurchases[k] = s.HoldoutDays;
            holdoutSpend[k] = (double)s.HoldoutSpend;
        }

        var report = new LifetimeSummaryReport(
            _linesRead,
            _withoutCustomer,
            _returns,
            _afterPeriod,
            calibrationLines,
            holdoutLines,
            holdoutOnlyLines,
            n,
            repeat,
            holdoutOnly);
        return new LifetimeSummarySet<TId>(ids, x, tx, t, spend, first, holdoutPurchases, holdoutSpend, _options, report);
    }

    private void SortById(int[] order)
    {
        var ids = new TId[order.Length];
        for (int k = 0; k < order.Length; k++)
        {
            ids[k] = _states[order[k]].Id;
        }

        if (ids is string[] text)
        {
            bool integers = Array.TrueForAll(text, IdOrdering.IsInteger);
            Array.Sort(text, order, integers ? IdOrdering.NumericStrings : StringComparer.Ordinal);
        }
        else if (typeof(IComparable<TId>).IsAssignableFrom(typeof(TId)) || typeof(IComparable).IsAssignableFrom(typeof(TId)))
        {
            Array.Sort(ids, order);
        }
    }

    private static long DayNumber(DateTime date) => date.Ticks / TimeSpan.TicksPerDay;

    private struct State
    {
        public TId Id;
        public long FirstDay;
        public long LastDay;
        public long LastAddedDay;
        public decimal FirstDaySpend;
        public decimal CalibrationSpend;
        public decimal HoldoutSpend;
        public int CalibrationDays;
        public int HoldoutDays;
        public long CalibrationLines;
        public long HoldoutLines;
    }
}
