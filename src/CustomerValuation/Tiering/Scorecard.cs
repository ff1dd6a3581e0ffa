using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CustomerValuation.Internal;

namespace CustomerValuation.Tiering;

/// <summary>
/// A weighted scorecard: criteria with directions, normalisations and weights, a policy for
/// missing values and the scale of the composite score. Immutable; validated when built.
/// </summary>
/// <remarks>
/// Composite score of a customer c with the criteria P present:
/// S(c) = scale × Σ_{i∈P} w′ᵢ · vᵢ(c), where vᵢ is the normalised value turned round for
/// lower-is-better criteria (v ↦ 1 − v) and w′ the weights normalised to sum to 1 (over all
/// criteria, or over P under <see cref="MissingValuePolicy.RenormalizeWeights"/>). Each term
/// scale × w′ᵢ · vᵢ is the criterion's contribution, so a customer's contributions add up to its score.
/// </remarks>
public sealed class Scorecard
{
    private readonly Criterion[] _criteria;
    private readonly double[] _weights;

    /// <summary>Creates a scorecard.</summary>
    /// <param name="criteria">The criteria, in the order the values are given; at least one, names unique (ordinal).</param>
    /// <param name="missingValues">What to do with a missing value; <see cref="MissingValuePolicy.Reject"/> by default.</param>
    /// <param name="minimumCriteriaShare">The share of the criteria (by count) a customer must have to be scored, in (0, 1]; 0.5 by default. Customers below it are reported as <see cref="ScorecardStatus.TooFewCriteria"/>.</param>
    /// <param name="scale">The composite score's top: scores lie in [0, scale]; 100 by default.</param>
    /// <exception cref="ArgumentNullException"><paramref name="criteria"/> or one of its items is null.</exception>
    /// <exception cref="ArgumentException">No criteria, a repeated name, all weights zero, or the substitute policy with a criterion that has no substitute (the message names it).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="minimumCriteriaShare"/> outside (0, 1], <paramref name="scale"/> not finite and positive, or <paramref name="missingValues"/> not defined.</exception>
    public Scorecard(IEnumerable<Criterion> criteria, MissingValuePolicy missingValues = MissingValuePolicy.Reject, double minimumCriteriaShare = 0.5, double scale = 100)
    {
        _criteria = Guard.NotNull(criteria, nameof(criteria)).ToArray();
        if (_criteria.Length == 0)
        {
            throw new ArgumentException("A scorecard needs at least one criterion.", nameof(criteria));
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < _criteria.Length; i++)
        {
            Criterion c = _criteria[i] ?? throw new ArgumentNullException(nameof(criteria), string.Format(CultureInfo.InvariantCulture, "Criterion {0} is null.", i));
            if (!names.Add(c.Name))
            {
                throw new ArgumentException(string.Format(CultureInfo.InvariantCulture, "Criterion name '{0}' is given twice; names must be unique.", c.Name), nameof(criteria));
            }

            if (missingValues == MissingValuePolicy.Substitute && c.Substitute is null)
            {
                throw new ArgumentException(
                    string.Format(CultureInfo.InvariantCulture, "The missing-value policy is Substitute but criterion '{0}' has no substitute value; give one, or use another policy.", c.Name),
                    nameof(criteria));
            }
        }

        if (missingValues is not (MissingValuePolicy.Reject or MissingValuePolicy.Substitute or MissingValuePolicy.RenormalizeWeights))
        {
            throw new ArgumentOutOfRangeException(nameof(missingValues), missingValues, "Use Reject, Substitute or RenormalizeWeights.");
        }

        if (!(minimumCriteriaShare > 0 && minimumCriteriaShare <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(minimumCriteriaShare), minimumCriteriaShare, "The minimum share of criteria present must be above 0 and at most 1.");
        }

        if (!(scale > 0) || double.IsInfinity(scale))
        {
            throw new ArgumentOutOfRangeException(nameof(scale), scale, "The scale must be a finite number above 0 (100 for scores out of 100).");
        }

        // Divide by the largest weight first, so that weights near the largest double still add up.
        double largest = _criteria.Max(c => c.Weight);
        if (!(largest > 0))
        {
            throw new ArgumentException("The weights add up to 0; at least one must be above 0.", nameof(criteria));
        }

        double total = _criteria.Sum(c => c.Weight / largest);
        _weights = _criteria.Select(c => c.Weight / largest / total).ToArray();
        MissingValues = missingValues;
        MinimumCriteriaShare = minimumCriteriaShare;
        Scale = scale;
    }

    /// <summary>The criteria, in the order the values are given.</summary>
    public IReadOnlyList<Criterion> Criteria => Array.AsReadOnly(_criteria);

    /// <summary>The weights normalised to sum to 1, in criterion order.</summary>
    public IReadOnlyList<double> Weights => Array.AsReadOnly(_weights);

    /// <value>The missing-value policy; <see cref="MissingValuePolicy.Reject"/> by default.</value>
    public MissingValuePolicy MissingValues { get; }

    /// <value>The share of criteria a customer needs to be scored; 0.5 by default.</value>
    public double MinimumCriteriaShare { get; }

    /// <value>The top of the composite score; 100 by default.</value>
    public double Scale { get; }

    internal ReadOnlySpan<double> NormalizedWeights => _weights;

    internal Criterion CriterionAt(int index) => _criteria[index];

    /// <summary>A copy with the weights of an AHP analysis (in criterion order).</summary>
    /// <param name="ahp">The analysis; its matrix must have one row per criterion and be consistent enough.</param>
    /// <returns>The copy.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ahp"/> is null.</exception>
    /// <exception cref="ArgumentException">The analysis has another number of criteria, or its consistency ratio is above its limit.</exception>
    public Scorecard WithAhpWeights(AhpResult ahp)
    {
        Guard.NotNull(ahp, nameof(ahp));
        if (ahp.Weights.Count != _criteria.Length)
        {
            throw new ArgumentException(
                string.Format(CultureInfo.InvariantCulture, "The AHP matrix compares {0} criteria but the scorecard has {1}.", ahp.Weights.Count, _criteria.Length),
                nameof(ahp));
        }

        if (!ahp.IsConsistent)
        {
            throw new ArgumentException(
                string.Format(CultureInfo.InvariantCulture, "The AHP judgements are inconsistent: consistency ratio {0:0.000} is above the limit {1:0.000}. Revise the pairwise comparisons.", ahp.ConsistencyRatio, ahp.ConsistencyLimit),
                nameof(ahp));
        }

        return new Scorecard(_criteria.Select((c, i) => c.WithWeight(ahp.Weights[i])), MissingValues, MinimumCriteriaShare, Scale);
    }
}
