using System.Globalization;
using System.Runtime.CompilerServices;

namespace CustomerValuation.Internal;

/// <summary>
/// Character folding and classes shared by the reason dictionary and the free-text tagger: one UTF-16
/// code unit in, one out, so positions in the folded text map back to the note one to one.
/// </summary>
internal static class NoteText
{
    /// <summary>
    /// Folds one code unit: full-width ASCII (U+FF01–U+FF5E) to ASCII, every white-space character
    /// (including the ideographic space U+3000) to ' ', curly apostrophes to '\'', then lower case
    /// by the invariant culture.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static char Fold(char c)
    {
        if (c < 128)
        {
            if (c >= 'A' && c <= 'Z')
            {
                return (char)(c + 32);
            }

            return c is '\t' or '\n' or '\v' or '\f' or '\r' ? ' ' : c;
        }

        // CJK punctuation, kana, ideographs and Hangul have no case and no white space (U+3000 is handled below).
        if ((c > '\u3000' && c < '\uA000') || (c >= '\uAC00' && c < '\uD800'))
        {
            return c;
        }

        if (c >= '\uFF01' && c <= '\uFF5E')
        {
            c = (char)(c - 0xFEE0);
            return c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
        }

        if (c is '\u2019' or '\u2018' or '\u02BC')
        {
            return '\'';
        }

        return char.IsWhiteSpace(c) ? ' ' : char.ToLowerInvariant(c);
    }

    /// <summary>True for a line break (which also ends a clause).</summary>
    public static bool IsLineBreak(char c) => c is '\n' or '\r' or '\u0085' or '\u2028' or '\u2029';

    /// <summary>
    /// True for characters of scripts written without spaces between words, matched without word
    /// boundaries and counted one token each: CJK ideographs (with extensions, compatibility forms and
    /// surrogate halves of the supplementary planes), CJK radicals and kana; not CJK punctuation (U+3000–U+303F).
    /// </summary>
    public static bool IsIdeographic(char c) =>
        (c >= '\u2E80' && c <= '\u2FFF')
        || (c >= '\u3040' && c <= '\u30FF')
        || (c >= '\u3400' && c <= '\u4DBF')
        || (c >= '\u4E00' && c <= '\u9FFF')
        || (c >= '\uF900' && c <= '\uFAFF')
        || (c >= '\uD800' && c <= '\uDFFF');

    /// <summary>
    /// True for a letter or digit of a script that separates words by spaces (a "word character"), and for a combining
    /// mark, which belongs to the letter before it (UAX #29, WB4), so that "price" + U+0301 is one word as "pricé" is.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsWordChar(char c)
    {
        if (c < 128)
        {
            return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
        }

        if (IsIdeographic(c))
        {
            return false;
        }

        return char.IsLetterOrDigit(c)
            || char.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;
    }

    /// <summary>True for punctuation that ends a clause (after folding): . , ; ! ? and 。 ； (full-width forms fold to ASCII).</summary>
    public static bool IsClausePunctuation(char c) => c is '.' or ',' or ';' or '!' or '?' or '\u3002' or '\uFF61' or '\uFE50' or '\uFE54';

    /// <summary>
    /// Folds a dictionary phrase the way notes are folded, collapses runs of white space to one space and
    /// trims the ends.
    /// </summary>
    public static string FoldPhrase(string phrase)
    {
        var buffer = new char[phrase.Length];
        int length = 0;
        foreach (char raw in phrase)
        {
            char c = Fold(raw);
            if (c == ' ' && (length == 0 || buffer[length - 1] == ' '))
            {
                continue;
            }

            buffer[length++] = c;
        }

        if (length > 0 && buffer[length - 1] == ' ')
        {
            length--;
        }

        return new string(buffer, 0, length);
    }

    /// <summary>True when the text holds at least one ideographic character.</summary>
    public static bool HasIdeograph(string text)
    {
        foreach (char c in text)
        {
            if (IsIdeographic(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when the text holds at least one letter or digit of any script.</summary>
    public static bool HasLetterOrDigit(string text)
    {
        foreach (char c in text)
        {
            if (char.IsLetterOrDigit(c) || IsIdeographic(c))
            {
                return true;
            }
        }

        return false;
    }
}
