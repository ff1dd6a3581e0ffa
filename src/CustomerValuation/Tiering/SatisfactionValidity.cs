namespace CustomerValuation.Tiering;

/// <summary>Whether a respondent's questionnaire counts, and if not, why.</summary>
public enum SatisfactionValidity : byte
{
    /// <summary>The questionnaire counts: it has an index and takes part in every summary figure.</summary>
    Valid = 0,

    /// <summary>
    /// Too many blanks for the blank rule: two or more under
    /// <see cref="SatisfactionBlankRule.SingleBlankAsNeutral"/>, fewer than two thirds answered under
    /// <see cref="SatisfactionBlankRule.AtLeastTwoThirdsAnswered"/>.
    /// </summary>
    TooManyBlanks = 1,

    /// <summary>
    /// Every item is blank. Checked first, under either rule: a one-item questionnaire left blank is not
    /// turned into a neutral 3 (there is no answer to complete).
    /// </summary>
    NothingAnswered = 2,

    /// <summary>
    /// Under <see cref="SatisfactionBlankRule.AtLeastTwoThirdsAnswered"/>, enough items are answered but all
    /// of them have importance weight zero, so the renormalised weights are undefined.
    /// </summary>
    NoWeightAnswered = 3,
}
