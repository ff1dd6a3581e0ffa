using System;
using System.Collections.Generic;
using System.Globalization;
using CustomerValuation.Internal;

namespace CustomerValuation.Abc;

/// <summary>
/// Builds and merges <see cref="AbcPartial{TId}"/> values: per-customer value totals that merge
/// exactly, for engines that run user code per partition, and the class thresholds that let each
/// partition classify its customers locally (see docs/partials.md).
/// </summary>
public static class AbcPartial
{
    /// <summary>An empty partial (no records): the identity of <see cref="AbcPartial{TId}.Merge"/>.</summary>
    /// <typeparam name="TId">The customer id type.</typeparam>
    /// <returns>The empty partial.</returns>
    public static AbcPartial<TId> Empty<TId>()
        where TId : notnull =>
        new(new Dictionary<TId, decimal>());

    /// <summary>
    /// The per-customer totals of one partition's records; a customer may have any number of
    /// records here and in other partitions: its value is the exact decimal sum of all of them.
    /// </summary>
    /// <typeparam name="T">The record type (a transaction line, an invoice, …).</typeparam>
    /// <typeparam name="TId">The customer id type.</typeparam>
    /// <param name="source">The partition's records, in any order.</param>
    /// <param name="idSelector">Gets a record's customer id; not null.</param>
    /// <param name="valueSelector">Gets a record's value (amount).</param>
    /// <returns>The partial.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">A record's id is null (the message names its index).</exception>
    /// <exception cref="ArgumentOutOfRangeException">A customer's total goes beyond the range of decimal.</exception>
    public static AbcPartial<TId> FromRecords<T, TId>(IEnumerable<T> source, Func<T, TId> idSelector, Func<T, decimal> valueSelector)
        where TId : notnull
    {
        Guard.NotNull(source, nameof(source));
        Guard.NotNull(idSelector, nameof(idSelector));
        Guard.NotNull(valueSelector, nameof(valueSelector));
        var totals = new Dictionary<TId, decimal>();
        long index = 0;
        foreach (T item in source)
        {
            TId id = idSelector(item);
            if (id is null)
            {
                throw new ArgumentException(string.Format(CultureInfo.InvariantCulture, "The customer id of the record at index {0} is null; every record needs an id.", index), nameof(source));
            }

            decimal value = valueSelector(item);
            totals.TryGetValue(id, out decimal total);
            try
            {
                totals[id] = total + value;
            }
            catch (OverflowException)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(source),
                    value,
                    string.Format(CultureInfo.InvariantCulture, "Record {0}: customer '{1}' would total beyond the range of decimal (±7.9e28).", index, id));
            }

            index++;
        }

        return new AbcPartial<TId>(totals);
    }

    /// <summary>Merges any number of partials (in any order: the result is the same).</summary>
    /// <typeparam name="TId">The customer id type.</typeparam>
    /// <param name="partials">The partials.</param>
    /// <returns>The partial of all their records (empty for no partial).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="partials"/> or one of its items is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A customer's merged total goes beyond the range of decimal.</exception>
    public static AbcPartial<TId> Merge<TId>(IEnumerable<AbcPartial<TId>> partials)
        where TId : notnull
    {
        Guard.NotNull(partials, nameof(partials));
        AbcPartial<TId> merged = Empty<TId>();
        int index = 0;
        foreach (AbcPartial<TId> partial in partials)
        {
            if (partial is null)
            {
                throw new ArgumentNullException(nameof(partials), string.Format(CultureInfo.InvariantCulture, "The partial at index {0} is null.", index));
            }

            merged = merged.Merge(partial);
            index++;
        }

        return merged;
    }

    /// <summary>
    /// Rebuilds broadcast thresholds on a worker from their plain parts (the options and the
    /// <see cref="AbcThresholds{TId}.Thresholds"/> list), so that only those need to be shipped.
    /// </summary>
    /// <typeparam name="TId">The customer id type.</typeparam>
    /// <param name="options">The options of the analysis.</param>
    /// <param name="thresholds">One per boundary between ranked classes (classes − 1), in class order; null where the classes above are empty.</param>
    /// <param name="idComparer">The id order of the analysis; <see langword="null"/> for its default (ordinal for strings).</param>
    /// <returns>Thresholds that classify as the originals.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> or <paramref name="thresholds"/> is null.</exception>
    /// <exception cref="ArgumentException">The count is not the number of ranked classes − 1, or a threshold's class index is not its position.</exception>
    public static AbcThresholds<TId> RestoreThresholds<TId>(AbcOptions options, IEnumerable<AbcThreshold<TId>?> thresholds, IComparer<TId>? idComparer = null)
        where TId : notnull
    {
        Guard.NotNull(options, nameof(options));
        Guard.NotNull(thresholds, nameof(thresholds));
        var list = new List<AbcThreshold<TId>?>(thresholds);
        if (list.Count != options.RankedClassCount - 1)
        {
            throw new ArgumentException(
                string.Format(CultureInfo.InvariantCulture, "{0} thresholds were given; the options have {1} ranked classes, so {2} are needed.", list.Count, options.RankedClassCount, options.RankedClassCount - 1),
                nameof(thresholds));
        }

        for (int k = 0; k < list.Count; k++)
        {
            if (list[k] is AbcThreshold<TId> t && (t.ClassIndex != k || t.Id is null))
            {
                throw new ArgumentException(string.Format(CultureInfo.InvariantCulture, "Threshold {0} has class index {1} or no id; give them in class order, as broadcast.", k, t.ClassIndex), nameof(thresholds));
            }
        }

        return new AbcThresholds<TId>(options, list.ToArray(), AbcThresholds<TId>.DefaultComparer(idComparer));
    }

    /// <summary>
    /// The class thresholds of an analysis: for each ranked class boundary, the value and id of the
    /// last customer (in rank order) above it. Broadcast them to the partitions and classify each
    /// customer there with <see cref="AbcThresholds{TId}.Classify(TId, decimal)"/>: the class is the
    /// one of the analysis.
    /// </summary>
    /// <typeparam name="TId">The customer id type.</typeparam>
    /// <param name="analysis">A keyed analysis (for example <see cref="AbcPartial{TId}.Analyze"/> of the merged partial).</param>
    /// <param name="idComparer">The id order that broke ties in the analysis; <see langword="null"/> for its default (ordinal for strings).</param>
    /// <returns>The thresholds.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="analysis"/> is null.</exception>
    public static AbcThresholds<TId> Thresholds<TId>(AbcAnalysis<TId> analysis, IComparer<TId>? idComparer = null)
        where TId : notnull
    {
        Guard.NotNull(analysis, nameof(analysis));
        AbcOptions options = analysis.Summary.Options;
        int classes = options.RankedClassCount;
        var last = new AbcThreshold<TId>?[classes - 1];
        foreach (AbcCustomer<TId> c in analysis.Customers)
        {
            // Customers come in rank order; the ranked classes never decrease along it.
            for (int k = c.ClassIndex; k < classes - 1; k++)
            {
                last[k] = new AbcThreshold<TId>(k, c.Value, c.Id);
            }
        }

        return new AbcThresholds<TId>(options, last, AbcThresholds<TId>.DefaultComparer(idComparer));
    }
}

/// <summary>
/// Per-customer value totals of a set of records, for ABC classification on the value basis, that
/// merge exactly: immutable; build with <see cref="AbcPartial"/>.<c>FromRecords</c>, combine with
/// <see cref="Merge"/>, finish with <see cref="Analyze"/>.
/// </summary>
/// <remarks>
/// The totals are exact <see cref="decimal"/> sums (while a sum needs at most 28 significant
/// digits), so merging is associative and commutative and the merged totals equal the totals of a
/// single pass over all the records, however they were split. Each total is converted to
/// <see cref="double"/> only once, when classified, exactly as
/// <see cref="AbcClassifier"/>'s decimal overload converts it; the classes are therefore those
/// of <see cref="AbcClassifier.Analyze{T, TId}(IEnumerable{T}, Func{T, TId}, Func{T, decimal}, AbcOptions?, IComparer{TId}?)"/>
/// over the single-pass totals, bit for bit (double totals summed per partition would not merge
/// exactly: their rounding depends on the grouping). Double amounts: convert each to decimal at
/// the boundary (<c>(decimal)amount</c>) in every partition alike.
/// </remarks>
/// <typeparam name="TId">The customer id type.</typeparam>
public sealed class AbcPartial<TId>
    where TId : notnull
{
    private readonly Dictionary<TId, decimal> _totals;

    internal AbcPartial(Dictionary<TId, decimal> totals) => _totals = totals;

    /// <summary>The customers seen.</summary>
    public int CustomerCount => _totals.Count;

    /// <summary>Each customer's exact total (in no particular order).</summary>
    public IReadOnlyDictionary<TId, decimal> Totals => _totals;

    /// <summary>Merges this partial with another: totals of customers in both are added. Neither operand changes.</summary>
    /// <param name="other">The other partial.</param>
    /// <returns>A new partial.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A customer's merged total goes beyond the range of decimal.</exception>
    public AbcPartial<TId> Merge(AbcPartial<TId> other)
    {
        Guard.NotNull(other, nameof(other));
        var merged = new Dictionary<TId, decimal>(_totals);
        foreach (KeyValuePair<TId, decimal> pair in other._totals)
        {
            merged.TryGetValue(pair.Key, out decimal total);
            try
            {
                merged[pair.Key] = total + pair.Value;
            }
            catch (OverflowException)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(other),
                    pair.Value,
                    string.Format(CultureInfo.InvariantCulture, "Customer '{0}' would total beyond the range of decimal (±7.9e28) once the partials are merged.", pair.Key));
            }
        }

        return new AbcPartial<TId>(merged);
    }

    /// <summary>
    /// Classifies the customers by their merged totals: <see cref="AbcClassifier.Analyze{T, TId}(IEnumerable{T}, Func{T, TId}, Func{T, decimal}, AbcOptions?, IComparer{TId}?)"/>
    /// over one record per customer.
    /// </summary>
    /// <param name="options">The options; <see langword="null"/> for <see cref="AbcOptions.Default"/>.</param>
    /// <param name="idComparer">Orders ids to break ties; <see langword="null"/> for ordinal order of strings and the default order of other types.</param>
    /// <returns>The customers in rank order, the summary and the Pareto curve.</returns>
    /// <exception cref="ArgumentException">There is no customer, ids cannot be compared, or two distinct ids are equal under <paramref name="idComparer"/>.</exception>
    public AbcAnalysis<TId> Analyze(AbcOptions? options = null, IComparer<TId>? idComparer = null) =>
        AbcClassifier.Analyze(_totals, pair => pair.Key, pair => pair.Value, options, idComparer);
}

/// <summary>
/// The last customer of a group of top classes: every customer ranked at or above it (value
/// greater, or value equal and id not after it) is in class <see cref="ClassIndex"/> or better.
/// </summary>
/// <param name="ClassIndex">The class (0 = best) whose lower boundary this is.</param>
/// <param name="Value">The customer's value (its total as a double).</param>
/// <param name="Id">The customer's id, which breaks ties in value at the boundary.</param>
public readonly record struct AbcThreshold<TId>(int ClassIndex, double Value, TId Id);

/// <summary>
/// Class boundaries of an ABC analysis, small enough to broadcast: each partition classifies its
/// customers' totals locally and gets the classes of the global analysis.
/// </summary>
/// <remarks>
/// Rank order is value descending, then id ascending under <see cref="IdComparer"/>, as in
/// <see cref="AbcClassifier"/>'s keyed overloads. Threshold k is the last customer of classes
/// 0 … k in that order (null when those classes are empty); a customer with positive value x and id
/// i is in the first class k whose threshold (v, j) it does not follow: x &gt; v, or x = v and
/// i ≤ j; otherwise in the last ranked class. A zero or negative value is in the non-positive class.
/// The <see cref="AbcBoundaryRule"/> was applied when the analysis placed the crossing customer,
/// so the threshold already is on the right side of it; customers of equal value at a boundary
/// are split by id exactly as the analysis split them. Only the customers of the analysis, with
/// their totals, are classified as in it; any other (value, id) gets the class its rank would
/// have had among them, without changing anyone's share.
/// </remarks>
/// <typeparam name="TId">The customer id type.</typeparam>
public sealed class AbcThresholds<TId>
    where TId : notnull
{
    private readonly AbcThreshold<TId>?[] _thresholds;

    internal AbcThresholds(AbcOptions options, AbcThreshold<TId>?[] thresholds, IComparer<TId> idComparer)
    {
        Options = options;
        _thresholds = thresholds;
        Thresholds = Array.AsReadOnly(thresholds);
        IdComparer = idComparer;
    }

    /// <summary>The options of the analysis.</summary>
    public AbcOptions Options { get; }

    /// <summary>One threshold per boundary between ranked classes (k = 0 … classes − 2); null when classes 0 … k hold no customer.</summary>
    public IReadOnlyList<AbcThreshold<TId>?> Thresholds { get; }

    /// <summary>The id order that breaks ties in value.</summary>
    public IComparer<TId> IdComparer { get; }

    /// <summary>The class index of a customer from its total (converted to double as the analysis does).</summary>
    /// <param name="id">The customer id.</param>
    /// <param name="value">The customer's total.</param>
    /// <returns>0 … ranked classes − 1, or <see cref="AbcOptions.NonPositiveClassIndex"/> for a value of zero or less.</returns>
    public int Classify(TId id, decimal value) => Classify(id, (double)value);

    /// <summary>The class index of a customer from its value.</summary>
    /// <param name="id">The customer id.</param>
    /// <param name="value">The customer's value.</param>
    /// <returns>0 … ranked classes − 1, or <see cref="AbcOptions.NonPositiveClassIndex"/> for a value of zero or less.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is NaN.</exception>
    public int Classify(TId id, double value)
    {
        if (id is null)
        {
            throw new ArgumentNullException(nameof(id));
        }

        if (double.IsNaN(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "The value must be a number.");
        }

        if (!(value > 0))
        {
            return Options.NonPositiveClassIndex;
        }

        for (int k = 0; k < _thresholds.Length; k++)
        {
            if (_thresholds[k] is AbcThreshold<TId> t && (value > t.Value || (value == t.Value && IdComparer.Compare(id, t.Id) <= 0)))
            {
                return k;
            }
        }

        return _thresholds.Length;
    }

    /// <summary>The label of a customer's class (see <see cref="Classify(TId, decimal)"/>).</summary>
    /// <param name="id">The customer id.</param>
    /// <param name="value">The customer's total.</param>
    /// <returns>The class label.</returns>
    public string ClassOf(TId id, decimal value) => Options.LabelOf(Classify(id, value));

    internal static IComparer<TId> DefaultComparer(IComparer<TId>? idComparer) =>
        idComparer ?? (typeof(TId) == typeof(string) ? (IComparer<TId>)(object)StringComparer.Ordinal : Comparer<TId>.Default);
}
