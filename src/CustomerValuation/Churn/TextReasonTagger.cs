using System;
using System.Collections.Generic;
using System.Globalization;
using CustomerValuation.Internal;

namespace CustomerValuation.Churn;

/// <summary>
/// Tags free-text notes on lost customers with reasons (SPEC §4): every lexicon phrase found in the note,
/// in English or Chinese, fires its reason unless a negation cue in the same clause denies it.
/// </summary>
/// <remarks>
/// <para>
/// <b>Normalisation.</b> Each UTF-16 code unit of the note is folded: invariant lower case, full-width ASCII
/// (Ｆ, ＃, ，) to ASCII, the ideographic space and every other white space to a space, curly apostrophes to '\'';
/// runs of white space collapse to one space. Lexicon phrases are folded the same way. Positions and
/// lengths in the evidence refer to the original note.
/// </para>
/// <para>
/// <b>Matching.</b> One Aho–Corasick automaton (Aho &amp; Corasick 1975) over all phrases, negation cues and
/// clause words makes a single pass over the note. A phrase whose first (last) character is a letter or digit of a
/// space-separated script must start (end) at a word boundary: "price" does not fire inside "priceless" or
/// "pricing". Chinese characters match anywhere, without word segmentation.
/// </para>
/// <para>
/// <b>Negation.</b> A phrase is dropped when a cue such as "not", "no", "never", "isn't", "不是", "不", "没有", "并非"
/// ends at most <see cref="NegationWindow"/> tokens before it, or a cue such as "is not an issue", "无关",
/// "可以接受" starts at most that many tokens after it, in the same clause. A token is an English word or one
/// Chinese character; a clause ends at . , ; ! ? 。 ； (and their full-width forms), at a line break, and at
/// "but", "however", "although", "但", "但是", "不过", "而是" and a few more; the look-around also stops after
/// 100 characters. A cue inside a lexicon phrase or inside a look-alike ("not only", "not happy with",
/// "不满意", "不如") negates nothing; a clause word is void only inside a look-alike ("不但"), never inside a
/// phrase, so adding a phrase never removes a reason. So "不是价格问题" and "not the price" do not tag price, and
/// "price, not service" tags price but not service.
/// </para>
/// <para>
/// <b>Evidence and overlap.</b> Each surviving match is one piece of evidence (the phrase as written, the text
/// of the note it matched, its position and length in the note, the phrase's confidence). A match contained in a
/// longer match of the same reason is dropped ("price" inside "price too high"); matches of different reasons
/// all count. A tag's confidence is the noisy-OR of its evidence (<see cref="ReasonTag"/>). Tags are ordered by
/// the position of their first evidence, then by code (ordinal).
/// </para>
/// <para>
/// Time O(note length + matches) per note; the tagger is immutable and safe to share between threads.
/// </para>
/// </remarks>
public sealed class TextReasonTagger
{
    /// <summary>The default negation window: 4 tokens.</summary>
    public const int DefaultNegationWindow = 4;

    /// <summary>The largest negation window accepted: 20 tokens.</summary>
    public const int MaxNegationWindow = 20;

    private const int MaxLookCharacters = 100;

    private const byte FlagBoundary = 1;
    private const byte FlagCueEnd = 2;
    private const byte FlagCovered = 4;
    private const byte FlagAfterStart = 8;
    private const byte FlagInPhrase = 16;

    private const byte RolePhrase = 1;
    private const byte RoleBefore = 2;
    private const byte RoleAfter = 4;
    private const byte RolePseudo = 8;
    private const byte RoleClause = 16;

    private static readonly Lazy<TextReasonTagger> s_default = new(() => new TextReasonTagger(ReasonTaxonomy.Default, ReasonLexicon.Default));

    private static readonly IReadOnlyList<ReasonTag> s_noTags = Array.AsReadOnly(Array.Empty<ReasonTag>());

    [ThreadStatic]
    private static Scratch? t_scratch;

    private readonly AhoCorasick _automaton;
    private readonly int[] _patternLength;
    private readonly bool[] _leftWord;
    private readonly bool[] _rightWord;
    private readonly byte[] _roles;
    private readonly int[] _entryStart;
    private readonly int[] _entryReason;
    private readonly ReasonPhrase[] _entryPhrase;
    private readonly string[] _codes;

    /// <summary>Builds a tagger for a taxonomy and a lexicon of phrases per reason.</summary>
    /// <param name="taxonomy">The reasons that may be tagged.</param>
    /// <param name="lexicon">The phrases per reason; every code must be in <paramref name="taxonomy"/>.</param>
    /// <param name="negationWindow">The largest number of tokens between a negation cue and the phrase it negates, 0 to <see cref="MaxNegationWindow"/>; default <see cref="DefaultNegationWindow"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="taxonomy"/> or <paramref name="lexicon"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A lexicon code is not in the taxonomy; the message names it.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="negationWindow"/> is outside 0 to <see cref="MaxNegationWindow"/>.</exception>
    public TextReasonTagger(ReasonTaxonomy taxonomy, ReasonLexicon lexicon, int negationWindow = DefaultNegationWindow)
    {
        Guard.NotNull(taxonomy, nameof(taxonomy));
        Guard.NotNull(lexicon, nameof(lexicon));
        if (negationWindow < 0 || negationWindow > MaxNegationWindow)
        {
            throw new ArgumentOutOfRangeException(
                nameof(negationWindow),
                negationWindow,
                string.Format(CultureInfo.InvariantCulture, "The negation window is {0} tokens; it must be 0 to {1} (0: only a cue right before the phrase negates it).", negationWindow, MaxNegationWindow));
        }

        foreach (string code in lexicon.Codes)
        {
            if (!taxonomy.Contains(code))
            {
                throw new ArgumentException(
                    $"The lexicon has phrases for reason '{code}', which is not in the taxonomy ({taxonomy.Count} reasons); add the reason to the taxonomy or remove it with Without(\"{code}\").",
                    nameof(lexicon));
            }
        }

        Taxonomy = taxonomy;
        Lexicon = lexicon;
        NegationWindow = negationWindow;

        var patternIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var patterns = new List<string>();
        var roles = new List<byte>();
        var entries = new List<List<(int Reason, ReasonPhrase Phrase)>?>();

        int PatternOf(string text)
        {
            if (!patternIds.TryGetValue(text, out int id))
            {
                id = patterns.Count;
                patternIds.Add(text, id);
                patterns.Add(text);
                roles.Add(0);
                entries.Add(null);
            }

            return id;
        }

        void AddRole(string[] words, byte role)
        {
            foreach (string word in words)
            {
                int id = PatternOf(word);
                roles[id] |= role;
            }
        }

        _codes = new string[lexicon.Codes.Count];
        for (int reason = 0; reason < _codes.Length; reason++)
        {
            string code = lexicon.Codes[reason];
            _codes[reason] = code;
            foreach (ReasonPhrase phrase in lexicon.PhrasesOf(code))
            {
                int id = PatternOf(phrase.MatchText);
                roles[id] |= RolePhrase;
                (entries[id] ??= []).Add((reason, phrase));
            }
        }

        AddRole(NegationCues.Before, RoleBefore);
        AddRole(NegationCues.After, RoleAfter);
        AddRole(NegationCues.Pseudo, RolePseudo);
        AddRole(NegationCues.ClauseWords, RoleClause);

        _automaton = new AhoCorasick(patterns);
        _roles = roles.ToArray();
        _patternLength = new int[patterns.Count];
        _leftWord = new bool[patterns.Count];
        _rightWord = new bool[patterns.Count];
        _entryStart = new int[patterns.Count + 1];
        for (int p = 0; p < patterns.Count; p++)
        {
            string text = patterns[p];
            _patternLength[p] = text.Length;
            _leftWord[p] = NoteText.IsWordChar(text[0]);
            _rightWord[p] = NoteText.IsWordChar(text[text.Length - 1]);
            _entryStart[p + 1] = _entryStart[p] + (entries[p]?.Count ?? 0);
        }

        _entryReason = new int[_entryStart[patterns.Count]];
        _entryPhrase = new ReasonPhrase[_entryStart[patterns.Count]];
        for (int p = 0; p < patterns.Count; p++)
        {
            if (entries[p] is { } list)
            {
                for (int k = 0; k < list.Count; k++)
                {
                    _entryReason[_entryStart[p] + k] = list[k].Reason;
                    _entryPhrase[_entryStart[p] + k] = list[k].Phrase;
                }
            }
        }
    }

    /// <summary>Gets the tagger for <see cref="ReasonTaxonomy.Default"/> and <see cref="ReasonLexicon.Default"/> with the default negation window (built once, on first use).</summary>
    public static TextReasonTagger Default => s_default.Value;

    /// <summary>Gets the taxonomy.</summary>
    public ReasonTaxonomy Taxonomy { get; }

    /// <summary>Gets the lexicon of phrases per reason.</summary>
    public ReasonLexicon Lexicon { get; }

    /// <summary>Gets the largest number of tokens between a negation cue and the phrase it negates.</summary>
    /// <value>Default <see cref="DefaultNegationWindow"/> (4).</value>
    public int NegationWindow { get; }

    /// <summary>Tags one note.</summary>
    /// <param name="note">The note; empty or white space gives no tags.</param>
    /// <returns>The reasons found, at most one tag per code, ordered by the position of their first evidence and then by code; empty when nothing fired (the note is untagged, never "other").</returns>
    /// <exception cref="ArgumentNullException"><paramref name="note"/> is <see langword="null"/> (the sequence overload treats a null note as untagged).</exception>
    public IReadOnlyList<ReasonTag> Tag(string note)
    {
        Guard.NotNull(note, nameof(note));
        ReasonTag[] tags = TagNote(note);
        return tags.Length == 0 ? s_noTags : Array.AsReadOnly(tags);
    }

    /// <summary>Tags a note that is not null; returns a new array (or the shared empty one) that no one else holds.</summary>
    private ReasonTag[] TagNote(string note)
    {
        if (note.Length == 0)
        {
            return Array.Empty<ReasonTag>();
        }

        Scratch scratch = t_scratch ??= new Scratch();
        scratch.Ensure(note.Length);
        int length = Normalize(note, scratch);
        int matches = Scan(scratch, length);
        if (matches == 0)
        {
            return Array.Empty<ReasonTag>();
        }

        MarkCues(scratch, matches);
        int candidates = Collect(scratch, length, matches);
        return candidates == 0 ? Array.Empty<ReasonTag>() : BuildTags(note, scratch, candidates);
    }

    /// <summary>Tags the note of every customer.</summary>
    /// <typeparam name="T">The record type, one record per customer.</typeparam>
    /// <typeparam name="TId">The customer id type.</typeparam>
    /// <param name="customers">The customers, one record each.</param>
    /// <param name="idSelector">Gets a record's customer id; not null, unique.</param>
    /// <param name="noteSelector">Gets a record's note; a null, empty or white-space note makes an untagged customer.</param>
    /// <returns>Every customer exactly once, in input order; a customer where nothing fired is untagged (<see cref="CustomerReasons{TId}.IsUntagged"/>). Empty input gives an empty list.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="customers"/>, <paramref name="idSelector"/> or <paramref name="noteSelector"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An id is null or repeated (the message names the index and the id); join several notes of one customer with a line break, which also ends a clause.</exception>
    public IReadOnlyList<CustomerReasons<TId>> Tag<T, TId>(IEnumerable<T> customers, Func<T, TId> idSelector, Func<T, string?> noteSelector)
        where TId : notnull
    {
        Guard.NotNull(customers, nameof(customers));
        Guard.NotNull(idSelector, nameof(idSelector));
        Guard.NotNull(noteSelector, nameof(noteSelector));
        var seen = new Dictionary<TId, int>();
        var result = customers is ICollection<T> collection ? new List<CustomerReasons<TId>>(collection.Count) : new List<CustomerReasons<TId>>();
        int row = 0;
        foreach (T item in customers)
        {
            TId id = idSelector(item);
            if (id is null)
            {
                throw new ArgumentException(
                    string.Format(CultureInfo.InvariantCulture, "The customer id of the record at index {0} of {1} is null; every record needs an id.", row, nameof(customers)),
                    nameof(customers));
            }

            if (seen.TryGetValue(id, out int first))
            {
                throw new ArgumentException(
                    string.Format(CultureInfo.InvariantCulture, "Customer id '{0}' appears twice in {1}, at indices {2} and {3}; give each customer one record (join several notes with a line break).", id, nameof(customers), first, row),
                    nameof(customers));
            }

            seen.Add(id, row);
            string? note = noteSelector(item);
            result.Add(CustomerReasons<TId>.FromChecked(id, note is null ? Array.Empty<ReasonTag>() : TagNote(note)));
            row++;
        }

        return result.AsReadOnly();
    }

    private static int Normalize(string note, Scratch scratch)
    {
        char[] text = scratch.Text;
        int[] map = scratch.Map;
        byte[] flags = scratch.Flags;
        int n = 0;
        bool pendingSpace = false;
        bool pendingBreak = false;
        int spaceAt = 0;
        for (int i = 0; i < note.Length; i++)
        {
            char raw = note[i];
            char c = NoteText.Fold(raw);
            if (c == ' ')
            {
                if (!pendingSpace)
                {
                    pendingSpace = true;
                    spaceAt = i;
                }

                pendingBreak |= NoteText.IsLineBreak(raw);
                continue;
            }

            if (pendingSpace)
            {
                text[n] = ' ';
                map[n] = spaceAt;
                flags[n] = pendingBreak ? FlagBoundary : (byte)0;
                n++;
                pendingSpace = false;
                pendingBreak = false;
            }

            text[n] = c;
            map[n] = i;
            flags[n] = NoteText.IsClausePunctuation(c) ? FlagBoundary : (byte)0;
            n++;
        }

        return n;
    }

    private int Scan(Scratch scratch, int length)
    {
        char[] text = scratch.Text;
        AhoCorasick automaton = _automaton;
        int count = 0;
        int state = 0;
        for (int i = 0; i < length; i++)
        {
            state = automaton.Next(state, text[i]);
            for (int report = automaton.FirstReport(state); report >= 0; report = automaton.NextReport(report))
            {
                int end = automaton.OutputEnd(report);
                for (int k = automaton.OutputStart(report); k < end; k++)
                {
                    int pattern = automaton.Output(k);
                    int start = i + 1 - _patternLength[pattern];
                    if ((_leftWord[pattern] && start > 0 && NoteText.IsWordChar(text[start - 1]))
                        || (_rightWord[pattern] && i + 1 < length && NoteText.IsWordChar(text[i + 1])))
                    {
                        continue;
                    }

                    scratch.AddMatch(count++, pattern, start, i + 1);
                }
            }
        }

        return count;
    }

    private void MarkCues(Scratch scratch, int matches)
    {
        byte[] flags = scratch.Flags;
        Match[] found = scratch.Matches;

        // A cue inside a lexicon phrase, a look-alike or an after-cue is part of that expression and negates
        // nothing; a clause word is disabled only by a look-alike ("不但"), never by a phrase, so that adding a
        // phrase can never join two clauses.
        for (int m = 0; m < matches; m++)
        {
            byte role = _roles[found[m].Pattern];
            byte mark = (byte)(((role & (RolePseudo | RoleAfter)) != 0 ? FlagCovered : 0) | ((role & RolePhrase) != 0 ? FlagInPhrase : 0));
            if (mark != 0)
            {
                for (int j = found[m].Start; j < found[m].End; j++)
                {
                    flags[j] |= mark;
                }
            }
        }

        for (int m = 0; m < matches; m++)
        {
            byte role = _roles[found[m].Pattern];
            int start = found[m].Start;
            int end = found[m].End;
            if ((role & RoleAfter) != 0)
            {
                flags[start] |= FlagAfterStart;
            }

            if ((role & RoleBefore) != 0 && !IsCovered(flags, start, end, FlagCovered | FlagInPhrase))
            {
                flags[end - 1] |= FlagCueEnd;
            }

            if ((role & RoleClause) != 0 && !IsCovered(flags, start, end, FlagCovered))
            {
                for (int j = start; j < end; j++)
                {
                    flags[j] |= FlagBoundary;
                }
            }
        }
    }

    private static bool IsCovered(byte[] flags, int start, int end, byte cover)
    {
        for (int j = start; j < end; j++)
        {
            if ((flags[j] & cover) == 0)
            {
                return false;
            }
        }

        return true;
    }

    private int Collect(Scratch scratch, int length, int matches)
    {
        Match[] found = scratch.Matches;
        int count = 0;
        for (int m = 0; m < matches; m++)
        {
            int pattern = found[m].Pattern;
            if ((_roles[pattern] & RolePhrase) == 0
                || NegatedBefore(scratch, found[m].Start)
                || NegatedAfter(scratch, found[m].End, length))
            {
                continue;
            }

            for (int e = _entryStart[pattern]; e < _entryStart[pattern + 1]; e++)
            {
                scratch.AddCandidate(count++, new Candidate(_entryReason[e], e, found[m].Start, found[m].End));
            }
        }

        return count;
    }

    private bool NegatedBefore(Scratch scratch, int start)
    {
        char[] text = scratch.Text;
        byte[] flags = scratch.Flags;
        int stop = Math.Max(0, start - MaxLookCharacters);
        int tokens = 0;
        int i = start - 1;
        while (i >= stop)
        {
            byte f = flags[i];
            if ((f & FlagBoundary) != 0)
            {
                return false;
            }

            if ((f & FlagCueEnd) != 0)
            {
                return true;
            }

            char c = text[i];
            if (NoteText.IsWordChar(c))
            {
                i--;
                while (i >= stop && NoteText.IsWordChar(text[i]))
                {
                    if ((flags[i] & FlagBoundary) != 0)
                    {
                        return false;
                    }

                    i--;
                }

                if (++tokens > NegationWindow)
                {
                    return false;
                }
            }
            else
            {
                i--;

                // One token per Chinese character: a supplementary one (two code units) counts at its high surrogate.
                if (NoteText.IsIdeographic(c) && !char.IsLowSurrogate(c) && ++tokens > NegationWindow)
                {
                    return false;
                }
            }
        }

        return false;
    }

    private bool NegatedAfter(Scratch scratch, int end, int length)
    {
        char[] text = scratch.Text;
        byte[] flags = scratch.Flags;
        int stop = Math.Min(length, end + MaxLookCharacters);
        int tokens = 0;
        int i = end;
        while (i < stop)
        {
            byte f = flags[i];
            if ((f & FlagAfterStart) != 0)
            {
                return true;
            }

            if ((f & FlagBoundary) != 0)
            {
                return false;
            }

            char c = text[i];
            if (NoteText.IsWordChar(c))
            {
                i++;
                while (i < stop && NoteText.IsWordChar(text[i]))
                {
                    if ((flags[i] & FlagBoundary) != 0)
                    {
                        return false;
                    }

                    i++;
                }

                if (++tokens > NegationWindow)
                {
                    return false;
                }
            }
            else
            {
                i++;
                if (NoteText.IsIdeographic(c) && !char.IsLowSurrogate(c) && ++tokens > NegationWindow)
                {
                    return false;
                }
            }
        }

        return false;
    }

    private ReasonTag[] BuildTags(string note, Scratch scratch, int count)
    {
        Candidate[] candidates = scratch.Candidates;
        Array.Sort(candidates, 0, count, CandidateOrder.Instance);
        int[] map = scratch.Map;
        var tags = new List<(int FirstStart, ReasonTag Tag)>();
        var evidence = new List<ReasonEvidence>();
        int i = 0;
        while (i < count)
        {
            int reason = candidates[i].Reason;
            int maxEnd = -1;
            evidence.Clear();
            int firstStart = candidates[i].Start;
            for (; i < count && candidates[i].Reason == reason; i++)
            {
                Candidate c = candidates[i];
                if (c.End <= maxEnd)
                {
                    continue; // inside a longer (or equal) match of the same reason
                }

                maxEnd = c.End;
                int position = map[c.Start];
                int originalLength = map[c.End - 1] + 1 - position;
                ReasonPhrase phrase = _entryPhrase[c.Entry];
                string detail = phrase.Text.Length == originalLength && string.CompareOrdinal(note, position, phrase.Text, 0, originalLength) == 0
                    ? phrase.Text
                    : note.Substring(position, originalLength);
                evidence.Add(new ReasonEvidence(ReasonSource.Phrase, phrase.Text, detail, position, originalLength, phrase.Confidence));
            }

            tags.Add((firstStart, ReasonTag.FromChecked(_codes[reason], evidence.ToArray())));
        }

        tags.Sort((a, b) =>
        {
            int byStart = a.FirstStart.CompareTo(b.FirstStart);
            return byStart != 0 ? byStart : string.CompareOrdinal(a.Tag.Code, b.Tag.Code);
        });
        var result = new ReasonTag[tags.Count];
        for (int t = 0; t < result.Length; t++)
        {
            result[t] = tags[t].Tag;
        }

        return result;
    }

    private readonly struct Match
    {
        public Match(int pattern, int start, int end)
        {
            Pattern = pattern;
            Start = start;
            End = end;
        }

        public int Pattern { get; }

        public int Start { get; }

        public int End { get; }
    }

    private readonly struct Candidate
    {
        public Candidate(int reason, int entry, int start, int end)
        {
            Reason = reason;
            Entry = entry;
            Start = start;
            End = end;
        }

        public int Reason { get; }

        public int Entry { get; }

        public int Start { get; }

        public int End { get; }
    }

    /// <summary>By reason, then start, then longer first, then entry: a deterministic total order.</summary>
    private sealed class CandidateOrder : IComparer<Candidate>
    {
        public static readonly CandidateOrder Instance = new();

        public int Compare(Candidate x, Candidate y)
        {
            int c = x.Reason.CompareTo(y.Reason);
            if (c == 0)
            {
                c = x.Start.CompareTo(y.Start);
            }

            if (c == 0)
            {
                c = y.End.CompareTo(x.End);
            }

            return c != 0 ? c : x.Entry.CompareTo(y.Entry);
        }
    }

    /// <summary>Per-thread buffers, reused from note to note so that tagging allocates only its result.</summary>
    private sealed class Scratch
    {
        public char[] Text { get; private set; } = new char[256];

        public int[] Map { get; private set; } = new int[256];

        public byte[] Flags { get; private set; } = new byte[256];

        public Match[] Matches { get; private set; } = new Match[32];

        public Candidate[] Candidates { get; private set; } = new Candidate[32];

        public void Ensure(int length)
        {
            if (Text.Length < length)
            {
                int size = Math.Max(length, Text.Length * 2);
                Text = new char[size];
                Map = new int[size];
                Flags = new byte[size];
            }
        }

        public void AddMatch(int index, int pattern, int start, int end)
        {
            if (index == Matches.Length)
            {
                var grown = new Match[Matches.Length * 2];
                Array.Copy(Matches, grown, Matches.Length);
                Matches = grown;
            }

            Matches[index] = new Match(pattern, start, end);
        }

        public void AddCandidate(int index, Candidate candidate)
        {
            if (index == Candidates.Length)
            {
                var grown = new Candidate[Candidates.Length * 2];
                Array.Copy(Candidates, grown, Candidates.Length);
                Candidates = grown;
            }

            Candidates[index] = candidate;
        }
    }
}
