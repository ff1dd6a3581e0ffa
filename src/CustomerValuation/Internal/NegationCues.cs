namespace CustomerValuation.Internal;

/// <summary>
/// The fixed word lists of the free-text tagger's negation rule (in the spirit of NegEx, Chapman et al.
/// 2001, "A simple algorithm for identifying negated findings and diseases in discharge summaries",
/// J. Biomed. Inform. 34(5)): cues before a phrase, cues after it, look-alikes that are not negations,
/// and words that end a clause. All lists are folded (lower case, ASCII apostrophe); English entries
/// match on word boundaries, Chinese entries anywhere.
/// </summary>
internal static class NegationCues
{
    /// <summary>Cues that negate a phrase that follows within the window: "not the price", "不是价格问题".</summary>
    public static readonly string[] Before =
    [
        "not", "no", "never", "nothing", "none", "neither", "nor", "without", "cannot",
        "isn't", "wasn't", "aren't", "weren't", "don't", "doesn't", "didn't", "can't", "couldn't",
        "won't", "wouldn't", "hasn't", "haven't", "hadn't", "shouldn't",
        "不", "不是", "没", "没有", "并非", "并不", "并没有", "绝非", "无关于",
    ];

    /// <summary>Cues that negate a phrase that precedes them within the window: "price was not the issue", "与价格无关".</summary>
    public static readonly string[] After =
    [
        "not an issue", "not the issue", "not a problem", "not the problem", "not the reason", "not a reason",
        "not a factor", "not a concern", "no problem", "no issue", "no issues",
        "isn't an issue", "isn't the issue", "wasn't an issue", "wasn't the issue", "isn't a problem", "wasn't a problem",
        "isn't the reason", "wasn't the reason", "was fine", "is fine", "were fine", "are fine", "was ok", "is ok",
        "was okay", "is okay", "was acceptable", "is acceptable", "were acceptable",
        "无关", "没关系", "不是问题", "不是原因", "不是主要原因", "不是重点", "不成问题", "没问题", "没有问题",
        "可以接受", "能接受", "还可以", "还行",
    ];

    /// <summary>
    /// Look-alikes that contain a cue but do not negate what follows ("not only", "not happy with the price",
    /// "不满意", "不如竞争对手"): a cue inside one of these is ignored.
    /// </summary>
    public static readonly string[] Pseudo =
    [
        "not only", "not just", "no doubt", "no longer", "not happy", "not satisfied", "not pleased", "not good",
        "not great", "not reliable", "not stable", "not competitive", "not affordable", "not responsive",
        "not enough", "not match", "could not match", "couldn't match", "cannot match", "can't match",
        "not compete", "could not compete", "couldn't compete", "cannot compete", "can't compete",
        "did not like", "didn't like", "does not like", "doesn't like", "don't like", "not like",
        "can't afford", "cannot afford", "could not afford", "couldn't afford", "not working", "no choice",
        "不满", "不满意", "不好", "不太好", "不稳定", "不专业", "不及时", "不合理", "不够", "不足", "不行", "不佳",
        "不耐烦", "不但", "不仅", "不光", "不断", "不久", "不同", "不少", "不管", "不论", "不如", "比不上",
        "不能接受", "接受不了", "受不了", "买不起", "不得不", "没想到", "没办法", "没法", "不划算", "不值",
    ];

    /// <summary>Words that end a clause, besides the punctuation . , ; ! ? 。 ； and line breaks.</summary>
    public static readonly string[] ClauseWords =
    [
        "but", "however", "although", "though", "whereas", "except",
        "但", "但是", "可是", "不过", "然而", "而是",
    ];
}
