using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CustomerValuation.Tiering;
using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace CustomerValuation.Tests.Tiering;

/// <summary>
/// FsCheck properties of the satisfaction index (SPEC §3 W8, STYLE 17): agreement with a reference written
/// here from the definitions (decimal arithmetic, normalised weights, the mapping (s − 1) / 4 × 100),
/// bounds, monotonicity in each answer, weight-scale invariance, permutation invariance, nothing lost,
/// and agreement of the span kernel with the keyed tier.
/// </summary>
public class SatisfactionScorerPropertyTests
{
    /// <summary>One generated run: weights, respondents' answers (null = blank), options.</summary>
    public sealed record SurveyCase(double[] Weights, int?[][] Rows, SatisfactionOptions Options)
    {
        public SatisfactionQuestionnaire Questionnaire => QuestionnaireOf(Weights);

        public string[] Ids => Enumerable.Range(0, Rows.Length).Select(i => "c" + i.ToString(CultureInfo.InvariantCulture)).ToArray();

        public override string ToString() =>
            "weights [" + string.Join(", ", Weights.Select(w => w.ToString("R", CultureInfo.InvariantCulture))) + "] rows ["
            + string.Join(" | ", Rows.Select(r => string.Join(",", r.Select(a => a?.ToString(CultureInfo.InvariantCulture) ?? "-")))) + "] " + Options;
    }

    private static SatisfactionQuestionnaire QuestionnaireOf(double[] weights) =>
        new(weights.Select((w, i) => new SatisfactionItem("I" + i.ToString(CultureInfo.InvariantCulture), w)));

    private static readonly Gen<double> s_weight = Gen.Frequency(
        (1, Gen.Constant(0.0)),
        (3, Gen.Choose(1, 10).Select(i => (double)i)),
        (3, Gen.Choose(1, 1000).Select(i => i / 100.0)),
        (1, Gen.Choose(1, 1000).Select(i => i / 7.0)));

    private static readonly Gen<int?> s_answer = Gen.Frequency(
        (1, Gen.Constant((int?)null)),
        (5, Gen.Choose(1, 5).Select(a => (int?)a)));

    private static readonly Gen<SatisfactionOptions> s_options =
        from rule in Gen.Elements(SatisfactionBlankRule.SingleBlankAsNeutral, SatisfactionBlankRule.AtLeastTwoThirdsAnswered)
        from threshold in Gen.Frequency((3, Gen.Constant(70.0)), (2, Gen.Choose(0, 100).Select(t => (double)t)), (1, Gen.Choose(0, 400).Select(t => t / 4.0)))
        from target in Gen.Choose(0, 100).Select(t => t / 100.0)
        from satisfiedAnswer in Gen.Choose(1, 5)
        select new SatisfactionOptions(rule, threshold, target, satisfiedAnswer);

    private static readonly Gen<SurveyCase> s_cases =
        from k in Gen.Choose(1, 8)
        from raw in Gen.ArrayOf(s_weight, k)
        from m in Gen.Choose(1, 25)
        from rows in Gen.ArrayOf(Gen.ArrayOf(s_answer, k), m)
        from options in s_options
        select new SurveyCase(raw.All(w => w == 0) ? raw.Select((w, i) => i == 0 ? 1.0 : w).ToArray() : raw, rows, options);

    private static SatisfactionResult<string> Run(SurveyCase c, double[]? weights = null, int?[][]? rows = null)
    {
        string[] ids = c.Ids;
        int?[][] answers = rows ?? c.Rows;
        return SatisfactionScorer.Score(
            Enumerable.Range(0, answers.Length), i => ids[i], i => answers[i], weights is null ? c.Questionnaire : QuestionnaireOf(weights), c.Options);
    }

    // ---------------------------------------------------------------- the reference, from the definitions

    private static SatisfactionValidity ReferenceValidity(int?[] row, double[] weights, SatisfactionBlankRule rule)
    {
        int answered = row.Count(a => a.HasValue);
        if (answered == 0)
        {
            return SatisfactionValidity.NothingAnswered;
        }

        if (rule == SatisfactionBlankRule.SingleBlankAsNeutral)
        {
            return row.Length - answered >= 2 ? SatisfactionValidity.TooManyBlanks : SatisfactionValidity.Valid;
        }

        if (answered < 2.0 / 3.0 * row.Length - 1e-9)
        {
            return SatisfactionValidity.TooManyBlanks;
        }

        return Enumerable.Range(0, row.Length).Where(i => row[i].HasValue).All(i => weights[i] == 0)
            ? SatisfactionValidity.NoWeightAnswered
            : SatisfactionValidity.Valid;
    }

    /// <summary>Σ ŵ_i · (s_i − 1) / 4 · 100 over the counted items, ŵ renormalised over them; in decimal.</summary>
    private static decimal ReferenceIndex(int?[] row, double[] weights, SatisfactionBlankRule rule)
    {
        var counted = Enumerable.Range(0, row.Length)
            .Where(i => row[i].HasValue || rule == SatisfactionBlankRule.SingleBlankAsNeutral)
            .Select(i => (Weight: (decimal)weights[i], Answer: row[i] ?? 3))
            .ToArray();
        decimal total = counted.Sum(x => x.Weight);
        return counted.Sum(x => x.Weight / total * ((x.Answer - 1) / 4m * 100m));
    }

    [Fact]
    public void Score_AnyCase_AgreesWithReferenceWithinBounds()
    {
        PropertyCheck.ForAll(s_cases, c =>
        {
            SatisfactionResult<string> result = Run(c);
            for (int r = 0; r < c.Rows.Length; r++)
            {
                SatisfactionCustomer<string> customer = result.Customers[r];
                if (customer.Validity != ReferenceValidity(c.Rows[r], c.Weights, c.Options.BlankRule)
                    || customer.BlankCount != c.Rows[r].Count(a => a is null))
                {
                    return false;
                }

                if (!customer.IsValid)
                {
                    if (customer.Index is not null || customer.Satisfied)
                    {
                        return false;
                    }

                    continue;
                }

                double index = customer.Index!.Value;
                if (!(index >= 0 && index <= 100)
                    || Math.Abs((decimal)index - ReferenceIndex(c.Rows[r], c.Weights, c.Options.BlankRule)) > 1e-9m
                    || customer.Satisfied != (index >= c.Options.SatisfiedThreshold))
                {
                    return false;
                }
            }

            return true;
        });
    }

    [Fact]
    public void Score_RaisingOneAnswer_NeverLowersTheIndex()
    {
        Gen<(SurveyCase Survey, int Row, int Item, int Step)> gen =
            from c in s_cases
            from row in Gen.Choose(0, c.Rows.Length - 1)
            from item in Gen.Choose(0, c.Weights.Length - 1)
            from step in Gen.Choose(1, 4)
            select (c, row, item, step);
        PropertyCheck.ForAll(gen, t =>
        {
            int? before = t.Survey.Rows[t.Row][t.Item];
            if (before is null || before == 5)
            {
                return true; // a blank is not raised (filling it can lower the index under the two-thirds rule)
            }

            int?[][] raised = t.Survey.Rows.Select(r => (int?[])r.Clone()).ToArray();
            raised[t.Row][t.Item] = Math.Min(5, before.Value + t.Step);
            SatisfactionCustomer<string> a = Run(t.Survey).Customers[t.Row];
            SatisfactionCustomer<string> b = Run(t.Survey, rows: raised).Customers[t.Row];
            return a.Validity == b.Validity
                && (!a.IsValid || (b.Index >= a.Index && (!a.Satisfied || b.Satisfied)));
        });
    }

    [Fact]
    public void Score_WeightsTimesPowerOfTwo_Identical()
    {
        // Scaling by 2^j is exact in binary, so N and D scale exactly and the index is bit for bit the same.
        Gen<(SurveyCase, int)> gen = from c in s_cases from j in Gen.Choose(-20, 20) select (c, j);
        PropertyCheck.ForAll(gen, t =>
        {
            (SurveyCase c, int j) = t;
            double factor = Math.Pow(2, j);
            SatisfactionResult<string> a = Run(c);
            SatisfactionResult<string> b = Run(c, weights: c.Weights.Select(w => w * factor).ToArray());
            return a.Customers.SequenceEqual(b.Customers) && SameSummary(a.Summary, b.Summary);
        });
    }

    [Fact]
    public void Score_WeightsTimesAnyPositiveFactor_SameWithinRounding()
    {
        // Any other factor changes the binary rounding of the weights: indexes agree to 1e-9 points, the
        // validity exactly, and the satisfied flag wherever the index is not within 1e-9 of the threshold.
        Gen<(SurveyCase, double)> gen = from c in s_cases from f in Gen.Choose(1, 1_000_000) select (c, f / 1000.0);
        PropertyCheck.ForAll(gen, t =>
        {
            (SurveyCase c, double factor) = t;
            SatisfactionResult<string> a = Run(c);
            SatisfactionResult<string> b = Run(c, weights: c.Weights.Select(w => w * factor).ToArray());
            for (int r = 0; r < c.Rows.Length; r++)
            {
                SatisfactionCustomer<string> x = a.Customers[r], y = b.Customers[r];
                if (x.Validity != y.Validity || x.Index.HasValue != y.Index.HasValue)
                {
                    return false;
                }

                if (x.Index is double i && (Math.Abs(i - y.Index!.Value) > 1e-9
                    || (Math.Abs(i - c.Options.SatisfiedThreshold) > 1e-9 && x.Satisfied != y.Satisfied)))
                {
                    return false;
                }
            }

            return true;
        });
    }

    [Fact]
    public void Score_PermutedRespondents_SameResultPerIdAndSameSummary()
    {
        Gen<(SurveyCase, int)> gen = from c in s_cases from seed in Gen.Choose(0, int.MaxValue) select (c, seed);
        PropertyCheck.ForAll(gen, t =>
        {
            (SurveyCase c, int seed) = t;
            string[] ids = c.Ids;
            int[] order = Enumerable.Range(0, c.Rows.Length).ToArray();
            new Random(seed).Shuffle(order);
            SatisfactionResult<string> a = Run(c);
            SatisfactionResult<string> b = SatisfactionScorer.Score(order, i => ids[i], i => c.Rows[i], c.Questionnaire, c.Options);
            Dictionary<string, SatisfactionCustomer<string>> byId = b.Customers.ToDictionary(x => x.Id);
            return a.Customers.All(x => byId[x.Id].Equals(x)) && SameSummary(a.Summary, b.Summary);
        });
    }

    [Fact]
    public void Score_AnyCase_NothingLostAndCountsAddUp()
    {
        PropertyCheck.ForAll(s_cases, c =>
        {
            SatisfactionResult<string> result = Run(c);
            SatisfactionSummary s = result.Summary;
            List<double> valid = result.Customers.Where(x => x.IsValid).Select(x => x.Index!.Value).ToList();
            int satisfied = result.Customers.Count(x => x.Satisfied);
            bool ok = result.Customers.Select(x => x.Id).SequenceEqual(c.Ids)
                && s.RespondentCount == c.Rows.Length
                && s.ValidCount == valid.Count
                && s.ValidCount + s.InvalidCount == c.Rows.Length
                && Enum.GetValues<SatisfactionValidity>().Sum(s.CountOf) == c.Rows.Length
                && s.SatisfiedCount == satisfied
                && s.ValidWithBlanksCount == result.Customers.Count(x => x.IsValid && x.BlankCount > 0)
                && s.Items.All(i => i.AnsweredCount + i.BlankCount == s.ValidCount && i.CountPerAnswer.Sum() == i.AnsweredCount);
            if (!ok)
            {
                return false;
            }

            if (valid.Count == 0)
            {
                return s.CompositeIndex is null && s.SatisfactionRate is null && s.MeetsTarget is null;
            }

            double rate = (double)satisfied / valid.Count;
            return Math.Abs(s.CompositeIndex!.Value - valid.Average()) <= 1e-9
                && s.SatisfactionRate == rate
                && s.MeetsTarget == (rate >= c.Options.TargetRate)
                && s.TargetGap == rate - c.Options.TargetRate;
        });
    }

    [Fact]
    public void Score_SpanKernel_SameAsKeyed()
    {
        PropertyCheck.ForAll(s_cases, c =>
        {
            SatisfactionResult<string> keyed = Run(c);
            var scores = new SatisfactionScore[c.Rows.Length];
            SatisfactionSummary summary = SatisfactionScorer.Score(c.Rows.SelectMany(r => r).ToArray(), c.Questionnaire, scores, c.Options);
            for (int r = 0; r < scores.Length; r++)
            {
                SatisfactionCustomer<string> k = keyed.Customers[r];
                if (scores[r].Validity != k.Validity || scores[r].Index != k.Index || scores[r].Satisfied != k.Satisfied || scores[r].BlankCount != k.BlankCount)
                {
                    return false;
                }
            }

            return SameSummary(summary, keyed.Summary);
        });
    }

    private static bool SameSummary(SatisfactionSummary a, SatisfactionSummary b) =>
        a.RespondentCount == b.RespondentCount
        && a.ValidCount == b.ValidCount
        && Enum.GetValues<SatisfactionValidity>().All(v => a.CountOf(v) == b.CountOf(v))
        && a.ValidWithBlanksCount == b.ValidWithBlanksCount
        && a.SatisfiedCount == b.SatisfiedCount
        && Nullable.Equals(a.CompositeIndex, b.CompositeIndex)
        && Nullable.Equals(a.SatisfactionRate, b.SatisfactionRate)
        && Nullable.Equals(a.TargetGap, b.TargetGap)
        && a.MeetsTarget == b.MeetsTarget
        && a.Items.Count == b.Items.Count
        && a.Items.Zip(b.Items, (x, y) =>
            x.Name == y.Name
            && x.CountPerAnswer.SequenceEqual(y.CountPerAnswer)
            && x.BlankCount == y.BlankCount
            && Nullable.Equals(x.MeanAnswer, y.MeanAnswer)
            && Nullable.Equals(x.Index, y.Index)
            && Nullable.Equals(x.SatisfiedShare, y.SatisfiedShare)).All(same => same);
}
