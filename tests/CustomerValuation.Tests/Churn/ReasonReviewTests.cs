using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using CustomerValuation.Churn;
using CustomerValuation.Internal;
using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace CustomerValuation.Tests.Churn;

/// <summary>
/// Review tests of the lost-customer reason code (issue 6): each bug found in review is pinned here by a test that
/// failed before its fix, followed by the review's checks of what held (matching against a naive search, concurrent
/// use of the shared default tagger, long notes, a trend between disjoint reason sets). Expected values follow the
/// contract in docs/lost-customers.md or are worked by hand in the comments.
/// </summary>
public class ReasonReviewTests
{
    /// <summary>U+20000, a CJK ideograph of Extension B: one Chinese character, two UTF-16 code units.</summary>
    private const string ExtB = "\U00020000";

    private static string Codes(string note) => string.Join(",", TextReasonTagger.Default.Tag(note).Select(t => t.Code));

    private static CustomerReasons<string> Customer(string id, params string[] codes) =>
        new(id, codes.Select(c => new ReasonTag(c, [new ReasonEvidence(ReasonSource.Rule, "r", "d", -1, 0, 1)])));

    [Theory]
    [InlineData("不" + ExtB + ExtB + ExtB + ExtB + "价格", "")] // 4 Chinese characters between cue and phrase: within the window of 4
    [InlineData("不" + ExtB + ExtB + ExtB + ExtB + ExtB + "价格", "price")] // 5: outside
    [InlineData("价格" + ExtB + ExtB + ExtB + ExtB + "无关", "")] // after-cue 4 characters after the phrase
    [InlineData("价格" + ExtB + ExtB + ExtB + ExtB + ExtB + "无关", "price")]
    public void Tag_SupplementaryIdeographsInTheNegationWindow_CountOneTokenEach(string note, string expected)
    {
        // Contract: "A token is an English word or one Chinese character", as "不的的的的价格" (4 BMP characters) is negated
        // and "不的的的的的价格" (5) is not. Before the fix each UTF-16 half of a supplementary character counted as a token,
        // so 4 Extension-B characters counted 8 and the cue no longer reached the phrase.
        Assert.Equal(expected, Codes(note));
    }

    [Theory]
    [InlineData("priceless offer")] // the documented case: "price" does not fire inside a longer word
    [InlineData("pric\u00E9 offer")] // "pricé" with the precomposed é (NFC)
    [InlineData("price\u0301 offer")] // the same word decomposed (NFD): e + U+0301 COMBINING ACUTE ACCENT
    [InlineData("price\u0327\u0301 offer")] // two combining marks
    public void Tag_PhraseFollowedByACombiningMark_DoesNotFireInsideTheWord(string note)
    {
        // Contract: a phrase whose last character is a letter must end at a word boundary. A combining mark belongs
        // to the letter before it (Unicode UAX #29, rule WB4: no word break before Extend), so "price" + U+0301 is the
        // word "pricé", and a note must tag alike in either normalization form. Before the fix the mark was not a
        // word character: the decomposed forms fired price (0.6) while the precomposed one did not.
        Assert.Equal(string.Empty, Codes(note));
    }

    [Fact]
    public void Tag_PhraseAfterAWordEndingInACombiningMark_DoesNotFireInsideTheWord()
    {
        // The left boundary likewise, with a user phrase "rene" (a competitor's name): "Rene" alone fires; in
        // "xe" + U+0301 + "rene" the mark joins "xé" to "rene", one word, so the phrase is inside a word and must not fire.
        var tagger = new TextReasonTagger(ReasonTaxonomy.Default, ReasonLexicon.Default.With("competitor", "rene"));
        Assert.Equal("competitor", string.Join(",", tagger.Tag("Rene offered less").Select(t => t.Code)));
        Assert.Equal(string.Empty, string.Join(",", tagger.Tag("xe\u0301rene offered less").Select(t => t.Code)));
    }

    [Fact]
    public void Pareto_LostValuesAddingUpBeyondTheLargestDouble_ThrowsTheDocumentedError()
    {
        // Contract (ReasonReport.Pareto): "the lost values add up to more than double.MaxValue" → ArgumentException naming
        // lostValue. Hand: 1.5e308 + 1.5e308 overflows. Before the fix the compensated sum came out NaN (∞ + −∞), the
        // overflow check (IsInfinity) let it through, and the ABC analysis of the lines failed instead with "The value at
        // index 0 is NaN ... Remove or repair that row" (ArgumentOutOfRangeException, parameter 'values'), about a row
        // that does not exist.
        CustomerReasons<string>[] customers = [Customer("a", "price"), Customer("b", "price")];

        ArgumentException e = Assert.Throws<ArgumentException>(() => ReasonReport.Pareto(customers, _ => 1.5e308, ReasonTaxonomy.Default));

        Assert.Equal("lostValue", e.ParamName);
        Assert.StartsWith("The lost values add up to more than the largest double", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BySegment_LostValuesAddingUpBeyondTheLargestDouble_ThrowsInsteadOfANaNTotal()
    {
        // Before the fix the table came back with TotalValue = NaN and each row's TotalValue = NaN, silently.
        CustomerReasons<string>[] customers = [Customer("a", "price"), Customer("b", "service")];

        ArgumentException e = Assert.Throws<ArgumentException>(() => ReasonReport.BySegment(customers, _ => "A", ReasonTaxonomy.Default, ReasonLevel.Family, _ => 1e308));

        Assert.Equal("lostValue", e.ParamName);
        Assert.StartsWith("The lost values add up to more than the largest double", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AhoCorasick_OverlappingAndSuffixPatterns_ReportsExactlyTheNaiveOccurrences()
    {
        // Patterns over a four-unit alphabet, so that overlaps, nesting, suffixes and repeats are common; the alphabet
        // holds both halves of a surrogate pair (U+1F600) so that patterns may start or end inside a pair. Expected:
        // every (pattern, end) with text[end − length, end) equal to the pattern, found by comparing at every offset.
        const string alphabet = "ab\uD83D\uDE00";
        Gen<string> word = from length in Gen.Choose(1, 4)
                           from units in Gen.ArrayOf(Gen.Elements(alphabet.ToCharArray()), length)
                           select new string(units);
        PropertyCheck.ForAll(
            from patterns in Gen.NonEmptyListOf(word)
            from length in Gen.Choose(0, 40)
            from text in Gen.ArrayOf(Gen.Elements(alphabet.ToCharArray()), length)
            select (patterns.ToArray(), new string(text)),
            c =>
            {
                (string[] patterns, string text) = c;
                var automaton = new AhoCorasick(patterns);
                var found = new List<(int Pattern, int End)>();
                int state = 0;
                for (int i = 0; i < text.Length; i++)
                {
                    state = automaton.Next(state, text[i]);
                    for (int report = automaton.FirstReport(state); report >= 0; report = automaton.NextReport(report))
                    {
                        for (int k = automaton.OutputStart(report); k < automaton.OutputEnd(report); k++)
                        {
                            found.Add((automaton.Output(k), i + 1));
                        }
                    }
                }

                var naive = new List<(int Pattern, int End)>();
                for (int p = 0; p < patterns.Length; p++)
                {
                    for (int end = patterns[p].Length; end <= text.Length; end++)
                    {
                        if (string.CompareOrdinal(text, end - patterns[p].Length, patterns[p], 0, patterns[p].Length) == 0)
                        {
                            naive.Add((p, end));
                        }
                    }
                }

                return found.OrderBy(x => x.End).ThenBy(x => x.Pattern).SequenceEqual(naive.OrderBy(x => x.End).ThenBy(x => x.Pattern));
            });
    }

    [Fact]
    public void Tag_PhrasesThatOverlapOrAreSuffixesOfOthers_EachReasonGetsItsMatches()
    {
        // Hand, a lexicon of four reasons: "price too high" (price.real), "too high" (price), "high" (price.fees, a suffix
        // of both), "oo h" (other, overlapping two words: it starts inside "too", so the word boundary rejects it).
        // "price too high": price.real at 0 (14), price at 6 (8), price.fees at 10 (4); "oo h" starts inside a word.
        var lexicon = ReasonLexicon.Empty.With("price.real", "price too high").With("price", "too high").With("price.fees", "high").With("other", "oo h");
        var tagger = new TextReasonTagger(ReasonTaxonomy.Default, lexicon);

        IReadOnlyList<ReasonTag> tags = tagger.Tag("price too high");

        Assert.Equal(
            new[] { ("price.real", 0, 14), ("price", 6, 8), ("price.fees", 10, 4) },
            tags.Select(t => (t.Code, t.Evidence.Single().Position, t.Evidence.Single().Length)));
    }

    [Fact]
    public void TagDefault_UsedFromManyThreadsAtOnce_GivesTheSerialResults()
    {
        // The shared default tagger keeps per-thread buffers; notes of very different lengths make the buffers grow
        // and the match lists differ in size from call to call. Every concurrent result must equal the serial one.
        string[] notes =
        [
            "too expensive", "不是价格问题，服务差", "Switched to a competitor; price too high", "not the price but rude staff",
            new string('x', 5000) + " price too high " + new string('y', 3000), string.Concat(Enumerable.Repeat("太贵了，", 500)), string.Empty,
        ];
        string[] serial = notes.Select(n => Signature(TextReasonTagger.Default.Tag(n))).ToArray();
        var wrong = new ConcurrentBag<int>();

        Parallel.For(0, 4000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            int k = (i * 7) % notes.Length;
            if (Signature(TextReasonTagger.Default.Tag(notes[k])) != serial[k])
            {
                wrong.Add(k);
            }
        });

        Assert.Empty(wrong);
    }

    [Fact]
    public void Tag_VeryLongNote_PositionsAndNegationStayLocal()
    {
        // Hand: 200,000 'x', a space, "price too high" at 200,001; then ", not the price" – "price" at 200,025 is
        // negated by "not" two tokens before it, inside its own clause; the first phrase is not.
        string note = new string('x', 200_000) + " price too high, not the price";

        ReasonTag tag = Assert.Single(TextReasonTagger.Default.Tag(note));

        Assert.Equal("price", tag.Code);
        Assert.Equal((200_001, 14), (Assert.Single(tag.Evidence).Position, tag.Evidence[0].Length));
    }

    [Fact]
    public void Trend_DisjointReasonSets_EveryReasonOnALineWithTheRightStatus()
    {
        // Hand: previous a price, b untagged (2 customers); current c service, d credit and complaint, e untagged (3).
        // Lines in taxonomy order: price 1/2 → 0 (−50 points, vanished); service 0 → 1/3 (+33.3, new); complaint 0 → 1/3
        // (new); credit 0 → 1/3 (new). Untagged 1/2 → 1/3: −16.7 points.
        CustomerReasons<string>[] previous = [Customer("a", "price"), Customer("b")];
        CustomerReasons<string>[] current = [Customer("c", "service"), Customer("d", "credit", "complaint"), Customer("e")];

        ReasonTrendReport trend = ReasonReport.Trend(previous, current, ReasonTaxonomy.Default);

        Assert.Equal(new[] { "price", "service", "complaint", "credit" }, trend.Lines.Select(l => l.Code));
        Assert.Equal(
            new[] { ReasonTrendStatus.Vanished, ReasonTrendStatus.New, ReasonTrendStatus.New, ReasonTrendStatus.New },
            trend.Lines.Select(l => l.Status));
        Assert.Equal(-50, trend.Lines[0].ShareChangePoints, 12);
        Assert.All(trend.Lines.Skip(1), l => Assert.Equal(100.0 / 3, l.ShareChangePoints, 12));
        Assert.Equal((100.0 / 3) - 50, trend.UntaggedShareChangePoints, 12);
    }

    private static string Signature(IReadOnlyList<ReasonTag> tags) =>
        string.Join(" | ", tags.Select(t => t.Code + " " + t.Confidence.ToString("R", System.Globalization.CultureInfo.InvariantCulture) + " "
            + string.Join(";", t.Evidence.Select(e => e.Name + "@" + e.Position.ToString(System.Globalization.CultureInfo.InvariantCulture) + "=" + e.Detail))));
}
