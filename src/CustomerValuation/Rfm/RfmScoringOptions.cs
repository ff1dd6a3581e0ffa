using System;
using System.Globalization;
using CustomerValuation.Internal;

namespace CustomerValuation.Rfm;

/// <summary>
/// Immutable, validated settings of RFM scoring: the number of scores, the method of each dimension,
/// and the weights of the combined score.
/// </summary>
/// <remarks>
/// Every dimension is scored 1 … <see cref="ScoreCount"/>, n being the best (most recent, most
/// frequent, highest spend). The combined score is
/// w_R·R + w_F·F + w_M·M with the weights of <see cref="RecencyWeight"/>,
/// <see cref="FrequencyWeight"/> and <see cref="MonetaryWeight"/> (1, 1, 1 by default: the plain sum
/// R + F + M, from 3 to 3n).
/// </remarks>
public sealed class RfmScoringOptions
{
    /// <summary>The smallest allowed number of scores per dimension (2).</summary>
    public const int MinScoreCount = 2;

    /// <summary>The largest allowed number of scores per dimension (10).</summary>
    public const int MaxScoreCount = 10;

    /// <summary>
    /// Creates scoring options.
    /// </summary>
    /// <param name="scoreCount">Scores per dimension, 2 to 10 (5: quintiles).</param>
    /// <param name="recency">How recency is scored; <see langword="null"/> for <see cref="RfmDimensionScoring.Rank"/>.</param>
    /// <param name="frequency">How frequency is scored; <see langword="null"/> for <see cref="RfmDimensionScoring.Rank"/>.</param>
    /// <param name="monetary">How monetary is scored; <see langword="null"/> for <see cref="RfmDimensionScoring.Rank"/>.</param>
    /// <param name="recencyWeight">Weight of R in the combined score; finite, not negative.</param>
    /// <param name="frequencyWeight">Weight of F in the combined score; finite, not negative.</param>
    /// <param name="monetaryWeight">Weight of M in the combined score; finite, not negative.</param>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="scoreCount"/> is outside 2 … 10, a weight is negative, NaN or infinite, or the weights are so large
    /// that 10 × their sum overflows.
    /// </exception>
    /// <exception cref="ArgumentException">
    /// A dimension has fixed thresholds whose count is not <paramref name="scoreCount"/> − 1, or all three weights are zero.
    /// </exception>
    public RfmScoringOptions(
        int scoreCount = 5,
        RfmDimensionScoring? recency = null,
        RfmDimensionScoring? frequency = null,
        RfmDimensionScoring? monetary = null,
        double recencyWeight = 1,
        double frequencyWeight = 1,
        double monetaryWeight = 1)
    {
        if (scoreCount is < MinScoreCount or > MaxScoreCount)
        {
            throw new ArgumentOutOfRangeException(nameof(scoreCount), scoreCount, "The number of scores must be from 2 to 10 (5 gives quintiles).");
        }

        Recency = CheckThresholdCount(recency ?? RfmDimensionScoring.Rank, scoreCount, nameof(recency));
        Frequency = CheckThresholdCount(frequency ?? RfmDimensionScoring.Rank, scoreCount, nameof(frequency));
        Monetary = CheckThresholdCount(monetary ?? RfmDimensionScoring.Rank, scoreCount, nameof(monetary));
        ScoreCount = scoreCount;
        RecencyWeight = CheckWeight(recencyWeight, nameof(recencyWeight));
        FrequencyWeight = CheckWeight(frequencyWeight, nameof(frequencyWeight));
        MonetaryWeight = CheckWeight(monetaryWeight, nameof(monetaryWeight));
        if (recencyWeight == 0 && frequencyWeight == 0 && monetaryWeight == 0)
        {
            throw new ArgumentException("All three weights of the combined score are zero; give at least one a positive weight.", nameof(monetaryWeight));
        }

        if (double.IsInfinity(MaxScoreCount * (recencyWeight + frequencyWeight + monetaryWeight)))
        {
            throw new ArgumentOutOfRangeException(nameof(monetaryWeight), monetaryWeight, "The weights are so large that the combined score would overflow; scale them down (only their ratios matter for ranking).");
        }
    }

    /// <summary>Quintiles on every dimension by the rank method (NTILE), combined score R + F + M.</summary>
    public static RfmScoringOptions Default { get; } = new();

    /// <summary>Scores per dimension.</summary>
    /// <value>5 by default (quintiles); 2 to 10.</value>
    public int ScoreCount { get; }

    /// <summary>How recency is scored.</summary>
    /// <value><see cref="RfmDimensionScoring.Rank"/> by default.</value>
    public RfmDimensionScoring Recency { get; }

    /// <summary>How frequency is scored.</summary>
    /// <value><see cref="RfmDimensionScoring.Rank"/> by default.</value>
    public RfmDimensionScoring Frequency { get; }

    /// <summary>How monetary is scored.</summary>
    /// <value><see cref="RfmDimensionScoring.Rank"/> by default.</value>
    public RfmDimensionScoring Monetary { get; }

    /// <summary>Weight of the recency score in the combined score.</summary>
    /// <value>1 by default.</value>
    public double RecencyWeight { get; }

    /// <summary>Weight of the frequency score in the combined score.</summary>
    /// <value>1 by default.</value>
    public double FrequencyWeight { get; }

    /// <summary>Weight of the monetary score in the combined score.</summary>
    /// <value>1 by default.</value>
    public double MonetaryWeight { get; }

    /// <summary>The scoring of one dimension.</summary>
    /// <param name="dimension">The dimension.</param>
    /// <returns><see cref="Recency"/>, <see cref="Frequency"/> or <see cref="Monetary"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dimension"/> is not a defined value.</exception>
    public RfmDimensionScoring For(RfmDimension dimension) => dimension switch
    {
        RfmDimension.Recency => Recency,
        RfmDimension.Frequency => Frequency,
        RfmDimension.Monetary => Monetary,
        _ => throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "Use Recency, Frequency or Monetary."),
    };

    /// <summary>The same options with every dimension scored by <paramref name="scoring"/>.</summary>
    /// <param name="scoring">The scoring of all three dimensions.</param>
    /// <returns>New options.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="scoring"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="scoring"/> has fixed thresholds whose count is not <see cref="ScoreCount"/> − 1.</exception>
    public RfmScoringOptions WithAllDimensions(RfmDimensionScoring scoring)
    {
        Guard.NotNull(scoring, nameof(scoring));
        return new(ScoreCount, scoring, scoring, scoring, RecencyWeight, FrequencyWeight, MonetaryWeight);
    }

    /// <summary>The same options with another number of scores (quantile methods only; fixed thresholds must match it).</summary>
    /// <param name="scoreCount">Scores per dimension, 2 to 10.</param>
    /// <returns>New options.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="scoreCount"/> is outside 2 … 10.</exception>
    /// <exception cref="ArgumentException">A dimension has fixed thresholds whose count is not <paramref name="scoreCount"/> − 1.</exception>
    public RfmScoringOptions WithScoreCount(int scoreCount) =>
        new(scoreCount, Recency, Frequency, Monetary, RecencyWeight, FrequencyWeight, MonetaryWeight);

    /// <summary>The same options with recency scored by <paramref name="recency"/> (e.g. SPEC W4's fixed days).</summary>
    /// <param name="recency">The scoring of recency.</param>
    /// <returns>New options.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="recency"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="recency"/> has fixed thresholds whose count is not <see cref="ScoreCount"/> − 1.</exception>
    public RfmScoringOptions WithRecency(RfmDimensionScoring recency)
    {
        Guard.NotNull(recency, nameof(recency));
        return new(ScoreCount, recency, Frequency, Monetary, RecencyWeight, FrequencyWeight, MonetaryWeight);
    }

    /// <summary>The same options with frequency scored by <paramref name="frequency"/>.</summary>
    /// <param name="frequency">The scoring of frequency.</param>
    /// <returns>New options.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="frequency"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="frequency"/> has fixed thresholds whose count is not <see cref="ScoreCount"/> − 1.</exception>
    public RfmScoringOptions WithFrequency(RfmDimensionScoring frequency)
    {
        Guard.NotNull(frequency, nameof(frequency));
        return new(ScoreCount, Recency, frequency, Monetary, RecencyWeight, FrequencyWeight, MonetaryWeight);
    }

    /// <summary>The same options with monetary scored by <paramref name="monetary"/>.</summary>
    /// <param name="monetary">The scoring of monetary.</param>
    /// <returns>New options.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="monetary"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="monetary"/> has fixed thresholds whose count is not <see cref="ScoreCount"/> − 1.</exception>
    public RfmScoringOptions WithMonetary(RfmDimensionScoring monetary)
    {
        Guard.NotNull(monetary, nameof(monetary));
        return new(ScoreCount, Recency, Frequency, monetary, RecencyWeight, FrequencyWeight, MonetaryWeight);
    }

    /// <summary>The same options with other weights for the combined score.</summary>
    /// <param name="recencyWeight">Weight of R; finite, not negative.</param>
    /// <param name="frequencyWeight">Weight of F; finite, not negative.</param>
    /// <param name="monetaryWeight">Weight of M; finite, not negative.</param>
    /// <returns>New options.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A weight is negative, NaN or infinite, or the weights are so large that 10 × their sum overflows.</exception>
    /// <exception cref="ArgumentException">All three weights are zero.</exception>
    public RfmScoringOptions WithWeights(double recencyWeight, double frequencyWeight, double monetaryWeight) =>
        new(ScoreCount, Recency, Frequency, Monetary, recencyWeight, frequencyWeight, monetaryWeight);

    /// <summary>The combined score of one customer: w_R·R + w_F·F + w_M·M.</summary>
    /// <param name="score">The customer's scores.</param>
    /// <returns>The combined score.</returns>
    public double Combine(RfmScore score) =>
        (RecencyWeight * score.Recency) + (FrequencyWeight * score.Frequency) + (MonetaryWeight * score.Monetary);

    private static RfmDimensionScoring CheckThresholdCount(RfmDimensionScoring scoring, int scoreCount, string parameterName)
    {
        if (scoring.Method == RfmScoringMethod.FixedThresholds && scoring.Thresholds.Count != scoreCount - 1)
        {
            throw new ArgumentException(
                string.Format(
                    CultureInfo.InvariantCulture,
                    "{0} has {1} fixed thresholds but {2} scores need {3}; give one threshold fewer than the number of scores.",
                    parameterName,
                    scoring.Thresholds.Count,
                    scoreCount,
                    scoreCount - 1),
                parameterName);
        }

        return scoring;
    }

    private static double CheckWeight(double weight, string parameterName)
    {
        if (!(weight >= 0) || double.IsInfinity(weight))
        {
            throw new ArgumentOutOfRangeException(parameterName, weight, "A weight must be a finite number, zero or more.");
        }

        return weight;
    }
}
