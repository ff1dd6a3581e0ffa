using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;

namespace CustomerValuation.Cli;

/// <summary>Reads CSV files with a header, plain or gzip-compressed (recognised by the gzip magic bytes, whatever the file name), from a file, a pipe or standard input.</summary>
internal static class CsvInput
{
    /// <summary>
    /// Opens a plain or gzip-compressed file, or standard input for "-", as UTF-8 bytes: works on
    /// pipes too (the first bytes are peeked without seeking). A UTF-8 byte-order mark is skipped;
    /// UTF-16 and UTF-32 text (recognised by its byte-order mark) is transcoded to UTF-8.
    /// </summary>
    public static Stream OpenBytes(string path) => OpenBytes(path, out _);

    /// <summary>As <see cref="OpenBytes(string)"/>, and whether the input can be opened and read again from the start.</summary>
    /// <param name="path">The file, or "-" for standard input.</param>
    /// <param name="rereadable">
    /// False for standard input and for a pipe named by a path (a shell's process substitution,
    /// <c>&lt;(zcat f.gz)</c>, is /dev/fd/N): opening it again does not start it again.
    /// </param>
    public static Stream OpenBytes(string path, out bool rereadable)
    {
        Stream stream;
        rereadable = false;
        if (path == "-")
        {
            stream = Console.OpenStandardInput();
        }
        else if (!File.Exists(path))
        {
            throw CliException.Usage($"Input file '{path}' does not exist.");
        }
        else
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
            rereadable = stream.CanSeek;
        }

        byte[] magic = Peek(stream, 2, out int got);
        Stream whole = new PrefixedStream(magic, got, stream);
        if (got == 2 && magic[0] == 0x1f && magic[1] == 0x8b)
        {
            whole = new CheckedGzipStream(whole, path);
        }

        byte[] bom = Peek(whole, 4, out int length);
        ReadOnlySpan<byte> start = bom.AsSpan(0, length);
        if (start.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return new PrefixedStream(bom[3..], length - 3, whole);
        }

        Encoding? encoding =
            start.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0, 0]) ? new UTF32Encoding(bigEndian: false, byteOrderMark: true)
            : start.StartsWith((ReadOnlySpan<byte>)[0, 0, 0xFE, 0xFF]) ? new UTF32Encoding(bigEndian: true, byteOrderMark: true)
            : start.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) ? Encoding.Unicode
            : start.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) ? Encoding.BigEndianUnicode
            : null;
        if (encoding is null)
        {
            return new PrefixedStream(bom, length, whole);
        }

        // The transcoding stream decodes a byte-order mark as the character U+FEFF (it does not
        // consume it, unlike StreamReader), so the mark is skipped here, as the UTF-8 one is above.
        int mark = encoding.GetPreamble().Length;
        return Encoding.CreateTranscodingStream(new PrefixedStream(bom[mark..], length - mark, whole), encoding, Encoding.UTF8);
    }

    /// <summary>The records of a file (see <see cref="OpenBytes(string)"/>), with the reader that reads them.</summary>
    /// <remarks>Without <paramref name="delimiter"/>, the run's <c>--delimiter</c>.</remarks>
    public static RecordReader OpenRecords(string path, FieldDelimiter? delimiter = null) =>
        new(OpenBytes(path), path, delimiter ?? CliContext.Current.Delimiter);

    /// <summary>The records of a file as strings, each with the line number it starts on (1-based); a blank line is one empty field.</summary>
    /// <remarks>Without <paramref name="delimiter"/>, the run's <c>--delimiter</c>.</remarks>
    public static IEnumerable<(long Line, string[] Fields)> ReadRecords(string path, FieldDelimiter? delimiter = null)
    {
        using RecordReader reader = OpenRecords(path, delimiter);
        while (reader.Read())
        {
            yield return (reader.Line, reader.Strings());
        }
    }

    /// <summary>
    /// Reads (line number, id, value) rows from two named columns; a malformed or non-finite value is an
    /// error naming the line and column.
    /// </summary>
    public static IEnumerable<(long Line, string Id, double Value)> ReadIdValue(string path, string idColumn, string valueColumn)
    {
        using IEnumerator<(long Line, string[] Fields)> records = ReadRecords(path).GetEnumerator();
        string[] header = ReadHeader(records, path);
        int idIndex = FindColumn(header, idColumn, path, "--id-column");
        int valueIndex = FindColumn(header, valueColumn, path, "--value-column");
        while (records.MoveNext())
        {
            (long line, string[] record) = records.Current;
            if (record.Length == 1 && record[0].Trim().Length == 0)
            {
                continue; // blank or whitespace-only line
            }

            if (record.Length <= Math.Max(idIndex, valueIndex))
            {
                throw new CliException($"{path}: line {line} has {record.Length} fields but the header has {header.Length}.");
            }

            string id = record[idIndex].Trim();
            if (id.Length == 0)
            {
                throw new CliException($"{path}: line {line}, column '{idColumn}': the customer id is empty.");
            }

            string raw = record[valueIndex].Trim();
            if (!CliContext.Current.TryParseDouble(raw, out double value) || double.IsNaN(value) || double.IsInfinity(value))
            {
                throw new CliException($"{path}: line {line}, column '{valueColumn}': '{raw}' is not a finite number ({CliContext.Current.NumberRule}).");
            }

            yield return (line, id, value);
        }
    }

    /// <summary>The header record (the first one); an empty file is an error naming it.</summary>
    public static string[] ReadHeader(IEnumerator<(long Line, string[] Fields)> records, string path) =>
        records.MoveNext()
            ? records.Current.Fields
            : throw new CliException($"Input file '{path}' is empty; it needs a header line naming the columns.");

    /// <summary>
    /// The data records after the header line: blank (or white-space-only) lines are skipped, and a
    /// record with too few fields for the highest column needed is an error naming its line.
    /// </summary>
    public static IEnumerable<(long Line, string[] Fields)> DataRecords(IEnumerator<(long Line, string[] Fields)> records, int needed, int headerLength, string path)
    {
        while (records.MoveNext())
        {
            (long line, string[] fields) = records.Current;
            if (fields.Length == 1 && fields[0].Trim().Length == 0)
            {
                continue;
            }

            if (fields.Length <= needed)
            {
                throw new CliException($"{path}: line {line} has {fields.Length} fields but the header has {headerLength}.");
            }

            yield return (line, fields);
        }
    }

    public static int FindColumn(string[] header, string name, string path, string optionName)
    {
        int index = Array.FindIndex(header, h => string.Equals(h.Trim(), name, StringComparison.Ordinal));
        if (index < 0)
        {
            index = Array.FindIndex(header, h => string.Equals(h.Trim(), name, StringComparison.OrdinalIgnoreCase));
        }

        if (index < 0)
        {
            throw CliException.Usage($"{path}: no column '{name}' in the header ({string.Join(", ", header.Select(h => $"'{h}'"))}); choose one with {optionName}.");
        }

        return index;
    }

    /// <summary>Reads up to <paramref name="count"/> bytes (fewer only at the end of the stream).</summary>
    private static byte[] Peek(Stream stream, int count, out int got)
    {
        byte[] bytes = new byte[count];
        got = 0;
        int n;
        while (got < count && (n = stream.Read(bytes, got, count - got)) > 0)
        {
            got += n;
        }

        return bytes;
    }
}
