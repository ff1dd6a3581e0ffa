using System;

namespace CustomerValuation.Cli;

/// <summary>A problem with the user's input or arguments: printed as one line, exit code 1.</summary>
internal sealed class CliException : Exception
{
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

    /// <summary>
    /// Turns a library argument error into a one-line CLI error: the first line of its message,
    /// without the " (Parameter 'x')" suffix and the "Actual value was …" line that .NET adds.
    /// </summary>
    public static CliException FromArgument(ArgumentException e, string? context = null) =>
        new((context is null ? string.Empty : context + ": ") + OneLine(e), e);

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
