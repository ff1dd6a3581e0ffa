namespace CustomerValuation.Tiering;

/// <summary>One customer's tiers in two periods and how it moved.</summary>
/// <typeparam name="TId">The customer id type.</typeparam>
/// <param name="Id">The customer id.</param>
/// <param name="EarlierTier">The tier label in the earlier period; <see langword="null"/> for a new customer.</param>
/// <param name="LaterTier">The tier label in the later period; <see langword="null"/> for a vanished customer.</param>
/// <param name="EarlierTierIndex">The earlier tier's index in the tier order (0 = best); <see langword="null"/> for a new customer.</param>
/// <param name="LaterTierIndex">The later tier's index in the tier order (0 = best); <see langword="null"/> for a vanished customer.</param>
/// <param name="Movement">Up, down, same, new or vanished.</param>
/// <param name="Steps">
/// The number of tiers moved, |earlier index − later index|: at least 1 for <see cref="TierMigrationKind.Up"/>
/// and <see cref="TierMigrationKind.Down"/>, 0 otherwise (the direction is in <paramref name="Movement"/>).
/// </param>
public readonly record struct TierMigrationCustomer<TId>(
    TId Id,
    string? EarlierTier,
    string? LaterTier,
    int? EarlierTierIndex,
    int? LaterTierIndex,
    TierMigrationKind Movement,
    int Steps);
