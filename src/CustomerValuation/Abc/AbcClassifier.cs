using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using CustomerValuation.Internal;

namespace CustomerValuation.Abc;

/// <summary>
/// ABC (Pareto) classification of customers by their share of value or of customer count
/// (SPEC §1): customers are ranked by value, largest first, and each one's cumulative share
/// decides its class.
/// </summary>
/// <remarks>
/// <para>
/// Ranking: value descending; equal values by position in the span (earlier first) or, in the
/// keyed overloads, by id ascending (ordinal for strings), so a keyed result is a function of the
/// set of (id, value) pairs and never of the input order.
/// </para>
/// <para>
/// Shares: with the m customers of positive value ranked x₍₁₎ ≥ x₍₂₎ ≥ … ≥ x₍ₘ₎ and W the total
/// weight (Σ x₍ᵢ₎ for <see cref="AbcBasis.ValueShare"/>, m for <see cref="AbcBasis.CountShare"/>),
/// the cumulative share of rank i is Cᵢ = (w₍₁₎ + … + w₍ᵢ₎) ÷ W, where wᵢ is the value or 1.
/// With breakpoints b₁ &lt; … &lt; b_K, the class of rank i is the number of breakpoints that
/// C₍ᵢ₋₁₎ has reached (<see cref="AbcBoundaryRule.JoinUpperClass"/>: b ≤ C₍ᵢ₋₁₎) or that Cᵢ has
/// passed (<see cref="AbcBoundaryRule.JoinLowerClass"/>: b &lt; Cᵢ). Comparisons allow a relative
/// tolerance of 10⁻¹² of W, so that a share that equals a breakpoint on paper (80 of 100) reaches
/// it whatever the rounding of the sums. The reported shares are value shares on either basis.
/// </para>
/// <para>
/// Zero and negative values take no part in the shares: they are ranked after all positive values
/// and put in the class <see cref="AbcOptions.NonPositiveLabel"/>. Sums use compensated (Neumaier)
/// summation.
/// </para>
/// </remarks>
public static class AbcClassifier
{
    /// <summary>Relative tolerance, as a fraction of the total weight, within which a cumulative share reaches a breakpoint.</summary>
    public const double ShareTolerance = 1e-12;


    /// <summary>
    /// Writes each customer's class index, without ranking: a histogram of the values finds the
    /// narrow value range in which each breakpoint is crossed, one more pass classes every value
    /// outside those ranges, and only the values inside them are ranked. Allocates nothing (scratch
    /// comes from the shared array pool).
    /// </summary>
    /// <param name="values">One value per customer; every value finite.</param>
    /// <param name="classIndices">
    /// Receives, per position, the class index: 0 … K for the ranked classes (K = number of
    /// breakpoints), <see cref="AbcOptions.NonPositiveClassIndex"/> for a zero or negative value.
    /// Same length as <paramref name="values"/>.
    /// </param>
    /// <param name="options">The options; <see langword="null"/> for <see cref="AbcOptions.Default"/>.</param>
    /// <remarks>
    /// Gives exactly the classes of <see cref="Analyze(ReadOnlySpan{double}, Span{AbcEntry}, AbcOptions?)"/>
    /// (equal values ranked by position): both share one summation and one decision rule. Time: two
    /// passes over the values plus a radix sort of the c values that share a histogram bucket (a
    /// sixteenth of a power of two wide) with a breakpoint, O(n + c); c is typically 1–2 % of n, but
    /// all of n when every value lies within 3–6 % of the others (then about as slow as a full sort).
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">A value is NaN, infinite or subnormal (the message names its index).</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="values"/> is empty, <paramref name="classIndices"/> has another length than
    /// <paramref name="values"/>, or the positive values add up to more than <see cref="double.MaxValue"/>
    /// (or the negative ones to less than <see cref="double.MinValue"/>).
    /// </exception>
    public static void Classify(ReadOnlySpan<double> values, Span<int> classIndices, AbcOptions? options = null)
    {
        options ??= AbcOptions.Default;
        Guard.NotEmpty(values.Length, nameof(values));
        Guard.SameLength(values.Length, classIndices.Length, nameof(classIndices));
        ShareHistogramClassifier.Classify(values, classIndices, options);
    }

    /// <summary>
    /// Ranks the customers and writes, in rank order, each one's position, rank, class, value, share
    /// and cumulative share; returns the class totals and the Gini coefficient. Allocates nothing
    /// but the returned summary (scratch comes from the shared array pool; with more than 64 classes,
    /// the per-class accumulators too).
    /// </summary>
    /// <param name="values">One value per customer; every value finite.</param>
    /// <param name="destination">Receives one entry per customer, best rank first; same length as <paramref name="values"/>.</param>
    /// <param name="options">The options; <see langword="null"/> for <see cref="AbcOptions.Default"/>.</param>
    /// <returns>The per-class figures, totals and Gini coefficient.</returns>
    /// <remarks>
    /// Equal values are ranked by position (earlier first). Time O(n): a stable radix sort on the
    /// bit patterns of the values, then one pass. Input whose values are all zero or negative puts
    /// every customer in the non-positive class, with total 0 and Gini 0.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">A value is NaN, infinite or subnormal (the message names its index).</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="values"/> is empty, <paramref name="destination"/> has another length than
    /// <paramref name="values"/>, or the positive values add up to more than <see cref="double.MaxValue"/>
    /// (or the negative ones to less than <see cref="double.MinValue"/>).
    /// </exception>
    public static AbcSummary Analyze(ReadOnlySpan<double> values, Span<AbcEntry> destination, AbcOptions? options = null)
    {
        options ??= AbcOptions.Default;
        Guard.NotEmpty(values.Length, nameof(values));
        Guard.SameLength(values.Length, destination.Length, nameof(destination));
        return AnalyzeCore(values, destination, options, nameof(values));
    }

    /// <summary>Ranks and classifies a list of values; equal values are ranked by position.</summary>
    /// <param name="values">One value per customer; every value finite.</param>
    /// <param name="options">The options; <see langword="null"/> for <see cref="AbcOptions.Default"/>.</param>
    /// <returns>The entries in rank order, the summary, and the Pareto curve.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="values"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A value is NaN, infinite or subnormal (the message names its index).</exception>
    /// <exception cref="ArgumentException"><paramref name="values"/> is empty, or the positive values add up to more than <see cref="double.MaxValue"/>.</exception>
    public static AbcAnalysis Analyze(IReadOnlyList<double> values, AbcOptions? options = null)
    {
        Guard.NotNull(values, nameof(values));
        double[] copy = values is double[] array ? array : ToArray(values);
        var entries = new AbcEntry[copy.Length];
        AbcSummary summary = Analyze(copy, entries, options);
        return new AbcAnalysis(entries, summary);
    }

    /// <summary>
    /// Ranks and classifies keyed records (the script-friendly overload); equal values are ranked by
    /// id, ascending, so the result never depends on the order of <paramref name="source"/>.
    /// </summary>
    /// <typeparam name="T">The record type.</typeparam>
    /// <typeparam name="TId">The customer id type.</typeparam>
    /// <param name="source">The records, one per customer.</param>
    /// <param name="idSelector">Gets a record's customer id; ids must be unique and not null.</param>
    /// <param name="valueSelector">Gets a record's value; it must be finite.</param>
    /// <param name="options">The options; <see langword="null"/> for <see cref="AbcOptions.Default"/>.</param>
    /// <param name="idComparer">
    /// Orders ids to break ties; <see langword="null"/> for ordinal order of strings and
    /// <see cref="Comparer{T}.Default"/> for other types (which, for tuples or records holding
    /// strings, compares those strings by the current culture: pass an ordinal comparer for a
    /// culture-independent result).
    /// </param>
    /// <returns>The customers in rank order, the summary, and the Pareto curve.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="source"/>, <paramref name="idSelector"/> or <paramref name="valueSelector"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A value is NaN, infinite or subnormal (the message names the index and id, or the index).</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="source"/> is empty, an id is null or repeated (the message names both
    /// indices), ids cannot be compared, two distinct ids are equal under
    /// <paramref name="idComparer"/>, or the positive values add up to more than <see cref="double.MaxValue"/>.
    /// </exception>
    public static AbcAnalysis<TId> Analyze<T, TId>(
        IEnumerable<T> source,
        Func<T, TId> idSelector,
        Func<T, double> valueSelector,
        AbcOptions? options = null,
        IComparer<TId>? idComparer = null)
        where TId : notnull
    {
        Guard.NotNull(source, nameof(source));
        Guard.NotNull(idSelector, nameof(idSelector));
        Guard.NotNull(valueSelector, nameof(valueSelector));
        var ids = new List<TId>();
        var values = new List<double>();
        foreach (T item in source)
        {
            TId id = idSelector(item);
            double value = valueSelector(item);
            if (!Guard.IsUsableValue(value))
            {
                // Checked here, before the records are put in id order, so the index is the caller's.
                throw new ArgumentOutOfRangeException(
                    nameof(source),
                    value,
                    string.Format(
                        CultureInfo.InvariantCulture,
                        "The value of the record at index {0} (customer id '{1}') is {2}; every value must be a finite number, and not subnormal (0, or at least 2.2250738585072014E-308 in magnitude).",
                        ids.Count,
                        id,
                        value.ToString("R", CultureInfo.InvariantCulture)));
            }

            ids.Add(id);
            values.Add(value);
        }

        return AnalyzeKeyed(ids, values, options ?? AbcOptions.Default, idComparer, nameof(source));
    }

    /// <summary>
    /// Ranks and classifies keyed records with <see cref="decimal"/> values (ledger amounts); the
    /// values are converted to <see cref="double"/> (15–16 significant digits) before summation.
    /// </summary>
    /// <typeparam name="T">The record type.</typeparam>
    /// <typeparam name="TId">The customer id type.</typeparam>
    /// <param name="source">The records, one per customer.</param>
    /// <param name="idSelector">Gets a record's customer id; ids must be unique and not null.</param>
    /// <param name="valueSelector">Gets a record's value.</param>
    /// <param name="options">The options; <see langword="null"/> for <see cref="AbcOptions.Default"/>.</param>
    /// <param name="idComparer">Orders ids to break ties; <see langword="null"/> for the default order.</param>
    /// <returns>The customers in rank order, the summary, and the Pareto curve.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="source"/>, <paramref name="idSelector"/> or <paramref name="valueSelector"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="source"/> is empty, an id is null or repeated (the message names both
    /// indices), ids cannot be compared, two distinct ids are equal under
    /// <paramref name="idComparer"/>, or the positive values add up to more than <see cref="double.MaxValue"/>.
    /// </exception>
    public static AbcAnalysis<TId> Analyze<T, TId>(
        IEnumerable<T> source,
        Func<T, TId> idSelector,
        Func<T, decimal> valueSelector,
        AbcOptions? options = null,
        IComparer<TId>? idComparer = null)
        where TId : notnull
    {
        Guard.NotNull(valueSelector, nameof(valueSelector));

        // A decimal is always finite, so the double overload's checks pass for every record.
        return Analyze(source, idSelector, item => (double)valueSelector(item), options, idComparer);
    }

    private static AbcAnalysis<TId> AnalyzeKeyed<TId>(List<TId> ids, List<double> values, AbcOptions options, IComparer<TId>? idComparer, string sourceName)
        where TId : notnull
    {
        int n = ids.Count;
        Guard.NotEmpty(n, sourceName);
        var firstIndex = new Dictionary<TId, int>(n);
        for (int i = 0; i < n; i++)
        {
            TId id = ids[i];
            if (id is null)
            {
                throw new ArgumentException(string.Format(CultureInfo.InvariantCulture, "The customer id of the record at index {0} is null; every record needs an id.", i), sourceName);
            }

            if (firstIndex.TryGetValue(id, out int first))
            {
                throw new ArgumentException(
                    string.Format(CultureInfo.InvariantCulture, "Customer id '{0}' appears twice, at indices {1} and {2}; ids must be unique (sum the records of a customer first).", id, first, i),
                    sourceName);
            }

            firstIndex.Add(id, i);
        }

        IComparer<TId> comparer = idComparer ?? (typeof(TId) == typeof(string) ? (IComparer<TId>)(object)StringComparer.Ordinal : Comparer<TId>.Default);
        TId[] sortedIds = ids.ToArray();
        int[] rows = new int[n];
        for (int i = 0; i < n; i++)
        {
            rows[i] = i;
        }

        try
        {
            Array.Sort(sortedIds, rows, comparer);
        }
        catch (InvalidOperationException e)
        {
            throw new ArgumentException(
                string.Format(CultureInfo.InvariantCulture, "Customer ids of type {0} cannot be ordered to break ties; pass an idComparer.", typeof(TId).Name),
                nameof(idComparer),
                e);
        }

        for (int i = 1; i < n; i++)
        {
            if (comparer.Compare(sortedIds[i - 1], sortedIds[i]) == 0)
            {
                // Equal under the comparer but distinct ids: their order would depend on the input order.
                throw new ArgumentException(
                    string.Format(CultureInfo.InvariantCulture, "Customer ids '{0}' and '{1}' are distinct but equal under the id comparer ({2}), so ties between them could not be broken; pass an idComparer under which distinct ids differ (for example an ordinal one).", sortedIds[i - 1], sortedIds[i], idComparer is null ? "the default comparer of " + typeof(TId).Name : "the one given"),
                    nameof(idComparer));
            }
        }

        double[] byId = new double[n];
        for (int i = 0; i < n; i++)
        {
            byId[i] = values[rows[i]];
        }

        var entries = new AbcEntry[n];
        AbcSummary summary = AnalyzeCore(byId, entries, options, sourceName);
        var customers = new AbcCustomer<TId>[n];
        for (int r = 0; r < n; r++)
        {
            AbcEntry e = entries[r];
            customers[r] = new AbcCustomer<TId>(sortedIds[e.Index], options.LabelOf(e.ClassIndex), e.ClassIndex, e.Rank, e.Value, e.Share, e.CumulativeShare);
        }

        return new AbcAnalysis<TId>(customers, summary);
    }

    private static double[] ToArray(IReadOnlyList<double> values)
    {
        double[] copy = new double[values.Count];
        for (int i = 0; i < copy.Length; i++)
        {
            copy[i] = values[i];
        }

        return copy;
    }

    /// <summary>Checks the values (through the shared histogram), ranks them, and fills the entries and the summary.</summary>
    internal static AbcSummary AnalyzeCore(ReadOnlySpan<double> values, Span<AbcEntry> destination, AbcOptions options, string parameterName)
    {
        int n = values.Length;
        int classCount = options.RankedClassCount + 1;
        int nonPositiveClass = options.NonPositiveClassIndex;
        Span<int> counts = classCount <= 64 ? stackalloc int[classCount] : new int[classCount];
        Span<NeumaierSum> sums = classCount <= 64 ? stackalloc NeumaierSum[classCount] : new NeumaierSum[classCount];
        Span<double> minima = classCount <= 64 ? stackalloc double[classCount] : new double[classCount];
        Span<double> maxima = classCount <= 64 ? stackalloc double[classCount] : new double[classCount];
        counts.Clear();
        sums.Clear();

        // Pass 1 (shared with Classify): checks, totals and the buckets where breakpoints are crossed.
        using ShareHistogram histogram = ShareHistogram.Build(values, options, parameterName);
        int positiveCount = histogram.PositiveCount;
        double total = histogram.TotalValue;
        using RankedKeys ranked = DescendingRadixSort.Rank(values);
        ulong[] keys = ranked.Keys;
        int[] positions = ranked.Positions;

        // Pass 2, in rank order (values read back from the sorted keys, each entry written once):
        // the same walk as Classify, so the classes are the same bit for bit.
        NeumaierSum fold = default;
        NeumaierSum running = default;
        NeumaierSum valueRunning = default;
        int currentBucket = -1;
        int firstCut = 0;
        bool pendingBucket = false;
        int bucketClass = 0;
        double lorenzArea = 0;
        double previousValueShare = 0;
        for (int r = 0; r < positiveCount; r++)
        {
            double v = DescendingRadixSort.ValueOf(keys[r]);
            int b = ShareHistogram.BucketOfKey(keys[r]);
            if (b != currentBucket)
            {
                if (currentBucket >= 0)
                {
                    histogram.AddBucket(ref fold, currentBucket);
                }

                currentBucket = b;
                running = fold;
                ushort cls = histogram.ClassOfBucket(b);
                pendingBucket = cls == ShareHistogram.Pending;
                bucketClass = cls;
                firstCut = pendingBucket ? histogram.FirstCutIn(b) : 0;
            }

            double before = running.Value;
            running.Add(histogram.WeightOf(v));
            int classIndex = pendingBucket ? histogram.Decide(firstCut, before, running.Value) : bucketClass;

            valueRunning.Add(v);
            double cumulative = r == positiveCount - 1 ? 1.0 : Math.Min(1.0, valueRunning.Value / total);
            lorenzArea += previousValueShare + cumulative;
            previousValueShare = cumulative;
            destination[r] = new AbcEntry(positions[r], r + 1, classIndex, v, v / total, cumulative);
            Accumulate(classIndex, v, counts, sums, minima, maxima);
        }

        double lastCumulative = positiveCount > 0 ? 1.0 : 0.0;
        for (int r = positiveCount; r < n; r++)
        {
            int position = positions[r];
            double v = values[position];
            destination[r] = new AbcEntry(position, r + 1, nonPositiveClass, v, 0, lastCumulative);
            Accumulate(nonPositiveClass, v, counts, sums, minima, maxima);
        }

        var classes = new AbcClassSummary[classCount];
        for (int c = 0; c < classCount; c++)
        {
            bool isNonPositive = c == nonPositiveClass;
            double classValue = sums[c].Value;
            classes[c] = new AbcClassSummary(
                c,
                options.LabelOf(c),
                counts[c],
                n == 0 ? 0 : (double)counts[c] / n,
                classValue,
                isNonPositive || positiveCount == 0 ? 0 : classValue / total,
                counts[c] == 0 ? null : minima[c],
                counts[c] == 0 ? null : maxima[c])
            {
                IsNonPositiveClass = isNonPositive,
            };
        }

        // Area under the ABC curve by trapezoids: A = Σ (Cᵢ₋₁ + Cᵢ) ÷ 2m; Gini = 2A − 1.
        double gini = positiveCount <= 1 ? 0 : Math.Max(0, (lorenzArea / positiveCount) - 1);
        return new AbcSummary(options, n, positiveCount, total, classes, gini);
    }

    private static void Accumulate(int cls, double v, Span<int> counts, Span<NeumaierSum> sums, Span<double> minima, Span<double> maxima)
    {
        if (counts[cls] == 0)
        {
            minima[cls] = v;
            maxima[cls] = v;
        }
        else
        {
            if (v < minima[cls])
            {
                minima[cls] = v;
            }

            if (v > maxima[cls])
            {
                maxima[cls] = v;
            }
        }

        counts[cls]++;
        sums[cls].Add(v);
    }
}
