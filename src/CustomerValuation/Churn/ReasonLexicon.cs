using System;
using System.Collections.Generic;
using System.Globalization;
using CustomerValuation.Internal;

namespace CustomerValuation.Churn;

/// <summary>An immutable set of phrases per reason code, in English and Chinese, that the <see cref="TextReasonTagger"/> looks for in notes.</summary>
/// <remarks>
/// <para>
/// Start from <see cref="Default"/> (built for <see cref="ReasonTaxonomy.Default"/>) or <see cref="Empty"/>, and
/// extend it with <see cref="With(string, string[])"/>, replace a reason's phrases with
/// <see cref="Replace(string, string[])"/> or drop a reason with <see cref="Without"/>; every call returns a new
/// lexicon. Phrases are compared after folding (lower case, full width to ASCII, white space collapsed):
/// two phrases of one reason that fold to the same text are one phrase.
/// </para>
/// <para>
/// Codes are checked for form here and against a taxonomy by <see cref="Validate"/> and by the tagger's
/// constructor, so a lexicon can be built before the taxonomy it will be used with.
/// </para>
/// </remarks>
public sealed partial class ReasonLexicon
{
    private readonly string[] _codes;
    private readonly Dictionary<string, ReasonPhrase[]> _byCode;

    private ReasonLexicon(string[] codes, Dictionary<string, ReasonPhrase[]> byCode)
    {
        _codes = codes;
        _byCode = byCode;
        Codes = Array.AsReadOnly(codes);
        int count = 0;
        foreach (ReasonPhrase[] phrases in byCode.Values)
        {
            count += phrases.Length;
        }

        PhraseCount = count;
    }

    /// <summary>Gets a lexicon with no phrases.</summary>
    public static ReasonLexicon Empty { get; } = new([], new Dictionary<string, ReasonPhrase[]>(StringComparer.Ordinal));

    /// <summary>Gets the reason codes that have phrases, in the order they were added.</summary>
    public IReadOnlyList<string> Codes { get; }

    /// <summary>Gets the number of phrases over all reasons.</summary>
    public int PhraseCount { get; }

    /// <summary>Tells whether <paramref name="code"/> has phrases.</summary>
    /// <param name="code">A reason code.</param>
    /// <returns><see langword="true"/> when the lexicon holds phrases for the code.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="code"/> is <see langword="null"/>.</exception>
    public bool Contains(string code) => _byCode.ContainsKey(Guard.NotNull(code, nameof(code)));

    /// <summary>Gets the phrases of a reason, in the order they were added.</summary>
    /// <param name="code">A reason code.</param>
    /// <returns>The phrases; empty when the code has none.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="code"/> is <see langword="null"/>.</exception>
    public IReadOnlyList<ReasonPhrase> PhrasesOf(string code) =>
        _byCode.TryGetValue(Guard.NotNull(code, nameof(code)), out ReasonPhrase[]? phrases) ? Array.AsReadOnly(phrases) : Array.Empty<ReasonPhrase>();

    /// <summary>Gets the phrases of a reason in one language, in the order they were added.</summary>
    /// <param name="code">A reason code.</param>
    /// <param name="language">The language.</param>
    /// <returns>The phrases; empty when the code has none in that language.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="code"/> is <see langword="null"/>.</exception>
    public IReadOnlyList<ReasonPhrase> PhrasesOf(string code, NoteLanguage language)
    {
        var list = new List<ReasonPhrase>();
        foreach (ReasonPhrase phrase in PhrasesOf(code))
        {
            if (phrase.Language == language)
            {
                list.Add(phrase);
            }
        }

        return list.AsReadOnly();
    }

    /// <summary>Returns a lexicon with phrases added to a reason (language read from each phrase's text, confidence <see cref="ReasonPhrase.DefaultConfidence"/>).</summary>
    /// <param name="code">The reason code.</param>
    /// <param name="phrases">The phrases; at least one.</param>
    /// <returns>The extended lexicon; this one is unchanged. A phrase the reason already has (after folding) is replaced in place.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="code"/>, <paramref name="phrases"/> or one of the phrases is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="code"/> is not a valid code, there are no phrases, a phrase is empty (the message names the code and the index),
    /// or two phrases fold to the same text.
    /// </exception>
    public ReasonLexicon With(string code, params string[] phrases) => With(code, ToPhrases(code, phrases, nameof(phrases)));

    /// <summary>Returns a lexicon with phrases added to a reason.</summary>
    /// <param name="code">The reason code.</param>
    /// <param name="phrases">The phrases; at least one.</param>
    /// <returns>The extended lexicon; this one is unchanged. A phrase the reason already has (after folding) is replaced in place.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="code"/>, <paramref name="phrases"/> or one of the phrases is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="code"/> is not a valid code, there are no phrases, or two phrases fold to the same text.</exception>
    public ReasonLexicon With(string code, IEnumerable<ReasonPhrase> phrases)
    {
        Guard.NotNull(code, nameof(code));
        ReasonPhrase[] added = CheckPhrases(code, phrases, nameof(phrases));
        var merged = new List<ReasonPhrase>(_byCode.TryGetValue(code, out ReasonPhrase[]? existing) ? existing : []);
        foreach (ReasonPhrase phrase in added)
        {
            int at = merged.FindIndex(p => string.Equals(p.MatchText, phrase.MatchText, StringComparison.Ordinal));
            if (at >= 0)
            {
                merged[at] = phrase;
            }
            else
            {
                merged.Add(phrase);
            }
        }

        return Set(code, merged.ToArray());
    }

    /// <summary>Returns a lexicon in which a reason's phrases are replaced (language read from each phrase's text, confidence <see cref="ReasonPhrase.DefaultConfidence"/>); a reason without phrases gets them.</summary>
    /// <param name="code">The reason code.</param>
    /// <param name="phrases">The new phrases; at least one (use <see cref="Without"/> to drop a reason).</param>
    /// <returns>The new lexicon; this one is unchanged.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="code"/>, <paramref name="phrases"/> or one of the phrases is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="code"/> is not a valid code, there are no phrases, a phrase is empty (the message names the code and the index),
    /// or two phrases fold to the same text.
    /// </exception>
    public ReasonLexicon Replace(string code, params string[] phrases) => Replace(code, ToPhrases(code, phrases, nameof(phrases)));

    /// <summary>Returns a lexicon in which a reason's phrases are replaced; a reason without phrases gets them.</summary>
    /// <param name="code">The reason code.</param>
    /// <param name="phrases">The new phrases; at least one (use <see cref="Without"/> to drop a reason).</param>
    /// <returns>The new lexicon; this one is unchanged.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="code"/>, <paramref name="phrases"/> or one of the phrases is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="code"/> is not a valid code, there are no phrases, or two phrases fold to the same text.</exception>
    public ReasonLexicon Replace(string code, IEnumerable<ReasonPhrase> phrases)
    {
        Guard.NotNull(code, nameof(code));
        return Set(code, CheckPhrases(code, phrases, nameof(phrases)));
    }

    /// <summary>Returns a lexicon without a reason's phrases.</summary>
    /// <param name="code">The reason code.</param>
    /// <returns>The new lexicon; this one is unchanged.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="code"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The lexicon has no phrases for <paramref name="code"/> (a misspelt code is reported, not ignored).</exception>
    public ReasonLexicon Without(string code)
    {
        Guard.NotNull(code, nameof(code));
        if (!_byCode.ContainsKey(code))
        {
            throw new ArgumentException($"Reason '{code}' has no phrases in this lexicon, so there is nothing to remove; the lexicon has {DescribeCodes()}.", nameof(code));
        }

        var codes = new List<string>(_codes);
        codes.Remove(code);
        var byCode = new Dictionary<string, ReasonPhrase[]>(_byCode, StringComparer.Ordinal);
        byCode.Remove(code);
        return new ReasonLexicon(codes.ToArray(), byCode);
    }

    /// <summary>Checks that every code of this lexicon is in <paramref name="taxonomy"/>.</summary>
    /// <param name="taxonomy">The taxonomy the lexicon will be used with.</param>
    /// <exception cref="ArgumentNullException"><paramref name="taxonomy"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A code is not in the taxonomy; the message names it.</exception>
    public void Validate(ReasonTaxonomy taxonomy)
    {
        Guard.NotNull(taxonomy, nameof(taxonomy));
        foreach (string code in _codes)
        {
            if (!taxonomy.Contains(code))
            {
                throw new ArgumentException(
                    $"The lexicon has phrases for reason '{code}', which is not in the taxonomy ({taxonomy.Count} reasons); add the reason to the taxonomy or remove it with Without(\"{code}\").",
                    nameof(taxonomy));
            }
        }
    }

    /// <inheritdoc/>
    public override string ToString() => string.Format(CultureInfo.InvariantCulture, "{0} reasons, {1} phrases", _codes.Length, PhraseCount);

    private static ReasonPhrase[] ToPhrases(string code, string[] phrases, string parameterName)
    {
        Guard.NotNull(code, nameof(code));
        Guard.NotNull(phrases, parameterName);
        var list = new ReasonPhrase[phrases.Length];
        for (int i = 0; i < phrases.Length; i++)
        {
            string? text = phrases[i];
            if (text is null)
            {
                throw new ArgumentNullException(parameterName, string.Format(CultureInfo.InvariantCulture, "Reason '{0}': phrase {1} is null.", code, i));
            }

            string folded = NoteText.FoldPhrase(text);
            if (folded.Length == 0 || !NoteText.HasLetterOrDigit(folded))
            {
                throw new ArgumentException(
                    string.Format(CultureInfo.InvariantCulture, "Reason '{0}': phrase {1} ('{2}') is empty or holds no letter, digit or Chinese character; remove it or give the words to look for.", code, i, text),
                    parameterName);
            }

            list[i] = ReasonPhrase.Of(text);
        }

        return list;
    }

    private static ReasonPhrase[] CheckPhrases(string code, IEnumerable<ReasonPhrase> phrases, string parameterName)
    {
        Guard.NotNull(phrases, parameterName);
        ReasonDefinition.ValidateCode(code, nameof(code));
        var list = new List<ReasonPhrase>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (ReasonPhrase? phrase in phrases)
        {
            if (phrase is null)
            {
                throw new ArgumentNullException(parameterName, string.Format(CultureInfo.InvariantCulture, "Reason '{0}': phrase {1} is null.", code, list.Count));
            }

            if (seen.TryGetValue(phrase.MatchText, out int first))
            {
                throw new ArgumentException(
                    string.Format(CultureInfo.InvariantCulture, "Reason '{0}': phrases {1} and {2} are both '{3}' once folded (lower case, full width to ASCII, white space collapsed); give each phrase once.", code, first, list.Count, phrase.MatchText),
                    parameterName);
            }

            seen.Add(phrase.MatchText, list.Count);
            list.Add(phrase);
        }

        if (list.Count == 0)
        {
            throw new ArgumentException($"Reason '{code}': no phrases were given; give at least one, or use Without(\"{code}\") to drop the reason.", parameterName);
        }

        return list.ToArray();
    }

    private ReasonLexicon Set(string code, ReasonPhrase[] phrases)
    {
        var byCode = new Dictionary<string, ReasonPhrase[]>(_byCode, StringComparer.Ordinal) { [code] = phrases };
        string[] codes = _byCode.ContainsKey(code) ? _codes : [.. _codes, code];
        return new ReasonLexicon(codes, byCode);
    }

    private string DescribeCodes() => _codes.Length == 0 ? "no reasons" : "reasons " + string.Join(", ", _codes);
}
