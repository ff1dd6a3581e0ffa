using System;
using System.Linq;
using CustomerValuation.Churn;
using Xunit;

namespace CustomerValuation.Tests.Churn;

/// <summary>
/// Review tests of the lost-customer reason code (issue 6): each bug found in review is pinned here by a test that
/// failed before its fix. Expected values follow the contract in docs/lost-customers.md.
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
}
