namespace CustomerValuation.Tiering;

/// <summary>How a customer's tier changed between an earlier and a later period.</summary>
public enum TierMigrationKind
{
    /// <summary>The customer has the same tier in both periods.</summary>
    Same = 0,

    /// <summary>The later tier is better (nearer the start of the tier order) than the earlier one.</summary>
    Up = 1,

    /// <summary>The later tier is worse (nearer the end of the tier order) than the earlier one.</summary>
    Down = 2,

    /// <summary>The customer appears only in the later period.</summary>
    New = 3,

    /// <summary>The customer appears only in the earlier period.</summary>
    Vanished = 4,
}
