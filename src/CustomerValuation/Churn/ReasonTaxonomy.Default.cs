namespace CustomerValuation.Churn;

public sealed partial class ReasonTaxonomy
{
    /// <summary>Gets the default taxonomy: the reason families of SPEC §4, W10's price reasons, and a few children that real churn data needs.</summary>
    /// <remarks>
    /// <para>
    /// Families: <c>price</c>, <c>product</c>, <c>service</c>, <c>complaint</c> (left unresolved), <c>competitor</c>,
    /// <c>relationship</c> (lost), <c>credit</c>, <c>moved-closed</c> (moved, closed, out of business) and <c>other</c>.
    /// Under <c>price</c>, W10's dealer practice: <c>price.real</c> (price really higher than value) and
    /// <c>price.seeming</c> with <c>.dealer-markup</c>, <c>.competitive-bidding</c>, <c>.promotion-conflict</c>,
    /// <c>.customer-excuse</c> and <c>.misread-need</c>; plus <c>price.fees</c> (extra charges). A note that only says
    /// "price too high" is tagged <c>price</c>: telling real from seeming needs more than those words.
    /// </para>
    /// <para>
    /// Each reason lists the lost-deal status reasons of common CRMs that correspond to it, as shipped by default
    /// (Microsoft Dynamics 365 Sales, Zoho CRM, Odoo); Salesforce and HubSpot ship no default list of loss reasons.
    /// The sources are cited in docs/lost-customers.md. Extend the taxonomy with <see cref="With"/>.
    /// </para>
    /// </remarks>
    public static ReasonTaxonomy Default { get; } = new(
    [
        new ReasonDefinition("price", "Price too high", "价格偏高", ["Odoo: Too expensive"]),
        new ReasonDefinition("price.real", "Price really higher than value", "价格确实高于价值"),
        new ReasonDefinition("price.seeming", "Price only seemingly higher", "价格只是看起来偏高"),
        new ReasonDefinition("price.seeming.dealer-markup", "Dealer mark-up", "经销商加价"),
        new ReasonDefinition("price.seeming.competitive-bidding", "Competitive bidding", "竞价比价"),
        new ReasonDefinition("price.seeming.promotion-conflict", "Dealer and manufacturer promotions disagree", "厂家与经销商促销不一致"),
        new ReasonDefinition("price.seeming.customer-excuse", "The customer's excuse", "客户的借口"),
        new ReasonDefinition("price.seeming.misread-need", "Need misread", "需求判断失误"),
        new ReasonDefinition("price.fees", "Extra charges and fees", "额外收费"),
        new ReasonDefinition("product", "Product", "产品"),
        new ReasonDefinition("product.quality", "Product quality", "产品质量"),
        new ReasonDefinition("product.reliability", "Reliability", "可靠性"),
        new ReasonDefinition("product.fit", "Product does not fit the need or is unavailable", "产品不符合需求或缺货", ["Odoo: Not enough stock"]),
        new ReasonDefinition("service", "Service", "服务"),
        new ReasonDefinition("service.attitude", "Staff attitude", "服务态度"),
        new ReasonDefinition("service.expertise", "Expertise or capacity", "专业能力或人手", ["Odoo: We don't have people/skills"]),
        new ReasonDefinition("complaint", "Complaint left unresolved", "投诉未解决"),
        new ReasonDefinition("competitor", "Competitor", "竞争对手", ["Dynamics 365 Sales: Out-Sold", "Zoho CRM: Closed-Lost to Competition"]),
        new ReasonDefinition("competitor.offer", "Competitor's better offer", "竞争对手条件更优"),
        new ReasonDefinition("competitor.product", "Competitor's better product", "竞争对手产品更好"),
        new ReasonDefinition("relationship", "Relationship lost", "关系流失"),
        new ReasonDefinition("credit", "Credit or payment", "信用与付款"),
        new ReasonDefinition("moved-closed", "Moved, closed or out of business", "搬迁、倒闭或停业"),
        new ReasonDefinition("other", "Other", "其他", ["Dynamics 365 Sales (lead): Lost"]),
        new ReasonDefinition("other.no-need", "Need gone or project cancelled", "需求消失或项目取消", ["Dynamics 365 Sales: Canceled", "Dynamics 365 Sales (lead): No Longer Interested", "Dynamics 365 Sales (lead): Canceled"]),
        new ReasonDefinition("other.not-eligible", "Not eligible", "不符合条件"),
    ]);
}
