using System;
using System.Collections.Generic;
using CustomerValuation.Tiering;
using Xunit;

namespace CustomerValuation.Tests.Tiering;

/// <summary>Bad input to the satisfaction index gets an exception naming the argument, the row or id, the item and the rule (STYLE 9, SPEC §7).</summary>
public class SatisfactionScorerBadInputTests
{
    private static readonly SatisfactionQuestionnaire s_three = new(new[]
    {
        new SatisfactionItem("Quality", 0.5),
        new SatisfactionItem("Delivery", 0.3),
        new SatisfactionItem("Service", 0.2),
    });

    private static SatisfactionResult<string> Keyed(params (string Id, int?[] Answers)[] rows) =>
        SatisfactionScorer.Score(rows, r => r.Id, r => r.Answers, s_three);

    // ---------------------------------------------------------------- items and questionnaire

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    [InlineData(-0.5)]
    public void Item_BadWeight_ThrowsNamingItem(double weight)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new SatisfactionItem("Delivery", weight));
        Assert.Equal("weight", e.ParamName);
        Assert.Contains("'Delivery'", e.Message, StringComparison.Ordinal);
        Assert.Contains("finite number, zero or more", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Item_EmptyName_Throws(string name)
    {
        var e = Assert.Throws<ArgumentException>(() => new SatisfactionItem(name, 1));
        Assert.Equal("name", e.ParamName);
    }

    [Fact]
    public void Questionnaire_NoItem_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => new SatisfactionQuestionnaire(Array.Empty<SatisfactionItem>()));
        Assert.Equal("items", e.ParamName);
    }

    [Fact]
    public void Questionnaire_AllWeightsZero_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => new SatisfactionQuestionnaire(new[] { new SatisfactionItem("A", 0), new SatisfactionItem("B", 0) }));
        Assert.Equal("items", e.ParamName);
        Assert.Contains("zero", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Questionnaire_DuplicateName_ThrowsNamingIt()
    {
        var e = Assert.Throws<ArgumentException>(() => new SatisfactionQuestionnaire(new[] { new SatisfactionItem("A", 1), new SatisfactionItem("B", 1), new SatisfactionItem("A", 2) }));
        Assert.Equal("items", e.ParamName);
        Assert.Contains("'A'", e.Message, StringComparison.Ordinal);
        Assert.Contains("index 2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Questionnaire_NullItem_ThrowsNamingIndex()
    {
        var e = Assert.Throws<ArgumentException>(() => new SatisfactionQuestionnaire(new[] { new SatisfactionItem("A", 1), null! }));
        Assert.Equal("items", e.ParamName);
        Assert.Contains("index 1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Questionnaire_WeightsOverflow_Throws()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new SatisfactionQuestionnaire(new[] { new SatisfactionItem("A", double.MaxValue), new SatisfactionItem("B", double.MaxValue) }));
        Assert.Equal("items", e.ParamName);
    }

    // ---------------------------------------------------------------- options

    [Theory]
    [InlineData(-1)]
    [InlineData(100.5)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Options_ThresholdOutsideScale_Throws(double threshold)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new SatisfactionOptions(satisfiedThreshold: threshold));
        Assert.Equal("satisfiedThreshold", e.ParamName);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(85)]
    [InlineData(double.NaN)]
    public void Options_TargetOutsideZeroToOne_Throws(double target)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new SatisfactionOptions(targetRate: target));
        Assert.Equal("targetRate", e.ParamName);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    public void Options_SatisfiedAnswerOffScale_Throws(int answer)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new SatisfactionOptions(satisfiedAnswer: answer));
        Assert.Equal("satisfiedAnswer", e.ParamName);
    }

    [Fact]
    public void Options_UndefinedBlankRule_Throws()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new SatisfactionOptions((SatisfactionBlankRule)7));
        Assert.Equal("blankRule", e.ParamName);
    }

    // ---------------------------------------------------------------- answers

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    [InlineData(-3)]
    public void Score_AnswerOffScale_ThrowsNamingIdItemAndRule(int bad)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Keyed(("C1", new int?[] { 5, 4, 3 }), ("C2", new int?[] { 5, bad, 3 })));
        Assert.Equal("answers", e.ParamName);
        Assert.Equal(bad, e.ActualValue);
        Assert.Contains("'C2'", e.Message, StringComparison.Ordinal);
        Assert.Contains("'Delivery'", e.Message, StringComparison.Ordinal);
        Assert.Contains("from 1 to 5", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_SpanAnswerOffScale_ThrowsNamingRowAndItem()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => SatisfactionScorer.Score(new int?[] { 5, 4, 3, 5, 4, 6 }, s_three, new SatisfactionScore[2]));
        Assert.Equal("answers", e.ParamName);
        Assert.Contains("row 1", e.Message, StringComparison.Ordinal);
        Assert.Contains("'Service'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_OffScaleAnswerInInvalidQuestionnaire_StillThrows()
    {
        // Two blanks make the row invalid, but a 9 is bad input, not a blank: never silently dropped.
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Keyed(("C1", new int?[] { 9, null, null })));
        Assert.Contains("'Quality'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_OffScaleAnswerOnZeroWeightItem_StillThrows()
    {
        var questionnaire = new SatisfactionQuestionnaire(new[] { new SatisfactionItem("A", 1), new SatisfactionItem("Unweighted", 0) });
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => SatisfactionScorer.Score(new[] { "C1" }, x => x, _ => new int?[] { 3, 0 }, questionnaire));
        Assert.Contains("'Unweighted'", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    public void Score_AnswerCountMismatch_ThrowsNamingId(int count)
    {
        var e = Assert.Throws<ArgumentException>(() => Keyed(("C1", new int?[] { 5, 4, 3 }), ("C2", new int?[count])));
        Assert.Equal("answers", e.ParamName);
        Assert.Contains("'C2'", e.Message, StringComparison.Ordinal);
        Assert.Contains("index 1", e.Message, StringComparison.Ordinal);
        Assert.Contains("3 items", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_SpanNotWholeRows_ThrowsNamingIncompleteRow()
    {
        // hand: 8 entries of 3 items -> rows 0 and 1 complete, row 2 has 2.
        var e = Assert.Throws<ArgumentException>(() => SatisfactionScorer.Score(new int?[] { 5, 4, 3, 5, 4, 3, 5, 4 }, s_three, new SatisfactionScore[2]));
        Assert.Equal("answers", e.ParamName);
        Assert.Contains("row 2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_SpanDestinationWrongLength_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => SatisfactionScorer.Score(new int?[] { 5, 4, 3, 5, 4, 3 }, s_three, new SatisfactionScore[3]));
        Assert.Equal("destination", e.ParamName);
    }

    [Fact]
    public void Score_SpanNullQuestionnaire_ThrowsArgumentNull()
    {
        // The reflection walk skips span kernels, so this one is checked here.
        var e = Assert.Throws<ArgumentNullException>(() => SatisfactionScorer.Score(new int?[] { 5 }, null!, new SatisfactionScore[1]));
        Assert.Equal("questionnaire", e.ParamName);
    }

    // ---------------------------------------------------------------- ids and empty input

    [Fact]
    public void Score_DuplicateId_ThrowsNamingIt()
    {
        var e = Assert.Throws<ArgumentException>(() => Keyed(("C1", new int?[] { 5, 4, 3 }), ("C2", new int?[] { 5, 4, 3 }), ("C1", new int?[] { 1, 1, 1 })));
        Assert.Equal("respondents", e.ParamName);
        Assert.Contains("'C1'", e.Message, StringComparison.Ordinal);
        Assert.Contains("index 2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_NullId_ThrowsNamingIndex()
    {
        var e = Assert.Throws<ArgumentNullException>(() => Keyed(("C1", new int?[] { 5, 4, 3 }), (null!, new int?[] { 5, 4, 3 })));
        Assert.Equal("id", e.ParamName);
        Assert.Contains("index 1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_NullAnswerList_ThrowsNamingId()
    {
        var e = Assert.Throws<ArgumentNullException>(() => Keyed(("C1", null!)));
        Assert.Equal("answers", e.ParamName);
        Assert.Contains("'C1'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_EmptySequence_Throws()
    {
        // Documented answer for empty input, as for ABC and RFM: an exception, not an empty result.
        var e = Assert.Throws<ArgumentException>(() => SatisfactionScorer.Score(new List<string>(), x => x, _ => new int?[3], s_three));
        Assert.Equal("respondents", e.ParamName);
        Assert.Contains("empty", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_EmptySpan_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => SatisfactionScorer.Score(ReadOnlySpan<int?>.Empty, s_three, Span<SatisfactionScore>.Empty));
        Assert.Equal("answers", e.ParamName);
    }

    [Fact]
    public void Summary_CountOfUndefinedValidity_Throws()
    {
        SatisfactionSummary s = Keyed(("C1", new int?[] { 5, 4, 3 })).Summary;
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => s.CountOf((SatisfactionValidity)9));
        Assert.Equal("validity", e.ParamName);
    }
}
