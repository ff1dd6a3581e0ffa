using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;

namespace CustomerValuation.Cli;

/// <summary>
/// Turns the CSV a command writes into JSON lines as it is written: the first line's fields become
/// the keys, and each later line one object. A field is a JSON number when it reads as a finite
/// number and its column is not one of the text columns (ids, codes, labels), null when empty,
/// and a string otherwise; so every command's writer serves both formats.
/// </summary>
internal sealed class JsonLinesWriter : TextWriter
{
    private readonly TextWriter _inner;
    private readonly HashSet<string> _textColumns;
    private readonly StringBuilder _line = new();
    private bool _inQuotes;
    private string[]? _keys;
    private bool[]? _text;

    /// <param name="inner">Where the JSON lines go.</param>
    /// <param name="textColumns">Columns always written as strings, whatever their content (ids that look like numbers, cell codes such as 555).</param>
    public JsonLinesWriter(TextWriter inner, IEnumerable<string> textColumns)
        : base(CultureInfo.InvariantCulture)
    {
        _inner = inner;
        _textColumns = new HashSet<string>(textColumns, StringComparer.Ordinal);
    }

    public override Encoding Encoding => _inner.Encoding;

    public override void Write(char value)
    {
        if (value == '"')
        {
            _inQuotes = !_inQuotes; // a doubled quote inside a quoted field toggles twice
        }

        if (value == '\n' && !_inQuotes)
        {
            EndLine();
        }
        else if (value != '\r' || _inQuotes)
        {
            _line.Append(value);
        }
    }

    public override void Write(string? value)
    {
        foreach (char ch in value.AsSpan())
        {
            Write(ch);
        }
    }

    public override void WriteLine(string? value)
    {
        Write(value);
        EndLine();
    }

    public override void WriteLine() => EndLine();

    public override void Flush()
    {
        if (_line.Length > 0)
        {
            EndLine();
        }

        _inner.Flush();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Flush();
        }

        base.Dispose(disposing);
    }

    private void EndLine()
    {
        List<string> fields = Csv.Split(_line.ToString());
        _line.Clear();
        if (_keys is null)
        {
            _keys = [.. fields];
            _text = Array.ConvertAll(_keys, _textColumns.Contains);
            return;
        }

        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            for (int i = 0; i < _keys.Length; i++)
            {
                string field = i < fields.Count ? fields[i] : string.Empty;
                if (field.Length == 0)
                {
                    json.WriteNull(_keys[i]);
                }
                else if (!_text![i] && double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out double number) && double.IsFinite(number) && IsJsonNumber(field))
                {
                    json.WritePropertyName(_keys[i]);
                    json.WriteRawValue(field, skipInputValidation: true);
                }
                else
                {
                    json.WriteString(_keys[i], field);
                }
            }

            json.WriteEndObject();
        }

        _inner.Write(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        _inner.Write('\n');
    }

    /// <summary>JSON's number grammar (RFC 8259): -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?</summary>
    private static bool IsJsonNumber(string s)
    {
        int i = 0;
        if (i < s.Length && s[i] == '-')
        {
            i++;
        }

        if (i == s.Length || !char.IsAsciiDigit(s[i]))
        {
            return false;
        }

        if (s[i] == '0')
        {
            i++;
        }
        else
        {
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                i++;
            }
        }

        if (i < s.Length && s[i] == '.')
        {
            i++;
            int start = i;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                i++;
            }

            if (i == start)
            {
                return false;
            }
        }

        if (i < s.Length && s[i] is 'e' or 'E')
        {
            i++;
            if (i < s.Length && s[i] is '+' or '-')
            {
                i++;
            }

            int start = i;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                i++;
            }

            if (i == start)
            {
                return false;
            }
        }

        return i == s.Length;
    }
}
