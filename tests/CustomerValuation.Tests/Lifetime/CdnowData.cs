using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using CustomerValuation.Lifetime;

namespace CustomerValuation.Tests.Lifetime;

/// <summary>The CDNOW transaction files of ../shared/data/cdnow, read in place (never copied into the repository).</summary>
internal static class CdnowData
{
    public const string Sample = "cdnow/CDNOW_sample.txt";

    public const string Master = "cdnow/CDNOW_master.txt";

    public const string SummaryCsv = "cdnow/cdnow_customers_summary_with_transactions.csv";

    /// <summary>The published calibration: 1997-01-01 … 1997-09-30 (39 weeks), weekly units.</summary>
    public static LifetimeSummaryOptions Calibration { get; } = new(new DateTime(1997, 9, 30), LifetimeTimeUnit.Weeks, holdoutEnd: new DateTime(1998, 6, 30));

    private static readonly Lazy<LifetimeSummarySet<string>> s_sample = new(() => Summarize(Sample, Calibration));

    public static LifetimeSummarySet<string> SampleSummary => s_sample.Value;

    /// <summary>
    /// Reads a CDNOW file: whitespace-separated columns; the sample has (master id, sample id, yyyymmdd,
    /// CDs, dollars), the master file (id, yyyymmdd, CDs, dollars) after a header line.
    /// </summary>
    public static IEnumerable<(string Id, DateTime Date, decimal Dollars)> Read(string relativePath)
    {
        foreach (string line in File.ReadLines(SharedData.PathOf(relativePath)))
        {
            string[] f = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (f.Length < 4 || !char.IsDigit(f[0][0]))
            {
                continue; // header
            }

            // Customers are named by the sample's own ids (1…2357, the order of the published summary file).
            int d = f.Length == 5 ? 2 : 1;
            yield return (
                f.Length == 5 ? f[1] : f[0],
                DateTime.ParseExact(f[d], "yyyyMMdd", CultureInfo.InvariantCulture),
                decimal.Parse(f[d + 2], NumberStyles.Number, CultureInfo.InvariantCulture));
        }
    }

    public static LifetimeSummarySet<string> Summarize(string relativePath, LifetimeSummaryOptions options) =>
        LifetimeSummaries.Summarize(Read(relativePath), l => l.Id, l => l.Date, l => l.Dollars, options);
}
