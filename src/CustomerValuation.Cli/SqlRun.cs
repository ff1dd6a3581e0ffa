using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Threading;
using CustomerValuation.Cli.Postgres;
using CustomerValuation.Warehouse;

namespace CustomerValuation.Cli;

/// <summary>
/// <c>sql … --run CONNECTION</c>: runs a generated PostgreSQL statement with its parameters bound
/// (never spliced into the text) and writes the rows, as they arrive, to <c>--output</c> in the
/// run's format (atomically, like every command's output); or, with <c>--view</c>, creates the view.
/// </summary>
internal static class SqlRun
{
    /// <summary>Result columns that are ids, codes or labels: strings in JSON lines even when the database returns them as numbers.</summary>
    private static readonly string[] s_textColumns = ["customer_id", "class", "cell", "segment", "group_key", "item"];

    /// <summary>Checks <c>--run</c>'s dialect before anything is generated: only PostgreSQL can be run.</summary>
    /// <param name="dialect">The <c>--dialect</c>.</param>
    /// <exception cref="CliException">Another dialect (exit code 2).</exception>
    public static void CheckDialect(SqlDialect dialect)
    {
        if (dialect != SqlDialect.PostgreSql)
        {
            throw CliException.Usage($"--run: only PostgreSQL can be run from the tool (--dialect postgres); for {dialect}, print the SQL without --run and run it with the engine's own client.");
        }
    }

    /// <summary>Reads <c>--run</c>'s value into connection settings; a malformed string is a usage error naming the key, without the password.</summary>
    /// <param name="value">The connection string, or <c>env:NAME</c>.</param>
    /// <returns>The settings.</returns>
    /// <exception cref="CliException">The string is malformed (exit code 2).</exception>
    public static PostgresConnectionSettings Settings(string value)
    {
        try
        {
            return PostgresConnectionSettings.Resolve(value, Environment.GetEnvironmentVariable);
        }
        catch (FormatException e)
        {
            throw CliException.Usage("--run: " + e.Message);
        }
    }

    /// <summary>Runs the statement (or creates its view) and reports on the console.</summary>
    /// <param name="statement">The generated statement (PostgreSQL).</param>
    /// <param name="view">The view to create, or null to run the statement.</param>
    /// <param name="connectionValue">The value of <c>--run</c>.</param>
    /// <param name="output">The file for the rows, <c>-</c> or null for standard output.</param>
    /// <param name="console">Where the summary goes.</param>
    /// <exception cref="CliException">Bad arguments (2), a server error (3), no connection or login (4).</exception>
    public static void Run(SqlStatement statement, string? view, string connectionValue, string? output, TextWriter console)
    {
        CheckDialect(statement.Dialect);
        PostgresConnectionSettings settings = Settings(connectionValue);
        CliContext context = CliContext.Current;
        CancellationToken cancellation = context.Cancellation;
        string? viewText = null;
        string text = string.Empty;
        PostgresParameter[] parameters = [];
        if (view is not null)
        {
            if (output is not null)
            {
                throw CliException.Usage("--output: with --view and --run the tool creates the view and writes no rows; leave --output out.");
            }

            try
            {
                viewText = statement.ToViewDefinition(view);
            }
            catch (ArgumentException e)
            {
                throw CliException.FromArgument(e, "--view", usage: true);
            }
        }
        else
        {
            (text, parameters) = PostgresStatement.Positional(statement);
        }

        var clock = Stopwatch.StartNew();
        using PostgresConnection connection = Connect(settings, cancellation);
        connection.Notice = message => console.WriteLine("PostgreSQL notice: " + message.ReplaceLineEndings(" "));
        using CancellationTokenRegistration onCancel = cancellation.Register(() =>
        {
            // Ctrl-C: ask the server to stop the statement (it then ends with SQLSTATE 57014); if that
            // cannot be sent, close the socket, which ends the wait for the next message.
            if (!connection.Cancel())
            {
                connection.Abort();
            }
        });
        try
        {
            if (viewText is not null)
            {
                connection.Execute(viewText, cancellation);
                console.WriteLine($"Created the view {view} in {settings.Database} on {settings.Endpoint} (PostgreSQL {connection.ServerVersion}).");
                return;
            }

            using var writer = new RowWriter(context.Format);
            context.Progress?.Attach(writer, () => writer.Rows, "rows received");
            long rows;
            try
            {
                AtomicFile.Write(output ?? "-", w =>
                {
                    writer.Target = w;
                    connection.Query(text, parameters, writer, cancellation);
                    writer.Finish();
                });
                rows = writer.Rows;
            }
            finally
            {
                context.Progress?.Detach(writer);
            }

            console.WriteLine(string.Format(
                CultureInfo.InvariantCulture,
                "Wrote {0:N0} rows to {1} from PostgreSQL {2} at {3}/{4}{5}, {6:0.0} s",
                rows,
                CliContext.Describe(output ?? "-"),
                connection.ServerVersion,
                settings.Endpoint,
                settings.Database,
                connection.Encrypted ? " (TLS)" : string.Empty,
                clock.Elapsed.TotalSeconds));
        }
        catch (PostgresServerException e)
        {
            throw new CliException(e.Message, e);
        }
        catch (PostgresConnectionException e)
        {
            throw CliException.Connection(Named(settings, e.Message), e);
        }
    }

    private static PostgresConnection Connect(PostgresConnectionSettings settings, CancellationToken cancellation)
    {
        try
        {
            return PostgresConnection.Open(settings, cancellation);
        }
        catch (PostgresConnectionException e)
        {
            throw CliException.Connection(Named(settings, e.Message), e);
        }
        catch (AuthenticationFailedException e)
        {
            throw CliException.Connection($"{settings.Endpoint}: the login as {settings.Username} failed: {e.Message}", e);
        }
        catch (PostgresServerException e)
        {
            string what = e.SqlState.StartsWith("28", StringComparison.Ordinal) ? "authentication failed" : "the server refused the connection";
            throw CliException.Connection($"{settings.Endpoint}: {what}: {e.Message}", e);
        }
    }

    private static string Named(PostgresConnectionSettings settings, string message) =>
        message.Contains(settings.Endpoint, StringComparison.Ordinal) ? message : settings.Endpoint + ": " + message;

    /// <summary>Writes the rows as CSV (or, through <see cref="JsonLinesWriter"/>, JSON lines where number columns are numbers) as they arrive.</summary>
    private sealed class RowWriter : IPostgresRowHandler, IDisposable
    {
        /// <summary>CSV or JSON lines.</summary>
        private readonly OutputFormat _format;
        private TextWriter? _writer;
        private JsonLinesWriter? _json;
        private long _rows;

        /// <summary>Creates the writer for the run's <c>--format</c>.</summary>
        /// <param name="format">CSV or JSON lines.</param>
        public RowWriter(OutputFormat format)
        {
            _format = format;
        }

        /// <summary>Where the output goes (the temporary file or standard output).</summary>
        public TextWriter? Target { get; set; }

        /// <summary>The rows written so far (read by the progress timer).</summary>
        public long Rows => Interlocked.Read(ref _rows);

        /// <summary>Writes the header (the column names); with JSON lines, the columns whose type is not a number stay strings.</summary>
        /// <param name="columns">The result's columns.</param>
        public void Columns(IReadOnlyList<PostgresColumn> columns)
        {
            TextWriter target = Target ?? throw new InvalidOperationException("No target.");
            if (_format == OutputFormat.JsonLines)
            {
                var text = new List<string>(s_textColumns);
                foreach (PostgresColumn c in columns)
                {
                    if (!c.IsNumber)
                    {
                        text.Add(c.Name);
                    }
                }

                _json = new JsonLinesWriter(target, text);
                _writer = _json;
            }
            else
            {
                _writer = target;
            }

            for (int i = 0; i < columns.Count; i++)
            {
                if (i > 0)
                {
                    _writer.Write(',');
                }

                _writer.Write(Csv.Field(columns[i].Name));
            }

            _writer.Write('\n');
        }

        /// <summary>Writes one row: each field as CSV (quoted where needed), NULL as an empty cell.</summary>
        /// <param name="row">The row.</param>
        public void Row(PostgresRow row)
        {
            TextWriter w = _writer!;
            for (int i = 0; i < row.Count; i++)
            {
                if (i > 0)
                {
                    w.Write(',');
                }

                string? value = row.GetString(i);
                if (value is not null)
                {
                    w.Write(Csv.Field(value));
                }
            }

            w.Write('\n');
            Interlocked.Increment(ref _rows);
        }

        /// <summary>Flushes the JSON lines writer.</summary>
        public void Finish() => _json?.Flush();

        /// <summary>Disposes the JSON lines writer (not the target).</summary>
        public void Dispose() => _json?.Dispose();
    }
}
