using System;
using System.IO;
using Xunit;

namespace CustomerValuation.Tests.Cli;

/// <summary>
/// Errors of the <c>lost</c> command (docs/lost-customers.md, "Command line: lost"): exit code 1, one line on standard
/// error naming the file and the JSON path (rules and taxonomy files) or the line and column (the CSV), nothing on
/// standard output when the error comes before the report, and no output file.
/// </summary>
public sealed class LostCommandErrorTests : CliTestFolder
{
    /// <summary>The documented exit code of an error message: 2 for the arguments (an option, a missing file, a column not in the header), 3 for the input data.</summary>
    private static int ExitCodeFor(string message) =>
        message.StartsWith("--", StringComparison.Ordinal) || message.StartsWith("Give ", StringComparison.Ordinal)
        || message.Contains("does not exist", StringComparison.Ordinal) || message.Contains("no column", StringComparison.Ordinal) ? 2 : 3;

    private const string Input = """
        customer_id,note,gap,open_complaints,flag,contract,lost_value,tier
        a,too expensive,15,0,yes,monthly,100,A
        b,,2,1,no,yearly,50,B

        """;

    /// <summary>The fields of a valid rules file; the rules of each case follow.</summary>
    private const string Fields = """
        "fields": [
            { "name": "gap", "type": "number", "minimum": -100, "maximum": 1000 },
            { "name": "unresolved", "type": "number", "minimum": 0, "column": "open_complaints" },
            { "name": "flag", "type": "boolean" },
            { "name": "contract", "type": "text", "categories": ["monthly", "yearly"] }
          ]
        """;

    private const string GapRule = """{ "name": "dear", "when": [ { "field": "gap", "op": ">", "value": 10 } ], "reason": "price.real" }""";

    public LostCommandErrorTests()
        : base("cv-lost-err-")
    {
    }

    private string OutputPath => Path.Combine(Folder, "reasons.csv");

    [Theory]
    [InlineData("""{ FIELDS, "rules": [ RULE ], "rule": [] }""", "$.rule: unknown property; expected fields, rules (names are case-sensitive).")]
    [InlineData("""{ "rules": [ RULE ] }""", "$: no \"fields\";")]
    [InlineData("""{ FIELDS }""", "$: no \"rules\";")]
    [InlineData("""{ FIELDS, "rules": [] }""", "$.rules: expected at least 1 item(s), got 0.")]
    [InlineData("""{ FIELDS, "rules": { "dear": 1 } }""", "$.rules: expected an array, got an object.")]
    [InlineData("""{ "fields": [], "rules": [ RULE ] }""", "$.fields: expected at least 1 item(s), got 0.")]
    [InlineData("""{ "fields": [ { "type": "number" } ], "rules": [ RULE ] }""", "$.fields[0]: no \"name\".")]
    [InlineData("""{ "fields": [ { "name": "gap" } ], "rules": [ RULE ] }""", "$.fields[0]: no \"type\"; use number, boolean or text.")]
    [InlineData("""{ "fields": [ { "name": "gap", "type": "integer" } ], "rules": [ RULE ] }""", "$.fields[0].type: unknown type 'integer'; use number, boolean or text.")]
    [InlineData("""{ "fields": [ { "name": "gap", "type": "number", "min": 0 } ], "rules": [ RULE ] }""", "$.fields[0].min: unknown property; expected name, type, column, minimum, maximum, categories")]
    [InlineData("""{ "fields": [ { "name": "gap", "type": "number", "minimum": 10, "maximum": 5 } ], "rules": [ RULE ] }""", "$.fields[0].maximum: Field 'gap': the minimum 10 is greater than the maximum 5; give minimum ≤ maximum.")]
    [InlineData("""{ "fields": [ { "name": "gap", "type": "number", "minimum": "0" } ], "rules": [ RULE ] }""", "$.fields[0].minimum: expected a number, got the string \"0\".")]
    [InlineData("""{ "fields": [ { "name": "gap", "type": "number" }, { "name": "flag", "type": "boolean", "maximum": 1 } ], "rules": [ RULE ] }""", "$.fields[1].maximum: Field 'flag' is of type Boolean; only Number fields take a valid range.")]
    [InlineData("""{ "fields": [ { "name": "gap", "type": "number", "categories": ["a"] } ], "rules": [ RULE ] }""", "$.fields[0].categories: Field 'gap' is of type Number; only Text fields take categories.")]
    [InlineData("""{ "fields": [ { "name": "gap", "type": "number" }, { "name": "contract", "type": "text", "categories": [] } ], "rules": [ RULE ] }""", "$.fields[1].categories: Field 'contract': the category list is empty")]
    [InlineData("""{ "fields": [ { "name": "gap", "type": "number" }, { "name": "contract", "type": "text", "categories": ["monthly", "monthly"] } ], "rules": [ RULE ] }""", "$.fields[1].categories: Field 'contract': category 'monthly' appears twice; categories must be distinct.")]
    [InlineData("""{ "fields": [ { "name": "gap", "type": "number" }, { "name": "contract", "type": "text", "categories": ["monthly", 12] } ], "rules": [ RULE ] }""", "$.fields[1].categories[1]: expected a string, got the number 12.")]
    [InlineData("""{ "fields": [ { "name": " gap", "type": "number" } ], "rules": [ RULE ] }""", "$.fields[0].name: Field name ' gap' is empty or starts or ends with white space")]
    [InlineData("""{ "fields": [ { "name": "gap", "type": "number", "column": " " } ], "rules": [ RULE ] }""", "$.fields[0].column: is empty.")]
    [InlineData("""{ "fields": [ { "name": "gap", "type": "number" }, { "name": "gap", "type": "boolean", "column": "flag" } ], "rules": [ RULE ] }""", "$.fields: Field name 'gap' appears twice, at fields 0 and 1; names must be unique.")]
    [InlineData("""{ FIELDS, "rules": [ { "name": "dear", "when": [ { "field": "gap", "op": ">", "value": 10 } ] } ] }""", "$.rules[0]: no \"reason\"; give a reason code such as \"price.real\".")]
    [InlineData("""{ FIELDS, "rules": [ { "name": "dear", "reason": "price.real" } ] }""", "$.rules[0]: no \"when\"; give the conditions")]
    [InlineData("""{ FIELDS, "rules": [ { "name": "dear", "when": [], "reason": "price.real" } ] }""", "$.rules[0].when: the rule has no condition; give at least one, e.g. price_gap_percent > 10.")]
    [InlineData("""{ FIELDS, "rules": [ { "name": "dear", "when": [ { "field": "gap", "op": ">", "value": 10 } ], "reason": "price.real", "weight": 1 } ] }""", "$.rules[0].weight: unknown property; expected name, when, reason, confidence")]
    [InlineData("""{ FIELDS, "rules": [ { "name": "dear", "when": [ { "field": "gap", "op": ">", "value": 10, "unit": "%" } ], "reason": "price.real" } ] }""", "$.rules[0].when[0].unit: unknown property; expected field, op, value")]
    [InlineData("""{ FIELDS, "rules": [ RULE, { "name": "x", "when": [ { "op": ">", "value": 10 } ], "reason": "price" } ] }""", "$.rules[1].when[0]: no \"field\".")]
    [InlineData("""{ FIELDS, "rules": [ { "name": "x", "when": [ { "field": "gap", "value": 10 } ], "reason": "price" } ] }""", "$.rules[0].when[0]: no \"op\".")]
    [InlineData("""{ FIELDS, "rules": [ { "name": "x", "when": [ { "field": "gap", "op": ">" } ], "reason": "price" } ] }""", "$.rules[0].when[0]: no \"value\".")]
    [InlineData("""{ FIELDS, "rules": [ { "name": "x", "when": [ { "field": "gap", "op": "~=", "value": 10 } ], "reason": "price" } ] }""", "$.rules[0].when[0].op: unknown comparison '~='; use one of LessThan lt < AtMost le <= Equal eq == = NotEqual ne != <> AtLeast ge >= GreaterThan gt >.")]
    [InlineData("""{ FIELDS, "rules": [ { "name": "x", "when": [ { "field": "gap", "op": 1, "value": 10 } ], "reason": "price" } ] }""", "$.rules[0].when[0].op: expected a string, got the number 1.")]
    [InlineData("""{ FIELDS, "rules": [ RULE, { "name": "x", "when": [ { "field": "gap", "op": "<", "value": 0 }, { "field": "complaints", "op": ">=", "value": 1 } ], "reason": "complaint" } ] }""", "$.rules[1].when[1].field: unknown field 'complaints'; the schema has: gap (Number), unresolved (Number), flag (Boolean), contract (Text).")]
    [InlineData("""{ FIELDS, "rules": [ { "name": "x", "when": [ { "field": "gap", "op": ">", "value": "10" } ], "reason": "price" } ] }""", "$.rules[0].when[0].value: the threshold '10' is a Text but field 'gap' is Number; compare it with a Number threshold.")]
    [InlineData("""{ FIELDS, "rules": [ { "name": "x", "when": [ { "field": "flag", "op": "==", "value": 1 } ], "reason": "price" } ] }""", "$.rules[0].when[0].value: the threshold 1 is a Number but field 'flag' is Boolean")]
    [InlineData("""{ FIELDS, "rules": [ { "name": "x", "when": [ { "field": "flag", "op": ">", "value": true } ], "reason": "price" } ] }""", "$.rules[0].when[0].op: '>' (GreaterThan) cannot compare Boolean field 'flag'; Boolean fields allow Equal (==) and NotEqual (!=) only.")]
    [InlineData("""{ FIELDS, "rules": [ { "name": "x", "when": [ { "field": "gap", "op": ">", "value": null } ], "reason": "price" } ] }""", "$.rules[0].when[0].value: expected a number, true/false or a string, got null.")]
    [InlineData("""{ FIELDS, "rules": [ { "name": "x", "when": [ { "field": "contract", "op": "==", "value": "weekly" } ], "reason": "price" } ] }""", "$.rules[0].when[0].value: 'weekly' is not a category of field 'contract'; its categories are: monthly, yearly.")]
    [InlineData("""{ FIELDS, "rules": [ { "name": "x", "when": [ { "field": "gap", "op": ">", "value": 10 } ], "reason": "price.too-high" } ] }""", "$.rules[0].reason: unknown reason code 'price.too-high'; the taxonomy's codes in family 'price' are: price, price.real, price.seeming,")]
    [InlineData("""{ FIELDS, "rules": [ { "name": "x", "when": [ { "field": "gap", "op": ">", "value": 10 } ], "reason": "delivery" } ] }""", "$.rules[0].reason: unknown reason code 'delivery'; the taxonomy's families are: price, product, service, complaint, competitor, relationship, credit, moved-closed, other.")]
    [InlineData("""{ FIELDS, "rules": [ { "name": "x", "when": [ { "field": "gap", "op": ">", "value": 10 } ], "reason": "price", "confidence": 1.5 } ] }""", "$.rules[0].confidence: the confidence is 1.5; it must be in (0, 1] (default 1).")]
    [InlineData("""{ FIELDS, "rules": [ { "name": "x", "when": [ { "field": "gap", "op": ">", "value": 10 } ], "reason": "price", "confidence": 0 } ] }""", "$.rules[0].confidence: the confidence is 0; it must be in (0, 1] (default 1).")]
    [InlineData("""{ FIELDS, "rules": [ { "name": "x", "when": [ { "field": "gap", "op": ">", "value": 10 } ], "reason": "price", "confidence": "high" } ] }""", "$.rules[0].confidence: expected a number, got the string \"high\".")]
    [InlineData("""{ FIELDS, "rules": [ { "name": "x", "when": [ { "field": "gap", "op": ">", "value": 10 } ], "when": [], "reason": "price" } ] }""", "$.rules[0].when: given twice.")]
    [InlineData("""{ FIELDS, "rules": [ { "name": "", "when": [ { "field": "gap", "op": ">", "value": 10 } ], "reason": "price" } ] }""", "$.rules[0].name: the name is empty; give every rule a name, it names the evidence.")]
    [InlineData("""{ FIELDS, "rules": [ RULE, { "name": "dear", "when": [ { "field": "gap", "op": ">", "value": 20 } ], "reason": "price.real" } ] }""", "$.rules[1].name: rule 0 has the same name; names must be unique.")]
    [InlineData("""{ FIELDS, "rules": [ RULE, { "name": "again", "when": [ { "field": "gap", "op": "gt", "value": 10 } ], "reason": "price.real" } ] }""", "$.rules[1]: the rule repeats rule 0 ('dear'): the same conditions and the same reason 'price.real'")]
    public void Lost_BadRulesFile_NamesTheFileAndTheJsonPath(string json, string expected)
    {
        // Each rules file has exactly one fault; the expected path is where it is, read off the JSON by hand, and the
        // text after it is the library's or the reader's message (src/CustomerValuation.Cli/LostFiles.cs, SignalRuleSet).
        string rules = Write("rules.json", json.Replace("FIELDS", Fields, StringComparison.Ordinal).Replace("RULE", GapRule, StringComparison.Ordinal));

        (int code, string stdout, string stderr) = Run("lost", "--input", Write("in.csv", Input), "--notes-column", "note", "--rules", rules, "--output", OutputPath);

        AssertOneLineError(code, stdout, stderr, $"error: {rules}: {expected}");
    }

    [Theory]
    [InlineData("""{ "base": "defaults" }""", "$.base: unknown base 'defaults'; use \"default\" (extend the shipped taxonomy and phrases) or \"empty\" (only what this file gives).")]
    [InlineData("""{ "base": true }""", "$.base: expected a string, got true.")]
    [InlineData("""{ "bases": "default" }""", "$.bases: unknown property; expected base, reasons, phrases (names are case-sensitive).")]
    [InlineData("""[ "default" ]""", "$: expected an object, got an array.")]
    [InlineData("""{ "reasons": [ { "code": "Service.Billing", "en": "Billing", "zh": "账单" } ] }""", "$.reasons[0].code: Reason code 'Service.Billing' contains 'S'; segments may hold lower-case letters, digits, '-' and '_'.")]
    [InlineData("""{ "reasons": [ { "code": "service..billing", "en": "Billing", "zh": "账单" } ] }""", "$.reasons[0].code: Reason code 'service..billing' has an empty segment")]
    [InlineData("""{ "reasons": [ { "en": "Billing", "zh": "账单" } ] }""", "$.reasons[0]: no \"code\"; give a dot-separated code such as \"service.billing\".")]
    [InlineData("""{ "reasons": [ { "code": "service.billing", "zh": "账单" } ] }""", "$.reasons[0]: no \"en\"; give the English display name.")]
    [InlineData("""{ "reasons": [ { "code": "service.billing", "en": "Billing" } ] }""", "$.reasons[0]: no \"zh\"; give the Chinese display name.")]
    [InlineData("""{ "reasons": [ { "code": "service.billing", "en": "Billing", "zh": " " } ] }""", "$.reasons[0].zh: Reason 'service.billing': the Chinese name is empty; give a display name.")]
    [InlineData("""{ "reasons": [ { "code": "service.billing", "en": "Billing", "zh": "账单", "crm": [ "" ] } ] }""", "$.reasons[0].crm: Reason 'service.billing': CRM reason 0 is null or empty.")]
    [InlineData("""{ "reasons": [ { "code": "service.billing", "en": "Billing", "zh": "账单", "name": "x" } ] }""", "$.reasons[0].name: unknown property; expected code, en, zh, crm")]
    [InlineData("""{ "reasons": [ { "code": "logistics.late", "en": "Late", "zh": "晚" } ] }""", "$.reasons: Reason 'logistics.late' has no parent 'logistics' in the taxonomy; add the parent first.")]
    [InlineData("""{ "reasons": [ { "code": "logistics", "en": "Logistics", "zh": "物流" }, { "code": "logistics", "en": "Shipping", "zh": "运输" } ] }""", "$.reasons: Reason code 'logistics' appears more than once (reason 1); codes must be unique.")]
    [InlineData("""{ "base": "empty" }""", "$.reasons: The taxonomy has no reasons; give at least one.")]
    [InlineData("""{ "phrases": { "service.billing": { "en": ["wrong bill"] } } }""", "$.phrases.service.billing: unknown reason code 'service.billing'; add it to \"reasons\" first")]
    [InlineData("""{ "base": "empty", "reasons": [ { "code": "logistics", "en": "Logistics", "zh": "物流" } ], "phrases": { "price": { "en": ["too expensive"] } } }""", "$.phrases.price: unknown reason code 'price'; add it to \"reasons\" first")]
    [InlineData("""{ "phrases": { "price": { "en": ["too expensive", ""] } } }""", "$.phrases.price.en[1]: The phrase '' is empty or holds no letter, digit or Chinese character")]
    [InlineData("""{ "phrases": { "price": { "zh": ["太贵", "！！"] } } }""", "$.phrases.price.zh[1]: The phrase '！！' is empty or holds no letter, digit or Chinese character")]
    [InlineData("""{ "phrases": { "price": { "en": ["too dear", 3] } } }""", "$.phrases.price.en[1]: expected a string, got the number 3.")]
    [InlineData("""{ "phrases": { "price": { "mode": "merge", "en": ["too dear"] } } }""", "$.phrases.price.mode: unknown mode 'merge'; use \"add\" (keep the shipped phrases) or \"replace\".")]
    [InlineData("""{ "phrases": { "price": { "en": ["too dear"], "confidence": 1.2 } } }""", "$.phrases.price.confidence: Phrase 'too dear': the confidence is 1.2; it must be in (0, 1].")]
    [InlineData("""{ "phrases": { "price": { "en": ["too dear"], "weight": 1 } } }""", "$.phrases.price.weight: unknown property; expected mode, en, zh, confidence")]
    [InlineData("""{ "phrases": { "price": { "mode": "replace" } } }""", "$.phrases.price: Reason 'price': no phrases were given; give at least one, or use Without(\"price\") to drop the reason.")]
    [InlineData("""{ "phrases": { "price": { "en": ["Too  Dear", "too dear"] } } }""", "$.phrases.price: Reason 'price': phrases 0 and 1 are both 'too dear' once folded")]
    [InlineData("""{ "phrases": [ "price" ] }""", "$.phrases: expected an object, got an array.")]
    [InlineData("""{ "base": "default", "base": "empty" }""", "$.base: given twice.")]
    [InlineData("""{ "phrases": { "price": { "en": ["too dear"] }, "price": { "zh": ["太贵"] } } }""", "$.phrases.price: given twice.")]
    public void Lost_BadTaxonomyFile_NamesTheFileAndTheJsonPath(string json, string expected)
    {
        string taxonomy = Write("taxonomy.json", json);

        (int code, string stdout, string stderr) = Run("lost", "--input", Write("in.csv", Input), "--notes-column", "note", "--taxonomy", taxonomy, "--output", OutputPath);

        AssertOneLineError(code, stdout, stderr, $"error: {taxonomy}: {expected}");
    }

    [Theory]
    [InlineData("""[ { "field": "gap", "op": ">", "value": 10 }, { "field": "gap", "op": "<", "value": 5 } ]""", "$.rules[0].when[1]: the rule can never fire: no value of 'gap' in its declared range [-100, 1000] meets gap > 10 and gap < 5.")]
    [InlineData("""[ { "field": "gap", "op": ">", "value": 2000 } ]""", "$.rules[0].when[0]: the rule can never fire: no value of 'gap' in its declared range [-100, 1000] meets gap > 2000.")]
    [InlineData("""[ { "field": "flag", "op": "==", "value": true }, { "field": "unresolved", "op": ">=", "value": 1 }, { "field": "flag", "op": "!=", "value": true } ]""", "$.rules[0].when[2]: the rule can never fire: no value of 'flag' meets flag == true and flag != true.")]
    public void Lost_UnreachableRule_PointsAtTheConditionWhereTheValuesRunOut(string when, string expected)
    {
        // The library names the condition at which the field's values ran out (SignalRuleException.ConditionIndex, part
        // Conditions); the JSON path is that condition, $.rules[i].when[j]. Before the fix the reader appended the part's
        // ".when" to the condition's path as well and printed the non-existent path $.rules[0].when[1].when.
        string rules = Write("rules.json", "{ " + Fields + ", \"rules\": [ { \"name\": \"never\", \"when\": " + when + ", \"reason\": \"price.real\" } ] }");

        (int code, string stdout, string stderr) = Run("lost", "--input", Write("in.csv", Input), "--rules", rules, "--output", OutputPath);

        AssertOneLineError(code, stdout, stderr, $"error: {rules}: {expected}");
    }

    [Fact]
    public void Lost_RulesOnAReasonTheEmptyTaxonomyLacks_NamesTheRulesFile()
    {
        // With base "empty" the taxonomy is only what the file gives; a rule on "price" then points at the rules file.
        string taxonomy = Write("taxonomy.json", """{ "base": "empty", "reasons": [ { "code": "logistics", "en": "Logistics", "zh": "物流" } ] }""");
        string rules = Write("rules.json", "{ " + Fields + ", \"rules\": [ " + GapRule + " ] }");

        (int code, string stdout, string stderr) = Run("lost", "--input", Write("in.csv", Input), "--rules", rules, "--taxonomy", taxonomy, "--output", OutputPath);

        AssertOneLineError(code, stdout, stderr, $"error: {rules}: $.rules[0].reason: unknown reason code 'price.real'; the taxonomy's families are: logistics.");
    }

    [Theory]
    [InlineData("rules")]
    [InlineData("taxonomy")]
    public void Lost_InvalidJsonSyntax_NamesTheLineAndByte(string which)
    {
        // Hand: the ':' after "fields" / "base" is missing on line 2; the parser stops at the '[' / '"' that follows,
        // byte 12 of the line ("  \"fields\" " is 11 bytes).
        string file = Write(which + ".json", which == "rules" ? "{\n  \"fields\" [ ],\n  \"rules\": [ ]\n}\n" : "{\n  \"base\"   \"empty\"\n}\n");

        (int code, string stdout, string stderr) = Run("lost", "--input", Write("in.csv", Input), "--notes-column", "note", "--" + which, file, "--output", OutputPath);

        AssertOneLineError(code, stdout, stderr, $"error: {file}: line 2, byte 12: not valid JSON: ");
    }

    [Fact]
    public void Lost_JsonFileWithTrailingGarbage_IsInvalidJson()
    {
        string rules = Write("rules.json", "{ " + Fields + ", \"rules\": [ " + GapRule + " ] }\n}\n");

        (int code, string stdout, string stderr) = Run("lost", "--input", Write("in.csv", Input), "--rules", rules, "--output", OutputPath);

        AssertOneLineError(code, stdout, stderr, $"error: {rules}: line ");
        Assert.Contains("not valid JSON", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("rules", "Rules file")]
    [InlineData("taxonomy", "Taxonomy file")]
    public void Lost_JsonFileMissing_NamesIt(string which, string what)
    {
        string missing = Path.Combine(Folder, "nowhere.json");

        (int code, string stdout, string stderr) = Run("lost", "--input", Write("in.csv", Input), "--notes-column", "note", "--" + which, missing, "--output", OutputPath);

        AssertOneLineError(code, stdout, stderr, $"error: {what} '{missing}' does not exist.");
    }

    [Fact]
    public void Lost_NeitherNotesNorRules_SaysWhatToGive()
    {
        (int code, string stdout, string stderr) = Run("lost", "--input", Write("in.csv", Input), "--output", OutputPath);

        AssertOneLineError(code, stdout, stderr, "error: Give --notes-column (free-text notes), --rules (a JSON file of rules over signal columns), or both");
    }

    [Fact]
    public void Lost_EmptyOutputName_IsAnError()
    {
        (int code, string stdout, string stderr) = Run("lost", "--input", Write("in.csv", Input), "--notes-column", "note", "--output", " ");

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Equal("error: --output needs a file name.", stderr.TrimEnd());
    }

    [Theory]
    [InlineData("--notes-column", "memo")]
    [InlineData("--id-column", "deal_id")]
    [InlineData("--value-column", "lost")]
    [InlineData("--segment-column", "segment")]
    public void Lost_UnknownColumn_NamesTheColumnTheHeaderAndTheOption(string option, string column)
    {
        string input = Write("in.csv", Input);
        string[] args = option == "--notes-column"
            ? ["lost", "--input", input, option, column, "--output", OutputPath]
            : ["lost", "--input", input, "--notes-column", "note", option, column, "--output", OutputPath];

        (int code, string stdout, string stderr) = Run(args);

        AssertOneLineError(code, stdout, stderr, $"error: {input}: no column '{column}' in the header ('customer_id', 'note', 'gap', 'open_complaints', 'flag', 'contract', 'lost_value', 'tier'); choose one with {option}.");
    }

    [Fact]
    public void Lost_SignalColumnMissing_NamesTheColumnAndTheFieldsJsonPath()
    {
        // The second field reads column "open_complaints" (its "column"); here the CSV calls it "complaints".
        string input = Write("in.csv", "customer_id,gap,complaints,flag,contract\na,1,0,yes,monthly\n");
        string rules = Write("rules.json", "{ " + Fields + ", \"rules\": [ " + GapRule + " ] }");

        (int code, string stdout, string stderr) = Run("lost", "--input", input, "--rules", rules, "--output", OutputPath);

        AssertOneLineError(code, stdout, stderr, $"error: {input}: no column 'open_complaints' in the header ('customer_id', 'gap', 'complaints', 'flag', 'contract'); choose one with \"column\" of $.fields[1] in {rules}.");
    }

    [Theory]
    [InlineData("a,x,1\nb,y,2\na,z,3\n", "customer id 'a' appears on line 2 and again on line 4; give one row per lost customer or deal.")]
    [InlineData("a,x,1\n  ,y,2\n", "line 3, column 'customer_id': the customer id is empty.")]
    [InlineData("a,x,1\nb,y,-5\n", "line 3, column 'lost_value': '-5' is not a lost value (a finite number ≥ 0; use a dot as the decimal separator, no thousands separators).")]
    [InlineData("a,x,\"1,000\"\n", "line 2, column 'lost_value': '1,000' is not a lost value")]
    [InlineData("a,x,NaN\n", "line 2, column 'lost_value': 'NaN' is not a lost value")]
    [InlineData("a,x,1e999\n", "line 2, column 'lost_value': '1e999' is not a lost value")]
    [InlineData("a,x,\n", "line 2, column 'lost_value': '' is not a lost value")]
    [InlineData("a,x\n", "line 2 has 2 fields but the header has 3.")]
    public void Lost_BadRow_NamesTheLineAndColumn(string rows, string expected)
    {
        string input = Write("in.csv", "customer_id,note,lost_value\n" + rows);

        (int code, string stdout, string stderr) = Run("lost", "--input", input, "--notes-column", "note", "--value-column", "lost_value", "--output", OutputPath);

        AssertOneLineError(code, stdout, stderr, $"error: {input}: {expected}");
    }

    [Fact]
    public void Lost_EmptySegment_NamesTheLineAndColumn()
    {
        string input = Write("in.csv", "customer_id,note,tier\na,x,A\nb,y, \n");

        (int code, string stdout, string stderr) = Run("lost", "--input", input, "--notes-column", "note", "--segment-column", "tier", "--output", OutputPath);

        AssertOneLineError(code, stdout, stderr, $"error: {input}: line 3, column 'tier': the segment is empty; give every row a segment (or a name such as 'unknown').");
    }

    [Theory]
    [InlineData("b,12%,1,no,yearly", "line 3, column 'gap': '12%' is not a finite number (field 'gap'; use a dot as the decimal separator, no thousands separators; an empty cell is a missing value).")]
    [InlineData("b,Infinity,1,no,yearly", "line 3, column 'gap': 'Infinity' is not a finite number (field 'gap';")]
    [InlineData("b,2,1,maybe,yearly", "line 3, column 'flag': 'maybe' is not a yes/no value (field 'flag'; use true/false, yes/no or 1/0; an empty cell is a missing value).")]
    [InlineData("b,2,1,no,weekly", "line 3, column 'contract': Field 'contract' is 'weekly', not one of its categories: monthly, yearly.")]
    [InlineData("b,2,one,no,yearly", "line 3, column 'open_complaints': 'one' is not a finite number (field 'unresolved';")]
    public void Lost_BadSignalCell_NamesTheLineColumnAndField(string row, string expected)
    {
        string input = Write("in.csv", "customer_id,gap,open_complaints,flag,contract\na,1,0,yes,monthly\n" + row + "\n");
        string rules = Write("rules.json", "{ " + Fields + ", \"rules\": [ " + GapRule + " ] }");

        (int code, string stdout, string stderr) = Run("lost", "--input", input, "--rules", rules, "--output", OutputPath);

        AssertOneLineError(code, stdout, stderr, $"error: {input}: {expected}");
    }

    [Theory]
    [InlineData("b,2000,1,no,yearly", "line 3, column 'gap': Field 'gap' is 2000, outside its declared range [-100, 1000].")]
    [InlineData("b,2,-1,no,yearly", "line 3, column 'open_complaints': Field 'unresolved' is -1, outside its declared range [0, ∞].")]
    public void Lost_SignalOutsideTheDeclaredRange_NamesTheLineAndColumn(string row, string expected)
    {
        // Contract (docs/lost-customers.md, Evaluation and Command line: lost): a setter rejects a number outside the
        // declared range, and a cell's error names the file, line and column. Before the fix the number setter's
        // ArgumentOutOfRangeException was not caught by the reader and reached the safety net, which printed only
        // "error: Field 'gap' is 2000, outside its declared range [-100, 1000]." – no file, no line, no column.
        string input = Write("in.csv", "customer_id,gap,open_complaints,flag,contract\na,1,0,yes,monthly\n" + row + "\n");
        string rules = Write("rules.json", "{ " + Fields + ", \"rules\": [ " + GapRule + " ] }");

        (int code, string stdout, string stderr) = Run("lost", "--input", input, "--rules", rules, "--output", OutputPath);

        AssertOneLineError(code, stdout, stderr, $"error: {input}: {expected}");
    }

    [Fact]
    public void Lost_LostValuesAddingUpBeyondTheLargestDouble_OneLineError()
    {
        // Each value is finite, their sum is not (1e308 + 1e308). Before the fix the NaN total passed the overflow check
        // and the user read "The value at index 0 is NaN; every value must be a finite number. Remove or repair that row".
        string input = Write("in.csv", "customer_id,note,lost_value\na,too expensive,1e308\nb,too expensive,1e308\n");

        (int code, string stdout, string stderr) = Run("lost", "--input", input, "--notes-column", "note", "--value-column", "lost_value", "--output", OutputPath);

        AssertOneLineError(code, stdout, stderr, "error: The lost values add up to more than the largest double; rescale them (e.g. to thousands).");
    }

    [Fact]
    public void Lost_InputMissingOrEmpty_NamesTheFile()
    {
        string missing = Path.Combine(Folder, "none.csv");
        (int code, string stdout, string stderr) = Run("lost", "--input", missing, "--notes-column", "note", "--output", OutputPath);
        AssertOneLineError(code, stdout, stderr, $"error: Input file '{missing}' does not exist.");

        string empty = Write("empty.csv", string.Empty);
        (code, stdout, stderr) = Run("lost", "--input", empty, "--notes-column", "note", "--output", OutputPath);
        AssertOneLineError(code, stdout, stderr, $"error: Input file '{empty}' is empty; it needs a header line naming the columns.");
    }

    [Fact]
    public void Lost_OutputIsAFolder_ReportPrintedThenOneLineError()
    {
        // The error comes after the report: standard output holds the report (partial: no "Wrote" line), and the
        // folder is left as it was, with no temporary file beside it.
        string folder = Path.Combine(Folder, "out");
        Directory.CreateDirectory(folder);

        (int code, string stdout, string stderr) = Run("lost", "--input", Write("in.csv", Input), "--notes-column", "note", "--output", folder);

        Assert.Equal(1, code);
        Assert.StartsWith("error: ", stderr, StringComparison.Ordinal);
        Assert.Single(stderr.TrimEnd().Split('\n'));
        Assert.Contains("customers read", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Wrote", stdout, StringComparison.Ordinal);
        Assert.True(Directory.Exists(folder));
        Assert.Empty(Directory.GetFiles(Folder, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public void Lost_UnknownLevel_IsRejected()
    {
        (int code, string stdout, _) = Run("lost", "--input", Write("in.csv", Input), "--notes-column", "note", "--level", "leaf", "--output", OutputPath);

        Assert.NotEqual(0, code);
        Assert.DoesNotContain("customers read", stdout, StringComparison.Ordinal);
        Assert.False(File.Exists(OutputPath));
    }

    /// <summary>Exit code 2 or 3 as the message is about the arguments or the data, one line on standard error starting with <paramref name="expectedStart"/>, nothing on standard output, no output file.</summary>
    private void AssertOneLineError(int code, string stdout, string stderr, string expectedStart)
    {
        Assert.Equal(ExitCodeFor(expectedStart.StartsWith("error: ", StringComparison.Ordinal) ? expectedStart["error: ".Length..] : expectedStart), code);
        Assert.StartsWith(expectedStart, stderr, StringComparison.Ordinal);
        Assert.Single(stderr.TrimEnd().Split('\n'));
        Assert.DoesNotContain("(Parameter", stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, stdout);
        Assert.False(File.Exists(OutputPath), "no output file is written on error");
    }
}
