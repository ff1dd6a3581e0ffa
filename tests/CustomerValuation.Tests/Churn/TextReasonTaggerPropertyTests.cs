using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CustomerValuation.Churn;
using CustomerValuation.Internal;
using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace CustomerValuation.Tests.Churn;

/// <summary>
/// FsCheck properties of the free-text tagger (STYLE 17): determinism, independence of input order, nothing
/// lost, monotonicity in the lexicon, and evidence that points at the text it names.
/// </summary>
public class TextReasonTaggerPropertyTests
{
    private static readonly TextReasonTagger s_tagger = TextReasonTagger.Default;

    /// <summary>Fragments notes are built from: lexicon phrases of every reason, negation cues, look-alikes, clause words, filler and punctuation, in both languages and in odd widths and cases.</summary>
    private static readonly string[] s_fragments =
        ReasonLexicon.Default.Codes.SelectMany(c => ReasonLexicon.Default.PhrasesOf(c)).Select(p => p.Text).Where((_, i) => i % 3 == 0)
        .Concat(
        [
            "not", "no", "never", "isn't", "didn't", "不是", "不", "没有", "并非", "无关", "not the issue", "可以接受", "not happy", "不满意", "不如",
            "but", "但是", "而是", "the", "customer", "said", "客户", "说", "的", "了", ",", ".", "，", "。", ";", "\n", "  ", "\t",
            "ＰＲＩＣＥ", "Ｃｏｍｐｅｔｉｔｏｒ", "　", "PRICE", "Too Expensive", "priceless", "服务", "产品", "x", "😀", "’",
        ])
        .ToArray();

    private static readonly Gen<string> s_notes =
        from parts in Gen.ArrayOf(Gen.Elements(s_fragments))
        from spaced in Gen.Elements(true, false)
        select string.Join(spaced ? " " : string.Empty, parts);

    private static string Signature(IReadOnlyList<ReasonTag> tags) =>
        string.Join(
            " | ",
            tags.Select(t => t.Code + " " + t.Confidence.ToString("R", CultureInfo.InvariantCulture) + " "
                + string.Join(";", t.Evidence.Select(e => string.Format(CultureInfo.InvariantCulture, "{0}@{1}+{2}={3}/{4}", e.Name, e.Position, e.Length, e.Detail, e.Confidence)))));

    [Fact]
    public void Tag_SameNote_SameTags()
    {
        // Also across tagger instances and after other notes have used the per-thread buffers.
        var fresh = new TextReasonTagger(ReasonTaxonomy.Default, ReasonLexicon.Default);
        PropertyCheck.ForAll(
            from a in s_notes
            from b in s_notes
            select (a, b),
            pair =>
            {
                string first = Signature(s_tagger.Tag(pair.a));
                _ = s_tagger.Tag(pair.b + pair.b + pair.b);
                return first == Signature(s_tagger.Tag(pair.a)) && first == Signature(fresh.Tag(pair.a));
            });
    }

    [Fact]
    public void TagSequence_InputOrder_DoesNotChangeAnyCustomersTags()
    {
        PropertyCheck.ForAll(
            from notes in Gen.ArrayOf(s_notes)
            from seed in Gen.Choose(0, int.MaxValue)
            select (notes.Select((n, i) => ("c" + i.ToString(CultureInfo.InvariantCulture), n)).ToArray(), seed),
            c =>
            {
                (string Id, string Note)[] customers = c.Item1;
                var random = new Random(c.seed);
                (string Id, string Note)[] shuffled = customers.OrderBy(_ => random.Next()).ToArray();
                Dictionary<string, string> a = s_tagger.Tag(customers, x => x.Id, x => x.Note).ToDictionary(r => r.Id, r => Signature(r.Reasons));
                Dictionary<string, string> b = s_tagger.Tag(shuffled, x => x.Id, x => x.Note).ToDictionary(r => r.Id, r => Signature(r.Reasons));
                return a.Count == b.Count && a.All(kv => b[kv.Key] == kv.Value);
            });
    }

    [Fact]
    public void TagSequence_EveryCustomer_ComesOutOnceInInputOrder()
    {
        PropertyCheck.ForAll(
            Gen.ArrayOf(Gen.OneOf(s_notes, Gen.Constant<string>(null!), Gen.Constant(string.Empty))),
            notes =>
            {
                string[] ids = notes.Select((_, i) => "id" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
                IReadOnlyList<CustomerReasons<string>> result = s_tagger.Tag(ids, id => id, id => notes[int.Parse(id.AsSpan(2), CultureInfo.InvariantCulture)]);
                return result.Select(r => r.Id).SequenceEqual(ids)
                    && result.All(r => r.IsUntagged == (r.Reasons.Count == 0))
                    && result.Where((r, i) => string.IsNullOrWhiteSpace(notes[i])).All(r => r.IsUntagged);
            });
    }

    [Fact]
    public void Tag_AddingAPhrase_NeverRemovesAFiredReason()
    {
        // The added phrase is taken from the note itself (one fragment, or two neighbours with their separator)
        // most of the time, so that it does occur there, next to the phrases that fired.
        string[] codes = ReasonTaxonomy.Default.Select(r => r.Code).ToArray();
        PropertyCheck.ForAll(
            from parts in Gen.ArrayOf(Gen.Elements(s_fragments))
            from spaced in Gen.Elements(true, false)
            from at in Gen.Choose(0, 1000)
            from pair in Gen.Elements(true, false)
            from other in Gen.Elements("price", "the price", "not", "价格", "不是", "service", "客户", "too high")
            from code in Gen.Elements(codes)
            select (parts, separator: spaced ? " " : string.Empty, at, pair, other, code),
            c =>
            {
                string note = string.Join(c.separator, c.parts);
                string phrase = c.parts.Length == 0 ? c.other
                    : c.pair && c.parts.Length > 1 ? c.parts[c.at % (c.parts.Length - 1)] + c.separator + c.parts[(c.at % (c.parts.Length - 1)) + 1]
                    : c.parts[c.at % c.parts.Length];
                if (!NoteText.HasLetterOrDigit(NoteText.FoldPhrase(phrase)))
                {
                    phrase = c.other;
                }

                var extended = new TextReasonTagger(ReasonTaxonomy.Default, ReasonLexicon.Default.With(c.code, phrase));
                HashSet<string> after = extended.Tag(note).Select(t => t.Code).ToHashSet(StringComparer.Ordinal);
                return s_tagger.Tag(note).All(t => after.Contains(t.Code));
            });
    }

    [Fact]
    public void Tag_Evidence_PointsAtTextThatFoldsToThePhrase()
    {
        PropertyCheck.ForAll(s_notes, note =>
        {
            IReadOnlyList<ReasonTag> tags = s_tagger.Tag(note);
            return tags.Select(t => t.Code).Distinct(StringComparer.Ordinal).Count() == tags.Count
                && tags.All(t => t.Evidence.All(e =>
                    e.Source == ReasonSource.Phrase
                    && e.Detail == note.Substring(e.Position, e.Length)
                    && NoteText.FoldPhrase(e.Detail) == NoteText.FoldPhrase(e.Name)
                    && e.Confidence is > 0 and <= 1))
                && tags.Zip(tags.Skip(1), (a, b) => a.Evidence[0].Position < b.Evidence[0].Position
                    || (a.Evidence[0].Position == b.Evidence[0].Position && string.CompareOrdinal(a.Code, b.Code) < 0)).All(ok => ok);
        });
    }
}
