using System;
using System.Text;
using BenchmarkDotNet.Attributes;
using CustomerValuation.Churn;

namespace CustomerValuation.Benchmarks.Churn;

/// <summary>
/// Free-text reason tagging of 10⁶ notes of about 200 characters, mixed English and Chinese, with the default
/// taxonomy and lexicon; the baseline lower-cases every note into a buffer (one vectorised pass, no matching).
/// </summary>
/// <remarks>
/// Data (seeded): each note strings sentences together until it reaches 190 characters. A sentence is
/// routine CRM filler (70 %), a lost-deal reason (20 %) or a negated reason (10 %), half in English and half in
/// Chinese; a note also starts in upper case with probability 0.1 and uses full-width letters with
/// probability 0.05. <see cref="Setup"/> prints the total length and how many notes hold a reason sentence.
/// </remarks>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class TextReasonTaggerBenchmarks
{
    private const int Notes = 1_000_000;

    private static readonly string[] s_englishFiller =
    [
        "Visited the customer on site.", "Called the purchasing manager twice this week.", "Sent the updated quotation and brochure.",
        "Meeting with the plant engineer about next quarter's volume.", "Customer asked for samples of the new series.",
        "Left a voicemail, will follow up on Monday.", "Discussed delivery schedule and payment terms.", "Demo went well overall.",
    ];

    private static readonly string[] s_chineseFiller =
    [
        "今天拜访了客户采购部。", "电话联系了对方经理，约了下周见面。", "已发送最新报价单和产品资料。", "客户表示下季度再考虑追加订单。",
        "和技术负责人讨论了安装方案。", "对方要求提供样品测试。", "客户下周出差，回来后再联系。", "年底前需要确认合同条款。",
    ];

    private static readonly string[] s_englishReasons =
    [
        "Customer says the price is too high.", "They went with a competitor offering a better deal.", "Complaint about the leak was never resolved.",
        "The dealer markup made us look expensive.", "Our contact person left the company.", "Credit limit was exceeded, finance put them on hold.",
        "Service was poor and the technician was rude.", "The plant moved to another province.", "Quality issues with the last two batches.",
    ];

    private static readonly string[] s_chineseReasons =
    [
        "客户觉得价格太高。", "被竞争对手抢走了，对方报价更低。", "投诉一直没解决。", "经销商加价太多。", "对接人离职了，关系断了。",
        "资金紧张，付款困难。", "售后服务差，态度不好。", "工厂搬迁到外省了。", "产品质量不稳定。",
    ];

    private static readonly string[] s_negated =
    [
        "It was not the price.", "Price was not the issue.", "No complaints about service.", "不是价格问题。", "与服务态度无关。", "价格可以接受。",
    ];

    private readonly TextReasonTagger _tagger = TextReasonTagger.Default;
    private (int Id, string Note)[] _notes = [];
    private char[] _buffer = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(SyntheticValues.Seed);
        _notes = new (int, string)[Notes];
        var builder = new StringBuilder(256);
        long characters = 0;
        int withReason = 0;
        int maxLength = 0;
        for (int i = 0; i < Notes; i++)
        {
            builder.Clear();
            bool reason = false;
            while (builder.Length < 190)
            {
                double u = random.NextDouble();
                bool chinese = random.NextDouble() < 0.5;
                string[] pool = u < 0.7 ? (chinese ? s_chineseFiller : s_englishFiller)
                    : u < 0.9 ? (chinese ? s_chineseReasons : s_englishReasons)
                    : s_negated;
                reason |= u >= 0.7 && u < 0.9;
                builder.Append(pool[random.Next(pool.Length)]).Append(' ');
            }

            string note = builder.ToString();
            double style = random.NextDouble();
            note = style < 0.1 ? note.ToUpperInvariant() : style < 0.15 ? ToFullWidth(note) : note;
            _notes[i] = (1_000_000 + i, note);
            characters += note.Length;
            maxLength = Math.Max(maxLength, note.Length);
            withReason += reason ? 1 : 0;
        }

        _buffer = new char[maxLength];
        Console.WriteLine($"// {Notes} notes, {characters} UTF-16 code units (mean {(double)characters / Notes:0.0}), {withReason} with a reason sentence");
    }

    /// <summary>Baseline: lower-case every note into a preallocated buffer (invariant culture).</summary>
    [Benchmark(Baseline = true)]
    public int LowerCase()
    {
        int sum = 0;
        foreach ((int _, string note) in _notes)
        {
            sum += note.AsSpan().ToLowerInvariant(_buffer);
        }

        return sum;
    }

    /// <summary>Tag every note on its own (<see cref="TextReasonTagger.Tag(string)"/>).</summary>
    [Benchmark]
    public int Tag()
    {
        int tags = 0;
        foreach ((int _, string note) in _notes)
        {
            tags += _tagger.Tag(note).Count;
        }

        return tags;
    }

    /// <summary>Tag the customers through the keyed overload (ids checked, one result per customer).</summary>
    [Benchmark]
    public int TagCustomers()
    {
        int untagged = 0;
        foreach (CustomerReasons<int> customer in _tagger.Tag(_notes, n => n.Id, n => n.Note))
        {
            untagged += customer.IsUntagged ? 1 : 0;
        }

        return untagged;
    }

    private static string ToFullWidth(string text)
    {
        var chars = text.ToCharArray();
        for (int i = 0; i < chars.Length; i++)
        {
            if (chars[i] >= '!' && chars[i] <= '~')
            {
                chars[i] = (char)(chars[i] + 0xFEE0);
            }
        }

        return new string(chars);
    }
}
