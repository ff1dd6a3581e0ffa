using System;
using System.Collections;
using System.Collections.Generic;
using CustomerValuation.Internal;

namespace CustomerValuation.Churn;

/// <summary>A validated, immutable set of reasons for lost customers and lost deals, organised as a tree of dot-separated codes (SPEC §4).</summary>
/// <remarks>
/// Every reason's parent must be in the taxonomy, codes are unique, and the reasons keep the order
/// they were given in. Extend a taxonomy with <see cref="With"/>.
/// </remarks>
public sealed partial class ReasonTaxonomy : IReadOnlyList<ReasonDefinition>
{
    private readonly ReasonDefinition[] _reasons;
    private readonly Dictionary<string, ReasonDefinition> _byCode;

    /// <summary>Creates a taxonomy from reasons.</summary>
    /// <param name="reasons">The reasons; each parent must be present (anywhere in the sequence).</param>
    /// <exception cref="ArgumentNullException"><paramref name="reasons"/> or one of its items is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A code is repeated, a parent is missing, or the sequence is empty.</exception>
    public ReasonTaxonomy(IEnumerable<ReasonDefinition> reasons)
    {
        Guard.NotNull(reasons, nameof(reasons));
        var list = new List<ReasonDefinition>();
        _byCode = new Dictionary<string, ReasonDefinition>(StringComparer.Ordinal);
        int index = 0;
        foreach (ReasonDefinition? reason in reasons)
        {
            if (reason is null)
            {
                throw new ArgumentNullException(nameof(reasons), $"Reason {index} is null.");
            }

            if (_byCode.ContainsKey(reason.Code))
            {
                throw new ArgumentException($"Reason code '{reason.Code}' appears more than once (reason {index}); codes must be unique.", nameof(reasons));
            }

            _byCode.Add(reason.Code, reason);
            list.Add(reason);
            index++;
        }

        if (list.Count == 0)
        {
            throw new ArgumentException("The taxonomy has no reasons; give at least one.", nameof(reasons));
        }

        foreach (ReasonDefinition reason in list)
        {
            if (reason.ParentCode is { } parent && !_byCode.ContainsKey(parent))
            {
                throw new ArgumentException($"Reason '{reason.Code}' has no parent '{parent}' in the taxonomy; add the parent first.", nameof(reasons));
            }
        }

        _reasons = list.ToArray();
    }

    /// <summary>Gets the number of reasons.</summary>
    public int Count => _reasons.Length;

    /// <summary>Gets the reason at <paramref name="index"/>, in the order given.</summary>
    /// <param name="index">The zero-based index.</param>
    /// <returns>The reason.</returns>
    public ReasonDefinition this[int index] => _reasons[index];

    /// <summary>Gets the reason with <paramref name="code"/>.</summary>
    /// <param name="code">The reason code.</param>
    /// <returns>The reason.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="code"/> is <see langword="null"/>.</exception>
    /// <exception cref="KeyNotFoundException">No reason has that code.</exception>
    public ReasonDefinition this[string code] =>
        TryGet(code, out ReasonDefinition? reason)
            ? reason!
            : throw new KeyNotFoundException($"Unknown reason code '{code}'; the taxonomy has {Count} reasons (families: {string.Join(", ", FamilyCodes())}).");

    /// <summary>Tells whether a reason has <paramref name="code"/>.</summary>
    /// <param name="code">The reason code.</param>
    /// <returns><see langword="true"/> when the taxonomy holds the code.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="code"/> is <see langword="null"/>.</exception>
    public bool Contains(string code) => _byCode.ContainsKey(Guard.NotNull(code, nameof(code)));

    /// <summary>Looks a reason up by code.</summary>
    /// <param name="code">The reason code.</param>
    /// <param name="reason">The reason, or <see langword="null"/> when there is none.</param>
    /// <returns><see langword="true"/> when found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="code"/> is <see langword="null"/>.</exception>
    public bool TryGet(string code, out ReasonDefinition? reason) => _byCode.TryGetValue(Guard.NotNull(code, nameof(code)), out reason);

    /// <summary>Gets the direct children of a reason, in taxonomy order.</summary>
    /// <param name="code">The parent reason code.</param>
    /// <returns>The children; empty for a leaf.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="code"/> is <see langword="null"/>.</exception>
    /// <exception cref="KeyNotFoundException">No reason has that code.</exception>
    public IReadOnlyList<ReasonDefinition> ChildrenOf(string code)
    {
        _ = this[code];
        var children = new List<ReasonDefinition>();
        foreach (ReasonDefinition reason in _reasons)
        {
            if (string.Equals(reason.ParentCode, code, StringComparison.Ordinal))
            {
                children.Add(reason);
            }
        }

        return children;
    }

    /// <summary>Gets the families (reasons of depth 0), in taxonomy order.</summary>
    /// <returns>The family reasons.</returns>
    public IReadOnlyList<ReasonDefinition> Families()
    {
        var families = new List<ReasonDefinition>();
        foreach (ReasonDefinition reason in _reasons)
        {
            if (reason.Depth == 0)
            {
                families.Add(reason);
            }
        }

        return families;
    }

    /// <summary>Tells whether <paramref name="code"/> is <paramref name="ancestorCode"/> or lies below it.</summary>
    /// <param name="code">A reason code.</param>
    /// <param name="ancestorCode">A possible ancestor's code.</param>
    /// <returns><see langword="true"/> when <paramref name="code"/> equals or descends from <paramref name="ancestorCode"/>.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static bool IsWithin(string code, string ancestorCode)
    {
        Guard.NotNull(code, nameof(code));
        Guard.NotNull(ancestorCode, nameof(ancestorCode));
        return code.Length == ancestorCode.Length
            ? string.Equals(code, ancestorCode, StringComparison.Ordinal)
            : code.Length > ancestorCode.Length && code[ancestorCode.Length] == '.' && code.StartsWith(ancestorCode, StringComparison.Ordinal);
    }

    /// <summary>Returns a taxonomy with <paramref name="reasons"/> added; a reason whose code is already present replaces the old one in place.</summary>
    /// <param name="reasons">The reasons to add or replace.</param>
    /// <returns>The extended taxonomy; this one is unchanged.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reasons"/> or one of its items is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A code is repeated within <paramref name="reasons"/>, or a parent is missing.</exception>
    public ReasonTaxonomy With(IEnumerable<ReasonDefinition> reasons)
    {
        Guard.NotNull(reasons, nameof(reasons));
        var replacements = new Dictionary<string, ReasonDefinition>(StringComparer.Ordinal);
        var added = new List<ReasonDefinition>();
        int index = 0;
        foreach (ReasonDefinition? reason in reasons)
        {
            if (reason is null)
            {
                throw new ArgumentNullException(nameof(reasons), $"Reason {index} is null.");
            }

            if (replacements.ContainsKey(reason.Code) || added.Exists(r => r.Code == reason.Code))
            {
                throw new ArgumentException($"Reason code '{reason.Code}' appears more than once (reason {index}); codes must be unique.", nameof(reasons));
            }

            if (_byCode.ContainsKey(reason.Code))
            {
                replacements.Add(reason.Code, reason);
            }
            else
            {
                added.Add(reason);
            }

            index++;
        }

        var merged = new List<ReasonDefinition>(_reasons.Length + added.Count);
        foreach (ReasonDefinition reason in _reasons)
        {
            merged.Add(replacements.TryGetValue(reason.Code, out ReasonDefinition? replacement) ? replacement : reason);
        }

        merged.AddRange(added);
        return new ReasonTaxonomy(merged);
    }

    /// <inheritdoc/>
    public IEnumerator<ReasonDefinition> GetEnumerator() => ((IEnumerable<ReasonDefinition>)_reasons).GetEnumerator();

    /// <inheritdoc/>
    IEnumerator IEnumerable.GetEnumerator() => _reasons.GetEnumerator();

    private IEnumerable<string> FamilyCodes()
    {
        foreach (ReasonDefinition reason in _reasons)
        {
            if (reason.Depth == 0)
            {
                yield return reason.Code;
            }
        }
    }
}
