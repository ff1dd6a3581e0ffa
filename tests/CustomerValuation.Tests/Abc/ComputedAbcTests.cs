using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using CustomerValuation.Abc;
using CustomerValuation.Cli;
using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace CustomerValuation.Tests.Abc;

public class ComputedAbcTests
{
    [Fact]
    public void Compute_TenValues_HandWorkedPoints()
    {
        // Values 40, 20, 10, 8, 6, 5, 4, 3, 2, 2 (total 100, mean 10), m = 10.
        // Curve C: .40 .60 .70 .78 .84 .89 .93 .96 .98 1.00 at p = .1 … 1.
        // Distance² to (0, 1): .01+.36=.37, .04+.16=.20, .09+.09=.18, .16+.0484=.2084 → Pareto point rank 3.
        // Slope m·x/T = x/10: 4, 2, 1, .8, … → break-even rank 3 (x = 10 = the mean).
        // A|B = rank 3; p_B = .3. Distance² to (.3, 1): r3 0+.09=.09, r4 .01+.0484=.0584,
        // r5 .04+.0256=.0656 → submarginal rank 4. So A = 3, B = 1, C = 6.
        double[] values = { 2, 40, 6, 20, 5, 10, 4, 8, 3, 2 };
        ComputedAbcResult result = ComputedAbc.Compute(values);

        Assert.Equal(3, result.ParetoPoint.Rank);
        Assert.Equal(3, result.BreakEvenPoint.Rank);
        Assert.Equal(4, result.SubmarginalPoint.Rank);
        Assert.Equal(3, result.LastRankOfA);
        Assert.Equal(4, result.LastRankOfB);
        Assert.Equal(0.70, result.Options.Breakpoints[0], 12);
        Assert.Equal(0.78, result.Options.Breakpoints[1], 12);

        AbcSummary summary = AbcClassifier.Analyze(values, result.Options).Summary;
        Assert.Equal(new[] { 3, 1, 6, 0 }, summary.Classes.Select(c => c.Count));
    }

    [Fact]
    public void Compute_OptionsReproduceBoundaryRanks_ForAnyData()
    {
        Gen<double[]> values = Gen.ArrayOf(Gen.Choose(1, 10_000).Select(i => i / 7.0)).Where(v => v.Length >= 3);
        PropertyCheck.ForAll(values, v =>
        {
            ComputedAbcResult result;
            try
            {
                result = ComputedAbc.Compute(v);
            }
            catch (System.ArgumentException e) when (e.Message.Contains("leaves class B or C empty", System.StringComparison.Ordinal))
            {
                return true; // degenerate split, documented; any other exception fails the property
            }

            AbcSummary summary = AbcClassifier.Analyze(v, result.Options).Summary;
            return summary.Classes[0].Count == result.LastRankOfA
                && summary.Classes[0].Count + summary.Classes[1].Count == result.LastRankOfB
                && result.LastRankOfA == System.Math.Min(result.ParetoPoint.Rank, result.BreakEvenPoint.Rank);
        });
    }

    [Fact]
    public void Compute_ScaledOrPermuted_SamePoints()
    {
        Gen<(double[], int)> gen = Gen.Zip(Gen.ArrayOf(Gen.Choose(1, 1000).Select(i => (double)i)).Where(v => v.Length >= 3), Gen.Choose(0, 1000));
        PropertyCheck.ForAll(gen, t =>
        {
            (double[] v, int seed) = t;
            double[] shuffled = v.ToArray();
            new System.Random(seed).Shuffle(shuffled);
            double[] scaled = v.Select(x => x * 3.5).ToArray();
            try
            {
                ComputedAbcResult a = ComputedAbc.Compute(v);
                ComputedAbcResult b = ComputedAbc.Compute(shuffled);
                ComputedAbcResult c = ComputedAbc.Compute(scaled);
                return a.LastRankOfA == b.LastRankOfA && a.LastRankOfB == b.LastRankOfB
                    && a.LastRankOfA == c.LastRankOfA && a.LastRankOfB == c.LastRankOfB;
            }
            catch (System.ArgumentException e) when (e.Message.Contains("leaves class B or C empty", System.StringComparison.Ordinal))
            {
                // Degenerate for one ordering means degenerate for all: the points do not depend on order or scale.
                return Throws(shuffled) && Throws(scaled);
            }
        });
    }

    private static bool Throws(double[] values)
    {
        try
        {
            ComputedAbc.Compute(values);
            return false;
        }
        catch (System.ArgumentException)
        {
            return true;
        }
    }

    [SharedDataFact("r-packages/abcanalysis/SwissInhabitants.csv")]
    public void Compute_SwissInhabitants_MatchesIndependentImplementation()
    {
        // Expected figures from the independent Julia port CalculatedABC.jl (test/test_analysis.jl,
        // test/test_gini.jl) on the R package's SwissInhabitants data (2,896 communes, 1900):
        // Pareto point 735/2896 at yield 0.7219586074342286, break-even = A|B 642/2896 at 0.6913764432243525,
        // submarginal 1076/2896 at 0.810278191608252; |A| = 642, |B| = 434, |C| = 1,820; Gini 0.6294073840902157.
        double[] values = File.ReadLines(SharedData.PathOf("r-packages/abcanalysis/SwissInhabitants.csv"))
            .Skip(1)
            .Select(line => double.Parse(line.Split(',')[1], CultureInfo.InvariantCulture))
            .ToArray();
        Assert.Equal(2896, values.Length);

        ComputedAbcResult result = ComputedAbc.Compute(values);
        Assert.Equal(735, result.ParetoPoint.Rank);
        Assert.Equal(0.7219586074342286, result.ParetoPoint.CumulativeValueShare, 12);
        Assert.Equal(642, result.BreakEvenPoint.Rank);
        Assert.Equal(0.6913764432243525, result.BreakEvenPoint.CumulativeValueShare, 12);
        Assert.Equal(1076, result.SubmarginalPoint.Rank);
        Assert.Equal(0.810278191608252, result.SubmarginalPoint.CumulativeValueShare, 12);

        AbcAnalysis analysis = AbcClassifier.Analyze(values, result.Options);
        Assert.Equal(new[] { 642, 434, 1820, 0 }, analysis.Summary.Classes.Select(c => c.Count));
        Assert.Equal(0.6294073840902157, analysis.Summary.Gini, 12);
    }

    [SharedDataFact("r-packages/datasets/islands.csv")]
    public void Compute_Islands_ClassesPartitionAndRespectPoints()
    {
        // No published split exists for islands; check the invariants on real, very skewed data.
        string[] lines = File.ReadAllLines(SharedData.PathOf("r-packages/datasets/islands.csv"));
        double[] values = lines.Skip(1).Select(l => double.Parse(l[(l.LastIndexOf(',') + 1)..], CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(48, values.Length);

        ComputedAbcResult result = ComputedAbc.Compute(values);
        AbcSummary summary = AbcClassifier.Analyze(values, result.Options).Summary;
        Assert.Equal(48, summary.Classes.Sum(c => c.Count));
        Assert.Equal(result.LastRankOfA, summary.Classes[0].Count);
        Assert.True(result.ParetoPoint.CumulativeValueShare > result.ParetoPoint.CustomerShare);
    }

    [Fact]
    public void CsvInputIsLinked_ForRealDataTests()
    {
        // The real-data tests read CSV through the CLI's reader; make sure it parses quotes.
        using var reader = new RecordReader(new MemoryStream(System.Text.Encoding.UTF8.GetBytes("a,b\n\"x, y\",\"he said \"\"hi\"\"\"\n")), "inline");
        var records = new List<(long Line, string[] Fields)>();
        while (reader.Read())
        {
            records.Add((reader.Line, reader.Strings()));
        }

        Assert.Equal(new[] { "x, y", "he said \"hi\"" }, records[1].Fields);
        Assert.Equal(2, records[1].Line);
    }
}
