using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace CustomerValuation.Cli;

/// <summary>
/// Reads a JSON file whose every error names the file and the JSON path of the offending element
/// (<c>$.rules[2].when[0].op</c>): the checks of the <c>lost</c> command's rule and taxonomy files.
/// </summary>
internal sealed class JsonFile(string file)
{
    /// <summary>The file name used in messages.</summary>
    public string File => file;

    /// <summary>Parses the file (comments and trailing commas allowed); a syntax error names the line and byte.</summary>
    public static JsonDocument Parse(string path, string what)
    {
        if (!System.IO.File.Exists(path))
        {
            throw CliException.Usage($"{what} file '{path}' does not exist.");
        }

        try
        {
            using FileStream stream = System.IO.File.OpenRead(path);
            return JsonDocument.Parse(stream, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            string message = CliException.OneLine(e);
            int position = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            if (position > 0)
            {
                message = message[..position];
            }

            string where = e.LineNumber is long line
                ? string.Format(CultureInfo.InvariantCulture, "line {0}, byte {1}: ", line + 1, (e.BytePositionInLine ?? 0) + 1)
                : string.Empty;
            throw new CliException($"{path}: {where}not valid JSON: {message}", e);
        }
    }

    /// <summary>The properties of an object, checked against the allowed names (case-sensitive) and for repeats.</summary>
    public Dictionary<string, JsonElement> Properties(JsonElement element, string path, params string[] allowed)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw Error(path, $"expected an object, got {Describe(element)}.");
        }

        var properties = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (JsonProperty property in element.EnumerateObject())
        {
            string p = path + "." + property.Name;
            if (allowed.Length > 0 && !allowed.Contains(property.Name, StringComparer.Ordinal))
            {
                throw Error(p, $"unknown property; expected {string.Join(", ", allowed)} (names are case-sensitive).");
            }

            if (!properties.TryAdd(property.Name, property.Value))
            {
                throw Error(p, "given twice.");
            }
        }

        return properties;
    }

    /// <summary>The items of an array (at least <paramref name="minimum"/> of them).</summary>
    public List<JsonElement> Array(JsonElement element, string path, int minimum = 0)
    {
        if (element.ValueKind != JsonValueKind.Array)
        {
            throw Error(path, $"expected an array, got {Describe(element)}.");
        }

        var items = element.EnumerateArray().ToList();
        if (items.Count < minimum)
        {
            throw Error(path, string.Format(CultureInfo.InvariantCulture, "expected at least {0} item(s), got {1}.", minimum, items.Count));
        }

        return items;
    }

    public double Number(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.Number)
        {
            throw Error(path, $"expected a number, got {Describe(element)}.");
        }

        if (!element.TryGetDouble(out double value) || !double.IsFinite(value))
        {
            throw Error(path, $"{element.GetRawText()} is beyond the range of a double.");
        }

        return value;
    }

    public string Text(JsonElement element, string path) =>
        element.ValueKind == JsonValueKind.String ? element.GetString()! : throw Error(path, $"expected a string, got {Describe(element)}.");

    public string NonBlank(JsonElement element, string path)
    {
        string text = Text(element, path);
        return string.IsNullOrWhiteSpace(text) ? throw Error(path, "is empty.") : text;
    }

    public bool Boolean(JsonElement element, string path) => element.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw Error(path, $"expected true or false, got {Describe(element)}."),
    };

    public static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "the string " + element.GetRawText(),
        JsonValueKind.Number => "the number " + element.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => "null",
    };

    public CliException Error(string path, string message) => new($"{file}: {path}: {message}");

    /// <summary>A library argument error reported at a JSON path.</summary>
    public CliException Library(string path, ArgumentException e) => new($"{file}: {path}: {CliException.OneLine(e)}", e);
}
