using System.Collections.Generic;

namespace CustomerValuation.Rfm;

/// <summary>How one dimension was scored: the edges actually used and the customers per score.</summary>
/// <remarks>
/// <para>
/// All lists indexed by score are in score order: element 0 is score 1, element n − 1 is score n
/// (the best). Values are the dimension's own units (days, purchases, money).
/// </para>
/// <para>
/// <see cref="Edges"/> depends on the method, always in ascending value order:
/// <list type="bullet">
/// <item><description>value breakpoints: the n + 1 type-7 quantiles e₀ = minimum, e₁, …, e_n = maximum;</description></item>
/// <item><description>fixed thresholds: the n − 1 thresholds as given;</description></item>
/// <item><description>rank: n − 1 values, the highest value in each ascending bin 1 … n − 1 (the value at the cut; ties may lie on both sides of it). A bin with no customer (fewer customers than scores) repeats the previous edge.</description></item>
/// </list>
/// </para>
/// </remarks>
public sealed class RfmDimensionSummary
{
    internal RfmDimensionSummary(
        RfmDimension dimension,
        RfmDimensionScoring scoring,
        double[] edges,
        int[] duplicateEdges,
        int[] countPerScore,
        double?[] minimumPerScore,
        double?[] maximumPerScore)
    {
        Dimension = dimension;
        Scoring = scoring;
        Edges = System.Array.AsReadOnly(edges);
        DuplicateEdges = System.Array.AsReadOnly(duplicateEdges);
        CountPerScore = System.Array.AsReadOnly(countPerScore);
        MinimumPerScore = System.Array.AsReadOnly(minimumPerScore);
        MaximumPerScore = System.Array.AsReadOnly(maximumPerScore);
        var missing = new List<int>();
        for (int s = 0; s < countPerScore.Length; s++)
        {
            if (countPerScore[s] == 0)
            {
                missing.Add(s + 1);
            }
        }

        MissingScores = missing.AsReadOnly();
    }

    /// <summary>The dimension.</summary>
    public RfmDimension Dimension { get; }

    /// <summary>The scoring that was applied.</summary>
    public RfmDimensionScoring Scoring { get; }

    /// <summary>The number of scores n.</summary>
    public int ScoreCount => CountPerScore.Count;

    /// <summary>The edges actually used, ascending in value (see the remarks of the class for each method).</summary>
    /// <remarks>
    /// Value-breakpoint edges are shown rounded to double; the scores come from exact comparisons of the
    /// values with the order statistics, so where two data values are neighbouring doubles a printed edge
    /// may round onto one of them.
    /// </remarks>
    public IReadOnlyList<double> Edges { get; }

    /// <summary>
    /// For value breakpoints, the indices j (into <see cref="Edges"/>) where e_j = e_(j+1) exactly; empty for
    /// the other methods. For j ≥ 1 the bin (e_j, e_(j+1)] is then empty; e₀ = e₁ empties nothing, because the
    /// lowest bin includes the minimum. Not an error: the empty levels are in <see cref="MissingScores"/>
    /// (which can also list levels that are empty for other reasons).
    /// </summary>
    public IReadOnlyList<int> DuplicateEdges { get; }

    /// <summary>The number of customers with each score (element s − 1 for score s).</summary>
    public IReadOnlyList<int> CountPerScore { get; }

    /// <summary>The smallest value among the customers with each score; null where no customer has it.</summary>
    public IReadOnlyList<double?> MinimumPerScore { get; }

    /// <summary>The largest value among the customers with each score; null where no customer has it.</summary>
    public IReadOnlyList<double?> MaximumPerScore { get; }

    /// <summary>The scores (1 … n) that no customer got, in increasing order.</summary>
    public IReadOnlyList<int> MissingScores { get; }
}

/// <summary>The per-dimension summaries of one scoring run.</summary>
public sealed class RfmScoringSummary
{
    internal RfmScoringSummary(RfmDimensionSummary recency, RfmDimensionSummary frequency, RfmDimensionSummary monetary, RfmScoringOptions options, int customerCount)
    {
        Recency = recency;
        Frequency = frequency;
        Monetary = monetary;
        Options = options;
        CustomerCount = customerCount;
    }

    /// <summary>How recency was scored.</summary>
    public RfmDimensionSummary Recency { get; }

    /// <summary>How frequency was scored.</summary>
    public RfmDimensionSummary Frequency { get; }

    /// <summary>How monetary was scored.</summary>
    public RfmDimensionSummary Monetary { get; }

    /// <summary>The options of the run.</summary>
    public RfmScoringOptions Options { get; }

    /// <summary>The number of customers scored.</summary>
    public int CustomerCount { get; }

    /// <summary>The summary of one dimension.</summary>
    /// <param name="dimension">The dimension.</param>
    /// <returns><see cref="Recency"/>, <see cref="Frequency"/> or <see cref="Monetary"/>.</returns>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="dimension"/> is not a defined value.</exception>
    public RfmDimensionSummary For(RfmDimension dimension) => dimension switch
    {
        RfmDimension.Recency => Recency,
        RfmDimension.Frequency => Frequency,
        RfmDimension.Monetary => Monetary,
        _ => throw new System.ArgumentOutOfRangeException(nameof(dimension), dimension, "Use Recency, Frequency or Monetary."),
    };
}
