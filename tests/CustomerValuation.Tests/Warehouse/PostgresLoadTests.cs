using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using Npgsql;
using Xunit;
using Xunit.Abstractions;

namespace CustomerValuation.Tests.Warehouse;

/// <summary>
/// Loading the data sets into a real PostgreSQL (binary COPY) loses nothing: the row count, the exact
/// sum of the amounts, the distinct customers, and a SHA-256 of every row's text are those of the
/// lines in memory. The tables stay for the SQL that later tests run on them.
/// </summary>
[Collection(PostgresTestGroup.Name)]
public class PostgresLoadTests(ITestOutputHelper output)
{
    private const int SyntheticLines = 1_000_000;

    private const int SyntheticCustomers = 100_000;

    [PostgresFact]
    public void Server_Connects_Loopback()
    {
        using NpgsqlConnection connection = PostgresServer.Open();
        using var command = new NpgsqlCommand("SELECT version(), current_database(), current_user, current_setting('server_encoding')", connection);
        using NpgsqlDataReader row = command.ExecuteReader();
        Assert.True(row.Read());
        output.WriteLine($"{row.GetString(0)}; database {row.GetString(1)}, user {row.GetString(2)}, host {connection.Host}:{connection.Port}");
        Assert.Equal("UTF8", row.GetString(3));
        Assert.True(connection.PostgreSqlVersion.Major >= 13, $"PostgreSQL {connection.PostgreSqlVersion} is older than 13.");
    }

    [PostgresFact(WarehouseData.OnlineRetail)]
    public void Load_OnlineRetail_LosslessAgainstMemory()
    {
        var read = Stopwatch.StartNew();
        List<TransactionLine> lines = WarehouseData.ReadOnlineRetail();
        read.Stop();

        // The data README's figures: 541,909 lines, 135,080 without a CustomerID, 4,372 distinct
        // CustomerIDs, quantity sum 5,176,450.
        Assert.Equal(541_909, lines.Count);
        Assert.Equal(135_080, lines.Count(l => l.CustomerId is null));
        Assert.Equal(4_372, lines.Where(l => l.CustomerId is not null).Select(l => l.CustomerId).Distinct().Count());
        Assert.Equal(5_176_450m, lines.Sum(l => l.Quantity));

        LoadAndCompare("online_retail", lines, $"read {read.Elapsed.TotalSeconds:F1} s");
    }

    [PostgresFact]
    public void Load_SyntheticMillionLines_LosslessAgainstMemory()
    {
        var generate = Stopwatch.StartNew();
        TransactionLine[] lines = WarehouseData.Synthetic(SyntheticLines, SyntheticCustomers);
        generate.Stop();

        Assert.Equal(SyntheticLines, lines.Length);
        LoadAndCompare("synthetic", lines, $"generated {generate.Elapsed.TotalSeconds:F1} s");
    }

    [Fact]
    public void Synthetic_SameSeed_SameLines()
    {
        // The seed fixes the data: a later test can regenerate in memory what the table holds.
        Assert.Equal(TransactionTable.Fingerprint(WarehouseData.Synthetic(10_000, 1_000)), TransactionTable.Fingerprint(WarehouseData.Synthetic(10_000, 1_000)));
    }

    [PostgresFact]
    public void Fingerprint_OneValueOrScaleChanged_Differs()
    {
        // The row fingerprint has teeth: it sees a changed customer, a null, and a numeric's scale (1.5 vs 1.50).
        TransactionLine[] lines = WarehouseData.Synthetic(1_000, 100);
        using NpgsqlConnection connection = PostgresServer.Open();
        TransactionTable.Load(connection, "fingerprint_check", lines);
        string loaded = TransactionTable.Fingerprint(lines);
        Assert.Equal(loaded, TransactionTable.Fingerprint(connection, "fingerprint_check"));

        foreach (string change in new[]
        {
            "UPDATE fingerprint_check.transactions SET customer_id = customer_id || 'x' WHERE line_no = 500",
            "UPDATE fingerprint_check.transactions SET customer_id = NULL WHERE line_no = 501",
            "UPDATE fingerprint_check.transactions SET unit_price = round(unit_price, 2) + 0.000 WHERE line_no = 502",
        })
        {
            TransactionTable.Load(connection, "fingerprint_check", lines);
            TransactionTable.Execute(connection, change);
            Assert.NotEqual(loaded, TransactionTable.Fingerprint(connection, "fingerprint_check"));
        }
    }

    /// <summary>Loads the lines into SCHEMA.transactions and checks the table against them; prints the times.</summary>
    private void LoadAndCompare(string schema, IReadOnlyList<TransactionLine> lines, string before)
    {
        using NpgsqlConnection connection = PostgresServer.Open();

        LoadReport load = TransactionTable.Load(connection, schema, lines);
        Assert.Equal((ulong)lines.Count, load.Rows);

        var check = Stopwatch.StartNew();
        string table = TransactionTable.TableOf(schema);
        using (var command = new NpgsqlCommand(
            $"""
            SELECT count(*), sum(amount), count(DISTINCT customer_id), count(*) FILTER (WHERE customer_id IS NULL),
                   sum(quantity), min(invoice_date), max(invoice_date), count(DISTINCT line_no),
                   count(*) FILTER (WHERE amount <> quantity * unit_price)
            FROM {table}
            """, connection))
        using (NpgsqlDataReader row = command.ExecuteReader())
        {
            Assert.True(row.Read());
            Assert.Equal(lines.Count, row.GetInt64(0));
            Assert.Equal(lines.Sum(l => l.Amount), row.GetDecimal(1));
            Assert.Equal(lines.Where(l => l.CustomerId is not null).Select(l => l.CustomerId).Distinct(StringComparer.Ordinal).Count(), row.GetInt64(2));
            Assert.Equal(lines.Count(l => l.CustomerId is null), row.GetInt64(3));
            Assert.Equal(lines.Sum(l => l.Quantity), row.GetDecimal(4));
            Assert.Equal(lines.Min(l => l.InvoiceDate), row.GetDateTime(5));
            Assert.Equal(lines.Max(l => l.InvoiceDate), row.GetDateTime(6));
            Assert.Equal(lines.Count, row.GetInt64(7));
            Assert.Equal(0, row.GetInt64(8));
        }

        check.Stop();

        // Every column of every row, as text: the table holds exactly the lines, scales of the numerics included.
        var fingerprint = Stopwatch.StartNew();
        string inMemory = TransactionTable.Fingerprint(lines.OrderBy(l => l.LineNo));
        TimeSpan inMemoryTime = fingerprint.Elapsed;
        Assert.Equal(inMemory, TransactionTable.Fingerprint(connection, schema));
        fingerprint.Stop();

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{table}: {lines.Count:N0} lines; {before}; binary COPY {load.Copy.TotalSeconds:F2} s "
            + $"({lines.Count / load.Copy.TotalSeconds:N0} lines/s), ANALYZE {load.Analyze.TotalSeconds:F2} s; "
            + $"aggregate checks {check.Elapsed.TotalSeconds:F2} s; SHA-256 of all rows {inMemoryTime.TotalSeconds:F2} s in memory, "
            + $"{(fingerprint.Elapsed - inMemoryTime).TotalSeconds:F2} s in SQL"));
    }
}
