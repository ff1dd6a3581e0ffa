using System;
using System.Globalization;

namespace CustomerValuation.Tiering;

/// <summary>
/// Immutable, validated settings of the satisfaction index: the blank rule, the index at which a
/// customer counts as satisfied, the target satisfaction rate, and the answer from which an item
/// counts as satisfied.
/// </summary>
/// <remarks>
/// Answers are on the 5-point Likert scale 1 … 5 (SPEC W8; <see cref="LowestAnswer"/> …
/// <see cref="HighestAnswer"/>), 5 the best. The questionnaire itself (items and importance weights)
/// is a <see cref="SatisfactionQuestionnaire"/>, given next to the options, because it has no
/// sensible default.
/// </remarks>
public sealed class SatisfactionOptions
{
    /// <summary>The lowest answer of the scale (1).</summary>
    public const int LowestAnswer = 1;

    /// <summary>The highest answer of the scale (5).</summary>
    public const int HighestAnswer = 5;

    /// <summary>The neutral answer (3) that one blank counts as under <see cref="SatisfactionBlankRule.SingleBlankAsNeutral"/>.</summary>
    public const int NeutralAnswer = 3;

    /// <summary>Creates options.</summary>
    /// <param name="blankRule">How blank items are treated.</param>
    /// <param name="satisfiedThreshold">The index (0 … 100) from which a customer is satisfied: index ≥ threshold.</param>
    /// <param name="targetRate">The target share of satisfied customers among the valid ones, 0 … 1.</param>
    /// <param name="satisfiedAnswer">The lowest answer (1 … 5) that counts as satisfied in an item's <see cref="SatisfactionItemSummary.SatisfiedShare"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="blankRule"/> is not a defined value, <paramref name="satisfiedThreshold"/> is outside 0 … 100 or NaN,
    /// <paramref name="targetRate"/> is outside 0 … 1 or NaN, or <paramref name="satisfiedAnswer"/> is outside 1 … 5.
    /// </exception>
    public SatisfactionOptions(
        SatisfactionBlankRule blankRule = SatisfactionBlankRule.SingleBlankAsNeutral,
        double satisfiedThreshold = 70,
        double targetRate = 0.85,
        int satisfiedAnswer = 4)
    {
        if (blankRule is not SatisfactionBlankRule.SingleBlankAsNeutral and not SatisfactionBlankRule.AtLeastTwoThirdsAnswered)
        {
            throw new ArgumentOutOfRangeException(nameof(blankRule), blankRule, "The blank rule must be SingleBlankAsNeutral or AtLeastTwoThirdsAnswered.");
        }

        if (!(satisfiedThreshold >= 0 && satisfiedThreshold <= 100))
        {
            throw new ArgumentOutOfRangeException(
                nameof(satisfiedThreshold),
                satisfiedThreshold,
                "The satisfied threshold is an index on the 0 … 100 scale (SPEC W8 uses 70); give a number from 0 to 100.");
        }

        if (!(targetRate >= 0 && targetRate <= 1))
        {
            throw new ArgumentOutOfRangeException(
                nameof(targetRate),
                targetRate,
                "The target rate is a share of customers from 0 to 1 (SPEC W8 uses 0.85 for 85 %).");
        }

        if (satisfiedAnswer is < LowestAnswer or > HighestAnswer)
        {
            throw new ArgumentOutOfRangeException(
                nameof(satisfiedAnswer),
                satisfiedAnswer,
                "The satisfied answer is a point of the 1 … 5 scale (4 counts the answers 4 and 5, the 'top two boxes').");
        }

        BlankRule = blankRule;
        SatisfiedThreshold = satisfiedThreshold;
        TargetRate = targetRate;
        SatisfiedAnswer = satisfiedAnswer;
    }

    /// <summary>The SPEC W8 settings: one blank counts as 3, two or more make the questionnaire invalid; satisfied at an index ≥ 70; target rate 85 %; items satisfied at 4 or 5.</summary>
    /// <value><see cref="SatisfactionBlankRule.SingleBlankAsNeutral"/>, 70, 0.85, 4.</value>
    public static SatisfactionOptions Default { get; } = new();

    /// <summary>How blank items are treated.</summary>
    /// <value><see cref="SatisfactionBlankRule.SingleBlankAsNeutral"/> by default (SPEC W8).</value>
    public SatisfactionBlankRule BlankRule { get; }

    /// <summary>The index from which a customer is satisfied (index ≥ threshold, so exactly 70 is satisfied).</summary>
    /// <value>70 by default (SPEC W8); 0 … 100.</value>
    public double SatisfiedThreshold { get; }

    /// <summary>The target satisfaction rate (satisfied ÷ valid customers) the result is compared with.</summary>
    /// <value>0.85 by default (SPEC W8); 0 … 1.</value>
    public double TargetRate { get; }

    /// <summary>The lowest answer that counts as satisfied in an item's <see cref="SatisfactionItemSummary.SatisfiedShare"/>.</summary>
    /// <value>4 by default (the 'top two boxes', 4 and 5); 1 … 5.</value>
    public int SatisfiedAnswer { get; }

    /// <summary>The settings in one line.</summary>
    /// <returns>For example <c>SingleBlankAsNeutral satisfied ≥ 70 target 0.85 item satisfied ≥ 4</c>.</returns>
    public override string ToString() =>
        string.Format(
            CultureInfo.InvariantCulture,
            "{0} satisfied ≥ {1} target {2} item satisfied ≥ {3}",
            BlankRule,
            SatisfiedThreshold.ToString("R", CultureInfo.InvariantCulture),
            TargetRate.ToString("R", CultureInfo.InvariantCulture),
            SatisfiedAnswer);
}
