using System;
using CustomerValuation.Internal;

namespace CustomerValuation.Churn;

/// <summary>One piece of evidence that fired a reason: a rule over structured signals, or a phrase found in a note.</summary>
public readonly record struct ReasonEvidence
{
    /// <summary>Creates a piece of evidence.</summary>
    /// <param name="source">Whether a rule or a phrase fired.</param>
    /// <param name="name">The rule's name, or the dictionary phrase as written in the dictionary.</param>
    /// <param name="detail">For a rule, the comparison with the value that satisfied it (e.g. <c>price_gap_percent 12.5 &gt; 10</c>); for a phrase, the text of the note that matched, as written in the note.</param>
    /// <param name="position">For a phrase, the zero-based index in the note (UTF-16 code units) of the match; -1 for a rule.</param>
    /// <param name="length">For a phrase, the length in the note (UTF-16 code units) of the match; 0 for a rule.</param>
    /// <param name="confidence">The confidence this evidence alone gives the reason, in (0, 1].</param>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> or <paramref name="detail"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="confidence"/> is outside (0, 1], or <paramref name="position"/> is below -1, or <paramref name="length"/> is negative.</exception>
    public ReasonEvidence(ReasonSource source, string name, string detail, int position, int length, double confidence)
    {
        Guard.NotNull(name, nameof(name));
        Guard.NotNull(detail, nameof(detail));
        if (!(confidence > 0.0 && confidence <= 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(confidence), confidence, $"Evidence '{name}': the confidence must be in (0, 1].");
        }

        if (position < -1)
        {
            throw new ArgumentOutOfRangeException(nameof(position), position, $"Evidence '{name}': the position must be -1 (a rule) or a zero-based index in the note.");
        }

        if (length < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(length), length, $"Evidence '{name}': the length must not be negative.");
        }

        Source = source;
        Name = name;
        Detail = detail;
        Position = position;
        Length = length;
        Confidence = confidence;
    }

    /// <summary>Gets whether a rule or a phrase fired.</summary>
    public ReasonSource Source { get; }

    /// <summary>Gets the rule's name, or the dictionary phrase as written in the dictionary.</summary>
    public string Name { get; }

    /// <summary>Gets the comparison that held (a rule) or the matched text as written in the note (a phrase).</summary>
    public string Detail { get; }

    /// <summary>Gets the zero-based index of a phrase's match in the note; -1 for a rule.</summary>
    public int Position { get; }

    /// <summary>Gets the length of a phrase's match in the note; 0 for a rule.</summary>
    public int Length { get; }

    /// <summary>Gets the confidence this evidence alone gives the reason, in (0, 1].</summary>
    public double Confidence { get; }
}
