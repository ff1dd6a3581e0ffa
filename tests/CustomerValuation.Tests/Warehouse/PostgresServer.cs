using System;
using System.IO;
using System.Linq;
using Npgsql;
using Xunit;

namespace CustomerValuation.Tests.Warehouse;

/// <summary>
/// The PostgreSQL server of the warehouse tests: the Npgsql connection string in the environment
/// variable <c>CV_POSTGRES</c>, which <c>.ci/run</c> sets after <c>.ci/postgres start</c>
/// (docs/warehouse.md). Without it the tests are skipped, saying what is missing.
/// </summary>
internal static class PostgresServer
{
    /// <summary>The environment variable that holds the connection string.</summary>
    public const string Variable = "CV_POSTGRES";

    private static readonly Lazy<NpgsqlDataSource> s_dataSource = new(() =>
        NpgsqlDataSource.Create(ConnectionString ?? throw new InvalidOperationException(MissingReason)));

    /// <summary>The connection string from <c>CV_POSTGRES</c>, or null where it is unset or empty.</summary>
    public static string? ConnectionString { get; } = Read();

    /// <summary>Why the tests are skipped: no connection string, and whether a server could be started here.</summary>
    public static string MissingReason =>
        $"Needs a PostgreSQL server: the environment variable {Variable} (an Npgsql connection string) is not set. "
        + ".ci/run starts one with .ci/postgres and sets it; to run these tests locally: "
        + $"export {Variable}=\"$(.ci/postgres start /tmp/cv-postgres)\" (stop it with .ci/postgres stop /tmp/cv-postgres). "
        + (ServerBinariesFound()
            ? "PostgreSQL's server binaries are installed on this machine."
            : "PostgreSQL's server binaries are not installed on this machine either (/usr/lib/postgresql/*/bin); "
              + ".ci/postgres installs Debian's package postgresql when run as root.");

    /// <summary>An open connection to the test database; the caller disposes it.</summary>
    public static NpgsqlConnection Open() => s_dataSource.Value.OpenConnection();

    private static string? Read()
    {
        string? value = Environment.GetEnvironmentVariable(Variable);
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    private static bool ServerBinariesFound()
    {
        const string root = "/usr/lib/postgresql";
        return Directory.Exists(root)
            && Directory.EnumerateDirectories(root).Any(v => File.Exists(Path.Combine(v, "bin", "initdb")));
    }
}

/// <summary>
/// A fact that needs the PostgreSQL server of <see cref="PostgresServer"/> (and, where given, a file
/// of ../shared/data); skipped, saying what is missing, where either is absent. A server that is
/// named but cannot be reached is a failure, not a skip.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute(string? sharedDataFile = null)
    {
        SharedDataFile = sharedDataFile;
        if (PostgresServer.ConnectionString is null)
        {
            Skip = PostgresServer.MissingReason;
        }
        else if (sharedDataFile is not null && !SharedData.Exists(sharedDataFile))
        {
            Skip = $"Needs ../shared/data/{sharedDataFile} beside the repository (the shared test data); it is missing on this machine.";
        }
    }

    public string? SharedDataFile { get; }
}

/// <summary>The warehouse tests run one after another: they share one server and time their loads.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresTestGroup
{
    public const string Name = "PostgreSQL warehouse";
}
