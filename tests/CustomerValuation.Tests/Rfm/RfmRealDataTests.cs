using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using CustomerValuation.Cli;
using CustomerValuation.Rfm;
using Xunit;

namespace CustomerValuation.Tests.Rfm;

/// <summary>
/// RFM on real, public transaction data read in place from ../shared/data. Expected figures are
/// published (Online Retail: 4,338 customers, £8,911,407.904) or printed by the independent Python
/// reference tests/independent/rfm_reference.py (exact Decimal/Fraction arithmetic, plain sorts).
/// </summary>
public class RfmRealDataTests
{
    private const string OnlineRetail = "online-retail/online_retail.csv.gz";

    private const string RfmOrders = "r-packages/rfm/rfm_data_orders.csv";

    private static readonly Lazy<RfmFeatureSet<string>> s_onlineRetail = new(ReadOnlineRetail);

    private static readonly Lazy<RfmFeatureSet<string>> s_rfmOrders = new(ReadRfmOrders);

    /// <summary>
    /// Online Retail as of 2011-12-10 with SPEC §2 cleaning: known customer, orders starting with "C"
    /// removed, quantity and unit price positive; amount = Quantity × UnitPrice; order id = InvoiceNo.
    /// </summary>
    private static RfmFeatureSet<string> ReadOnlineRetail()
    {
        var options = new RfmTransactionOptions(new DateTime(2011, 12, 10), cancelledOrderPrefix: "C");
        var accumulator = new RfmFeatureAccumulator<string>(options);
        foreach ((long _, string[] f) in CsvInput.ReadRecords(SharedData.PathOf(OnlineRetail)).Skip(1))
        {
            // InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country (RFC 4180 quoting).
            DateTime at = DateTime.ParseExact(f[4], "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
            decimal quantity = decimal.Parse(f[3], NumberStyles.Integer | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            decimal price = decimal.Parse(f[5], NumberStyles.Number, CultureInfo.InvariantCulture);
            accumulator.AddLine(f[6], at, quantity, price, f[0]);
        }

        return accumulator.ToFeatures();
    }

    /// <summary>R package rfm's rfm_data_orders as of 2006-12-31; every row is one order (its 0-based row number is the order id).</summary>
    private static RfmFeatureSet<string> ReadRfmOrders()
    {
        var accumulator = new RfmFeatureAccumulator<string>(new RfmTransactionOptions(new DateTime(2006, 12, 31)));
        int row = 0;
        foreach ((long _, string[] f) in CsvInput.ReadRecords(SharedData.PathOf(RfmOrders)).Skip(1))
        {
            // "customer_id","order_date","revenue","first_name","last_name","email"
            DateTime at = DateTime.ParseExact(f[1], "yyyy-MM-dd", CultureInfo.InvariantCulture);
            decimal revenue = decimal.Parse(f[2], NumberStyles.Number, CultureInfo.InvariantCulture);
            accumulator.Add(f[0], at, revenue, row.ToString(CultureInfo.InvariantCulture));
            row++;
        }

        return accumulator.ToFeatures();
    }

    [SharedDataFact(OnlineRetail)]
    public void Aggregate_OnlineRetail_PublishedAndReferenceFigures()
    {
        RfmFeatureSet<string> features = s_onlineRetail.Value;
        RfmAggregationReport r = features.Report;

        // Reference: lines read 541909 / without customer 135080 / after as-of 0 / cancelled 8905 /
        // non-positive 40 / lines counted 397884. The data README: 4,372 distinct CustomerIDs, so
        // 4,372 − 4,338 = 34 ids appear only on removed lines.
        Assert.Equal(new RfmAggregationReport(541_909, 135_080, 0, 8_905, 40, 0, 0, 397_884, 4_338, 34, 8_911_407.904m), r);
        Assert.Equal(r.LinesRead, r.LinesRemoved + r.NonPositiveLinesNetted + r.PurchaseLines);

        // Published: 4,338 customers, £8,911,407.904 (also the reference's "total monetary").
        Assert.Equal(4338, features.Count);
        Assert.Equal(8_911_407.904m, features.Sum(f => f.Monetary));

        // Reference: sum recency_days 403692, sum frequency 18532, 1493 customers with frequency 1,
        // sum tenure_days 970979; recency min/max 1/374; frequency max 209; monetary min/max 3.75/280206.02.
        Assert.Equal(403_692, features.Sum(f => f.RecencyDays));
        Assert.Equal(18_532, features.Sum(f => f.Frequency));
        Assert.Equal(1493, features.Count(f => f.Frequency == 1));
        Assert.Equal(970_979, features.Sum(f => (long)f.TenureDays));
        Assert.Equal(1, features.Min(f => f.RecencyDays));
        Assert.Equal(374, features.Max(f => f.RecencyDays));
        Assert.Equal(209, features.Max(f => f.Frequency));
        Assert.Equal(3.75m, features.Min(f => f.Monetary));
        Assert.Equal(280_206.02m, features.Max(f => f.Monetary));

        // Ids are 5-digit integers: numeric order 12346 … 18287 (data README).
        Assert.Equal("12346", features[0].Id);
        Assert.Equal("18287", features[features.Count - 1].Id);
        Assert.Equal(features.Select(f => int.Parse(f.Id, CultureInfo.InvariantCulture)).Order(), features.Select(f => int.Parse(f.Id, CultureInfo.InvariantCulture)));

        // Data README: 12346 has a single invoice of 74,215 × 1.04 = 77,183.60 (its cancellation removed).
        RfmCustomerFeatures<string> c12346 = features[0];
        Assert.Equal(1, c12346.Frequency);
        Assert.Equal(77_183.60m, c12346.Monetary);
    }

    [SharedDataFact(OnlineRetail)]
    public void Score_OnlineRetailRankMethods_ReferenceCountsChecksumsAndNamedCustomers()
    {
        RfmFeatureSet<string> features = s_onlineRetail.Value;

        RfmResult<string> ntile = RfmScorer.Score(features);

        // Reference [A] NTILE: R per score 1..5: 867 867 868 868 868; F: 868 868 868 867 867; M: 868 868 868 867 867;
        // checksum S 22112475534; cell 555: 348, cell 111: 183.
        Assert.Equal(new[] { 867, 867, 868, 868, 868 }, ntile.Summary.Recency.CountPerScore);
        Assert.Equal(new[] { 868, 868, 868, 867, 867 }, ntile.Summary.Frequency.CountPerScore);
        Assert.Equal(new[] { 868, 868, 868, 867, 867 }, ntile.Summary.Monetary.CountPerScore);
        Assert.Equal(22_112_475_534L, Checksum(ntile));
        Assert.Equal(348, ntile.Customers.Count(c => c.Score.CellCode == "555"));
        Assert.Equal(183, ntile.Customers.Count(c => c.Score.CellCode == "111"));

        // Reference named customers: 12346: R1 F1 M5; 12347, 12748, 14646, 17841: 555; 18287: R3 F4 M4.
        Assert.Equal("115", CellOf(ntile, "12346"));
        Assert.Equal("555", CellOf(ntile, "12347"));
        Assert.Equal("555", CellOf(ntile, "12748"));
        Assert.Equal("555", CellOf(ntile, "14646"));
        Assert.Equal("555", CellOf(ntile, "17841"));
        Assert.Equal("344", CellOf(ntile, "18287"));

        RfmResult<string> qcut = RfmScorer.Score(features, RfmScoringOptions.Default.WithAllDimensions(RfmDimensionScoring.RankWith(RfmRankBinning.QcutOfRank)));

        // Reference [A] qcut-of-rank: 868 867 868 867 868 in every dimension; S 22108239679; 555: 348, 111: 184.
        foreach (RfmDimensionSummary d in new[] { qcut.Summary.Recency, qcut.Summary.Frequency, qcut.Summary.Monetary })
        {
            Assert.Equal(new[] { 868, 867, 868, 867, 868 }, d.CountPerScore);
        }

        Assert.Equal(22_108_239_679L, Checksum(qcut));
        Assert.Equal(348, qcut.Customers.Count(c => c.Score.CellCode == "555"));
        Assert.Equal(184, qcut.Customers.Count(c => c.Score.CellCode == "111"));
    }

    [SharedDataFact(OnlineRetail)]
    public void Score_OnlineRetailValueBreakpoints_ReferenceEdgesCountsAndChecksum()
    {
        RfmFeatureSet<string> features = s_onlineRetail.Value;

        RfmResult<string> value = RfmScorer.Score(features, RfmScoringOptions.Default.WithAllDimensions(RfmDimensionScoring.ValueBreakpoints));

        // Reference [A] value type-7: R 861 866 863 880 868; F 1493 835 508 802 700; M 868 867 868 867 868.
        Assert.Equal(new[] { 861, 866, 863, 880, 868 }, value.Summary.Recency.CountPerScore);
        Assert.Equal(new[] { 1493, 835, 508, 802, 700 }, value.Summary.Frequency.CountPerScore);
        Assert.Equal(new[] { 868, 867, 868, 867, 868 }, value.Summary.Monetary.CountPerScore);

        // Reference edges (exact fractions there): R 1 13.8 33 72 180 374; F 1 1 2 3 6 209 (duplicate edge j = 0,
        // no empty level); M 3.75 250.194 490.096 942.276 2058.426 280206.02.
        AssertEdges(new[] { 1, 13.8, 33, 72, 180, 374 }, value.Summary.Recency.Edges);
        AssertEdges(new[] { 1.0, 1, 2, 3, 6, 209 }, value.Summary.Frequency.Edges);
        AssertEdges(new[] { 3.75, 250.194, 490.096, 942.276, 2058.426, 280206.02 }, value.Summary.Monetary.Edges);
        Assert.Empty(value.Summary.Recency.DuplicateEdges);
        Assert.Equal(new[] { 0 }, value.Summary.Frequency.DuplicateEdges);
        Assert.Empty(value.Summary.Frequency.MissingScores);
        Assert.Empty(value.Summary.Monetary.DuplicateEdges);

        // Reference: S 21887932669; 555: 324, 111: 330; 18287: R3 F3 M4, the other named customers as NTILE.
        Assert.Equal(21_887_932_669L, Checksum(value));
        Assert.Equal(324, value.Customers.Count(c => c.Score.CellCode == "555"));
        Assert.Equal(330, value.Customers.Count(c => c.Score.CellCode == "111"));
        Assert.Equal("334", CellOf(value, "18287"));
        Assert.Equal("115", CellOf(value, "12346"));
        Assert.Equal("555", CellOf(value, "14646"));
    }

    [SharedDataFact(RfmOrders)]
    public void Aggregate_RfmDataOrders_ReferenceFigures()
    {
        RfmFeatureSet<string> features = s_rfmOrders.Value;

        // Reference [B]: rows 4906, nothing removed, customers 995, total revenue 464158.
        Assert.Equal(new RfmAggregationReport(4906, 0, 0, 0, 0, 0, 0, 4906, 995, 0, 464_158m), features.Report);

        // Reference: sum recency_days 285305, sum frequency 4906, 42 customers with frequency 1, sum tenure 853212;
        // recency 1 … 976, frequency 1 … 14, revenue 12 … 1488.
        Assert.Equal(285_305, features.Sum(f => f.RecencyDays));
        Assert.Equal(4906, features.Sum(f => f.Frequency));
        Assert.Equal(42, features.Count(f => f.Frequency == 1));
        Assert.Equal(853_212, features.Sum(f => f.TenureDays));
        Assert.Equal((1, 976), (features.Min(f => f.RecencyDays), features.Max(f => f.RecencyDays)));
        Assert.Equal((1, 14), (features.Min(f => f.Frequency), features.Max(f => f.Frequency)));
        Assert.Equal((12m, 1488m), (features.Min(f => f.Monetary), features.Max(f => f.Monetary)));

        // Ids are names, not integers: ordinal order, first "Abbey O'Reilly", last "Zola Nolan" (reference).
        Assert.Equal("Abbey O'Reilly", features[0].Id);
        Assert.Equal("Zola Nolan", features[features.Count - 1].Id);
        Assert.Equal(features.Select(f => f.Id).Order(StringComparer.Ordinal), features.Select(f => f.Id));
    }

    [SharedDataFact(RfmOrders)]
    public void Score_RfmDataOrders_ReferenceCountsEdgesAndChecksums()
    {
        RfmFeatureSet<string> features = s_rfmOrders.Value;

        RfmResult<string> ntile = RfmScorer.Score(features);

        // Reference [B] NTILE: 199 per score in every dimension; S' 164260386; 555: 40; 111: 68;
        // "Abbey O'Reilly": R3 F4 M3; "Zola Nolan": R3 F3 M2.
        foreach (RfmDimensionSummary d in new[] { ntile.Summary.Recency, ntile.Summary.Frequency, ntile.Summary.Monetary })
        {
            Assert.Equal(new[] { 199, 199, 199, 199, 199 }, d.CountPerScore);
        }

        Assert.Equal(164_260_386L, PositionChecksum(ntile));
        Assert.Equal(40, ntile.Customers.Count(c => c.Score.CellCode == "555"));
        Assert.Equal(68, ntile.Customers.Count(c => c.Score.CellCode == "111"));
        Assert.Equal("343", CellOf(ntile, "Abbey O'Reilly"));
        Assert.Equal("332", CellOf(ntile, "Zola Nolan"));

        RfmResult<string> value = RfmScorer.Score(features, RfmScoringOptions.Default.WithAllDimensions(RfmDimensionScoring.ValueBreakpoints));

        // Reference [B] value: R 197 201 198 199 200; F 268 187 176 244 120; M 199 201 197 203 195;
        // R edges 1 114 180 296.4 481 976; F edges 1 3 4 5 7 14; M edges 12 254.8 381 505.4 665 1488;
        // S' 162758326; 555: 35; 111: 75; Zola Nolan: R3 F2 M2.
        Assert.Equal(new[] { 197, 201, 198, 199, 200 }, value.Summary.Recency.CountPerScore);
        Assert.Equal(new[] { 268, 187, 176, 244, 120 }, value.Summary.Frequency.CountPerScore);
        Assert.Equal(new[] { 199, 201, 197, 203, 195 }, value.Summary.Monetary.CountPerScore);
        AssertEdges(new[] { 1, 114, 180, 296.4, 481, 976 }, value.Summary.Recency.Edges);
        AssertEdges(new[] { 1.0, 3, 4, 5, 7, 14 }, value.Summary.Frequency.Edges);
        AssertEdges(new[] { 12, 254.8, 381, 505.4, 665, 1488 }, value.Summary.Monetary.Edges);
        Assert.Equal(162_758_326L, PositionChecksum(value));
        Assert.Equal(35, value.Customers.Count(c => c.Score.CellCode == "555"));
        Assert.Equal(75, value.Customers.Count(c => c.Score.CellCode == "111"));
        Assert.Equal("322", CellOf(value, "Zola Nolan"));
    }

    /// <summary>The reference's checksum S: Σ int(id) × (100R + 10F + M).</summary>
    private static long Checksum(RfmResult<string> result) =>
        result.Customers.Sum(c => long.Parse(c.Id, CultureInfo.InvariantCulture) * Cell(c.Score));

    /// <summary>The reference's checksum S′: Σ (0-based position in the ordinal id order) × (100R + 10F + M).</summary>
    private static long PositionChecksum(RfmResult<string> result)
    {
        var position = result.Customers.Select(c => c.Id).Order(StringComparer.Ordinal).Select((id, i) => (id, i)).ToDictionary(p => p.id, p => (long)p.i, StringComparer.Ordinal);
        return result.Customers.Sum(c => position[c.Id] * Cell(c.Score));
    }

    private static long Cell(RfmScore s) => (100 * s.Recency) + (10 * s.Frequency) + s.Monetary;

    private static string CellOf(RfmResult<string> result, string id) =>
        result.Customers.Single(c => c.Id == id).Score.CellCode;

    /// <summary>Edges agree with the reference's exact values within 1e-9 relative.</summary>
    private static void AssertEdges(IReadOnlyList<double> expected, IReadOnlyList<double> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (int j = 0; j < expected.Count; j++)
        {
            double tolerance = 1e-9 * Math.Max(1, Math.Abs(expected[j]));
            Assert.True(Math.Abs(expected[j] - actual[j]) <= tolerance, $"edge {j}: expected {expected[j]}, got {actual[j]}");
        }
    }
}
