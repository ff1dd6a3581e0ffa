using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using CustomerValuation.Abc;
using CustomerValuation.Churn;
using CustomerValuation.Contribution;
using CustomerValuation.Lifetime;
using CustomerValuation.Rfm;
using CustomerValuation.Tiering;

namespace CustomerValuation.Cli;

/// <summary>The <c>demo</c> command: every capability on the built-in data, with a readable summary and files.</summary>
internal static class DemoCommand
{
    public static void Run(string outputDirectory, TextWriter console)
    {
        IReadOnlyList<DemoCustomer> customers = DemoData.Customers();
        string folder = Path.GetFullPath(outputDirectory);
        Directory.CreateDirectory(folder);
        CultureInfo c = CultureInfo.InvariantCulture;

        console.WriteLine("CustomerValuation demo");
        console.WriteLine($"Built-in data: {customers.Count:N0} synthetic customers (seed {DemoData.DefaultSeed}), annual value with a heavy tail,");
        console.WriteLine($"round-amount ties, {customers.Count(x => x.AnnualValue == 0):N0} zeros and {customers.Count(x => x.AnnualValue < 0):N0} negative values.");
        console.WriteLine();

        // 1. ABC by value share (SPEC W1).
        AbcAnalysis<string> byValue = AbcClassifier.Analyze(customers, x => x.Id, x => x.AnnualValue, AbcOptions.Default);
        console.WriteLine("1. ABC classification by value share (A to 80 %, B to 95 %, C the rest; SPEC W1)");
        console.Write(SummaryTable.Format(byValue.Summary));
        IReadOnlyList<ParetoPoint> curve = byValue.ParetoCurve();
        int top20 = (int)Math.Ceiling(0.2 * byValue.Summary.PositiveCount);
        console.WriteLine(string.Format(c, "Concentration: the top 20 % of customers ({0:N0}) bring {1:P1} of the value.", top20, curve[top20].CumulativeValueShare));
        console.WriteLine();

        // 2. ABC by count share (SPEC W2).
        AbcAnalysis<string> byCount = AbcClassifier.Analyze(customers, x => x.Id, x => x.AnnualValue, AbcOptions.ByCountShare(0.10, 0.30));
        console.WriteLine("2. ABC classification by count share (A the top 10 %, B the next 20 %, C the rest; SPEC W2)");
        console.Write(SummaryTable.Format(byCount.Summary));
        console.WriteLine();

        // 3. Computed ABC (Ultsch & Lötsch 2015).
        double[] valuesById = customers.OrderBy(x => x.Id, StringComparer.Ordinal).Select(x => x.AnnualValue).ToArray();
        ComputedAbcResult computed = ComputedAbc.Compute(valuesById);
        AbcAnalysis<string> byComputed = AbcClassifier.Analyze(customers, x => x.Id, x => x.AnnualValue, computed.Options);
        console.WriteLine(string.Format(
            c,
            "3. Computed ABC: breakpoints from the data, {0:P1} and {1:P1} of value (Pareto point rank {2}, break-even rank {3}, submarginal rank {4})",
            computed.Options.Breakpoints[0],
            computed.Options.Breakpoints[1],
            computed.ParetoPoint.Rank,
            computed.BreakEvenPoint.Rank,
            computed.SubmarginalPoint.Rank));
        console.Write(SummaryTable.Format(byComputed.Summary));
        console.WriteLine();

        AbcCommand.WriteCustomers(Path.Combine(folder, "abc_by_value.csv"), byValue.Customers);
        AbcCommand.WriteCustomers(Path.Combine(folder, "abc_by_count.csv"), byCount.Customers);
        AbcCommand.WriteCustomers(Path.Combine(folder, "abc_computed.csv"), byComputed.Customers);
        WriteClasses(Path.Combine(folder, "abc_classes.csv"), ("value", byValue.Summary), ("count", byCount.Summary), ("computed", byComputed.Summary));
        AtomicFile.Write(Path.Combine(folder, "pareto_curve.csv"), w =>
        {
            w.WriteLine("rank,customer_share,cumulative_value_share");
            foreach (ParetoPoint p in byValue.ParetoCurve(maxPoints: 101))
            {
                w.WriteLine($"{p.Rank.ToString(c)},{Csv.Number(p.CustomerShare)},{Csv.Number(p.CumulativeValueShare)}");
            }
        });
        AtomicFile.Write(Path.Combine(folder, "customers.csv"), w =>
        {
            w.WriteLine("customer_id,annual_value");
            foreach (DemoCustomer x in customers)
            {
                w.WriteLine($"{x.Id},{Csv.Number(x.AnnualValue)}");
            }
        });

        RfmResult<string> rfm = RunRfm(folder, console);
        RunTiering(customers, folder, console);
        RunContribution(folder, console);
        ReasonParetoReport reasons = RunLost(folder, console);
        IReadOnlyList<LifetimePrediction<string>> clv = RunClv(folder, console);
        // The report's class transitions: ABC by value share of the lines up to six months before the as-of date, against now.
        DateTime previousAsOf = DemoTransactions.AsOf.AddMonths(-6);
        RfmFeatureSet<string> earlierFeatures = RfmFeatures.Aggregate(
            DemoTransactions.Lines(), l => l.CustomerId, l => l.Timestamp, l => l.Quantity, l => l.UnitPrice, l => l.OrderId, new RfmTransactionOptions(previousAsOf, cancelledOrderPrefix: "C"));
        AbcAnalysis<string> abcNow = ReportCommand.Abc(rfm);
        TierTransition transition = TierTransition.Of(previousAsOf, ReportCommand.Abc(RfmScorer.Score(earlierFeatures, RfmScoringOptions.Default)), abcNow);
        ReportCommand.Write(
            Path.Combine(folder, "report.html"),
            new ReportData("built-in demo transaction lines (section 4), lost customers (section 7), CLV (section 8)", DemoTransactions.AsOf, abcNow, rfm, reasons, clv.Select(p => p.LifetimeValue).ToArray(), transition));

        console.WriteLine($"Results written to {folder}:");
        foreach (string file in new[] { "customers.csv", "abc_by_value.csv", "abc_by_count.csv", "abc_computed.csv", "abc_classes.csv", "pareto_curve.csv", "transactions.csv", "rfm_customers.csv", "rfm_segments.csv", "tiers.csv", "contribution.csv", "lost_reasons.csv", "clv.csv", "report.html" })
        {
            console.WriteLine($"  {file}");
        }
    }

    /// <summary>Section 6: contribution ratios of three customers' product mixes (SPEC §5, W11), ranked per customer, with the flags.</summary>
    private static void RunContribution(string folder, TextWriter console)
    {
        CultureInfo c = CultureInfo.InvariantCulture;
        IReadOnlyList<DemoSalesRow> rows = DemoSalesMix.Rows();
        ContributionResult<string, string> result = ContributionAnalyzer.Analyze(rows, r => r.Customer, r => r.Product, r => r.Sales, r => r.CostOfGoods, r => r.AverageInventory, InventoryBasis.SellingPrice);
        console.WriteLine(string.Format(
            c,
            "6. Contribution ratio of {0:N0} customers × {1:N0} products (inventory at selling price, so margin rate × turnover is the cross ratio; SPEC §5, W11)",
            result.Groups.Count,
            rows.Select(r => r.Product).Distinct(StringComparer.Ordinal).Count()));
        console.WriteLine("Per customer, products ranked by contribution ratio = cross ratio × sales share (fractions: 0.25 = 25 %); what to push first is on top:");
        foreach (ContributionGroup<string> g in result.Groups)
        {
            console.WriteLine(string.Format(
                c,
                "  {0}: sales {1}, gross margin {2} ({3:P1} of all customers' margin), contribution ratio total {4:F3}",
                g.Group,
                SummaryTable.Amount(g.Totals.Sales),
                SummaryTable.Amount(g.Totals.GrossMargin),
                g.GrossMarginShare,
                g.Totals.ContributionRatio));
            console.WriteLine("    rank  product        sales  margin rate  turnover  cross ratio  sales share  contribution  flags");
            foreach (ContributionItem<string, string> x in result.RankByContributionRatio(g.Group))
            {
                ContributionRow f = x.Figures;
                console.WriteLine(string.Format(
                    c,
                    "    {0,4}  {1,-7} {2,12:N0}  {3,11}  {4,8}  {5,11}  {6,11}  {7,12}  {8}",
                    x.RankInGroup,
                    x.Item,
                    x.Sales,
                    Figure(f.GrossMarginRate, "0.000"),
                    Figure(f.Turnover, "0.0"),
                    Figure(f.CrossRatio, "0.000"),
                    Figure(f.SalesShare, "0.000"),
                    Figure(f.ContributionRatio, "0.000"),
                    ContributionCommand.Flags(f.Flags)).TrimEnd());
            }
        }

        console.WriteLine("Undefined figures show as — and the flags say why: no_sales (no margin rate), no_inventory (no turnover), negative_margin (sold below cost; negative ratios).");
        console.WriteLine();
        ContributionCommand.WriteRows(Path.Combine(folder, "contribution.csv"), result);
    }

    /// <summary>The built-in lost customers of section 7: a note (English or Chinese), two signals, the lost value and the segment.</summary>
    private static readonly (string Id, string Note, double? PriceGapPercent, double? UnresolvedComplaints, double LostValue, string Segment)[] s_lost =
    [
        ("L01", "Customer said our price is too expensive; the competitor quoted 15% less.", 15, 0, 42_000, "A"),
        ("L02", "客户说价格太高，竞争对手报价更低。", 12, 0, 35_500, "A"),
        ("L03", "Not the price - the service team never fixed the outage, complaint still open.", 0, 2, 18_200, "B"),
        ("L04", "投诉一直没有解决，服务态度差。", null, 3, 9_800, "B"),
        ("L05", "Moved to another city, closing the shop.", null, 0, 4_100, "C"),
        ("L06", "客户搬迁到外地，不是价格问题。", 0, 0, 3_600, "C"),
        ("L07", "Switched to a competitor with a better offer.", 4, 0, 27_000, "A"),
        ("L08", "No feedback from the customer.", null, null, 2_500, "C"),
        ("L09", "经销商加价太多，客户觉得贵。", 3, 0, 12_900, "B"),
        ("L10", "Payment overdue, credit hold.", null, 0, 7_400, "B"),
    ];

    /// <summary>Section 7: reasons of lost customers from notes in English and Chinese and from two signal rules (SPEC §4, W10), with the reason Pareto.</summary>
    private static ReasonParetoReport RunLost(string folder, TextWriter console)
    {
        CultureInfo c = CultureInfo.InvariantCulture;
        ReasonTaxonomy taxonomy = ReasonTaxonomy.Default;
        TextReasonTagger tagger = TextReasonTagger.Default;
        var schema = new SignalSchema([SignalField.Number("price_gap_percent", -100, 1000), SignalField.Number("unresolved_complaints", 0)]);
        var rules = new SignalRuleSet(
            schema,
            taxonomy,
            [
                new SignalRule("dearer than the competitor", new SignalCondition("price_gap_percent", SignalComparison.GreaterThan, 10.0), "price.real", 0.9),
                new SignalRule("complaint left open", new SignalCondition("unresolved_complaints", SignalComparison.AtLeast, 1.0), "complaint", 0.9),
            ]);
        SignalRecord record = rules.CreateRecord();
        var reasons = new List<CustomerReasons<string>>();
        foreach (var x in s_lost)
        {
            record.Clear();
            if (x.PriceGapPercent is double gap)
            {
                record.Set("price_gap_percent", gap);
            }

            if (x.UnresolvedComplaints is double open)
            {
                record.Set("unresolved_complaints", open);
            }

            reasons.Add(new CustomerReasons<string>(x.Id, ReasonTagMerge.Combine(tagger.Tag(x.Note), rules.Evaluate(record))));
        }

        var lostValue = s_lost.ToDictionary(x => x.Id, x => x.LostValue, StringComparer.Ordinal);
        ReasonParetoReport pareto = ReasonReport.Pareto(reasons, lostValue, taxonomy);
        console.WriteLine(string.Format(c, "7. Reasons of {0} lost customers from notes in English and Chinese and two signal rules (SPEC §4, W10)", s_lost.Length));
        for (int i = 0; i < s_lost.Length; i++)
        {
            string found = reasons[i].IsUntagged
                ? "untagged (reported, not forced into \"other\")"
                : string.Join(", ", reasons[i].Reasons.Select(t => string.Format(c, "{0} {1:0.00}", t.Code, t.Confidence)));
            console.WriteLine(string.Format(c, "  {0}  {1}", s_lost[i].Id, s_lost[i].Note));
            console.WriteLine(string.Format(c, "       → {0}", found));
        }

        console.WriteLine(string.Format(c, "Reason Pareto by lost value (total {0}; a customer's value split equally among its reasons; untagged {1}):", SummaryTable.Amount(pareto.TotalValue ?? 0), SummaryTable.Amount(pareto.UntaggedValue ?? 0)));
        console.WriteLine(string.Format(c, "  rank  {0}{1}{2,12} {3,7} {4,7}  class", TextWidth.PadRight("family", 15), TextWidth.PadRight("原因", 18), "lost value", "share", "cum."));
        foreach (ReasonParetoLine line in pareto.ByValue)
        {
            console.WriteLine(string.Format(c, "  {0,4}  {1}{2}{3,12} {4,7:P1} {5,7:P1}  {6}", line.Rank, TextWidth.PadRight(line.Code, 15), TextWidth.PadRight(line.Reason.ChineseName, 18), SummaryTable.Amount(line.Value ?? 0), line.ValueShare ?? 0, line.CumulativeValueShare ?? 0, line.ClassLabel));
        }

        console.WriteLine();
        LostCommand.Write(Path.Combine(folder, "lost_reasons.csv"), reasons, taxonomy);
        return pareto;
    }

    /// <summary>Section 8: lifetime value from the transaction lines of section 4 (SPEC §6, §7): BG/NBD and Gamma-Gamma fits, P(alive), CLV.</summary>
    private static IReadOnlyList<LifetimePrediction<string>> RunClv(string folder, TextWriter console)
    {
        CultureInfo c = CultureInfo.InvariantCulture;
        IReadOnlyList<DemoLine> lines = DemoTransactions.Lines();
        var options = new LifetimeSummaryOptions(DemoTransactions.AsOf, LifetimeTimeUnit.Weeks);
        LifetimeSummarySet<string> customers = LifetimeSummaries.Summarize(lines, l => l.CustomerId, l => l.Timestamp, l => ClvCommand.LineAmount(l.Quantity, l.UnitPrice), options);
        var value = new LifetimeValueOptions(52, 0.10);
        LifetimeSummaryReport r = customers.Report;
        console.WriteLine(string.Format(
            c,
            "8. Lifetime value from the transaction lines of section 4: BG/NBD and Gamma-Gamma, calibration to {0:yyyy-MM-dd} in weeks, CLV over the next {1} weeks at {2:0} % a year (SPEC §6, §7)",
            DemoTransactions.AsOf,
            value.Horizon,
            value.AnnualDiscountRate * 100));
        console.WriteLine(string.Format(
            c,
            "Lines: {0:N0} read; removed {1:N0} without customer, {2:N0} returns (cancellations), {3:N0} after {4:yyyy-MM-dd}; {5:N0} purchase lines (same-day lines are one purchase), {6:N0} customers, {7:N0} repeat buyers.",
            r.LinesRead,
            r.LinesWithoutCustomer,
            r.ReturnLines,
            r.LinesAfterPeriod,
            DemoTransactions.AsOf,
            r.CalibrationLines,
            r.Customers,
            r.RepeatCustomers));
        (IRepeatPurchaseModel purchases, LifetimeFitReport report) = ClvCommand.FitBgNbd(customers, LifetimeFitOptions.Default);
        ClvCommand.WriteFit(console, report);
        GammaGammaFit spend = GammaGamma.Fit(customers);
        ClvCommand.WriteFit(console, spend.Report);
        console.WriteLine(string.Format(
            c,
            "  (Gamma-Gamma left out {0:N0} customers without a repeat purchase and {1:N0} with zero repeat spend; predicted all the same, the first with the population mean spend {2:N2})",
            spend.Exclusions.Count(e => e.Reason == GammaGammaExclusionReason.NoRepeatPurchases),
            spend.Exclusions.Count(e => e.Reason == GammaGammaExclusionReason.ZeroSpend),
            spend.Model.PopulationMeanSpend));
        IReadOnlyList<LifetimePrediction<string>> predictions = ClvCommand.Predict(customers, purchases, spend, value);
        console.WriteLine(string.Format(
            c,
            "Expected purchases in the next 52 weeks {0:N0}, CLV {1} in total; customers by P(alive): {2}.",
            predictions.Sum(p => p.ExpectedPurchases),
            SummaryTable.Amount(predictions.Sum(p => p.LifetimeValue)),
            string.Join(", ", new[] { (0.9, 1.01, "≥ 0.9"), (0.5, 0.9, "0.5–0.9"), (0.1, 0.5, "0.1–0.5"), (0.0, 0.1, "< 0.1") }
                .Select(b => string.Format(c, "{0} {1:N0}", b.Item3, predictions.Count(p => p.ProbabilityAlive >= b.Item1 && p.ProbabilityAlive < b.Item2))))));
        console.Write(ClvCommand.FormatTop(customers, predictions, 5));
        console.WriteLine();
        ClvCommand.WritePredictions(Path.Combine(folder, "clv.csv"), customers, predictions);
        return predictions;
    }

    private static string Figure(double? value, string format) =>
        value is double v ? v.ToString(format, CultureInfo.InvariantCulture) : "—";

    /// <summary>Section 5: a weighted scorecard with AHP weights and quota tiers (SPEC §3), with the contributions of a few customers.</summary>
    private static void RunTiering(IReadOnlyList<DemoCustomer> customers, string folder, TextWriter console)
    {
        CultureInfo c = CultureInfo.InvariantCulture;
        IReadOnlyList<DemoProfile> profiles = DemoData.Profiles(customers);

        // Annual value matters 3× more than payment, 5× more than growth, 7× more than cost (SPEC §3 criteria).
        AhpResult ahp = Ahp.Analyze(new double[,]
        {
            { 1, 3, 5, 7 },
            { 1 / 3.0, 1, 3, 5 },
            { 1 / 5.0, 1 / 3.0, 1, 3 },
            { 1 / 7.0, 1 / 5.0, 1 / 3.0, 1 },
        });
        Scorecard scorecard = new Scorecard(
            [
                new Criterion("annual value", CriterionDirection.HigherIsBetter, CriterionNormalization.RankPercentile),
                new Criterion("days overdue", CriterionDirection.HigherIsBetter, CriterionNormalization.Bands([new(0, 10), new(1, 6), new(31, 3), new(61, 0)])),
                new Criterion("growth rating", CriterionDirection.HigherIsBetter, CriterionNormalization.AlreadyScored(1, 5)),
                new Criterion("cost ratio", CriterionDirection.LowerIsBetter, CriterionNormalization.ZScore()),
            ],
            MissingValuePolicy.RenormalizeWeights).WithAhpWeights(ahp);
        TierRule quotas = TierRule.Quotas(new("A", 0.2), new("B", 0.3), new("C", 0.5));
        ScorecardResult<string> result = ScorecardScorer.Score(profiles, p => p.Id, p => [p.AnnualValue, p.DaysOverdue, p.GrowthRating, p.CostRatio], scorecard, quotas);

        console.WriteLine(string.Format(
            c,
            "5. Weighted tiering of {0:N0} customers: four criteria, weights from pairwise judgements (AHP {1}, consistency ratio {2:0.000}), quotas A 20 % / B 30 % / C 50 % (SPEC §3)",
            result.Count,
            string.Join(" / ", ahp.Weights.Select(w => w.ToString("0.000", c))),
            ahp.ConsistencyRatio));
        console.WriteLine(string.Format(
            c,
            "Scored {0:N0} ({1:N0} without a growth rating, weights renormalised); per tier: {2}.",
            result.ScoredCount,
            profiles.Count(p => p.GrowthRating is null),
            string.Join(", ", result.TierCounts.Select(t => string.Format(c, "{0} {1:N0}", t.Tier, t.Count)))));
        console.WriteLine("Why a customer is in its tier (contribution of each criterion to the 0–100 score):");
        console.WriteLine("  customer     score  tier  annual value  days overdue  growth rating  cost ratio");
        ScorecardCustomer<string>[] ranked = result.Where(x => x.Score is not null).OrderByDescending(x => x.Score).ThenBy(x => x.Id, StringComparer.Ordinal).ToArray();
        foreach (ScorecardCustomer<string> x in new[] { ranked[0], ranked[(ranked.Length / 5) - 1], ranked[ranked.Length / 5], ranked[ranked.Length / 2], ranked[^1] })
        {
            double[] parts = x.Contributions.ToArray();
            console.WriteLine(string.Format(c, "  {0,-10} {1,7:0.0}  {2,-4}  {3,12:0.0}  {4,12:0.0}  {5,13:0.0}  {6,10:0.0}", x.Id, x.Score, x.Tier, parts[0], parts[1], parts[2], parts[3]));
        }

        console.WriteLine();
        AtomicFile.Write(Path.Combine(folder, "tiers.csv"), w =>
        {
            w.WriteLine("customer_id,annual_value,days_overdue,growth_rating,cost_ratio,score,tier");
            foreach ((DemoProfile p, ScorecardCustomer<string> x) in profiles.Zip(result, (p, x) => (p, x)))
            {
                w.WriteLine($"{p.Id},{Csv.Number(p.AnnualValue)},{p.DaysOverdue.ToString(c)},{(p.GrowthRating is double g ? g.ToString(c) : string.Empty)},{Csv.Number(p.CostRatio)},{(x.Score is double s ? Csv.Number(s) : string.Empty)},{x.Tier}");
            }
        });
    }

    /// <summary>Section 4: RFM from the built-in transaction lines (SPEC §2, W4).</summary>
    private static RfmResult<string> RunRfm(string folder, TextWriter console)
    {
        CultureInfo c = CultureInfo.InvariantCulture;
        IReadOnlyList<DemoLine> lines = DemoTransactions.Lines();
        var options = new RfmTransactionOptions(DemoTransactions.AsOf, cancelledOrderPrefix: "C");
        RfmFeatureSet<string> features = RfmFeatures.Aggregate(lines, l => l.CustomerId, l => l.Timestamp, l => l.Quantity, l => l.UnitPrice, l => l.OrderId, options);
        RfmAggregationReport r = features.Report;
        console.WriteLine(string.Format(c, "4. RFM from {0:N0} transaction lines as of {1:yyyy-MM-dd} (quintiles, rank method; SPEC §2)", r.LinesRead, DemoTransactions.AsOf));
        console.WriteLine(string.Format(
            c,
            "Removed and counted: {0:N0} without customer, {1:N0} after the as-of date, {2:N0} cancellations (C orders), {3:N0} with zero price; {4:N0} purchase lines, {5:N0} customers (and {7:N0} ids seen only on removed lines), total {6:N2}.",
            r.LinesWithoutCustomer,
            r.LinesAfterAsOf,
            r.CancelledLines,
            r.NonPositiveLinesExcluded,
            r.PurchaseLines,
            r.Customers,
            r.TotalAmount,
            r.CustomersWithoutPurchase));
        RfmResult<string> byRank = RfmScorer.Score(features, RfmScoringOptions.Default, RfmSegmentTable.Standard);
        console.Write(RfmCommand.FormatSummary(byRank.Summary));
        console.Write(RfmCommand.FormatSegments(byRank));

        // SPEC W4: the practice's fixed recency days, quintiles for F and M.
        RfmScoringOptions w4 = RfmScoringOptions.Default.WithRecency(RfmDimensionScoring.Fixed(7, 30, 60, 120));
        RfmResult<string> byW4 = RfmScorer.Score(features, w4, RfmSegmentTable.Standard);
        console.WriteLine("With SPEC W4 recency (R5 ≤ 7 days, R4 8–30, R3 31–60, R2 61–120, R1 > 120): customers per R score 5…1: "
            + string.Join(", ", Enumerable.Range(1, 5).Reverse().Select(s => byW4.Summary.Recency.CountPerScore[s - 1].ToString("N0", c))));
        console.WriteLine();

        AtomicFile.Write(Path.Combine(folder, "transactions.csv"), w =>
        {
            w.WriteLine("order_id,customer_id,timestamp,quantity,unit_price");
            foreach (DemoLine l in lines)
            {
                w.WriteLine($"{l.OrderId},{l.CustomerId},{l.Timestamp.ToString("yyyy-MM-dd HH:mm", c)},{l.Quantity.ToString(c)},{l.UnitPrice.ToString(c)}");
            }
        });
        RfmCommand.WriteCustomers(Path.Combine(folder, "rfm_customers.csv"), byRank, features);
        AtomicFile.Write(Path.Combine(folder, "rfm_segments.csv"), w =>
        {
            w.WriteLine("segment,customers,share");
            foreach (KeyValuePair<string, int> p in byRank.SegmentCounts)
            {
                w.WriteLine($"{Csv.Field(p.Key)},{p.Value.ToString(c)},{Csv.Number((double)p.Value / byRank.Customers.Count)}");
            }
        });
        return byRank;
    }

    private static void WriteClasses(string path, params (string Run, AbcSummary Summary)[] runs) =>
        AtomicFile.Write(path, w =>
        {
            w.WriteLine("run,class,customers,count_share,value,value_share,min_value,max_value");
            foreach ((string run, AbcSummary summary) in runs)
            {
                foreach (AbcClassSummary s in summary.Classes)
                {
                    w.WriteLine(string.Join(
                        ",",
                        run,
                        Csv.Field(s.Label),
                        s.Count.ToString(CultureInfo.InvariantCulture),
                        Csv.Number(s.CountShare),
                        Csv.Number(s.Value),
                        Csv.Number(s.ValueShare),
                        s.MinValue is double min ? Csv.Number(min) : string.Empty,
                        s.MaxValue is double max ? Csv.Number(max) : string.Empty));
                }
            }
        });
}
