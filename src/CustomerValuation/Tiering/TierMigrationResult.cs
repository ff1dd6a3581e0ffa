using System.Collections.Generic;
using System.Collections.ObjectModel;

namespace CustomerValuation.Tiering;

/// <summary>The result of comparing the tiers of two periods: every customer's movement, the counts and the transition matrix.</summary>
/// <typeparam name="TId">The customer id type.</typeparam>
public sealed class TierMigrationResult<TId>
{
    internal TierMigrationResult(TierMigrationCustomer<TId>[] customers, TierMigrationMatrix matrix, int[] kindCounts, int earlierCount, int laterCount)
    {
        Customers = new ReadOnlyCollection<TierMigrationCustomer<TId>>(customers);
        Matrix = matrix;
        SameCount = kindCounts[(int)TierMigrationKind.Same];
        UpCount = kindCounts[(int)TierMigrationKind.Up];
        DownCount = kindCounts[(int)TierMigrationKind.Down];
        NewCount = kindCounts[(int)TierMigrationKind.New];
        VanishedCount = kindCounts[(int)TierMigrationKind.Vanished];
        EarlierCount = earlierCount;
        LaterCount = laterCount;
    }

    /// <summary>Gets the tier labels, best first.</summary>
    public IReadOnlyList<string> Tiers => Matrix.Tiers;

    /// <summary>Gets one entry per id seen in either period, each id exactly once, in id order; a read-only view.</summary>
    public IReadOnlyList<TierMigrationCustomer<TId>> Customers { get; }

    /// <summary>Gets the transition matrix (earlier tier × later tier, with a new row and a vanished column).</summary>
    public TierMigrationMatrix Matrix { get; }

    /// <summary>Gets the number of customers seen in either period (= <see cref="Customers"/>.Count).</summary>
    public int CustomerCount => Customers.Count;

    /// <summary>Gets the number of customers in the earlier period (= same + up + down + vanished).</summary>
    public int EarlierCount { get; }

    /// <summary>Gets the number of customers in the later period (= same + up + down + new).</summary>
    public int LaterCount { get; }

    /// <summary>Gets the number of customers with the same tier in both periods.</summary>
    public int SameCount { get; }

    /// <summary>Gets the number of customers whose tier got better.</summary>
    public int UpCount { get; }

    /// <summary>Gets the number of customers whose tier got worse.</summary>
    public int DownCount { get; }

    /// <summary>Gets the number of customers seen only in the later period.</summary>
    public int NewCount { get; }

    /// <summary>Gets the number of customers seen only in the earlier period.</summary>
    public int VanishedCount { get; }
}
