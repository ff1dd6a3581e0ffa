using System;
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.ExceptionServices;
using System.Threading.Tasks;
using CustomerValuation.Internal;

namespace CustomerValuation.Tiering;

/// <summary>
/// Scores customers on a <see cref="Scorecard"/> and puts them in tiers: per criterion the raw
/// values are normalised to [0, 1] (and turned round for lower-is-better criteria), weighted and
/// summed into a composite score with each criterion's contribution (see <see cref="Scorecard"/>).
/// </summary>
/// <remarks>
/// Missing values: NaN in the span overload, null in the selector overload. Under
/// <see cref="MissingValuePolicy.Substitute"/> the substitute raw value takes the missing value's
/// place before normalisation (so it takes part in the criterion's minimum, maximum, ranks and
/// mean); under <see cref="MissingValuePolicy.RenormalizeWeights"/> the criterion is left out of
/// that customer's score and the weights of the criteria present are renormalised. A customer with
/// fewer than <see cref="Scorecard.MinimumCriteriaShare"/> of the criteria (or with only zero-weight
/// criteria present) is reported as <see cref="ScorecardStatus.TooFewCriteria"/>, without score or
/// tier. Every customer comes out exactly once, in input order. Time O(n·k) plus one radix sort per
/// rank-percentile criterion and one for quota tiers.
/// </remarks>
public static class ScorecardScorer
{
    /// <summary>Scores the rows of a customers × criteria matrix.</summary>
    /// <param name="values">Row-major: customer i's value for criterion j at [i × k + j], k = the number of criteria; NaN = missing.</param>
    /// <param name="scorecard">The scorecard.</param>
    /// <param name="tiers">The tier rule, or null for scores only.</param>
    /// <param name="maxDegreeOfParallelism">How many criteria may be normalised at once on thread-pool threads: 1 (the default) keeps all the work on the calling thread; −1 lets the runtime choose. The result is the same either way.</param>
    /// <returns>Every row's result; ids are row indexes.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="scorecard"/> is null.</exception>
    /// <exception cref="ArgumentException">The input is empty or its length is not a multiple of the number of criteria; or a value is missing under <see cref="MissingValuePolicy.Reject"/> (the message names the row and the criterion).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxDegreeOfParallelism"/> is 0 or below −1; a value is infinite, outside an already-scored criterion's scale or below its first band, or a score falls outside the threshold tiers (the message names the row).</exception>
    public static ScorecardResult<int> Score(ReadOnlySpan<double> values, Scorecard scorecard, TierRule? tiers = null, int maxDegreeOfParallelism = 1)
    {
        Guard.NotNull(scorecard, nameof(scorecard));
        CheckParallelism(maxDegreeOfParallelism);
        int k = scorecard.Criteria.Count;
        if (values.Length == 0 || values.Length % k != 0)
        {
            throw new ArgumentException(
                string.Format(CultureInfo.InvariantCulture, "The input has {0} values; it must hold one value per criterion ({1}) for at least one customer.", values.Length, k),
                nameof(values));
        }

        int n = values.Length / k;
        var ids = new int[n];
        for (int i = 0; i < n; i++)
        {
            ids[i] = i;
        }

        return Core(values, ids, scorecard, tiers, maxDegreeOfParallelism, nameof(values), i => string.Format(CultureInfo.InvariantCulture, "Row {0}", i));
    }

    /// <summary>Scores customers given with selectors.</summary>
    /// <typeparam name="T">The input item type.</typeparam>
    /// <typeparam name="TId">The customer id type.</typeparam>
    /// <param name="customers">The customers.</param>
    /// <param name="idSelector">The customer id; ids must be unique (default equality).</param>
    /// <param name="valuesSelector">The customer's values in criterion order; null = missing.</param>
    /// <param name="scorecard">The scorecard.</param>
    /// <param name="tiers">The tier rule, or null for scores only.</param>
    /// <param name="maxDegreeOfParallelism">How many criteria may be normalised at once on thread-pool threads: 1 (the default) keeps all the work on the calling thread; −1 lets the runtime choose. The result is the same either way.</param>
    /// <returns>Every customer's result, in input order.</returns>
    /// <exception cref="ArgumentNullException">An argument, an id or a values list is null.</exception>
    /// <exception cref="ArgumentException">No customers, a repeated id, a values list of the wrong length, or a value missing under <see cref="MissingValuePolicy.Reject"/> (the message names the customer and the criterion).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxDegreeOfParallelism"/> is 0 or below −1; a value is NaN or infinite, outside an already-scored criterion's scale or below its first band, or a score falls outside the threshold tiers (the message names the customer).</exception>
    public static ScorecardResult<TId> Score<T, TId>(
        IEnumerable<T> customers,
        Func<T, TId> idSelector,
        Func<T, IReadOnlyList<double?>> valuesSelector,
        Scorecard scorecard,
        TierRule? tiers = null,
        int maxDegreeOfParallelism = 1)
        where TId : notnull
    {
        Guard.NotNull(customers, nameof(customers));
        Guard.NotNull(idSelector, nameof(idSelector));
        Guard.NotNull(valuesSelector, nameof(valuesSelector));
        Guard.NotNull(scorecard, nameof(scorecard));
        CheckParallelism(maxDegreeOfParallelism);
        int k = scorecard.Criteria.Count;
        var ids = new List<TId>();
        var matrix = new List<double>();
        var seen = new HashSet<TId>();
        foreach (T item in customers)
        {
            TId id = idSelector(item) ?? throw new ArgumentNullException(nameof(idSelector), string.Format(CultureInfo.InvariantCulture, "The id of customer {0} is null.", ids.Count));
            if (!seen.Add(id))
            {
                throw new ArgumentException(string.Format(CultureInfo.InvariantCulture, "Customer '{0}' is given twice; ids must be unique.", id), nameof(customers));
            }

            IReadOnlyList<double?> row = valuesSelector(item)
                ?? throw new ArgumentNullException(nameof(valuesSelector), string.Format(CultureInfo.InvariantCulture, "The values of customer '{0}' are null.", id));
            if (row.Count != k)
            {
                throw new ArgumentException(
                    string.Format(CultureInfo.InvariantCulture, "Customer '{0}' has {1} values but the scorecard has {2} criteria.", id, row.Count, k),
                    nameof(valuesSelector));
            }

            for (int j = 0; j < k; j++)
            {
                double? v = row[j];
                if (v is double x && double.IsNaN(x))
                {
                    throw new ArgumentOutOfRangeException(
                        nameof(valuesSelector),
                        x,
                        string.Format(CultureInfo.InvariantCulture, "Customer '{0}': criterion '{1}' is NaN; give null for a missing value.", id, scorecard.Criteria[j].Name));
                }

                matrix.Add(v ?? double.NaN);
            }

            ids.Add(id);
        }

        if (ids.Count == 0)
        {
            throw new ArgumentException("The input is empty; scoring needs at least one customer.", nameof(customers));
        }

        TId[] idArray = ids.ToArray();
        return Core(matrix.ToArray(), idArray, scorecard, tiers, maxDegreeOfParallelism, nameof(valuesSelector), i => string.Format(CultureInfo.InvariantCulture, "Customer '{0}'", idArray[i]));
    }

    private static void CheckParallelism(int maxDegreeOfParallelism)
    {
        if (maxDegreeOfParallelism == 0 || maxDegreeOfParallelism < -1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxDegreeOfParallelism), maxDegreeOfParallelism, "Use 1 for the calling thread only, a larger number for at most that many threads, or −1 for the runtime's choice.");
        }
    }

    private static ScorecardResult<TId> Core<TId>(ReadOnlySpan<double> values, TId[] ids, Scorecard scorecard, TierRule? tiers, int maxDegreeOfParallelism, string valuesParameter, Func<int, string> describeRow)
    {
        int k = scorecard.Criteria.Count;
        int n = ids.Length;
        ReadOnlySpan<double> weights = scorecard.NormalizedWeights;
        double scale = scorecard.Scale;
        MissingValuePolicy policy = scorecard.MissingValues;
        int needed = (int)Math.Ceiling((scorecard.MinimumCriteriaShare * k) - 1e-9);

        // First pass, by row: check the values, count the criteria present and find each scored
        // customer's weight present (the denominator of its renormalised weights).
        var present = new int[n];
        var scores = new double[n];
        double[] weightPresent = PooledArray.Rent<double>(n);
        double[] column = PooledArray.Rent<double>(n);
        double[] normalized = PooledArray.Rent<double>(n * k);
        try
        {
            for (int i = 0; i < n; i++)
            {
                int row = i * k;
                int count = 0;
                double presentWeight = 0;
                for (int j = 0; j < k; j++)
                {
                    double x = values[row + j];
                    if (double.IsNaN(x))
                    {
                        if (policy == MissingValuePolicy.Reject)
                        {
                            throw new ArgumentException(
                                string.Format(CultureInfo.InvariantCulture, "{0} has no value for criterion '{1}' and the missing-value policy is Reject. Supply it, or choose Substitute or RenormalizeWeights.", describeRow(i), scorecard.CriterionAt(j).Name),
                                valuesParameter);
                        }

                        if (policy == MissingValuePolicy.RenormalizeWeights)
                        {
                            continue;
                        }
                    }
                    else if (double.IsInfinity(x))
                    {
                        throw new ArgumentOutOfRangeException(
                            valuesParameter,
                            x,
                            string.Format(CultureInfo.InvariantCulture, "{0}: criterion '{1}' is {2}; values must be finite (NaN or null for missing).", describeRow(i), scorecard.CriterionAt(j).Name, x));
                    }

                    count++;
                    presentWeight += weights[j];
                }

                present[i] = count;
                bool scored = count >= needed && presentWeight > 0;
                weightPresent[i] = scored ? presentWeight : 0;
                scores[i] = scored ? 0 : double.NaN;
            }

            // Then by criterion: normalise each column (turned round for lower-is-better criteria)
            // into pooled column storage; then one pass by row writes the contributions in order.
            double[] raw = PooledArray.Rent<double>(n * k);
            try
            {
                for (int i = 0; i < n; i++)
                {
                    int row = i * k;
                    for (int j = 0; j < k; j++)
                    {
                        raw[(j * n) + i] = values[row + j];
                    }
                }

                double[] normalizedColumns = normalized;
                var errors = new Exception?[k];
                void NormalizeColumn(int j)
                {
                    try
                    {
                        NormalizeColumnCore(j);
                    }
                    catch (ArgumentException e)
                    {
                        errors[j] = e;
                    }
                }

                void NormalizeColumnCore(int j)
                {
                    Criterion criterion = scorecard.CriterionAt(j);
                        double substitute = policy == MissingValuePolicy.Substitute ? criterion.Substitute!.Value : double.NaN;
                    Span<double> source = raw.AsSpan(j * n, n);
                    if (!double.IsNaN(substitute))
                    {
                        for (int i = 0; i < n; i++)
                        {
                            if (double.IsNaN(source[i]))
                            {
                                source[i] = substitute;
                            }
                        }
                    }

                    Span<double> target = normalizedColumns.AsSpan(j * n, n);
                    criterion.Normalization.Normalize(source, target, describeRow, criterion.Name, valuesParameter);
                    if (criterion.Direction == CriterionDirection.LowerIsBetter)
                    {
                        for (int i = 0; i < n; i++)
                        {
                            target[i] = 1 - target[i]; // NaN (missing) stays NaN
                        }
                    }
                }

                if (maxDegreeOfParallelism == 1 || k == 1)
                {
                    for (int j = 0; j < k; j++)
                    {
                        NormalizeColumn(j);
                    }
                }
                else
                {
                    Parallel.For(0, k, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism }, NormalizeColumn);
                }

                // The same error whatever the threads did: the first failing criterion's.
                foreach (Exception? error in errors)
                {
                    if (error is not null)
                    {
                        ExceptionDispatchInfo.Capture(error).Throw();
                    }
                }
            }
            finally
            {
                PooledArray.Return(ref raw, 0);
            }

            var contributions = new double[n * k];
            for (int i = 0; i < n; i++)
            {
                double pw = weightPresent[i];
                if (pw == 0)
                {
                    continue;
                }

                double sum = 0;
                int row = i * k;
                for (int j = 0; j < k; j++)
                {
                    // scale × (w / weight present) × v: the ratio is at most 1, so nothing overflows even for scale 1e308.
                    double v = normalized[(j * n) + i];
                    double c = double.IsNaN(v) ? 0 : scale * (weights[j] / pw) * v;
                    contributions[row + j] = c;
                    sum += c;
                }

                scores[i] = sum;
            }

            for (int i = 0; i < n; i++)
            {
                scores[i] = Math.Max(0, Math.Min(scale, scores[i])); // NaN (not scored) stays NaN
            }

            var tierIndex = new int[n];
            if (tiers is null)
            {
                tierIndex.AsSpan().Fill(-1);
            }
            else
            {
                tiers.Assign(scores, tierIndex, describeRow, nameof(tiers));
            }

            return new ScorecardResult<TId>(ids, scores, tierIndex, present, contributions, scorecard, tiers);
        }
        finally
        {
            PooledArray.Return(ref weightPresent, 0);
            PooledArray.Return(ref column, 0);
            PooledArray.Return(ref normalized, 0);
        }
    }
}
