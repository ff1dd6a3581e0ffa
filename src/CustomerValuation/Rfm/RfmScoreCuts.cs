using System;
using System.Collections.Generic;
using CustomerValuation.Internal;

namespace CustomerValuation.Rfm;

/// <summary>
/// The global cut points of RFM scoring, small enough to broadcast: computed once from the merged
/// features (<see cref="RfmPartial{TId}.ToFeatures"/>) by <see cref="RfmPartial.ScoreCuts{TId}"/>, they score any customer locally with the
/// score that <see cref="RfmScorer.Score{TId}(RfmFeatureSet{TId}, RfmScoringOptions?, RfmSegmentTable?, System.Threading.CancellationToken)"/>
/// gives it over all the customers.
/// </summary>
/// <remarks>
/// <para>
/// Per dimension, in ascending bins (the score is the bin, or n + 1 − bin for recency, where fewer
/// days is better):
/// </para>
/// <para>
/// <see cref="RfmScoringMethod.ValueBreakpoints"/>: with the m values sorted ascending
/// x₍₀₎ ≤ … ≤ x₍ₘ₋₁₎ and h_j = (m − 1)·j ÷ n, the cut c_j = x₍⌊h_j⌋₎ for j = 1 … n − 1, and a
/// value v is in bin 1 + #{j : c_j &lt; v}. The type-7 edge e_j = x₍⌊h_j⌋₎ + (h_j − ⌊h_j⌋)(x₍⌊h_j⌋+1₎ − x₍⌊h_j⌋₎)
/// (reported by the scorer's summary) satisfies e_j &lt; v exactly when c_j &lt; v for every data
/// value v, since no value lies strictly between two neighbouring order statistics; the cuts
/// are data values, so the comparison is exact where the interpolated edge might round.
/// </para>
/// <para>
/// <see cref="RfmScoringMethod.RankEqualCount"/>: customers are ranked by (value, id order) — the
/// feature set's order, which breaks ties — and the first C_b ranks fill bins 1 … b (NTILE or
/// qcut counts). The cut of bin b is the value and id of the customer at rank C_b − 1; a customer
/// is in bin 1 + #{b : (v, id) follows cut b}. Both the value and the id must be broadcast, and
/// the id order of the whole (<see cref="IdComparer"/>: numeric when every id of the whole is an
/// integer string, ordinal otherwise), since a partition may hold only integer ids. Not available
/// for ids that are not comparable (their order is the order first seen).
/// </para>
/// <para><see cref="RfmScoringMethod.FixedThresholds"/>: the thresholds themselves.</para>
/// </remarks>
/// <typeparam name="TId">The customer id type.</typeparam>
public sealed class RfmScoreCuts<TId>
    where TId : notnull
{
    internal RfmScoreCuts(RfmScoringOptions options, IComparer<TId>? idComparer, RfmDimensionCuts<TId> recency, RfmDimensionCuts<TId> frequency, RfmDimensionCuts<TId> monetary)
    {
        Options = options;
        IdComparer = idComparer;
        Recency = recency;
        Frequency = frequency;
        Monetary = monetary;
    }

    /// <summary>The scoring options.</summary>
    public RfmScoringOptions Options { get; }

    /// <summary>The id order of the whole feature set, which breaks ties in the rank method; null for ids that are not comparable.</summary>
    public IComparer<TId>? IdComparer { get; }

    /// <summary>
    /// True when the ids are strings ordered numerically (every id of the whole set is an integer
    /// string); broadcast it with the cuts and give it back to <see cref="RfmPartial.RestoreScoreCuts{TId}"/>.
    /// </summary>
    public bool NumericIdOrder => ReferenceEquals(IdComparer, IdOrdering.NumericStrings);

    /// <summary>The cuts of recency.</summary>
    public RfmDimensionCuts<TId> Recency { get; }

    /// <summary>The cuts of frequency.</summary>
    public RfmDimensionCuts<TId> Frequency { get; }

    /// <summary>The cuts of monetary.</summary>
    public RfmDimensionCuts<TId> Monetary { get; }

    internal static RfmScoreCuts<TId> FromFeatures(RfmFeatureSet<TId> features, RfmScoringOptions? options)
    {
        Guard.NotNull(features, nameof(features));
        options ??= RfmScoringOptions.Default;
        int m = features.Count;
        if (m == 0)
        {
            throw new ArgumentException("The feature set has no customer; RFM scoring needs at least one.", nameof(features));
        }

        var ids = new TId[m];
        var recency = new double[m];
        var frequency = new double[m];
        var monetary = new double[m];
        var recencyKeys = new ulong[m];
        var frequencyKeys = new ulong[m];
        var monetaryKeys = new ulong[m];
        int k = 0;
        foreach (RfmCustomerFeatures<TId> c in features)
        {
            ids[k] = c.Id;
            recency[k] = c.RecencyDays;
            frequency[k] = c.Frequency;
            monetary[k] = (double)c.Monetary;
            recencyKeys[k] = RankBinner.Key(c.RecencyDays);
            frequencyKeys[k] = RankBinner.Key(c.Frequency);
            monetaryKeys[k] = RankBinner.Key(monetary[k]);
            k++;
        }

        IComparer<TId>? comparer = RfmPartial<TId>.ComparerFor(ids);
        return new RfmScoreCuts<TId>(
            options,
            comparer,
            RfmDimensionCuts<TId>.Build(RfmDimension.Recency, options.Recency, options.ScoreCount, recency, recencyKeys, ids, comparer),
            RfmDimensionCuts<TId>.Build(RfmDimension.Frequency, options.Frequency, options.ScoreCount, frequency, frequencyKeys, ids, comparer),
            RfmDimensionCuts<TId>.Build(RfmDimension.Monetary, options.Monetary, options.ScoreCount, monetary, monetaryKeys, ids, comparer));
    }

    /// <summary>Scores one customer of the whole with the broadcast cuts.</summary>
    /// <param name="customer">The customer's features (from any partition's feature set, or the merged one).</param>
    /// <returns>The score that the scorer gives it over all the customers.</returns>
    public RfmScore Score(RfmCustomerFeatures<TId> customer) =>
        Score(customer.Id, customer.RecencyDays, customer.Frequency, customer.Monetary);

    /// <summary>Scores one customer of the whole with the broadcast cuts.</summary>
    /// <param name="id">The customer id (breaks ties under the rank method).</param>
    /// <param name="recencyDays">Its recency, in days.</param>
    /// <param name="frequency">Its frequency.</param>
    /// <param name="monetary">Its monetary value.</param>
    /// <returns>The score that the scorer gives it over all the customers.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is null.</exception>
    public RfmScore Score(TId id, int recencyDays, int frequency, decimal monetary)
    {
        if (id is null)
        {
            throw new ArgumentNullException(nameof(id));
        }

        double m = (double)monetary;
        return new RfmScore(
            Recency.ScoreOf(recencyDays, RankBinner.Key(recencyDays), id, IdComparer),
            Frequency.ScoreOf(frequency, RankBinner.Key(frequency), id, IdComparer),
            Monetary.ScoreOf(m, RankBinner.Key(m), id, IdComparer));
    }
}

/// <summary>The cut points of one RFM dimension (see <see cref="RfmScoreCuts{TId}"/> for their meaning).</summary>
/// <typeparam name="TId">The customer id type.</typeparam>
public sealed class RfmDimensionCuts<TId>
    where TId : notnull
{
    private readonly double[] _values;
    private readonly ulong[] _keys;
    private readonly TId[] _ids;

    private RfmDimensionCuts(RfmDimension dimension, RfmScoringMethod method, int scoreCount, double[] values, ulong[] keys, TId[] ids)
    {
        Dimension = dimension;
        Method = method;
        ScoreCount = scoreCount;
        _values = values;
        _keys = keys;
        _ids = ids;
        Values = Array.AsReadOnly(values);
        Ids = Array.AsReadOnly(ids);
    }

    /// <summary>The dimension.</summary>
    public RfmDimension Dimension { get; }

    /// <summary>The scoring method.</summary>
    public RfmScoringMethod Method { get; }

    /// <summary>The number of scores.</summary>
    public int ScoreCount { get; }

    /// <summary>The n − 1 cut values, ascending bins: a value above cut j (value methods) or after cut j in (value, id) order (rank method) is in a higher bin.</summary>
    public IReadOnlyList<double> Values { get; }

    /// <summary>Under the rank method the id at each cut (ties in value are broken by it); empty for the other methods.</summary>
    public IReadOnlyList<TId> Ids { get; }

    internal static RfmDimensionCuts<TId> Build(RfmDimension dimension, RfmDimensionScoring scoring, int n, double[] values, ulong[] keys, TId[] ids, IComparer<TId>? comparer)
    {
        int m = values.Length;
        var cuts = new double[n - 1];
        var cutKeys = new ulong[n - 1];
        if (scoring.Method == RfmScoringMethod.FixedThresholds)
        {
            for (int j = 0; j < n - 1; j++)
            {
                cuts[j] = scoring.Thresholds[j];
            }

            return new RfmDimensionCuts<TId>(dimension, scoring.Method, n, cuts, cutKeys, []);
        }

        // Ranks: (key, position in the feature set) ascending; the position is the id order.
        int[] order = new int[m];
        for (int i = 0; i < m; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, (a, b) => keys[a] != keys[b] ? keys[a].CompareTo(keys[b]) : a.CompareTo(b));
        if (scoring.Method == RfmScoringMethod.ValueBreakpoints)
        {
            for (int j = 1; j < n; j++)
            {
                cuts[j - 1] = values[order[(int)((long)(m - 1) * j / n)]];
            }

            return new RfmDimensionCuts<TId>(dimension, scoring.Method, n, cuts, cutKeys, []);
        }

        if (comparer is null)
        {
            throw new NotSupportedException(
                "The rank scoring method breaks ties by id order, but ids of type " + typeof(TId).Name + " are not comparable (the feature set keeps them in first-seen order), so the cuts cannot be broadcast; use comparable ids or the value-breakpoint method.");
        }

        long[] counts = RankBinner.CumulativeCounts(m, n, scoring.RankBinning);
        var cutIds = new TId[n - 1];
        for (int b = 1; b < n; b++)
        {
            // counts[b] ≥ 1 for every b when m ≥ 1 (NTILE and qcut both put a customer in bin 1).
            int last = order[(int)counts[b] - 1];
            cuts[b - 1] = values[last];
            cutKeys[b - 1] = keys[last];
            cutIds[b - 1] = ids[last];
        }

        return new RfmDimensionCuts<TId>(dimension, scoring.Method, n, cuts, cutKeys, cutIds);
    }

    internal static RfmDimensionCuts<TId> Restore(RfmDimension dimension, RfmDimensionScoring scoring, int n, IReadOnlyList<double> values, IReadOnlyList<TId> ids, string valuesName, string idsName)
    {
        Guard.NotNull(values, valuesName);
        Guard.NotNull(ids, idsName);
        bool rank = scoring.Method == RfmScoringMethod.RankEqualCount;
        if (values.Count != n - 1 || ids.Count != (rank ? n - 1 : 0))
        {
            throw new ArgumentException(
                string.Format(
                    System.Globalization.CultureInfo.InvariantCulture,
                    "The {0} cuts have {1} values and {2} ids; {3} scores by {4} need {5} values and {6} ids (as broadcast from RfmScoreCuts).",
                    dimension,
                    values.Count,
                    ids.Count,
                    n,
                    scoring.Method,
                    n - 1,
                    rank ? n - 1 : 0),
                values.Count != n - 1 ? valuesName : idsName);
        }

        var cuts = new double[n - 1];
        var keys = new ulong[n - 1];
        var cutIds = new TId[ids.Count];
        for (int j = 0; j < cuts.Length; j++)
        {
            double v = values[j];
            if (double.IsNaN(v) || double.IsInfinity(v))
            {
                Guard.ThrowNotFinite(v, valuesName, j);
            }

            cuts[j] = v;
            keys[j] = dimension == RfmDimension.Monetary ? RankBinner.Key(v) : RankBinner.Key((int)v);
        }

        for (int j = 0; j < cutIds.Length; j++)
        {
            cutIds[j] = ids[j] ?? throw new ArgumentNullException(idsName, "The id of cut " + j.ToString(System.Globalization.CultureInfo.InvariantCulture) + " is null.");
        }

        return new RfmDimensionCuts<TId>(dimension, scoring.Method, n, cuts, keys, cutIds);
    }

    internal byte ScoreOf(double value, ulong key, TId id, IComparer<TId>? comparer)
    {
        int bin = 1;
        if (Method == RfmScoringMethod.RankEqualCount)
        {
            for (int b = 0; b < _keys.Length; b++)
            {
                bin += key > _keys[b] || (key == _keys[b] && comparer!.Compare(id, _ids[b]) > 0) ? 1 : 0;
            }
        }
        else
        {
            for (int j = 0; j < _values.Length; j++)
            {
                bin += _values[j] < value ? 1 : 0;
            }
        }

        return (byte)(Dimension == RfmDimension.Recency ? ScoreCount + 1 - bin : bin);
    }
}
