using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using CustomerValuation.Cli;
using Xunit;

namespace CustomerValuation.Tests.Cli;

public sealed class AbcCommandTests : CliTestFolder
{
    public AbcCommandTests()
        : base("cv-cli-")
    {
    }

    [Fact]
    public void Abc_W1File_WritesClassesAndPrintsTable()
    {
        // SPEC W1 values (see AbcClassifierTests): A = c01, c02; B = c03..c05; C = the rest.
        string input = Write("w1.csv", "customer_id,value\nc01,50\nc02,30\nc03,8\nc04,4\nc05,3\nc06,2\nc07,1\nc08,1\nc09,0.5\nc10,0.5\n");
        string output = Path.Combine(Folder, "out.csv");

        (int code, string stdout, string stderr) = Run("abc", "--input", input, "--output", output);

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, stderr);
        string[] lines = File.ReadAllLines(output);
        Assert.Equal("customer_id,class,rank,value,share,cumulative_share", lines[0]);
        Assert.Equal("c01,A,1,50,0.5,0.5", lines[1]);
        Assert.Equal("c03,B,3,8,0.08,0.88", lines[3]);
        Assert.Equal(11, lines.Length);
        Assert.Contains("Gini", stdout, StringComparison.Ordinal);
        Assert.Matches(@"A\s+2\s", stdout);
    }

    [Fact]
    public void Abc_GzipInputAndOtherColumns_Works()
    {
        string input = Path.Combine(Folder, "in.csv.gz");
        using (var gz = new GZipStream(File.Create(input), CompressionLevel.Optimal))
        {
            byte[] bytes = Encoding.UTF8.GetBytes("name,\"sales, 2025\"\n\"Acme, Inc.\",900\nBeta,100\n");
            gz.Write(bytes);
        }

        string output = Path.Combine(Folder, "out.csv");
        (int code, _, string stderr) = Run("abc", "--input", input, "--id-column", "name", "--value-column", "sales, 2025", "--output", output);

        Assert.True(code == 0, stderr);
        Assert.Equal("\"Acme, Inc.\",A,1,900,0.9,0.9", File.ReadAllLines(output)[1]);
    }

    [Fact]
    public void Abc_RepeatedId_FailsNamingIdAndBothLines()
    {
        string input = Write("dup.csv", "customer_id,value\na,1\nb,2\na,3\n");
        (int code, _, string stderr) = Run("abc", "--input", input);

        Assert.Equal(3, code);
        Assert.Contains("'a'", stderr, StringComparison.Ordinal);
        Assert.Contains("line 2", stderr, StringComparison.Ordinal);
        Assert.Contains("line 4", stderr, StringComparison.Ordinal);
        Assert.Contains("--sum-duplicates", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Abc_SumDuplicates_AddsValues()
    {
        // a = 1 + 3 = 4, b = 2: a is rank 1 with share 4/6.
        string input = Write("dup.csv", "customer_id,value\na,1\nb,2\na,3\n");
        string output = Path.Combine(Folder, "out.csv");
        (int code, _, _) = Run("abc", "--input", input, "--sum-duplicates", "--output", output);

        Assert.Equal(0, code);
        string[] first = File.ReadAllLines(output)[1].Split(',');
        Assert.Equal(new[] { "a", "A", "1", "4" }, first.Take(4));
        Assert.Equal(4.0 / 6, double.Parse(first[4], System.Globalization.CultureInfo.InvariantCulture), 12);
    }

    [Theory]
    [InlineData("12,5")]
    [InlineData("abc")]
    [InlineData("NaN")]
    [InlineData("")]
    public void Abc_MalformedValue_FailsNamingLineAndColumn(string bad)
    {
        string input = Write("bad.csv", $"customer_id,value\na,1\nb,\"{bad}\"\n");
        (int code, _, string stderr) = Run("abc", "--input", input);

        Assert.Equal(3, code);
        Assert.Contains("line 3", stderr, StringComparison.Ordinal);
        Assert.Contains("column 'value'", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Abc_FailureAfterEarlierRun_LeavesPreviousOutputUntouched()
    {
        string output = Path.Combine(Folder, "out.csv");
        File.WriteAllText(output, "previous\n");
        string input = Write("bad.csv", "customer_id,value\na,1\nb,x\n");

        (int code, _, _) = Run("abc", "--input", input, "--output", output);

        Assert.Equal(3, code);
        Assert.Equal("previous\n", File.ReadAllText(output));
        Assert.Empty(Directory.GetFiles(Folder, "*.tmp"));
    }

    [Fact]
    public void Abc_MissingColumn_ListsHeader()
    {
        string input = Write("in.csv", "id,amount\na,1\n");
        (int code, _, string stderr) = Run("abc", "--input", input);

        Assert.Equal(2, code);
        Assert.Contains("no column 'customer_id'", stderr, StringComparison.Ordinal);
        Assert.Contains("'amount'", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Abc_CountBasisAndLowerBoundary_UsesOptions()
    {
        // 25 customers by count, JoinLower: A = floor(2.5) = 2, B = 7 - 2 = 5, C = 18.
        string input = Write("in.csv", "customer_id,value\n" + string.Concat(Enumerable.Range(1, 25).Select(i => $"k{i:D2},{i}\n")));
        string output = Path.Combine(Folder, "out.csv");
        (int code, _, _) = Run("abc", "--input", input, "--by", "count", "--boundary", "lower", "--output", output);

        Assert.Equal(0, code);
        var classes = File.ReadAllLines(output).Skip(1).Select(l => l.Split(',')[1]).ToArray();
        Assert.Equal(2, classes.Count(c => c == "A"));
        Assert.Equal(5, classes.Count(c => c == "B"));
        Assert.Equal(18, classes.Count(c => c == "C"));
    }

    [Fact]
    public void Abc_BadBreakpoints_FailsWithRule()
    {
        string input = Write("in.csv", "customer_id,value\na,1\n");
        (int code, _, string stderr) = Run("abc", "--input", input, "--breakpoints", "0.9,0.8");

        Assert.Equal(2, code);
        Assert.Contains("strictly increasing", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Abc_Computed_PrintsPoints()
    {
        // The hand-worked ComputedAbcTests example: A = 3, B = 1, C = 6.
        string input = WriteComputedExample();
        string output = Path.Combine(Folder, "out.csv");
        (int code, string stdout, _) = Run("abc", "--input", input, "--computed", "--output", output);

        Assert.Equal(0, code);
        Assert.Contains("Pareto point rank 3", stdout, StringComparison.Ordinal);
        var classes = File.ReadAllLines(output).Skip(1).Select(l => l.Split(',')[1]).ToArray();
        Assert.Equal(new[] { 3, 1, 6 }, new[] { "A", "B", "C" }.Select(c => classes.Count(x => x == c)));
    }

    [Theory]
    [InlineData("--labels", "A,B")] // two labels for three computed classes
    [InlineData("--boundary", "lower")]
    [InlineData("--by", "count")]
    [InlineData("--breakpoints", "0.5,0.9")]
    public void Abc_ComputedWithConflictingOrWrongOption_FailsCleanly(string option, string value)
    {
        string input = WriteComputedExample();
        (int code, _, string stderr) = Run("abc", "--input", input, "--computed", option, value);

        Assert.Equal(2, code);
        Assert.StartsWith("error: ", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Abc_ComputedWithThreeLabels_UsesThem()
    {
        string input = WriteComputedExample();
        string output = Path.Combine(Folder, "out.csv");
        (int code, _, _) = Run("abc", "--input", input, "--computed", "--labels", "Key,Core,Tail", "--output", output);

        Assert.Equal(0, code);
        Assert.Equal(new[] { "Key", "Key", "Key", "Core", "Tail" }, File.ReadAllLines(output).Skip(1).Take(5).Select(l => l.Split(',')[1]));
    }

    [Fact]
    public void Abc_BomCrlfQuotedNewlineAndBlankLines_ReadCorrectly()
    {
        // UTF-8 BOM, CRLF line endings, an id with a quoted line break, blank and whitespace-only lines.
        string path = Path.Combine(Folder, "odd.csv");
        File.WriteAllText(path, "customer_id,value\r\n\"multi\r\nline\",60\r\n\r\n   \r\nb,40\r\n", new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        string output = Path.Combine(Folder, "out.csv");
        (int code, _, string stderr) = Run("abc", "--input", path, "--output", output);

        Assert.True(code == 0, stderr);
        string[] rows = File.ReadAllLines(output);
        Assert.Equal("\"multi", rows[1]); // the id is written back quoted, line break included
        Assert.StartsWith("line\",A,1,60,0.6", rows[2], StringComparison.Ordinal);
        Assert.StartsWith("b,A,2,40,0.4", rows[3], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "empty; it needs a header")]
    [InlineData("customer_id,value\n", "The input is empty")]
    public void Abc_EmptyFileOrHeaderOnly_OneLineErrorNoOutput(string content, string error)
    {
        string input = Write("in.csv", content);
        string output = Path.Combine(Folder, "out.csv");
        (int code, _, string stderr) = Run("abc", "--input", input, "--output", output);

        Assert.Equal(3, code);
        Assert.Contains(error, stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void Abc_CorruptGzip_OneLineError()
    {
        string input = Path.Combine(Folder, "bad.csv.gz");
        File.WriteAllBytes(input, new byte[] { 0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 0xff, 0xff, 0xff, 0xff, 0x12, 0x34, 0, 0, 0, 0, 0, 0 });
        (int code, _, string stderr) = Run("abc", "--input", input);

        Assert.Equal(3, code);
        Assert.StartsWith("error: ", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Abc_TruncatedGzip_IsAnErrorNotFewerRows()
    {
        // Compress 2,000 customers with a flush half way, then cut the file after the flush: the
        // first half decompresses cleanly, but the trailer (CRC-32, length) no longer matches.
        string input = Path.Combine(Folder, "cut.csv.gz");
        using (var memory = new MemoryStream())
        {
            using (var gz = new GZipStream(memory, CompressionLevel.Optimal, leaveOpen: true))
            {
                byte[] head = Encoding.UTF8.GetBytes("customer_id,value\n" + string.Concat(Enumerable.Range(0, 1000).Select(i => $"c{i},{i + 1}\n")));
                gz.Write(head);
                gz.Flush();
                long cut = memory.Length;
                byte[] tail = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(1000, 1000).Select(i => $"c{i},{i + 1}\n")));
                gz.Write(tail);
                gz.Flush();
                File.WriteAllBytes(input, memory.ToArray().AsSpan(0, (int)cut).ToArray());
            }
        }

        (int code, _, string stderr) = Run("abc", "--input", input);

        Assert.Equal(3, code);
        Assert.Contains("truncated or corrupt", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Abc_SumDuplicates_IndependentOfLineOrder()
    {
        // x = 0.1 + 0.2 + 0.3 and a = 0.6: equal on paper. Summed in sorted order with compensation,
        // x is 0.6 exactly whatever the order of its lines, so the tie goes to the smaller id, "a".
        string forward = Write("f.csv", "customer_id,value\nx,0.1\nx,0.2\nx,0.3\na,0.6\n");
        string backward = Write("b.csv", "customer_id,value\nx,0.3\na,0.6\nx,0.2\nx,0.1\n");
        string outForward = Path.Combine(Folder, "of.csv");
        string outBackward = Path.Combine(Folder, "ob.csv");
        Assert.Equal(0, Run("abc", "--input", forward, "--sum-duplicates", "--breakpoints", "0.5", "--output", outForward).Code);
        Assert.Equal(0, Run("abc", "--input", backward, "--sum-duplicates", "--breakpoints", "0.5", "--output", outBackward).Code);

        Assert.Equal(File.ReadAllLines(outForward), File.ReadAllLines(outBackward));
    }

    [Fact]
    public void Abc_TotalOverflows_OneLineError()
    {
        string input = Write("big.csv", "customer_id,value\na,1e308\nb,1e308\n");
        (int code, _, string stderr) = Run("abc", "--input", input);

        Assert.Equal(3, code);
        Assert.Contains("largest double", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);

        string duplicates = Write("dup.csv", "customer_id,value\na,1e308\na,1e308\n");
        (int code2, _, string stderr2) = Run("abc", "--input", duplicates, "--sum-duplicates");
        Assert.Equal(3, code2);
        Assert.Contains("'a'", stderr2, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("customer_id,value\na,1\nb,2\n", "--breakpoints", "1e-10", 2)] // a bad option: exit 2
    [InlineData("customer_id,value\nz,1\ny,2\na,1e-310\n", "--by", "value", 3)] // bad data: exit 3
    [InlineData("customer_id,value\na,1\nb,-1e308\nc,-1e308\n", "--by", "value", 3)]
    public void Abc_LibraryArgumentErrors_AreOneLine(string content, string option, string value, int expectedCode)
    {
        string input = Write("in.csv", content);
        (int code, _, string stderr) = Run("abc", "--input", input, option, value);

        Assert.Equal(expectedCode, code);
        Assert.StartsWith("error: ", stderr, StringComparison.Ordinal);
        Assert.Single(stderr.TrimEnd().Split('\n'));
        Assert.DoesNotContain("(Parameter", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Abc_EmptyOutputName_FailsBeforeWork()
    {
        string input = Write("in.csv", "customer_id,value\na,1\n");
        (int code, string stdout, string stderr) = Run("abc", "--input", input, "--output", "");

        Assert.Equal(2, code);
        Assert.Contains("--output needs a file name", stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, stdout);
    }

    [Fact]
    public async System.Threading.Tasks.Task OpenText_NonSeekableGzipAndPlainStreams_ReadAndChecked()
    {
        // A pipe cannot seek: the magic bytes are peeked and the trailer is taken from the bytes read.
        byte[] plain = Encoding.UTF8.GetBytes("customer_id,value\na,1\n");
        byte[] gz;
        using (var memory = new MemoryStream())
        {
            using (var zip = new GZipStream(memory, CompressionLevel.Optimal, leaveOpen: true))
            {
                zip.Write(plain);
            }

            gz = memory.ToArray();
        }

        foreach (byte[] bytes in new[] { plain, gz })
        {
            string path = Path.Combine(Folder, "pipe-" + bytes.Length);
            File.WriteAllBytes(path, bytes);
            using var reader = new StreamReader(CsvInput.OpenBytes(path));
            Assert.Equal("customer_id,value\na,1\n", reader.ReadToEnd().Replace("\r", string.Empty, StringComparison.Ordinal));
        }

        // Through a real pipe (a FIFO), where seeking throws.
        string fifo = Path.Combine(Folder, "fifo");
        if (OperatingSystem.IsLinux() && System.Diagnostics.Process.Start("mkfifo", fifo) is { } mk)
        {
            mk.WaitForExit();
            var writer = System.Threading.Tasks.Task.Run(() => File.WriteAllBytes(fifo, gz));
            using (var reader = new StreamReader(CsvInput.OpenBytes(fifo)))
            {
                Assert.Contains("a,1", reader.ReadToEnd(), StringComparison.Ordinal);
            }

            await writer;
        }
    }

    [Fact]
    public void Demo_RunsAndWritesItsFiles()
    {
        string folder = Path.Combine(Folder, "demo");
        (int code, string stdout, string stderr) = Run("demo", "--output-dir", folder);

        Assert.True(code == 0, stderr);
        Assert.Contains("Concentration", stdout, StringComparison.Ordinal);
        foreach (string file in new[] { "customers.csv", "abc_by_value.csv", "abc_by_count.csv", "abc_computed.csv", "abc_classes.csv", "pareto_curve.csv" })
        {
            Assert.True(File.Exists(Path.Combine(folder, file)), file);
        }

        // Nothing lost: 5,000 customers in, 5,000 classified rows out.
        Assert.Equal(5001, File.ReadAllLines(Path.Combine(folder, "abc_by_value.csv")).Length);
        Assert.Equal(102, File.ReadAllLines(Path.Combine(folder, "pareto_curve.csv")).Length);
    }

    /// <summary>The hand-worked example of ComputedAbcTests (A = 3, B = 1, C = 6) as a CSV file.</summary>
    private string WriteComputedExample() =>
        Write("computed.csv", "customer_id,value\n" + string.Join("\n", new[] { 40, 20, 10, 8, 6, 5, 4, 3, 2, 2 }.Select((v, i) => $"k{i:D2},{v}")) + "\n");
}
