using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using CustomerValuation.Warehouse;
using Xunit;

namespace CustomerValuation.Tests.Warehouse;

/// <summary>
/// The generated SQL of a fixed set of cases (<see cref="GoldenSqlCases.Golden"/>, every option
/// written out) equals, character for character (line endings aside), the files in
/// <c>Warehouse/Golden/&lt;case&gt;.&lt;postgres|spark|tsql&gt;.sql</c>.
/// </summary>
/// <remarks>
/// Where the expected texts come from: they were generated once by the code under test, then
/// reviewed by hand, line by line, against the dialects' references (PostgreSQL manual, Spark
/// SQL / Databricks SQL reference, Microsoft Learn's T-SQL reference; the review and its sources
/// are in docs/warehouse.md, "Dialects and the features they use"), and pinned. They are not an
/// independent oracle: they catch an unintended change of the SQL, and a reviewer reads the diff
/// of a golden file when the SQL is meant to change. The PostgreSQL texts are also run, on a real
/// server, by the PostgreSQL tests; the T-SQL texts are parsed by Microsoft's parser
/// (TSqlScriptDomTests); the Spark SQL texts are only reviewed.
/// To regenerate after an intended change: <c>CV_UPDATE_GOLDEN=1 dotnet test … --filter GoldenSqlTests</c>;
/// the files are rewritten and every test fails saying so (a run that rewrites cannot pass), then
/// review the diff and run again without the variable.
/// </remarks>
public sealed class GoldenSqlTests
{
    public static TheoryData<string, SqlDialect> Cases()
    {
        var data = new TheoryData<string, SqlDialect>();
        foreach (GoldenCase c in GoldenSqlCases.Golden)
        {
            foreach ((SqlDialect dialect, _) in GoldenSqlCases.Dialects)
            {
                data.Add(c.Name, dialect);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void GeneratedSql_EqualsGoldenFile(string caseName, SqlDialect dialect)
    {
        GoldenCase c = GoldenSqlCases.Golden.Single(g => g.Name == caseName);
        string actual = GoldenSqlCases.Render(c, dialect);
        string path = GoldenPath(caseName, dialect);
        if (Environment.GetEnvironmentVariable("CV_UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
            Assert.Fail($"CV_UPDATE_GOLDEN=1: rewrote {path}. Review its diff, then run the tests again without CV_UPDATE_GOLDEN.");
        }

        Assert.True(File.Exists(path), $"The golden file {path} is missing; generate it with CV_UPDATE_GOLDEN=1 and review it.");
        string expected = Normalize(File.ReadAllText(path));
        if (expected != actual)
        {
            Assert.Fail($"The generated SQL differs from {path} at line {FirstDifferentLine(expected, actual)}.\n"
                + "If the change is intended, regenerate with CV_UPDATE_GOLDEN=1 and review the diff.\n"
                + "--- expected\n" + expected + "\n--- actual\n" + actual);
        }
    }

    [Fact]
    public void GoldenFolder_HasExactlyTheCasesFiles()
    {
        string folder = Path.GetDirectoryName(GoldenPath("x", SqlDialect.PostgreSql))!;
        var expected = new SortedSet<string>(StringComparer.Ordinal);
        foreach (GoldenCase c in GoldenSqlCases.Golden)
        {
            foreach ((SqlDialect dialect, _) in GoldenSqlCases.Dialects)
            {
                expected.Add(Path.GetFileName(GoldenPath(c.Name, dialect)));
            }
        }

        var actual = new SortedSet<string>(Directory.GetFiles(folder, "*.sql").Select(Path.GetFileName)!, StringComparer.Ordinal);
        Assert.Equal(expected, actual);
    }

    private static string GoldenPath(string caseName, SqlDialect dialect) =>
        Path.Combine(ThisFolder(), "Golden", caseName + "." + GoldenSqlCases.Dialects.Single(d => d.Dialect == dialect).Suffix + ".sql");

    /// <summary>The folder of this source file, so that the files are read from the source tree (a clean clone), not from the build output.</summary>
    private static string ThisFolder([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);

    private static int FirstDifferentLine(string expected, string actual)
    {
        string[] e = expected.Split('\n'), a = actual.Split('\n');
        int i = 0;
        while (i < e.Length && i < a.Length && e[i] == a[i])
        {
            i++;
        }

        return i + 1;
    }
}
