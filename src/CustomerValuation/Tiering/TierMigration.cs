using System;
using System.Collections.Generic;
using System.Globalization;
using CustomerValuation.Internal;

namespace CustomerValuation.Tiering;

/// <summary>
/// Tier migration between two periods (SPEC §3, last bullet): who moved up, who moved down, who
/// stayed, who is new and who vanished, and the transition matrix with counts and row shares.
/// </summary>
/// <remarks>
/// <para>
/// Tiers are labels in an order, best first (index 0). A customer in both periods with earlier
/// index e and later index l moved <see cref="TierMigrationKind.Up"/> when l &lt; e,
/// <see cref="TierMigrationKind.Down"/> when l &gt; e, and stayed <see cref="TierMigrationKind.Same"/>
/// when l = e; its steps are |e − l|. An id only in the later period is
/// <see cref="TierMigrationKind.New"/>; an id only in the earlier period is
/// <see cref="TierMigrationKind.Vanished"/>.
/// </para>
/// <para>
/// Ids are matched with the default equality of the id type (ordinal for strings);
/// the customers come out in id order, so the result depends only on the two sets of
/// (id, tier) pairs, never on the order of the records. Either period may be empty.
/// Time O((n + m) log(n + m)) for the sort by id, memory O(n + m), for n earlier and m later records.
/// </para>
/// </remarks>
public static class TierMigration
{
    /// <summary>Compares the tiers of two periods given as records with id and tier selectors.</summary>
    /// <typeparam name="T">The record type.</typeparam>
    /// <typeparam name="TId">The customer id type.</typeparam>
    /// <param name="tierOrder">The tier labels, best first (for example A, B, C); at least one, distinct, non-empty.</param>
    /// <param name="earlier">The records of the earlier period, one per customer.</param>
    /// <param name="later">The records of the later period, one per customer.</param>
    /// <param name="idSelector">Gets a record's customer id; not null, unique within a period.</param>
    /// <param name="tierSelector">Gets a record's tier label; one of <paramref name="tierOrder"/> (ordinal comparison).</param>
    /// <param name="idComparer">
    /// Orders the customers of the result; <see langword="null"/> for ordinal order of strings and
    /// <see cref="Comparer{T}.Default"/> for other types.
    /// </param>
    /// <returns>Every id of either period once, in id order, with the counts and the transition matrix.</returns>
    /// <exception cref="ArgumentNullException">An argument other than <paramref name="idComparer"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// The tier order is empty or has an empty or repeated label; a record's id is null, repeated within
    /// its period, or its tier is not in the tier order (the message names the period, the index, the id and
    /// the label); ids cannot be compared, or two distinct ids are equal under <paramref name="idComparer"/>.
    /// </exception>
    public static TierMigrationResult<TId> Compare<T, TId>(
        IEnumerable<string> tierOrder,
        IEnumerable<T> earlier,
        IEnumerable<T> later,
        Func<T, TId> idSelector,
        Func<T, string> tierSelector,
        IComparer<TId>? idComparer = null)
        where TId : notnull
    {
        Guard.NotNull(tierOrder, nameof(tierOrder));
        Guard.NotNull(earlier, nameof(earlier));
        Guard.NotNull(later, nameof(later));
        Guard.NotNull(idSelector, nameof(idSelector));
        Guard.NotNull(tierSelector, nameof(tierSelector));
        string[] tiers = TierMigrationChecks.TierOrder(tierOrder, nameof(tierOrder));
        Dictionary<string, int> index = TierMigrationChecks.IndexOf(tiers);
        Dictionary<TId, Placed> before = Read(earlier, idSelector, tierSelector, tiers, index, nameof(earlier));
        Dictionary<TId, Placed> after = Read(later, idSelector, tierSelector, tiers, index, nameof(later));
        return Build(tiers, index, before, after, idComparer);
    }

    /// <summary>Compares the tiers of two periods given as (id, tier) pairs, for example two dictionaries.</summary>
    /// <typeparam name="TId">The customer id type.</typeparam>
    /// <param name="tierOrder">The tier labels, best first (for example A, B, C); at least one, distinct, non-empty.</param>
    /// <param name="earlier">The (id, tier) pairs of the earlier period, one per customer.</param>
    /// <param name="later">The (id, tier) pairs of the later period, one per customer.</param>
    /// <param name="idComparer">Orders the customers of the result; <see langword="null"/> for the default order (ordinal for strings).</param>
    /// <returns>Every id of either period once, in id order, with the counts and the transition matrix.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="tierOrder"/>, <paramref name="earlier"/> or <paramref name="later"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// The tier order is empty or has an empty or repeated label; an id is null, repeated within its
    /// period, or its tier is not in the tier order (the message names the period, the index, the id and
    /// the label); ids cannot be compared, or two distinct ids are equal under <paramref name="idComparer"/>.
    /// </exception>
    public static TierMigrationResult<TId> Compare<TId>(
        IEnumerable<string> tierOrder,
        IEnumerable<KeyValuePair<TId, string>> earlier,
        IEnumerable<KeyValuePair<TId, string>> later,
        IComparer<TId>? idComparer = null)
        where TId : notnull
    {
        Guard.NotNull(tierOrder, nameof(tierOrder));
        Guard.NotNull(earlier, nameof(earlier));
        Guard.NotNull(later, nameof(later));
        string[] tiers = TierMigrationChecks.TierOrder(tierOrder, nameof(tierOrder));
        Dictionary<string, int> index = TierMigrationChecks.IndexOf(tiers);
        Dictionary<TId, Placed> before = Read(earlier, p => p.Key, p => p.Value, tiers, index, nameof(earlier));
        Dictionary<TId, Placed> after = Read(later, p => p.Key, p => p.Value, tiers, index, nameof(later));
        return Build(tiers, index, before, after, idComparer);
    }

    private static Dictionary<TId, Placed> Read<T, TId>(
        IEnumerable<T> source,
        Func<T, TId> idSelector,
        Func<T, string> tierSelector,
        string[] tiers,
        Dictionary<string, int> index,
        string parameterName)
        where TId : notnull
    {
        var placed = new Dictionary<TId, Placed>();
        int row = 0;
        foreach (T item in source)
        {
            TId id = idSelector(item);
            if (id is null)
            {
                throw TierMigrationChecks.NullId(parameterName, row);
            }

            string? tier = tierSelector(item);
            if (tier is null || !index.TryGetValue(tier, out int tierIndex))
            {
                throw new ArgumentException(
                    string.Format(
                        CultureInfo.InvariantCulture,
                        "The record at index {0} of {1} (customer id '{2}') has tier {3}, which is not in the tier order [{4}]; map it to one of those labels (labels compare ordinally, so case matters).",
                        row,
                        parameterName,
                        id,
                        tier is null ? "null" : "'" + tier + "'",
                        string.Join(", ", tiers)),
                    parameterName);
            }

            if (placed.TryGetValue(id, out Placed first))
            {
                throw new ArgumentException(
                    string.Format(
                        CultureInfo.InvariantCulture,
                        "Customer id '{0}' appears twice in {1}, at indices {2} and {3}; a customer must have one tier per period.",
                        id,
                        parameterName,
                        first.Row,
                        row),
                    parameterName);
            }

            placed.Add(id, new Placed(row, tierIndex));
            row++;
        }

        return placed;
    }

    private static TierMigrationResult<TId> Build<TId>(
        string[] tiers,
        Dictionary<string, int> index,
        Dictionary<TId, Placed> before,
        Dictionary<TId, Placed> after,
        IComparer<TId>? idComparer)
        where TId : notnull
    {
        int k = tiers.Length;
        int size = k + 1;
        int n = before.Count;
        foreach (TId id in after.Keys)
        {
            if (!before.ContainsKey(id))
            {
                n++;
            }
        }

        var ids = new TId[n];
        var entries = new TierMigrationCustomer<TId>[n];
        var counts = new int[size * size];
        var kindCounts = new int[5];
        int next = 0;
        foreach (KeyValuePair<TId, Placed> pair in before)
        {
            int e = pair.Value.Tier;
            int? l = after.TryGetValue(pair.Key, out Placed later) ? later.Tier : null;
            ids[next] = pair.Key;
            entries[next++] = Entry(pair.Key, tiers, e, l);
            counts[(e * size) + (l ?? k)]++;
        }

        foreach (KeyValuePair<TId, Placed> pair in after)
        {
            if (!before.ContainsKey(pair.Key))
            {
                ids[next] = pair.Key;
                entries[next++] = Entry(pair.Key, tiers, null, pair.Value.Tier);
                counts[(k * size) + pair.Value.Tier]++;
            }
        }

        TierMigrationChecks.Sort(ids, entries, idComparer);
        foreach (TierMigrationCustomer<TId> entry in entries)
        {
            kindCounts[(int)entry.Movement]++;
        }

        return new TierMigrationResult<TId>(entries, new TierMigrationMatrix(tiers, index, counts), kindCounts, before.Count, after.Count);
    }

    private static TierMigrationCustomer<TId> Entry<TId>(TId id, string[] tiers, int? earlier, int? later)
    {
        TierMigrationKind kind = earlier is null ? TierMigrationKind.New
            : later is null ? TierMigrationKind.Vanished
            : later < earlier ? TierMigrationKind.Up
            : later > earlier ? TierMigrationKind.Down
            : TierMigrationKind.Same;
        int steps = earlier is int e && later is int l ? Math.Abs(e - l) : 0;
        return new TierMigrationCustomer<TId>(
            id,
            earlier is int ei ? tiers[ei] : null,
            later is int li ? tiers[li] : null,
            earlier,
            later,
            kind,
            steps);
    }

    private readonly record struct Placed(int Row, int Tier);
}
