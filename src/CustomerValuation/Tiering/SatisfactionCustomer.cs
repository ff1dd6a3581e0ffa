namespace CustomerValuation.Tiering;

/// <summary>One customer's satisfaction: id, validity, index on 0 … 100, satisfied flag and blanks.</summary>
/// <typeparam name="TId">The customer id type.</typeparam>
/// <remarks>See <see cref="SatisfactionScorer"/> for the formula and the blank rules.</remarks>
public readonly record struct SatisfactionCustomer<TId>
{
    internal SatisfactionCustomer(TId id, SatisfactionScore score)
    {
        Id = id;
        Validity = score.Validity;
        Index = score.Index;
        Satisfied = score.Satisfied;
        BlankCount = score.BlankCount;
    }

    /// <summary>The customer id.</summary>
    public TId Id { get; }

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
