using System;
using System.Collections.Generic;

namespace CustomerValuation.Tiering;

/// <summary>
/// The figures of one satisfaction run: respondents by validity, the composite index, the satisfaction
/// rate against its target, and one summary per item.
/// </summary>
/// <remarks>
/// Every figure is over the valid respondents except <see cref="RespondentCount"/>,
/// <see cref="InvalidCount"/> and <see cref="CountOf"/>; none depends on the order of the respondents
/// (the composite is summed exactly).
/// </remarks>
public sealed class SatisfactionSummary
{
    private readonly int[] _countPerValidity;

    internal SatisfactionSummary(
        SatisfactionQuestionnaire questionnaire,
        SatisfactionOptions options,
        int[] countPerValidity,
        int validWithBlanksCount,
        int satisfiedCount,
        double? compositeIndex,
        SatisfactionItemSummary[] items)
    {
        Questionnaire = questionnaire;
        Options = options;
        _countPerValidity = countPerValidity;
        int respondents = 0;
        foreach (int count in countPerValidity)
        {
            respondents += count;
        }

        RespondentCount = respondents;
        ValidCount = countPerValidity[(int)SatisfactionValidity.Valid];
        ValidWithBlanksCount = validWithBlanksCount;
        SatisfiedCount = satisfiedCount;
        CompositeIndex = compositeIndex;
        Items = Array.AsReadOnly(items);
        if (ValidCount > 0)
        {
            double rate = (double)satisfiedCount / ValidCount;
            SatisfactionRate = rate;
            TargetGap = rate - options.TargetRate;
            MeetsTarget = rate >= options.TargetRate;
        }
    }

    /// <summary>The questionnaire of the run.</summary>
    public SatisfactionQuestionnaire Questionnaire { get; }

    /// <summary>The options of the run.</summary>
    public SatisfactionOptions Options { get; }

    /// <summary>The number of respondents given (valid and invalid).</summary>
    public int RespondentCount { get; }

    /// <summary>The number of valid respondents.</summary>
    public int ValidCount { get; }

    /// <summary>The number of invalid respondents (flagged in the per-customer results, never dropped).</summary>
    public int InvalidCount => RespondentCount - ValidCount;

    /// <summary>
    /// The number of valid respondents with at least one blank: the blank was counted as 3 under
    /// <see cref="SatisfactionBlankRule.SingleBlankAsNeutral"/>, or left out with the weights renormalised
    /// under <see cref="SatisfactionBlankRule.AtLeastTwoThirdsAnswered"/>.
    /// </summary>
    public int ValidWithBlanksCount { get; }

    /// <summary>The number of satisfied respondents (valid, index ≥ the threshold).</summary>
    public int SatisfiedCount { get; }

    /// <summary>
    /// The composite index: the plain mean of the valid respondents' indexes (each respondent counts once),
    /// rounded to 10 decimal places; null when no respondent is valid.
    /// </summary>
    public double? CompositeIndex { get; }

    /// <summary>The satisfaction rate <see cref="SatisfiedCount"/> ÷ <see cref="ValidCount"/>; null when no respondent is valid.</summary>
    public double? SatisfactionRate { get; }

    /// <summary>The target rate the satisfaction rate is compared with (<see cref="SatisfactionOptions.TargetRate"/>).</summary>
    public double TargetRate => Options.TargetRate;

    /// <summary>The satisfaction rate minus the target (negative: short of the target); null when no respondent is valid.</summary>
    public double? TargetGap { get; }

    /// <summary>True when the satisfaction rate is at least the target; null when no respondent is valid.</summary>
    public bool? MeetsTarget { get; }

    /// <summary>One summary per item, in the questionnaire's order.</summary>
    public IReadOnlyList<SatisfactionItemSummary> Items { get; }

    /// <summary>The number of respondents with the given validity.</summary>
    /// <param name="validity">The validity (or reason for invalidity).</param>
    /// <returns>The count.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="validity"/> is not a defined value.</exception>
    public int CountOf(SatisfactionValidity validity)
    {
        if ((uint)validity >= (uint)_countPerValidity.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(validity), validity, "Use Valid, TooManyBlanks, NothingAnswered or NoWeightAnswered.");
        }

        return _countPerValidity[(int)validity];
    }
}
