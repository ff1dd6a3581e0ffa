using System;
using System.Collections.Generic;
using System.Linq;
using CustomerValuation.Churn;
using Xunit;

namespace CustomerValuation.Tests.Churn;

/// <summary>The default reason taxonomy (SPEC §4, W10) and the taxonomy's lookups; expected codes are SPEC §4's families and W10's price reasons.</summary>
public class ReasonTaxonomyTests
{
    [Fact]
    public void Default_Families_AreSpecFamiliesInOrder()
    {
        // SPEC §4: price, product, service, complaint left unresolved, competitor, relationship lost, credit;
        // the issue adds moved/closed and other.
        Assert.Equal(
            new[] { "price", "product", "service", "complaint", "competitor", "relationship", "credit", "moved-closed", "other" },
            ReasonTaxonomy.Default.Families().Select(f => f.Code));
    }

    [Fact]
    public void Default_PriceChildren_AreW10Reasons()
    {
        // W10: price really higher than value, or only seemingly higher: dealer mark-up, competitive bidding,
        // promotions that disagree, the customer's excuse, a misread need. price.fees is the telco data's extra charges.
        ReasonTaxonomy taxonomy = ReasonTaxonomy.Default;
        Assert.Equal(new[] { "price.real", "price.seeming", "price.fees" }, taxonomy.ChildrenOf("price").Select(r => r.Code));
        Assert.Equal(
            new[]
            {
                "price.seeming.dealer-markup", "price.seeming.competitive-bidding", "price.seeming.promotion-conflict",
                "price.seeming.customer-excuse", "price.seeming.misread-need",
            },
            taxonomy.ChildrenOf("price.seeming").Select(r => r.Code));
        ReasonDefinition markup = taxonomy["price.seeming.dealer-markup"];
        Assert.Equal("price", markup.Family);
        Assert.Equal("price.seeming", markup.ParentCode);
        Assert.Equal(2, markup.Depth);
        Assert.Equal("Dealer mark-up", markup.EnglishName);
        Assert.Equal("经销商加价", markup.ChineseName);
    }

    [Fact]
    public void Default_EveryReason_HasEnglishAndChineseNames()
    {
        Assert.Equal(26, ReasonTaxonomy.Default.Count);
        Assert.All(ReasonTaxonomy.Default, r =>
        {
            Assert.False(string.IsNullOrWhiteSpace(r.EnglishName));
            Assert.Contains(r.ChineseName, c => c >= '\u4E00' && c <= '\u9FFF');
        });
    }

    [Fact]
    public void Default_CrmReasons_MapShippedLostReasons()
    {
        // docs/lost-customers.md cites the sources: Dynamics 365 Sales closes a lost opportunity as Canceled or
        // Out-Sold; Zoho CRM's default stages include Closed-Lost to Competition; Odoo ships three lost reasons.
        ReasonTaxonomy taxonomy = ReasonTaxonomy.Default;
        Assert.Equal(new[] { "Dynamics 365 Sales: Out-Sold", "Zoho CRM: Closed-Lost to Competition" }, taxonomy["competitor"].CrmReasons);
        Assert.Contains("Dynamics 365 Sales: Canceled", taxonomy["other.no-need"].CrmReasons);
        Assert.Equal(new[] { "Odoo: Too expensive" }, taxonomy["price"].CrmReasons);
        Assert.Equal(new[] { "Odoo: Not enough stock" }, taxonomy["product.fit"].CrmReasons);
        Assert.Equal(new[] { "Odoo: We don't have people/skills" }, taxonomy["service.expertise"].CrmReasons);
        Assert.Empty(taxonomy["price.seeming.dealer-markup"].CrmReasons);
    }

    [Fact]
    public void Indexer_UnknownCode_ThrowsNamingTheCode()
    {
        var e = Assert.Throws<KeyNotFoundException>(() => ReasonTaxonomy.Default["price.cheap"]);
        Assert.Contains("'price.cheap'", e.Message, StringComparison.Ordinal);
        Assert.False(ReasonTaxonomy.Default.Contains("price.cheap"));
        Assert.Throws<KeyNotFoundException>(() => ReasonTaxonomy.Default.ChildrenOf("nope"));
    }

    [Fact]
    public void With_NewChild_ExtendsWithoutChangingDefault()
    {
        ReasonTaxonomy extended = ReasonTaxonomy.Default.With([new ReasonDefinition("competitor.eins", "Lost to EINS", "输给 EINS")]);
        Assert.Equal(27, extended.Count);
        Assert.Equal("competitor", extended["competitor.eins"].Family);
        Assert.False(ReasonTaxonomy.Default.Contains("competitor.eins"));
    }

    [Fact]
    public void With_ChildWithoutParent_ThrowsNamingTheParent()
    {
        var e = Assert.Throws<ArgumentException>(() => ReasonTaxonomy.Default.With([new ReasonDefinition("delivery.late", "Late delivery", "交货延迟")]));
        Assert.Contains("'delivery'", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Price")]
    [InlineData("price..real")]
    [InlineData("price.")]
    [InlineData("价格")]
    public void ReasonDefinition_BadCode_Throws(string code) =>
        Assert.Throws<ArgumentException>(() => new ReasonDefinition(code, "x", "价"));

    [Fact]
    public void IsWithin_ChecksSegmentsNotPrefixes()
    {
        Assert.True(ReasonTaxonomy.IsWithin("price.seeming.dealer-markup", "price"));
        Assert.True(ReasonTaxonomy.IsWithin("price", "price"));
        Assert.False(ReasonTaxonomy.IsWithin("pricey", "price"));
        Assert.False(ReasonTaxonomy.IsWithin("price", "price.real"));
    }
}
