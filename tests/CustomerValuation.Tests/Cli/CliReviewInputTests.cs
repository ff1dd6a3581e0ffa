using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using CustomerValuation.Cli;
using Xunit;

namespace CustomerValuation.Tests.Cli;

/// <summary>
/// Review of the CLI's input and output paths: the byte reader against an independent reference
/// (long records, small buffers, Chars and IsBlank), byte-order marks, the rfm pipeline (the
/// restart with text ids, odd ids, errors in late batches, policies through the batches), JSON
/// lines and exit codes. Every expected value is worked by hand (in the comments) or comes from an
/// independent reference written here.
/// </summary>
public sealed class CliReviewInputTests : CliTestFolder
{
    private const string Scorecard = """
        { "criteria": [
            { "name": "amount", "direction": "higher", "normalization": "minmax", "weight": 3 },
            { "name": "overdue", "column": "days_overdue", "direction": "lower", "normalization": "minmax", "weight": 1 } ],
          "tiers": { "atLeast": [ { "tier": "A", "bound": 60 }, { "tier": "B", "bound": 30 }, { "tier": "C", "bound": 0 } ] } }
        """;

    public CliReviewInputTests()
        : base("cv-review-input-")
    {
    }

    private static string[] RfmArgs(string input, string output, params string[] more) =>
        ["rfm", "--transactions", input, "--customer-column", "id", "--date-column", "date", "--amount-column", "amount",
         "--as-of", "2026-01-31", "--segments", "none", "--output", output, .. more];

    // ---------------------------------------------------------------- RecordReader

    [Fact]
    public void Reader_LongRandomRecords_MatchAReferenceParser_WithCharsAndIsBlank_AtSmallBufferSizes()
    {
        // Reference: RFC 4180 over the whole text, character by character (ReferenceRecords below).
        var random = new Random(20261127);
        char[] alphabet = ['a', 'é', '中', ',', '"', '"', '\r', '\n', ' ', '\t', '1'];
        for (int run = 0; run < 3000; run++)
        {
            int length = random.Next(0, 120);
            var sb = new StringBuilder();
            for (int i = 0; i < length; i++)
            {
                sb.Append(alphabet[random.Next(alphabet.Length)]);
            }

            string text = sb.ToString();
            int bufferSize = random.Next(1, 9);
            (List<(long Line, string[] Fields)> expected, string? expectedError) = ReferenceRecords(text);
            var actual = new List<(long Line, string[] Fields)>();
            string? actualError = null;
            try
            {
                using var reader = new RecordReader(new MemoryStream(Encoding.UTF8.GetBytes(text)), "f.csv", FieldDelimiter.Comma, bufferSize);
                while (reader.Read())
                {
                    string[] fields = reader.Strings();
                    for (int i = 0; i < fields.Length; i++)
                    {
                        Assert.Equal(fields[i], reader.Chars(i).ToString());
                    }

                    // Blank: one field that is empty or white space (string.Trim, as CsvInput.DataRecords decides).
                    Assert.Equal(fields.Length == 1 && fields[0].Trim().Length == 0, reader.IsBlank);
                    actual.Add((reader.Line, fields));
                }
            }
            catch (CliException e)
            {
                actualError = e.Message;
            }

            string Show(List<(long Line, string[] Fields)> records) => string.Join(" / ", records.Select(r => r.Line.ToString(CultureInfo.InvariantCulture) + ":" + string.Join("|", r.Fields)));
            Assert.True(
                expectedError == actualError && Show(expected) == Show(actual),
                $"text {JsonSerializer.Serialize(text)} buffer {bufferSize}: expected {Show(expected)} {expectedError}, got {Show(actual)} {actualError}");
        }
    }

    [Fact]
    public void Reader_QuotedRecordLongerThanTheBuffer_AndCrAtTheEndOfAFill()
    {
        // Hand: the quoted field holds 3,000 'x', a CRLF (read as "\n") and 3,000 'y'; the record
        // starts on line 2 and the next one on line 4. The buffer (64 bytes) must grow.
        string big = new string('x', 3000) + "\r\n" + new string('y', 3000);
        string text = "h1,h2\r\"" + big + "\",end\r\nlast,1\r";
        using var reader = new RecordReader(new MemoryStream(Encoding.UTF8.GetBytes(text)), "f.csv", FieldDelimiter.Comma, 64);
        Assert.True(reader.Read());
        Assert.Equal(1, reader.Line);
        Assert.True(reader.Read());
        Assert.Equal(2, reader.Line);
        Assert.Equal(new string('x', 3000) + "\n" + new string('y', 3000), reader.Chars(0).ToString());
        Assert.Equal("end", reader.String(1));
        Assert.True(reader.Read());
        Assert.Equal(4, reader.Line);
        Assert.Equal(["last", "1"], reader.Strings());
        Assert.False(reader.Read());
    }

    [Fact]
    public void OnlyAByteOrderMark_IsAnEmptyFile_ExitThree()
    {
        // docs/cli.md: UTF-8 with or without a byte-order mark; an empty input is a data error (3) naming the file.
        string path = Path.Combine(Folder, "bom.csv");
        File.WriteAllBytes(path, [0xEF, 0xBB, 0xBF]);
        (int code, _, string stderr) = Run("abc", "--input", path);
        Assert.Equal(3, code);
        Assert.Contains("is empty", stderr, StringComparison.Ordinal);

        (code, _, stderr) = Run(RfmArgs(path, Path.Combine(Folder, "o.csv")));
        Assert.Equal(3, code);
        Assert.Contains("is empty", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("utf-16le")]
    [InlineData("utf-16be")]
    [InlineData("utf-32le")]
    public void Utf16And32_WithQuotesAndCrLf_ReadAsUtf8(string encodingName)
    {
        // Hand: values 10 ("a, b"), 5 ("c""d" → c"d), 5 (中); ABC by value: total 20, a, b first (0.5).
        const string Text = "customer_id,value\r\n\"a, b\",10\r\n\"c\"\"d\",5\r\n中,5\r\n";
        Encoding encoding = encodingName switch
        {
            "utf-16le" => new UnicodeEncoding(bigEndian: false, byteOrderMark: true),
            "utf-16be" => new UnicodeEncoding(bigEndian: true, byteOrderMark: true),
            _ => new UTF32Encoding(bigEndian: false, byteOrderMark: true),
        };
        string path = Path.Combine(Folder, "in.csv");
        File.WriteAllBytes(path, [.. encoding.GetPreamble(), .. encoding.GetBytes(Text)]);
        string output = Path.Combine(Folder, "out.jsonl");
        (int code, _, string stderr) = Run("abc", "--input", path, "--output", output, "--format", "jsonl");
        Assert.True(code == 0, stderr);
        string[] ids = File.ReadAllLines(output).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("customer_id").GetString()!).ToArray();
        Assert.Equal("a, b", ids[0]);
        Assert.Equal(new[] { "c\"d", "中" }.OrderBy(x => x, StringComparer.Ordinal), ids.Skip(1).OrderBy(x => x, StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("utf-16le")]
    [InlineData("utf-16be")]
    [InlineData("utf-32le")]
    [InlineData("utf-32be")]
    public void Utf16And32_ByteOrderMark_IsNotPartOfTheFirstField(string encodingName)
    {
        // docs/cli.md: UTF-16 and UTF-32 with a byte-order mark are converted; the mark is not text,
        // so the first header field is "id" (2 characters), as for UTF-8 with or without a mark.
        Encoding encoding = encodingName switch
        {
            "utf-16le" => new UnicodeEncoding(bigEndian: false, byteOrderMark: true),
            "utf-16be" => new UnicodeEncoding(bigEndian: true, byteOrderMark: true),
            "utf-32le" => new UTF32Encoding(bigEndian: false, byteOrderMark: true),
            _ => new UTF32Encoding(bigEndian: true, byteOrderMark: true),
        };
        string path = Path.Combine(Folder, "in.csv");
        File.WriteAllBytes(path, [.. encoding.GetPreamble(), .. encoding.GetBytes("id,note\n1,x\n")]);
        string first = CsvInput.ReadRecords(path).First().Fields[0];
        Assert.True(first == "id", "first field: " + string.Join(" ", first.Select(c => ((int)c).ToString("X4", CultureInfo.InvariantCulture))));
    }

    [Fact]
    public void PlainDecimals_WithManyDigits_AreDecimalParseBitForBit()
    {
        // Reference: decimal.TryParse (NumberStyles.Float, invariant), compared bit for bit (value,
        // scale and sign). The texts are what the fast path is for: a sign, up to 21 digits, at most
        // one dot anywhere (leading, trailing, none), leading and trailing zeros.
        var random = new Random(7);
        for (int run = 0; run < 200_000; run++)
        {
            var sb = new StringBuilder();
            int sign = random.Next(4);
            if (sign < 2)
            {
                sb.Append(sign == 0 ? '-' : '+');
            }

            int digits = random.Next(0, 22);
            int dot = random.Next(-1, digits + 1);
            for (int i = 0; i <= digits; i++)
            {
                if (i == dot)
                {
                    sb.Append('.');
                }

                if (i < digits)
                {
                    sb.Append(random.Next(3) == 0 ? '0' : (char)('0' + random.Next(10)));
                }
            }

            string text = sb.ToString();
            bool fast = TransactionInput.TryParsePlainDecimal(text, out decimal value);
            bool general = decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal expected);
            Assert.True(!fast || (general && decimal.GetBits(value).SequenceEqual(decimal.GetBits(expected))), text);
            Assert.True(fast || !general || digits > 18, "fast path refused " + text);
        }
    }

    // ---------------------------------------------------------------- rfm pipeline

    [Fact]
    public void Rfm_TextIdAfterManyBatches_EqualsAPureTextRun()
    {
        // 60,000 integer-id lines (about four batches of 16,384), then one text id "zz": the run
        // restarts with text ids. Reference: the same file with every id prefixed by "p" (all text
        // from the start). Ordinal order is the same in both ("zz" and "pzz" sort last; "p" + digits
        // keeps the digits' ordinal order), so the rows must be equal once the "p" is taken off.
        var mixed = new StringBuilder("id,date,amount\n");
        var text = new StringBuilder("id,date,amount\n");
        for (int i = 0; i < 60_000; i++)
        {
            int id = (i * 7919) % 1237;
            string line = string.Create(CultureInfo.InvariantCulture, $",2026-01-{1 + (i % 30):00},{(i % 97) + 0.25m}\n");
            mixed.Append(CultureInfo.InvariantCulture, $"{id}{line}");
            text.Append(CultureInfo.InvariantCulture, $"p{id}{line}");
        }

        mixed.Append("zz,2026-01-05,3\n7,2026-01-30,1\n");
        text.Append("pzz,2026-01-05,3\np7,2026-01-30,1\n");
        string mixedOut = Path.Combine(Folder, "mixed.csv");
        string textOut = Path.Combine(Folder, "text.csv");
        (int code, string stdout, string stderr) = Run(RfmArgs(Write("mixed.csv", mixed.ToString()), mixedOut));
        Assert.True(code == 0, stderr);
        (int code2, string stdout2, string stderr2) = Run(RfmArgs(Write("text.csv", text.ToString()), textOut));
        Assert.True(code2 == 0, stderr2);
        string[] expected = File.ReadAllLines(textOut).Skip(1).Select(l => l[1..]).ToArray();
        string[] actual = File.ReadAllLines(mixedOut).Skip(1).ToArray();
        Assert.Equal(1238, actual.Length); // 1,237 integer ids and zz
        Assert.Equal(expected, actual);
        Assert.Matches(@"lines read\s+60,002\b", stdout);
        Assert.Equal(stdout2.Replace("text.csv", "X", StringComparison.Ordinal), stdout.Replace("mixed.csv", "X", StringComparison.Ordinal));
    }

    [Fact]
    public void Rfm_OddIntegerLikeIds_AreDistinctCustomers_InTheDocumentedOrder()
    {
        // Each text is its own customer (docs/rfm.md: ids are compared as text). Without "+5" all are
        // integers ("-" and digits), so they sort by value, equal values by ordinal ("-0" < "0" < "00"):
        // long.MinValue, -0, 0, 00, 5, 1234567890123456789 (19 digits, beyond the numeric path).
        string input = Write("t.csv", "id,date,amount\n0,2026-01-01,1\n00,2026-01-02,2\n-0,2026-01-03,3\n5,2026-01-04,4\n" +
            "1234567890123456789,2026-01-05,5\n-9223372036854775808,2026-01-06,6\n0,2026-01-07,10\n");
        string output = Path.Combine(Folder, "out.csv");
        (int code, _, string stderr) = Run(RfmArgs(input, output));
        Assert.True(code == 0, stderr);
        string[] rows = File.ReadAllLines(output).Skip(1).ToArray();
        Assert.Equal(["-9223372036854775808", "-0", "0", "00", "5", "1234567890123456789"], rows.Select(r => r.Split(',')[0]));

        // Customer "0": 01-01 (1) and 01-07 (10): recency 24 days, frequency 2 days, monetary 11.
        Assert.StartsWith("0,24,2,11,", rows[2], StringComparison.Ordinal);

        // With "+5" not every id is an integer: ordinal order ('+' < '-' < digits).
        string withPlus = Write("p.csv", "id,date,amount\n0,2026-01-01,1\n+5,2026-01-02,2\n-0,2026-01-03,3\n5,2026-01-04,4\n");
        (code, _, stderr) = Run(RfmArgs(withPlus, output));
        Assert.True(code == 0, stderr);
        Assert.Equal(["+5", "-0", "0", "5"], File.ReadAllLines(output).Skip(1).Select(r => r.Split(',')[0]));
    }

    [Fact]
    public void Rfm_LibraryErrorInALateBatch_IsReported_NotTheLaterParseError_NorHiddenByTheRestart()
    {
        // 100,000 lines; file line 70,001 is dated after the as-of date (--future reject), found by
        // the aggregating thread while the reader is far ahead; file line 95,001 has a bad date
        // (found by the reader). A single thread stops at line 70,001 first.
        string Build(string late)
        {
            var sb = new StringBuilder("id,date,amount\n");
            for (int i = 2; i <= 100_001; i++)
            {
                sb.Append(i switch
                {
                    70_001 => "3,2026-03-01,1\n",
                    95_001 => late,
                    _ => string.Create(CultureInfo.InvariantCulture, $"{i % 50},2026-01-10,1\n"),
                });
            }

            return sb.ToString();
        }

        string output = Path.Combine(Folder, "out.csv");
        (int code, _, string stderr) = Run(RfmArgs(Write("a.csv", Build("4,not-a-date,1\n")), output, "--future", "reject"));
        Assert.Equal(3, code);
        Assert.Contains("a.csv: line 70001 (customer '3') is dated 2026-03-01", stderr, StringComparison.Ordinal);

        // A text id later in the file restarts the run with text ids: the same error.
        (code, _, stderr) = Run(RfmArgs(Write("b.csv", Build("x4,2026-01-10,1\n")), output, "--future", "reject"));
        Assert.Equal(3, code);
        Assert.Contains("b.csv: line 70001 (customer '3') is dated 2026-03-01", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void Rfm_TotalBeyondDecimalOnAnEarlierLine_IsReportedBeforeAParseErrorOnALaterOne()
    {
        // The brief of the pipeline: errors are reported as the first bad line in file order. Line 3
        // takes customer 1's total to 2 × 79,228,162,514,264,337,593,543,950,335 (decimal.MaxValue),
        // beyond decimal; line 5 has no date. The accumulator finds the overflow only when it applies
        // its pending lines (in groups of 256), so the parse error on line 5 hid it.
        const string Max = "79228162514264337593543950335";
        string input = Write("t.csv", $"id,date,amount\n1,2026-01-01,{Max}\n1,2026-01-02,{Max}\n2,2026-01-02,1\n3,bad,1\n");
        (int code, _, string stderr) = Run(RfmArgs(input, Path.Combine(Folder, "o.csv")));
        Assert.Equal(3, code);
        Assert.Contains("t.csv: line 3: customer '1' would total beyond the range of decimal", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Rfm_LibraryErrorLine_CountsBlankLinesAndMultiLineRecords()
    {
        // File lines: 1 header; 2 customer 1; 3 blank; 4–6 one record whose note holds two line
        // breaks; 7 blank (spaces); 8 customer 2; 9 the future line → "line 9".
        string input = Write("t.csv", "id,date,amount,note\n1,2026-01-01,1,a\n\n2,2026-01-02,1,\"x\ny\r\nz\"\n   \n2,2026-01-03,1,b\n3,2026-02-02,1,c\n");
        (int code, _, string stderr) = Run(RfmArgs(input, Path.Combine(Folder, "o.csv"), "--future", "reject"));
        Assert.Equal(3, code);
        Assert.Contains("t.csv: line 9 (customer '3')", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Rfm_QuantityTimesPrice_Net_DuplicatesRemoved_ThroughManyBatches()
    {
        // 40,000 filler lines (customers 100 … 139, 1,000 distinct orders of 1 × 1 each), then the hand lines:
        //   1: A1 2 × 2.50 = 5.00 (purchase, 01-10); the same line again (exact duplicate: removed);
        //      R1 −1 × 2.50 = −2.50 on 01-20 (netted: monetary, not frequency or recency); R1 again (duplicate: removed).
        //   2: B1 3 × 1.10 = 3.30 on 01-05; again (duplicate: removed); B2 on 02-05 (after the as-of date: removed).
        // Customer 1: recency 31 − 10 = 21, frequency 1 (order A1), monetary 5.00 − 2.50 = 2.50.
        // Customer 2: recency 26, frequency 1, monetary 3.30.
        var sb = new StringBuilder("id,date,order,qty,price\n");
        for (int i = 0; i < 40_000; i++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{100 + (i % 40)},2026-01-{1 + (i % 28):00},F{i},1,1\n");
        }

        sb.Append("1,2026-01-10,A1,2,2.50\n1,2026-01-10,A1,2,2.50\n1,2026-01-20,R1,-1,2.50\n1,2026-01-20,R1,-1,2.50\n");
        sb.Append("2,2026-01-05,B1,3,1.10\n2,2026-01-05,B1,3,1.10\n2,2026-02-05,B2,1,1\n");
        string output = Path.Combine(Folder, "out.csv");
        (int code, string stdout, string stderr) = Run(
            "rfm", "--transactions", Write("t.csv", sb.ToString()), "--customer-column", "id", "--date-column", "date", "--order-column", "order",
            "--quantity-column", "qty", "--price-column", "price", "--as-of", "2026-01-31", "--segments", "none",
            "--non-positive", "net", "--duplicates", "remove", "--output", output);
        Assert.True(code == 0, stderr);
        string[] rows = File.ReadAllLines(output).Skip(1).ToArray();
        Assert.Equal(42, rows.Length);
        Assert.StartsWith("1,21,1,2.50,", rows[0], StringComparison.Ordinal);
        Assert.StartsWith("2,26,1,3.30,", rows[1], StringComparison.Ordinal);

        // Filler customer 100: lines i = 0, 40, …, 39,960; day 1 + (i mod 28) — i mod 28 takes every
        // value (40 and 28 share 4: i mod 28 ∈ {0, 12, 24, 8, 20, 4, 16}); the latest is 01-25 → recency 6;
        // 1,000 orders; 1,000 × 1 × 1 = 1000.
        Assert.StartsWith("100,6,1000,1000,", rows[2], StringComparison.Ordinal);
        Assert.Matches(@"removed: exact duplicates\s+3\b", stdout);
        Assert.Matches(@"netted \(not purchases\)\s+1\b", stdout);
        Assert.Matches(@"removed: after the as-of date\s+1\b", stdout);
    }

    [Fact]
    public void Rfm_TextIdFromAPipeGivenByPath_IsNotReadTwice()
    {
        // A pipe named by a path, as a shell's process substitution gives it
        // (rfm --transactions <(zcat t.csv.gz)): /dev/fd/N. The text id "x3" makes the fast integer
        // pass give up; it must not start again by opening the path a second time (the pipe is
        // drained by then: the second pass reads nothing). Reference: the same text from a regular file.
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        const string Text = "id,date,amount\n1,2026-01-01,5\n2,2026-01-02,7\nx3,2026-01-10,1\n1,2026-01-20,2\n";
        string output = Path.Combine(Folder, "pipe.csv");
        using var server = new System.IO.Pipes.AnonymousPipeServerStream(System.IO.Pipes.PipeDirection.Out, HandleInheritability.None);
        using Microsoft.Win32.SafeHandles.SafePipeHandle client = server.ClientSafePipeHandle;
        string path = "/dev/fd/" + client.DangerousGetHandle().ToInt64().ToString(CultureInfo.InvariantCulture);
        var writer = new System.Threading.Thread(() =>
        {
            server.Write(Encoding.UTF8.GetBytes(Text));
            server.Dispose();
        });
        writer.Start();
        (int code, _, string stderr) = Run(RfmArgs(path, output, "--bins", "2"));
        writer.Join();
        Assert.True(code == 0, stderr);

        string fileOutput = Path.Combine(Folder, "file.csv");
        (int fileCode, _, string fileStderr) = Run(RfmArgs(Write("t.csv", Text), fileOutput, "--bins", "2"));
        Assert.True(fileCode == 0, fileStderr);
        Assert.Equal(File.ReadAllText(fileOutput), File.ReadAllText(output));
    }

    [Theory]
    [InlineData("America/New_York")]
    [InlineData("Asia/Tokyo")]
    [InlineData("UTC")]
    public void Rfm_TimestampsWithAnOffset_CountTheirWrittenDate_WhateverTheMachinesTimeZone(string timeZone)
    {
        // The library reads timestamps as wall-clock values, nothing converted between time zones
        // (RfmTransactionOptions); docs/cli.md: the date is yyyy-MM-dd, optionally with a time. So the
        // date is the one written: a 2026-01-31T02:00:00Z → 01-31, recency 0 to the as-of 01-31;
        // b 2026-01-30T23:30:00-05:00 → 01-30, recency 1. The tool runs as a process with TZ set
        // (the local time zone cannot be changed inside the test process).
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        string input = Write("t.csv", "id,date,amount\na,2026-01-31T02:00:00Z,5\nb,2026-01-30T23:30:00-05:00,7\n");
        string tool = Path.Combine(AppContext.BaseDirectory, "customer-valuation.dll");
        var start = new System.Diagnostics.ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (string arg in (string[])[tool, .. RfmArgs(input, "-", "--bins", "2", "--quiet")])
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["TZ"] = timeZone;
        using System.Diagnostics.Process process = System.Diagnostics.Process.Start(start)!;
        string stdout = process.StandardOutput.ReadToEnd();
        string stderr = process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(120_000));
        Assert.True(process.ExitCode == 0, stderr);
        string[] rows = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToArray();
        Assert.StartsWith("a,0,1,5,", rows[0], StringComparison.Ordinal);
        Assert.StartsWith("b,1,1,7,", rows[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Rfm_WhitespaceDelimiter_CrLfTabsAndBlankLines()
    {
        // Hand: fields split at runs of spaces or tabs; the tab-only and space-only lines are blank
        // (skipped); customer 1: 01-01 (5) → recency 30, F 1, M 5; customer 2: 01-02 (7) → 29, 1, 7.
        string input = Write("t.txt", "id date amount\r\n 1 2026-01-01 5 \r\n\t\r\n   \r\n2  2026-01-02\t7\r\n\r\n");
        string output = Path.Combine(Folder, "out.csv");
        (int code, _, string stderr) = Run(RfmArgs(input, output, "--delimiter", "whitespace", "--bins", "2"));
        Assert.True(code == 0, stderr);
        string[] rows = File.ReadAllLines(output).Skip(1).ToArray();
        Assert.Equal(2, rows.Length);
        Assert.StartsWith("1,30,1,5,", rows[0], StringComparison.Ordinal);
        Assert.StartsWith("2,29,1,7,", rows[1], StringComparison.Ordinal);
    }

    // ---------------------------------------------------------------- JSON lines and stdout

    [Fact]
    public void JsonLines_FieldWithLineBreaksAndQuotes_OnStdout()
    {
        // Hand: the id "a\r\nb, \"q\"" survives CSV quoting and JSON conversion unchanged (a CRLF in a
        // quoted input field reads as "\n"), so the id is "a\nb, \"q\"".
        string input = Write("in.csv", "customer_id,amount,days_overdue\n\"a\r\nb, \"\"q\"\"\",100,0\nc,300,10\n");
        (int code, string stdout, string stderr) = Run("tier", "--input", input, "--scorecard", Write("card.json", Scorecard), "--output", "-", "--format", "jsonl");
        Assert.True(code == 0, stderr);
        string[] lines = stdout.Split('\n');
        Assert.Equal(string.Empty, lines[^1]);
        JsonElement[] rows = lines[..^1].Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        Assert.Equal(2, rows.Length);
        Assert.Contains(rows, r => r.GetProperty("customer_id").GetString() == "a\nb, \"q\"");
    }

    [Fact]
    public void EveryCommand_OutputDashJsonl_StdoutIsOnlyJsonObjects()
    {
        string rfmInput = Write("t.csv", "id,date,amount\n1,2026-01-01,5\n2,2026-01-02,7\n3,2026-01-10,1\n");
        string abcInput = Write("abc.csv", "customer_id,value\n1,70\n2,20\n3,10\n");
        string tierInput = Write("tier.csv", "customer_id,amount,days_overdue\na,100,0\nb,300,10\n");
        string contributionInput = Write("c.csv", "g,i,s,c,inv\nx,p,1000.5,500,100\nx,q,10,5,\n");
        string lostInput = Write("l.csv", "customer_id,note,value\na,too expensive,1500\nb,\"we moved\nto a competitor\",3\nc,,1\n");
        string clvInput = Write("clv.csv", ClvLines());
        (string Name, string[] Args, string FirstKey, int Rows)[] commands =
        [
            ("abc", ["abc", "--input", abcInput], "customer_id", 3),
            ("rfm", ["rfm", "--transactions", rfmInput, "--customer-column", "id", "--date-column", "date", "--amount-column", "amount", "--as-of", "2026-01-31", "--segments", "none", "--bins", "2"], "customer_id", 3),
            ("tier", ["tier", "--input", tierInput, "--scorecard", Write("card.json", Scorecard)], "customer_id", 2),
            ("contribution", ["contribution", "--input", contributionInput, "--group-column", "g", "--item-column", "i", "--sales-column", "s", "--cost-column", "c", "--inventory-column", "inv"], "group", 2),
            ("lost", ["lost", "--input", lostInput, "--notes-column", "note", "--value-column", "value"], "customer_id", -1),
            ("clv", ["clv", "--transactions", clvInput, "--customer-column", "customer", "--date-column", "date", "--amount-column", "amount", "--calibration-end", "2024-03-31"], "customer_id", 40),
        ];
        foreach ((string name, string[] args, string firstKey, int expectedRows) in commands)
        {
            foreach (bool quiet in new[] { false, true })
            {
                string[] all = [.. args, "--output", "-", "--format", "jsonl", .. (quiet ? new[] { "--quiet" } : [])];
                (int code, string stdout, string stderr) = Run(all);
                Assert.True(code == 0, name + ": " + stderr);
                Assert.EndsWith("\n", stdout, StringComparison.Ordinal);
                string[] lines = stdout[..^1].Split('\n');
                foreach (string line in lines)
                {
                    using JsonDocument doc = JsonDocument.Parse(line);
                    Assert.Equal(JsonValueKind.Object, doc.RootElement.ValueKind);
                    Assert.Equal(firstKey, doc.RootElement.EnumerateObject().First().Name);
                    Assert.Equal(JsonValueKind.String, doc.RootElement.EnumerateObject().First().Value.ValueKind);
                }

                if (expectedRows >= 0)
                {
                    Assert.True(expectedRows == lines.Length, $"{name}: {lines.Length} lines");
                }

                Assert.True(quiet ? stderr.Length == 0 : stderr.Contains("standard output", StringComparison.Ordinal), name + ": " + stderr);
            }
        }
    }

    [Fact]
    public void OutputPathIsADirectory_ExitsOne_AndLeavesNoTemporaryFile()
    {
        // docs/cli.md: "1 unexpected: the output cannot be written (a folder, …)".
        string input = Write("abc.csv", "customer_id,value\n1,70\n2,20\n");
        string directory = Path.Combine(Folder, "out");
        Directory.CreateDirectory(directory);
        foreach (string format in new[] { "csv", "jsonl" })
        {
            (int code, _, string stderr) = Run("abc", "--input", input, "--output", directory, "--format", format);
            Assert.Equal(1, code);
            Assert.StartsWith("error: ", stderr, StringComparison.Ordinal);
            Assert.Empty(Directory.GetFileSystemEntries(directory));
            Assert.Empty(Directory.GetFiles(Folder, "*.tmp", SearchOption.AllDirectories));
        }

        (int rfmCode, _, _) = Run(RfmArgs(Write("t.csv", "id,date,amount\n1,2026-01-01,5\n"), directory, "--bins", "2"));
        Assert.Equal(1, rfmCode);
    }

    /// <summary>40 customers c01 … c40 with 1 to 5 purchase days each in January–March 2024 (deterministic), all in the calibration period.</summary>
    private static string ClvLines()
    {
        var sb = new StringBuilder("customer,date,amount\n");
        for (int k = 1; k <= 40; k++)
        {
            int purchases = 1 + (k % 5);
            for (int j = 0; j < purchases; j++)
            {
                var day = new DateTime(2024, 1, 1).AddDays((k % 7) + (j * (9 + (k % 11))));
                sb.Append(CultureInfo.InvariantCulture, $"c{k:D2},{day:yyyy-MM-dd},{10 + ((k * 13) % 50) + j}\n");
            }
        }

        return sb.ToString();
    }

    /// <summary>
    /// The reference reader: RFC 4180 over the whole text, one character at a time. A record ends at
    /// "\r\n", "\r" or "\n" outside quotes; inside quotes each of these is one line break, kept as "\n";
    /// a quote opens a quoted section only as the first character of a field; "" inside is one quote.
    /// </summary>
    private static (List<(long Line, string[] Fields)> Records, string? Error) ReferenceRecords(string text)
    {
        var records = new List<(long, string[])>();
        long line = 1;
        int i = 0;
        while (i < text.Length)
        {
            long start = line;
            var fields = new List<string>();
            var field = new StringBuilder();
            bool quoted = false, fieldHasContent = false;
            while (true)
            {
                if (i == text.Length)
                {
                    if (quoted)
                    {
                        return (records, $"f.csv: the quoted field that starts on line {start} is never closed.");
                    }

                    break;
                }

                char ch = text[i];
                bool isBreak = ch is '\r' or '\n';
                int breakLength = ch == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
                if (quoted)
                {
                    if (ch == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"')
                        {
                            field.Append('"');
                            i += 2;
                            continue;
                        }

                        quoted = false;
                        i++;
                        continue;
                    }

                    if (isBreak)
                    {
                        field.Append('\n');
                        line++;
                        i += breakLength;
                        continue;
                    }

                    field.Append(ch);
                    i++;
                    continue;
                }

                if (isBreak)
                {
                    i += breakLength;
                    line++;
                    break;
                }

                if (ch == '"' && !fieldHasContent)
                {
                    quoted = true;
                }
                else if (ch == ',')
                {
                    fields.Add(field.ToString());
                    field.Clear();
                    fieldHasContent = false;
                    i++;
                    continue;
                }
                else
                {
                    field.Append(ch);
                    fieldHasContent = true;
                }

                i++;
            }

            fields.Add(field.ToString());
            records.Add((start, fields.ToArray()));
        }

        return (records, null);
    }
}
