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
    /// Opens a text reader over a plain or gzip-compressed file, or standard input for "-"; works on
    /// pipes too (the first two bytes are peeked without seeking).
    /// </summary>
    public static TextReader OpenText(string path)
    {
        Stream stream;
        if (path == "-")
        {
            stream = Console.OpenStandardInput();
        }
        else if (!File.Exists(path))
        {
            throw new CliException($"Input file '{path}' does not exist.");
        }
        else
        {
            stream = File.OpenRead(path);
        }

        byte[] magic = new byte[2];
        int got = 0;
        int n;
        while (got < 2 && (n = stream.Read(magic, got, 2 - got)) > 0)
        {
            got += n;
        }

        Stream whole = new PrefixedStream(magic, got, stream);
        if (got == 2 && magic[0] == 0x1f && magic[1] == 0x8b)
        {
            whole = new CheckedGzipStream(whole, path);
        }

        return new StreamReader(whole, detectEncodingFromByteOrderMarks: true);
    }

    /// <summary>
    /// Reads (line number, id, value) rows from two named columns; a malformed or non-finite value is an
    /// error naming the line and column.
    /// </summary>
    public static IEnumerable<(long Line, string Id, double Value)> ReadIdValue(string path, string idColumn, string valueColumn)
    {
        using TextReader text = OpenText(path);
        using IEnumerator<(long Line, string[] Fields)> records = ReadRecords(text, path).GetEnumerator();
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
            if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || double.IsNaN(value) || double.IsInfinity(value))
            {
                throw new CliException($"{path}: line {line}, column '{valueColumn}': '{raw}' is not a finite number (use a dot as the decimal separator, no thousands separators).");
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

    /// <summary>
    /// Splits RFC 4180 text into records (comma-separated, or by another <paramref name="delimiter"/>;
    /// a field in double quotes may hold delimiters, doubled quotes and line breaks), each with the
    /// line number it starts on (1-based).
    /// </summary>
    public static IEnumerable<(long Line, string[] Fields)> ReadRecords(TextReader text, string path, char delimiter = ',')
    {
        long lineNumber = 0;
        string? line;
        var fields = new List<string>();
        var field = new StringBuilder();
        while ((line = text.ReadLine()) is not null)
        {
            lineNumber++;
            long startLine = lineNumber;
            fields.Clear();
            field.Clear();
            bool quoted = false;
            int i = 0;
            while (true)
            {
                if (i == line.Length)
                {
                    if (quoted)
                    {
                        string? next = text.ReadLine();
                        if (next is null)
                        {
                            throw new CliException($"{path}: the quoted field that starts on line {startLine} is never closed.");
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

            yield return (startLine, fields.ToArray());
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
            throw new CliException($"{path}: no column '{name}' in the header ({string.Join(", ", header.Select(h => $"'{h}'"))}); choose one with {optionName}.");
        }

        return index;
    }
}
