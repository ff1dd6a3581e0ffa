using CustomerValuation.Churn;

namespace CustomerValuation.Tests.Churn;

/// <summary>The SPEC W10 reason families and price reasons as a small taxonomy, a schema of structured signals and the rules of docs/lost-customers.md.</summary>
internal static class W10
{
    public static ReasonTaxonomy Taxonomy { get; } = new(
    [
        new ReasonDefinition("price", "Price", "价格"),
        new ReasonDefinition("price.real", "Price really higher than value", "价格确实高"),
        new ReasonDefinition("price.seeming", "Price only seemingly higher", "价格看似高"),
        new ReasonDefinition("price.seeming.dealer-markup", "Dealer mark-up", "经销商加价"),
        new ReasonDefinition("price.seeming.competitive-bidding", "Competitive bidding", "竞价"),
        new ReasonDefinition("price.seeming.promotion-conflict", "Promotions disagree", "促销冲突"),
        new ReasonDefinition("price.seeming.customer-excuse", "Customer's excuse", "客户借口"),
        new ReasonDefinition("price.seeming.misread-need", "Need misread", "需求误判"),
        new ReasonDefinition("product", "Product", "产品"),
        new ReasonDefinition("service", "Service", "服务"),
        new ReasonDefinition("complaint", "Complaint unresolved", "投诉未解决"),
        new ReasonDefinition("competitor", "Competitor", "竞争对手"),
        new ReasonDefinition("relationship", "Relationship lost", "关系流失"),
        new ReasonDefinition("credit", "Credit", "信用"),
        new ReasonDefinition("moved-closed", "Moved or closed", "搬迁或关闭"),
        new ReasonDefinition("other", "Other", "其他"),
    ]);

    public static SignalSchema Schema { get; } = new(
    [
        SignalField.Number("price_gap_percent", minimum: -100),
        SignalField.Number("dealer_markup_percent", 0, 100),
        SignalField.Number("competing_bids", minimum: 0),
        SignalField.Boolean("promotion_conflict"),
        SignalField.Boolean("cited_price"),
        SignalField.Number("unresolved_complaints", minimum: 0),
        SignalField.Number("missed_maintenance", minimum: 0),
        SignalField.Number("satisfaction", 1, 5),
        SignalField.Number("days_overdue", minimum: 0),
        SignalField.Text("channel", ["dealer", "direct", "online"]),
    ]);

    public static SignalRule[] Rules { get; } =
    [
        new("price gap over 10 %", new SignalCondition("price_gap_percent", SignalComparison.GreaterThan, 10), "price.real", 0.9),
        new("dealer mark-up over 5 %", new SignalCondition("dealer_markup_percent", SignalComparison.GreaterThan, 5), "price.seeming.dealer-markup", 0.8),
        new("three or more bids", new SignalCondition("competing_bids", SignalComparison.AtLeast, 3), "price.seeming.competitive-bidding", 0.7),
        new("promotions disagree", new SignalCondition("promotion_conflict", SignalComparison.Equal, true), "price.seeming.promotion-conflict"),
        new(
            "price cited without a gap",
            [new SignalCondition("cited_price", SignalComparison.Equal, true), new SignalCondition("price_gap_percent", SignalComparison.AtMost, 0)],
            "price.seeming.customer-excuse",
            0.6),
        new("unresolved complaint", new SignalCondition("unresolved_complaints", SignalComparison.AtLeast, 1), "complaint", 0.9),
        new("missed maintenance", new SignalCondition("missed_maintenance", SignalComparison.AtLeast, 2), "service", 0.7),
        new("low satisfaction", new SignalCondition("satisfaction", SignalComparison.AtMost, 2), "service", 0.6),
        new("long overdue", new SignalCondition("days_overdue", SignalComparison.GreaterThan, 90), "credit"),
    ];

    public static SignalRuleSet RuleSet { get; } = new(Schema, Taxonomy, Rules);
}
