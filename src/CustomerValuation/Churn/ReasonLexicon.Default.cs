using System;
using System.Collections.Generic;

namespace CustomerValuation.Churn;

public sealed partial class ReasonLexicon
{
    /// <summary>The confidence of a single generic word in <see cref="Default"/> ("price", "投诉", "competitor"): 0.6.</summary>
    public const double GenericWordConfidence = 0.6;

    private static readonly Lazy<ReasonLexicon> s_default = new(BuildDefault);

    /// <summary>Gets the default lexicon for <see cref="ReasonTaxonomy.Default"/>: common English and Chinese phrases of lost-customer notes per reason.</summary>
    /// <remarks>
    /// Multi-word phrases have confidence <see cref="ReasonPhrase.DefaultConfidence"/> (0.8), single generic words
    /// <see cref="GenericWordConfidence"/> (0.6). The phrases cover the 20 churn reasons of IBM's telco sample and the
    /// loss reasons among the lead tags of the X Education data (see docs/lost-customers.md), and general CRM
    /// wording; extend them with <see cref="With(string, string[])"/> for a trade's own words (competitor names,
    /// product names).
    /// </remarks>
    public static ReasonLexicon Default => s_default.Value;

    private static ReasonLexicon BuildDefault()
    {
        var entries = new List<(string Code, string[] Strong, string[] Weak)>
        {
            ("price",
                ["price too high", "prices too high", "price is too high", "price was too high", "price too steep", "too expensive",
                 "too costly", "overpriced", "over priced", "high price", "higher price", "price increase", "price hike", "costs too much",
                 "cost too much", "not affordable", "unaffordable", "lack of affordable", "can't afford", "cannot afford", "could not afford",
                 "couldn't afford", "no budget", "out of budget", "over budget", "budget cut", "budget constraints",
                 "价格太高", "价格高", "价格偏高", "价格问题", "太贵", "贵了", "报价高", "报价太高", "涨价", "费用太高", "成本太高",
                 "不划算", "性价比低", "性价比不高", "买不起", "预算不足", "没有预算", "超预算", "价格没有竞争力"],
                ["price", "prices", "pricing", "expensive", "价格", "价钱"]),
            ("price.real",
                ["not worth the price", "not worth the money", "not worth it", "poor value", "bad value", "poor value for money",
                 "price higher than value", "priced above its value", "positioned too high", "high-end positioning",
                 "不值", "不值这个价", "价格高于价值", "性价比差", "定位太高", "定位偏高", "高端定位"],
                []),
            ("price.seeming",
                ["only seemingly", "seems expensive", "looks expensive", "appears expensive", "看起来贵", "显得贵", "感觉贵"],
                []),
            ("price.seeming.dealer-markup",
                ["dealer markup", "dealer mark-up", "dealer mark up", "reseller markup", "distributor markup", "dealer margin",
                 "经销商加价", "代理商加价", "中间商加价", "层层加价", "经销商利润"],
                ["markup", "mark-up", "加价"]),
            ("price.seeming.competitive-bidding",
                ["competitive bidding", "bidding war", "price war", "lowest bid", "lower bid", "lost the tender", "lost the bid",
                 "underbid", "undercut", "竞价", "比价", "招标", "投标", "竞标", "价格战", "低价中标", "最低价中标"],
                ["tender"]),
            ("price.seeming.promotion-conflict",
                ["promotion conflict", "conflicting promotions", "promotions disagree", "promotions that disagree", "promotion mismatch",
                 "inconsistent promotion", "inconsistent promotions", "dealer promotion", "manufacturer promotion",
                 "促销冲突", "促销不一致", "促销政策不一致", "厂家促销", "厂商促销", "经销商促销", "活动价不一致", "政策不统一", "价格不统一"],
                []),
            ("price.seeming.customer-excuse",
                ["just an excuse", "an excuse", "used price as an excuse", "price objection", "bargaining tactic", "negotiation tactic",
                 "haggling", "借口", "托词", "推脱", "砍价", "讨价还价", "压价"],
                ["excuse"]),
            ("price.seeming.misread-need",
                ["misread need", "misread the need", "misread their need", "misunderstood the need", "misunderstood their needs",
                 "wrong configuration", "over-specified", "overspecified", "offered the wrong model", "wrong model",
                 "more than they need", "more than they needed",
                 "需求误判", "误判需求", "需求理解错误", "没搞清需求", "没弄清需求", "配置过高", "配置太高", "推荐错型号", "型号不对",
                 "超出需求", "功能过剩"],
                []),
            ("price.fees",
                ["extra charges", "extra data charges", "extra fees", "hidden fees", "hidden charges", "additional charges",
                 "additional fees", "long distance charges", "roaming charges", "overage charges", "surcharge", "service fee",
                 "额外收费", "附加费", "附加费用", "隐性收费", "乱收费", "手续费", "服务费", "长途费", "流量费", "超额费用"],
                ["fees", "overage"]),
            ("product",
                ["product dissatisfaction", "dissatisfied with the product", "unhappy with the product", "not happy with the product",
                 "product issue", "product issues", "product problem", "product problems",
                 "产品问题", "对产品不满", "产品不满意", "产品不好", "产品不行"],
                []),
            ("product.quality",
                ["poor quality", "bad quality", "quality issue", "quality issues", "quality problem", "quality problems",
                 "defect", "defects", "defective", "faulty",
                 "质量问题", "质量差", "质量不好", "质量不稳定", "次品", "故障多", "有缺陷", "产品缺陷"],
                []),
            ("product.reliability",
                ["network reliability", "unreliable", "not reliable", "poor reliability", "downtime", "outage", "outages",
                 "dropped calls", "breakdowns", "keeps failing", "keeps breaking",
                 "不稳定", "经常故障", "经常坏", "可靠性", "可靠性差", "掉线", "断网", "信号差", "网络不稳定"],
                ["reliability"]),
            ("product.fit",
                ["does not fit", "doesn't fit", "not suitable", "unsuitable", "missing feature", "missing features", "lack of features",
                 "lacks features", "limited range", "limited range of services", "narrow range", "does not meet", "doesn't meet",
                 "did not meet", "didn't meet", "not in stock", "not enough stock", "out of stock", "other courses", "full time mba",
                 "not recognized", "not recognised", "recognition issue", "not accredited",
                 "不适合", "不符合需求", "不满足需求", "功能不全", "缺少功能", "功能缺失", "产品线不全", "品种少", "缺货", "没货", "断货",
                 "库存不足", "不被认可", "资质不认可"],
                []),
            ("service",
                ["service dissatisfaction", "dissatisfied with the service", "unhappy with the service", "not happy with the service",
                 "poor service", "bad service", "service issue", "service issues", "service problem", "service problems",
                 "slow response", "slow delivery", "late delivery", "delivery delay", "delivery delays", "delayed delivery",
                 "self-service", "self service", "lack of self-service", "poor support", "bad support", "lack of support",
                 "服务差", "服务不好", "服务问题", "服务不到位", "售后差", "售后服务差", "售后不好", "响应慢", "反应慢", "交货慢",
                 "交货延迟", "发货慢", "送货慢", "延期交货", "自助服务"],
                []),
            ("service.attitude",
                ["attitude of support person", "attitude of service provider", "bad attitude", "poor attitude", "rude", "impolite",
                 "unfriendly", "arrogant", "disrespectful",
                 "服务态度", "态度差", "态度不好", "态度恶劣", "不礼貌", "不耐烦", "冷淡", "傲慢"],
                ["attitude", "态度"]),
            ("service.expertise",
                ["poor expertise", "lack of expertise", "incompetent", "not knowledgeable", "inexperienced", "could not answer",
                 "couldn't answer", "could not help", "couldn't help", "lack of skills", "don't have people", "not enough staff",
                 "专业能力差", "不专业", "技术支持差", "技术不行", "技术水平低", "解决不了", "不懂行", "缺乏经验", "人手不足"],
                ["expertise"]),
            ("complaint",
                ["complaint unresolved", "unresolved complaint", "unresolved complaints", "complaint not resolved",
                 "complaint was not resolved", "complaint never resolved", "never resolved", "not resolved", "unresolved",
                 "claim rejected", "warranty claim rejected", "refund refused", "refund denied",
                 "投诉未解决", "投诉没有解决", "投诉没解决", "投诉多次", "问题没解决", "问题未解决", "一直没解决", "没有解决", "未解决",
                 "索赔被拒", "退款被拒"],
                ["complaint", "complaints", "complained", "投诉", "客诉"]),
            ("competitor",
                ["went with a competitor", "switched to a competitor", "switched supplier", "switched suppliers", "switched vendor",
                 "bought elsewhere", "buys elsewhere", "bought from another", "another supplier", "another vendor", "other supplier",
                 "lost to", "lost to others", "out-sold", "outsold", "closed-lost to competition",
                 "竞争对手", "竞品", "友商", "别家", "别的厂家", "其他品牌", "换了供应商", "换供应商", "被抢走", "被挖走", "选择了其他"],
                ["competitor", "competitors", "competition", "rival", "对手", "同行"]),
            ("competitor.offer",
                ["better offer", "made better offer", "better deal", "cheaper offer", "cheaper elsewhere", "cheaper competitor",
                 "competitor offered", "offered more data", "better price elsewhere", "better terms",
                 "竞争对手报价更低", "对手报价低", "对手价格更低", "别家更便宜", "竞品更便宜", "对手更便宜", "别家优惠更多"],
                []),
            ("competitor.product",
                ["better devices", "better product", "better products", "superior product", "higher download speeds", "faster speeds",
                 "better features", "better technology",
                 "竞品更好", "对手产品更好", "产品不如对手", "不如竞争对手", "不如竞品", "比不上竞品", "功能更强"],
                []),
            ("relationship",
                ["relationship lost", "lost the relationship", "contact left", "contact person left", "our contact left", "champion left",
                 "buyer left", "decision maker left", "sales rep left", "account manager left", "salesperson left", "new management",
                 "new buyer", "lost trust", "no longer trusts",
                 "关系流失", "关系断了", "关系变差", "关系不好", "客情关系", "对接人离职", "联系人离职", "采购换人", "负责人换了", "领导换了",
                 "业务员离职", "销售离职", "客户经理离职", "失去信任", "不信任"],
                ["relationship"]),
            ("credit",
                ["credit limit", "credit hold", "credit rating", "credit check", "bad credit", "poor credit", "overdue payment",
                 "payment issues", "payment problems", "financing refused", "loan refused", "loan rejected", "financial problems",
                 "financial difficulties", "cash flow", "cash-flow", "cannot pay", "can't pay", "unable to pay", "bad debt", "arrears",
                 "信用额度", "信用差", "征信", "欠款", "拖欠", "逾期", "赊账", "账期", "回款", "付款困难", "资金困难", "资金紧张", "资金问题",
                 "贷款被拒", "贷款没批", "按揭没批", "经济困难"],
                ["credit", "overdue", "信用"]),
            ("moved-closed",
                ["moved away", "moved out", "relocated", "relocation", "out of business", "went out of business", "closed down",
                 "shut down", "bankrupt", "bankruptcy", "went bankrupt", "liquidation", "ceased trading", "deceased", "passed away",
                 "搬迁", "搬家", "迁址", "搬走", "倒闭", "关门", "停业", "歇业", "破产", "注销", "转行", "去世", "过世", "身故"],
                ["moved", "died"]),
            ("other",
                ["other reason", "other reasons", "personal reasons", "其他原因", "个人原因"],
                []),
            ("other.no-need",
                ["no longer needed", "no longer need", "no longer needs", "no longer interested", "not interested", "don't need",
                 "doesn't need", "no need", "not needed", "project cancelled", "project canceled", "cancelled the project",
                 "canceled the project", "not doing further education", "already a student",
                 "不再需要", "不需要了", "没有需求", "需求取消", "项目取消", "项目暂停", "不感兴趣", "没兴趣"],
                ["cancelled", "canceled"]),
            ("other.not-eligible",
                ["not eligible", "ineligible", "not qualified", "does not qualify", "doesn't qualify", "graduation in progress",
                 "diploma holder", "不符合条件", "条件不符", "资格不符", "不具备资格"],
                []),
        };

        var codes = new string[entries.Count];
        var byCode = new Dictionary<string, ReasonPhrase[]>(StringComparer.Ordinal);
        for (int i = 0; i < entries.Count; i++)
        {
            (string code, string[] strong, string[] weak) = entries[i];
            var phrases = new List<ReasonPhrase>(strong.Length + weak.Length);
            foreach (string text in strong)
            {
                phrases.Add(ReasonPhrase.Of(text));
            }

            foreach (string text in weak)
            {
                phrases.Add(ReasonPhrase.Of(text, GenericWordConfidence));
            }

            codes[i] = code;
            byCode.Add(code, CheckPhrases(code, phrases, "phrases"));
        }

        return new ReasonLexicon(codes, byCode);
    }
}
