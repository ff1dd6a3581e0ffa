using System;
using System.Collections.Generic;
using System.Globalization;
using CustomerValuation.Churn;

namespace CustomerValuation.Internal;

/// <summary>Shared checks and counting of the reason reports: one key (family or code) per reason, distinct keys per customer.</summary>
internal sealed class ReasonTally
{
    private readonly Dictionary<string, int> _keyOfCode;
    private readonly int[] _mark;
    private int _stamp;

    public ReasonTally(ReasonTaxonomy taxonomy, ReasonLevel level, string levelName)
    {
        if (level is not ReasonLevel.Family and not ReasonLevel.Code)
        {
            throw new ArgumentOutOfRangeException(levelName, level, "The level must be Family or Code.");
        }

        var keys = new List<ReasonDefinition>();
        var keyOfFamily = new Dictionary<string, int>(StringComparer.Ordinal);
        _keyOfCode = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (ReasonDefinition reason in taxonomy)
        {
            if (level == ReasonLevel.Code)
            {
                _keyOfCode.Add(reason.Code, keys.Count);
                keys.Add(reason);
            }
            else if (reason.Depth == 0)
            {
                keyOfFamily.Add(reason.Code, keys.Count);
                keys.Add(reason);
            }
        }

        if (level == ReasonLevel.Family)
        {
            foreach (ReasonDefinition reason in taxonomy)
            {
                _keyOfCode.Add(reason.Code, keyOfFamily[reason.Family]);
            }
        }

        Keys = keys.ToArray();
        _mark = new int[Keys.Length];
    }

    /// <summary>The keys (families or codes) in taxonomy order.</summary>
    public ReasonDefinition[] Keys { get; }

    /// <summary>Copies a list of customers' reasons, checking for null items, null ids and repeated ids.</summary>
    public static List<CustomerReasons<TId>> Collect<TId>(IEnumerable<CustomerReasons<TId>> source, string name, out Dictionary<TId, int> indexOfId)
        where TId : notnull
    {
        var list = new List<CustomerReasons<TId>>();
        indexOfId = new Dictionary<TId, int>();
        foreach (CustomerReasons<TId>? customer in source)
        {
            if (customer is null)
            {
                throw new ArgumentNullException(name, string.Format(CultureInfo.InvariantCulture, "Item {0} of {1} is null.", list.Count, name));
            }

            if (customer.Id is null)
            {
                throw new ArgumentException(string.Format(CultureInfo.InvariantCulture, "The customer id of item {0} of {1} is null; every customer needs an id.", list.Count, name), name);
            }

            if (indexOfId.TryGetValue(customer.Id, out int first))
            {
                throw new ArgumentException(
                    string.Format(CultureInfo.InvariantCulture, "Customer id '{0}' appears twice in {1}, at indices {2} and {3}; give each customer one entry with all its reasons.", customer.Id, name, first, list.Count),
                    name);
            }

            indexOfId.Add(customer.Id, list.Count);
            list.Add(customer);
        }

        return list;
    }

    /// <summary>Writes the distinct keys of a customer's reasons into <paramref name="keys"/> (taxonomy order not guaranteed) and returns their number.</summary>
    public int KeysOf<TId>(CustomerReasons<TId> customer, int index, string name, List<int> keys)
    {
        keys.Clear();
        _stamp++;
        if (_stamp == int.MaxValue)
        {
            Array.Clear(_mark, 0, _mark.Length);
            _stamp = 1;
        }

        foreach (ReasonTag tag in customer.Reasons)
        {
            if (!_keyOfCode.TryGetValue(tag.Code, out int key))
            {
                throw new ArgumentException(
                    string.Format(CultureInfo.InvariantCulture, "Customer '{0}' (index {1} of {2}) has reason '{3}', which is not in the taxonomy; add it to the taxonomy (ReasonTaxonomy.With) or fix the tagger.", customer.Id, index, name, tag.Code),
                    name);
            }

            if (_mark[key] != _stamp)
            {
                _mark[key] = _stamp;
                keys.Add(key);
            }
        }

        return keys.Count;
    }

    /// <summary>Reads and checks a customer's lost value: finite and not negative.</summary>
    public static double LostValue<TId>(Func<TId, double> lostValue, TId id, int index, string name)
    {
        double value = lostValue(id);
        if (!(value >= 0) || double.IsInfinity(value))
        {
            throw new ArgumentOutOfRangeException(
                name,
                value,
                string.Format(CultureInfo.InvariantCulture, "The lost value of customer '{0}' (index {1}) is {2}; it must be a finite number ≥ 0 (0 when nothing was lost).", id, index, value.ToString("R", CultureInfo.InvariantCulture)));
        }

        return value;
    }

    /// <summary>Turns a dictionary of lost values into a selector that names a customer with no entry.</summary>
    public static Func<TId, double> FromDictionary<TId>(IReadOnlyDictionary<TId, double> lostValues, string name) =>
        id => lostValues.TryGetValue(id, out double value)
            ? value
            : throw new ArgumentException(
                string.Format(CultureInfo.InvariantCulture, "Customer '{0}' has no lost value in {1}; give every customer a value (0 when nothing was lost).", id, name),
                name);
}
