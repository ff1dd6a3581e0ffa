using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace CustomerValuation.Cli;

/// <summary>Formats CSV fields: RFC 4180 minimal quoting, invariant round-trip numbers.</summary>
internal static class Csv
{
    private static readonly SearchValues<char> s_special = SearchValues.Create(",\"\n\r");

    public static string Field(string value) =>
        value.AsSpan().IndexOfAny(s_special) < 0 ? value : "\"" + value.Replace("\"", "\"\"", System.StringComparison.Ordinal) + "\"";

    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>The fields of one CSV record written by <see cref="Field"/> (RFC 4180 quoting; line breaks inside quotes kept).</summary>
    public static List<string> Split(string record)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < record.Length; i++)
        {
            char ch = record[i];
            if (quoted)
            {
                if (ch != '"')
                {
                    field.Append(ch);
                }
                else if (i + 1 < record.Length && record[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else
                {
                    quoted = false;
                }
            }
            else if (ch == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (ch == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(ch);
            }
        }

        fields.Add(field.ToString());
        return fields;
    }
}
