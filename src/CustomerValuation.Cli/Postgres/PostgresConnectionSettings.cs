using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace CustomerValuation.Cli.Postgres;

/// <summary>How the client protects the connection with TLS (the libpq <c>sslmode</c> values it supports).</summary>
internal enum PostgresSslMode
{
    /// <summary>Plain TCP; no SSLRequest is sent.</summary>
    Disable,

    /// <summary>TLS when the server offers it (the default), plain TCP when it answers 'N'; the certificate is not checked.</summary>
    Prefer,

    /// <summary>TLS or nothing; the certificate is not checked (as libpq does without a root certificate file).</summary>
    Require,

    /// <summary>TLS with the certificate checked against the system's trusted roots and the host name.</summary>
    VerifyFull,
}

/// <summary>
/// Where and how to connect: parsed from an Npgsql-style keyword string
/// (<c>Host=…;Port=…;Username=…;Password=…;Database=…;SSL Mode=…;Timeout=…</c>) or a libpq URI
/// (<c>postgresql://user:password@host:port/database?sslmode=…</c>). No message built here ever
/// contains the password.
/// </summary>
internal sealed record PostgresConnectionSettings
{
    /// <summary>The port when none is given.</summary>
    public const int DefaultPort = 5432;

    /// <summary>The connect (and login) timeout in seconds when none is given, as Npgsql's.</summary>
    public const int DefaultTimeoutSeconds = 15;

    /// <summary>The prefix of <c>--run env:NAME</c>: the connection string is read from the environment variable NAME.</summary>
    public const string EnvironmentPrefix = "env:";

    /// <summary>The server's host name or IP address.</summary>
    public required string Host { get; init; }

    /// <summary>The server's TCP port.</summary>
    public int Port { get; init; } = DefaultPort;

    /// <summary>The user to log in as.</summary>
    public required string Username { get; init; }

    /// <summary>The password, or null when none was given (trust authentication).</summary>
    public string? Password { get; init; }

    /// <summary>The database to connect to.</summary>
    public required string Database { get; init; }

    /// <summary>The TLS mode.</summary>
    public PostgresSslMode SslMode { get; init; } = PostgresSslMode.Prefer;

    /// <summary>Seconds to wait for the connection and the login; 0 waits for ever.</summary>
    public int TimeoutSeconds { get; init; } = DefaultTimeoutSeconds;

    /// <summary>The server as messages name it: <c>host:port</c> (never the password).</summary>
    public string Endpoint => (Host.Contains(':', StringComparison.Ordinal) ? "[" + Host + "]" : Host) + ":" + Port.ToString(CultureInfo.InvariantCulture);

    /// <summary>The password and the user name kept out of the record's printed form.</summary>
    /// <returns>The endpoint, user and database.</returns>
    public override string ToString() => Username + "@" + Endpoint + "/" + Database;

    /// <summary>
    /// Reads the value of <c>--run</c>: <c>env:NAME</c> takes the connection string from the
    /// environment variable NAME; anything else is the connection string itself. A missing password
    /// is taken from <c>PGPASSWORD</c>.
    /// </summary>
    /// <param name="value">The option's value.</param>
    /// <param name="environment">Reads an environment variable (<see cref="Environment.GetEnvironmentVariable(string)"/> in the tool).</param>
    /// <returns>The settings.</returns>
    /// <exception cref="FormatException">The string (or the variable) is missing or malformed; the message names the key and never contains the password.</exception>
    public static PostgresConnectionSettings Resolve(string value, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(environment);
        string text = value;
        if (value.StartsWith(EnvironmentPrefix, StringComparison.OrdinalIgnoreCase))
        {
            string name = value[EnvironmentPrefix.Length..];
            if (name.Length == 0)
            {
                throw new FormatException("env: needs the name of an environment variable, e.g. env:CV_POSTGRES.");
            }

            text = environment(name) ?? string.Empty;
            if (string.IsNullOrWhiteSpace(text))
            {
                throw new FormatException($"the environment variable {name} is not set or empty; set it to a connection string such as Host=db;Username=me;Database=sales.");
            }
        }

        PostgresConnectionSettings settings = Parse(text);
        if (settings.Password is null && environment("PGPASSWORD") is { Length: > 0 } password)
        {
            settings = settings with { Password = password };
        }

        return settings;
    }

    /// <summary>Parses a keyword connection string or a <c>postgresql://</c> URI.</summary>
    /// <param name="text">The connection string.</param>
    /// <returns>The settings (the password null when the string has none).</returns>
    /// <exception cref="FormatException">The string is malformed; the message names the key and never contains the password.</exception>
    public static PostgresConnectionSettings Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string trimmed = text.Trim();
        if (trimmed.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase) || trimmed.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase))
        {
            return ParseUri(trimmed);
        }

        if (trimmed.Length == 0)
        {
            throw new FormatException("the connection string is empty; give one such as Host=db;Username=me;Password=…;Database=sales.");
        }

        return FromKeywords(SplitKeywords(trimmed));
    }

    /// <summary>Splits <c>key=value;…</c>: keys case-insensitive and trimmed, values trimmed, a value in single or double quotes may hold <c>;</c> and its quote doubled.</summary>
    private static Dictionary<string, string> SplitKeywords(string text)
    {
        var pairs = new Dictionary<string, string>(StringComparer.Ordinal);
        string? previous = null;
        int i = 0;
        while (i < text.Length)
        {
            int equals = text.IndexOf('=', i);
            int semicolon = text.IndexOf(';', i);
            if (equals < 0 || (semicolon >= 0 && semicolon < equals))
            {
                string fragment = (semicolon < 0 ? text[i..] : text[i..semicolon]).Trim();
                if (fragment.Length > 0)
                {
                    // Never echoed: after an unquoted password it may be the password's tail.
                    throw new FormatException(previous is null
                        ? "the connection string does not start with a key=value pair; separate pairs with ';'."
                        : $"the text after the value of {previous} is not a key=value pair; separate pairs with ';' and quote a value that holds ';'.");
                }

                i = semicolon < 0 ? text.Length : semicolon + 1;
                continue;
            }

            string key = text[i..equals].Trim();
            if (key.Length == 0)
            {
                throw new FormatException("a value has no key before its '='.");
            }

            i = equals + 1;
            while (i < text.Length && text[i] == ' ')
            {
                i++;
            }

            string value;
            if (i < text.Length && (text[i] == '"' || text[i] == '\''))
            {
                char quote = text[i];
                var sb = new StringBuilder();
                i++;
                while (true)
                {
                    if (i >= text.Length)
                    {
                        throw new FormatException($"the value of '{key}' opens a quote ({quote}) that is never closed.");
                    }

                    if (text[i] == quote)
                    {
                        if (i + 1 < text.Length && text[i + 1] == quote)
                        {
                            sb.Append(quote);
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    sb.Append(text[i++]);
                }

                value = sb.ToString();
                while (i < text.Length && text[i] == ' ')
                {
                    i++;
                }

                if (i < text.Length && text[i] != ';')
                {
                    throw new FormatException($"the quoted value of '{key}' is followed by more text before the next ';'.");
                }
            }
            else
            {
                int end = text.IndexOf(';', i);
                value = (end < 0 ? text[i..] : text[i..end]).Trim();
                i = end < 0 ? text.Length : end;
            }

            i++; // past the ';'
            string canonical = CanonicalKey(key, previous);
            previous = canonical;
            if (!pairs.TryAdd(canonical, value))
            {
                throw new FormatException($"'{key}' is given twice.");
            }
        }

        return pairs;
    }

    /// <summary>The keys the client reads, with Npgsql's synonyms; anything else is an error naming the key.</summary>
    private static string CanonicalKey(string key, string? previous)
    {
        string folded = key.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
        return folded switch
        {
            "HOST" or "SERVER" => "Host",
            "PORT" => "Port",
            "USERNAME" or "USER" or "USERID" or "UID" => "Username",
            "PASSWORD" or "PSW" or "PWD" => "Password",
            "DATABASE" or "DB" => "Database",
            "SSLMODE" => "SSL Mode",
            "TIMEOUT" => "Timeout",
            _ => throw new FormatException((previous == "Password"
                    ? "the key after Password is not one this client reads (quote a password that holds ';')"
                    : $"'{key}' is not a key this client reads")
                + "; it reads Host, Port, Username, Password, Database, SSL Mode and Timeout."),
        };
    }

    private static PostgresConnectionSettings FromKeywords(Dictionary<string, string> pairs)
    {
        string host = pairs.TryGetValue("Host", out string? h) && h.Length > 0 ? h : throw new FormatException("Host is missing; give the server's name or address, e.g. Host=db.example.com.");
        if (host.Contains(',', StringComparison.Ordinal))
        {
            throw new FormatException($"Host: '{host}' names several hosts; this client connects to one.");
        }

        string? user = pairs.GetValueOrDefault("Username");
        return Build(
            host,
            pairs.TryGetValue("Port", out string? port) ? ParsePort(port, "Port") : DefaultPort,
            user,
            pairs.TryGetValue("Password", out string? password) ? password : null,
            pairs.GetValueOrDefault("Database"),
            pairs.TryGetValue("SSL Mode", out string? ssl) ? ParseSslMode(ssl, "SSL Mode") : PostgresSslMode.Prefer,
            pairs.TryGetValue("Timeout", out string? timeout) ? ParseTimeout(timeout, "Timeout") : DefaultTimeoutSeconds);
    }

    private static PostgresConnectionSettings ParseUri(string text)
    {
        int scheme = text.IndexOf("://", StringComparison.Ordinal) + 3;
        string rest = text[scheme..];
        string? query = null;
        int question = rest.IndexOf('?', StringComparison.Ordinal);
        if (question >= 0)
        {
            query = rest[(question + 1)..];
            rest = rest[..question];
        }

        string? database = null;
        int slash = rest.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            database = Decode(rest[(slash + 1)..], "database");
            rest = rest[..slash];
        }

        string? user = null;
        string? password = null;
        int at = rest.LastIndexOf('@');
        if (at >= 0)
        {
            string userInfo = rest[..at];
            rest = rest[(at + 1)..];
            int colon = userInfo.IndexOf(':', StringComparison.Ordinal);
            user = Decode(colon < 0 ? userInfo : userInfo[..colon], "user");
            password = colon < 0 ? null : Decode(userInfo[(colon + 1)..], "password");
        }

        if (rest.Contains(',', StringComparison.Ordinal))
        {
            throw new FormatException("the URI names several hosts; this client connects to one.");
        }

        string host;
        int port = DefaultPort;
        if (rest.StartsWith('['))
        {
            int close = rest.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                throw new FormatException("the URI's host opens '[' without a closing ']'.");
            }

            host = rest[1..close];
            string after = rest[(close + 1)..];
            if (after.Length > 0)
            {
                port = after[0] == ':' ? ParsePort(after[1..], "port") : throw new FormatException("the URI has text after its host's ']' that is not ':port'.");
            }
        }
        else
        {
            int colon = rest.LastIndexOf(':');
            host = Decode(colon < 0 ? rest : rest[..colon], "host");
            if (colon >= 0)
            {
                port = ParsePort(rest[(colon + 1)..], "port");
            }
        }

        PostgresSslMode ssl = PostgresSslMode.Prefer;
        int timeout = DefaultTimeoutSeconds;
        if (!string.IsNullOrEmpty(query))
        {
            foreach (string pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                int equals = pair.IndexOf('=', StringComparison.Ordinal);
                string key = Decode(equals < 0 ? pair : pair[..equals], "parameter");
                string value = equals < 0 ? string.Empty : Decode(pair[(equals + 1)..], key);
                switch (key)
                {
                    case "sslmode":
                        ssl = ParseSslMode(value, "sslmode");
                        break;
                    case "connect_timeout":
                        timeout = ParseTimeout(value, "connect_timeout");
                        break;
                    case "host":
                        host = value;
                        break;
                    case "port":
                        port = ParsePort(value, "port");
                        break;
                    case "user":
                        user = value;
                        break;
                    case "password":
                        password = value;
                        break;
                    case "dbname":
                        database = value;
                        break;
                    default:
                        throw new FormatException($"'{key}' is not a URI parameter this client reads; it reads sslmode, connect_timeout, host, port, user, password and dbname.");
                }
            }
        }

        if (host.Length == 0)
        {
            throw new FormatException("the URI has no host; give one, e.g. postgresql://me@db.example.com/sales.");
        }

        return Build(host, port, user, password, database, ssl, timeout);
    }

    private static PostgresConnectionSettings Build(string host, int port, string? user, string? password, string? database, PostgresSslMode ssl, int timeout)
    {
        string username = string.IsNullOrEmpty(user) ? Environment.UserName : user;
        return new PostgresConnectionSettings
        {
            Host = host,
            Port = port,
            Username = username,
            Password = string.IsNullOrEmpty(password) ? null : password,
            Database = string.IsNullOrEmpty(database) ? username : database,
            SslMode = ssl,
            TimeoutSeconds = timeout,
        };
    }

    /// <summary>Percent-decodes one part of a URI (UTF-8); the password's value is never echoed on error.</summary>
    private static string Decode(string part, string what)
    {
        if (!part.Contains('%', StringComparison.Ordinal))
        {
            return part;
        }

        var bytes = new List<byte>(part.Length);
        for (int i = 0; i < part.Length; i++)
        {
            if (part[i] == '%')
            {
                if (i + 2 >= part.Length || !byte.TryParse(part.AsSpan(i + 1, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out byte b))
                {
                    throw new FormatException($"the URI's {what} has a '%' that is not followed by two hexadecimal digits.");
                }

                bytes.Add(b);
                i += 2;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(part[i].ToString()));
            }
        }

        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes.ToArray());
        }
        catch (DecoderFallbackException e)
        {
            throw new FormatException($"the URI's {what} percent-decodes to bytes that are not UTF-8.", e);
        }
    }

    private static int ParsePort(string text, string key) =>
        int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int port) && port is > 0 and <= 65535
            ? port
            : throw new FormatException($"{key}: '{Shorten(text)}' is not a port number (1 to 65535).");

    private static int ParseTimeout(string text, string key) =>
        int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int seconds) && seconds <= 3600
            ? seconds
            : throw new FormatException($"{key}: '{Shorten(text)}' is not a number of seconds (0 to 3600; 0 waits for ever).");

    private static PostgresSslMode ParseSslMode(string text, string key) =>
        text.Trim().Replace("-", string.Empty, StringComparison.Ordinal).Replace("_", string.Empty, StringComparison.Ordinal).ToUpperInvariant() switch
        {
            "DISABLE" => PostgresSslMode.Disable,
            "PREFER" => PostgresSslMode.Prefer,
            "REQUIRE" => PostgresSslMode.Require,
            "VERIFYFULL" => PostgresSslMode.VerifyFull,
            _ => throw new FormatException($"{key}: '{Shorten(text)}' is not a mode this client supports; use disable, prefer, require or verify-full."),
        };

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
