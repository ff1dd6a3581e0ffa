using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using CustomerValuation.Cli;
using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace CustomerValuation.Tests.Cli;

/// <summary>
/// The byte-level record reader behind every command's input, checked against an independent
/// reference: a character-by-character RFC 4180 parser over <see cref="TextReader.ReadLine()"/> (the
/// CLI's reader before the byte reader replaced it), and <see cref="string.Split(char[], StringSplitOptions)"/>
/// for white-space-separated files.
/// </summary>
public sealed class RecordReaderTests
{
    private static readonly char[] Alphabet = ['a', 'b', '1', ',', ';', '\t', ' ', '"', '"', '\n', '\r', 'é', '中'];

    [Fact]
    public void RandomText_GivesTheReferenceRecords_AtEveryBufferSize()
    {
        Gen<(string Text, FieldDelimiter Delimiter, int BufferSize)> cases =
            from length in Gen.Choose(0, 60)
            from chars in Gen.ArrayOf(Gen.Elements(Alphabet), length)
            from delimiter in Gen.Elements(FieldDelimiter.Comma, FieldDelimiter.Semicolon, FieldDelimiter.Tab, FieldDelimiter.Whitespace)
            from bufferSize in Gen.Elements(1, 2, 3, 5, 16, 1 << 20)
            select (new string(chars), delimiter, bufferSize);
        PropertyCheck.ForAll(cases, c =>
        {
            (List<(long, string)> expected, string? expectedError) = Reference(c.Text, c.Delimiter);
            (List<(long, string)> actual, string? actualError) = Read(c.Text, c.Delimiter, c.BufferSize);
            return expectedError == actualError && expected.SequenceEqual(actual);
        });
    }

    [Theory]
    [InlineData("a,b\r\nc,d\r\n", "1:a|b 2:c|d")]
    [InlineData("a,b\rc,d", "1:a|b 2:c|d")]
    [InlineData("a,b\n\nc", "1:a|b 2: 3:c")]
    [InlineData("\"x\r\ny\",z\nw", "1:x\ny|z 3:w")]
    [InlineData("\"he said \"\"hi\"\"\",2", "1:he said \"hi\"|2")]
    [InlineData("ab\"c,\"d,e\"", "1:ab\"c|d,e")]
    [InlineData("\"a\"b,c", "1:ab|c")]
    public void HandWorkedRecords(string text, string expected)
    {
        // Expected records written out by hand from RFC 4180 and the line-ending rules in RecordReader's summary.
        (List<(long Line, string Fields)> records, string? error) = Read(text, FieldDelimiter.Comma, 4);
        Assert.Null(error);
        Assert.Equal(expected, string.Join(" ", records.Select(r => r.Line.ToString(CultureInfo.InvariantCulture) + ":" + r.Fields)));
    }

    [Fact]
    public void UnclosedQuote_NamesTheLineItStartsOn()
    {
        (_, string? error) = Read("a\nb\n\"c,\nd\n", FieldDelimiter.Comma, 1 << 20);
        Assert.Equal("f.csv: the quoted field that starts on line 3 is never closed.", error);
    }

    [Theory]
    [InlineData("utf8-bom")]
    [InlineData("utf16le")]
    [InlineData("utf16be")]
    [InlineData("utf32le")]
    [InlineData("gzip")]
    public void OpenBytes_ReadsByteOrderMarksAndGzip(string form)
    {
        const string Text = "id,note\n1,café 中\n";
        byte[] bytes = form switch
        {
            "utf8-bom" => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Text)],
            "utf16le" => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Text)],
            "utf16be" => [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(Text)],
            "utf32le" => [.. Encoding.UTF32.GetPreamble(), .. Encoding.UTF32.GetBytes(Text)],
            _ => Gzip([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Text)]),
        };
        string path = Path.Combine(Path.GetTempPath(), "cv-bom-" + Guid.NewGuid().ToString("N") + ".csv");
        File.WriteAllBytes(path, bytes);
        try
        {
            string[][] records = CsvInput.ReadRecords(path).Select(r => r.Fields).ToArray();
            Assert.Equal(["id", "note"], records[0]);
            Assert.Equal(["1", "café 中"], records[1]);
            Assert.Equal(2, records.Length);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Chars_OfSeveralFieldsOfOneRecord_DoNotOverwriteEachOther()
    {
        using var reader = new RecordReader(new MemoryStream(Encoding.UTF8.GetBytes("héllo,wörld,\"x,y\"\n\"a\",b\n")), "f.csv");
        Assert.True(reader.Read());
        ReadOnlySpan<char> first = reader.Chars(0);
        ReadOnlySpan<char> third = reader.Chars(2);
        ReadOnlySpan<char> second = reader.Chars(1);
        Assert.Equal("héllo|wörld|x,y", first.ToString() + "|" + second.ToString() + "|" + third.ToString());
        Assert.True(reader.Read());
        ReadOnlySpan<char> a = reader.Chars(0);
        ReadOnlySpan<char> b = reader.Chars(1);
        Assert.Equal("a|b", a.ToString() + "|" + b.ToString());
    }

    [Fact]
    public void PlainDecimals_ParseExactlyAsDecimalParseDoes()
    {
        // decimal.TryParse is the independent reference: the same value and the same scale (bits).
        Gen<string> texts =
            from length in Gen.Choose(0, 24)
            from chars in Gen.ArrayOf(Gen.Elements('0', '1', '5', '9', '9', '.', '-', '+', 'e', ' '), length)
            select new string(chars);
        PropertyCheck.ForAll(texts, text =>
        {
            bool fast = TransactionInput.TryParsePlainDecimal(text, out decimal value);
            bool general = decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal expected);
            return !fast || (general && decimal.GetBits(value).SequenceEqual(decimal.GetBits(expected)));
        });
        Assert.True(TransactionInput.TryParsePlainDecimal("-12.50", out decimal hand));
        Assert.Equal(new[] { 1250, 0, 0, unchecked((int)0x80020000) }, decimal.GetBits(hand));

        // Found by the property: decimal.Parse keeps the sign of a negative zero (and its scale).
        Assert.True(TransactionInput.TryParsePlainDecimal("-0.0", out decimal zero));
        Assert.Equal(decimal.GetBits(decimal.Parse("-0.0", CultureInfo.InvariantCulture)), decimal.GetBits(zero));
    }

    [Fact]
    public void CanonicalIntegers_AreExactlyTheTextsLongToStringWrites()
    {
        Gen<string> texts =
            from length in Gen.Choose(0, 21)
            from chars in Gen.ArrayOf(Gen.Elements('0', '1', '7', '9', '-', '+', ' ', 'x'), length)
            select new string(chars);
        PropertyCheck.ForAll(texts, text =>
        {
            bool canonical = RfmCommand.TryCanonicalInteger(text, out long value);
            bool roundTrips = long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long parsed)
                && parsed.ToString(CultureInfo.InvariantCulture) == text && text.Length <= (parsed < 0 ? 19 : 18);
            return canonical == roundTrips && (!canonical || value == parsed);
        });
    }

    private static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }

    private static (List<(long Line, string Fields)> Records, string? Error) Read(string text, FieldDelimiter delimiter, int bufferSize)
    {
        var records = new List<(long, string)>();
        try
        {
            using var reader = new RecordReader(new MemoryStream(Encoding.UTF8.GetBytes(text)), "f.csv", delimiter, bufferSize);
            while (reader.Read())
            {
                records.Add((reader.Line, string.Join("|", reader.Strings())));
            }

            return (records, null);
        }
        catch (CliException e)
        {
            return (records, e.Message);
        }
    }

    /// <summary>The reference: lines from TextReader.ReadLine, then RFC 4180 per character (or Split for white space).</summary>
    private static (List<(long Line, string Fields)> Records, string? Error) Reference(string text, FieldDelimiter mode)
    {
        var records = new List<(long, string)>();
        using var reader = new StringReader(text);
        char delimiter = mode switch { FieldDelimiter.Semicolon => ';', FieldDelimiter.Tab => '\t', _ => ',' };
        long lineNumber = 0;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            if (mode == FieldDelimiter.Whitespace)
            {
                string[] parts = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
                records.Add((lineNumber, string.Join("|", parts.Length == 0 ? [string.Empty] : parts)));
                continue;
            }

            long startLine = lineNumber;
            var fields = new List<string>();
            var field = new StringBuilder();
            bool quoted = false;
            int i = 0;
            while (true)
            {
                if (i == line.Length)
                {
                    if (quoted)
                    {
                        string? next = reader.ReadLine();
                        if (next is null)
                        {
                            return (records, $"f.csv: the quoted field that starts on line {startLine} is never closed.");
                        }

                        lineNumber++;
                        field.Append('\n');
                        line = next;
                        i = 0;
                        continue;
                    }

                    fields.Add(field.ToString());
                    break;
                }

                char ch = line[i];
                if (quoted)
                {
                    if (ch == '"')
                    {
                        if (i + 1 < line.Length && line[i + 1] == '"')
                        {
                            field.Append('"');
                            i += 2;
                            continue;
                        }

                        quoted = false;
                    }
                    else
                    {
                        field.Append(ch);
                    }
                }
                else if (ch == '"' && field.Length == 0)
                {
                    quoted = true;
                }
                else if (ch == delimiter)
                {
                    fields.Add(field.ToString());
                    field.Clear();
                }
                else
                {
                    field.Append(ch);
                }

                i++;
            }

            records.Add((startLine, string.Join("|", fields)));
        }

        return (records, null);
    }
}
