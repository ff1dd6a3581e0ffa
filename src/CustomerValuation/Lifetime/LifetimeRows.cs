using System;
using System.Collections.Generic;
using System.Globalization;

namespace CustomerValuation.Lifetime;

/// <summary>
/// Validated (x, t_x, T) rows, customers with identical rows merged into one row with a weight, sorted
/// by x so that the terms that depend only on x are computed once per distinct x.
/// </summary>
internal sealed class LifetimeRows
{
    private LifetimeRows(int[] x, double[] timeToLast, double[] observed, double[] weight, int[] groupStart, double totalWeight)
    {
        X = x;
        TimeToLast = timeToLast;
        Observed = observed;
        Weight = weight;
        GroupStart = groupStart;
        TotalWeight = totalWeight;
    }

    public int[] X { get; }

    public double[] TimeToLast { get; }

    public double[] Observed { get; }

    public double[] Weight { get; }

    /// <summary>Start of each run of equal x, plus the end (Count) as the last entry.</summary>
    public int[] GroupStart { get; }

    public double TotalWeight { get; }

    public int Count => X.Length;

    public double TotalRepeatPurchases
    {
        get
        {
            double sum = 0;
            for (int i = 0; i < X.Length; i++)
            {
                sum += X[i] * Weight[i];
            }

            return sum;
        }
    }

    public double TotalObservedTime
    {
        get
        {
            double sum = 0;
            for (int i = 0; i < X.Length; i++)
            {
                sum += Observed[i] * Weight[i];
            }

            return sum;
        }
    }

    public static LifetimeRows Compress(ReadOnlySpan<int> repeatPurchases, ReadOnlySpan<double> timeToLastPurchase, ReadOnlySpan<double> observedTime)
    {
        Validate(repeatPurchases, timeToLastPurchase, observedTime);
        if (repeatPurchases.Length == 0)
        {
            throw new ArgumentException("The input is empty; fitting a model needs at least one customer.", nameof(repeatPurchases));
        }

        var index = new Dictionary<Key, int>();
        var keys = new List<Key>();
        var counts = new List<double>();
        for (int i = 0; i < repeatPurchases.Length; i++)
        {
            var key = new Key(repeatPurchases[i], timeToLastPurchase[i], observedTime[i]);
            if (index.TryGetValue(key, out int k))
            {
                counts[k]++;
            }
            else
            {
                index.Add(key, keys.Count);
                keys.Add(key);
                counts.Add(1);
            }
        }

        int n = keys.Count;
        var order = new int[n];
        var sortKeys = new Key[n];
        for (int k = 0; k < n; k++)
        {
            order[k] = k;
            sortKeys[k] = keys[k];
        }

        Array.Sort(sortKeys, order);
        var x = new int[n];
        var tx = new double[n];
        var t = new double[n];
        var w = new double[n];
        var starts = new List<int>();
        for (int k = 0; k < n; k++)
        {
            Key key = keys[order[k]];
            x[k] = key.X;
            tx[k] = key.TimeToLast;
            t[k] = key.Observed;
            w[k] = counts[order[k]];
            if (k == 0 || x[k] != x[k - 1])
            {
                starts.Add(k);
            }
        }

        starts.Add(n);
        return new LifetimeRows(x, tx, t, w, starts.ToArray(), repeatPurchases.Length);
    }

    /// <summary>Checks the rules of a summary row; throws naming the argument, the row and the rule.</summary>
    public static void Validate(ReadOnlySpan<int> repeatPurchases, ReadOnlySpan<double> timeToLastPurchase, ReadOnlySpan<double> observedTime)
    {
        SameLength(repeatPurchases.Length, timeToLastPurchase.Length, "timeToLastPurchase");
        SameLength(repeatPurchases.Length, observedTime.Length, "observedTime");
        for (int i = 0; i < repeatPurchases.Length; i++)
        {
            ValidateRow(repeatPurchases[i], timeToLastPurchase[i], observedTime[i], i);
        }
    }

    /// <summary>Checks one row (index −1: a single customer, not a row of a table).</summary>
    public static void ValidateRow(int repeatPurchases, double timeToLastPurchase, double observedTime, long index)
    {
        string row = index < 0 ? "The customer" : string.Format(CultureInfo.InvariantCulture, "Row {0}", index);
        if (repeatPurchases < 0)
        {
            throw new ArgumentOutOfRangeException(
                nameof(repeatPurchases),
                repeatPurchases,
                string.Format(CultureInfo.InvariantCulture, "{0} has x = {1} repeat purchases; x must be 0 or more.", row, repeatPurchases));
        }

        if (!(timeToLastPurchase >= 0) || double.IsInfinity(timeToLastPurchase))
        {
            throw new ArgumentOutOfRangeException(
                nameof(timeToLastPurchase),
                timeToLastPurchase,
                string.Format(CultureInfo.InvariantCulture, "{0} has t_x = {1}; t_x must be a finite time of 0 or more.", row, timeToLastPurchase.ToString("R", CultureInfo.InvariantCulture)));
        }

        if (!(observedTime >= 0) || double.IsInfinity(observedTime))
        {
            throw new ArgumentOutOfRangeException(
                nameof(observedTime),
                observedTime,
                string.Format(CultureInfo.InvariantCulture, "{0} has T = {1}; T must be a finite time of 0 or more.", row, observedTime.ToString("R", CultureInfo.InvariantCulture)));
        }

        if (timeToLastPurchase > observedTime)
        {
            throw new ArgumentException(
                string.Format(
                    CultureInfo.InvariantCulture,
                    "{0} has t_x = {1} after T = {2}; the last purchase must fall within the observed time (t_x ≤ T).",
                    row,
                    timeToLastPurchase.ToString("R", CultureInfo.InvariantCulture),
                    observedTime.ToString("R", CultureInfo.InvariantCulture)),
                nameof(timeToLastPurchase));
        }

        if (repeatPurchases > 0 && timeToLastPurchase == 0)
        {
            throw new ArgumentException(
                string.Format(
                    CultureInfo.InvariantCulture,
                    "{0} has x = {1} repeat purchases but t_x = 0; a repeat purchase comes after the first (purchases on the same day merge), so t_x > 0 when x > 0.",
                    row,
                    repeatPurchases),
                nameof(timeToLastPurchase));
        }

        if (repeatPurchases == 0 && timeToLastPurchase != 0)
        {
            throw new ArgumentException(
                string.Format(
                    CultureInfo.InvariantCulture,
                    "{0} has x = 0 but t_x = {1}; without a repeat purchase t_x is 0.",
                    row,
                    timeToLastPurchase.ToString("R", CultureInfo.InvariantCulture)),
                nameof(timeToLastPurchase));
        }
    }

    private static void SameLength(int expected, int actual, string parameterName)
    {
        if (expected != actual)
        {
            throw new ArgumentException(
                string.Format(CultureInfo.InvariantCulture, "{0} has {1} values but repeatPurchases has {2}; give one value per customer.", parameterName, actual, expected),
                parameterName);
        }
    }

    private readonly record struct Key(int X, double TimeToLast, double Observed) : IComparable<Key>
    {
        public int CompareTo(Key other)
        {
            int c = X.CompareTo(other.X);
            if (c == 0)
            {
                c = TimeToLast.CompareTo(other.TimeToLast);
            }

            return c != 0 ? c : Observed.CompareTo(other.Observed);
        }
    }
}
