using System.Linq;
using CustomerValuation.Churn;
using Xunit;

namespace CustomerValuation.Tests.Churn;

/// <summary>
/// Review tests of the lost-customer reason code (issue 6): each bug found in review is pinned here by a test that
/// failed before its fix. Expected values follow the contract in docs/lost-customers.md.
/// </summary>
public class ReasonReviewTests
{
    /// <summary>U+20000, a CJK ideograph of Extension B: one Chinese character, two UTF-16 code units.</summary>
    private const string ExtB = "\U00020000";

    private static string Codes(string note) => string.Join(",", TextReasonTagger.Default.Tag(note).Select(t => t.Code));

    [Theory]
    [InlineData("不" + ExtB + ExtB + ExtB + ExtB + "价格", "")] // 4 Chinese characters between cue and phrase: within the window of 4
    [InlineData("不" + ExtB + ExtB + ExtB + ExtB + ExtB + "价格", "price")] // 5: outside
    [InlineData("价格" + ExtB + ExtB + ExtB + ExtB + "无关", "")] // after-cue 4 characters after the phrase
    [InlineData("价格" + ExtB + ExtB + ExtB + ExtB + ExtB + "无关", "price")]
    public void Tag_SupplementaryIdeographsInTheNegationWindow_CountOneTokenEach(string note, string expected)
    {
        // Contract: "A token is an English word or one Chinese character", as "不的的的的价格" (4 BMP characters) is negated
        // and "不的的的的的价格" (5) is not. Before the fix each UTF-16 half of a supplementary character counted as a token,
        // so 4 Extension-B characters counted 8 and the cue no longer reached the phrase.
        Assert.Equal(expected, Codes(note));
    }
}
