using System;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.IO;
using System.Threading;

namespace CustomerValuation.Cli;

/// <summary>How data files are written: CSV, or JSON lines (one object per row).</summary>
internal enum OutputFormat
{
    /// <summary>CSV with a header line (RFC 4180 quoting), the default.</summary>
    Csv,

    /// <summary>One JSON object per line, keyed by the CSV header's names.</summary>
    JsonLines,
}

/// <summary>
/// The options every command shares (input delimiter and number culture, output format, standard
/// output for <c>--output -</c>, progress and cancellation), set once per command run by
/// <c>Program</c> and read where files are opened, parsed and written. Flows with the run
/// (an <see cref="AsyncLocal{T}"/>), so runs in parallel (tests) do not see each other's.
/// </summary>
internal sealed class CliContext
{
    private static readonly AsyncLocal<CliContext?> s_current = new();

    /// <summary>The context of the current run; the defaults outside a run.</summary>
    [AllowNull]
    public static CliContext Current
    {
        get => s_current.Value ?? Default;
        set => s_current.Value = value;
    }

    /// <summary>Comma-separated input, invariant numbers, CSV output, no progress, never cancelled.</summary>
    public static CliContext Default { get; } = new();

    /// <summary>How input fields are separated (<c>--delimiter</c>).</summary>
    public FieldDelimiter Delimiter { get; init; } = FieldDelimiter.Comma;

    /// <summary>The culture of numbers in input files (<c>--culture</c>); dates are always ISO 8601 and output is always invariant.</summary>
    public CultureInfo Culture { get; init; } = CultureInfo.InvariantCulture;

    /// <summary>Whether numbers are read in the invariant culture (the fast path for plain decimals applies).</summary>
    public bool InvariantNumbers => ReferenceEquals(Culture, CultureInfo.InvariantCulture);

    /// <summary>The data format of <c>--output</c> (<c>--format</c>).</summary>
    public OutputFormat Format { get; init; } = OutputFormat.Csv;

    /// <summary>Where <c>--output -</c> writes: the tool's standard output.</summary>
    public TextWriter StandardOutput { get; init; } = TextWriter.Null;

    /// <summary>Progress of the reading, or null when it is not shown.</summary>
    public ProgressReport? Progress { get; init; }

    /// <summary>Set by Ctrl-C: readers stop at their next block and no output file is left behind.</summary>
    public CancellationToken Cancellation { get; init; }

    /// <summary>The rule for numbers named in an error about one: how the run reads them.</summary>
    public string NumberRule => InvariantNumbers
        ? "use a dot as the decimal separator, no thousands separators"
        : $"numbers are read as {Culture.Name} writes them (--culture)";

    /// <summary>The number styles of input numbers: no thousands separators in the invariant culture, where a comma would be ambiguous.</summary>
    public NumberStyles NumberStyles => InvariantNumbers ? NumberStyles.Float : NumberStyles.Float | NumberStyles.AllowThousands;

    /// <summary>Parses an input number in the run's culture.</summary>
    public bool TryParseDouble(string text, out double value) => double.TryParse(text, NumberStyles, Culture, out value);

    /// <summary>An output path as a summary names it.</summary>
    public static string Describe(string? path) => IsStandardOutput(path) ? "standard output" : path ?? string.Empty;

    /// <summary>Whether a path names standard output.</summary>
    public static bool IsStandardOutput(string? path) => path == "-";
}
