using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using CustomerValuation.Rfm;
using CustomerValuation.Warehouse;
using Npgsql;
using Xunit;
using Xunit.Abstractions;

namespace CustomerValuation.Tests.Warehouse;

/// <summary>The data sets loaded once for the class: Online Retail and 10⁶ synthetic lines.</summary>
public sealed class RfmSqlData
{
    private readonly Lazy<List<TransactionLine>> _onlineRetail = new(() => Load("rfm_online_retail", WarehouseData.ReadOnlineRetail()));
    private readonly Lazy<List<TransactionLine>> _synthetic = new(() => Load("rfm_synthetic", WarehouseData.Synthetic(1_000_000, 100_000).ToList()));

    internal List<TransactionLine> OnlineRetail => _onlineRetail.Value;

    internal List<TransactionLine> Synthetic => _synthetic.Value;

    private static List<TransactionLine> Load(string schema, List<TransactionLine> lines)
    {
        using NpgsqlConnection connection = PostgresServer.Open();
        TransactionTable.Load(connection, schema, lines);
        return lines;
    }
}

/// <summary>
/// The generated SQL run on a real PostgreSQL gives the in-memory answers: every customer's
/// features, the line report, and every customer's scores, cell and segment, for several policy
/// and scoring choices, on Online Retail and on 10⁶ synthetic lines. The expected values are the
/// library's own results on the same lines (an independent implementation: the accumulator in C#
/// against set-based SQL).
/// </summary>
[Collection(PostgresTestGroup.Name)]
public sealed class RfmSqlPostgresTests(RfmSqlData data, ITestOutputHelper output) : IClassFixture<RfmSqlData>
{
    private static readonly DateTime OnlineRetailAsOf = new(2011, 12, 10);

    private static RfmSqlSource Source(string schema) =>
        RfmSqlSource.WithQuantityAndPrice(schema + ".transactions", "customer_id", "invoice_date", "quantity", "unit_price", "invoice_no")
            .WithLineKey("stock_code", "description", "country");

    internal static readonly string[] Policies = ["default", "net-remove-days-mean", "future-lines-kept-days"];

    internal static RfmTransactionOptions PolicyOptions(string name, DateTime asOf) => name switch
    {
        "net-remove-days-mean" => new RfmTransactionOptions(asOf, RfmFrequencyBasis.DistinctDays, RfmMonetaryBasis.MeanPerPurchase, RfmNonPositivePolicy.Net, cancelledOrderPrefix: "C", duplicates: RfmDuplicatePolicy.Remove),
        "future-lines-kept-days" => new RfmTransactionOptions(asOf.AddMonths(-6), RfmFrequencyBasis.DistinctDays),
        _ => new RfmTransactionOptions(asOf, cancelledOrderPrefix: "C"),
    };

    internal static readonly string[] Scorings = ["rank", "qcut-rank", "value", "fixed-w4"];

    internal static RfmScoringOptions ScoringOptions(string name) => name switch
    {
        "qcut-rank" => new RfmScoringOptions(5, RfmDimensionScoring.RankWith(RfmRankBinning.QcutOfRank), RfmDimensionScoring.RankWith(RfmRankBinning.QcutOfRank), RfmDimensionScoring.RankWith(RfmRankBinning.QcutOfRank)),
        "value" => new RfmScoringOptions(5, RfmDimensionScoring.ValueBreakpoints, RfmDimensionScoring.ValueBreakpoints, RfmDimensionScoring.ValueBreakpoints),
        "fixed-w4" => RfmScoringOptions.Default.WithRecency(RfmDimensionScoring.Fixed(7, 30, 60, 120)),
        _ => RfmScoringOptions.Default,
    };

    [PostgresFact(WarehouseData.OnlineRetail)]
    public void OnlineRetail_FeaturesAndReport_EqualInMemory_ForEveryPolicy()
    {
        foreach (string policy in Policies)
        {
            RfmTransactionOptions options = PolicyOptions(policy, OnlineRetailAsOf);
            CompareFeatures("rfm_online_retail", data.OnlineRetail, options, policy);
        }
    }

    [PostgresFact(WarehouseData.OnlineRetail)]
    public void OnlineRetail_Scores_EqualInMemory_ForEveryMethod()
    {
        RfmTransactionOptions options = PolicyOptions("default", OnlineRetailAsOf);
        RfmFeatureSet<string> features = InMemory(data.OnlineRetail, options);
        foreach (string scoring in Scorings)
        {
            CompareScores("rfm_online_retail", features, options, ScoringOptions(scoring), scoring);
        }
    }

    [PostgresFact]
    public void SyntheticMillionLines_FeaturesReportAndScores_EqualInMemory()
    {
        var asOf = new DateTime(2025, 12, 31);
        foreach (string policy in new[] { "default", "net-remove-days-mean" })
        {
            CompareFeatures("rfm_synthetic", data.Synthetic, PolicyOptions(policy, asOf), policy);
        }

        RfmTransactionOptions options = PolicyOptions("default", asOf);
        RfmFeatureSet<string> features = InMemory(data.Synthetic, options);
        foreach (string scoring in new[] { "rank", "value" })
        {
            CompareScores("rfm_synthetic", features, options, ScoringOptions(scoring), scoring);
        }
    }

    internal static RfmFeatureSet<string> InMemory(List<TransactionLine> lines, RfmTransactionOptions options)
    {
        using var accumulator = new RfmFeatureAccumulator<string>(options);
        bool keys = options.Duplicates == RfmDuplicatePolicy.Remove;
        foreach (TransactionLine l in lines)
        {
            // The same line key as the SQL's line-key columns; NUL marks a NULL, which no text holds.
            string? key = keys ? l.StockCode + "\u001f" + (l.Description ?? "\0") + "\u001f" + (l.Country ?? "\0") : null;
            accumulator.AddLine(l.CustomerId, l.InvoiceDate, l.Quantity, l.UnitPrice, l.InvoiceNo, key);
        }

        return accumulator.ToFeatures();
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, SqlStatement statement)
    {
        var command = new NpgsqlCommand(statement.Text, connection) { CommandTimeout = 600 };
        foreach (SqlParameter p in statement.Parameters)
        {
            command.Parameters.AddWithValue(p.Name, p.Value);
        }

        return command;
    }

    private void CompareFeatures(string schema, List<TransactionLine> lines, RfmTransactionOptions options, string label)
    {
        RfmFeatureSet<string> expected = InMemory(lines, options);
        using NpgsqlConnection connection = PostgresServer.Open();
        var clock = Stopwatch.StartNew();
        var actual = new List<(string Id, int Recency, long Frequency, decimal Monetary, decimal Total, DateTime First, DateTime Last, int Tenure)>();
        using (NpgsqlCommand command = Command(connection, RfmSql.Features(Source(schema), options, SqlDialect.PostgreSql)))
        using (NpgsqlDataReader row = command.ExecuteReader())
        {
            while (row.Read())
            {
                actual.Add((row.GetString(0), row.GetInt32(1), row.GetInt64(2), row.GetDecimal(3), row.GetDecimal(4), row.GetDateTime(5), row.GetDateTime(6), row.GetInt32(7)));
            }
        }

        output.WriteLine($"{schema} {label}: features of {actual.Count:N0} customers in {clock.Elapsed.TotalSeconds:F1} s");
        Assert.Equal(expected.Count, actual.Count);
        bool mean = options.Monetary == RfmMonetaryBasis.MeanPerPurchase;
        for (int i = 0; i < expected.Count; i++)
        {
            RfmCustomerFeatures<string> e = expected[i];
            var a = actual[i];
            string at = $"{label}, customer {i} ({e.Id})";
            Assert.True(e.Id == a.Id, $"{at}: id {a.Id}");
            Assert.True(e.RecencyDays == a.Recency, $"{at}: recency {a.Recency}, expected {e.RecencyDays}");
            Assert.True(e.Frequency == a.Frequency, $"{at}: frequency {a.Frequency}, expected {e.Frequency}");
            Assert.True(e.TotalAmount == a.Total, $"{at}: total {a.Total}, expected {e.TotalAmount}");

            // A mean is a division: PostgreSQL's numeric keeps at least 16 significant digits, C#'s
            // decimal 28, so they agree to 15 digits (a sum is exact on both sides).
            Assert.True(mean ? Math.Abs(e.Monetary - a.Monetary) <= Math.Abs(e.Monetary) * 1e-15m + 1e-20m : e.Monetary == a.Monetary, $"{at}: monetary {a.Monetary}, expected {e.Monetary}");
            Assert.True(e.FirstPurchase == a.First && e.LastPurchase == a.Last && e.TenureDays == a.Tenure, $"{at}: first/last/tenure");
        }

        RfmAggregationReport r = expected.Report;
        using NpgsqlCommand report = Command(connection, RfmSql.LineReport(Source(schema), options, SqlDialect.PostgreSql));
        using NpgsqlDataReader x = report.ExecuteReader();
        Assert.True(x.Read());
        long Get(string column) => Convert.ToInt64(x[column], CultureInfo.InvariantCulture);
        Assert.Equal(r.LinesRead, Get("lines_read"));
        Assert.Equal(r.LinesWithoutCustomer, Get("lines_without_customer"));
        Assert.Equal(r.LinesAfterAsOf, Get("lines_after_as_of"));
        Assert.Equal(r.CancelledLines, Get("cancelled_lines"));
        Assert.Equal(r.NonPositiveLinesExcluded, Get("non_positive_lines_excluded"));
        Assert.Equal(r.NonPositiveLinesNetted, Get("non_positive_lines_netted"));
        Assert.Equal(r.DuplicateLinesRemoved, Get("duplicate_lines_removed"));
        Assert.Equal(r.PurchaseLines, Get("purchase_lines"));
        Assert.Equal(0, Get("purchase_lines_without_order"));
        Assert.Equal(r.Customers, Get("customers"));
        Assert.Equal(r.CustomersWithoutPurchase, Get("customers_without_purchase"));
        Assert.Equal(r.TotalAmount, (decimal)x["total_amount"]);
        output.WriteLine($"  report: {r.LinesRead:N0} lines, {r.PurchaseLines:N0} purchases, {r.DuplicateLinesRemoved:N0} duplicates, {r.NonPositiveLinesNetted:N0} netted: equal");
    }

    private void CompareScores(string schema, RfmFeatureSet<string> features, RfmTransactionOptions options, RfmScoringOptions scoring, string label)
    {
        RfmResult<string> expected = RfmScorer.Score(features, scoring, RfmSegmentTable.Standard);
        using NpgsqlConnection connection = PostgresServer.Open();
        var clock = Stopwatch.StartNew();
        using NpgsqlCommand command = Command(connection, RfmSql.Scores(Source(schema), options, scoring, RfmSegmentTable.Standard, SqlDialect.PostgreSql));
        using NpgsqlDataReader row = command.ExecuteReader();
        int i = 0;
        int differ = 0;
        string? first = null;
        while (row.Read())
        {
            RfmCustomerScore<string> e = expected.Customers[i];
            string id = row.GetString(0);
            (int r, int f, int m) = (Convert.ToInt32(row.GetValue(4), CultureInfo.InvariantCulture), Convert.ToInt32(row.GetValue(5), CultureInfo.InvariantCulture), Convert.ToInt32(row.GetValue(6), CultureInfo.InvariantCulture));
            string cell = row.GetString(7), segment = row.GetString(8);
            if (id != e.Id || r != e.Score.Recency || f != e.Score.Frequency || m != e.Score.Monetary || cell != e.Score.CellCode || segment != e.Segment)
            {
                differ++;
                first ??= $"customer {i}: SQL {id} {cell} {segment}, expected {e.Id} {e.Score.CellCode} {e.Segment}";
            }

            i++;
        }

        output.WriteLine($"{schema} scores {label}: {i:N0} customers in {clock.Elapsed.TotalSeconds:F1} s, {differ} differ");
        Assert.Equal(expected.Customers.Count, i);
        Assert.True(differ == 0, $"{label}: {differ} customers differ; first: {first}");
    }
}
