using System;
using System.Globalization;
using CustomerValuation.Internal;

namespace CustomerValuation.Churn;

/// <summary>One lexicon phrase of a reason: the text to find in notes, its language and the confidence a match gives.</summary>
/// <remarks>
/// The tagger matches the phrase after folding it like a note: lower case (invariant culture), full-width ASCII
/// to ASCII, the ideographic space and every other white space to one space, curly apostrophes to '\''.
/// </remarks>
public sealed class ReasonPhrase
{
    /// <summary>The confidence of a phrase when none is given: 0.8.</summary>
    /// <remarks>
    /// A phrase is strong evidence but not proof (a note may quote the customer's excuse, or a negation may
    /// be missed), hence below 1; two independent phrases for one reason combine to 1 − 0.2² = 0.96.
    /// </remarks>
    public const double DefaultConfidence = 0.8;

    /// <summary>Creates a phrase.</summary>
    /// <param name="text">The phrase as written; it must hold at least one letter, digit or Chinese character.</param>
    /// <param name="language">The phrase's language.</param>
    /// <param name="confidence">The confidence one match gives the reason, in (0, 1]; default <see cref="DefaultConfidence"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="text"/> is empty or holds no letter, digit or Chinese character.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="confidence"/> is not in (0, 1], or <paramref name="language"/> is not defined.</exception>
    public ReasonPhrase(string text, NoteLanguage language, double confidence = DefaultConfidence)
    {
        Guard.NotNull(text, nameof(text));
        MatchText = NoteText.FoldPhrase(text);
        if (MatchText.Length == 0 || !NoteText.HasLetterOrDigit(MatchText))
        {
            throw new ArgumentException($"The phrase '{text}' is empty or holds no letter, digit or Chinese character; a phrase must name something to find in a note.", nameof(text));
        }

        if (language is not NoteLanguage.English and not NoteLanguage.Chinese)
        {
            throw new ArgumentOutOfRangeException(nameof(language), language, "The language must be English or Chinese.");
        }

        if (!(confidence > 0.0 && confidence <= 1.0))
        {
            throw new ArgumentOutOfRangeException(
                nameof(confidence),
                confidence,
                string.Format(CultureInfo.InvariantCulture, "Phrase '{0}': the confidence is {1}; it must be in (0, 1].", text, confidence.ToString("R", CultureInfo.InvariantCulture)));
        }

        Text = text;
        Language = language;
        Confidence = confidence;
    }

    /// <summary>Gets the phrase as written (reported as <see cref="ReasonEvidence.Name"/>).</summary>
    public string Text { get; }

    /// <summary>Gets the phrase's language.</summary>
    public NoteLanguage Language { get; }

    /// <summary>Gets the confidence one match gives the reason, in (0, 1].</summary>
    public double Confidence { get; }

    /// <summary>Gets the folded text the tagger looks for.</summary>
    internal string MatchText { get; }

    /// <summary>Creates a phrase whose language is read from the text: Chinese when it holds a Chinese character, English otherwise.</summary>
    /// <param name="text">The phrase as written.</param>
    /// <param name="confidence">The confidence one match gives the reason, in (0, 1]; default <see cref="DefaultConfidence"/>.</param>
    /// <returns>The phrase.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="text"/> is empty or holds no letter, digit or Chinese character.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="confidence"/> is not in (0, 1].</exception>
    public static ReasonPhrase Of(string text, double confidence = DefaultConfidence)
    {
        Guard.NotNull(text, nameof(text));
        return new ReasonPhrase(text, NoteText.HasIdeograph(text) ? NoteLanguage.Chinese : NoteLanguage.English, confidence);
    }

    /// <inheritdoc/>
    public override string ToString() => string.Format(CultureInfo.InvariantCulture, "{0} ({1}, {2:0.###})", Text, Language, Confidence);
}
