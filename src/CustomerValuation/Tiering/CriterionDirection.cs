namespace CustomerValuation.Tiering;

/// <summary>Which way a criterion's raw values point.</summary>
public enum CriterionDirection
{
    /// <summary>Larger raw values are better (order amount, on-time payment rate).</summary>
    HigherIsBetter,

    /// <summary>Smaller raw values are better (days overdue, cost ratio): the normalised value is turned round, v ↦ 1 − v.</summary>
    LowerIsBetter,
}

/// <summary>What a scorecard does with a customer that lacks a criterion's value.</summary>
public enum MissingValuePolicy
{
    /// <summary>Throw an exception naming the customer and the criterion (the default).</summary>
    Reject,

    /// <summary>Use the criterion's stated substitute raw value (<see cref="Criterion.Substitute"/>), which must be set.</summary>
    Substitute,

    /// <summary>Score the customer on the criteria present, with their weights renormalised to sum to 1.</summary>
    RenormalizeWeights,
}

/// <summary>Whether a customer got a score.</summary>
public enum ScorecardStatus
{
    /// <summary>Scored and tiered.</summary>
    Scored,

    /// <summary>Fewer criteria present than <see cref="Scorecard.MinimumCriteriaShare"/> requires: no score, no tier (reported, not dropped).</summary>
    TooFewCriteria,
}
