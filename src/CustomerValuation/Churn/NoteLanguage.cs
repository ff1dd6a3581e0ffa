namespace CustomerValuation.Churn;

/// <summary>The language of a lexicon phrase; English and Chinese phrases are matched in the same single pass over a note.</summary>
/// <remarks>
/// The language is metadata for reading and editing a lexicon (<see cref="ReasonLexicon.PhrasesOf(string, NoteLanguage)"/>);
/// matching depends only on the characters: letters of space-separated scripts match on word boundaries,
/// Chinese characters match anywhere (no word segmentation).
/// </remarks>
public enum NoteLanguage
{
    /// <summary>English (and other languages written with spaces between words).</summary>
    English = 0,

    /// <summary>Chinese (simplified), written without spaces between words.</summary>
    Chinese = 1,
}
