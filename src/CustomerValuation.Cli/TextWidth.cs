namespace CustomerValuation.Cli;

/// <summary>Pads text to a column width as a terminal shows it: Chinese (East Asian wide) characters take two columns.</summary>
internal static class TextWidth
{
    public static int Of(string text)
    {
        int width = 0;
        foreach (char c in text)
        {
            width += IsWide(c) ? 2 : 1;
        }

        return width;
    }

    /// <summary>The text followed by spaces up to <paramref name="width"/> columns (cut with an ellipsis when longer).</summary>
    public static string PadRight(string text, int width)
    {
        int used = Of(text);
        if (used > width)
        {
            int w = 0;
            int k = 0;
            while (k < text.Length && w + (IsWide(text[k]) ? 2 : 1) <= width - 1)
            {
                w += IsWide(text[k]) ? 2 : 1;
                k++;
            }

            return text[..k] + "…" + new string(' ', width - 1 - w);
        }

        return text + new string(' ', width - used);
    }

    private static bool IsWide(char c) =>
        c is (>= '\u1100' and <= '\u115F') or (>= '\u2E80' and <= '\uA4CF') or (>= '\uAC00' and <= '\uD7A3')
            or (>= '\uF900' and <= '\uFAFF') or (>= '\uFE30' and <= '\uFE4F') or (>= '\uFF00' and <= '\uFF60') or (>= '\uFFE0' and <= '\uFFE6');
}
