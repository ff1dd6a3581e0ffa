using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using CustomerValuation.Abc;
using CustomerValuation.Internal;

namespace CustomerValuation.Cli;

/// <summary>Settings of the <c>abc</c> command.</summary>
internal sealed record AbcSettings(
    string Input,
    string IdColumn,
    string ValueColumn,
    AbcBasis Basis,
    IReadOnlyList<double>? Breakpoints,
    IReadOnlyList<string>? Labels,
    AbcBoundaryRule BoundaryRule,
    bool Computed,
    bool SumDuplicates,
    string? Output);

/// <summary>The <c>abc</c> command: classify customers from a CSV file.</summary>
internal static class AbcCommand
{
    public static AbcAnalysis<string> Run(AbcSettings settings, TextWriter console)
    {
        if (settings.Output is not null && string.IsNullOrWhiteSpace(settings.Output))
        {
            throw CliException.Usage("--output needs a file name.");
        }

        var lines = new Dictionary<string, long>(StringComparer.Ordinal);
        var totals = new Dictionary<string, double>(StringComparer.Ordinal);
        var repeated = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        foreach ((long line, string id, double value) in CsvInput.ReadIdValue(settings.Input, settings.IdColumn, settings.ValueColumn))
        {
            if (lines.TryGetValue(id, out long firstLine))
            {
                if (!settings.SumDuplicates)
                {
                    throw new CliException($"{settings.Input}: customer id '{id}' appears on line {firstLine} and again on line {line}; ids must be unique, or pass --sum-duplicates to add their values.");
                }

                if (!repeated.TryGetValue(id, out List<double>? parts))
                {
                    parts = new List<double> { totals[id] };
                    repeated.Add(id, parts);
                }

                parts.Add(value);
            }
            else
            {
                lines.Add(id, line);
                totals.Add(id, value);
            }
        }

        foreach (KeyValuePair<string, List<double>> customer in repeated)
        {
            totals[customer.Key] = SumInAnyOrder(customer.Value, customer.Key, settings.Input);
        }

        AbcOptions options;
        ComputedAbcResult? computed = null;
        if (settings.Computed)
        {
            if (settings.Breakpoints is not null || settings.Basis != AbcBasis.ValueShare || settings.BoundaryRule != AbcBoundaryRule.JoinUpperClass)
            {
                throw CliException.Usage("--computed chooses value-share breakpoints from the data and fixes the class boundaries; it cannot be combined with --breakpoints, --by count or --boundary lower.");
            }

            string[] idsInOrder = totals.Keys.OrderBy(k => k, StringComparer.Ordinal).ToArray();
            double[] values = idsInOrder.Select(k => totals[k]).ToArray();
            try
            {
                computed = ComputedAbc.Compute(values);
            }
            catch (ArgumentException e)
            {
                throw CliException.FromArgument(e, settings.Input);
            }

            try
            {
                options = settings.Labels is null ? computed.Options : computed.Options.WithLabels(settings.Labels.ToArray());
            }
            catch (ArgumentException e)
            {
                throw CliException.FromArgument(e, "--labels", usage: true);
            }
        }
        else
        {
            options = BuildOptions(settings.Basis, settings.Breakpoints, settings.Labels, settings.BoundaryRule);
        }

        AbcAnalysis<string> analysis;
        try
        {
            analysis = AbcClassifier.Analyze(totals, kv => kv.Key, kv => kv.Value, options);
        }
        catch (ArgumentException e)
        {
            throw CliException.FromArgument(e, settings.Input);
        }

        console.WriteLine($"ABC classification of {analysis.Summary.CustomerCount:N0} customers from {settings.Input} ({DescribeOptions(options)})");
        if (computed is not null)
        {
            console.WriteLine(string.Format(
                CultureInfo.InvariantCulture,
                "Computed ABC (Ultsch & Lötsch 2015): Pareto point rank {0} ({1:P1} of customers, {2:P1} of value); break-even rank {3}; submarginal rank {4} ({5:P1} of value).",
                computed.ParetoPoint.Rank,
                computed.ParetoPoint.CustomerShare,
                computed.ParetoPoint.CumulativeValueShare,
                computed.BreakEvenPoint.Rank,
                computed.SubmarginalPoint.Rank,
                computed.SubmarginalPoint.CumulativeValueShare));
        }

        console.WriteLine();
        console.Write(SummaryTable.Format(analysis.Summary));
        if (settings.Output is not null)
        {
            WriteCustomers(settings.Output, analysis.Customers);
            console.WriteLine($"Wrote {analysis.Customers.Count:N0} rows to {CliContext.Describe(settings.Output)}");
        }

        return analysis;
    }

    /// <summary>
    /// Adds a repeated customer's values in sorted order with compensated summation, so that the
    /// total, and so the classes, do not depend on the order of the file's lines.
    /// </summary>
    private static double SumInAnyOrder(List<double> parts, string id, string input)
    {
        parts.Sort();
        NeumaierSum sum = default;
        foreach (double v in parts)
        {
            sum.Add(v);
        }

        double total = sum.Value;
        if (double.IsInfinity(total) || double.IsNaN(total))
        {
            throw new CliException($"{input}: the values of customer id '{id}' add up to more than the largest double (about 1.8E+308); rescale them.");
        }

        return total;
    }

    private static readonly double[] s_valueBreakpoints = [0.80, 0.95];
    private static readonly double[] s_countBreakpoints = [0.10, 0.30];

    /// <summary>The options of the --by, --breakpoints, --labels and --boundary values (shared with <c>sql abc</c>); the default breakpoints are 0.8,0.95 by value and 0.1,0.3 by count.</summary>
    internal static AbcOptions BuildOptions(AbcBasis basis, IReadOnlyList<double>? breakpoints, IReadOnlyList<string>? labels, AbcBoundaryRule boundaryRule)
    {
        try
        {
            return new AbcOptions(breakpoints ?? (basis == AbcBasis.CountShare ? s_countBreakpoints : s_valueBreakpoints), basis, boundaryRule, labels);
        }
        catch (ArgumentException e)
        {
            throw CliException.FromArgument(e, "--breakpoints, --labels", usage: true);
        }
    }

    public static void WriteCustomers(string path, IReadOnlyList<AbcCustomer<string>> customers) =>
        AtomicFile.WriteTable(path, ["customer_id", "class"], writer =>
        {
            writer.WriteLine("customer_id,class,rank,value,share,cumulative_share");
            foreach (AbcCustomer<string> c in customers)
            {
                writer.Write(Csv.Field(c.Id));
                writer.Write(',');
                writer.Write(Csv.Field(c.Class));
                writer.Write(',');
                writer.Write(c.Rank.ToString(CultureInfo.InvariantCulture));
                writer.Write(',');
                writer.Write(Csv.Number(c.Value));
                writer.Write(',');
                writer.Write(Csv.Number(c.Share));
                writer.Write(',');
                writer.WriteLine(Csv.Number(c.CumulativeShare));
            }
        });

    public static string DescribeOptions(AbcOptions options) =>
        string.Format(
            CultureInfo.InvariantCulture,
            "{0}, breakpoints {1}, {2}",
            options.Basis == AbcBasis.ValueShare ? "by value share" : "by count share",
            string.Join(" / ", options.Breakpoints.Select(b => b.ToString("P2", CultureInfo.InvariantCulture))),
            options.BoundaryRule == AbcBoundaryRule.JoinUpperClass ? "crossing customer joins the upper class" : "crossing customer joins the lower class");
}
