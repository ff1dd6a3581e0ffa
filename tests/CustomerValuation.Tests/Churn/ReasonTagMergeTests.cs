using System;
using System.Collections.Generic;
using System.Linq;
using CustomerValuation.Churn;
using Xunit;

namespace CustomerValuation.Tests.Churn;

/// <summary>Example tests of merging rule tags and phrase tags; expected confidences are the noisy-OR worked by hand.</summary>
public class ReasonTagMergeTests
{
    private static readonly ReasonEvidence s_rule = new(ReasonSource.Rule, "price gap over 10 %", "price_gap_percent 12.5 > 10", -1, 0, 0.9);
    private static readonly ReasonEvidence s_phrase = new(ReasonSource.Phrase, "too expensive", "too expensive", 14, 13, 0.5);
    private static readonly ReasonEvidence s_service = new(ReasonSource.Phrase, "no one came", "no one came", 0, 11, 0.6);

    [Fact]
    public void Combine_SameCode_MergesEvidenceWithNoisyOr()
    {
        // price.real from a rule (0.9) and a phrase (0.5): 1 − 0.1 × 0.5 = 0.95.
        IReadOnlyList<ReasonTag> tags = ReasonTagMerge.Combine([new ReasonTag("price.real", [s_rule])], [new ReasonTag("service", [s_service]), new ReasonTag("price.real", [s_phrase])]);
        Assert.Equal(new[] { "price.real", "service" }, tags.Select(t => t.Code));
        Assert.Equal(new[] { s_rule, s_phrase }, tags[0].Evidence);
        Assert.Equal(0.95, tags[0].Confidence, 12);
        Assert.Equal(0.6, tags[1].Confidence, 15);
    }

    [Fact]
    public void Combine_WithItself_ChangesNothing()
    {
        var tags = new[] { new ReasonTag("price.real", [s_rule, s_phrase]) };
        ReasonTag merged = Assert.Single(ReasonTagMerge.Combine(tags, tags));
        Assert.Equal(tags[0].Evidence, merged.Evidence);
        Assert.Equal(tags[0].Confidence, merged.Confidence);
    }

    [Fact]
    public void Combine_Customers_KeepsFirstOrderAndUntagged()
    {
        var rules = new[] { new CustomerReasons<string>("K2", []), new CustomerReasons<string>("K1", [new ReasonTag("price.real", [s_rule])]), new CustomerReasons<string>("K3", []) };
        var text = new[] { new CustomerReasons<string>("K1", [new ReasonTag("price.real", [s_phrase])]), new CustomerReasons<string>("K3", []), new CustomerReasons<string>("K2", [new ReasonTag("service", [s_service])]) };
        IReadOnlyList<CustomerReasons<string>> merged = ReasonTagMerge.Combine(rules, text);
        Assert.Equal(new[] { "K2", "K1", "K3" }, merged.Select(c => c.Id));
        Assert.Equal("service", Assert.Single(merged[0].Reasons).Code);
        Assert.Equal(2, Assert.Single(merged[1].Reasons).Evidence.Count);
        Assert.True(merged[2].IsUntagged);
    }

    [Fact]
    public void Combine_CustomerMissingFromOneList_NamesIt()
    {
        var first = new[] { new CustomerReasons<string>("K1", []), new CustomerReasons<string>("K2", []) };
        var second = new[] { new CustomerReasons<string>("K1", []) };
        Assert.Contains("'K2' is in first", Assert.Throws<ArgumentException>(() => ReasonTagMerge.Combine(first, second)).Message, StringComparison.Ordinal);
        Assert.Contains("'K2' is in second", Assert.Throws<ArgumentException>(() => ReasonTagMerge.Combine(second, first)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Combine_DuplicateId_NamesIt()
    {
        var first = new[] { new CustomerReasons<string>("K1", []), new CustomerReasons<string>("K1", []) };
        Assert.Contains("'K1' appears twice", Assert.Throws<ArgumentException>(() => ReasonTagMerge.Combine(first, first)).Message, StringComparison.Ordinal);
    }
}
