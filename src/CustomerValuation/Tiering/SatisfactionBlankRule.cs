namespace CustomerValuation.Tiering;

/// <summary>How a questionnaire with blank items is treated (SPEC W8 names both practices).</summary>
public enum SatisfactionBlankRule
{
    /// <summary>
    /// The SPEC W8 rule (the default): one blank item counts as the neutral answer 3 and keeps its
    /// weight; a questionnaire with two or more blanks is invalid.
    /// </summary>
    SingleBlankAsNeutral = 0,

    /// <summary>
    /// The alternative practice: a questionnaire is valid when at least two thirds of its items are
    /// answered (3 × answered ≥ 2 × items); the index is taken over the answered items only, their
    /// weights renormalised to sum to one. Blanks are left out, not imputed.
    /// </summary>
    AtLeastTwoThirdsAnswered = 1,
}
