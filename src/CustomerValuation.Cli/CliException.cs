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
}
