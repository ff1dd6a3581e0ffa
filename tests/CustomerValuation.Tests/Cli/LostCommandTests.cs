using System;
using System.IO;
using System.IO.Compression;
using System.Text;
using Xunit;

namespace CustomerValuation.Tests.Cli;

/// <summary>
/// The <c>lost</c> command run in-process on small hand-made files (docs/lost-customers.md, "Command line: lost"):
/// which phrases and rules fire, the output rows, the printed counts and Paretos. Expected values are worked by hand
/// in the comments from the default lexicon (src/CustomerValuation/Churn/ReasonLexicon.Default.cs) and taxonomy.
/// </summary>
public sealed class LostCommandTests : CliTestFolder
{
    private const string Header = "customer_id,reason,family,reason_en,reason_zh,confidence,evidence";

    /// <summary>The rules file of the signal tests: a number, a number read from another column, a yes/no and a text field.</summary>
    private const string SignalRules = """
        {
          // comments and trailing commas are allowed
          "fields": [
            { "name": "gap", "type": "number", "minimum": -100, "maximum": 1000 },
            { "name": "unresolved", "type": "number", "minimum": 0, "column": "open_complaints" },
            { "name": "missed_maintenance", "type": "boolean", "column": "maintenance_missed" },
            { "name": "contract", "type": "text", "categories": ["monthly", "yearly"] },
          ],
          "rules": [
            { "name": "dearer than the competitor", "when": [ { "field": "gap", "op": ">", "value": 10 } ], "reason": "price.real", "confidence": 0.9 },
            { "name": "complaint left open", "when": [ { "field": "unresolved", "op": "ge", "value": 1 } ], "reason": "complaint" },
            { "name": "maintenance missed", "when": [ { "field": "missed_maintenance", "op": "==", "value": true } ], "reason": "service", "confidence": 0.7 },
            { "name": "monthly with a complaint", "when": [ { "field": "contract", "op": "=", "value": "monthly" }, { "field": "unresolved", "op": ">=", "value": 1 } ], "reason": "relationship", "confidence": 0.6 },
            { "when": [ { "field": "contract", "op": "<>", "value": "monthly" }, { "field": "gap", "op": "LessThan", "value": 0 } ], "reason": "price.seeming.customer-excuse", "confidence": 0.6 },
          ],
        }
        """;

    /// <summary>Five lost customers with a note, a lost value and a tier (the value tests).</summary>
    private const string ValuedCustomers = """
        customer_id,note,lost_value,tier
        v1,too expensive; bad service,300,A
        v2,switched to a competitor,100,B
        v3,too expensive,100,A
        v4,,50,B
        v5,dealer markup and too expensive,90,B

        """;

    public LostCommandTests()
        : base("cv-lost-")
    {
    }

    [Fact]
    public void Lost_EnglishAndChineseNotes_WritesOneRowPerCustomerAndReason()
    {
        // Hand, with the default lexicon (positions in UTF-16 code units of the note):
        // c1 "Too expensive and bad service": "too expensive" at 0 (price, 0.8; the weak "expensive" inside it is dropped),
        //    "bad service" at 18 (service, 0.8). No other phrase: "service" alone is not in the lexicon.
        // c2 "不是价格问题，服务差": 不是 (a cue) ends right before 价格问题/价格, which are dropped; the full-width comma ends
        //    the clause, so 服务差 at 7 (service, 0.8) stands.
        // c3 "not the price": "not" is one token before "price" → negated → untagged.
        // c4 full-width letters and an ideographic space fold to "too expensive" at 0, length 13; the evidence quotes the note.
        // c5 empty note → untagged (kept and written, never "other").
        // c6 "客户被竞争对手抢走了": 竞争对手 at 3 (competitor, 0.8); 对手 inside it is the same reason → dropped.
        // c7 "不是价格而是服务差": 而是 ends the clause, so 不是 negates 价格 only; 服务差 at 6 (service).
        // c8 "not the price but rude staff": "but" ends the clause; "rude" at 18 (service.attitude, 0.8).
        string input = Write("in.csv", """
            customer_id,note
            c1,Too expensive and bad service
            c2,不是价格问题，服务差
            c3,not the price
            c4,ＴＯＯ　ＥＸＰＥＮＳＩＶＥ
            c5,
            c6,客户被竞争对手抢走了
            c7,不是价格而是服务差
            c8,not the price but rude staff

            """);
        string output = Path.Combine(Folder, "reasons.csv");

        (int code, string stdout, string stderr) = Run("lost", "--input", input, "--notes-column", "note", "--output", output);

        Assert.True(code == 0, stderr);
        Assert.Equal(string.Empty, stderr);
        Assert.Equal(
            new[]
            {
                Header,
                "c1,price,price,Price too high,价格偏高,0.8,\"phrase 'too expensive' at 0: \"\"Too expensive\"\"\"",
                "c1,service,service,Service,服务,0.8,\"phrase 'bad service' at 18: \"\"bad service\"\"\"",
                "c2,service,service,Service,服务,0.8,\"phrase '服务差' at 7: \"\"服务差\"\"\"",
                "c3,,,,,,untagged",
                "c4,price,price,Price too high,价格偏高,0.8,\"phrase 'too expensive' at 0: \"\"ＴＯＯ　ＥＸＰＥＮＳＩＶＥ\"\"\"",
                "c5,,,,,,untagged",
                "c6,competitor,competitor,Competitor,竞争对手,0.8,\"phrase '竞争对手' at 3: \"\"竞争对手\"\"\"",
                "c7,service,service,Service,服务,0.8,\"phrase '服务差' at 6: \"\"服务差\"\"\"",
                "c8,service.attitude,service,Staff attitude,服务态度,0.8,\"phrase 'rude' at 18: \"\"rude\"\"\"",
            },
            File.ReadAllLines(output));

        // Hand: 8 customers, 6 tagged, 2 untagged (c3, c5) = 25.0 %. Families: service c1, c2, c7, c8 (service.attitude) = 4,
        // price c1, c4 = 2, competitor c6 = 1; mentions M = 7. Count shares 4/7 = 57.1 %, 2/7 = 28.6 %, 1/7 = 14.3 %;
        // cumulative 57.1 %, 85.7 %, 100 %. Classes (cumulative share before the line < 0.80 → A, < 0.95 → B): 0 → A,
        // 0.571 → A, 0.857 → B.
        string text = Lf(stdout);
        Assert.Contains($"Lost-customer reasons in {input} (family level)\n", text, StringComparison.Ordinal);
        Assert.Matches(@"\n  customers read +8\n  with a reason +6\n  untagged +2  \(25\.0 %; reported, never counted as ""other""\)\n", text);
        Assert.Matches(@"\n  1 +service Service +服务 +4 +57\.1 % +57\.1 % +A\n  2 +price Price too high +价格偏高 +2 +28\.6 % +85\.7 % +A\n  3 +competitor Competitor +竞争对手 +1 +14\.3 % +100\.0 % +B\n", text);
        Assert.DoesNotContain("by lost value", text, StringComparison.Ordinal); // no --value-column
        Assert.DoesNotContain("by segment", text, StringComparison.Ordinal); // no --segment-column
        Assert.Contains($"Wrote 9 rows to {output}", text, StringComparison.Ordinal); // 6 tagged customers with 7 reasons + 2 untagged
    }

    [Fact]
    public void Lost_RulesOverNumberBooleanAndTextColumns_MergesWithTheNotes()
    {
        // Hand, rule by rule (an empty cell is a missing signal, on which no condition holds):
        // r1 gap 15 > 10 → price.real 0.9 "gap 15 > 10"; 0 open complaints; "no" is false; monthly but 0 complaints.
        // r2 note "too expensive" → price (text tags come first), then the rules in taxonomy order: gap 12.5 > 10 →
        //    price.real; "yes" → service 0.7; open complaints empty → no complaint; yearly but gap 12.5 is not < 0.
        // r3 gap empty; 2 ≥ 1 → complaint (confidence 1 by default); monthly and 2 ≥ 1 → relationship 0.6.
        // r4 10 > 10 is false; 0 complaints; "n" is false; contract empty → the unnamed rule's != does not hold → untagged.
        // r5 -3: 1 ≥ 1 → complaint; "Y" → service; yearly != monthly and -3 < 0 → customer-excuse 0.6, named rules[4]
        //    (no "name"); taxonomy order customer-excuse (price family), service, complaint.
        string input = Write("in.csv", """
            customer_id,note,gap,open_complaints,maintenance_missed,contract
            r1,,15,0,no,monthly
            r2,too expensive,12.5,,yes,yearly
            r3,,,2,,monthly
            r4,,10,0,n,
            r5,, -3 ,1,Y,yearly

            """);
        string rules = Write("rules.json", SignalRules);
        string output = Path.Combine(Folder, "reasons.csv");

        (int code, string stdout, string stderr) = Run("lost", "--input", input, "--notes-column", "note", "--rules", rules, "--output", output);

        Assert.True(code == 0, stderr);
        Assert.Equal(
            new[]
            {
                Header,
                "r1,price.real,price,Price really higher than value,价格确实高于价值,0.9,rule 'dearer than the competitor' (gap 15 > 10)",
                "r2,price,price,Price too high,价格偏高,0.8,\"phrase 'too expensive' at 0: \"\"too expensive\"\"\"",
                "r2,price.real,price,Price really higher than value,价格确实高于价值,0.9,rule 'dearer than the competitor' (gap 12.5 > 10)",
                "r2,service,service,Service,服务,0.7,rule 'maintenance missed' (missed_maintenance true == true)",
                "r3,complaint,complaint,Complaint left unresolved,投诉未解决,1,rule 'complaint left open' (unresolved 2 >= 1)",
                "r3,relationship,relationship,Relationship lost,关系流失,0.6,rule 'monthly with a complaint' (contract 'monthly' == 'monthly' and unresolved 2 >= 1)",
                "r4,,,,,,untagged",
                "r5,price.seeming.customer-excuse,price,The customer's excuse,客户的借口,0.6,rule 'rules[4]' (contract 'yearly' != 'monthly' and gap -3 < 0)",
                "r5,service,service,Service,服务,0.7,rule 'maintenance missed' (missed_maintenance true == true)",
                "r5,complaint,complaint,Complaint left unresolved,投诉未解决,1,rule 'complaint left open' (unresolved 1 >= 1)",
            },
            File.ReadAllLines(output));

        // Hand, families: price r1, r2 (price and price.real are one family), r5 = 3; service r2, r5 = 2; complaint r3, r5 = 2;
        // relationship r3 = 1; M = 8. Service and complaint tie at 2: taxonomy order, service first.
        // Shares 37.5 %, 25 %, 25 %, 12.5 %; cumulative 37.5, 62.5, 87.5, 100; classes A, A, A, B (0.875 ≥ 0.80 before the last).
        string text = Lf(stdout);
        Assert.Matches(@"\n  customers read +5\n  with a reason +4\n  untagged +1  \(20\.0 %;", text);
        Assert.Matches(@"\n  1 +price Price too high +价格偏高 +3 +37\.5 % +37\.5 % +A\n  2 +service Service +服务 +2 +25\.0 % +62\.5 % +A\n  3 +complaint Complaint left unresolv… +投诉未解决 +2 +25\.0 % +87\.5 % +A\n  4 +relationship Relationship lost +关系流失 +1 +12\.5 % +100\.0 % +B\n", text);
        Assert.Contains("Wrote 10 rows", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Lost_RulesWithoutNotes_TagsFromSignalsOnly()
    {
        // Hand: no --notes-column, so the "too expensive" in the note column is not read: r2 gets only its rules
        // (price.real, service); the other customers as in the test above.
        string input = Write("in.csv", """
            customer_id,note,gap,open_complaints,maintenance_missed,contract
            r1,,15,0,no,monthly
            r2,too expensive,12.5,,yes,yearly

            """);
        string output = Path.Combine(Folder, "reasons.csv");

        (int code, string stdout, string stderr) = Run("lost", "--input", input, "--rules", Write("rules.json", SignalRules), "--output", output);

        Assert.True(code == 0, stderr);
        Assert.Equal(
            new[]
            {
                Header,
                "r1,price.real,price,Price really higher than value,价格确实高于价值,0.9,rule 'dearer than the competitor' (gap 15 > 10)",
                "r2,price.real,price,Price really higher than value,价格确实高于价值,0.9,rule 'dearer than the competitor' (gap 12.5 > 10)",
                "r2,service,service,Service,服务,0.7,rule 'maintenance missed' (missed_maintenance true == true)",
            },
            File.ReadAllLines(output));
        Assert.Matches(@"\n  customers read +2\n  with a reason +2\n  untagged +0  \(0\.0 %;", Lf(stdout));
    }

    [Fact]
    public void Lost_PhraseAndRuleOfOneReason_MergeIntoOneRowByNoisyOr()
    {
        // Hand: "complaint" (weak, 0.6) in the note and the rule "complaint left open" (confidence 0.5) fire the same
        // reason: one row, evidence phrase then rule, confidence 1 − 0.4 × 0.5 = 0.8.
        string input = Write("in.csv", "customer_id,note,open_complaints\nm1,\"Complaint, twice\",3\n");
        string rules = Write("rules.json", """
            { "fields": [ { "name": "open_complaints", "type": "number" } ],
              "rules": [ { "name": "complaint left open", "when": [ { "field": "open_complaints", "op": ">=", "value": 1 } ], "reason": "complaint", "confidence": 0.5 } ] }
            """);
        string output = Path.Combine(Folder, "reasons.csv");

        (int code, _, string stderr) = Run("lost", "--input", input, "--notes-column", "note", "--rules", rules, "--output", output);

        Assert.True(code == 0, stderr);
        Assert.Equal(
            new[]
            {
                Header,
                "m1,complaint,complaint,Complaint left unresolved,投诉未解决,0.8,\"phrase 'complaint' at 0: \"\"Complaint\"\" | rule 'complaint left open' (open_complaints 3 >= 1)\"",
            },
            File.ReadAllLines(output));
    }

    [Fact]
    public void Lost_TaxonomyFile_AddsAReasonReplacesPhrasesAndReportsByCode()
    {
        // Hand: service.billing is added (parent service exists) with "wrong bill", "billing error", 账单错误, 多收费 at 0.7;
        // price's phrases are replaced by "too expensive" and 太贵 only; competitor gains "EINS" at 0.9 (its phrases kept).
        // t1 "wrong bill and price too high": "wrong bill" at 0 → service.billing; "price too high" is no longer a phrase.
        // t2 "账单错误，太贵": 账单错误 at 0 → service.billing; 太贵 at 5 → price. (Tags in note order.)
        // t3 "Too expensive" → price at 0.
        // t4 "EINS offered a discount" → competitor at 0, 0.9. t5 "competitor": the shipped weak word still fires (0.6).
        string input = Write("in.csv", """
            customer_id,note
            t1,wrong bill and price too high
            t2,账单错误，太贵
            t3,Too expensive
            t4,EINS offered a discount
            t5,competitor

            """);
        string taxonomy = Write("taxonomy.json", """
            {
              "base": "default",
              "reasons": [ { "code": "service.billing", "en": "Billing errors", "zh": "账单错误", "crm": ["Salesforce: Billing"] } ],
              "phrases": {
                "service.billing": { "en": ["wrong bill", "billing error"], "zh": ["账单错误", "多收费"], "confidence": 0.7 },
                "price": { "mode": "replace", "en": ["too expensive"], "zh": ["太贵"] },
                "competitor": { "mode": "add", "en": ["EINS"], "confidence": 0.9 }
              }
            }
            """);
        string output = Path.Combine(Folder, "reasons.csv");

        (int code, string stdout, string stderr) = Run("lost", "--input", input, "--notes-column", "note", "--taxonomy", taxonomy, "--level", "code", "--output", output);

        Assert.True(code == 0, stderr);
        Assert.Equal(
            new[]
            {
                Header,
                "t1,service.billing,service,Billing errors,账单错误,0.7,\"phrase 'wrong bill' at 0: \"\"wrong bill\"\"\"",
                "t2,service.billing,service,Billing errors,账单错误,0.7,\"phrase '账单错误' at 0: \"\"账单错误\"\"\"",
                "t2,price,price,Price too high,价格偏高,0.8,\"phrase '太贵' at 5: \"\"太贵\"\"\"",
                "t3,price,price,Price too high,价格偏高,0.8,\"phrase 'too expensive' at 0: \"\"Too expensive\"\"\"",
                "t4,competitor,competitor,Competitor,竞争对手,0.9,\"phrase 'EINS' at 0: \"\"EINS\"\"\"",
                "t5,competitor,competitor,Competitor,竞争对手,0.6,\"phrase 'competitor' at 0: \"\"competitor\"\"\"",
            },
            File.ReadAllLines(output));

        // Hand, by code: price 2 (t2, t3), service.billing 2 (t1, t2), competitor 2 (t4, t5); M = 6. All tie at 2, so taxonomy
        // order: price (first in the default), competitor (17th), service.billing (added at the end). Cumulative 33.3, 66.7,
        // 100 %; before the lines 0, 0.333, 0.667 → A, A, A.
        string text = Lf(stdout);
        Assert.Contains("(reason code level)", text, StringComparison.Ordinal);
        Assert.Matches(@"\n  1 +price Price too high +价格偏高 +2 +33\.3 % +33\.3 % +A\n  2 +competitor Competitor +竞争对手 +2 +33\.3 % +66\.7 % +A\n  3 +service\.billing Billing errors +账单错误 +2 +33\.3 % +100\.0 % +A\n", text);
    }

    [Fact]
    public void Lost_EmptyBase_OnlyTheFilesReasonsAndPhrases()
    {
        // Hand: base "empty": the taxonomy is logistics and logistics.late, the lexicon only "late delivery" / 送货晚.
        // e1 "late delivery; too expensive" → logistics.late at 0 ("too expensive" is not a phrase any more).
        // e2 "太贵" → untagged. e3 "送货晚了" → logistics.late at 0.
        // Family level: logistics 2 of M = 2 (100 %), class A; untagged 1 of 3 = 33.3 %.
        string input = Write("in.csv", "customer_id,note\ne1,late delivery; too expensive\ne2,太贵\ne3,送货晚了\n");
        string taxonomy = Write("taxonomy.json", """
            {
              "base": "empty",
              "reasons": [
                { "code": "logistics", "en": "Logistics", "zh": "物流" },
                { "code": "logistics.late", "en": "Late delivery", "zh": "送货晚" }
              ],
              "phrases": { "logistics.late": { "en": ["late delivery"], "zh": ["送货晚"] } }
            }
            """);
        string output = Path.Combine(Folder, "reasons.csv");

        (int code, string stdout, string stderr) = Run("lost", "--input", input, "--notes-column", "note", "--taxonomy", taxonomy, "--output", output);

        Assert.True(code == 0, stderr);
        Assert.Equal(
            new[]
            {
                Header,
                "e1,logistics.late,logistics,Late delivery,送货晚,0.8,\"phrase 'late delivery' at 0: \"\"late delivery\"\"\"",
                "e2,,,,,,untagged",
                "e3,logistics.late,logistics,Late delivery,送货晚,0.8,\"phrase '送货晚' at 0: \"\"送货晚\"\"\"",
            },
            File.ReadAllLines(output));
        string text = Lf(stdout);
        Assert.Matches(@"\n  untagged +1  \(33\.3 %;", text);
        Assert.Matches(@"\n  1 +logistics Logistics +物流 +2 +100\.0 % +100\.0 % +A\nWrote 3 rows", text);
    }

    [Fact]
    public void Lost_ValueColumnFamilyLevel_SplitsMultiReasonCustomersValueEqually()
    {
        // Hand, family level:
        // v1 "too expensive; bad service": price and service, 300 → 150 each.
        // v2 "switched to a competitor": competitor, 100.
        // v3 "too expensive": price, 100.
        // v4 empty note: untagged, 50.
        // v5 "dealer markup and too expensive": dealer-markup and price, one family → price keeps all 90.
        // Values: price 150 + 100 + 90 = 340, service 150, competitor 100; tagged 590, untagged 50, total 640 (kept).
        // By value: 340/590 = 57.6 %, 150/590 = 25.4 % (cum. 490/590 = 83.1 %), 100/590 = 16.9 % (cum. 100 %);
        // before the lines 0, 0.576, 0.831 → A, A, B.
        // By count: price 3 (v1, v3, v5), service 1, competitor 1 (tie: service first in the taxonomy); M = 5:
        // 60 %, 20 % (cum. 80 %), 20 % (cum. 100 %); before 0, 0.6, 0.8 → A, A, B (0.8 is not below 0.80).
        // By segment (tier): A = v1, v3: price 2, service 1, competitor 0, untagged 0; B = v2, v4, v5: price 1, service 0,
        // competitor 1, untagged 1.
        string input = Write("in.csv", ValuedCustomers);

        (int code, string stdout, string stderr) = Run("lost", "--input", input, "--notes-column", "note", "--value-column", "lost_value", "--segment-column", "tier");

        Assert.True(code == 0, stderr);
        string text = Lf(stdout);
        Assert.Matches(@"\n  customers read +5\n  with a reason +4\n  untagged +1  \(20\.0 %;", text);
        Assert.Matches(@"\n  1 +price Price too high +价格偏高 +3 +60\.0 % +60\.0 % +A\n  2 +service Service +服务 +1 +20\.0 % +80\.0 % +A\n  3 +competitor Competitor +竞争对手 +1 +20\.0 % +100\.0 % +B\n", text);
        Assert.Contains("Reason Pareto by lost value (total 640.00; a customer's value is split equally among its reasons; untagged 50.00):", text, StringComparison.Ordinal);
        Assert.Matches(@"\n  1 +price Price too high +价格偏高 +340\.00 +57\.6 % +57\.6 % +A\n  2 +service Service +服务 +150\.00 +25\.4 % +83\.1 % +A\n  3 +competitor Competitor +竞争对手 +100\.00 +16\.9 % +100\.0 % +B\n", text);
        Assert.Contains("Customers by segment and reason:\n", text, StringComparison.Ordinal);
        Assert.Matches(@"\nsegment +customers +price +service +competitor +untagged\nA +2 +2 +1 +0 +0\nB +3 +1 +0 +1 +1\n", text);
        Assert.DoesNotContain("Wrote", text, StringComparison.Ordinal); // no --output
    }

    [Fact]
    public void Lost_ValueColumnCodeLevel_SplitsWithinAFamilyToo()
    {
        // Hand, by code: v5's 90 now splits 45 / 45 between price.seeming.dealer-markup and price.
        // price 150 + 100 + 45 = 295, service 150, competitor 100, dealer-markup 45; tagged 590 (the same total).
        // By value: 295/590 = 50.0 %; 150 → 25.4 % (cum. 445/590 = 75.4 %); 100 → 16.9 % (cum. 545/590 = 92.4 %);
        // 45 → 7.6 % (cum. 100 %). Before the lines 0, 0.5, 0.754, 0.924 → A, A, A, B.
        // By count: price 3, then the ties in taxonomy order dealer-markup, service, competitor (1 each); M = 6:
        // 50 %, 16.7 % (66.7 %), 16.7 % (83.3 %), 16.7 % (100 %); before 0, 0.5, 0.667, 0.833 → A, A, A, B.
        string input = Write("in.csv", ValuedCustomers);

        (int code, string stdout, string stderr) = Run("lost", "--input", input, "--notes-column", "note", "--value-column", "lost_value", "--level", "code");

        Assert.True(code == 0, stderr);
        string text = Lf(stdout);
        Assert.Matches(@"\n  1 +price Price too high +价格偏高 +3 +50\.0 % +50\.0 % +A\n  2 +price\.seeming\.dealer-markup Deale… +经销商加价 +1 +16\.7 % +66\.7 % +A\n  3 +service Service +服务 +1 +16\.7 % +83\.3 % +A\n  4 +competitor Competitor +竞争对手 +1 +16\.7 % +100\.0 % +B\n", text);
        Assert.Contains("(total 640.00;", text, StringComparison.Ordinal);
        Assert.Matches(@"\n  1 +price Price too high +价格偏高 +295\.00 +50\.0 % +50\.0 % +A\n  2 +service Service +服务 +150\.00 +25\.4 % +75\.4 % +A\n  3 +competitor Competitor +竞争对手 +100\.00 +16\.9 % +92\.4 % +A\n  4 +price\.seeming\.dealer-markup Deale… +经销商加价 +45\.00 +7\.6 % +100\.0 % +B\n", text);
    }

    [Fact]
    public void Lost_IdColumnAndQuotedMultiLineNote_PositionsInTheCell()
    {
        // Hand: --id-column deal; the quoted note spans two lines: "No budget.\nAlso rude" – "no budget" at 0 (price) and
        // "rude" at 16 (service.attitude): N0 o1 _2 b3 … t8 .9 \n10 A11 l12 s13 o14 _15 r16. The line break ends the clause.
        string input = Write("in.csv", "deal,note\nD-1,\"No budget.\nAlso rude\"\nD-2,nothing to add\n");
        string output = Path.Combine(Folder, "reasons.csv");

        (int code, string stdout, string stderr) = Run("lost", "--input", input, "--id-column", "deal", "--notes-column", "note", "--output", output);

        Assert.True(code == 0, stderr);
        Assert.Equal(
            new[]
            {
                Header,
                "D-1,price,price,Price too high,价格偏高,0.8,\"phrase 'no budget' at 0: \"\"No budget\"\"\"",
                "D-1,service.attitude,service,Staff attitude,服务态度,0.8,\"phrase 'rude' at 16: \"\"rude\"\"\"",
                "D-2,,,,,,untagged",
            },
            File.ReadAllLines(output));
        Assert.Matches(@"\n  customers read +2\n  with a reason +1\n  untagged +1  \(50\.0 %;", Lf(stdout));
    }

    [Fact]
    public void Lost_HeaderOnly_ReportsZeroCustomersAndWritesTheHeader()
    {
        // Hand: no rows: 0 customers, nothing tagged, the untagged share 0 (not NaN), no Pareto lines; the output is the header.
        string input = Write("in.csv", "customer_id,note\n");
        string output = Path.Combine(Folder, "reasons.csv");

        (int code, string stdout, string stderr) = Run("lost", "--input", input, "--notes-column", "note", "--output", output);

        Assert.True(code == 0, stderr);
        Assert.Equal(new[] { Header }, File.ReadAllLines(output));
        string text = Lf(stdout);
        Assert.Matches(@"\n  customers read +0\n  with a reason +0\n  untagged +0  \(0\.0 %;", text);
        Assert.DoesNotContain("NaN", text, StringComparison.Ordinal);
        Assert.Contains("Wrote 0 rows", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Lost_AllLostValuesZero_ValueLinesAreClassNWithZeroSharesNotNaN()
    {
        // Hand: price (z1) and service (z2), both lost value 0; tagged value 0, so every value share and cumulative share
        // is 0 by the contract (not 0/0), and a line whose value is 0 gets the non-positive class N. Ties: taxonomy order.
        string input = Write("in.csv", "customer_id,note,lost_value\nz1,too expensive,0\nz2,bad service,0\n");

        (int code, string stdout, string stderr) = Run("lost", "--input", input, "--notes-column", "note", "--value-column", "lost_value");

        Assert.True(code == 0, stderr);
        string text = Lf(stdout);
        Assert.Contains("(total 0.00; a customer's value is split equally among its reasons; untagged 0.00):", text, StringComparison.Ordinal);
        Assert.Matches(@"\n  1 +price Price too high +价格偏高 +0\.00 +0\.0 % +0\.0 % +N\n  2 +service Service +服务 +0\.00 +0\.0 % +0\.0 % +N\n", text);
        Assert.DoesNotContain("NaN", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Lost_GzipInputAndFilesWithByteOrderMarks_AreRead()
    {
        // Excel and Notepad write a UTF-8 byte order mark; the CSV here is also gzip-compressed (recognised by its magic
        // bytes, whatever the name). Hand: 贵死了 is no shipped phrase (太贵 and 贵了 are not in it); the taxonomy file adds
        // it to price ("add" keeps the shipped phrases), so x is price at 0 with 0.8.
        var bom = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);
        string input = Path.Combine(Folder, "in.csv.gz");
        using (var gzip = new GZipStream(File.Create(input), CompressionLevel.Optimal))
        {
            byte[] bytes = [.. bom.GetPreamble(), .. bom.GetBytes("customer_id,note\nx,贵死了\n")];
            gzip.Write(bytes, 0, bytes.Length);
        }

        string taxonomy = Path.Combine(Folder, "taxonomy.json");
        File.WriteAllText(taxonomy, """{ "phrases": { "price": { "zh": ["贵死了"] } } }""", bom);
        string output = Path.Combine(Folder, "reasons.csv");

        (int code, _, string stderr) = Run("lost", "--input", input, "--notes-column", "note", "--taxonomy", taxonomy, "--output", output);

        Assert.True(code == 0, stderr);
        Assert.Equal(new[] { Header, "x,price,price,Price too high,价格偏高,0.8,\"phrase '贵死了' at 0: \"\"贵死了\"\"\"" }, File.ReadAllLines(output));
    }

    private static string Lf(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);
}
