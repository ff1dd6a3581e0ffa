using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using BenchmarkDotNet.Attributes;
using CustomerValuation.Lifetime;

namespace CustomerValuation.Benchmarks.Lifetime;

/// <summary>
/// Fitting BG/NBD by maximum likelihood: the full CDNOW master file (23,570 customers, from the raw
/// transaction lines in ../shared/data/cdnow, summarized once in the setup) and a synthetic summary of
/// 10⁶ customers; the baseline sorts a copy of the 10⁶ observed times T.
/// </summary>
/// <remarks>
/// Synthetic customers (seeded): drawn from BG/NBD itself with r = 0.25, α = 4.5, a = 0.8, b = 2.4
/// (weeks), first purchases spread over the 12 weeks before a 39-week calibration end, purchases
/// on whole days (so t_x and T are multiples of 1/7 week, as summarized from real lines).
/// Each fit merges identical (x, t_x, T) into weighted rows, then runs four BFGS starts.
/// </remarks>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class BgNbdBenchmarks
{
    private const int Customers = 1_000_000;
    private int[] _masterX = [];
    private double[] _masterTx = [];
    private double[] _masterT = [];
    private int[] _x = [];
    private double[] _tx = [];
    private double[] _t = [];
    private double[] _sortBuffer = [];

    [GlobalSetup]
    public void Setup()
    {
        LifetimeSummarySet<string> master = LifetimeSummaries.Summarize(
            ReadCdnowMaster(),
            l => l.Id,
            l => l.Date,
            l => l.Dollars,
            new LifetimeSummaryOptions(new DateTime(1997, 9, 30), LifetimeTimeUnit.Weeks));
        _masterX = master.RepeatPurchasesSpan.ToArray();
        _masterTx = master.TimeToLastPurchaseSpan.ToArray();
        _masterT = master.ObservedTimeSpan.ToArray();
        (_x, _tx, _t) = Synthetic(Customers, SyntheticValues.Seed);
        _sortBuffer = new double[Customers];
    }

    /// <summary>Baseline: copy the 10⁶ observed times into a preallocated buffer and sort it.</summary>
    [Benchmark(Baseline = true)]
    public double ArraySort()
    {
        _t.AsSpan().CopyTo(_sortBuffer);
        Array.Sort(_sortBuffer);
        return _sortBuffer[0];
    }

    /// <summary>BG/NBD on the CDNOW master file's 23,570 customers (39-week calibration, weeks).</summary>
    [Benchmark]
    public double FitCdnowMaster() => BgNbd.Fit(_masterX, _masterTx, _masterT, LifetimeTimeUnit.Weeks).Report.LogLikelihood;

    /// <summary>BG/NBD on the synthetic summary of 10⁶ customers.</summary>
    [Benchmark]
    public double FitSynthetic1M() => BgNbd.Fit(_x, _tx, _t, LifetimeTimeUnit.Weeks).Report.LogLikelihood;

    /// <summary>Customers simulated from BG/NBD (see the class remarks), in whole days converted to weeks.</summary>
    public static (int[] X, double[] Tx, double[] T) Synthetic(int customers, int seed)
    {
        var random = new Random(seed);
        var x = new int[customers];
        var tx = new double[customers];
        var t = new double[customers];
        for (int i = 0; i < customers; i++)
        {
            double lambda = Gamma(random, 0.25) / 4.5 / 7; // per day
            double ga = Gamma(random, 0.8), gb = Gamma(random, 2.4);
            double p = ga / (ga + gb);
            int observedDays = 273 - random.Next(84);
            double now = 0;
            int count = 0, lastDay = 0;
            while (true)
            {
                now += -Math.Log(1 - random.NextDouble()) / lambda;
                int day = (int)Math.Ceiling(now);
                if (day > observedDays)
                {
                    break;
                }

                if (day != lastDay)
                {
                    count++;
                    lastDay = day;
                }

                if (random.NextDouble() < p)
                {
                    break;
                }
            }

            x[i] = count;
            tx[i] = count == 0 ? 0 : lastDay / 7.0;
            t[i] = observedDays / 7.0;
        }

        return (x, tx, t);
    }

    /// <summary>Gamma(shape, 1) by Marsaglia &amp; Tsang (shape &lt; 1 boosted by U^(1/shape)).</summary>
    private static double Gamma(Random random, double shape)
    {
        if (shape < 1)
        {
            return Gamma(random, shape + 1) * Math.Pow(random.NextDouble(), 1 / shape);
        }

        double d = shape - (1.0 / 3), c = 1 / Math.Sqrt(9 * d);
        while (true)
        {
            double z, v;
            do
            {
                double u1 = 1 - random.NextDouble(), u2 = random.NextDouble();
                z = Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
                v = 1 + (c * z);
            }
            while (v <= 0);

            v = v * v * v;
            if (Math.Log(random.NextDouble()) < (0.5 * z * z) + d - (d * v) + (d * Math.Log(v)))
            {
                return d * v;
            }
        }
    }

    private static IEnumerable<(string Id, DateTime Date, decimal Dollars)> ReadCdnowMaster()
    {
        string? path = null;
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null && path is null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "..", "shared", "data", "cdnow", "CDNOW_master.txt");
            if (File.Exists(Path.Combine(dir.FullName, "CustomerValuation.sln")) && File.Exists(candidate))
            {
                path = candidate;
            }
        }

        if (path is null)
        {
            throw new FileNotFoundException("Needs ../shared/data/cdnow/CDNOW_master.txt beside the repository.");
        }

        foreach (string line in File.ReadLines(path))
        {
            string[] f = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (f.Length == 4 && char.IsDigit(f[0][0]))
            {
                yield return (f[0], DateTime.ParseExact(f[1], "yyyyMMdd", CultureInfo.InvariantCulture), decimal.Parse(f[3], NumberStyles.Number, CultureInfo.InvariantCulture));
            }
        }
    }
}
