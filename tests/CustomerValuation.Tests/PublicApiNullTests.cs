using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using CustomerValuation.Abc;
using CustomerValuation.Churn;
using CustomerValuation.Contribution;
using CustomerValuation.Lifetime;
using CustomerValuation.Rfm;
using CustomerValuation.Tiering;
using CustomerValuation.Warehouse;
using Xunit;

namespace CustomerValuation.Tests;

/// <summary>
/// STYLE 19: walks every public method and constructor of the library and checks that passing null
/// for a non-nullable reference parameter throws <see cref="ArgumentNullException"/> naming it.
/// </summary>
public class PublicApiNullTests
{
    private static readonly NullabilityInfoContext s_nullability = new();

    private static RfmTransactionOptions SampleTransactionOptions { get; } = new(new DateTime(2026, 1, 31));

    private static RfmSqlSource SampleSqlSource { get; } = RfmSqlSource.WithAmount("tx", "customer_id", "day", "amount", "order_no");

    private static Scorecard SampleScorecard { get; } = new([new Criterion("x", CriterionDirection.HigherIsBetter, CriterionNormalization.MinMax)]);

    private static SatisfactionQuestionnaire SampleQuestionnaire { get; } = new(new[] { new SatisfactionItem("Quality", 1) });

    private static ReasonTaxonomy SampleTaxonomy { get; } = new([new ReasonDefinition("p", "P", "P")]);

    private static SignalSchema SampleSchema { get; } = new([SignalField.Number("x")]);

    private static SignalCondition SampleCondition { get; } = new("x", SignalComparison.GreaterThan, 1.0);

    private static SignalRuleSet SampleRuleSet { get; } = new(SampleSchema, SampleTaxonomy, [new SignalRule("r", SampleCondition, "p")]);

    private static ReasonTag SampleTag { get; } = new("p", [new ReasonEvidence(ReasonSource.Rule, "r", "x 2 > 1", -1, 0, 1)]);

    public static IEnumerable<object[]> Members()
    {
        foreach (Type exported in typeof(AbcClassifier).Assembly.GetExportedTypes())
        {
            Type type = exported.IsGenericTypeDefinition ? exported.MakeGenericType(exported.GetGenericArguments().Select(_ => typeof(string)).ToArray()) : exported;
            foreach (MethodBase member in type.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(m => !m.IsSpecialName)
                .Cast<MethodBase>()
                .Concat(type.GetConstructors()))
            {
                ParameterInfo[] parameters = member.GetParameters();
                if (parameters.Any(p => p.ParameterType.IsByRefLike || p.ParameterType.IsByRef))
                {
                    continue; // span kernels cannot receive null
                }

                for (int i = 0; i < parameters.Length; i++)
                {
                    ParameterInfo p = parameters[i];
                    ParameterInfo declared = exported.IsGenericTypeDefinition && member is ConstructorInfo
                        ? exported.GetConstructors().Single(c => c.GetParameters().Length == parameters.Length).GetParameters()[i]
                        : p;
                    if (!p.ParameterType.IsValueType && !declared.ParameterType.IsGenericParameter
                        && s_nullability.Create(declared).WriteState == NullabilityState.NotNull)
                    {
                        yield return new object[] { type.Name + "." + member.Name + "(" + string.Join(", ", parameters.Select(x => x.ParameterType.Name)) + ")#" + p.Name, member, i };
                    }
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Members))]
    public void PublicMember_NullArgument_ThrowsArgumentNullNamingIt(string name, MethodBase member, int nullIndex)
    {
        _ = name;
        MethodBase callable = member is MethodInfo { IsGenericMethodDefinition: true } generic
            ? generic.MakeGenericMethod(generic.GetGenericArguments().Select(_ => typeof(string)).ToArray())
            : member;
        ParameterInfo[] parameters = callable.GetParameters();
        object?[] args = parameters.Select((p, i) => i == nullIndex ? null : Sample(p.ParameterType)).ToArray();
        object? target = member.IsStatic || member is ConstructorInfo ? null : SampleInstance(member.DeclaringType!);

        Exception? thrown = null;
        try
        {
            if (callable is ConstructorInfo ctor)
            {
                ctor.Invoke(args);
            }
            else
            {
                callable.Invoke(target, args);
            }
        }
        catch (TargetInvocationException e)
        {
            thrown = e.InnerException;
        }

        var argumentNull = Assert.IsType<ArgumentNullException>(thrown);
        Assert.Equal(parameters[nullIndex].Name, argumentNull.ParamName);
    }

    [Fact]
    public void Members_AreFound()
    {
        // Guards the walk itself: the keyed Analyze overloads and the options constructor are covered.
        string[] names = Members().Select(m => (string)m[0]).ToArray();
        Assert.Contains(names, n => n.StartsWith("AbcClassifier.Analyze(IEnumerable`1", StringComparison.Ordinal) && n.EndsWith("#valueSelector", StringComparison.Ordinal));
        Assert.Contains(names, n => n.StartsWith("AbcOptions..ctor", StringComparison.Ordinal) && n.EndsWith("#breakpoints", StringComparison.Ordinal));
    }

    private static object? SampleInstance(Type type) =>
        type == typeof(AbcOptions) ? AbcOptions.Default
        : type == typeof(AbcAnalysis) ? AbcClassifier.Analyze(new double[] { 1, 2, 3 })
        : type == typeof(RfmScoringOptions) ? RfmScoringOptions.Default
        : type == typeof(RfmSegmentTable) ? RfmSegmentTable.Standard
        : type == typeof(RfmFeatureAccumulator<string>) ? new RfmFeatureAccumulator<string>(SampleTransactionOptions)
        : type == typeof(RfmPartial<string>) ? RfmPartial.Empty<string>(SampleTransactionOptions)
        : type == typeof(RfmScoreCuts<string>) ? RfmPartial.ScoreCuts((RfmFeatureSet<string>)Sample(typeof(RfmFeatureSet<string>))!)
        : type == typeof(AbcPartial<string>) ? AbcPartial.Empty<string>()
        : type == typeof(AbcThresholds<string>) ? AbcPartial.Thresholds(AbcPartial.FromRecords(new[] { "K1" }, s => s, _ => 1m).Analyze())
        : type == typeof(Scorecard) ? SampleScorecard
        : type == typeof(Criterion) ? SampleScorecard.Criteria[0]
        : type == typeof(TierHysteresis) ? new TierHysteresis(new[] { "A", "B" }, new[] { 5.0 })
        : type == typeof(ContributionPartial<string>) ? ContributionPartial.Empty<string>()
        : type == typeof(ContributionTotals<string>) ? ContributionPartial.FromRows(new[] { "K" }, s => s, _ => 1, _ => 0, _ => (double?)1).ToTotals()
        : type == typeof(ContributionResult<string, string>) ? ContributionAnalyzer.Analyze(new[] { "P" }, _ => "K", s => s, _ => 1, _ => 0, _ => (double?)1, InventoryBasis.SellingPrice)
        : type == typeof(ReasonTaxonomy) ? SampleTaxonomy
        : type == typeof(SignalSchema) ? SampleSchema
        : type == typeof(SignalRecord) ? new SignalRecord(SampleSchema)
        : type == typeof(SignalRuleSet) ? SampleRuleSet
        : type == typeof(ReasonLexicon) ? ReasonLexicon.Default
        : type == typeof(TextReasonTagger) ? TextReasonTagger.Default
        : type == typeof(RfmSqlSource) ? SampleSqlSource
        : type == typeof(SqlStatement) ? RfmSql.Features(SampleSqlSource, SampleTransactionOptions, SqlDialect.PostgreSql)
        : throw new InvalidOperationException("No sample instance for " + type.Name + "; add one.");

    private static object? Sample(Type type)
    {
        if (type == typeof(string))
        {
            return "X";
        }

        if (type == typeof(double[]) || type == typeof(IEnumerable<double>) || type == typeof(IReadOnlyList<double>))
        {
            return new[] { 0.5 };
        }

        if (type == typeof(string[]) || type == typeof(IEnumerable<string>))
        {
            return new[] { "P", "Q" };
        }

        if (type == typeof(IReadOnlyList<string>))
        {
            return new[] { "K1" };
        }

        if (type == typeof(IEnumerable<AbcThreshold<string>?>))
        {
            return new AbcThreshold<string>?[] { null, null };
        }

        if (type == typeof(AbcOptions))
        {
            return AbcOptions.Default;
        }

        if (type == typeof(Func<string, string>))
        {
            return (Func<string, string>)(s => s);
        }

        if (type == typeof(Func<string, double>))
        {
            return (Func<string, double>)(_ => 1.0);
        }

        if (type == typeof(Func<string, decimal>))
        {
            return (Func<string, decimal>)(_ => 1m);
        }

        if (type == typeof(IComparer<string>))
        {
            return StringComparer.Ordinal;
        }

        if (type == typeof(IEqualityComparer<string>))
        {
            return StringComparer.Ordinal;
        }

        if (type == typeof(Func<string, DateTime>))
        {
            return (Func<string, DateTime>)(_ => new DateTime(2026, 1, 1));
        }

        if (type == typeof(RfmScoringOptions))
        {
            return RfmScoringOptions.Default;
        }

        if (type == typeof(RfmDimensionScoring))
        {
            return RfmDimensionScoring.Rank;
        }

        if (type == typeof(RfmSegmentTable))
        {
            return RfmSegmentTable.Compact;
        }

        if (type == typeof(RfmTransactionOptions))
        {
            return SampleTransactionOptions;
        }

        if (type == typeof(RfmSqlSource))
        {
            return SampleSqlSource;
        }

        if (type == typeof(RfmFeatureSet<string>))
        {
            return RfmFeatures.Aggregate(new[] { "K1" }, s => s, _ => new DateTime(2026, 1, 1), _ => 1m, s => s, SampleTransactionOptions);
        }

        if (type == typeof(IEnumerable<RfmSegmentRule>))
        {
            return new[] { new RfmSegmentRule("All", 1, 5, 1, 5, 1, 5) };
        }

        if (type == typeof(IEnumerable<double>) || type == typeof(double[]))
        {
            return new[] { 0.5 };
        }

        if (type == typeof(CriterionNormalization))
        {
            return CriterionNormalization.MinMax;
        }

        if (type == typeof(Scorecard))
        {
            return SampleScorecard;
        }

        if (type == typeof(IEnumerable<Criterion>))
        {
            return SampleScorecard.Criteria;
        }

        if (type == typeof(IEnumerable<ScoreBand>))
        {
            return new[] { new ScoreBand(0, 1) };
        }

        if (type == typeof(AhpResult))
        {
            return Ahp.Analyze(new double[,] { { 1 } });
        }

        if (type == typeof(TierRule))
        {
            return TierRule.AtLeast(new TierBound("A", 0));
        }

        if (type == typeof(TierBound[]))
        {
            return new[] { new TierBound("A", 1) };
        }

        if (type == typeof(string[,]))
        {
            return new string[,] { { "A" } };
        }

        if (type == typeof(double[,]))
        {
            return new double[,] { { 1 } };
        }

        if (type == typeof(Func<string, IReadOnlyList<double?>>))
        {
            return (Func<string, IReadOnlyList<double?>>)(_ => new double?[] { 1.0 });
        }

        if (type == typeof(IEnumerable<KeyValuePair<string, string>>))
        {
            return new Dictionary<string, string> { ["K1"] = "P" };
        }

        if (type == typeof(TierHysteresisOptions))
        {
            return TierHysteresisOptions.Default;
        }

        if (type == typeof(ProvisionalGradeOptions))
        {
            return ProvisionalGradeOptions.Default;
        }

        if (type == typeof(TierMigrationResult<string>))
        {
            return TierMigration.Compare(new[] { "P" }, new Dictionary<string, string> { ["K1"] = "P" }, new Dictionary<string, string>());
        }

        if (type == typeof(IEnumerable<ProvisionalGrade<string>>))
        {
            return new[] { new ProvisionalGrade<string>("K1", "P", new DateTime(2026, 1, 1), new DateTime(2026, 7, 1)) };
        }

        if (type == typeof(SatisfactionQuestionnaire))
        {
            return SampleQuestionnaire;
        }

        if (type == typeof(SatisfactionOptions))
        {
            return SatisfactionOptions.Default;
        }

        if (type == typeof(IEnumerable<SatisfactionItem>))
        {
            return new[] { new SatisfactionItem("Quality", 1) };
        }

        if (type == typeof(Func<string, IReadOnlyList<int?>>))
        {
            return (Func<string, IReadOnlyList<int?>>)(_ => new int?[] { 5 });
        }

        if (type == typeof(Func<string, double?>))
        {
            return (Func<string, double?>)(_ => 1.0);
        }

        if (type == typeof(Func<string, IReadOnlyList<double>?>) || type == typeof(Func<string, IReadOnlyList<double>>))
        {
            return (Func<string, IReadOnlyList<double>?>)(_ => new[] { 1.0 });
        }

        if (type == typeof(IReadOnlyDictionary<string, double>))
        {
            return new Dictionary<string, double> { ["P"] = 0.5 };
        }

        if (type == typeof(Func<string, IEnumerable<DateTime>>))
        {
            return (Func<string, IEnumerable<DateTime>>)(_ => new[] { new DateTime(2026, 1, 1) });
        }

        if (type == typeof(LifecycleOptions))
        {
            return LifecycleOptions.Default;
        }

        if (type == typeof(LapseRule))
        {
            return LapseRule.Default;
        }

        if (type == typeof(LifecycleResult<string>))
        {
            return LifecycleClassifier.Classify(new[] { "a" }, s => s, _ => new[] { new DateTime(2026, 1, 1) }, new DateTime(2026, 1, 31));
        }

        if (type == typeof(ReasonTaxonomy))
        {
            return SampleTaxonomy;
        }

        if (type == typeof(IEnumerable<ReasonDefinition>))
        {
            return SampleTaxonomy.ToArray();
        }

        if (type == typeof(IEnumerable<ReasonEvidence>))
        {
            return SampleTag.Evidence.ToArray();
        }

        if (type == typeof(IEnumerable<ReasonTag>))
        {
            return new[] { SampleTag };
        }

        if (type == typeof(IEnumerable<CustomerReasons<string>>))
        {
            return new[] { new CustomerReasons<string>("K1", [SampleTag]) };
        }

        if (type == typeof(SignalSchema))
        {
            return SampleSchema;
        }

        if (type == typeof(IEnumerable<SignalField>))
        {
            return SampleSchema.ToArray();
        }

        if (type == typeof(SignalValue))
        {
            return SignalValue.Number(1);
        }

        if (type == typeof(SignalCondition))
        {
            return SampleCondition;
        }

        if (type == typeof(IEnumerable<SignalCondition>))
        {
            return new[] { SampleCondition };
        }

        if (type == typeof(IEnumerable<SignalRule>))
        {
            return SampleRuleSet.Rules.ToArray();
        }

        if (type == typeof(SignalRecord))
        {
            return new SignalRecord(SampleSchema);
        }

        if (type == typeof(Action<string, SignalRecord>))
        {
            return (Action<string, SignalRecord>)((_, _) => { });
        }

        if (type == typeof(LifetimeSummaryOptions))
        {
            return new LifetimeSummaryOptions(new DateTime(2026, 1, 31));
        }

        if (type == typeof(LifetimeSummarySet<string>))
        {
            return LifetimeSummaries.Summarize(new[] { "K1" }, s => s, _ => new DateTime(2026, 1, 1), _ => 1m, new LifetimeSummaryOptions(new DateTime(2026, 1, 31)));
        }

        if (type == typeof(IRepeatPurchaseModel))
        {
            return new BgNbdModel(0.243, 4.414, 0.793, 2.426, LifetimeTimeUnit.Weeks);
        }

        if (type == typeof(GammaGammaModel))
        {
            return new GammaGammaModel(6.25, 3.74, 15.44);
        }

        if (type == typeof(LifetimeFitOptions))
        {
            return LifetimeFitOptions.Default;
        }

        if (type == typeof(LifetimeValueOptions))
        {
            return new LifetimeValueOptions(52, 0.1);
        }

        if (type.IsValueType)
        {
            return Nullable.GetUnderlyingType(type) is null ? Activator.CreateInstance(type) : null;
        }

        if (type == typeof(DateTime[]))
        {
            return new[] { new DateTime(2026, 1, 1) };
        }

        if (type == typeof(decimal[]))
        {
            return new[] { 1m };
        }

        if (type == typeof(ReasonLexicon))
        {
            return ReasonLexicon.Default;
        }

        if (type == typeof(IEnumerable<ReasonPhrase>))
        {
            return new[] { ReasonPhrase.Of("x") };
        }

        throw new InvalidOperationException("No sample value for " + type.Name + "; add one to PublicApiNullTests.Sample.");
    }
}
