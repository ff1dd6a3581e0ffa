namespace CustomerValuation.Tiering;

/// <summary>One respondent's satisfaction: validity, index on 0 … 100, satisfied flag and blanks (the span kernel's per-row result).</summary>
/// <remarks>See <see cref="SatisfactionScorer"/> for the formula and the blank rules.</remarks>
public readonly record struct SatisfactionScore
{
    internal SatisfactionScore(SatisfactionValidity validity, double? index, bool satisfied, int blankCount)
    {
        Validity = validity;
        Index = index;
        Satisfied = satisfied;
        BlankCount = blankCount;
    }

    /// <summary>Whether the questionnaire counts, and if not, why.</summary>
    public SatisfactionValidity Validity { get; }

    /// <summary>True when <see cref="Validity"/> is <see cref="SatisfactionValidity.Valid"/>.</summary>
    public bool IsValid => Validity == SatisfactionValidity.Valid;

    /// <summary>The index on 0 … 100 (rounded to 10 decimal places); null when the questionnaire is invalid.</summary>
    public double? Index { get; }

    /// <summary>True when valid and <see cref="Index"/> ≥ <see cref="SatisfactionOptions.SatisfiedThreshold"/>; false when invalid.</summary>
    public bool Satisfied { get; }

    /// <summary>The number of blank items (whatever the validity).</summary>
    public int BlankCount { get; }
}
