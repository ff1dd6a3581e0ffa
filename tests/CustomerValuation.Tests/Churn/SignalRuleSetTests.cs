using System;
using System.Collections.Generic;
using System.Linq;
using CustomerValuation.Churn;
using Xunit;

namespace CustomerValuation.Tests.Churn;

/// <summary>Example tests of rules over structured signals: SPEC W10's price reasons worked by hand (docs/lost-customers.md), evaluation edges, and every validation rule.</summary>
public class SignalRuleSetTests
{
    private static SignalRecord Record() => W10.RuleSet.CreateRecord();

    private static SignalRuleException Invalid(params SignalRule[] rules) =>
        Assert.Throws<SignalRuleException>(() => new SignalRuleSet(W10.Schema, W10.Taxonomy, rules));

    private static SignalRule Rule(string name, string field, SignalComparison comparison, double threshold, string code = "price.real") =>
        new(name, new SignalCondition(field, comparison, threshold), code);

    [Fact]
    public void Evaluate_W10RealAndDealerMarkup_FiresBothWithTheirEvidence()
    {
        // Hand-worked: gap 12.5 > 10 → price.real (0.9); mark-up 6 > 5 → dealer mark-up (0.8); 1 bid < 3 → no bidding.
        IReadOnlyList<ReasonTag> tags = W10.RuleSet.Evaluate(Record().Set("price_gap_percent", 12.5).Set("dealer_markup_percent", 6).Set("competing_bids", 1));
        Assert.Equal(new[] { "price.real", "price.seeming.dealer-markup" }, tags.Select(t => t.Code));
        Assert.Equal(new ReasonEvidence(ReasonSource.Rule, "price gap over 10 %", "price_gap_percent 12.5 > 10", -1, 0, 0.9), Assert.Single(tags[0].Evidence));
        Assert.Equal(new ReasonEvidence(ReasonSource.Rule, "dealer mark-up over 5 %", "dealer_markup_percent 6 > 5", -1, 0, 0.8), Assert.Single(tags[1].Evidence));
        Assert.Equal(0.9, tags[0].Confidence, 15);
    }

    [Theory]
    [InlineData(10.0, 2.0, false)] // 10 > 10 is false; 2 bids < 3
    [InlineData(10.000001, 2.0, true)] // just over the gap threshold
    [InlineData(10.0, 3.0, false)] // 3 ≥ 3: bidding, not real
    public void Evaluate_W10Thresholds_AreStrictForGapAndInclusiveForBids(double gap, double bids, bool real)
    {
        IReadOnlyList<ReasonTag> tags = W10.RuleSet.Evaluate(Record().Set("price_gap_percent", gap).Set("competing_bids", bids));
        Assert.Equal(real, tags.Any(t => t.Code == "price.real"));
        Assert.Equal(bids >= 3, tags.Any(t => t.Code == "price.seeming.competitive-bidding"));
    }

    [Fact]
    public void Evaluate_CustomerExcuse_NeedsBothConditionsAndDescribesBoth()
    {
        // Cited price, gap −2 ≤ 0 → customer's excuse (0.6); the detail lists both comparisons with the values.
        ReasonTag tag = Assert.Single(W10.RuleSet.Evaluate(Record().Set("cited_price", true).Set("price_gap_percent", -2)));
        Assert.Equal("price.seeming.customer-excuse", tag.Code);
        Assert.Equal("cited_price true == true and price_gap_percent -2 <= 0", tag.Evidence[0].Detail);

        // Gap 3 > 0 breaks the second condition: nothing fires (3 is not > 10 either).
        Assert.Empty(W10.RuleSet.Evaluate(Record().Set("cited_price", true).Set("price_gap_percent", 3)));
    }

    [Fact]
    public void Evaluate_TwoRulesOfOneReason_MergeIntoOneTagWithNoisyOr()
    {
        // Missed maintenance 2 ≥ 2 (0.7) and satisfaction 2 ≤ 2 (0.6) both → service; 1 − 0.3 × 0.4 = 0.88.
        ReasonTag tag = Assert.Single(W10.RuleSet.Evaluate(Record().Set("missed_maintenance", 2).Set("satisfaction", 2)));
        Assert.Equal("service", tag.Code);
        Assert.Equal(new[] { "missed maintenance", "low satisfaction" }, tag.Evidence.Select(e => e.Name));
        Assert.Equal(0.88, tag.Confidence, 12);
    }

    [Fact]
    public void Evaluate_TagsComeInTaxonomyOrder_NotRuleOrder()
    {
        // Rules list credit before price.real; taxonomy lists price first.
        var set = new SignalRuleSet(W10.Schema, W10.Taxonomy, [Rule("overdue", "days_overdue", SignalComparison.GreaterThan, 90, "credit"), Rule("gap", "price_gap_percent", SignalComparison.GreaterThan, 10)]);
        IReadOnlyList<ReasonTag> tags = set.Evaluate(set.CreateRecord().Set("days_overdue", 120).Set("price_gap_percent", 20));
        Assert.Equal(new[] { "price.real", "credit" }, tags.Select(t => t.Code));
    }

    [Fact]
    public void Evaluate_MissingValues_NeverHoldEvenForNotEqual()
    {
        var set = new SignalRuleSet(W10.Schema, W10.Taxonomy, [new SignalRule("not online", new SignalCondition("channel", SignalComparison.NotEqual, "online"), "relationship"), Rule("low gap", "price_gap_percent", SignalComparison.LessThan, 50)]);
        Assert.Empty(set.Evaluate(set.CreateRecord()));
        Assert.Equal(new[] { "relationship" }, set.Evaluate(set.CreateRecord().Set("channel", "dealer")).Select(t => t.Code));
        Assert.Empty(set.Evaluate(set.CreateRecord().Set("channel", "online")));
    }

    [Fact]
    public void Evaluate_Sequence_KeepsEveryCustomerInInputOrder()
    {
        var customers = new (string Id, double Gap, double Bids)[] { ("K3", 0, 0), ("K1", 12.5, 1), ("K2", 5, 4) };
        IReadOnlyList<CustomerReasons<string>> result = W10.RuleSet.Evaluate(customers, c => c.Id, (c, r) => r.Set("price_gap_percent", c.Gap).Set("competing_bids", c.Bids));
        Assert.Equal(new[] { "K3", "K1", "K2" }, result.Select(c => c.Id));
        Assert.True(result[0].IsUntagged);
        Assert.Equal("price.real", Assert.Single(result[1].Reasons).Code);
        Assert.Equal("price.seeming.competitive-bidding", Assert.Single(result[2].Reasons).Code);
    }

    [Fact]
    public void Evaluate_Sequence_RecordIsClearedBetweenCustomers()
    {
        // K1 sets the gap, K2 sets nothing: K2 must not inherit K1's 20 %.
        var customers = new[] { ("K1", (double?)20), ("K2", null) };
        IReadOnlyList<CustomerReasons<string>> result = W10.RuleSet.Evaluate(customers, c => c.Item1, (c, r) =>
        {
            if (c.Item2 is { } gap)
            {
                r.Set("price_gap_percent", gap);
            }
        });
        Assert.False(result[0].IsUntagged);
        Assert.True(result[1].IsUntagged);
    }

    [Fact]
    public void Evaluate_SequenceWithNaN_NamesFieldAndCustomer()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => W10.RuleSet.Evaluate(new[] { "K1", "K2" }, c => c, (c, r) => r.Set("price_gap_percent", c == "K2" ? double.NaN : 1)));
        Assert.Contains("'price_gap_percent'", e.Message, StringComparison.Ordinal);
        Assert.Contains("customer 'K2' (index 1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_SequenceDuplicateId_NamesIdAndIndices()
    {
        var e = Assert.Throws<ArgumentException>(() => W10.RuleSet.Evaluate(new[] { "K1", "K2", "K1" }, c => c, (_, _) => { }));
        Assert.Contains("'K1' appears twice", e.Message, StringComparison.Ordinal);
        Assert.Contains("indices 0 and 2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_RecordOfAnotherSchema_Throws()
    {
        var other = new SignalSchema([SignalField.Number("price_gap_percent")]);
        var e = Assert.Throws<ArgumentException>(() => W10.RuleSet.Evaluate(new SignalRecord(other)));
        Assert.Equal("record", e.ParamName);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Set_NonFiniteNumber_ThrowsNamingField(double value)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Record().Set("price_gap_percent", value));
        Assert.Contains("'price_gap_percent'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Set_OutsideDeclaredRange_ThrowsWithRange()
    {
        // satisfaction is declared in [1, 5].
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Record().Set("satisfaction", 6));
        Assert.Contains("[1, 5]", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Set_WrongTypeUnknownFieldOrCategory_Throws()
    {
        Assert.Contains("Text", Assert.Throws<ArgumentException>(() => Record().Set("channel", 1.0)).Message, StringComparison.Ordinal);
        Assert.Contains("the schema has: price_gap_percent (Number), dealer_markup_percent (Number)", Assert.Throws<ArgumentException>(() => Record().Set("gap", 1.0)).Message, StringComparison.Ordinal);
        Assert.Contains("dealer, direct, online", Assert.Throws<ArgumentException>(() => Record().Set("channel", "Dealer")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Record_GetSetMissingAndClear_RoundTrip()
    {
        SignalRecord r = Record().Set("channel", "direct").Set("promotion_conflict", false).Set("price_gap_percent", 3);
        Assert.Equal(SignalValue.Text("direct"), r.Get("channel"));
        Assert.Equal(SignalValue.Boolean(false), r.Get("promotion_conflict"));
        Assert.Null(r.SetMissing("price_gap_percent").Get("price_gap_percent"));
        Assert.False(r.Clear().IsSet("channel"));
    }

    [Fact]
    public void Constructor_UnknownField_NamesRuleFieldAndKnownFields()
    {
        SignalRuleException e = Invalid(W10.Rules[0], Rule("mark-up", "markup", SignalComparison.GreaterThan, 5));
        Assert.Equal((1, "mark-up", (int?)0, SignalRulePart.Field, SignalRuleError.UnknownField), (e.RuleIndex, e.RuleName, e.ConditionIndex, e.Part, e.Error));
        Assert.StartsWith("Rule 1 ('mark-up'), condition 0, field: unknown field 'markup'; the schema has: price_gap_percent (Number), dealer_markup_percent (Number)", e.Message, StringComparison.Ordinal);
        Assert.Equal("rules", e.ParamName);
    }

    [Fact]
    public void Constructor_ThresholdOfWrongType_IsTypeMismatch()
    {
        SignalRuleException e = Invalid(new SignalRule("text gap", new SignalCondition("price_gap_percent", SignalComparison.Equal, "high"), "price.real"));
        Assert.Equal((SignalRulePart.Threshold, SignalRuleError.TypeMismatch), (e.Part, e.Error));
        Assert.Contains("'high' is a Text but field 'price_gap_percent' is Number", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(SignalComparison.GreaterThan)]
    [InlineData(SignalComparison.LessThan)]
    [InlineData(SignalComparison.AtLeast)]
    [InlineData(SignalComparison.AtMost)]
    public void Constructor_OrderComparisonOnBooleanOrText_IsNotAllowed(SignalComparison comparison)
    {
        SignalRuleException onFlag = Invalid(new SignalRule("flag", new SignalCondition("promotion_conflict", comparison, true), "price.seeming.promotion-conflict"));
        Assert.Equal((SignalRulePart.Comparison, SignalRuleError.ComparisonNotAllowed, (int?)0), (onFlag.Part, onFlag.Error, onFlag.ConditionIndex));
        SignalRuleException onText = Invalid(new SignalRule("channel", new SignalCondition("channel", comparison, "dealer"), "relationship"));
        Assert.Equal(SignalRuleError.ComparisonNotAllowed, onText.Error);
    }

    [Fact]
    public void Constructor_UndefinedComparison_IsReported()
    {
        SignalRuleException e = Invalid(Rule("odd", "price_gap_percent", (SignalComparison)42, 1));
        Assert.Equal((SignalRulePart.Comparison, SignalRuleError.UndefinedComparison), (e.Part, e.Error));
    }

    [Fact]
    public void Constructor_UndeclaredCategory_IsReportedOnThreshold()
    {
        SignalRuleException e = Invalid(new SignalRule("typo", new SignalCondition("channel", SignalComparison.Equal, "delaer"), "relationship"));
        Assert.Equal((SignalRulePart.Threshold, SignalRuleError.UnknownCategory), (e.Part, e.Error));
    }

    [Fact]
    public void Constructor_UnknownReasonCode_ListsTheFamilysCodes()
    {
        SignalRuleException e = Invalid(Rule("gap", "price_gap_percent", SignalComparison.GreaterThan, 10, "price.reel"));
        Assert.Equal((SignalRulePart.ReasonCode, SignalRuleError.UnknownReasonCode, (int?)null), (e.Part, e.Error, e.ConditionIndex));
        Assert.Contains("unknown reason code 'price.reel'; the taxonomy's codes in family 'price' are: price, price.real", e.Message, StringComparison.Ordinal);
        Assert.Contains("families are: price, product", Invalid(Rule("gap", "price_gap_percent", SignalComparison.GreaterThan, 10, "cost")).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.5)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void Constructor_ConfidenceOutsideZeroOne_IsReported(double confidence)
    {
        SignalRuleException e = Invalid(new SignalRule("gap", new SignalCondition("price_gap_percent", SignalComparison.GreaterThan, 10), "price.real", confidence));
        Assert.Equal((SignalRulePart.Confidence, SignalRuleError.ConfidenceOutOfRange), (e.Part, e.Error));
    }

    [Fact]
    public void Constructor_NameRules_AreChecked()
    {
        Assert.Equal(SignalRuleError.EmptyName, Invalid(Rule("  ", "price_gap_percent", SignalComparison.GreaterThan, 10)).Error);
        SignalRuleException duplicate = Invalid(Rule("gap", "price_gap_percent", SignalComparison.GreaterThan, 10), Rule("gap", "price_gap_percent", SignalComparison.GreaterThan, 20));
        Assert.Equal((1, SignalRulePart.Name, SignalRuleError.DuplicateName), (duplicate.RuleIndex, duplicate.Part, duplicate.Error));
        Assert.Contains("rule 0 has the same name", duplicate.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_NoConditions_IsReported()
    {
        SignalRuleException e = Invalid(new SignalRule("empty", Array.Empty<SignalCondition>(), "price.real"));
        Assert.Equal((SignalRulePart.Conditions, SignalRuleError.NoConditions), (e.Part, e.Error));
    }

    [Fact]
    public void Constructor_EmptyRuleList_Throws() =>
        Assert.Throws<ArgumentException>(() => new SignalRuleSet(W10.Schema, W10.Taxonomy, Array.Empty<SignalRule>()));

    [Theory]
    [InlineData(SignalComparison.GreaterThan, 10.0, SignalComparison.LessThan, 5.0)] // (10, ∞) ∩ (−∞, 5) = ∅
    [InlineData(SignalComparison.GreaterThan, 10.0, SignalComparison.AtMost, 10.0)] // (10, ∞) ∩ (−∞, 10] = ∅
    [InlineData(SignalComparison.AtLeast, 10.0, SignalComparison.LessThan, 10.0)] // [10, ∞) ∩ (−∞, 10) = ∅
    [InlineData(SignalComparison.Equal, 3.0, SignalComparison.Equal, 4.0)] // {3} ∩ {4} = ∅
    [InlineData(SignalComparison.Equal, 3.0, SignalComparison.NotEqual, 3.0)] // {3} \ {3} = ∅
    [InlineData(SignalComparison.AtLeast, 3.0, SignalComparison.AtMost, 2.0)] // [3, ∞) ∩ (−∞, 2] = ∅
    public void Constructor_EmptyIntervalOnNumberField_IsUnreachable(SignalComparison first, double a, SignalComparison second, double b)
    {
        SignalRuleException e = Invalid(new SignalRule("never", [new SignalCondition("price_gap_percent", first, a), new SignalCondition("price_gap_percent", second, b)], "price.real"));
        Assert.Equal((SignalRulePart.Conditions, SignalRuleError.Unreachable, (int?)1), (e.Part, e.Error, e.ConditionIndex));
        Assert.Contains("can never fire", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_PointIntervalWithoutExclusion_IsReachable()
    {
        // [10, 10] holds for 10 exactly: a valid (if narrow) rule.
        var set = new SignalRuleSet(W10.Schema, W10.Taxonomy, [new SignalRule("ten", [new SignalCondition("price_gap_percent", SignalComparison.AtLeast, 10), new SignalCondition("price_gap_percent", SignalComparison.AtMost, 10)], "price.real")]);
        Assert.Single(set.Evaluate(set.CreateRecord().Set("price_gap_percent", 10)));
    }

    [Theory]
    [InlineData("satisfaction", SignalComparison.GreaterThan, 5.0)] // declared [1, 5]: (5, ∞) ∩ [1, 5] = ∅
    [InlineData("satisfaction", SignalComparison.LessThan, 1.0)] // (−∞, 1) ∩ [1, 5] = ∅
    [InlineData("dealer_markup_percent", SignalComparison.Equal, 150.0)] // declared [0, 100]
    [InlineData("competing_bids", SignalComparison.LessThan, 0.0)] // declared ≥ 0
    public void Constructor_ConditionOutsideDeclaredRange_IsUnreachable(string field, SignalComparison comparison, double threshold)
    {
        SignalRuleException e = Invalid(Rule("outside", field, comparison, threshold));
        Assert.Equal((SignalRuleError.Unreachable, (int?)0), (e.Error, e.ConditionIndex));
        Assert.Contains("declared range", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_ContradictoryBooleanOrText_IsUnreachable()
    {
        SignalRuleException flags = Invalid(new SignalRule("both", [new SignalCondition("promotion_conflict", SignalComparison.Equal, true), new SignalCondition("promotion_conflict", SignalComparison.Equal, false)], "price.seeming.promotion-conflict"));
        Assert.Equal(SignalRuleError.Unreachable, flags.Error);
        SignalRuleException neither = Invalid(new SignalRule("neither", [new SignalCondition("promotion_conflict", SignalComparison.NotEqual, true), new SignalCondition("promotion_conflict", SignalComparison.NotEqual, false)], "price.seeming.promotion-conflict"));
        Assert.Equal(SignalRuleError.Unreachable, neither.Error);
        SignalRuleException texts = Invalid(new SignalRule("two channels", [new SignalCondition("channel", SignalComparison.Equal, "dealer"), new SignalCondition("channel", SignalComparison.Equal, "direct")], "relationship"));
        Assert.Equal(SignalRuleError.Unreachable, texts.Error);
        SignalRuleException all = Invalid(new SignalRule("no channel", [new SignalCondition("channel", SignalComparison.NotEqual, "dealer"), new SignalCondition("channel", SignalComparison.NotEqual, "direct"), new SignalCondition("channel", SignalComparison.NotEqual, "online")], "relationship"));
        Assert.Equal((SignalRuleError.Unreachable, (int?)2), (all.Error, all.ConditionIndex));
    }

    [Fact]
    public void Constructor_ConditionsOnDifferentFields_AreNotContradictory()
    {
        // gap > 10 and mark-up < 5 constrain different fields: reachable.
        _ = new SignalRuleSet(W10.Schema, W10.Taxonomy, [new SignalRule("ok", [new SignalCondition("price_gap_percent", SignalComparison.GreaterThan, 10), new SignalCondition("dealer_markup_percent", SignalComparison.LessThan, 5)], "price.real")]);
    }

    [Fact]
    public void Constructor_ExactDuplicateRule_IsReportedWithTheEarlierRule()
    {
        var a = new SignalCondition("price_gap_percent", SignalComparison.GreaterThan, 10);
        var b = new SignalCondition("cited_price", SignalComparison.Equal, true);
        SignalRuleException e = Invalid(new SignalRule("first", [a, b], "price.real"), new SignalRule("second", [b, a], "price.real"));
        Assert.Equal((1, SignalRulePart.Rule, SignalRuleError.DuplicateRule), (e.RuleIndex, e.Part, e.Error));
        Assert.Contains("repeats rule 0 ('first')", e.Message, StringComparison.Ordinal);

        // The same conditions with another reason are allowed.
        _ = new SignalRuleSet(W10.Schema, W10.Taxonomy, [new SignalRule("first", [a, b], "price.real"), new SignalRule("second", [b, a], "competitor")]);
    }

    [Theory]
    [InlineData(">", SignalComparison.GreaterThan)]
    [InlineData("gt", SignalComparison.GreaterThan)]
    [InlineData("atmost", SignalComparison.AtMost)]
    [InlineData("<>", SignalComparison.NotEqual)]
    [InlineData("=", SignalComparison.Equal)]
    public void TryParseComparison_KnownSpellings_Parse(string text, SignalComparison expected)
    {
        Assert.True(SignalCondition.TryParseComparison(text, out SignalComparison comparison));
        Assert.Equal(expected, comparison);
    }

    [Fact]
    public void TryParseComparison_UnknownSpelling_ReturnsFalse() =>
        Assert.False(SignalCondition.TryParseComparison("=>", out _));

    [Fact]
    public void Schema_DuplicateFieldOrBadRange_Throws()
    {
        Assert.Throws<ArgumentException>(() => new SignalSchema([SignalField.Number("a"), SignalField.Boolean("a")]));
        Assert.Throws<ArgumentException>(() => SignalField.Number("a", 5, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => SignalField.Number("a", double.NaN));
        Assert.Throws<ArgumentException>(() => new SignalField("a", SignalType.Boolean, minimum: 0));
        Assert.Throws<ArgumentException>(() => SignalField.Text("a", ["x", "x"]));
        Assert.Throws<ArgumentException>(() => SignalField.Number(" a"));
    }

    [Fact]
    public void SignalValue_NonFiniteNumber_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new SignalCondition("price_gap_percent", SignalComparison.GreaterThan, double.NaN));
}
