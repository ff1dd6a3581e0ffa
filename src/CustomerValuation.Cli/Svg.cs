using System;
using System.Globalization;
using System.Net;

namespace CustomerValuation.Cli;

/// <summary>Small helpers for the report's inline SVG and HTML: escaping, invariant numbers, colours.</summary>
internal static class Svg
{
    /// <summary>Okabe–Ito colours (distinguishable with the common colour-vision deficiencies).</summary>
    public static readonly string[] Palette = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"];

    // Viridis stops (perceptually uniform, colour-blind safe), from low to high.
    private static readonly (double R, double G, double B)[] s_viridis =
    [
        (68, 1, 84), (72, 40, 120), (62, 74, 137), (49, 104, 142), (38, 130, 142),
        (31, 158, 137), (53, 183, 121), (110, 206, 88), (181, 222, 43), (253, 231, 37),
    ];

    /// <summary>Text escaped for HTML and XML content and attributes.</summary>
    public static string Escape(string text) => WebUtility.HtmlEncode(text).Replace("&#39;", "&#x27;", StringComparison.Ordinal);

    /// <summary>A coordinate with at most two decimals, invariant culture.</summary>
    public static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>A share as a percentage with one decimal, e.g. 71.3 %.</summary>
    public static string Percent(double share) => (share * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %";

    /// <summary>An amount with thousands separators and no decimals from 1,000 on, two below.</summary>
    public static string Amount(double value) => Math.Abs(value) >= 1000
        ? value.ToString("N0", CultureInfo.InvariantCulture)
        : value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>A whole number with thousands separators.</summary>
    public static string Count(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>"1 customer" or "n customers", with thousands separators.</summary>
    public static string Customers(int value) => Count(value) + (value == 1 ? " customer" : " customers");

    /// <summary>The viridis colour at t in [0, 1].</summary>
    public static string Viridis(double t)
    {
        t = double.IsNaN(t) ? 0 : Math.Clamp(t, 0, 1);
        double x = t * (s_viridis.Length - 1);
        int i = Math.Min((int)x, s_viridis.Length - 2);
        double f = x - i;
        (double r0, double g0, double b0) = s_viridis[i];
        (double r1, double g1, double b1) = s_viridis[i + 1];
        return string.Format(
            CultureInfo.InvariantCulture,
            "#{0:X2}{1:X2}{2:X2}",
            (int)Math.Round(r0 + ((r1 - r0) * f)),
            (int)Math.Round(g0 + ((g1 - g0) * f)),
            (int)Math.Round(b0 + ((b1 - b0) * f)));
    }

    /// <summary>Black or white, whichever reads better on the viridis colour at t.</summary>
    public static string TextOn(double t) => t > 0.55 ? "#000000" : "#FFFFFF";
}
