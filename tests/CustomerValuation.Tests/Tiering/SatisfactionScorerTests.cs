using System;
using System.Collections.Generic;
using System.Linq;
using CustomerValuation.Tiering;
using Xunit;

namespace CustomerValuation.Tests.Tiering;

/// <summary>
/// Example tests of the satisfaction index (SPEC §3, W8). Every expected value is worked out by hand in
/// the comment above it with the documented formula: answer s maps to (s − 1) / 4 × 100, so with
/// k = s − 1 the index is 25 × Σ w·k / Σ w over the items that count.
/// </summary>
public class SatisfactionScorerTests
{
    /// <summary>The docs' worked example: Quality 0.5, Delivery 0.3, Service 0.2.</summary>
    private static readonly SatisfactionQuestionnaire s_threeItems = new(new[]
    {
        new SatisfactionItem("Quality", 0.5),
        new SatisfactionItem("Delivery", 0.3),
        new SatisfactionItem("Service", 0.2),
    });

    /// <summary>The docs' worked panel (docs/tiering-satisfaction.md), answers (Quality, Delivery, Service).</summary>
    private static readonly (string Id, int?[] Answers)[] s_panel =
    {
        ("C1", new int?[] { 5, 5, 5 }),
        ("C2", new int?[] { 4, 4, 3 }),
        ("C3", new int?[] { 5, 4, 2 }),
        ("C4", new int?[] { 3, 3, 3 }),
        ("C5", new int?[] { 5, null, 4 }),
        ("C6", new int?[] { 2, null, null }),
        ("C7", new int?[] { 4, 3, 4 }),
    };

    private static SatisfactionQuestionnaire Equal(int count) =>
        new(Enumerable.Range(1, count).Select(i => new SatisfactionItem("Q" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), 1)));

    private static SatisfactionScore ScoreOne(SatisfactionQuestionnaire questionnaire, int?[] answers, SatisfactionOptions? options = null)
    {
        var destination = new SatisfactionScore[1];
        SatisfactionScorer.Score(answers, questionnaire, destination, options);
        return destination[0];
    }

    private static SatisfactionResult<string> ScorePanel(SatisfactionOptions? options = null) =>
        SatisfactionScorer.Score(s_panel, c => c.Id, c => c.Answers, s_threeItems, options);

    [Fact]
    public void Score_W8Panel_HandWorkedCustomers()
    {
        SatisfactionResult<string> result = ScorePanel();
        IReadOnlyList<SatisfactionCustomer<string>> c = result.Customers;

        Assert.Equal(new[] { "C1", "C2", "C3", "C4", "C5", "C6", "C7" }, c.Select(x => x.Id));

        // hand: k = 4,4,4 -> 0.5*4 + 0.3*4 + 0.2*4 = 4 -> 25 * 4 = 100.
        Assert.Equal(100.0, c[0].Index);
        Assert.True(c[0].Satisfied);

        // hand: k = 3,3,2 -> 1.5 + 0.9 + 0.4 = 2.8 -> 70, exactly the threshold -> satisfied (index >= 70).
        Assert.Equal(70.0, c[1].Index);
        Assert.True(c[1].Satisfied);

        // hand: k = 4,3,1 -> 2 + 0.9 + 0.2 = 3.1 -> 77.5.
        Assert.Equal(77.5, c[2].Index);
        Assert.True(c[2].Satisfied);

        // hand: all 3 -> k = 2 everywhere -> 50.
        Assert.Equal(50.0, c[3].Index);
        Assert.False(c[3].Satisfied);

        // hand: one blank (Delivery) counts as 3: k = 4,2,3 -> 2 + 0.6 + 0.6 = 3.2 -> 80.
        Assert.Equal(SatisfactionValidity.Valid, c[4].Validity);
        Assert.Equal(1, c[4].BlankCount);
        Assert.Equal(80.0, c[4].Index);
        Assert.True(c[4].Satisfied);

        // hand: two blanks -> invalid under the SPEC rule; flagged, not dropped.
        Assert.Equal(SatisfactionValidity.TooManyBlanks, c[5].Validity);
        Assert.False(c[5].IsValid);
        Assert.Null(c[5].Index);
        Assert.False(c[5].Satisfied);
        Assert.Equal(2, c[5].BlankCount);

        // hand: k = 3,2,3 -> 1.5 + 0.6 + 0.6 = 2.7 -> 67.5 < 70.
        Assert.Equal(67.5, c[6].Index);
        Assert.False(c[6].Satisfied);
    }

    [Fact]
    public void Score_W8Panel_HandWorkedSummary()
    {
        SatisfactionSummary s = ScorePanel().Summary;

        // hand: 7 respondents, C6 invalid -> 6 valid; C5 is the one valid respondent with a blank.
        Assert.Equal(7, s.RespondentCount);
        Assert.Equal(6, s.ValidCount);
        Assert.Equal(1, s.InvalidCount);
        Assert.Equal(1, s.CountOf(SatisfactionValidity.TooManyBlanks));
        Assert.Equal(0, s.CountOf(SatisfactionValidity.NothingAnswered));
        Assert.Equal(1, s.ValidWithBlanksCount);

        // hand: satisfied C1, C2, C3, C5 -> 4 of 6 = 0.6667 against the SPEC target 0.85: gap -0.1833, not met.
        Assert.Equal(4, s.SatisfiedCount);
        Assert.Equal(4.0 / 6, s.SatisfactionRate!.Value, 12);
        Assert.Equal(0.85, s.TargetRate);
        Assert.Equal((4.0 / 6) - 0.85, s.TargetGap!.Value, 12);
        Assert.False(s.MeetsTarget);

        // hand: (100 + 70 + 77.5 + 50 + 80 + 67.5) / 6 = 445 / 6 = 74.1666666667 (10 decimals).
        Assert.Equal(74.1666666667, s.CompositeIndex!.Value, 10);

        // hand, valid respondents only (C6's Quality 2 is not counted), blanks not counted as answers:
        // Quality 5,4,5,3,5,4: counts [0,0,1,2,3], mean 26/6 = 4.3333, index 25*(26-6)/6 = 83.3333333333, 5 of 6 at >= 4.
        SatisfactionItemSummary quality = s.Items[0];
        Assert.Equal("Quality", quality.Name);
        Assert.Equal(0.5, quality.NormalisedWeight, 15);
        Assert.Equal(new[] { 0, 0, 1, 2, 3 }, quality.CountPerAnswer);
        Assert.Equal(6, quality.AnsweredCount);
        Assert.Equal(0, quality.BlankCount);
        Assert.Equal(26.0 / 6, quality.MeanAnswer!.Value, 12);
        Assert.Equal(83.3333333333, quality.Index!.Value, 10);
        Assert.Equal(5, quality.SatisfiedCount);
        Assert.Equal(5.0 / 6, quality.SatisfiedShare!.Value, 12);

        // Delivery 5,4,4,3,3 (C5 blank): counts [0,0,2,2,1], mean 19/5 = 3.8, index 25*14/5 = 70, 3 of 5 = 0.6.
        SatisfactionItemSummary delivery = s.Items[1];
        Assert.Equal(new[] { 0, 0, 2, 2, 1 }, delivery.CountPerAnswer);
        Assert.Equal(5, delivery.AnsweredCount);
        Assert.Equal(1, delivery.BlankCount);
        Assert.Equal(3.8, delivery.MeanAnswer!.Value, 12);
        Assert.Equal(70.0, delivery.Index);
        Assert.Equal(0.6, delivery.SatisfiedShare!.Value, 12);

        // Service 5,3,2,3,4,4: counts [0,1,2,2,1], mean 21/6 = 3.5, index 25*15/6 = 62.5, 3 of 6 = 0.5.
        SatisfactionItemSummary service = s.Items[2];
        Assert.Equal(new[] { 0, 1, 2, 2, 1 }, service.CountPerAnswer);
        Assert.Equal(3.5, service.MeanAnswer);
        Assert.Equal(62.5, service.Index);
        Assert.Equal(0.5, service.SatisfiedShare);
    }

    [Fact]
    public void Score_W8PanelTwoThirdsRule_BlanksLeftOutAndWeightsRenormalised()
    {
        SatisfactionResult<string> result = ScorePanel(new SatisfactionOptions(SatisfactionBlankRule.AtLeastTwoThirdsAnswered));

        // hand: C5 answered 2 of 3 (3*2 >= 2*3): valid over Quality and Service only,
        // 25 * (0.5*4 + 0.2*3) / (0.5 + 0.2) = 25 * 2.6 / 0.7 = 92.857142857142... -> 92.8571428571.
        Assert.Equal(92.8571428571, result.Customers[4].Index!.Value, 10);
        Assert.Equal(1, result.Customers[4].BlankCount);

        // hand: C6 answered 1 of 3 (3 < 6): invalid under this rule too.
        Assert.Equal(SatisfactionValidity.TooManyBlanks, result.Customers[5].Validity);

        // hand: the other customers have no blank, so their indexes are as under the SPEC rule.
        Assert.Equal(70.0, result.Customers[1].Index);
        Assert.Equal(67.5, result.Customers[6].Index);
    }

    [Fact]
    public void Score_TwoThirdsRuleSixItemsFourAnswered_HandIndex()
    {
        var questionnaire = new SatisfactionQuestionnaire(new[]
        {
            new SatisfactionItem("A", 3), new SatisfactionItem("B", 2), new SatisfactionItem("C", 2),
            new SatisfactionItem("D", 1), new SatisfactionItem("E", 1), new SatisfactionItem("F", 1),
        });
        var twoThirds = new SatisfactionOptions(SatisfactionBlankRule.AtLeastTwoThirdsAnswered);
        int?[] answers = { 5, 4, null, 3, null, 2 };

        // hand: 4 of 6 answered (3*4 = 12 >= 2*6 = 12): valid. Answered weights 3 + 2 + 1 + 1 = 7,
        // N = 3*4 + 2*3 + 1*2 + 1*1 = 21 -> 25 * 21 / 7 = 75.
        SatisfactionScore score = ScoreOne(questionnaire, answers, twoThirds);
        Assert.True(score.IsValid);
        Assert.Equal(75.0, score.Index);
        Assert.True(score.Satisfied);
        Assert.Equal(2, score.BlankCount);

        // hand: the same questionnaire under the SPEC rule has two blanks -> invalid.
        Assert.Equal(SatisfactionValidity.TooManyBlanks, ScoreOne(questionnaire, answers).Validity);

        // hand: 3 of 6 answered (9 < 12) -> invalid under the two-thirds rule.
        Assert.Equal(SatisfactionValidity.TooManyBlanks, ScoreOne(questionnaire, new int?[] { 5, 4, null, 3, null, null }, twoThirds).Validity);
    }

    [Theory]
    // hand: valid exactly when 3 * answered >= 2 * items.
    [InlineData(6, 4, true)]
    [InlineData(6, 3, false)]
    [InlineData(5, 4, true)]
    [InlineData(5, 3, false)]
    [InlineData(4, 3, true)]
    [InlineData(4, 2, false)]
    [InlineData(3, 2, true)]
    [InlineData(3, 1, false)]
    [InlineData(2, 2, true)]
    [InlineData(2, 1, false)]
    [InlineData(1, 1, true)]
    public void Score_TwoThirdsRule_ValidFromTwoThirdsAnswered(int items, int answered, bool valid)
    {
        int?[] answers = Enumerable.Range(0, items).Select(i => i < answered ? (int?)4 : null).ToArray();
        SatisfactionScore score = ScoreOne(Equal(items), answers, new SatisfactionOptions(SatisfactionBlankRule.AtLeastTwoThirdsAnswered));

        Assert.Equal(valid, score.IsValid);

        // hand: every answered item is 4 -> k = 3 -> 75 over the answered items.
        Assert.Equal(valid ? 75.0 : (double?)null, score.Index);
    }

    [Fact]
    public void Score_ThresholdEdgeEqualWeights_ExactlySeventyIsSatisfied()
    {
        // hand: answers 4,4,4,4,3 -> k sum 14 over 5 items -> 25 * 14 / 5 = 70 -> satisfied (>= 70).
        SatisfactionScore score = ScoreOne(Equal(5), new int?[] { 4, 4, 4, 4, 3 });
        Assert.Equal(70.0, score.Index);
        Assert.True(score.Satisfied);

        // hand: one step lower, 4,4,4,3,3 -> 13 -> 65 -> not satisfied.
        Assert.False(ScoreOne(Equal(5), new int?[] { 4, 4, 4, 3, 3 }).Satisfied);

        // hand: threshold 70.5 -> 70 is below it.
        Assert.False(ScoreOne(Equal(5), new int?[] { 4, 4, 4, 4, 3 }, new SatisfactionOptions(satisfiedThreshold: 70.5)).Satisfied);

        // hand: threshold 75, all 4 -> 75 -> satisfied at the configured edge.
        Assert.True(ScoreOne(Equal(5), new int?[] { 4, 4, 4, 4, 4 }, new SatisfactionOptions(satisfiedThreshold: 75)).Satisfied);
    }

    [Fact]
    public void Score_DecimalWeightsOnTheThreshold_RoundedToTheHandValue()
    {
        var questionnaire = new SatisfactionQuestionnaire(new[] { new SatisfactionItem("A", 0.1), new SatisfactionItem("B", 0.2), new SatisfactionItem("C", 0.7) });

        // hand: answers 2,5,4 -> k = 1,4,3 -> 0.1 + 0.8 + 2.1 = 3.0 -> 25 * 3 = 75. In binary the weighted sum is
        // 74.99999999999999 before the documented rounding to 10 decimals, which would miss a threshold of 75.
        SatisfactionScore score = ScoreOne(questionnaire, new int?[] { 2, 5, 4 }, new SatisfactionOptions(satisfiedThreshold: 75));
        Assert.Equal(75.0, score.Index);
        Assert.True(score.Satisfied);

        // hand: answers 4,2,4 -> k = 3,1,3 -> 0.3 + 0.2 + 2.1 = 2.6 -> 65 (64.99999999999999 in binary before rounding).
        Assert.Equal(65.0, ScoreOne(questionnaire, new int?[] { 4, 2, 4 }).Index);
    }

    [Theory]
    // hand: the scale ends map to 0 and 100, neutral 3 to 50 ((s - 1) / 4 * 100, ACSI's (x - 1)/(n - 1) * 100 for n = 5).
    [InlineData(1, 0.0)]
    [InlineData(2, 25.0)]
    [InlineData(3, 50.0)]
    [InlineData(4, 75.0)]
    [InlineData(5, 100.0)]
    public void Score_SameAnswerEverywhere_MapsScaleOntoZeroToHundred(int answer, double index)
    {
        Assert.Equal(index, ScoreOne(s_threeItems, new int?[] { answer, answer, answer }).Index);
    }

    [Fact]
    public void Score_SingleBlankEqualWeights_CountsAsNeutral()
    {
        // hand: blank -> 3 (k = 2), then 5, 5 (k = 4, 4): 25 * 10 / 3 = 83.3333333333.
        SatisfactionScore score = ScoreOne(Equal(3), new int?[] { null, 5, 5 });
        Assert.Equal(83.3333333333, score.Index!.Value, 10);
        Assert.Equal(1, score.BlankCount);
    }

    [Fact]
    public void Score_NothingAnswered_InvalidUnderBothRules()
    {
        // hand: one item left blank has no answer to complete, so it is not turned into a neutral 50.
        Assert.Equal(SatisfactionValidity.NothingAnswered, ScoreOne(Equal(1), new int?[] { null }).Validity);
        Assert.Equal(
            SatisfactionValidity.NothingAnswered,
            ScoreOne(Equal(3), new int?[] { null, null, null }, new SatisfactionOptions(SatisfactionBlankRule.AtLeastTwoThirdsAnswered)).Validity);
    }

    [Fact]
    public void Score_ZeroWeightItems_TwoThirdsRuleFlagsNoWeightAnswered()
    {
        var questionnaire = new SatisfactionQuestionnaire(new[] { new SatisfactionItem("A", 0), new SatisfactionItem("B", 0), new SatisfactionItem("C", 1) });

        // hand: 2 of 3 answered is enough, but both answered items weigh 0 -> renormalised weights undefined.
        SatisfactionScore twoThirds = ScoreOne(questionnaire, new int?[] { 5, 5, null }, new SatisfactionOptions(SatisfactionBlankRule.AtLeastTwoThirdsAnswered));
        Assert.Equal(SatisfactionValidity.NoWeightAnswered, twoThirds.Validity);
        Assert.Null(twoThirds.Index);

        // hand: under the SPEC rule the blank C counts as 3 with weight 1, A and B weigh nothing -> 50.
        Assert.Equal(50.0, ScoreOne(questionnaire, new int?[] { 5, 5, null }).Index);
    }

    [Fact]
    public void Score_SeventeenOfTwenty_MeetsTargetExactly()
    {
        // hand: 17 customers all 5 (100) and 3 all 1 (0): rate 17/20 = 0.85 = the target -> met, gap 0;
        // composite 1700 / 20 = 85.
        var rows = Enumerable.Range(0, 20).Select(i => (Id: i, Answer: i < 17 ? 5 : 1)).ToArray();
        SatisfactionSummary s = SatisfactionScorer.Score(rows, r => r.Id, r => new int?[] { r.Answer, r.Answer, r.Answer }, s_threeItems).Summary;

        Assert.Equal(0.85, s.SatisfactionRate);
        Assert.Equal(0.0, s.TargetGap);
        Assert.True(s.MeetsTarget);
        Assert.Equal(85.0, s.CompositeIndex);
    }

    [Fact]
    public void Score_NoValidRespondent_RatesAndCompositeAreNull()
    {
        // hand: both questionnaires have two blanks -> no valid respondent: nothing to average.
        SatisfactionSummary s = SatisfactionScorer.Score(
            new[] { "A", "B" }, x => x, _ => new int?[] { 4, null, null }, s_threeItems).Summary;

        Assert.Equal(2, s.RespondentCount);
        Assert.Equal(0, s.ValidCount);
        Assert.Null(s.CompositeIndex);
        Assert.Null(s.SatisfactionRate);
        Assert.Null(s.TargetGap);
        Assert.Null(s.MeetsTarget);
        Assert.All(s.Items, i => Assert.Null(i.MeanAnswer));
        Assert.All(s.Items, i => Assert.Null(i.SatisfiedShare));
        Assert.All(s.Items, i => Assert.Equal(0, i.AnsweredCount));
    }

    [Fact]
    public void Score_SatisfiedAnswerFive_TopBoxOnly()
    {
        // hand: Quality answers of the valid customers 5,4,5,3,5,4 -> 3 of 6 are 5 -> 0.5.
        SatisfactionSummary s = ScorePanel(new SatisfactionOptions(satisfiedAnswer: 5)).Summary;
        Assert.Equal(3, s.Items[0].SatisfiedCount);
        Assert.Equal(0.5, s.Items[0].SatisfiedShare);
    }

    [Fact]
    public void Score_SpanKernelOnPanel_SameAsKeyed()
    {
        int?[] flat = s_panel.SelectMany(c => c.Answers).ToArray();
        var scores = new SatisfactionScore[s_panel.Length];
        SatisfactionSummary summary = SatisfactionScorer.Score(flat, s_threeItems, scores);
        SatisfactionResult<string> keyed = ScorePanel();

        for (int i = 0; i < scores.Length; i++)
        {
            Assert.Equal(keyed.Customers[i].Validity, scores[i].Validity);
            Assert.Equal(keyed.Customers[i].Index, scores[i].Index);
            Assert.Equal(keyed.Customers[i].Satisfied, scores[i].Satisfied);
            Assert.Equal(keyed.Customers[i].BlankCount, scores[i].BlankCount);
        }

        // hand: as in the keyed summary test.
        Assert.Equal(74.1666666667, summary.CompositeIndex!.Value, 10);
        Assert.Equal(4, summary.SatisfiedCount);
    }

    [Fact]
    public void Score_AnswersAsList_SameAsArray()
    {
        // The selector may return any IReadOnlyList<int?>; a List goes through the copy path.
        SatisfactionResult<string> fromLists = SatisfactionScorer.Score(s_panel, c => c.Id, c => (IReadOnlyList<int?>)c.Answers.ToList(), s_threeItems);
        Assert.Equal(ScorePanel().Customers, fromLists.Customers);
    }

    [Fact]
    public void Questionnaire_Weights_AreNormalised()
    {
        // hand: 3, 1 -> 0.75, 0.25.
        var questionnaire = new SatisfactionQuestionnaire(new[] { new SatisfactionItem("A", 3), new SatisfactionItem("B", 1) });
        Assert.Equal(new[] { 0.75, 0.25 }, questionnaire.NormalisedWeights);
        Assert.Equal(4.0, questionnaire.TotalWeight);
        Assert.Equal(2, questionnaire.Count);
    }

    [Fact]
    public void Options_Default_IsSpecW8()
    {
        // SPEC W8: one blank -> 3, two -> invalid; satisfied at >= 70; target 85 %.
        SatisfactionOptions o = SatisfactionOptions.Default;
        Assert.Equal(SatisfactionBlankRule.SingleBlankAsNeutral, o.BlankRule);
        Assert.Equal(70.0, o.SatisfiedThreshold);
        Assert.Equal(0.85, o.TargetRate);
        Assert.Equal(4, o.SatisfiedAnswer);
    }

    [Fact]
    public void PublicApiNullTests_CoverSatisfactionEntryPoints()
    {
        // Guards the reflection walk (STYLE 19): the keyed scorer and the questionnaire are in it.
        string[] names = PublicApiNullTests.Members().Select(m => (string)m[0]).ToArray();
        Assert.Contains(names, n => n.StartsWith("SatisfactionScorer.Score(IEnumerable`1", StringComparison.Ordinal) && n.EndsWith("#answers", StringComparison.Ordinal));
        Assert.Contains(names, n => n.StartsWith("SatisfactionQuestionnaire..ctor", StringComparison.Ordinal) && n.EndsWith("#items", StringComparison.Ordinal));
        Assert.Contains(names, n => n.StartsWith("SatisfactionItem..ctor", StringComparison.Ordinal) && n.EndsWith("#name", StringComparison.Ordinal));
    }
}
