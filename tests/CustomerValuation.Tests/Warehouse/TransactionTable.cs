using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Npgsql;
using NpgsqlTypes;

namespace CustomerValuation.Tests.Warehouse;

/// <summary>
/// The warehouse table <c>SCHEMA.transactions</c>, one row per <see cref="TransactionLine"/>, loaded
/// with PostgreSQL's binary COPY through <see cref="NpgsqlBinaryImporter"/>; and a fingerprint of
/// its content that the same lines give in memory.
/// </summary>
internal static partial class TransactionTable
{
    /// <summary>The columns in COPY order.</summary>
    public const string Columns = "line_no, customer_id, invoice_no, invoice_date, stock_code, description, quantity, unit_price, amount, country";

    /// <summary>
    /// One text line per row for <see cref="Fingerprint(NpgsqlConnection, string)"/>: the columns
    /// joined by tabs, null as <c>\N</c>, timestamps as <c>YYYY-MM-DD HH24:MI:SS</c>, numerics as
    /// PostgreSQL prints them (with the scale they were written with, like <see cref="decimal"/>).
    /// </summary>
    private const string RowText = """
        concat_ws(chr(9), line_no::text, coalesce(customer_id, '\N'), invoice_no,
            to_char(invoice_date, 'YYYY-MM-DD HH24:MI:SS'), coalesce(stock_code, '\N'),
            coalesce(description, '\N'), quantity::text, unit_price::text, amount::text,
            coalesce(country, '\N'))
        """;

    /// <summary>The table definition; <c>line_no</c> is unique, <c>customer_id</c> is null where the source has none.</summary>
    public static string CreateSql(string table) => $"""
        CREATE TABLE {table} (
            line_no      bigint    NOT NULL,
            customer_id  text,
            invoice_no   text      NOT NULL,
            invoice_date timestamp NOT NULL,
            stock_code   text,
            description  text,
            quantity     numeric   NOT NULL,
            unit_price   numeric   NOT NULL,
            amount       numeric   NOT NULL,
            country      text
        )
        """;

    /// <summary>The qualified name <c>SCHEMA.transactions</c>; the schema is a plain lower-case identifier.</summary>
    public static string TableOf(string schema) =>
        PlainIdentifier().IsMatch(schema) ? $"{schema}.transactions" : throw new ArgumentException($"'{schema}' is not a plain lower-case identifier.", nameof(schema));

    /// <summary>
    /// Drops and re-creates <c>SCHEMA.transactions</c>, writes the lines with binary COPY in the same
    /// transaction (with the test server's wal_level = minimal that skips the WAL), commits, then runs
    /// ANALYZE. Returns the number of rows COPY wrote and the times taken.
    /// </summary>
    public static LoadReport Load(NpgsqlConnection connection, string schema, IEnumerable<TransactionLine> lines)
    {
        string table = TableOf(schema);
        var copy = Stopwatch.StartNew();
        ulong written;
        using (NpgsqlTransaction transaction = connection.BeginTransaction())
        {
            Execute(connection, $"CREATE SCHEMA IF NOT EXISTS {schema}; DROP TABLE IF EXISTS {table} CASCADE; {CreateSql(table)}");
            using (NpgsqlBinaryImporter importer = connection.BeginBinaryImport($"COPY {table} ({Columns}) FROM STDIN (FORMAT BINARY)"))
            {
                foreach (TransactionLine line in lines)
                {
                    importer.StartRow();
                    importer.Write(line.LineNo, NpgsqlDbType.Bigint);
                    WriteText(importer, line.CustomerId);
                    importer.Write(line.InvoiceNo, NpgsqlDbType.Text);
                    importer.Write(line.InvoiceDate, NpgsqlDbType.Timestamp);
                    WriteText(importer, line.StockCode);
                    WriteText(importer, line.Description);
                    importer.Write(line.Quantity, NpgsqlDbType.Numeric);
                    importer.Write(line.UnitPrice, NpgsqlDbType.Numeric);
                    importer.Write(line.Amount, NpgsqlDbType.Numeric);
                    WriteText(importer, line.Country);
                }

                written = importer.Complete();
            }

            transaction.Commit();
        }

        copy.Stop();
        var analyze = Stopwatch.StartNew();
        Execute(connection, $"ANALYZE {table}");
        return new LoadReport(written, copy.Elapsed, analyze.Elapsed);
    }

    /// <summary>SHA-256 (hex) of the rows' text lines (see <see cref="RowText"/>) in <c>line_no</c> order, joined by newlines.</summary>
    public static string Fingerprint(NpgsqlConnection connection, string schema)
    {
        string sql = $"SELECT encode(sha256(convert_to(string_agg({RowText}, chr(10) ORDER BY line_no), 'UTF8')), 'hex') FROM {TableOf(schema)}";
        using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 600 };
        return (string)command.ExecuteScalar()!;
    }

    /// <summary>The same fingerprint computed from lines in memory (which must be in <c>LineNo</c> order).</summary>
    public static string Fingerprint(IEnumerable<TransactionLine> lines)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var text = new StringBuilder();
        bool first = true;
        foreach (TransactionLine l in lines)
        {
            text.Clear();
            if (!first)
            {
                text.Append('\n');
            }

            first = false;
            text.Append(l.LineNo.ToString(CultureInfo.InvariantCulture)).Append('\t')
                .Append(l.CustomerId ?? "\\N").Append('\t')
                .Append(l.InvoiceNo).Append('\t')
                .Append(l.InvoiceDate.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)).Append('\t')
                .Append(l.StockCode ?? "\\N").Append('\t')
                .Append(l.Description ?? "\\N").Append('\t')
                .Append(l.Quantity.ToString(CultureInfo.InvariantCulture)).Append('\t')
                .Append(l.UnitPrice.ToString(CultureInfo.InvariantCulture)).Append('\t')
                .Append(l.Amount.ToString(CultureInfo.InvariantCulture)).Append('\t')
                .Append(l.Country ?? "\\N");
            hash.AppendData(Encoding.UTF8.GetBytes(text.ToString()));
        }

        return Convert.ToHexString(hash.GetHashAndReset()).ToLowerInvariant();
    }

    /// <summary>Runs SQL that returns nothing.</summary>
    public static void Execute(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 600 };
        command.ExecuteNonQuery();
    }

    private static void WriteText(NpgsqlBinaryImporter importer, string? value)
    {
        if (value is null)
        {
            importer.WriteNull();
        }
        else
        {
            importer.Write(value, NpgsqlDbType.Text);
        }
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]*$")]
    private static partial Regex PlainIdentifier();
}

/// <summary>What <see cref="TransactionTable.Load"/> did: rows written, the time of create + COPY + commit, and of ANALYZE.</summary>
internal sealed record LoadReport(ulong Rows, TimeSpan Copy, TimeSpan Analyze);
