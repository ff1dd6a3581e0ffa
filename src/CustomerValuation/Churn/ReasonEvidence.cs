using CustomerValuation.Internal;

namespace CustomerValuation.Churn;

/// <summary>One piece of evidence that fired a reason: a rule over structured signals, or a phrase found in a note.</summary>
/// <param name="Source">Whether a rule or a phrase fired.</param>
/// <param name="Name">The rule's name, or the dictionary phrase as written in the dictionary.</param>
/// <param name="Detail">For a rule, the comparison with the value that satisfied it (e.g. <c>price_gap_percent 12.5 &gt; 10</c>); for a phrase, the text of the note that matched, as written in the note.</param>
/// <param name="Position">For a phrase, the zero-based index in the note (UTF-16 code units) of the match; -1 for a rule.</param>
/// <param name="Length">For a phrase, the length in the note (UTF-16 code units) of the match; 0 for a rule.</param>
/// <param name="Confidence">The confidence this evidence alone gives the reason, in (0, 1].</param>
/// <exception cref="System.ArgumentNullException"><paramref name="Name"/> or <paramref name="Detail"/> is <see langword="null"/>.</exception>
public readonly record struct ReasonEvidence(
    ReasonSource Source,
    string Name,
    string Detail,
    int Position,
    int Length,
    double Confidence)
{
    /// <summary>Gets the rule's name, or the dictionary phrase as written in the dictionary.</summary>
    public string Name { get; init; } = Guard.NotNull(Name, nameof(Name));

    /// <summary>Gets the comparison that satisfied the rule, or the text of the note that matched the phrase.</summary>
    public string Detail { get; init; } = Guard.NotNull(Detail, nameof(Detail));
}
