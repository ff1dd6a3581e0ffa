using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using CustomerValuation.Abc;
using CustomerValuation.Rfm;
using CustomerValuation.Warehouse;

namespace CustomerValuation.Tests.Warehouse;

/// <summary>
/// The statements pinned as golden texts (GoldenSqlTests) and the wider set parsed by Microsoft's
/// T-SQL parser (TSqlScriptDomTests). Every option is written out here, literally: no library
/// default or preset is used, so that a changed default shows up as a changed golden text only
/// where the generator changed.
/// </summary>
internal static class GoldenSqlCases
{
    /// <summary>The dialects and the file suffix of each.</summary>
    public static readonly (SqlDialect Dialect, string Suffix)[] Dialects =
    [
        (SqlDialect.PostgreSql, "postgres"),
        (SqlDialect.SparkSql, "spark"),
        (SqlDialect.TSql, "tsql"),
    ];

    /// <summary>Online Retail's layout: quantity × unit price, invoice numbers with a cancellation prefix, a stock code as line key.</summary>
    public static RfmSqlSource QuantityPriceSource { get; } =
        RfmSqlSource.WithQuantityAndPrice("sales.transactions", "customer_id", "invoice_date", "quantity", "unit_price", "invoice_no").WithLineKey("stock_code");

    /// <summary>A table with an amount column.</summary>
    public static RfmSqlSource AmountSource { get; } =
        RfmSqlSource.WithAmount("sales.transactions", "customer_id", "invoice_date", "amount", "invoice_no");

    /// <summary>Online Retail's policies with duplicates removed by the line key.</summary>
    public static RfmTransactionOptions CancelledPrefixOptions { get; } = new(
        new DateTime(2011, 12, 10),
        RfmFrequencyBasis.DistinctOrders,
        RfmMonetaryBasis.Sum,
        RfmNonPositivePolicy.Exclude,
        RfmFutureLinePolicy.Exclude,
        cancelledOrderPrefix: "C",
        RfmDuplicatePolicy.Remove);

    /// <summary>Netting, distinct days, mean per purchase, future lines rejected (counted in the report).</summary>
    public static RfmTransactionOptions NettingOptions { get; } = new(
        new DateTime(2011, 12, 10),
        RfmFrequencyBasis.DistinctDays,
        RfmMonetaryBasis.MeanPerPurchase,
        RfmNonPositivePolicy.Net,
        RfmFutureLinePolicy.Reject,
        cancelledOrderPrefix: "C",
        RfmDuplicatePolicy.Remove);

    /// <summary>Netting without a prefix and without duplicate removal, orders counted, mean per purchase.</summary>
    public static RfmTransactionOptions PlainNettingOptions { get; } = new(
        new DateTime(2011, 12, 10),
        RfmFrequencyBasis.DistinctOrders,
        RfmMonetaryBasis.MeanPerPurchase,
        RfmNonPositivePolicy.Net,
        RfmFutureLinePolicy.Exclude,
        cancelledOrderPrefix: null,
        RfmDuplicatePolicy.Keep);

    /// <summary>
    /// The ten rules of the standard segment table as of this commit, written out (not
    /// <see cref="RfmSegmentTable.Standard"/>, which may change); one name has a quote, for the escapes of a view.
    /// </summary>
    public static RfmSegmentTable Segments { get; } = new(
        [
            new RfmSegmentRule("Champions", 4, 5, 4, 5, 4, 5),
            new RfmSegmentRule("Loyal", 2, 5, 3, 5, 3, 5),
            new RfmSegmentRule("Can't lose them", 1, 1, 4, 5, 4, 5),
            new RfmSegmentRule("At risk", 1, 2, 2, 5, 2, 5),
            new RfmSegmentRule("New", 4, 5, 1, 1, 1, 1),
            new RfmSegmentRule("Promising", 3, 4, 1, 1, 1, 1),
            new RfmSegmentRule("Need attention", 2, 3, 2, 3, 2, 3),
            new RfmSegmentRule("Potential loyalist", 3, 5, 1, 3, 1, 3),
            new RfmSegmentRule("About to sleep", 2, 3, 1, 2, 1, 2),
            new RfmSegmentRule("Lost", 1, 2, 1, 2, 1, 2),
        ],
        "Others",
        scoreCount: 5);

    /// <summary>Quintiles by rank (NTILE) on all three dimensions, weights 1.</summary>
    public static RfmScoringOptions RankScoring { get; } = new(
        scoreCount: 5,
        recency: RfmDimensionScoring.RankWith(RfmRankBinning.Ntile),
        frequency: RfmDimensionScoring.RankWith(RfmRankBinning.Ntile),
        monetary: RfmDimensionScoring.RankWith(RfmRankBinning.Ntile),
        recencyWeight: 1,
        frequencyWeight: 1,
        monetaryWeight: 1);

    /// <summary>Four scores: R by value breakpoints (type 7), F by fixed thresholds 1, 2, 4, M by the qcut of the rank.</summary>
    public static RfmScoringOptions MixedScoring { get; } = new(
        scoreCount: 4,
        recency: RfmDimensionScoring.ValueBreakpoints,
        frequency: RfmDimensionScoring.Fixed(1, 2, 4),
        monetary: RfmDimensionScoring.RankWith(RfmRankBinning.QcutOfRank),
        recencyWeight: 1,
        frequencyWeight: 1,
        monetaryWeight: 1);

    /// <summary>ABC by value share, breakpoints 80 % and 95 %, the crossing customer joins the upper class.</summary>
    public static AbcOptions AbcValueUpper { get; } =
        new([0.8, 0.95], AbcBasis.ValueShare, AbcBoundaryRule.JoinUpperClass, ["A", "B", "C"], "N");

    /// <summary>ABC by count share, breakpoints 20 % and 50 %, the crossing customer joins the lower class; a label with a quote.</summary>
    public static AbcOptions AbcCountLower { get; } =
        new([0.2, 0.5], AbcBasis.CountShare, AbcBoundaryRule.JoinLowerClass, ["Top", "Middle", "Tail"], "Don't count");

    /// <summary>The pinned cases: a name, what is generated (for the header), the statement, and a view name when the case is the view.</summary>
    public static IReadOnlyList<GoldenCase> Golden { get; } =
    [
        new("rfm-features", "RfmSql.Features", d => RfmSql.Features(QuantityPriceSource, CancelledPrefixOptions, d)),
        new("rfm-line-report", "RfmSql.LineReport", d => RfmSql.LineReport(QuantityPriceSource, NettingOptions, d)),
        new("rfm-scores-rank-segments", "RfmSql.Scores", d => RfmSql.Scores(QuantityPriceSource, CancelledPrefixOptions, RankScoring, Segments, d)),
        new("rfm-scores-value-fixed-qcut", "RfmSql.Scores", d => RfmSql.Scores(AmountSource, PlainNettingOptions, MixedScoring, null, d)),
        new("abc-classes-value-upper", "AbcSql.Classes", d => AbcSql.Classes("sales.customer_totals", "customer_id", "annual_sales", AbcValueUpper, d)),
        new("abc-classes-count-lower", "AbcSql.Classes", d => AbcSql.Classes("sales.transactions", "customer_id", "amount", AbcCountLower, d)),
        new("contribution-rows", "ContributionSql.Rows", d => ContributionSql.Rows("erp.sales_mix", "customer", "product", "sales", "cost", "inventory", d)),
        new("rfm-scores-rank-segments-view", "RfmSql.Scores", d => RfmSql.Scores(QuantityPriceSource, CancelledPrefixOptions, RankScoring, Segments, d), "analytics.rfm_scores"),
        new("abc-classes-count-lower-view", "AbcSql.Classes", d => AbcSql.Classes("sales.transactions", "customer_id", "amount", AbcCountLower, d), "analytics.abc_classes"),
    ];

    /// <summary>
    /// Every statement shape the generators write, for a parser: the golden cases, Features and
    /// LineReport under every combination of source and policies, Scores with each scoring method
    /// for 2, 5 and 10 scores with and without segments, ABC with both bases and both boundary rules
    /// for two and three breakpoints, and the contribution rows.
    /// </summary>
    public static IEnumerable<(string Name, SqlStatement Statement)> AllStatements(SqlDialect dialect)
    {
        foreach (GoldenCase c in Golden.Where(c => c.ViewName is null))
        {
            yield return (c.Name, c.Create(dialect));
        }

        var sources = new (string Name, RfmSqlSource Source)[] { ("quantity-price", QuantityPriceSource), ("amount", AmountSource) };
        foreach ((string sourceName, RfmSqlSource source) in sources)
        {
            foreach (RfmFrequencyBasis frequency in new[] { RfmFrequencyBasis.DistinctOrders, RfmFrequencyBasis.DistinctDays })
            {
                foreach (RfmMonetaryBasis monetary in new[] { RfmMonetaryBasis.Sum, RfmMonetaryBasis.MeanPerPurchase })
                {
                    foreach (RfmNonPositivePolicy nonPositive in new[] { RfmNonPositivePolicy.Exclude, RfmNonPositivePolicy.Net })
                    {
                        foreach (string? prefix in new[] { null, "C" })
                        {
                            foreach (RfmDuplicatePolicy duplicates in new[] { RfmDuplicatePolicy.Keep, RfmDuplicatePolicy.Remove })
                            {
                                var options = new RfmTransactionOptions(new DateTime(2011, 12, 10), frequency, monetary, nonPositive, RfmFutureLinePolicy.Exclude, prefix, duplicates);
                                string name = string.Join(", ", sourceName, frequency, monetary, nonPositive, prefix ?? "no prefix", duplicates);
                                yield return ("Features " + name, RfmSql.Features(source, options, dialect));
                                yield return ("LineReport " + name, RfmSql.LineReport(source, options, dialect));
                            }
                        }
                    }
                }
            }
        }

        foreach (int n in new[] { 2, 5, 10 })
        {
            var methods = new (string Name, RfmDimensionScoring Scoring)[]
            {
                ("rank NTILE", RfmDimensionScoring.RankWith(RfmRankBinning.Ntile)),
                ("rank qcut", RfmDimensionScoring.RankWith(RfmRankBinning.QcutOfRank)),
                ("value breakpoints", RfmDimensionScoring.ValueBreakpoints),
                ("fixed", RfmDimensionScoring.Fixed(Enumerable.Range(1, n - 1).Select(j => (double)j * 10))),
            };
            foreach ((string methodName, RfmDimensionScoring scoring) in methods)
            {
                var options = new RfmScoringOptions(n, scoring, scoring, scoring, 1, 1, 1);
                RfmSegmentTable segments = n == 5
                    ? Segments
                    : new RfmSegmentTable([new RfmSegmentRule("Best", n, n, n, n, n, n), new RfmSegmentRule("O'Neil's", 1, n, 1, 1, 1, n)], "Rest", n);
                string name = n.ToString(CultureInfo.InvariantCulture) + " scores, " + methodName;
                yield return ("Scores " + name, RfmSql.Scores(QuantityPriceSource, CancelledPrefixOptions, options, null, dialect));
                yield return ("Scores " + name + ", segments", RfmSql.Scores(AmountSource, PlainNettingOptions, options, segments, dialect));
            }
        }

        foreach (AbcBasis basis in new[] { AbcBasis.ValueShare, AbcBasis.CountShare })
        {
            foreach (AbcBoundaryRule rule in new[] { AbcBoundaryRule.JoinUpperClass, AbcBoundaryRule.JoinLowerClass })
            {
                var two = new AbcOptions([0.8, 0.95], basis, rule, ["A", "B", "C"], "N");
                var three = new AbcOptions([0.2, 0.5, 0.9], basis, rule, ["A", "B", "C", "D"], "Don't count");
                yield return ($"Classes {basis}, {rule}, two breakpoints", AbcSql.Classes("sales.transactions", "customer_id", "amount", two, dialect));
                yield return ($"Classes {basis}, {rule}, three breakpoints", AbcSql.Classes("warehouse.sales.customer_totals", "customer_id", "annual_sales", three, dialect));
            }
        }

        yield return ("Rows", ContributionSql.Rows("erp.sales_mix", "customer", "product", "sales", "cost", "inventory", dialect));
    }

    /// <summary>A golden file's full text: a header naming the case and the parameters to bind, then the statement (or the view).</summary>
    public static string Render(GoldenCase c, SqlDialect dialect)
    {
        SqlStatement statement = c.Create(dialect);
        var sb = new StringBuilder();
        sb.Append("-- ").Append(c.Name).Append(" (").Append(dialect).Append("): ").Append(c.Generator);
        if (c.ViewName is not null)
        {
            sb.Append(".ToViewDefinition(\"").Append(c.ViewName).Append("\")\n");
            sb.Append("-- a view: no parameters; the values below are literals written by the generator\n");
            sb.Append(statement.ToViewDefinition(c.ViewName)).Append('\n');
            return sb.ToString();
        }

        sb.Append('\n');
        string marker = dialect == SqlDialect.SparkSql ? ":" : "@";
        sb.Append("-- bind: ");
        sb.Append(statement.Parameters.Count == 0
            ? "(none)"
            : string.Join("; ", statement.Parameters.Select(p => marker + p + " (" + TypeName(p.Value) + ")")));
        sb.Append('\n').Append(statement.Text).Append('\n');
        return sb.ToString();
    }

    private static string TypeName(object value) => value switch
    {
        DateTime => "date",
        int => "int",
        double => "double",
        string => "text",
        _ => value.GetType().Name,
    };
}

/// <summary>One golden case: the file name's stem, the generator (for the header), the statement per dialect, and the view's name when the file holds the view.</summary>
internal sealed record GoldenCase(string Name, string Generator, Func<SqlDialect, SqlStatement> Create, string? ViewName = null)
{
    public override string ToString() => Name;
}
