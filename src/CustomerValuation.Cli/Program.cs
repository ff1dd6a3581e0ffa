using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using CustomerValuation.Abc;

namespace CustomerValuation.Cli;

/// <summary>Entry point of the <c>customer-valuation</c> tool.</summary>
internal static class Program
{
    public static int Main(string[] args) => Run(args, Console.Out, Console.Error);

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        RootCommand root = BuildCommands(output, error);
        ParseResult parsed = root.Parse(args);
        return parsed.Invoke(new InvocationConfiguration { Output = output, Error = error });
    }

    private static RootCommand BuildCommands(TextWriter output, TextWriter error)
    {
        var input = new Option<string>("--input") { Description = "CSV file with a header (plain or .gz).", Required = true };
        var idColumn = new Option<string>("--id-column") { Description = "Column with the customer id.", DefaultValueFactory = _ => "customer_id" };
        var valueColumn = new Option<string>("--value-column") { Description = "Column with the customer's value (annual sales, profit, …).", DefaultValueFactory = _ => "value" };
        var by = new Option<string>("--by") { Description = "Shares of value (default) or of customer count.", DefaultValueFactory = _ => "value" };
        by.AcceptOnlyFromAmong("value", "count");
        var breakpoints = new Option<string?>("--breakpoints") { Description = "Comma-separated increasing shares in (0,1); default 0.8,0.95 by value, 0.1,0.3 by count." };
        var labels = new Option<string?>("--labels") { Description = "Comma-separated class labels, best first (one more than breakpoints); default A,B,C,…" };
        var boundary = new Option<string>("--boundary") { Description = "Where the customer that crosses a breakpoint goes: upper (default) or lower class.", DefaultValueFactory = _ => "upper" };
        boundary.AcceptOnlyFromAmong("upper", "lower");
        var computed = new Option<bool>("--computed") { Description = "Choose the breakpoints from the data (computed ABC, Ultsch & Lötsch 2015)." };
        var sumDuplicates = new Option<bool>("--sum-duplicates") { Description = "Add up the values of a repeated customer id instead of failing." };
        var outputFile = new Option<string?>("--output") { Description = "Write customer_id,class,rank,value,share,cumulative_share to this CSV file." };

        var abc = new Command("abc", "ABC (Pareto) classification of customers from a CSV file.")
        {
            input, idColumn, valueColumn, by, breakpoints, labels, boundary, computed, sumDuplicates, outputFile,
        };
        abc.SetAction(result => Guarded(error, () =>
        {
            var settings = new AbcSettings(
                result.GetValue(input)!,
                result.GetValue(idColumn)!,
                result.GetValue(valueColumn)!,
                result.GetValue(by) == "count" ? AbcBasis.CountShare : AbcBasis.ValueShare,
                ParseNumbers(result.GetValue(breakpoints), "--breakpoints"),
                ParseLabels(result.GetValue(labels)),
                result.GetValue(boundary) == "lower" ? AbcBoundaryRule.JoinLowerClass : AbcBoundaryRule.JoinUpperClass,
                result.GetValue(computed),
                result.GetValue(sumDuplicates),
                result.GetValue(outputFile));
            AbcCommand.Run(settings, output);
        }));

        var outputDirectory = new Option<string>("--output-dir") { Description = "Folder for the demo's result files.", DefaultValueFactory = _ => "demo-output" };
        var demo = new Command("demo", "Run every capability on built-in, seeded synthetic data and write the results to a folder.") { outputDirectory };
        demo.SetAction(result => Guarded(error, () => DemoCommand.Run(result.GetValue(outputDirectory)!, output)));

        return new RootCommand("customer-valuation: customer-valuation algorithms (ABC classification, …) on CSV files.") { abc, demo };
    }

    private static int Guarded(TextWriter error, Action action)
    {
        try
        {
            action();
            return 0;
        }
        catch (CliException e)
        {
            error.WriteLine("error: " + e.Message);
            return 1;
        }
        catch (IOException e)
        {
            error.WriteLine("error: " + CliException.OneLine(e));
            return 1;
        }
        catch (InvalidDataException e)
        {
            error.WriteLine("error: " + CliException.OneLine(e));
            return 1;
        }
        catch (ArgumentException e)
        {
            // A safety net: argument errors are normally turned into CliException where they arise.
            error.WriteLine("error: " + CliException.OneLine(e));
            return 1;
        }
        catch (UnauthorizedAccessException e)
        {
            error.WriteLine("error: " + e.Message);
            return 1;
        }
    }

    private static double[]? ParseNumbers(string? text, string optionName)
    {
        if (text is null)
        {
            return null;
        }

        return text.Split(',').Select(part =>
        {
            string trimmed = part.Trim();
            if (!double.TryParse(trimmed, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double value))
            {
                throw new CliException($"{optionName}: '{trimmed}' is not a number; give shares such as 0.8,0.95.");
            }

            return value;
        }).ToArray();
    }

    private static string[]? ParseLabels(string? text) =>
        text?.Split(',').Select(s => s.Trim()).ToArray();
}
