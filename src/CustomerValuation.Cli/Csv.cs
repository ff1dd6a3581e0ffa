using System;
using System.Buffers;
using System.Globalization;

namespace CustomerValuation.Cli;

/// <summary>Formats CSV fields: RFC 4180 minimal quoting, invariant round-trip numbers.</summary>
internal static class Csv
{
    private static readonly SearchValues<char> s_special = SearchValues.Create(",\"\n\r");

    public static string Field(string value) =>
        value.AsSpan().IndexOfAny(s_special) < 0 ? value : "\"" + value.Replace("\"", "\"\"", System.StringComparison.Ordinal) + "\"";

    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
