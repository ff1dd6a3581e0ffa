using System;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Threading;

namespace CustomerValuation.Cli;

/// <summary>
/// The options every command has, declared once: <c>--delimiter</c> and <c>--culture</c> for the
/// input, <c>--format</c> for the output, and <c>--quiet</c>.
/// </summary>
internal sealed class SharedOptions
{
    public SharedOptions(Command command, bool input = true, bool format = true)
    {
        if (input)
        {
            command.Options.Add(Delimiter);
            command.Options.Add(Culture);
        }

        if (format)
        {
            command.Options.Add(Format);
        }

        command.Options.Add(Quiet);
    }

    public Option<string> Delimiter { get; } = new("--delimiter")
    {
        Description = "How the input's fields are separated: comma (default), semicolon, tab, or whitespace (runs of spaces or tabs, no quoting; e.g. the CDNOW files).",
        DefaultValueFactory = _ => "comma",
        HelpName = "comma|semicolon|tab|whitespace",
    };

    public Option<string> Culture { get; } = new("--culture")
    {
        Description = "Culture of the numbers in the input, e.g. de-DE for 1.234,56 (with --delimiter semicolon); default invariant: a dot as the decimal separator, no thousands separators. Dates are always yyyy-MM-dd; output is always invariant.",
        DefaultValueFactory = _ => "invariant",
        HelpName = "invariant|NAME",
    };

    public Option<string> Format { get; } = new("--format")
    {
        Description = "Format of --output: csv (default) or jsonl (one JSON object per line; ids and codes as strings, numbers as numbers, empty cells as null).",
        DefaultValueFactory = _ => "csv",
        HelpName = "csv|jsonl",
    };

    public Option<bool> Quiet { get; } = new("--quiet", "-q")
    {
        Description = "Print nothing but errors: no summary, no progress.",
    };
}

/// <summary>
/// The columns of a transaction file, declared once for the commands that read one (<c>rfm</c>,
/// <c>report</c>, <c>clv</c>).
/// </summary>
internal sealed class TransactionColumns
{
    private readonly bool _orders;

    public TransactionColumns(bool orders)
    {
        _orders = orders;
    }

    public Option<string> Transactions { get; } = new("--transactions")
    {
        Description = "File of transaction lines, one purchase line per row, with a header naming the columns (plain or .gz; - for standard input).",
        Required = true,
    };

    public Option<string> Customer { get; } = new("--customer-column")
    {
        Description = "Column with the customer id (by name; by number, 1 = the first, with clv's --no-header). Lines without one are removed and counted.",
        Required = true,
    };

    public Option<string> Date { get; } = new("--date-column")
    {
        Description = "Column with the date: yyyy-MM-dd, optionally with a time, or yyyyMMdd; only the date counts.",
        Required = true,
    };

    public Option<string?> Amount { get; } = new("--amount-column")
    {
        Description = "Column with the line amount (or give --quantity-column and --price-column).",
    };

    public Option<string?> Quantity { get; } = new("--quantity-column")
    {
        Description = "Column with the quantity; amount = quantity × unit price.",
    };

    public Option<string?> Price { get; } = new("--price-column")
    {
        Description = "Column with the unit price.",
    };

    public Option<string?> Order { get; } = new("--order-column")
    {
        Description = "Column with the order (invoice) id; frequency then counts distinct orders.",
    };

    public Option<string?> ExcludeOrderPrefix { get; } = new("--exclude-order-prefix")
    {
        Description = "Order ids starting with this text are cancellations and are removed (e.g. C).",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Transactions);
        command.Options.Add(Customer);
        command.Options.Add(Date);
        command.Options.Add(Amount);
        command.Options.Add(Quantity);
        command.Options.Add(Price);
        if (_orders)
        {
            command.Options.Add(Order);
            command.Options.Add(ExcludeOrderPrefix);
        }
    }
}

/// <summary>
/// One run of the tool: its output streams and cancellation, and how a command is executed: the
/// shared options read into the <see cref="CliContext"/>, the summary sent where it belongs, the
/// errors turned into one line and an exit code.
/// </summary>
internal sealed class RunEnvironment
{
    public RunEnvironment(TextWriter output, TextWriter error, CancellationToken cancellation)
    {
        Output = output;
        Error = error;
        Cancellation = cancellation;
    }

    public TextWriter Output { get; }

    public TextWriter Error { get; }

    public CancellationToken Cancellation { get; }

    /// <summary>
    /// Runs a command: with <c>--output -</c> the data goes to standard output and the summary to
    /// standard error; with <c>--quiet</c> there is no summary. Exit codes: 0, 2 bad arguments, 3
    /// bad input data, 1 unexpected, 130 cancelled.
    /// </summary>
    public int Execute(ParseResult result, SharedOptions shared, string? outputPath, Action<TextWriter> command)
    {
        bool quiet = result.GetValue(shared.Quiet);
        TextWriter summary = quiet ? TextWriter.Null : CliContext.IsStandardOutput(outputPath) ? Error : Output;
        ProgressReport? progress = null;
        try
        {
            FieldDelimiter delimiter = ParseDelimiter(result.GetValue(shared.Delimiter));
            CultureInfo culture = ParseCulture(result.GetValue(shared.Culture));
            OutputFormat format = ParseFormat(result.GetValue(shared.Format));
            if (!quiet && ReferenceEquals(Error, Console.Error) && !Console.IsErrorRedirected)
            {
                progress = new ProgressReport(Error);
            }

            CliContext.Current = new CliContext
            {
                Delimiter = delimiter,
                Culture = culture,
                Format = format,
                StandardOutput = Output,
                Progress = progress,
                Cancellation = Cancellation,
            };
            command(summary);
            return 0;
        }
        catch (CliException e)
        {
            progress?.Dispose();
            Error.WriteLine("error: " + e.Message);
            return e.ExitCode;
        }
        catch (OperationCanceledException) when (Cancellation.IsCancellationRequested)
        {
            progress?.Dispose();
            Error.WriteLine("cancelled: no output was written.");
            return Program.CancelledExitCode;
        }
        catch (InvalidDataException e)
        {
            progress?.Dispose();
            Error.WriteLine("error: " + CliException.OneLine(e));
            return CliException.DataExitCode;
        }
        catch (ArgumentException e)
        {
            // A safety net: the library's argument errors are normally turned into CliException where they arise.
            progress?.Dispose();
            Error.WriteLine("error: " + CliException.OneLine(e));
            return CliException.DataExitCode;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            progress?.Dispose();
            Error.WriteLine("error: " + CliException.OneLine(e));
            return Program.UnexpectedExitCode;
        }
        finally
        {
            progress?.Dispose();
            CliContext.Current = null;
        }
    }

    private static FieldDelimiter ParseDelimiter(string? name) => name switch
    {
        null or "comma" => FieldDelimiter.Comma,
        "semicolon" => FieldDelimiter.Semicolon,
        "tab" => FieldDelimiter.Tab,
        "whitespace" => FieldDelimiter.Whitespace,
        _ => throw CliException.Usage($"--delimiter: '{name}' is not one of the choices; use comma, semicolon, tab or whitespace."),
    };

    private static OutputFormat ParseFormat(string? name) => name switch
    {
        null or "csv" => OutputFormat.Csv,
        "jsonl" => OutputFormat.JsonLines,
        _ => throw CliException.Usage($"--format: '{name}' is not one of the choices; use csv or jsonl."),
    };

    private static CultureInfo ParseCulture(string? name)
    {
        if (name is null || name.Equals("invariant", StringComparison.OrdinalIgnoreCase))
        {
            return CultureInfo.InvariantCulture;
        }

        try
        {
            return CultureInfo.GetCultureInfo(name, predefinedOnly: true);
        }
        catch (CultureNotFoundException e)
        {
            throw CliException.Usage($"--culture: '{name}' is not a culture this machine knows; give a name such as de-DE or fr-FR, or invariant.", e);
        }
    }
}
