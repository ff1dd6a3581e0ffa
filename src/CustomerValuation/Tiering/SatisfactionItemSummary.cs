using System.Collections.Generic;

namespace CustomerValuation.Tiering;

/// <summary>
/// The answers to one item, over the valid respondents that answered it: count, mean, mean on the
/// 0 … 100 scale, and the share answering at least <see cref="SatisfactionOptions.SatisfiedAnswer"/>.
/// </summary>
/// <remarks>
/// Invalid questionnaires take no part, and a blank is not an answer: a blank counted as the neutral 3
/// for the respondent's own index (<see cref="SatisfactionBlankRule.SingleBlankAsNeutral"/>) is still
/// counted in <see cref="BlankCount"/>, not in the mean or the shares.
/// </remarks>
public sealed class SatisfactionItemSummary
{
    internal SatisfactionItemSummary(SatisfactionItem item, double normalisedWeight, int[] countPerAnswer, int blankCount, int satisfiedAnswer)
    {
        Name = item.Name;
        Weight = item.Weight;
        NormalisedWeight = normalisedWeight;
        CountPerAnswer = System.Array.AsReadOnly(countPerAnswer);
        BlankCount = blankCount;
        long sum = 0;
        int answered = 0, satisfied = 0;
        for (int a = SatisfactionOptions.LowestAnswer; a <= SatisfactionOptions.HighestAnswer; a++)
        {
            int count = countPerAnswer[a - 1];
            answered += count;
            sum += (long)a * count;
            if (a >= satisfiedAnswer)
            {
                satisfied += count;
            }
        }

        AnsweredCount = answered;
        SatisfiedCount = satisfied;
        if (answered > 0)
        {
            MeanAnswer = (double)sum / answered;
            Index = SatisfactionScorer.RoundIndex(25.0 * (sum - answered) / answered);
            SatisfiedShare = (double)satisfied / answered;
        }
    }

    /// <summary>The item's name.</summary>
    public string Name { get; }

    /// <summary>The importance weight as given.</summary>
    public double Weight { get; }

    /// <summary>The normalised weight ŵ = w / Σ w.</summary>
    public double NormalisedWeight { get; }

    /// <summary>The number of valid respondents that answered the item.</summary>
    public int AnsweredCount { get; }

    /// <summary>The number of valid respondents that left the item blank.</summary>
    public int BlankCount { get; }

    /// <summary>Valid respondents per answer: element a − 1 for answer a (1 … 5).</summary>
    public IReadOnlyList<int> CountPerAnswer { get; }

    /// <summary>The mean answer (1 … 5); null when no valid respondent answered the item.</summary>
    public double? MeanAnswer { get; }

    /// <summary>
    /// The mean answer on the 0 … 100 scale, (mean − 1) / 4 × 100, rounded to 10 decimal places; null
    /// when no valid respondent answered the item.
    /// </summary>
    public double? Index { get; }

    /// <summary>The number of valid respondents whose answer is at least <see cref="SatisfactionOptions.SatisfiedAnswer"/>.</summary>
    public int SatisfiedCount { get; }

    /// <summary>
    /// The per-item satisfaction: <see cref="SatisfiedCount"/> ÷ <see cref="AnsweredCount"/> (the 'top two
    /// boxes' 4 and 5 by default); null when no valid respondent answered the item.
    /// </summary>
    public double? SatisfiedShare { get; }
}
