using System;
using System.IO;
using CustomerValuation.Abc;
using CustomerValuation.Rfm;

namespace CustomerValuation.Cli;

/// <summary>The <c>report</c> command: RFM and ABC of transaction lines, written as one self-contained HTML file with SVG charts.</summary>
internal static class ReportCommand
{
    /// <summary>Runs RFM with its defaults (5 rank-method scores, standard segments), ABC of the customers' monetary values, and writes the report.</summary>
    public static void Run(RfmSettings s, string? previousAsOf, TextWriter console)
    {
        if (string.IsNullOrWhiteSpace(s.Output))
        {
            throw CliException.Usage("--output needs a file name.");
        }

        string output = s.Output;
        if (previousAsOf is not null && !Rereadable(s.Transactions))
        {
            throw CliException.Usage($"--previous-as-of reads the transactions twice, so it needs a file, not standard input or a pipe ({s.Transactions}).");
        }

        RfmResult<string> rfm = RfmCommand.Run(s with { Output = null }, TextWriter.Null);
        DateTime asOf = TransactionInput.ParseOptionDate(s.AsOf, "--as-of");
        AbcAnalysis<string> abc = Abc(rfm);
        TierTransition? transition = null;
        if (previousAsOf is not null)
        {
            DateTime before = TransactionInput.ParseOptionDate(previousAsOf, "--previous-as-of");
            if (before >= asOf)
            {
                throw CliException.Usage($"--previous-as-of {previousAsOf} must be before --as-of {s.AsOf}.");
            }

            RfmResult<string> earlier;
            try
            {
                earlier = RfmCommand.Run(s with { Output = null, AsOf = previousAsOf }, TextWriter.Null);
            }
            catch (CliException e)
            {
                throw CliException.Usage($"--previous-as-of {previousAsOf}: {e.Message}", e);
            }

            transition = TierTransition.Of(before, Abc(earlier), abc);
        }

        Write(output, new ReportData(s.Transactions, asOf, abc, rfm, Transition: transition));
        console.WriteLine($"Wrote the report of {Svg.Customers(rfm.Customers.Count)} (Pareto curve, R × F heat map, segments{(transition is null ? string.Empty : ", ABC class transitions")}) to {CliContext.Describe(output)}");
    }

    /// <summary>Whether the input can be read a second time: a regular file, not "-" or a pipe such as <c>&lt;(…)</c>.</summary>
    private static bool Rereadable(string path)
    {
        if (path == "-")
        {
            return false;
        }

        if (!File.Exists(path))
        {
            return true; // the read reports the missing file
        }

        // Opening does not read, so nothing of a pipe is consumed; only a seekable file can be read twice.
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1);
        return stream.CanSeek;
    }

    /// <summary>ABC by value share (A to 80 %, B to 95 %) of the customers' monetary values.</summary>
    public static AbcAnalysis<string> Abc(RfmResult<string> rfm) =>
        AbcClassifier.Analyze(rfm.Customers, x => x.Id, x => x.Monetary, AbcOptions.Default, StringComparer.Ordinal);

    /// <summary>Writes the report atomically.</summary>
    public static void Write(string path, ReportData data)
    {
        string html = HtmlReport.Build(data);
        AtomicFile.Write(path, w => w.Write(html));
    }
}
