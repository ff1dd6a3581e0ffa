using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using CustomerValuation.Cli;
using CustomerValuation.Tests.Cli;
using Npgsql;
using Xunit;
using Xunit.Abstractions;

namespace CustomerValuation.Tests.Warehouse;

/// <summary>
/// The small table of these tests, loaded once: 20,000 seeded synthetic lines (2,000 customers)
/// where the orders whose number is a multiple of 7 are written <c>C'…</c> (a cancelled-order
/// prefix with a quote, which only binding gets through), in schema <c>run_cli</c>; and the same
/// lines as a CSV file for the in-memory commands.
/// </summary>
public sealed class SqlRunData : IDisposable
{
    private readonly Lazy<List<TransactionLine>> _lines = new(LoadSmall);

    public SqlRunData()
    {
        Folder = Path.Combine(Path.GetTempPath(), "cv-sqlrun-data-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
    }

    /// <summary>The folder of the CSV files.</summary>
    public string Folder { get; }

    internal List<TransactionLine> Lines => _lines.Value;

    /// <summary>The lines as CSV: customer_id,invoice_no,invoice_date,quantity,unit_price,amount (an empty customer where it is null).</summary>
    public string LinesCsv => WriteOnce("lines.csv", Lines.Select(l => string.Join(',',
        l.CustomerId ?? string.Empty,
        Csv.Field(l.InvoiceNo),
        l.InvoiceDate.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        l.Quantity.ToString(CultureInfo.InvariantCulture),
        l.UnitPrice.ToString(CultureInfo.InvariantCulture),
        l.Amount.ToString(CultureInfo.InvariantCulture))), "customer_id,invoice_no,invoice_date,quantity,unit_price,amount");

    public void Dispose()
    {
        Directory.Delete(Folder, recursive: true);
    }

    private string WriteOnce(string name, IEnumerable<string> rows, string header)
    {
        string path = Path.Combine(Folder, name);
        if (!File.Exists(path))
        {
            File.WriteAllLines(path, rows.Prepend(header));
        }

        return path;
    }

    private static List<TransactionLine> LoadSmall()
    {
        List<TransactionLine> lines = WarehouseData.Synthetic(20_000, 2_000)
            .Select(l => int.Parse(l.InvoiceNo, CultureInfo.InvariantCulture) % 7 == 0 ? l with { InvoiceNo = "C'" + l.InvoiceNo } : l)
            .ToList();
        using NpgsqlConnection connection = PostgresServer.Open();
        TransactionTable.Load(connection, "run_cli", lines);
        return lines;
    }
}

/// <summary>
/// <c>customer-valuation sql rfm|abc|contribution --run</c> against the test server, through the
/// CLI's own protocol client (with SCRAM-SHA-256, the test cluster's login): every row it writes is
/// compared with the in-memory command on the same lines (the library, an independent
/// implementation); and the errors: a wrong password, a missing table, Ctrl-C.
/// </summary>
[Collection(PostgresTestGroup.Name)]
public sealed class SqlRunPostgresTests(SqlRunData data, ITestOutputHelper output) : CliTestFolder("cv-sqlrun-"), IClassFixture<SqlRunData>
{
    /// <summary>The connection string reaches the tool through the environment, as a user would pass it.</summary>
    private const string Connection = "env:" + PostgresServer.Variable;

    private static readonly string[] SmallRfm =
        ["sql", "rfm", "--dialect", "postgres", "--table", "run_cli.transactions", "--customer-column", "customer_id", "--date-column", "invoice_date",
         "--quantity-column", "quantity", "--price-column", "unit_price", "--order-column", "invoice_no", "--exclude-order-prefix", "C'", "--as-of", "2025-12-31"];

    [PostgresFact]
    public void Login_GoesThroughScramSha256()
    {
        // The test cluster (.ci/postgres) logs TCP connections in with scram-sha-256; a stored SCRAM
        // verifier means the server can only have asked for SCRAM (or md5, which then also runs SCRAM).
        using NpgsqlConnection connection = PostgresServer.Open();
        using var command = new NpgsqlCommand("SELECT rolpassword LIKE 'SCRAM-SHA-256$%' FROM pg_authid WHERE rolname = current_user", connection);
        Assert.True((bool)command.ExecuteScalar()!, "the test user's password is not stored as a SCRAM-SHA-256 verifier");
        using var hba = new NpgsqlCommand("SELECT string_agg(DISTINCT auth_method, ',') FROM pg_hba_file_rules WHERE type = 'host'", connection);
        output.WriteLine("pg_hba host methods: " + hba.ExecuteScalar());

        string path = Path.Combine(Folder, "abc.csv");
        (int code, _, string stderr) = Run("sql", "abc", "--dialect", "postgres", "--table", "run_cli.transactions", "--value-column", "amount", "--run", Connection, "--output", path, "--quiet");
        _ = data.Lines;
        Assert.True(code == 0, stderr);
    }

    [PostgresFact(WarehouseData.OnlineRetail)]
    public void Rfm_OnlineRetail_EveryCustomerEqualsTheRfmCommand()
    {
        using (NpgsqlConnection connection = PostgresServer.Open())
        {
            TransactionTable.Load(connection, "run_cli_online_retail", WarehouseData.ReadOnlineRetail());
        }

        string sqlPath = Path.Combine(Folder, "sql-rfm.csv");
        var clock = Stopwatch.StartNew();
        (int code, string stdout, string stderr) = Run("sql", "rfm", "--dialect", "postgres", "--table", "run_cli_online_retail.transactions", "--customer-column", "customer_id",
            "--date-column", "invoice_date", "--quantity-column", "quantity", "--price-column", "unit_price", "--order-column", "invoice_no",
            "--exclude-order-prefix", "C", "--as-of", "2011-12-10", "--run", Connection, "--output", sqlPath);
        double seconds = clock.Elapsed.TotalSeconds;
        Assert.True(code == 0, stderr);
        output.WriteLine(stdout.Trim() + $" (in the test: {seconds:0.00} s)");

        string memoryPath = Path.Combine(Folder, "rfm.csv");
        (code, _, stderr) = Run("rfm", "--transactions", SharedData.PathOf(WarehouseData.OnlineRetail), "--customer-column", "CustomerID", "--date-column", "InvoiceDate",
            "--quantity-column", "Quantity", "--price-column", "UnitPrice", "--order-column", "InvoiceNo", "--exclude-order-prefix", "C", "--as-of", "2011-12-10",
            "--output", memoryPath, "--quiet");
        Assert.True(code == 0, stderr);
        int rows = CompareRfm(memoryPath, sqlPath);
        Assert.Equal(4_338, rows);
        Assert.Contains("Wrote 4,338 rows to " + sqlPath, stdout, StringComparison.Ordinal);
    }

    [PostgresFact]
    public void Rfm_QuotedCancelledPrefix_IsBoundAndEqualsTheRfmCommand()
    {
        string sqlPath = Path.Combine(Folder, "sql-rfm.csv");
        (int code, string stdout, string stderr) = Run([.. SmallRfm, "--run", Connection, "--output", sqlPath]);
        Assert.True(code == 0, stderr);
        output.WriteLine(stdout.Trim());

        string memoryPath = Path.Combine(Folder, "rfm.csv");
        (code, _, stderr) = Run("rfm", "--transactions", data.LinesCsv, "--customer-column", "customer_id", "--date-column", "invoice_date",
            "--quantity-column", "quantity", "--price-column", "unit_price", "--order-column", "invoice_no", "--exclude-order-prefix", "C'", "--as-of", "2025-12-31",
            "--output", memoryPath, "--quiet");
        Assert.True(code == 0, stderr);
        int rows = CompareRfm(memoryPath, sqlPath);
        output.WriteLine($"{rows:N0} customers equal");

        // The prefix did its work: the line report counts every C' line as cancelled.
        (code, stdout, stderr) = Run([.. SmallRfm, "--what", "report", "--run", Connection, "--output", "-", "--format", "jsonl", "--quiet"]);
        Assert.True(code == 0, stderr);
        using JsonDocument report = JsonDocument.Parse(stdout.Trim());
        int cancelled = data.Lines.Count(l => l.CustomerId is not null && l.InvoiceNo.StartsWith("C'", StringComparison.Ordinal));
        Assert.True(cancelled > 1_000, $"{cancelled}");
        Assert.Equal(cancelled, report.RootElement.GetProperty("cancelled_lines").GetInt64());
        Assert.Equal(data.Lines.Count, report.RootElement.GetProperty("lines_read").GetInt64());
    }

    [PostgresFact]
    public void Abc_EveryCustomerEqualsTheAbcCommand_AndJsonLinesHasNumbers()
    {
        string idValues = Write("id-values.csv", "customer_id,amount\n" + string.Join('\n', data.Lines.Where(l => l.CustomerId is not null)
            .Select(l => l.CustomerId + "," + l.Amount.ToString(CultureInfo.InvariantCulture))) + "\n");
        string memoryPath = Path.Combine(Folder, "abc.csv");
        (int code, _, string stderr) = Run("abc", "--input", idValues, "--id-column", "customer_id", "--value-column", "amount", "--sum-duplicates", "--output", memoryPath, "--quiet");
        Assert.True(code == 0, stderr);

        string sqlPath = Path.Combine(Folder, "sql-abc.csv");
        (code, _, stderr) = Run("sql", "abc", "--dialect", "postgres", "--table", "run_cli.transactions", "--id-column", "customer_id", "--value-column", "amount",
            "--run", Connection, "--output", sqlPath, "--quiet");
        Assert.True(code == 0, stderr);

        List<string[]> expected = ReadCsv(memoryPath);
        List<string[]> actual = ReadCsv(sqlPath);
        Assert.Equal(["customer_id", "class", "rank", "value", "share", "cumulative_share"], expected[0]);
        Assert.Equal(["customer_id", "class", "class_index", "rank", "value", "share", "cumulative_share"], actual[0]);
        Assert.Equal(expected.Count, actual.Count);
        // By position: the same rank, class and cumulative share; the same customer, except where two
        // customers' totals tie exactly in numeric but differ by an ulp in the library's double sums
        // (then the order of the two may swap; their values are equal to 1e-9).
        var actualById = actual.Skip(1).ToDictionary(a => a[0]);
        int swapped = 0;
        for (int i = 1; i < expected.Count; i++)
        {
            string[] e = expected[i], a = actual[i];
            Assert.Equal(e[1], a[1]);
            Assert.Equal(e[2], a[3]);
            Assert.Equal(double.Parse(e[5], CultureInfo.InvariantCulture), double.Parse(a[6], CultureInfo.InvariantCulture), 1e-12);
            Assert.Equal(double.Parse(e[3], CultureInfo.InvariantCulture), double.Parse(a[4], CultureInfo.InvariantCulture), 1e-9);
            string[] same = actualById[e[0]];
            Assert.Equal(e[1], same[1]);
            Assert.Equal(double.Parse(e[3], CultureInfo.InvariantCulture), double.Parse(same[4], CultureInfo.InvariantCulture), 1e-9);
            swapped += e[0] == a[0] ? 0 : 1;
        }

        Assert.True(swapped < 20, $"{swapped} positions hold another customer");
        output.WriteLine($"{expected.Count - 1:N0} customers: class, rank and cumulative share equal at every position; {swapped} positions hold the other customer of an exact tie");
        (code, string stdout, stderr) = Run("sql", "abc", "--dialect", "postgres", "--table", "run_cli.transactions", "--value-column", "amount",
            "--run", Connection, "--output", "-", "--format", "jsonl");
        Assert.True(code == 0, stderr);
        Assert.Contains("Wrote ", stderr, StringComparison.Ordinal);
        string first = stdout.Split('\n')[0];
        using JsonDocument json = JsonDocument.Parse(first);
        Assert.Equal(JsonValueKind.String, json.RootElement.GetProperty("customer_id").ValueKind);
        Assert.Equal(JsonValueKind.String, json.RootElement.GetProperty("class").ValueKind);
        Assert.Equal(JsonValueKind.Number, json.RootElement.GetProperty("rank").ValueKind);
        Assert.Equal(JsonValueKind.Number, json.RootElement.GetProperty("value").ValueKind);
        Assert.Equal(actual[1][0], json.RootElement.GetProperty("customer_id").GetString());
    }

    [PostgresFact]
    public void Contribution_EveryRowEqualsTheContributionCommand()
    {
        // 6 groups × 40 items; some sales 0, some inventories missing (NULL / empty cell) or 0, some costs above the sales.
        var random = new Random(20_261_127);
        var rows = new List<(string Group, string Item, decimal Sales, decimal Cost, decimal? Inventory)>();
        for (int g = 1; g <= 6; g++)
        {
            for (int i = 1; i <= 40; i++)
            {
                decimal sales = random.Next(10) == 0 ? 0 : random.Next(1, 100_000) / 100m;
                decimal cost = Math.Round(sales * random.Next(40, 120) / 100m, 2);
                decimal? inventory = random.Next(12) switch { 0 => null, 1 => 0, _ => random.Next(1, 50_000) / 100m };
                rows.Add(("G" + g, "P" + i.ToString("D3", CultureInfo.InvariantCulture), sales, cost, inventory));
            }
        }

        using (NpgsqlConnection connection = PostgresServer.Open())
        {
            TransactionTable.Execute(connection, "CREATE SCHEMA IF NOT EXISTS run_cli; DROP TABLE IF EXISTS run_cli.sales_mix; CREATE TABLE run_cli.sales_mix (customer text, product text, sales numeric, cost numeric, inventory numeric)");
            using var insert = new NpgsqlCommand("INSERT INTO run_cli.sales_mix VALUES (@g, @i, @s, @c, @v)", connection);
            foreach (var r in rows)
            {
                insert.Parameters.Clear();
                insert.Parameters.AddWithValue("g", r.Group);
                insert.Parameters.AddWithValue("i", r.Item);
                insert.Parameters.AddWithValue("s", r.Sales);
                insert.Parameters.AddWithValue("c", r.Cost);
                insert.Parameters.AddWithValue("v", (object?)r.Inventory ?? DBNull.Value);
                insert.ExecuteNonQuery();
            }
        }

        string input = Write("mix.csv", "customer,product,sales,cost,inventory\n" + string.Join('\n', rows.Select(r =>
            string.Join(',', r.Group, r.Item, r.Sales.ToString(CultureInfo.InvariantCulture), r.Cost.ToString(CultureInfo.InvariantCulture), r.Inventory?.ToString(CultureInfo.InvariantCulture) ?? string.Empty))) + "\n");
        string[] columns = ["--group-column", "customer", "--item-column", "product", "--sales-column", "sales", "--cost-column", "cost", "--inventory-column", "inventory"];
        string memoryPath = Path.Combine(Folder, "contribution.csv");
        (int code, _, string stderr) = Run(["contribution", "--input", input, .. columns, "--output", memoryPath, "--quiet"]);
        Assert.True(code == 0, stderr);
        string sqlPath = Path.Combine(Folder, "sql-contribution.csv");
        (code, _, stderr) = Run(["sql", "contribution", "--dialect", "postgres", "--table", "run_cli.sales_mix", .. columns, "--run", Connection, "--output", sqlPath, "--quiet"]);
        Assert.True(code == 0, stderr);

        List<string[]> expected = ReadCsv(memoryPath);
        List<string[]> actual = ReadCsv(sqlPath);
        string[] eh = expected[0], ah = actual[0];
        Assert.Equal(expected.Count, actual.Count);
        var byKey = actual.Skip(1).ToDictionary(a => a[0] + "\u001f" + a[1]);
        string[] figures = ["sales", "cost_of_goods", "average_inventory", "gross_margin", "gross_margin_rate", "turnover", "cross_ratio", "sales_share", "contribution_ratio", "contribution_share", "gross_margin_share"];
        string[] flagColumns = ["no_sales", "no_inventory", "negative_margin", "no_group_sales", "no_group_contribution", "no_group_margin"];
        int flagged = 0;
        foreach (string[] e in expected.Skip(1))
        {
            string[] a = byKey[e[0] + "\u001f" + e[1]];
            foreach (string f in figures)
            {
                string ev = e[Array.IndexOf(eh, f)], av = a[Array.IndexOf(ah, f)];
                Assert.True((ev.Length == 0) == (av.Length == 0), $"{e[0]}/{e[1]} {f}: '{ev}' against '{av}'");
                if (ev.Length > 0)
                {
                    double x = double.Parse(ev, CultureInfo.InvariantCulture), y = double.Parse(av, CultureInfo.InvariantCulture);
                    Assert.True(Math.Abs(x - y) <= 1e-9 * Math.Max(1, Math.Abs(x)), $"{e[0]}/{e[1]} {f}: {ev} against {av}");
                }
            }

            Assert.Equal(e[Array.IndexOf(eh, "rank_in_group")], a[Array.IndexOf(ah, "rank_in_group")]);
            string[] flags = e[Array.IndexOf(eh, "flags")].Split('|', StringSplitOptions.RemoveEmptyEntries);
            flagged += flags.Length > 0 ? 1 : 0;
            foreach (string flag in flagColumns)
            {
                Assert.Equal(flags.Contains(flag) ? "1" : "0", a[Array.IndexOf(ah, flag)]);
            }
        }

        Assert.True(flagged > 10, $"{flagged}");
        output.WriteLine($"{expected.Count - 1} rows equal, {flagged} flagged");
    }

    [PostgresFact]
    public void ViewAndRun_CreatesTheView()
    {
        _ = data.Lines;
        using (NpgsqlConnection connection = PostgresServer.Open())
        {
            TransactionTable.Execute(connection, "DROP VIEW IF EXISTS run_cli.rfm_scores");
        }

        (int code, string stdout, string stderr) = Run([.. SmallRfm, "--view", "run_cli.rfm_scores", "--run", Connection]);
        Assert.True(code == 0, stderr);
        Assert.StartsWith("Created the view run_cli.rfm_scores in ", stdout, StringComparison.Ordinal);
        Assert.Equal(1, stdout.Count(c => c == '\n'));

        (code, string rows, stderr) = Run([.. SmallRfm, "--run", Connection, "--output", "-", "--quiet"]);
        Assert.True(code == 0, stderr);
        using NpgsqlConnection check = PostgresServer.Open();
        using var count = new NpgsqlCommand("SELECT count(*) FROM run_cli.rfm_scores", check);
        Assert.Equal(rows.Count(c => c == '\n') - 1, (long)count.ExecuteScalar()!);

        // A second CREATE VIEW of the same name is the server's error, exit 3.
        (code, _, stderr) = Run([.. SmallRfm, "--view", "run_cli.rfm_scores", "--run", Connection]);
        Assert.Equal(3, code);
        Assert.Contains("PostgreSQL error 42P07: ", stderr, StringComparison.Ordinal);
    }

    [PostgresFact]
    public void MissingTable_ExitsThreeWithSqlState42P01_AndLeavesNoFile()
    {
        string path = Path.Combine(Folder, "rows.csv");
        (int code, string stdout, string stderr) = Run("sql", "abc", "--dialect", "postgres", "--table", "run_cli.no_such_table", "--run", Connection, "--output", path);
        Assert.Equal(3, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Equal("error: PostgreSQL error 42P01: relation \"run_cli.no_such_table\" does not exist" + Environment.NewLine, stderr);
        Assert.Empty(Directory.GetFiles(Folder));
    }

    [PostgresFact]
    public void WrongPassword_ExitsFourNamingAuthenticationButNotThePassword()
    {
        string good = PostgresServer.ConnectionString!;
        string password = good.Split(';').Single(p => p.StartsWith("Password=", StringComparison.OrdinalIgnoreCase))["Password=".Length..];
        string wrong = string.Join(';', good.Split(';').Select(p => p.StartsWith("Password=", StringComparison.OrdinalIgnoreCase) ? "Password=Wr0ngPassw0rd" : p));
        (int code, string stdout, string stderr) = Run("sql", "abc", "--dialect", "postgres", "--table", "t", "--run", wrong);
        Assert.Equal(4, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains("authentication failed", stderr, StringComparison.Ordinal);
        Assert.Contains("28P01", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Wr0ngPassw0rd", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(password, stderr, StringComparison.Ordinal);
        Assert.Single(stderr.Trim().Split('\n'));
    }

    [PostgresFact]
    public void SslModeRequire_EncryptsWhenTheServerHasTls_ElseExitsFour()
    {
        using NpgsqlConnection connection = PostgresServer.Open();
        using var show = new NpgsqlCommand("SHOW ssl", connection);
        bool ssl = (string)show.ExecuteScalar()! == "on";
        _ = data.Lines;
        (int code, string stdout, string stderr) = Run("sql", "abc", "--dialect", "postgres", "--table", "run_cli.transactions", "--value-column", "amount",
            "--run", PostgresServer.ConnectionString + ";SSL Mode=require", "--output", Path.Combine(Folder, "abc.csv"));
        output.WriteLine($"ssl = {ssl}: exit {code}; {stdout.Trim()} {stderr.Trim()}");
        if (ssl)
        {
            Assert.True(code == 0, stderr);
            Assert.Contains("(TLS)", stdout, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(4, code);
            Assert.Contains("does not accept TLS connections", stderr, StringComparison.Ordinal);
        }
    }

    [PostgresFact]
    public async Task CtrlC_SendsCancelRequest_ExitsOneThirtyAndLeavesNoFile()
    {
        _ = data.Lines;
        using (NpgsqlConnection connection = PostgresServer.Open())
        {
            // A view that takes 60 s before its first row.
            TransactionTable.Execute(connection, "CREATE OR REPLACE VIEW run_cli.slow AS SELECT t.* FROM run_cli.transactions t CROSS JOIN (SELECT pg_sleep(60)) s");
        }

        string path = Path.Combine(Folder, "rows.csv");
        using var cancel = new CancellationTokenSource();
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var clock = Stopwatch.StartNew();
        Task<int> run = Task.Run(() => Program.Run(["sql", "abc", "--dialect", "postgres", "--table", "run_cli.slow", "--value-column", "amount", "--run", Connection, "--output", path], stdout, stderr, cancel.Token));
        await Task.Delay(1_500);
        Assert.False(run.IsCompleted, stderr.ToString());
        cancel.Cancel();
        int code = await run;
        double seconds = clock.Elapsed.TotalSeconds;
        output.WriteLine($"cancelled after 1.5 s; exit {code} at {seconds:0.00} s");
        Assert.Equal(130, code);
        Assert.Contains("cancelled: no output was written.", stderr.ToString(), StringComparison.Ordinal);
        Assert.True(seconds < 20, $"{seconds} s");
        Assert.Empty(Directory.GetFiles(Folder));

        // The server stopped the statement (CancelRequest), not only the client: no session of the tool is still active.
        using NpgsqlConnection check = PostgresServer.Open();
        using var active = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE application_name = 'customer-valuation' AND state = 'active'", check);
        long still = 1;
        for (int attempt = 0; attempt < 20 && still > 0; attempt++)
        {
            still = (long)active.ExecuteScalar()!;
            if (still > 0)
            {
                await Task.Delay(100);
            }
        }

        Assert.Equal(0, still);
    }

    /// <summary>Compares the rfm command's CSV with sql rfm's, row by row (same order): every field equal, monetary as a number.</summary>
    private static int CompareRfm(string memoryPath, string sqlPath)
    {
        List<string[]> expected = ReadCsv(memoryPath);
        List<string[]> actual = ReadCsv(sqlPath);
        Assert.Equal(expected[0], actual[0]);
        Assert.Equal(expected.Count, actual.Count);
        int monetary = Array.IndexOf(expected[0], "monetary");
        for (int i = 1; i < expected.Count; i++)
        {
            for (int k = 0; k < expected[i].Length; k++)
            {
                if (k == monetary)
                {
                    Assert.Equal(decimal.Parse(expected[i][k], NumberStyles.Float, CultureInfo.InvariantCulture), decimal.Parse(actual[i][k], NumberStyles.Float, CultureInfo.InvariantCulture));
                }
                else
                {
                    Assert.True(expected[i][k] == actual[i][k], $"row {i}, {expected[0][k]}: '{expected[i][k]}' in memory, '{actual[i][k]}' from PostgreSQL");
                }
            }
        }

        return expected.Count - 1;
    }

    private static List<string[]> ReadCsv(string path) =>
        File.ReadLines(path, Encoding.UTF8).Where(l => l.Length > 0).Select(l => Csv.Split(l).ToArray()).ToList();
}
