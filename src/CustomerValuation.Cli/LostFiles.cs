using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using CustomerValuation.Churn;

namespace CustomerValuation.Cli;

/// <summary>The rules of the <c>lost</c> command: the validated rule set and the CSV column of each signal field.</summary>
/// <param name="Rules">The rule set.</param>
/// <param name="Columns">The CSV column of each field, in schema order.</param>
internal sealed record LostRules(SignalRuleSet Rules, IReadOnlyList<string> Columns);

/// <summary>The taxonomy and the phrase lexicon of the <c>lost</c> command.</summary>
/// <param name="Taxonomy">The reasons.</param>
/// <param name="Lexicon">The phrases per reason.</param>
internal sealed record LostTaxonomy(ReasonTaxonomy Taxonomy, ReasonLexicon Lexicon);

/// <summary>
/// Reads the JSON files of the <c>lost</c> command (format: docs/lost-customers.md, "Command line: lost"): the rules over
/// structured signals (<c>--rules</c>) and the reasons and phrases that extend or replace the defaults
/// (<c>--taxonomy</c>). Every error names the file and the JSON path of the offending element.
/// </summary>
internal static class LostFiles
{
    private static readonly string[] s_rulesRoot = ["fields", "rules"];
    private static readonly string[] s_field = ["name", "type", "column", "minimum", "maximum", "categories"];
    private static readonly string[] s_rule = ["name", "when", "reason", "confidence"];
    private static readonly string[] s_condition = ["field", "op", "value"];
    private static readonly string[] s_taxonomyRoot = ["base", "reasons", "phrases"];
    private static readonly string[] s_reason = ["code", "en", "zh", "crm"];
    private static readonly string[] s_phrases = ["mode", "en", "zh", "confidence"];

    public static LostTaxonomy ReadTaxonomy(string path)
    {
        using JsonDocument document = JsonFile.Parse(path, "Taxonomy");
        var json = new JsonFile(path);
        Dictionary<string, JsonElement> root = json.Properties(document.RootElement, "$", s_taxonomyRoot);
        bool fromDefault = true;
        if (root.TryGetValue("base", out JsonElement baseElement))
        {
            fromDefault = json.Text(baseElement, "$.base") switch
            {
                "default" => true,
                "empty" => false,
                string other => throw json.Error("$.base", $"unknown base '{other}'; use \"default\" (extend the shipped taxonomy and phrases) or \"empty\" (only what this file gives)."),
            };
        }

        var reasons = new List<ReasonDefinition>();
        if (root.TryGetValue("reasons", out JsonElement reasonsElement))
        {
            List<JsonElement> items = json.Array(reasonsElement, "$.reasons");
            for (int i = 0; i < items.Count; i++)
            {
                string p = string.Format(CultureInfo.InvariantCulture, "$.reasons[{0}]", i);
                Dictionary<string, JsonElement> r = json.Properties(items[i], p, s_reason);
                string code = r.TryGetValue("code", out JsonElement c) ? json.Text(c, p + ".code") : throw json.Error(p, "no \"code\"; give a dot-separated code such as \"service.billing\".");
                string en = r.TryGetValue("en", out JsonElement e) ? json.Text(e, p + ".en") : throw json.Error(p, "no \"en\"; give the English display name.");
                string zh = r.TryGetValue("zh", out JsonElement z) ? json.Text(z, p + ".zh") : throw json.Error(p, "no \"zh\"; give the Chinese display name.");
                List<string> crm = [];
                if (r.TryGetValue("crm", out JsonElement crmElement))
                {
                    List<JsonElement> crmItems = json.Array(crmElement, p + ".crm");
                    for (int k = 0; k < crmItems.Count; k++)
                    {
                        crm.Add(json.Text(crmItems[k], string.Format(CultureInfo.InvariantCulture, "{0}.crm[{1}]", p, k)));
                    }
                }

                try
                {
                    reasons.Add(new ReasonDefinition(code, en, zh, crm));
                }
                catch (ArgumentException ex)
                {
                    string at = ex.ParamName switch
                    {
                        "englishName" => p + ".en",
                        "chineseName" => p + ".zh",
                        "crmReasons" => p + ".crm",
                        _ => p + ".code",
                    };
                    throw json.Library(at, ex);
                }
            }
        }

        ReasonTaxonomy taxonomy;
        try
        {
            taxonomy = fromDefault ? ReasonTaxonomy.Default.With(reasons) : new ReasonTaxonomy(reasons);
        }
        catch (ArgumentException ex)
        {
            throw json.Library("$.reasons", ex);
        }

        ReasonLexicon lexicon = fromDefault ? ReasonLexicon.Default : ReasonLexicon.Empty;
        if (root.TryGetValue("phrases", out JsonElement phrasesElement))
        {
            foreach ((string code, JsonElement element) in json.Properties(phrasesElement, "$.phrases"))
            {
                string p = "$.phrases." + code;
                if (!taxonomy.Contains(code))
                {
                    throw json.Error(p, $"unknown reason code '{code}'; add it to \"reasons\" first (the codes are listed in docs/lost-customers.md).");
                }

                Dictionary<string, JsonElement> spec = json.Properties(element, p, s_phrases);
                bool replace = false;
                if (spec.TryGetValue("mode", out JsonElement modeElement))
                {
                    replace = json.Text(modeElement, p + ".mode") switch
                    {
                        "add" => false,
                        "replace" => true,
                        string other => throw json.Error(p + ".mode", $"unknown mode '{other}'; use \"add\" (keep the shipped phrases) or \"replace\"."),
                    };
                }

                double confidence = ReasonPhrase.DefaultConfidence;
                if (spec.TryGetValue("confidence", out JsonElement confidenceElement))
                {
                    confidence = json.Number(confidenceElement, p + ".confidence");
                }

                var phrases = new List<ReasonPhrase>();
                foreach ((string key, NoteLanguage language) in new[] { ("en", NoteLanguage.English), ("zh", NoteLanguage.Chinese) })
                {
                    if (!spec.TryGetValue(key, out JsonElement list))
                    {
                        continue;
                    }

                    List<JsonElement> items = json.Array(list, p + "." + key);
                    for (int k = 0; k < items.Count; k++)
                    {
                        string at = string.Format(CultureInfo.InvariantCulture, "{0}.{1}[{2}]", p, key, k);
                        string text = json.Text(items[k], at);
                        try
                        {
                            phrases.Add(new ReasonPhrase(text, language, confidence));
                        }
                        catch (ArgumentException ex)
                        {
                            throw json.Library(ex.ParamName == "confidence" ? p + ".confidence" : at, ex);
                        }
                    }
                }

                try
                {
                    lexicon = replace ? lexicon.Replace(code, phrases) : lexicon.With(code, phrases);
                }
                catch (ArgumentException ex)
                {
                    throw json.Library(p, ex);
                }
            }
        }

        return new LostTaxonomy(taxonomy, lexicon);
    }

    public static LostRules ReadRules(string path, ReasonTaxonomy taxonomy)
    {
        using JsonDocument document = JsonFile.Parse(path, "Rules");
        var json = new JsonFile(path);
        Dictionary<string, JsonElement> root = json.Properties(document.RootElement, "$", s_rulesRoot);
        if (!root.TryGetValue("fields", out JsonElement fieldsElement))
        {
            throw json.Error("$", "no \"fields\"; declare each signal: {\"name\": \"price_gap_percent\", \"type\": \"number\"}.");
        }

        if (!root.TryGetValue("rules", out JsonElement rulesElement))
        {
            throw json.Error("$", "no \"rules\"; give rules such as {\"name\": \"dearer than competitor\", \"when\": [{\"field\": \"price_gap_percent\", \"op\": \">\", \"value\": 10}], \"reason\": \"price.real\"}.");
        }

        var fields = new List<SignalField>();
        var columns = new List<string>();
        List<JsonElement> fieldItems = json.Array(fieldsElement, "$.fields", minimum: 1);
        for (int i = 0; i < fieldItems.Count; i++)
        {
            string p = string.Format(CultureInfo.InvariantCulture, "$.fields[{0}]", i);
            Dictionary<string, JsonElement> f = json.Properties(fieldItems[i], p, s_field);
            string name = f.TryGetValue("name", out JsonElement n) ? json.Text(n, p + ".name") : throw json.Error(p, "no \"name\".");
            SignalType type = f.TryGetValue("type", out JsonElement t)
                ? json.Text(t, p + ".type") switch
                {
                    "number" => SignalType.Number,
                    "boolean" => SignalType.Boolean,
                    "text" => SignalType.Text,
                    string other => throw json.Error(p + ".type", $"unknown type '{other}'; use number, boolean or text."),
                }
                : throw json.Error(p, "no \"type\"; use number, boolean or text.");
            double? minimum = f.TryGetValue("minimum", out JsonElement min) ? json.Number(min, p + ".minimum") : null;
            double? maximum = f.TryGetValue("maximum", out JsonElement max) ? json.Number(max, p + ".maximum") : null;
            List<string>? categories = null;
            if (f.TryGetValue("categories", out JsonElement cats))
            {
                List<JsonElement> items = json.Array(cats, p + ".categories");
                categories = items.Select((item, k) => json.Text(item, string.Format(CultureInfo.InvariantCulture, "{0}.categories[{1}]", p, k))).ToList();
            }

            try
            {
                fields.Add(new SignalField(name, type, minimum, maximum, categories));
            }
            catch (ArgumentException ex)
            {
                string at = ex.ParamName switch
                {
                    "minimum" => p + ".minimum",
                    "maximum" => p + ".maximum",
                    "categories" => p + ".categories",
                    "type" => p + ".type",
                    _ => p + ".name",
                };
                throw json.Library(at, ex);
            }

            columns.Add(f.TryGetValue("column", out JsonElement col) ? json.NonBlank(col, p + ".column") : name);
        }

        SignalSchema schema;
        try
        {
            schema = new SignalSchema(fields);
        }
        catch (ArgumentException ex)
        {
            throw json.Library("$.fields", ex);
        }

        var rules = new List<SignalRule>();
        List<JsonElement> ruleItems = json.Array(rulesElement, "$.rules", minimum: 1);
        for (int i = 0; i < ruleItems.Count; i++)
        {
            string p = string.Format(CultureInfo.InvariantCulture, "$.rules[{0}]", i);
            Dictionary<string, JsonElement> r = json.Properties(ruleItems[i], p, s_rule);
            string name = r.TryGetValue("name", out JsonElement n) ? json.Text(n, p + ".name") : string.Format(CultureInfo.InvariantCulture, "rules[{0}]", i);
            string reason = r.TryGetValue("reason", out JsonElement re) ? json.Text(re, p + ".reason") : throw json.Error(p, "no \"reason\"; give a reason code such as \"price.real\".");
            double confidence = r.TryGetValue("confidence", out JsonElement c) ? json.Number(c, p + ".confidence") : SignalRule.DefaultConfidence;
            if (!r.TryGetValue("when", out JsonElement when))
            {
                throw json.Error(p, "no \"when\"; give the conditions, e.g. [{\"field\": \"price_gap_percent\", \"op\": \">\", \"value\": 10}].");
            }

            var conditions = new List<SignalCondition>();
            List<JsonElement> conditionItems = json.Array(when, p + ".when");
            for (int j = 0; j < conditionItems.Count; j++)
            {
                string q = string.Format(CultureInfo.InvariantCulture, "{0}.when[{1}]", p, j);
                Dictionary<string, JsonElement> cond = json.Properties(conditionItems[j], q, s_condition);
                string field = cond.TryGetValue("field", out JsonElement fe) ? json.Text(fe, q + ".field") : throw json.Error(q, "no \"field\".");
                string op = cond.TryGetValue("op", out JsonElement oe) ? json.Text(oe, q + ".op") : throw json.Error(q, "no \"op\".");
                if (!SignalCondition.TryParseComparison(op, out SignalComparison comparison))
                {
                    throw json.Error(q + ".op", $"unknown comparison '{op}'; use one of {string.Join(" ", SignalCondition.ComparisonNames)}.");
                }

                if (!cond.TryGetValue("value", out JsonElement value))
                {
                    throw json.Error(q, "no \"value\".");
                }

                SignalValue threshold = value.ValueKind switch
                {
                    JsonValueKind.Number => SignalValue.Number(json.Number(value, q + ".value")),
                    JsonValueKind.True => SignalValue.Boolean(true),
                    JsonValueKind.False => SignalValue.Boolean(false),
                    JsonValueKind.String => SignalValue.Text(value.GetString()!),
                    _ => throw json.Error(q + ".value", $"expected a number, true/false or a string, got {JsonFile.Describe(value)}."),
                };
                conditions.Add(new SignalCondition(field, comparison, threshold));
            }

            rules.Add(new SignalRule(name, conditions, reason, confidence));
        }

        try
        {
            return new LostRules(new SignalRuleSet(schema, taxonomy, rules), columns);
        }
        catch (SignalRuleException ex)
        {
            string at = string.Format(CultureInfo.InvariantCulture, "$.rules[{0}]", ex.RuleIndex);
            if (ex.ConditionIndex is int j)
            {
                at += string.Format(CultureInfo.InvariantCulture, ".when[{0}]", j);
            }

            at += ex.Part switch
            {
                SignalRulePart.Name => ".name",
                SignalRulePart.ReasonCode => ".reason",
                SignalRulePart.Confidence => ".confidence",
                // With a condition index (an unreachable rule) the path already ends at that condition, $.rules[i].when[j].
                SignalRulePart.Conditions => ex.ConditionIndex is null ? ".when" : string.Empty,
                SignalRulePart.Field => ".field",
                SignalRulePart.Comparison => ".op",
                SignalRulePart.Threshold => ".value",
                _ => string.Empty,
            };
            throw new CliException($"{path}: {at}: {ex.Problem}", ex);
        }
        catch (ArgumentException ex)
        {
            throw json.Library("$.rules", ex);
        }
    }
}
