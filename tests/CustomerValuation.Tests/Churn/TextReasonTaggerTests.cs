using System;
using System.Collections.Generic;
using System.Linq;
using CustomerValuation.Churn;
using Xunit;

namespace CustomerValuation.Tests.Churn;

/// <summary>
/// Example tests of the free-text tagger with the default taxonomy and lexicon. Expected codes come from the
/// meaning of each note (W10's price reasons for the first group) and the lexicon's phrases; positions and
/// lengths are counted by hand in the note (UTF-16 code units, 0-based) and written beside each case.
/// </summary>
public class TextReasonTaggerTests
{
    private static readonly TextReasonTagger s_tagger = TextReasonTagger.Default;

    private static string Codes(string note) => Codes(s_tagger, note);

    private static string Codes(TextReasonTagger tagger, string note) => string.Join(",", tagger.Tag(note).Select(t => t.Code));

    private static ReasonTag Single(string note, string code) => s_tagger.Tag(note).Single(t => t.Code == code);

    private static void AssertEvidence(ReasonTag tag, params (string Name, int Position, int Length)[] expected) =>
        Assert.Equal(expected, tag.Evidence.Select(e => (e.Name, e.Position, e.Length)));

    [Fact]
    public void Tag_W10PriceReallyHigherThanValue_TagsPriceReal()
    {
        // "positioned too high" at 15 (19 chars), "not worth the price" at 36 (19); the generic "price" at 50 is a
        // different reason (price) and also fires; its "not" belongs to the phrase, so it negates nothing.
        const string note = "The product is positioned too high: not worth the price for this segment.";
        Assert.Equal("price.real,price", Codes(note));
        AssertEvidence(Single(note, "price.real"), ("positioned too high", 15, 19), ("not worth the price", 36, 19));
        AssertEvidence(Single(note, "price"), ("price", 50, 5));
    }

    [Fact]
    public void Tag_W10DealerMarkup_KeepsOneEvidenceForNestedPhrases()
    {
        // "dealer mark-up" 0..13 contains the generic "mark-up" of the same reason: one piece of evidence.
        const string note = "Dealer mark-up of 15% on top of list price";
        Assert.Equal("price.seeming.dealer-markup,price", Codes(note));
        ReasonTag markup = Single(note, "price.seeming.dealer-markup");
        AssertEvidence(markup, ("dealer mark-up", 0, 14));
        Assert.Equal("Dealer mark-up", markup.Evidence[0].Detail);
        Assert.Equal(0.8, markup.Confidence, 12);
        AssertEvidence(Single(note, "price"), ("price", 37, 5));
        Assert.Equal(0.6, Single(note, "price").Confidence, 12);
    }

    [Fact]
    public void Tag_W10CompetitiveBidding_CombinesEvidenceByNoisyOr()
    {
        // Two 0.8 phrases: 1 − 0.2 × 0.2 = 0.96. "tender" (generic) lies inside "lost the tender".
        const string note = "Lost the tender: three suppliers in a bidding war";
        Assert.Equal("price.seeming.competitive-bidding", Codes(note));
        ReasonTag tag = Single(note, "price.seeming.competitive-bidding");
        AssertEvidence(tag, ("lost the tender", 0, 15), ("bidding war", 38, 11));
        Assert.Equal(0.96, tag.Confidence, 12);
    }

    [Fact]
    public void Tag_W10PromotionConflict_TagsIt()
    {
        const string note = "Manufacturer promotion and dealer promotion disagree";
        Assert.Equal("price.seeming.promotion-conflict", Codes(note));
        AssertEvidence(Single(note, "price.seeming.promotion-conflict"), ("manufacturer promotion", 0, 22), ("dealer promotion", 27, 16));
    }

    [Fact]
    public void Tag_W10CustomerExcuse_TagsPriceAndExcuse()
    {
        const string note = "Price was just an excuse; the buyer had already chosen.";
        Assert.Equal("price,price.seeming.customer-excuse", Codes(note));
        AssertEvidence(Single(note, "price.seeming.customer-excuse"), ("just an excuse", 10, 14));
    }

    [Fact]
    public void Tag_W10MisreadNeed_TagsIt()
    {
        // "more than they need" does not fire inside "needed" (word boundary); the longer phrase does.
        const string note = "We offered the wrong model, more than they needed, so it looked expensive";
        Assert.Equal("price.seeming.misread-need,price", Codes(note));
        AssertEvidence(Single(note, "price.seeming.misread-need"), ("offered the wrong model", 3, 23), ("more than they needed", 28, 21));
        AssertEvidence(Single(note, "price"), ("expensive", 64, 9));
    }

    [Theory]
    [InlineData("产品定位太高，性价比差", "price.real")] // 定位太高 at 2, 性价比差 at 7
    [InlineData("经销商加价太多，客户觉得价格太高", "price.seeming.dealer-markup,price")] // 经销商加价 at 0, 价格太高 at 12
    [InlineData("客户在招标中比价，最低价中标", "price.seeming.competitive-bidding")] // 招标 3, 比价 6, 最低价中标 9
    [InlineData("厂家促销和经销商促销不一致", "price.seeming.promotion-conflict")] // 厂家促销 0, 经销商促销 5, 促销不一致 8
    [InlineData("嫌贵只是借口", "price.seeming.customer-excuse")] // 借口 at 4
    [InlineData("没弄清需求，配置过高，显得贵", "price.seeming.misread-need,price.seeming")] // 没弄清需求 0, 配置过高 6; 显得贵 11
    public void Tag_W10ChineseNotes_TagThePriceReasons(string note, string expected) => Assert.Equal(expected, Codes(note));

    [Fact]
    public void Tag_ChineseNote_ReportsPositionsWithoutSegmentation()
    {
        // 客0 户1 在2 招3 标4 中5 比6 价7 ，8 最9 低10 价11 中12 标13: three phrases of one reason, 1 − 0.2³ = 0.992;
        // 低价中标 (9+1) lies inside 最低价中标 and is dropped.
        ReasonTag tag = Single("客户在招标中比价，最低价中标", "price.seeming.competitive-bidding");
        AssertEvidence(tag, ("招标", 3, 2), ("比价", 6, 2), ("最低价中标", 9, 5));
        Assert.Equal(0.992, tag.Confidence, 12);
        AssertEvidence(Single("厂家促销和经销商促销不一致", "price.seeming.promotion-conflict"), ("厂家促销", 0, 4), ("经销商促销", 5, 5), ("促销不一致", 8, 5));
    }

    [Theory]
    [InlineData("不是价格问题")]
    [InlineData("not the price")]
    [InlineData("It was not really about the price")]
    [InlineData("与价格无关")]
    [InlineData("The price wasn't the issue")]
    [InlineData("价格可以接受")]
    [InlineData("并非价格太高")]
    [InlineData("No complaints")]
    public void Tag_NegatedPhrase_IsNotTagged(string note) => Assert.Equal(string.Empty, Codes(note));

    [Theory]
    [InlineData("与价格有关", "price")] // control for 与价格无关
    [InlineData("the price", "price")] // control for "not the price"
    [InlineData("not happy with the price", "price")] // "not happy" is a look-alike, not a negation
    [InlineData("不满意服务态度", "service.attitude")] // 不满意 is a look-alike
    [InlineData("产品不如竞争对手", "competitor.product,competitor")] // 不如 is a look-alike; 不如竞争对手 at 2, 竞争对手 at 4
    [InlineData("不是价格而是服务差", "service")] // 而是 ends the clause: 不是 negates 价格 only
    [InlineData("价格没关系，主要是服务态度差", "service.attitude")] // 没关系 negates 价格 before it
    [InlineData("No, the price", "price")] // the comma ends the clause
    [InlineData("not the service but the price is too high", "price")] // "but" ends the clause
    [InlineData("The price was not the issue, the competitor offered more data", "competitor,competitor.offer")]
    public void Tag_NegationScope_FollowsClauses(string note, string expected) => Assert.Equal(expected, Codes(note));

    [Fact]
    public void Tag_PriceNotService_TagsPriceOnly()
    {
        // The default lexicon has no bare "service"; with it added, "not" must still deny it.
        var tagger = new TextReasonTagger(ReasonTaxonomy.Default, ReasonLexicon.Default.With("service", "service"));
        Assert.Equal("price", Codes(tagger, "price, not service"));
        Assert.Equal("price,service", Codes(tagger, "price, service"));
        Assert.Equal("service", Codes(tagger, "service, not price"));
    }

    [Fact]
    public void Tag_PhraseSpanningAClauseWord_DoesNotJoinTheClauses()
    {
        // Found by the monotonicity property: a user phrase that contains "but" must not stop "but" from ending the
        // clause, or 不 would reach "bad support" and adding a phrase would remove the service reason. The new phrase
        // itself follows 不 directly and is negated.
        Assert.Equal("service", Codes("不 but bad support"));
        var tagger = new TextReasonTagger(ReasonTaxonomy.Default, ReasonLexicon.Default.With("price.seeming.misread-need", "but bad support"));
        Assert.Equal("service", Codes(tagger, "不 but bad support"));
        Assert.Equal("price.seeming.misread-need,service", Codes(tagger, "but bad support"));
    }

    [Theory]
    [InlineData("not x x x x price", "")] // 4 tokens between cue and phrase: within the default window of 4
    [InlineData("not x x x x x price", "price")] // 5 tokens: outside
    [InlineData("不的的的的价格", "")] // 4 Chinese characters between
    [InlineData("不的的的的的价格", "price")] // 5
    public void Tag_NegationWindow_CountsTokens(string note, string expected) => Assert.Equal(expected, Codes(note));

    [Fact]
    public void Tag_ZeroWindow_OnlyAdjacentCueNegates()
    {
        var tagger = new TextReasonTagger(ReasonTaxonomy.Default, ReasonLexicon.Default, negationWindow: 0);
        Assert.Equal(string.Empty, Codes(tagger, "not price"));
        Assert.Equal("price", Codes(tagger, "not the price"));
    }

    [Fact]
    public void Tag_LineBreak_EndsTheClause()
    {
        Assert.Equal(string.Empty, Codes("not price"));
        Assert.Equal("price", Codes("not\nprice"));
        Assert.Equal("price", Codes("not\r\n  price"));
    }

    [Fact]
    public void Tag_LongWordBetween_StopsLookingAfter100Characters()
    {
        // One token between cue and phrase, but 120 characters: the look-back is bounded.
        Assert.Equal("price", Codes("not " + new string('a', 120) + " price"));
        Assert.Equal(string.Empty, Codes("not " + new string('a', 90) + " price"));
    }

    [Fact]
    public void Tag_FullWidthAndCase_AreFolded_PositionsInOriginalNote()
    {
        // Ｐｒｉｃｅ　ＴＯＯ　high: 14 code units, the ideographic spaces at 5 and 9.
        const string note = "Ｐｒｉｃｅ　ＴＯＯ　high";
        ReasonTag tag = Single(note, "price");
        AssertEvidence(tag, ("price too high", 0, 14));
        Assert.Equal(note, tag.Evidence[0].Detail);
        Assert.Equal("price", Codes("PRICE TOO HIGH"));
    }

    [Fact]
    public void Tag_CollapsedWhiteSpace_MapsBackToTheNote()
    {
        // "  Price \t too   high!": 'P' at 2, the final 'h' at 19: length 18.
        const string note = "  Price \t too   high!";
        ReasonEvidence e = Single(note, "price").Evidence.Single();
        Assert.Equal((2, 18), (e.Position, e.Length));
        Assert.Equal("Price \t too   high", e.Detail);
        Assert.Equal(ReasonSource.Phrase, e.Source);
        Assert.Equal("price too high", e.Name);
    }

    [Theory]
    [InlineData("priceless", "")] // no match inside a word
    [InlineData("pricey", "")]
    [InlineData("Price-sensitive buyer", "price")] // a hyphen is a word boundary
    [InlineData("competitors won", "competitor")] // the plural is its own phrase
    [InlineData("客户被竞争对手抢走了", "competitor")] // Chinese matches inside a run of characters
    [InlineData("客户嫌价格太高了", "price")]
    public void Tag_WordBoundaries_ApplyToEnglishOnly(string note, string expected) => Assert.Equal(expected, Codes(note));

    [Fact]
    public void Tag_PhraseOfTwoReasons_OrdersTagsByPositionThenCode()
    {
        // Both reasons fire at position 0: ties are broken by code, whatever the lexicon order.
        var tagger = new TextReasonTagger(ReasonTaxonomy.Default, ReasonLexicon.Empty.With("price", "deal").With("competitor", "deal", "rival"));
        var reversed = new TextReasonTagger(ReasonTaxonomy.Default, ReasonLexicon.Empty.With("competitor", "deal", "rival").With("price", "deal"));
        Assert.Equal("competitor,price", Codes(tagger, "deal lost to a rival"));
        Assert.Equal("competitor,price", Codes(reversed, "deal lost to a rival"));
        AssertEvidence(tagger.Tag("deal lost to a rival")[0], ("deal", 0, 4), ("rival", 15, 5));
    }

    [Fact]
    public void Tag_UnknownReasonText_IsUntaggedNotOther()
    {
        Assert.Empty(s_tagger.Tag("Don't know"));
        Assert.Empty(s_tagger.Tag("Ringing"));
        Assert.Empty(s_tagger.Tag(string.Empty));
        Assert.Empty(s_tagger.Tag(" \t\n "));
    }

    [Fact]
    public void Tag_NullNote_Throws()
    {
        var e = Assert.Throws<ArgumentNullException>(() => s_tagger.Tag(null!));
        Assert.Equal("note", e.ParamName);
    }

    [Fact]
    public void TagSequence_KeepsEveryCustomerInOrder_NullAndEmptyNotesUntagged()
    {
        var customers = new (string Id, string? Note)[]
        {
            ("c3", "Moved to another city"),
            ("c1", null),
            ("c2", "   "),
            ("c0", "太贵了，而且服务态度差"),
        };
        IReadOnlyList<CustomerReasons<string>> result = s_tagger.Tag(customers, c => c.Id, c => c.Note);
        Assert.Equal(new[] { "c3", "c1", "c2", "c0" }, result.Select(r => r.Id));
        Assert.Equal(new[] { false, true, true, false }, result.Select(r => r.IsUntagged));
        Assert.Equal(new[] { "moved-closed" }, result[0].Reasons.Select(t => t.Code));
        Assert.Equal(new[] { "price", "service.attitude" }, result[3].Reasons.Select(t => t.Code));
        Assert.Empty(s_tagger.Tag(Array.Empty<string>(), s => s, s => s));
    }

    [Fact]
    public void TagSequence_DuplicateId_ThrowsNamingIdAndIndices()
    {
        var e = Assert.Throws<ArgumentException>(() => s_tagger.Tag(new[] { "c1", "c2", "c1" }, s => s, _ => "price"));
        Assert.Contains("'c1'", e.Message, StringComparison.Ordinal);
        Assert.Contains("indices 0 and 2", e.Message, StringComparison.Ordinal);
        Assert.Equal("customers", e.ParamName);
    }

    [Fact]
    public void TagSequence_NullId_ThrowsNamingIndex()
    {
        var e = Assert.Throws<ArgumentException>(() => s_tagger.Tag(new[] { "a", "b" }, s => s == "b" ? null! : s, _ => "price"));
        Assert.Contains("index 1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_LexiconCodeNotInTaxonomy_ThrowsNamingTheCode()
    {
        var e = Assert.Throws<ArgumentException>(() => new TextReasonTagger(ReasonTaxonomy.Default, ReasonLexicon.Default.With("delivery.late", "late delivery")));
        Assert.Equal("lexicon", e.ParamName);
        Assert.Contains("'delivery.late'", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(21)]
    public void Constructor_NegationWindowOutOfRange_Throws(int window) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new TextReasonTagger(ReasonTaxonomy.Default, ReasonLexicon.Default, window));

    [Fact]
    public void Tag_UserPhrase_ExtendsTheDefault()
    {
        // "in touch with EINS" (X Education leads) names a competitor the default lexicon cannot know.
        Assert.Empty(s_tagger.Tag("in touch with EINS"));
        var tagger = new TextReasonTagger(ReasonTaxonomy.Default, ReasonLexicon.Default.With("competitor", "EINS"));
        Assert.Equal("competitor", Codes(tagger, "in touch with EINS"));
        Assert.Equal(14, tagger.Tag("in touch with EINS")[0].Evidence[0].Position);
    }
}
