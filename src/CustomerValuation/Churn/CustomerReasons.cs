using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using CustomerValuation.Internal;

namespace CustomerValuation.Churn;

/// <summary>The reasons found for one lost customer or lost deal; an untagged customer has none and says so.</summary>
/// <typeparam name="TId">The customer id type.</typeparam>
public sealed class CustomerReasons<TId>
{
    private static readonly ReadOnlyCollection<ReasonTag> s_none = new(Array.Empty<ReasonTag>());

    /// <summary>Creates the reasons of one customer.</summary>
    /// <param name="id">The customer id.</param>
    /// <param name="reasons">The reasons, at most one tag per code; empty when nothing fired.</param>
    /// <exception cref="ArgumentNullException"><paramref name="reasons"/> or one of its items is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A reason code appears twice.</exception>
    public CustomerReasons(TId id, IEnumerable<ReasonTag> reasons)
    {
        Guard.NotNull(reasons, nameof(reasons));
        var list = new List<ReasonTag>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (ReasonTag? tag in reasons)
        {
            if (tag is null)
            {
                throw new ArgumentNullException(nameof(reasons), $"Customer '{id}': reason {list.Count} is null.");
            }

            if (!seen.Add(tag.Code))
            {
                throw new ArgumentException($"Customer '{id}': reason '{tag.Code}' appears twice; merge its evidence into one tag.", nameof(reasons));
            }

            list.Add(tag);
        }

        Id = id;
        Reasons = list.AsReadOnly();
    }

    /// <summary>Creates the reasons of one customer from tags already known to be non-null with distinct codes (no copy, no checks).</summary>
    internal CustomerReasons(TId id, ReasonTag[] reasons, bool trusted)
    {
        _ = trusted;
        Id = id;
        Reasons = reasons;
    }

    private CustomerReasons(TId id, ReadOnlyCollection<ReasonTag> reasons)
    {
        Id = id;
        Reasons = reasons;
    }

    /// <summary>Gets the customer id.</summary>
    public TId Id { get; }

    /// <summary>Gets the reasons, at most one per code.</summary>
    public IReadOnlyList<ReasonTag> Reasons { get; }

    /// <summary>Gets a value indicating whether no reason fired for this customer (reported as untagged, never forced into "other").</summary>
    public bool IsUntagged => Reasons.Count == 0;

    /// <summary>Creates the reasons of one customer from tags its caller has already checked (no nulls, codes unique) and will not change, without copying them.</summary>
    internal static CustomerReasons<TId> FromChecked(TId id, ReasonTag[] reasons) =>
        new(id, reasons.Length == 0 ? s_none : Array.AsReadOnly(reasons));

    /// <inheritdoc/>
    public override string ToString() => IsUntagged ? $"{Id}: untagged" : $"{Id}: {string.Join(", ", ReasonCodes())}";

    private IEnumerable<string> ReasonCodes()
    {
        foreach (ReasonTag tag in Reasons)
        {
            yield return tag.Code;
        }
    }
}
