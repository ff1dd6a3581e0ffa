using System;
using System.Collections.Generic;
using System.Linq;
using CustomerValuation.Churn;
using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace CustomerValuation.Tests.Churn;

/// <summary>
/// FsCheck properties of rule evaluation (STYLE 17): agreement with an independent evaluator written here, determinism and
/// independence of customer and rule order, monotonicity in the rules, and reachability against a brute-force search.
/// </summary>
public class SignalRuleSetPropertyTests
{
    private static readonly SignalSchema s_schema = new(
    [
        SignalField.Number("n0", -20, 20),
        SignalField.Number("n1"),
        SignalField.Boolean("b0"),
        SignalField.Text("t0", ["a", "b", "c"]),
        SignalField.Text("t1"),
    ]);

    private static readonly string[] s_codes = ["price.real", "price.seeming.dealer-markup", "service", "complaint", "credit"];

    private static readonly SignalComparison[] s_all = [SignalComparison.LessThan, SignalComparison.AtMost, SignalComparison.Equal, SignalComparison.NotEqual, SignalComparison.AtLeast, SignalComparison.GreaterThan];

    private static readonly SignalComparison[] s_equality = [SignalComparison.Equal, SignalComparison.NotEqual];

    // Values a brute-force search tries per field: every point of every interval with integer (or declared) ends, or of every text category, is represented.
    private static readonly Dictionary<string, object[]> s_grid = new()
    {
        ["n0"] = Enumerable.Range(-40, 81).Select(i => (object)(i / 2.0)).ToArray(),
        ["n1"] = Enumerable.Range(-52, 105).Select(i => (object)(i / 2.0)).ToArray(),
        ["b0"] = [false, true],
        ["t0"] = ["a", "b", "c"],
        ["t1"] = ["a", "b", "c", "d", "not-a-threshold"],
    };

    private sealed record Customer(string Id, Dictionary<string, object> Values);

    private sealed record Case(SignalRule[] Candidates, SignalRule Extra, Customer[] Customers, int Seed);

    private static Gen<SignalCondition> ConditionOn(string field) => ConditionOn(field, Gen.Choose(-25, 25));

    private static Gen<SignalCondition> ConditionOn(string field, Gen<int> numbers) => field switch
    {
        "n0" or "n1" => from c in Gen.Elements(s_all) from t in numbers select new SignalCondition(field, c, (double)t),
        "b0" => from c in Gen.Elements(s_equality) from t in Gen.Elements(true, false) select new SignalCondition(field, c, t),
        "t0" => from c in Gen.Elements(s_equality) from t in Gen.Elements("a", "b", "c") select new SignalCondition(field, c, t),
        _ => from c in Gen.Elements(s_equality) from t in Gen.Elements("a", "b", "c", "d") select new SignalCondition(field, c, t),
    };

    private static readonly Gen<SignalCondition> s_condition = Gen.Elements("n0", "n1", "b0", "t0", "t1").SelectMany(ConditionOn);

    private static Gen<SignalRule> RuleNamed(string name) =>
        from conditions in Gen.Choose(1, 3).SelectMany(k => Gen.ArrayOf(s_condition, k))
        from code in Gen.Elements(s_codes)
        from confidence in Gen.Elements(0.3, 0.5, 0.8, 1.0)
        select new SignalRule(name, conditions, code, confidence);

    private static readonly Gen<object?> s_n0 = Gen.Choose(-40, 40).Select(i => (object?)(i / 2.0));
    private static readonly Gen<object?> s_n1 = Gen.Choose(-60, 60).Select(i => (object?)(i / 2.0));

    private static Gen<Dictionary<string, object>> Values() =>
        from n0 in Gen.Frequency((1, Gen.Constant<object?>(null)), (4, s_n0))
        from n1 in Gen.Frequency((1, Gen.Constant<object?>(null)), (4, s_n1))
        from b0 in Gen.Frequency((1, Gen.Constant<object?>(null)), (4, Gen.Elements<object?>(true, false)))
        from t0 in Gen.Frequency((1, Gen.Constant<object?>(null)), (4, Gen.Elements<object?>("a", "b", "c")))
        from t1 in Gen.Frequency((1, Gen.Constant<object?>(null)), (4, Gen.Elements<object?>("a", "b", "c", "d", "e")))
        select new (string, object?)[] { ("n0", n0), ("n1", n1), ("b0", b0), ("t0", t0), ("t1", t1) }.Where(p => p.Item2 is not null).ToDictionary(p => p.Item1, p => p.Item2!);

    private static readonly Gen<Case> s_cases =
        from r in Gen.Choose(1, 10)
        from unnamed in Gen.ArrayOf(RuleNamed("r"), r)
        from extra in RuleNamed("extra")
        from n in Gen.Choose(0, 25)
        from values in Gen.ArrayOf(Values(), n)
        from seed in Gen.Choose(0, int.MaxValue)
        select new Case(unnamed.Select((x, i) => new SignalRule("r" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), x.Conditions, x.ReasonCode, x.Confidence)).ToArray(), extra, values.Select((v, i) => new Customer("c" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), v)).ToArray(), seed);

    // A set needs at least one rule; this one is always valid, so every case has one even when all candidates are dropped.
    private static readonly SignalRule s_base = new("base", new SignalCondition("n1", SignalComparison.AtLeast, 0.0), "credit", 0.5);

    /// <summary>Adds the candidates one by one, dropping those the set rejects as unreachable or duplicate (any other rejection fails the test).</summary>
    private static List<SignalRule> Valid(IEnumerable<SignalRule> candidates, List<SignalRule>? start = null)
    {
        var accepted = new List<SignalRule>(start ?? [s_base]);
        foreach (SignalRule rule in candidates)
        {
            try
            {
                _ = new SignalRuleSet(s_schema, W10.Taxonomy, accepted.Append(rule));
                accepted.Add(rule);
            }
            catch (SignalRuleException e) when (e.Error is SignalRuleError.Unreachable or SignalRuleError.DuplicateRule)
            {
            }
        }

        return accepted;
    }

    private static void Fill(Customer customer, SignalRecord record)
    {
        foreach (KeyValuePair<string, object> value in customer.Values)
        {
            _ = value.Value switch
            {
                double d => record.Set(value.Key, d),
                bool b => record.Set(value.Key, b),
                _ => record.Set(value.Key, (string)value.Value),
            };
        }
    }

    /// <summary>The independent evaluator: a condition on a missing value is false; otherwise the plain comparison.</summary>
    private static bool Holds(SignalCondition c, IReadOnlyDictionary<string, object> values)
    {
        if (!values.TryGetValue(c.Field, out object? v))
        {
            return false;
        }

        int order = v switch
        {
            double d => d.CompareTo(c.Threshold.NumberValue),
            bool b => b == c.Threshold.BooleanValue ? 0 : 1,
            _ => string.Equals((string)v, c.Threshold.TextValue, StringComparison.Ordinal) ? 0 : 1,
        };
        return c.Comparison switch
        {
            SignalComparison.LessThan => order < 0,
            SignalComparison.AtMost => order <= 0,
            SignalComparison.Equal => order == 0,
            SignalComparison.NotEqual => order != 0,
            SignalComparison.AtLeast => order >= 0,
            _ => order > 0,
        };
    }

    private static string Signature(IReadOnlyList<ReasonTag> tags) =>
        string.Join("; ", tags.Select(t => t.Code + "=" + t.Confidence.ToString("R", System.Globalization.CultureInfo.InvariantCulture) + "[" + string.Join(",", t.Evidence.Select(e => e.Name + ":" + e.Detail)) + "]"));

    private static IReadOnlyList<CustomerReasons<string>> Run(SignalRuleSet set, IEnumerable<Customer> customers) =>
        set.Evaluate(customers, c => c.Id, Fill);

    [Fact]
    public void Evaluate_AgreesWithIndependentEvaluator()
    {
        List<string> taxonomyOrder = W10.Taxonomy.Select(r => r.Code).ToList();
        PropertyCheck.ForAll(s_cases, c =>
        {
            List<SignalRule> rules = Valid(c.Candidates);
            var set = new SignalRuleSet(s_schema, W10.Taxonomy, rules);
            IReadOnlyList<CustomerReasons<string>> result = Run(set, c.Customers);
            return c.Customers.Select((customer, i) =>
            {
                var fired = rules.Where(r => r.Conditions.All(cond => Holds(cond, customer.Values))).ToList();
                var expected = fired.GroupBy(r => r.ReasonCode).OrderBy(g => taxonomyOrder.IndexOf(g.Key)).ToList();
                IReadOnlyList<ReasonTag> actual = result[i].Reasons;
                return result[i].Id == customer.Id
                    && actual.Select(t => t.Code).SequenceEqual(expected.Select(g => g.Key))
                    && actual.Zip(expected, (t, g) => t.Evidence.Select(e => e.Name).SequenceEqual(g.Select(r => r.Name))
                        && Math.Abs(t.Confidence - (1 - g.Aggregate(1.0, (m, r) => m * (1 - r.Confidence)))) < 1e-12).All(ok => ok);
            }).All(ok => ok);
        });
    }

    [Fact]
    public void Evaluate_CustomerOrder_DoesNotChangeAnyCustomersTags()
    {
        PropertyCheck.ForAll(s_cases, c =>
        {
            var set = new SignalRuleSet(s_schema, W10.Taxonomy, Valid(c.Candidates));
            var random = new Random(c.Seed);
            Customer[] shuffled = c.Customers.OrderBy(_ => random.Next()).ToArray();
            IReadOnlyList<CustomerReasons<string>> once = Run(set, c.Customers);
            IReadOnlyList<CustomerReasons<string>> again = Run(set, shuffled);
            Dictionary<string, string> byId = again.ToDictionary(x => x.Id, x => Signature(x.Reasons));
            return again.Select(x => x.Id).SequenceEqual(shuffled.Select(x => x.Id))
                && once.All(x => byId[x.Id] == Signature(x.Reasons))
                && once.Select(x => Signature(x.Reasons)).SequenceEqual(Run(set, c.Customers).Select(x => Signature(x.Reasons)));
        });
    }

    [Fact]
    public void Evaluate_RuleOrder_DoesNotChangeCodesOrConfidences()
    {
        PropertyCheck.ForAll(s_cases, c =>
        {
            List<SignalRule> rules = Valid(c.Candidates);
            var random = new Random(c.Seed);
            var one = new SignalRuleSet(s_schema, W10.Taxonomy, rules);
            var other = new SignalRuleSet(s_schema, W10.Taxonomy, rules.OrderBy(_ => random.Next()));
            return Run(one, c.Customers).Zip(Run(other, c.Customers), (a, b) =>
                a.Reasons.Select(t => t.Code).SequenceEqual(b.Reasons.Select(t => t.Code))
                && a.Reasons.Zip(b.Reasons, (x, y) => Math.Abs(x.Confidence - y.Confidence) < 1e-12
                    && x.Evidence.Select(e => e.Name).OrderBy(n => n, StringComparer.Ordinal).SequenceEqual(y.Evidence.Select(e => e.Name).OrderBy(n => n, StringComparer.Ordinal))).All(ok => ok)).All(ok => ok);
        });
    }

    [Fact]
    public void Evaluate_AddingARule_NeverRemovesAFiredReason()
    {
        PropertyCheck.ForAll(s_cases, c =>
        {
            List<SignalRule> rules = Valid(c.Candidates);
            List<SignalRule> more = Valid([c.Extra], rules);
            IReadOnlyList<CustomerReasons<string>> before = Run(new SignalRuleSet(s_schema, W10.Taxonomy, rules), c.Customers);
            IReadOnlyList<CustomerReasons<string>> after = Run(new SignalRuleSet(s_schema, W10.Taxonomy, more), c.Customers);
            return before.Zip(after, (b, a) => b.Reasons.All(tag =>
            {
                ReasonTag? kept = a.Reasons.FirstOrDefault(t => t.Code == tag.Code);
                return kept is not null && kept.Confidence >= tag.Confidence - 1e-15 && tag.Evidence.All(kept.Evidence.Contains);
            })).All(ok => ok);
        });
    }

    private sealed record SameFieldCase(string Field, SignalCondition[] Conditions);

    private static readonly Gen<SameFieldCase> s_sameField =
        from field in Gen.Elements("n0", "n1", "b0", "t0", "t1")
        from k in Gen.Choose(2, 4)
        from conditions in Gen.ArrayOf(ConditionOn(field, Gen.Elements(-21, -20, -1, 0, 1, 20, 21)), k)
        select new SameFieldCase(field, conditions);

    [Fact]
    public void Constructor_Unreachable_IffBruteForceFindsNoValue()
    {
        // Few distinct thresholds, the declared bounds of n0 (±20) among them, so that ties and edges come up often.
        // Thresholds are integers (or categories), so a half-integer grid over the declared range finds a value whenever
        // any exists: a non-empty interval with integer ends contains a half-integer, a point interval is an integer.
        PropertyCheck.ForAll(s_sameField, c =>
        {
            bool reachable = s_grid[c.Field].Any(v => c.Conditions.All(cond => Holds(cond, new Dictionary<string, object> { [c.Field] = v })));
            try
            {
                _ = new SignalRuleSet(s_schema, W10.Taxonomy, [new SignalRule("r", c.Conditions, "credit")]);
                return reachable;
            }
            catch (SignalRuleException e) when (e.Error == SignalRuleError.Unreachable)
            {
                return !reachable && e.ConditionIndex is { } j && j < c.Conditions.Length;
            }
        });
    }
}
