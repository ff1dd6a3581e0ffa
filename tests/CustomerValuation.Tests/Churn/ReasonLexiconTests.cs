using System;
using System.Linq;
using CustomerValuation.Churn;
using Xunit;

namespace CustomerValuation.Tests.Churn;

/// <summary>The per-reason phrase lexicon: default contents, extension, replacement, removal and validation.</summary>
public class ReasonLexiconTests
{
    [Fact]
    public void Default_FitsDefaultTaxonomy_AndCoversEveryFamilyInBothLanguages()
    {
        ReasonLexicon.Default.Validate(ReasonTaxonomy.Default);
        foreach (ReasonDefinition family in ReasonTaxonomy.Default.Families())
        {
            Assert.NotEmpty(ReasonLexicon.Default.PhrasesOf(family.Code, NoteLanguage.English));
            Assert.NotEmpty(ReasonLexicon.Default.PhrasesOf(family.Code, NoteLanguage.Chinese));
        }

        // The general CRM phrases the issue names are there, each under the reason it means.
        Assert.Contains(ReasonLexicon.Default.PhrasesOf("price"), p => p.Text == "too expensive");
        Assert.Contains(ReasonLexicon.Default.PhrasesOf("price"), p => p.Text == "太贵");
        Assert.Contains(ReasonLexicon.Default.PhrasesOf("price"), p => p.Text == "价格太高");
        Assert.Contains(ReasonLexicon.Default.PhrasesOf("competitor"), p => p.Text == "竞争对手");
        Assert.Contains(ReasonLexicon.Default.PhrasesOf("moved-closed"), p => p.Text == "搬迁");
        Assert.Contains(ReasonLexicon.Default.PhrasesOf("moved-closed"), p => p.Text == "倒闭");
        Assert.Contains(ReasonLexicon.Default.PhrasesOf("complaint"), p => p.Text == "投诉未解决");
        Assert.Contains(ReasonLexicon.Default.PhrasesOf("service.attitude"), p => p.Text == "服务态度");
    }

    [Fact]
    public void Default_Confidences_AreDocumentedLevels()
    {
        // 0.8 for phrases, 0.6 for single generic words such as "price".
        Assert.All(ReasonLexicon.Default.Codes.SelectMany(c => ReasonLexicon.Default.PhrasesOf(c)), p => Assert.Contains(p.Confidence, new[] { 0.8, 0.6 }));
        Assert.Equal(0.6, ReasonLexicon.Default.PhrasesOf("price").Single(p => p.Text == "price").Confidence);
        Assert.Equal(0.8, ReasonLexicon.Default.PhrasesOf("price").Single(p => p.Text == "price too high").Confidence);
    }

    [Fact]
    public void With_NewPhrases_AddsThemAndInfersLanguage()
    {
        ReasonLexicon lexicon = ReasonLexicon.Empty.With("competitor", "EINS", "竞品A");
        Assert.Equal(new[] { "competitor" }, lexicon.Codes);
        Assert.Equal(new[] { "EINS" }, lexicon.PhrasesOf("competitor", NoteLanguage.English).Select(p => p.Text));
        Assert.Equal(new[] { "竞品A" }, lexicon.PhrasesOf("competitor", NoteLanguage.Chinese).Select(p => p.Text));
        Assert.Equal(2, lexicon.PhraseCount);
        Assert.Empty(ReasonLexicon.Empty.Codes);
    }

    [Fact]
    public void With_PhraseThatFoldsToAnExistingOne_ReplacesItInPlace()
    {
        ReasonLexicon lexicon = ReasonLexicon.Empty.With("price", "too expensive", "overpriced")
            .With("price", [new ReasonPhrase("TOO  Expensive", NoteLanguage.English, 0.95)]);
        Assert.Equal(new[] { "TOO  Expensive", "overpriced" }, lexicon.PhrasesOf("price").Select(p => p.Text));
        Assert.Equal(0.95, lexicon.PhrasesOf("price")[0].Confidence);
    }

    [Fact]
    public void Replace_SwapsAllPhrasesOfTheReason()
    {
        ReasonLexicon replaced = ReasonLexicon.Default.Replace("price", "太贵了");
        Assert.Equal(new[] { "太贵了" }, replaced.PhrasesOf("price").Select(p => p.Text));
        Assert.Equal(ReasonLexicon.Default.Codes, replaced.Codes);
        Assert.True(ReasonLexicon.Default.PhrasesOf("price").Count > 10);
    }

    [Fact]
    public void Without_RemovesTheReason_AndRejectsAnAbsentOne()
    {
        ReasonLexicon without = ReasonLexicon.Default.Without("credit");
        Assert.False(without.Contains("credit"));
        Assert.Empty(without.PhrasesOf("credit"));
        Assert.True(ReasonLexicon.Default.Contains("credit"));
        var e = Assert.Throws<ArgumentException>(() => without.Without("credit"));
        Assert.Contains("'credit'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void With_EmptyPhrase_ThrowsNamingCodeAndIndex()
    {
        var e = Assert.Throws<ArgumentException>(() => ReasonLexicon.Empty.With("price", "too expensive", "  \t"));
        Assert.Equal("phrases", e.ParamName);
        Assert.Contains("'price'", e.Message, StringComparison.Ordinal);
        Assert.Contains("phrase 1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void With_PunctuationOnlyPhrase_Throws() =>
        Assert.Throws<ArgumentException>(() => ReasonLexicon.Empty.With("price", "!!!"));

    [Fact]
    public void With_NullPhrase_ThrowsNamingCodeAndIndex()
    {
        var e = Assert.Throws<ArgumentNullException>(() => ReasonLexicon.Empty.With("price", "a", null!));
        Assert.Contains("phrase 1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void With_DuplicatePhrasesInOneCall_ThrowsNamingBothIndices()
    {
        var e = Assert.Throws<ArgumentException>(() => ReasonLexicon.Empty.With("price", "Too expensive", "x", "too  EXPENSIVE"));
        Assert.Contains("phrases 0 and 2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void With_NoPhrases_Throws() =>
        Assert.Throws<ArgumentException>(() => ReasonLexicon.Empty.With("price"));

    [Theory]
    [InlineData("Price")]
    [InlineData("")]
    [InlineData("price.")]
    public void With_BadCode_Throws(string code) =>
        Assert.Throws<ArgumentException>(() => ReasonLexicon.Empty.With(code, "too expensive"));

    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void ReasonPhrase_ConfidenceOutsideUnitInterval_Throws(double confidence) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReasonPhrase("price", NoteLanguage.English, confidence));

    [Fact]
    public void Validate_CodeNotInTaxonomy_ThrowsNamingTheCode()
    {
        ReasonLexicon lexicon = ReasonLexicon.Default.With("delivery", "late delivery");
        var e = Assert.Throws<ArgumentException>(() => lexicon.Validate(ReasonTaxonomy.Default));
        Assert.Contains("'delivery'", e.Message, StringComparison.Ordinal);
    }
}
