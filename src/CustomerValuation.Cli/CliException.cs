using System;

namespace CustomerValuation.Cli;

/// <summary>
/// A problem with the user's arguments (exit code 2, made by <see cref="Usage"/>), input data
/// (exit code 3, the constructors) or the database of <c>--run</c> (exit code 4, made by
/// <see cref="Connection"/>): printed as one line on standard error.
/// </summary>
internal sealed class CliException : Exception
{
    /// <summary>The exit code of bad arguments: an option's value, a missing file, a column not in the header.</summary>
    public const int UsageExitCode = 2;

    /// <summary>The exit code of bad input data: a value in a file that breaks its rule, a corrupt or truncated file.</summary>
    public const int DataExitCode = 3;

    /// <summary>The exit code of a database that cannot be reached or refuses the login (<c>sql … --run</c>): host not found, connection refused, TLS, timeout, authentication.</summary>
    public const int ConnectionExitCode = 4;

    public CliException(string message)
        : base(message)
    {
    }

    public CliException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public CliException()
    {
    }

    /// <summary><see cref="UsageExitCode"/>, <see cref="DataExitCode"/> or <see cref="ConnectionExitCode"/>.</summary>
    public int ExitCode { get; private init; } = DataExitCode;

    /// <summary>An error in the arguments (exit code 2).</summary>
    public static CliException Usage(string message, Exception? inner = null) =>
        new(message, inner!) { ExitCode = UsageExitCode };

    /// <summary>A database that cannot be reached or refuses the login (exit code 4).</summary>
    public static CliException Connection(string message, Exception? inner = null) =>
        new(message, inner!) { ExitCode = ConnectionExitCode };

    /// <summary>
    /// Turns a library argument error into a one-line CLI error: the first line of its message,
    /// without the " (Parameter 'x')" suffix and the "Actual value was …" line that .NET adds.
    /// </summary>
    public static CliException FromArgument(ArgumentException e, string? context = null, bool usage = false) =>
        new((context is null ? string.Empty : context + ": ") + OneLine(e), e) { ExitCode = usage ? UsageExitCode : DataExitCode };

    public static string OneLine(Exception e)
    {
        string message = e.Message;
        int newline = message.AsSpan().IndexOfAny('\r', '\n');
        if (newline >= 0)
        {
            message = message[..newline];
        }

        int parameter = message.LastIndexOf(" (Parameter '", StringComparison.Ordinal);
        return parameter > 0 && message.EndsWith("')", StringComparison.Ordinal) ? message[..parameter] : message;
    }
}
