using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using CustomerValuation.Abc;
using CustomerValuation.Rfm;

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

        RunRfm(folder, console);

        console.WriteLine($"Results written to {folder}:");
        foreach (string file in new[] { "customers.csv", "abc_by_value.csv", "abc_by_count.csv", "abc_computed.csv", "abc_classes.csv", "pareto_curve.csv", "transactions.csv", "rfm_customers.csv", "rfm_segments.csv" })
        {
            console.WriteLine($"  {file}");
        }
    }

    /// <summary>Section 4: RFM from the built-in transaction lines (SPEC §2, W4).</summary>
    private static void RunRfm(string folder, TextWriter console)
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
