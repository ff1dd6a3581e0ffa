using System;
using System.Text;

namespace CustomerValuation.Cli.Postgres;

/// <summary>The server could not be reached or the session could not be set up: the host is unknown, the port closed, TLS failed, a timeout, or the protocol broke.</summary>
internal sealed class PostgresConnectionException : Exception
{
    /// <summary>Creates the exception with its message (which never holds the password).</summary>
    /// <param name="message">What went wrong.</param>
    public PostgresConnectionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its message and cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="inner">The cause.</param>
    public PostgresConnectionException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>Creates the exception without a message.</summary>
    public PostgresConnectionException()
    {
    }
}

/// <summary>The login failed on the client's side: a method this client does not support, a bad SCRAM exchange, no password.</summary>
internal sealed class AuthenticationFailedException : Exception
{
    /// <summary>Creates the exception with its message (which never holds the password).</summary>
    /// <param name="message">What went wrong.</param>
    public AuthenticationFailedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its message and cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="inner">The cause.</param>
    public AuthenticationFailedException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>Creates the exception without a message.</summary>
    public AuthenticationFailedException()
    {
    }
}

/// <summary>An ErrorResponse from the server: its SQLSTATE, message, and detail and hint where given.</summary>
internal sealed class PostgresServerException : Exception
{
    /// <summary>Creates the exception from the ErrorResponse's fields.</summary>
    /// <param name="sqlState">The SQLSTATE code (field C).</param>
    /// <param name="serverMessage">The primary message (field M).</param>
    /// <param name="detail">The detail (field D), or null.</param>
    /// <param name="hint">The hint (field H), or null.</param>
    public PostgresServerException(string sqlState, string serverMessage, string? detail, string? hint)
        : base(Format(sqlState, serverMessage, detail, hint))
    {
        SqlState = sqlState;
        ServerMessage = serverMessage;
        Detail = detail;
        Hint = hint;
    }

    /// <summary>Creates the exception with a message only.</summary>
    /// <param name="message">The message.</param>
    public PostgresServerException(string message)
        : this("XX000", message, null, null)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="inner">The cause.</param>
    public PostgresServerException(string message, Exception inner)
        : base(message, inner)
    {
        SqlState = "XX000";
        ServerMessage = message;
    }

    /// <summary>Creates the exception without a message.</summary>
    public PostgresServerException()
        : this("XX000", "unknown error", null, null)
    {
    }

    /// <summary>The SQLSTATE code, e.g. <c>42P01</c> for a table that does not exist.</summary>
    public string SqlState { get; }

    /// <summary>The server's primary message.</summary>
    public string ServerMessage { get; }

    /// <summary>The server's detail, or null.</summary>
    public string? Detail { get; }

    /// <summary>The server's hint, or null.</summary>
    public string? Hint { get; }

    /// <summary>One line: <c>PostgreSQL error SQLSTATE: message (detail: …; hint: …)</c>, line breaks replaced by spaces.</summary>
    private static string Format(string sqlState, string message, string? detail, string? hint)
    {
        var sb = new StringBuilder("PostgreSQL error ").Append(sqlState).Append(": ").Append(message);
        if (detail is not null)
        {
            sb.Append(" (detail: ").Append(detail).Append(')');
        }

        if (hint is not null)
        {
            sb.Append(" (hint: ").Append(hint).Append(')');
        }

        return sb.Replace("\r\n", " ").Replace('\n', ' ').Replace('\r', ' ').ToString();
    }
}
