using System;
using BenchmarkDotNet.Attributes;
using CustomerValuation.Contribution;

namespace CustomerValuation.Benchmarks.Contribution;

/// <summary>
/// The contribution span kernel on 10⁷ rows (customer × product) in 10⁵ groups, against
/// <c>Array.Sort</c> of a copy of the 10⁷ sales.
/// </summary>
/// <remarks>
/// Data (seeded): group = row ÷ 100 (100 products per customer); sales LogNormal-ish in cents with 2 %
/// zero; cost 50–110 % of sales (some negative margins); average inventory 5–50 % of sales, 3 %
/// zero and 2 % missing (NaN). The destinations are preallocated, so the kernel's own allocation shows.
/// </remarks>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 8)]
public class ContributionAnalyzerBenchmarks
{
    private const int Rows = 10_000_000;
    private const int Groups = Rows / 100;
    private int[] _groups = [];
    private double[] _sales = [];
    private double[] _cost = [];
    private double[] _inventory = [];
    private double[] _sortBuffer = [];
    private ContributionRow[] _destination = [];
    private ContributionGroupTotals[] _totals = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20_260_105);
        _groups = new int[Rows];
        _sales = new double[Rows];
        _cost = new double[Rows];
        _inventory = new double[Rows];
        for (int i = 0; i < Rows; i++)
        {
            _groups[i] = i / 100;
            double u = random.NextDouble();
            double sales = u < 0.02 ? 0 : Math.Round(Math.Exp(5 + (1.5 * Gaussian(random))), 2);
            _sales[i] = sales;
            _cost[i] = Math.Round(sales * (0.5 + (0.6 * random.NextDouble())), 2);
            double w = random.NextDouble();
            _inventory[i] = w < 0.03 ? 0 : w < 0.05 ? double.NaN : Math.Round(sales * (0.05 + (0.45 * random.NextDouble())), 2);
        }

        _sortBuffer = new double[Rows];
        _destination = new ContributionRow[Rows];
        _totals = new ContributionGroupTotals[Groups];
    }

    /// <summary>Baseline: copy the 10⁷ sales into a preallocated buffer and sort it.</summary>
    [Benchmark(Baseline = true)]
    public double ArraySort()
    {
        _sales.AsSpan().CopyTo(_sortBuffer);
        Array.Sort(_sortBuffer);
        return _sortBuffer[0];
    }

    /// <summary>The span kernel: every row's figures and every group's totals.</summary>
    [Benchmark]
    public double AnalyzeSpan()
    {
        ContributionAnalyzer.Analyze(_groups, _sales, _cost, _inventory, _destination, _totals);
        return _totals[0].Sales;
    }

    /// <summary>
    /// The partial path of a partitioned engine: four partitions of 2.5·10⁶ rows each make a
    /// <see cref="ContributionPartial{TGroup}"/> (keyed by group, through selectors), the four are
    /// merged and rounded into the totals.
    /// </summary>
    [Benchmark]
    public double PartialsOfFourPartitions()
    {
        const int partitions = 4;
        var partials = new ContributionPartial<int>[partitions];
        for (int p = 0; p < partitions; p++)
        {
            partials[p] = ContributionPartial.FromRows(
                System.Linq.Enumerable.Range(p * (Rows / partitions), Rows / partitions),
                i => _groups[i],
                i => _sales[i],
                i => _cost[i],
                i => double.IsNaN(_inventory[i]) ? null : _inventory[i]);
        }

        ContributionTotals<int> totals = ContributionPartial.Merge(partials).ToTotals();
        return totals.Groups[0].Sales;
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
