using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using CustomerValuation.Internal;

namespace CustomerValuation.Churn;

/// <summary>
/// A validated set of rules over structured signals (SPEC §4): evaluated for a customer, every rule whose conditions
/// all hold fires its reason, with the rule and the values that met it as evidence.
/// </summary>
/// <remarks>
/// <para>
/// Building the set checks every rule against the schema and the taxonomy and throws a <see cref="SignalRuleException"/>
/// naming the rule (index and name), the condition and the part that is wrong. Per rule, in this order: the name is not
/// empty and not used by an earlier rule (ordinal); the reason code is in the taxonomy; the confidence is in (0, 1];
/// there is at least one condition; each condition names a declared field, a defined comparison allowed for the field's
/// type (Number: all six; Boolean and Text: Equal and NotEqual), a threshold of the field's type and, for a text field
/// with categories, one of them; the rule is reachable; and it is not a duplicate of an earlier rule.
/// </para>
/// <para>
/// Unreachable means that no values can meet all the conditions. Per field, as real numbers: the conditions on a number
/// field and its declared range must leave a non-empty interval, and not a single point that a NotEqual excludes; the
/// conditions on a yes/no field must leave true or false; those on a text field must not demand two different texts, or
/// a text they also exclude, or (with declared categories) exclude every category. The error names the condition at
/// which the field's values ran out. A duplicate is a rule with the same conditions (in any order, compared exactly) and
/// the same reason code as an earlier rule; the same conditions with another reason are allowed.
/// </para>
/// <para>
/// Evaluation: a condition on a missing value does not hold. The tags come in taxonomy order of their codes; the rules
/// of one reason merge into one <see cref="ReasonTag"/> whose evidence lists them in rule order, so the combined
/// confidence is the noisy-OR 1 − ∏(1 − cᵢ) of the rules that fired. Time per customer O(total number of conditions).
/// A set is immutable: several threads may evaluate with it at once, each with its own <see cref="SignalRecord"/>.
/// </para>
/// </remarks>
public sealed class SignalRuleSet
{
    private static readonly ReasonTag[] s_noTags = [];
    private readonly SignalRule[] _rules;
    private readonly CompiledRule[] _compiled;

    /// <summary>Builds and validates a rule set.</summary>
    /// <param name="schema">The fields the rules may use.</param>
    /// <param name="taxonomy">The reasons the rules may fire.</param>
    /// <param name="rules">The rules; at least one.</param>
    /// <exception cref="ArgumentNullException">An argument or one of the rules is <see langword="null"/>.</exception>
    /// <exception cref="SignalRuleException">A rule is invalid (see the remarks; the exception names the rule, condition and part).</exception>
    /// <exception cref="ArgumentException"><paramref name="rules"/> is empty.</exception>
    public SignalRuleSet(SignalSchema schema, ReasonTaxonomy taxonomy, IEnumerable<SignalRule> rules)
    {
        Schema = Guard.NotNull(schema, nameof(schema));
        Taxonomy = Guard.NotNull(taxonomy, nameof(taxonomy));
        Guard.NotNull(rules, nameof(rules));
        _rules = rules.ToArray();
        if (_rules.Length == 0)
        {
            throw new ArgumentException("The rule set has no rules; give at least one, e.g. price_gap_percent > 10 → price.real.", nameof(rules));
        }

        var taxonomyIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < taxonomy.Count; i++)
        {
            taxonomyIndex.Add(taxonomy[i].Code, i);
        }

        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        var conditionSets = new HashSet<SignalCondition>[_rules.Length];
        var compiled = new CompiledRule[_rules.Length];
        for (int i = 0; i < _rules.Length; i++)
        {
            SignalRule? rule = _rules[i];
            if (rule is null)
            {
                throw new ArgumentNullException(nameof(rules), string.Format(CultureInfo.InvariantCulture, "Rule {0} is null.", i));
            }

            compiled[i] = Validate(i, rule, names, taxonomyIndex);
            conditionSets[i] = new HashSet<SignalCondition>(rule.ConditionArray);
            for (int earlier = 0; earlier < i; earlier++)
            {
                if (string.Equals(_rules[earlier].ReasonCode, rule.ReasonCode, StringComparison.Ordinal) && conditionSets[earlier].SetEquals(conditionSets[i]))
                {
                    throw Error(i, rule, null, SignalRulePart.Rule, SignalRuleError.DuplicateRule, string.Format(
                        CultureInfo.InvariantCulture,
                        "the rule repeats rule {0} ('{1}'): the same conditions and the same reason '{2}'; remove one (a rule with the same conditions may fire another reason).",
                        earlier,
                        _rules[earlier].Name,
                        rule.ReasonCode));
                }
            }
        }

        // Evaluation order: by the reason's place in the taxonomy, then by rule index, so that the rules of one reason are adjacent.
        _compiled = compiled.OrderBy(c => c.TaxonomyIndex).ThenBy(c => c.RuleIndex).ToArray();
    }

    /// <summary>Gets the schema.</summary>
    public SignalSchema Schema { get; }

    /// <summary>Gets the taxonomy.</summary>
    public ReasonTaxonomy Taxonomy { get; }

    /// <summary>Gets the rules, in the order given.</summary>
    public IReadOnlyList<SignalRule> Rules => Array.AsReadOnly(_rules);

    /// <summary>Creates an empty record of the set's schema.</summary>
    /// <returns>The record, every value missing.</returns>
    public SignalRecord CreateRecord() => new(Schema);

    /// <summary>Evaluates the rules for one customer.</summary>
    /// <param name="record">The customer's signal values; a record of this set's schema.</param>
    /// <returns>
    /// One tag per reason that at least one rule fired, in taxonomy order, each with the evidence of its rules in rule order
    /// (<see cref="ReasonSource.Rule"/>, the rule's name, the values compared, position -1, length 0, the rule's confidence);
    /// empty when no rule fired.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="record"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="record"/> was made for another schema.</exception>
    public IReadOnlyList<ReasonTag> Evaluate(SignalRecord record)
    {
        Guard.NotNull(record, nameof(record));
        if (!ReferenceEquals(record.Schema, Schema))
        {
            throw new ArgumentException("The record was made for another schema; create it with this set's CreateRecord() or Schema.", nameof(record));
        }

        return EvaluateCore(record);
    }

    /// <summary>Evaluates the rules for a sequence of customers.</summary>
    /// <typeparam name="T">The item type, one item per customer.</typeparam>
    /// <typeparam name="TId">The customer id type.</typeparam>
    /// <param name="items">The customers.</param>
    /// <param name="idSelector">Gets an item's customer id; not null, unique.</param>
    /// <param name="fill">
    /// Sets an item's signal values on the record it is given (every value starts missing). The record is reused for the
    /// next item: do not keep it. A setter's error names the field, the customer id and the index.
    /// </param>
    /// <returns>Every customer exactly once, in input order, with its tags as <see cref="Evaluate(SignalRecord)"/> gives them; untagged when no rule fired.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An id is null or repeated (the message names the id and both indices), or <paramref name="fill"/> sets an unknown field, a value of the wrong type or an undeclared category (the message names the customer).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="fill"/> sets a NaN, infinite or out-of-range number (the message names the field and the customer).</exception>
    public IReadOnlyList<CustomerReasons<TId>> Evaluate<T, TId>(IEnumerable<T> items, Func<T, TId> idSelector, Action<T, SignalRecord> fill)
        where TId : notnull
    {
        Guard.NotNull(items, nameof(items));
        Guard.NotNull(idSelector, nameof(idSelector));
        Guard.NotNull(fill, nameof(fill));
        var record = new SignalRecord(Schema);
        int capacity = items is ICollection<T> collection ? collection.Count : 0;
        var seen = new Dictionary<TId, int>(capacity);
        var results = new List<CustomerReasons<TId>>(capacity);
        int index = 0;
        foreach (T item in items)
        {
            TId id = idSelector(item);
            if (id is null)
            {
                throw new ArgumentException(string.Format(CultureInfo.InvariantCulture, "The customer id of the item at index {0} of {1} is null; every customer needs an id.", index, nameof(items)), nameof(items));
            }

            if (seen.TryGetValue(id, out int first))
            {
                throw new ArgumentException(
                    string.Format(CultureInfo.InvariantCulture, "Customer id '{0}' appears twice in {1}, at indices {2} and {3}; give each customer one item.", id, nameof(items), first, index),
                    nameof(items));
            }

            seen.Add(id, index);
            record.Clear();
            record.SetSubject(id, index, nameof(items));
            fill(item, record);
            record.SetSubject(null, -1, null);
            results.Add(new CustomerReasons<TId>(id, EvaluateCore(record), trusted: true));
            index++;
        }

        return results.AsReadOnly();
    }

    private ReasonTag[] EvaluateCore(SignalRecord record)
    {
        List<ReasonTag> tags = record.TagScratch;
        List<ReasonEvidence> evidence = record.EvidenceScratch;
        tags.Clear();
        evidence.Clear();
        string? code = null;
        foreach (CompiledRule rule in _compiled)
        {
            if (!rule.Holds(record))
            {
                continue;
            }

            if (!string.Equals(code, rule.Code, StringComparison.Ordinal))
            {
                if (code is not null)
                {
                    tags.Add(new ReasonTag(code, evidence.ToArray(), trusted: true));
                    evidence.Clear();
                }

                code = rule.Code;
            }

            evidence.Add(new ReasonEvidence(ReasonSource.Rule, rule.Name, rule.Describe(record), -1, 0, rule.Confidence));
        }

        if (code is null)
        {
            return s_noTags;
        }

        tags.Add(new ReasonTag(code, evidence.ToArray(), trusted: true));
        return tags.ToArray();
    }

    private CompiledRule Validate(int i, SignalRule rule, Dictionary<string, int> names, Dictionary<string, int> taxonomyIndex)
    {
        if (string.IsNullOrWhiteSpace(rule.Name))
        {
            throw Error(i, rule, null, SignalRulePart.Name, SignalRuleError.EmptyName, "the name is empty; give every rule a name, it names the evidence.");
        }

        if (names.TryGetValue(rule.Name, out int earlier))
        {
            throw Error(i, rule, null, SignalRulePart.Name, SignalRuleError.DuplicateName, string.Format(CultureInfo.InvariantCulture, "rule {0} has the same name; names must be unique.", earlier));
        }

        names.Add(rule.Name, i);
        if (!taxonomyIndex.TryGetValue(rule.ReasonCode, out int reasonIndex))
        {
            throw Error(i, rule, null, SignalRulePart.ReasonCode, SignalRuleError.UnknownReasonCode, UnknownCodeProblem(rule.ReasonCode));
        }

        if (!(rule.Confidence > 0 && rule.Confidence <= 1))
        {
            throw Error(i, rule, null, SignalRulePart.Confidence, SignalRuleError.ConfidenceOutOfRange, string.Format(
                CultureInfo.InvariantCulture,
                "the confidence is {0}; it must be in (0, 1] (default {1}).",
                SignalField.Format(rule.Confidence),
                SignalField.Format(SignalRule.DefaultConfidence)));
        }

        SignalCondition[] conditions = rule.ConditionArray;
        if (conditions.Length == 0)
        {
            throw Error(i, rule, null, SignalRulePart.Conditions, SignalRuleError.NoConditions, "the rule has no condition; give at least one, e.g. price_gap_percent > 10.");
        }

        var compiled = new CompiledCondition[conditions.Length];
        for (int j = 0; j < conditions.Length; j++)
        {
            compiled[j] = ValidateCondition(i, rule, j, conditions[j]);
        }

        var feasible = new Dictionary<int, FeasibleValues>();
        for (int j = 0; j < conditions.Length; j++)
        {
            int field = compiled[j].Field;
            if (!feasible.TryGetValue(field, out FeasibleValues? values))
            {
                values = new FeasibleValues(Schema[field]);
                feasible.Add(field, values);
            }

            if (!values.Apply(conditions[j]))
            {
                throw Error(i, rule, j, SignalRulePart.Conditions, SignalRuleError.Unreachable, string.Format(
                    CultureInfo.InvariantCulture,
                    "the rule can never fire: no value of '{0}'{1} meets {2}.",
                    Schema[field].Name,
                    values.RangeNote(),
                    string.Join(" and ", values.Applied)));
            }
        }

        return new CompiledRule(i, reasonIndex, rule.Name, rule.ReasonCode, rule.Confidence, compiled);
    }

    private CompiledCondition ValidateCondition(int i, SignalRule rule, int j, SignalCondition condition)
    {
        int field = Schema.IndexOf(condition.Field);
        if (field < 0)
        {
            throw Error(i, rule, j, SignalRulePart.Field, SignalRuleError.UnknownField, string.Format(
                CultureInfo.InvariantCulture,
                "unknown field '{0}'; the schema has: {1}.",
                condition.Field,
                Schema.FieldList()));
        }

        SignalField declared = Schema[field];
        if (condition.Comparison is < SignalComparison.LessThan or > SignalComparison.GreaterThan)
        {
            throw Error(i, rule, j, SignalRulePart.Comparison, SignalRuleError.UndefinedComparison, string.Format(
                CultureInfo.InvariantCulture,
                "comparison {0} is not defined; use one of: {1}.",
                (int)condition.Comparison,
                string.Join(", ", SignalCondition.ComparisonNames)));
        }

        if (condition.Threshold.Type != declared.Type)
        {
            throw Error(i, rule, j, SignalRulePart.Threshold, SignalRuleError.TypeMismatch, string.Format(
                CultureInfo.InvariantCulture,
                "the threshold {0} is a {1} but field '{2}' is {3}; compare it with a {3} threshold.",
                condition.Threshold,
                condition.Threshold.Type,
                declared.Name,
                declared.Type));
        }

        if (declared.Type != SignalType.Number && condition.Comparison is not SignalComparison.Equal and not SignalComparison.NotEqual)
        {
            throw Error(i, rule, j, SignalRulePart.Comparison, SignalRuleError.ComparisonNotAllowed, string.Format(
                CultureInfo.InvariantCulture,
                "'{0}' ({1}) cannot compare {2} field '{3}'; {2} fields allow Equal (==) and NotEqual (!=) only.",
                SignalCondition.SymbolOf(condition.Comparison),
                condition.Comparison,
                declared.Type,
                declared.Name));
        }

        if (declared.Type == SignalType.Text && !declared.AllowsCategory(condition.Threshold.RawText!))
        {
            throw Error(i, rule, j, SignalRulePart.Threshold, SignalRuleError.UnknownCategory, string.Format(
                CultureInfo.InvariantCulture,
                "{0} is not a category of field '{1}'; its categories are: {2}.",
                condition.Threshold,
                declared.Name,
                string.Join(", ", declared.Categories!)));
        }

        return new CompiledCondition(field, declared.Name, declared.Type, condition.Comparison, condition.Threshold);
    }

    private string UnknownCodeProblem(string code)
    {
        int dot = code.IndexOf('.');
        string family = dot < 0 ? code : code.Substring(0, dot);
        var sameFamily = Taxonomy.Where(r => string.Equals(r.Family, family, StringComparison.Ordinal)).Select(r => r.Code).ToList();
        return sameFamily.Count > 0
            ? string.Format(CultureInfo.InvariantCulture, "unknown reason code '{0}'; the taxonomy's codes in family '{1}' are: {2}.", code, family, string.Join(", ", sameFamily))
            : string.Format(CultureInfo.InvariantCulture, "unknown reason code '{0}'; the taxonomy's families are: {1}.", code, string.Join(", ", Taxonomy.Families().Select(r => r.Code)));
    }

    private static SignalRuleException Error(int i, SignalRule rule, int? condition, SignalRulePart part, SignalRuleError error, string problem) =>
        new("rules", i, rule.Name, condition, part, error, problem);

    /// <summary>One condition ready to evaluate: field index, comparison and threshold unpacked.</summary>
    private readonly struct CompiledCondition
    {
        public CompiledCondition(int field, string fieldName, SignalType type, SignalComparison comparison, SignalValue threshold)
        {
            Field = field;
            FieldName = fieldName;
            Type = type;
            Comparison = comparison;
            Number = threshold.RawNumber;
            Text = threshold.RawText;
            Threshold = threshold;
        }

        public int Field { get; }

        public string FieldName { get; }

        public SignalType Type { get; }

        public SignalComparison Comparison { get; }

        public double Number { get; }

        public string? Text { get; }

        public SignalValue Threshold { get; }

        public bool Holds(SignalRecord record)
        {
            if (!record.Has(Field))
            {
                return false;
            }

            if (Type == SignalType.Text)
            {
                bool equal = string.Equals(record.TextAt(Field), Text, StringComparison.Ordinal);
                return Comparison == SignalComparison.Equal ? equal : !equal;
            }

            double v = record.NumberAt(Field);
            return Comparison switch
            {
                SignalComparison.LessThan => v < Number,
                SignalComparison.AtMost => v <= Number,
                SignalComparison.Equal => v == Number,
                SignalComparison.NotEqual => v != Number,
                SignalComparison.AtLeast => v >= Number,
                _ => v > Number,
            };
        }

        public void Describe(SignalRecord record, StringBuilder text)
        {
            text.Append(FieldName).Append(' ');
            switch (Type)
            {
                case SignalType.Number:
                    text.Append(SignalField.Format(record.NumberAt(Field)));
                    break;
                case SignalType.Boolean:
                    text.Append(record.NumberAt(Field) != 0 ? "true" : "false");
                    break;
                default:
                    text.Append('\'').Append(record.TextAt(Field)).Append('\'');
                    break;
            }

            text.Append(' ').Append(SignalCondition.SymbolOf(Comparison)).Append(' ').Append(Threshold);
        }
    }

    /// <summary>A validated rule ready to evaluate.</summary>
    private sealed class CompiledRule(int ruleIndex, int taxonomyIndex, string name, string code, double confidence, CompiledCondition[] conditions)
    {
        public int RuleIndex { get; } = ruleIndex;

        public int TaxonomyIndex { get; } = taxonomyIndex;

        public string Name { get; } = name;

        public string Code { get; } = code;

        public double Confidence { get; } = confidence;

        public bool Holds(SignalRecord record)
        {
            foreach (CompiledCondition condition in conditions)
            {
                if (!condition.Holds(record))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>The evidence detail: each condition with the customer's value, e.g. <c>price_gap_percent 12.5 &gt; 10 and …</c>.</summary>
        public string Describe(SignalRecord record)
        {
            StringBuilder text = record.TextScratch.Clear();
            for (int j = 0; j < conditions.Length; j++)
            {
                if (j > 0)
                {
                    text.Append(" and ");
                }

                conditions[j].Describe(record, text);
            }

            return text.ToString();
        }
    }

    /// <summary>The values of one field that the conditions applied so far still allow (real numbers for number fields).</summary>
    private sealed class FeasibleValues
    {
        private readonly SignalField _field;
        private readonly HashSet<double> _excludedNumbers = [];
        private readonly HashSet<string> _excludedTexts = new(StringComparer.Ordinal);
        private double _low;
        private bool _lowOpen;
        private double _high;
        private bool _highOpen;
        private int _flags = 3; // bit 0: false allowed, bit 1: true allowed
        private string? _requiredText;

        public FeasibleValues(SignalField field)
        {
            _field = field;
            _low = field.Minimum ?? double.NegativeInfinity;
            _high = field.Maximum ?? double.PositiveInfinity;
        }

        public List<string> Applied { get; } = [];

        /// <summary>Narrows the values by one condition; false when none is left.</summary>
        public bool Apply(SignalCondition condition)
        {
            Applied.Add(condition.ToString());
            SignalValue t = condition.Threshold;
            switch (_field.Type)
            {
                case SignalType.Number:
                    ApplyNumber(condition.Comparison, t.RawNumber);
                    return !(_low > _high || (_low == _high && (_lowOpen || _highOpen || _excludedNumbers.Contains(_low))));
                case SignalType.Boolean:
                    int bit = t.RawNumber != 0 ? 2 : 1;
                    _flags &= condition.Comparison == SignalComparison.Equal ? bit : ~bit;
                    return _flags != 0;
                default:
                    return ApplyText(condition.Comparison == SignalComparison.Equal, t.RawText!);
            }
        }

        public string RangeNote() =>
            _field.Type == SignalType.Number && (_field.Minimum is not null || _field.Maximum is not null)
                ? " in its declared range " + _field.RangeText()
                : _field.Type == SignalType.Text && _field.Categories is not null
                    ? " among its categories (" + string.Join(", ", _field.Categories) + ")"
                    : string.Empty;

        private void ApplyNumber(SignalComparison comparison, double t)
        {
            switch (comparison)
            {
                case SignalComparison.LessThan:
                    LowerHigh(t, open: true);
                    break;
                case SignalComparison.AtMost:
                    LowerHigh(t, open: false);
                    break;
                case SignalComparison.GreaterThan:
                    RaiseLow(t, open: true);
                    break;
                case SignalComparison.AtLeast:
                    RaiseLow(t, open: false);
                    break;
                case SignalComparison.Equal:
                    RaiseLow(t, open: false);
                    LowerHigh(t, open: false);
                    break;
                default:
                    _excludedNumbers.Add(t + 0.0);
                    break;
            }
        }

        private void LowerHigh(double t, bool open)
        {
            if (t < _high || (t == _high && open))
            {
                _high = t;
                _highOpen = open;
            }
        }

        private void RaiseLow(double t, bool open)
        {
            if (t > _low || (t == _low && open))
            {
                _low = t;
                _lowOpen = open;
            }
        }

        private bool ApplyText(bool equal, string text)
        {
            if (equal)
            {
                if ((_requiredText is not null && !string.Equals(_requiredText, text, StringComparison.Ordinal)) || _excludedTexts.Contains(text))
                {
                    return false;
                }

                _requiredText = text;
                return true;
            }

            if (string.Equals(_requiredText, text, StringComparison.Ordinal))
            {
                return false;
            }

            _excludedTexts.Add(text);

            // With declared categories, excluding every one of them leaves nothing.
            return _requiredText is not null || _field.Categories is not { } categories || categories.Any(c => !_excludedTexts.Contains(c));
        }
    }
}
