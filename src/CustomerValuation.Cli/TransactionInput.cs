using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace CustomerValuation.Cli;

/// <summary>
/// Reading transaction lines, shared by the commands that take them (<c>rfm</c>, <c>clv</c>): the
/// field layouts, column choice by name or number, and the date and number formats.
/// </summary>
internal static class TransactionInput
{
    /// <summary>The <c>--delimiter</c> values.</summary>
    public static readonly string[] DelimiterNames = ["comma", "semicolon", "tab", "whitespace"];

    public static FieldDelimiter ParseDelimiter(string name) => name switch
    {
        "semicolon" => FieldDelimiter.Semicolon,
        "tab" => FieldDelimiter.Tab,
        "whitespace" => FieldDelimiter.Whitespace,
        _ => FieldDelimiter.Comma,
    };

    /// <summary>
    /// The index of a column: by its header name when the file has a header, by its number
    /// (1 = the first column) when it has none.
    /// </summary>
    public static int Column(string[]? header, string column, string path, string optionName)
    {
        if (header is not null)
        {
            return CsvInput.FindColumn(header, column, path, optionName);
        }

        if (int.TryParse(column.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int number) && number >= 1)
        {
            return number - 1;
        }

        throw CliException.Usage($"{optionName}: the file has no header (--no-header), so give the column's number (1 = the first column), not '{column}'.");
    }

    /// <summary>yyyy-MM-dd with an optional time (space or T), or yyyyMMdd; other forms through the invariant culture.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static DateTime ParseDate(ReadOnlySpan<char> raw, string path, long line, string column)
    {
        ReadOnlySpan<char> t = raw.Trim();
        if (t.Length >= 10 && t[4] == '-' && t[7] == '-' && (t.Length == 10 || (t[10] is ' ' or 'T' && IsTimeOfDay(t[11..])))
            && TryDigits(t[..4], out int y) && TryDigits(t.Slice(5, 2), out int mo) && TryDigits(t.Slice(8, 2), out int d)
            && y >= 1 && mo is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, mo))
        {
            return new DateTime(y, mo, d);
        }

        if (t.Length == 8 && TryDigits(t[..4], out y) && TryDigits(t.Slice(4, 2), out mo) && TryDigits(t.Slice(6, 2), out d)
            && y >= 1 && mo is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, mo))
        {
            return new DateTime(y, mo, d);
        }

        // The date as written (wall clock): a UTC offset or "Z" must not move it into the machine's
        // time zone, which DateTime.TryParse does.
        if (DateTimeOffset.TryParse(t, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out DateTimeOffset written))
        {
            return written.DateTime.Date;
        }

        if (DateTime.TryParse(t, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out DateTime parsed))
        {
            return parsed.Date;
        }

        throw new CliException($"{path}: line {line}, column '{column}': '{raw.ToString()}' is not a date (use yyyy-MM-dd, optionally with a time, or yyyyMMdd).");
    }

    /// <summary>A date given as an option's value (yyyy-MM-dd or yyyyMMdd); an error names the option.</summary>
    public static DateTime ParseOptionDate(string text, string optionName)
    {
        try
        {
            return ParseDate(text, optionName, 1, optionName);
        }
        catch (CliException)
        {
            throw CliException.Usage($"{optionName}: '{text}' is not a date; use yyyy-MM-dd.");
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static decimal ParseDecimal(ReadOnlySpan<char> raw, string path, long line, string column) =>
        ParseDecimal(raw, path, line, column, CliContext.Current);

    /// <summary>A number in the run's culture (<paramref name="context"/>: looked up once by a caller in a loop).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static decimal ParseDecimal(ReadOnlySpan<char> raw, string path, long line, string column, CliContext context)
    {
        ReadOnlySpan<char> t = raw.Trim();
        if ((context.InvariantNumbers && TryParsePlainDecimal(t, out decimal value)) || decimal.TryParse(t, context.NumberStyles, context.Culture, out value))
        {
            return value;
        }

        throw new CliException($"{path}: line {line}, column '{column}': '{raw.ToString()}' is not a number ({context.NumberRule}).");
    }

    /// <summary>
    /// The common form [+-]digits[.digits] with at most 18 digits, parsed without the general
    /// number parser; the value and its scale are those <see cref="decimal.Parse(string)"/> gives.
    /// Anything else (an exponent, more digits) is left to the general parser.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static bool TryParsePlainDecimal(ReadOnlySpan<char> t, out decimal value)
    {
        value = 0m;
        int i = 0;
        bool negative = false;
        if (t.Length > 0 && t[0] is '-' or '+')
        {
            negative = t[0] == '-';
            i = 1;
        }

        long mantissa = 0;
        int digits = 0;
        int scale = -1;
        for (; i < t.Length; i++)
        {
            char ch = t[i];
            if (ch is >= '0' and <= '9')
            {
                if (++digits > 18)
                {
                    return false;
                }

                mantissa = (mantissa * 10) + (ch - '0');
                if (scale >= 0)
                {
                    scale++;
                }
            }
            else if (ch == '.' && scale < 0)
            {
                scale = 0;
            }
            else
            {
                return false;
            }
        }

        if (digits == 0)
        {
            return false;
        }

        value = new decimal((int)mantissa, (int)(mantissa >> 32), 0, negative, (byte)Math.Max(scale, 0)); // "-0" keeps its sign, as decimal.Parse does
        return true;
    }

    /// <summary>HH:mm, HH:mm:ss or HH:mm:ss.fff…, a valid time of day.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool IsTimeOfDay(ReadOnlySpan<char> t) =>
        t.Length >= 5 && t[2] == ':' && TryDigits(t[..2], out int h) && h < 24 && TryDigits(t.Slice(3, 2), out int mi) && mi < 60
        && (t.Length == 5 || (t.Length >= 8 && t[5] == ':' && TryDigits(t.Slice(6, 2), out int sec) && sec < 60
            && (t.Length == 8 || (t.Length > 9 && t[8] == '.' && TryDigits(t[9..], out _)))));

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryDigits(ReadOnlySpan<char> digits, out int value)
    {
        value = 0;
        foreach (char ch in digits)
        {
            if (ch is < '0' or > '9')
            {
                return false;
            }

            value = (value * 10) + (ch - '0');
        }

        return true;
    }
}

/// <summary>
/// File line of the n-th data record given to the library, stored only where blank lines or
/// multi-line records shift it; turns the library's "Line 12 …" (lines numbered from 1 as given)
/// into the file's own line number.
/// </summary>
internal sealed class LineMap
{
    private readonly List<(long Record, long Line)> _shifts = [];
    private long _records;

    public void Record(long fileLine)
    {
        _records++;
        if (_shifts.Count == 0 || fileLine - _records != _shifts[^1].Line - _shifts[^1].Record)
        {
            _shifts.Add((_records, fileLine));
        }
    }

    public long FileLine(long record)
    {
        int at = _shifts.FindLastIndex(s => s.Record <= record);
        return at < 0 ? record + 1 : _shifts[at].Line + (record - _shifts[at].Record);
    }

    /// <summary>A one-line error: "path: line N…" for a library message that starts with "Line n", else "path: message".</summary>
    public CliException ToCliException(string path, string message, Exception inner)
    {
        Match m = Regex.Match(message, "^Line ([0-9]+)(.*)$");
        return m.Success && long.TryParse(m.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out long given)
            ? new CliException($"{path}: line {FileLine(given).ToString(CultureInfo.InvariantCulture)}{m.Groups[2].Value}", inner)
            : new CliException($"{path}: {message}", inner);
    }
}
