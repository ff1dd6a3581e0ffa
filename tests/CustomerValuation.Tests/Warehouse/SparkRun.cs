using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CustomerValuation.Warehouse;
using Xunit;

namespace CustomerValuation.Tests.Warehouse;

/// <summary>
/// Apache Spark for the Spark tests: a Python with pyspark, named by the environment variable
/// <c>CV_SPARK_PYTHON</c>, which <c>.ci/run</c> sets after <c>.ci/spark install</c>
/// (docs/warehouse.md, "The Spark test run"). Without it the tests are skipped, saying so.
/// </summary>
internal static class SparkEnvironment
{
    /// <summary>The environment variable that names the Python interpreter with pyspark.</summary>
    public const string Variable = "CV_SPARK_PYTHON";

    /// <summary>The interpreter from <c>CV_SPARK_PYTHON</c>, or null where it is unset or empty.</summary>
    public static string? Python { get; } = Read();

    /// <summary>Why the tests are skipped.</summary>
    public static string MissingReason =>
        $"Needs Apache Spark: the environment variable {Variable} (a python3 that can import pyspark, with Java 17 or newer on the machine) is not set. "
        + ".ci/run sets it after .ci/spark install (a venv with pyspark from the Python package index); to run these tests locally: "
        + $"export {Variable}=\"$(.ci/spark install /tmp/cv-spark)\", or point it at any python3 with pyspark 3.5 or newer.";

    private static string? Read()
    {
        string? value = Environment.GetEnvironmentVariable(Variable);
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }
}

/// <summary>
/// A fact that needs Spark (<see cref="SparkEnvironment"/>) and, where given, a file of ../shared/data;
/// skipped, saying what is missing, where either is absent. A <c>CV_SPARK_PYTHON</c> that is set
/// but cannot run Spark is a failure, not a skip.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class SparkFactAttribute : FactAttribute
{
    public SparkFactAttribute(string? sharedDataFile = null)
    {
        SharedDataFile = sharedDataFile;
        if (SparkEnvironment.Python is null)
        {
            Skip = SparkEnvironment.MissingReason;
        }
        else if (sharedDataFile is not null && !SharedData.Exists(sharedDataFile))
        {
            Skip = $"Needs ../shared/data/{sharedDataFile} beside the repository (the shared test data); it is missing on this machine.";
        }
    }

    public string? SharedDataFile { get; }
}

/// <summary>The Spark tests share one Spark run (one JVM, one session for every statement).</summary>
[CollectionDefinition(Name)]
public sealed class SparkTestGroup : ICollectionFixture<SparkRun>
{
    public const string Name = "Spark warehouse";
}

/// <summary>The rows one statement gave on Spark: the column names and Spark's types, then the values as JSON.</summary>
internal sealed class SparkRows
{
    public SparkRows(string[] columns, string[] types, List<JsonElement[]> rows)
    {
        Columns = columns;
        Types = types;
        Rows = rows;
    }

    public string[] Columns { get; }

    public string[] Types { get; }

    public List<JsonElement[]> Rows { get; }

    public int Index(string column)
    {
        int i = Array.IndexOf(Columns, column);
        return i >= 0 ? i : throw new KeyNotFoundException($"Spark's result has no column {column}; it has {string.Join(", ", Columns)}.");
    }

    public string TypeOf(string column) => Types[Index(column)];

    public static bool IsNull(JsonElement e) => e.ValueKind == JsonValueKind.Null;

    public static string? Text(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.String => e.GetString(),
        _ => e.GetRawText(),
    };

    public static long Long(JsonElement e) => e.ValueKind == JsonValueKind.Number ? e.GetInt64() : long.Parse(e.GetString()!, CultureInfo.InvariantCulture);

    public static decimal Decimal(JsonElement e) => e.ValueKind == JsonValueKind.Number
        ? e.GetDecimal()
        : decimal.Parse(e.GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture);

    public static double Double(JsonElement e) => e.ValueKind == JsonValueKind.Number
        ? e.GetDouble()
        : double.Parse(e.GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture);

    public static DateTime Date(JsonElement e) => DateTime.ParseExact(e.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>
/// One Spark run for all the Spark tests: writes Online Retail (and a contribution table derived
/// from it) as JSON lines, writes a manifest with every generated statement of <see cref="SparkCases"/>
/// and its parameters, runs tests/spark/run_statements.py once with <c>CV_SPARK_PYTHON</c>, and
/// reads the results back. Nothing runs until a test asks (a skipped test costs nothing).
/// </summary>
public sealed class SparkRun : IDisposable
{
    /// <summary>The Spark types of the lines' view: the PostgreSQL test table's columns, numerics as DECIMAL(18, 3) (Online Retail's prices have up to 3 decimals), the timestamp as TIMESTAMP read in UTC.</summary>
    public const string TransactionSchema =
        "line_no BIGINT, customer_id STRING, invoice_no STRING, invoice_date TIMESTAMP, stock_code STRING, description STRING, "
        + "quantity DECIMAL(18,3), unit_price DECIMAL(18,3), amount DECIMAL(18,3), country STRING";

    /// <summary>The contribution view's columns.</summary>
    public const string ContributionSchema = "grp STRING, item STRING, sales DECIMAL(18,3), cost DECIMAL(18,3), inventory DECIMAL(18,3)";

    private readonly Lazy<Outcome> _outcome;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "cv-spark-" + Guid.NewGuid().ToString("N"));

    public SparkRun() => _outcome = new Lazy<Outcome>(Run);

    internal List<TransactionLine> Lines => _outcome.Value.Lines;

    internal List<ContributionInput> ContributionRows => _outcome.Value.Contribution;

    /// <summary>What the driver reported: versions and the time of each step.</summary>
    internal string RunReport => _outcome.Value.Report;

    /// <summary>The rows of a statement, or a failure with Spark's message when it failed there.</summary>
    internal SparkRows Result(string name)
    {
        Outcome o = _outcome.Value;
        string error = Path.Combine(o.OutputFolder, name + ".error");
        if (File.Exists(error))
        {
            throw new Xunit.Sdk.XunitException($"Spark could not run the statement {name}: {File.ReadAllText(error).Trim()}");
        }

        string path = Path.Combine(o.OutputFolder, name + ".jsonl");
        if (!File.Exists(path))
        {
            throw new Xunit.Sdk.XunitException($"Spark wrote no result for {name} ({path}).");
        }

        string[] lines = File.ReadAllLines(path, Encoding.UTF8);
        using JsonDocument header = JsonDocument.Parse(lines[0]);
        string[] columns = header.RootElement.EnumerateArray().Select(c => c[0].GetString()!).ToArray();
        string[] types = header.RootElement.EnumerateArray().Select(c => c[1].GetString()!).ToArray();
        var rows = new List<JsonElement[]>(lines.Length - 1);
        for (int i = 1; i < lines.Length; i++)
        {
            using JsonDocument row = JsonDocument.Parse(lines[i]);
            rows.Add(row.RootElement.EnumerateArray().Select(e => e.Clone()).ToArray());
        }

        return new SparkRows(columns, types, rows);
    }

    public void Dispose()
    {
        try
        {
            if (Directory.Exists(_folder))
            {
                Directory.Delete(_folder, recursive: true);
            }
        }
        catch (IOException)
        {
            // A temporary folder left behind is harmless.
        }
    }

    private Outcome Run()
    {
        string python = SparkEnvironment.Python ?? throw new InvalidOperationException(SparkEnvironment.MissingReason);
        Directory.CreateDirectory(_folder);
        var clock = Stopwatch.StartNew();
        List<TransactionLine> lines = WarehouseData.ReadOnlineRetail();
        List<ContributionInput> contribution = ContributionInput.Derive(lines);
        string tx = Path.Combine(_folder, "tx.jsonl");
        string mix = Path.Combine(_folder, "contribution.jsonl");
        WriteTransactions(tx, lines);
        WriteContribution(mix, contribution);
        TimeSpan written = clock.Elapsed;

        string manifest = Path.Combine(_folder, "manifest.json");
        using (FileStream stream = File.Create(manifest))
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteStartArray("tables");
            WriteTable(json, SparkCases.TransactionView, tx, TransactionSchema);
            WriteTable(json, SparkCases.ContributionView, mix, ContributionSchema);
            json.WriteEndArray();
            json.WriteStartArray("statements");
            foreach ((string name, SqlStatement statement) in SparkCases.Statements())
            {
                json.WriteStartObject();
                json.WriteString("name", name);
                json.WriteString("sql", statement.Text);
                json.WriteStartObject("parameters");
                foreach (SqlParameter parameter in statement.Parameters)
                {
                    json.WriteStartObject(parameter.Name);
                    switch (parameter.Value)
                    {
                        case DateTime d:
                            json.WriteString("type", "date");
                            json.WriteString("value", d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                            break;
                        case int i:
                            json.WriteString("type", "int");
                            json.WriteNumber("value", i);
                            break;
                        case double x:
                            json.WriteString("type", "double");
                            json.WriteString("value", x.ToString("R", CultureInfo.InvariantCulture));
                            break;
                        case string s:
                            json.WriteString("type", "string");
                            json.WriteString("value", s);
                            break;
                        default:
                            throw new InvalidOperationException($"Parameter {parameter.Name} has a type the driver does not bind: {parameter.Value.GetType()}.");
                    }

                    json.WriteEndObject();
                }

                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        string output = Path.Combine(_folder, "out");
        string script = Path.Combine(RepositoryRoot(), "tests", "spark", "run_statements.py");
        var start = new ProcessStartInfo(python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(manifest);
        start.ArgumentList.Add(output);
        var log = new StringBuilder();
        using (var process = new Process { StartInfo = start })
        {
            process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (log) { log.AppendLine(e.Data); } } };
            process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (log) { log.AppendLine(e.Data); } } };
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            if (!process.WaitForExit(TimeSpan.FromMinutes(10)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("The Spark run took more than 10 minutes. Its output:\n" + Tail(log));
            }

            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"{python} {script} exited with {process.ExitCode} (is pyspark installed, is Java 17 or newer on PATH?). Its output:\n{Tail(log)}");
            }
        }

        string report = File.ReadAllText(Path.Combine(output, "run.json"));
        report = $"tables written as JSON lines in {written.TotalSeconds:F1} s; whole run {clock.Elapsed.TotalSeconds:F1} s; driver: {report}";
        return new Outcome(lines, contribution, output, report);
    }

    private static string Tail(StringBuilder log)
    {
        string text = log.ToString();
        return text.Length <= 6_000 ? text : "…" + text[^6_000..];
    }

    private static void WriteTable(Utf8JsonWriter json, string view, string path, string schema)
    {
        string[] parts = view.Split('.');
        json.WriteStartObject();
        json.WriteString("view", parts[^1]);
        json.WriteBoolean("global", parts.Length == 2 && parts[0] == "global_temp");
        json.WriteString("path", path);
        json.WriteString("schema", schema);
        json.WriteEndObject();
    }

    private static void WriteTransactions(string path, List<TransactionLine> lines)
    {
        using FileStream stream = File.Create(path);
        using var json = new Utf8JsonWriter(stream);
        foreach (TransactionLine l in lines)
        {
            json.WriteStartObject();
            json.WriteNumber("line_no", l.LineNo);
            WriteText(json, "customer_id", l.CustomerId);
            json.WriteString("invoice_no", l.InvoiceNo);
            json.WriteString("invoice_date", l.InvoiceDate.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture));
            WriteText(json, "stock_code", l.StockCode);
            WriteText(json, "description", l.Description);
            json.WriteNumber("quantity", l.Quantity);
            json.WriteNumber("unit_price", l.UnitPrice);
            json.WriteNumber("amount", l.Amount);
            WriteText(json, "country", l.Country);
            json.WriteEndObject();
            json.Flush();
            stream.WriteByte((byte)'\n');
            json.Reset();
        }
    }

    private static void WriteContribution(string path, List<ContributionInput> rows)
    {
        using FileStream stream = File.Create(path);
        using var json = new Utf8JsonWriter(stream);
        foreach (ContributionInput r in rows)
        {
            json.WriteStartObject();
            json.WriteString("grp", r.Group);
            json.WriteString("item", r.Item);
            json.WriteNumber("sales", r.Sales);
            json.WriteNumber("cost", r.Cost);
            if (r.Inventory is { } inventory)
            {
                json.WriteNumber("inventory", inventory);
            }
            else
            {
                json.WriteNull("inventory");
            }

            json.WriteEndObject();
            json.Flush();
            stream.WriteByte((byte)'\n');
            json.Reset();
        }
    }

    private static void WriteText(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }

    private static string RepositoryRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CustomerValuation.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository (CustomerValuation.sln) was not found above " + AppContext.BaseDirectory);
    }

    private sealed record Outcome(List<TransactionLine> Lines, List<ContributionInput> Contribution, string OutputFolder, string Report);
}

/// <summary>
/// One row of the contribution table derived from Online Retail: per (country, stock code) the sales
/// (the positive line amounts), a cost of 40–119 % of the sales and an inventory that is missing for
/// one item in 11, 0 for another and sales ÷ (1 … 9) otherwise, picked by a stable hash of the key
/// (the PostgreSQL test derives its table with hashtext; any fixed rule will do).
/// </summary>
internal sealed record ContributionInput(string Group, string Item, decimal Sales, decimal Cost, decimal? Inventory)
{
    public static List<ContributionInput> Derive(List<TransactionLine> lines)
    {
        var rows = new List<ContributionInput>();
        foreach (var g in lines.GroupBy(l => (Country: l.Country ?? string.Empty, Stock: l.StockCode ?? string.Empty)).OrderBy(g => g.Key.Country, StringComparer.Ordinal).ThenBy(g => g.Key.Stock, StringComparer.Ordinal))
        {
            decimal sales = g.Sum(l => l.Amount > 0 ? l.Amount : 0m);
            uint h = Hash(g.Key.Country + "/" + g.Key.Stock);
            decimal cost = Math.Round(sales * (0.40m + (h % 80) / 100m), 2, MidpointRounding.AwayFromZero);
            decimal? inventory = (h % 11) switch
            {
                0 => null,
                1 => 0m,
                _ => Math.Round(sales / (1 + h % 9), 2, MidpointRounding.AwayFromZero),
            };
            rows.Add(new ContributionInput(g.Key.Country, g.Key.Stock, sales, cost, inventory));
        }

        return rows;
    }

    /// <summary>FNV-1a (32 bits) of the key's UTF-8 bytes.</summary>
    private static uint Hash(string key)
    {
        uint h = 2_166_136_261;
        foreach (byte b in Encoding.UTF8.GetBytes(key))
        {
            h = (h ^ b) * 16_777_619;
        }

        return h;
    }
}

/// <summary>A row fingerprint that Spark and .NET compute alike: per row the first 15 hex digits of SHA-256 of its text, summed (so the order of rows does not matter).</summary>
internal static class SparkFingerprint
{
    /// <summary>The same text per row as the PostgreSQL fingerprint (tab-separated, null as \N), with decimals at their column's scale (3).</summary>
    public static string Sql(string view) =>
        "SELECT COUNT(*) AS row_count, SUM(CAST(conv(substring(sha2(concat_ws(chr(9), CAST(line_no AS STRING), coalesce(customer_id, '\\\\N'), invoice_no, "
        + "date_format(invoice_date, 'yyyy-MM-dd HH:mm:ss'), coalesce(stock_code, '\\\\N'), coalesce(description, '\\\\N'), CAST(quantity AS STRING), "
        + "CAST(unit_price AS STRING), CAST(amount AS STRING), coalesce(country, '\\\\N')), 256), 1, 15), 16, 10) AS DECIMAL(38, 0))) AS fingerprint, "
        + "SUM(amount) AS total_amount, COUNT(DISTINCT customer_id) AS customers, COUNT(*) - COUNT(customer_id) AS lines_without_customer, "
        + "SUM(quantity) AS total_quantity, MIN(invoice_date) AS first_date, MAX(invoice_date) AS last_date, "
        + "COUNT(CASE WHEN amount <> quantity * unit_price THEN 1 END) AS amount_mismatches FROM " + view;

    public static decimal InMemory(IEnumerable<TransactionLine> lines)
    {
        decimal sum = 0;
        foreach (TransactionLine l in lines)
        {
            string text = string.Join('\t',
                l.LineNo.ToString(CultureInfo.InvariantCulture), l.CustomerId ?? "\\N", l.InvoiceNo,
                l.InvoiceDate.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), l.StockCode ?? "\\N", l.Description ?? "\\N",
                Scale3(l.Quantity), Scale3(l.UnitPrice), Scale3(l.Amount), l.Country ?? "\\N");
            string hex = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
            sum += long.Parse(hex.AsSpan(0, 15), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        }

        return sum;
    }

    private static string Scale3(decimal value) => value.ToString("0.000", CultureInfo.InvariantCulture);
}
