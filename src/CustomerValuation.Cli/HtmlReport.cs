using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using CustomerValuation.Abc;
using CustomerValuation.Churn;
using CustomerValuation.Rfm;

namespace CustomerValuation.Cli;

/// <summary>What the HTML report shows: the ABC analysis and RFM result of one data set, and optionally lost-customer reasons and CLV.</summary>
/// <param name="Source">The data's name (file name or "built-in demo data").</param>
/// <param name="AsOf">The as-of date.</param>
/// <param name="Abc">ABC analysis of the customers' monetary values.</param>
/// <param name="Rfm">The RFM result.</param>
/// <param name="Reasons">The reason Pareto of lost customers, or null.</param>
/// <param name="LifetimeValues">Each customer's CLV, or null.</param>
/// <param name="Transition">ABC classes at an earlier as-of date against the classes now, or null.</param>
internal sealed record ReportData(
    string Source,
    DateTime AsOf,
    AbcAnalysis<string> Abc,
    RfmResult<string> Rfm,
    ReasonParetoReport? Reasons = null,
    IReadOnlyList<double>? LifetimeValues = null,
    TierTransition? Transition = null);

/// <summary>Customers by ABC class at an earlier date (rows) and now (columns); index Labels.Count is "none" (new, or no longer present).</summary>
/// <param name="PreviousAsOf">The earlier as-of date.</param>
/// <param name="Labels">The class labels, best first.</param>
/// <param name="Counts">Counts[before, now], both of size Labels.Count + 1.</param>
internal sealed record TierTransition(DateTime PreviousAsOf, IReadOnlyList<string> Labels, int[,] Counts)
{
    /// <summary>The transition of the customers of two ABC analyses with the same class labels.</summary>
    public static TierTransition Of(DateTime previousAsOf, AbcAnalysis<string> before, AbcAnalysis<string> now)
    {
        string[] labels = now.Summary.Classes.Select(k => k.Label).ToArray();
        int none = labels.Length;
        var counts = new int[none + 1, none + 1];
        var previous = before.Customers.ToDictionary(x => x.Id, x => x.ClassIndex, StringComparer.Ordinal);
        var current = new HashSet<string>(StringComparer.Ordinal);
        foreach (AbcCustomer<string> x in now.Customers)
        {
            current.Add(x.Id);
            counts[previous.TryGetValue(x.Id, out int k) ? k : none, x.ClassIndex]++;
        }

        foreach (AbcCustomer<string> x in before.Customers.Where(x => !current.Contains(x.Id)))
        {
            counts[x.ClassIndex, none]++;
        }

        return new TierTransition(previousAsOf, labels, counts);
    }
}

/// <summary>
/// Builds the self-contained HTML report: inline CSS and SVG drawn here, no scripts, fonts or network references.
/// The markup is also well-formed XML (XHTML-compatible), so it can be checked with an XML parser.
/// </summary>
internal static class HtmlReport
{
    private const int Width = 640;
    private const int Height = 400;
    private const double Left = 70;
    private const double Right = 20;
    private const double Top = 20;
    private const double Bottom = 50;

    public static string Build(ReportData data)
    {
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\" />\n");
        sb.Append("<title>Customer valuation report: ").Append(Svg.Escape(data.Source)).Append("</title>\n");
        sb.Append("<style>\nbody{font-family:sans-serif;max-width:720px;margin:2em auto;color:#222;line-height:1.4}\n")
          .Append("figure{margin:2em 0;border-top:1px solid #ccc;padding-top:1em}\nfigcaption{font-size:0.95em}\n")
          .Append("svg{max-width:100%;height:auto;font-size:12px}\n.axis{stroke:#444;stroke-width:1}\n.grid{stroke:#ddd;stroke-width:1}\n</style>\n</head>\n<body>\n");
        sb.Append("<h1>Customer valuation report</h1>\n<p>Data: ").Append(Svg.Escape(data.Source))
          .Append("; as of ").Append(data.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
          .Append("; ").Append(Svg.Count(data.Rfm.Customers.Count)).Append(" customers.</p>\n");
        Pareto(sb, data.Abc);
        HeatMap(sb, data.Rfm);
        if (data.Rfm.SegmentCounts.Count > 0)
        {
            Segments(sb, data.Rfm);
        }

        if (data.Transition is { } transition)
        {
            Transition(sb, transition, data.AsOf);
        }

        if (data.Reasons is { HasValues: true } reasons && reasons.ByValue.Count > 0)
        {
            ReasonPareto(sb, reasons);
        }

        if (data.LifetimeValues is { Count: > 0 } clv)
        {
            LifetimeValues(sb, clv);
        }

        sb.Append("</body>\n</html>\n");
        return sb.ToString();
    }

    private static void Open(StringBuilder sb, string id, string heading, string title, int height = Height)
    {
        sb.Append("<figure id=\"").Append(id).Append("\">\n<h2>").Append(Svg.Escape(heading)).Append("</h2>\n");
        sb.Append("<svg role=\"img\" aria-labelledby=\"").Append(id).Append("-title\" viewBox=\"0 0 ")
          .Append(Width).Append(' ').Append(height).Append("\" width=\"").Append(Width).Append("\" height=\"").Append(height).Append("\">\n");
        sb.Append("<title id=\"").Append(id).Append("-title\">").Append(Svg.Escape(title)).Append("</title>\n");
    }

    private static void Close(StringBuilder sb, string caption) =>
        sb.Append("</svg>\n<figcaption>").Append(Svg.Escape(caption)).Append("</figcaption>\n</figure>\n");

    private static void Text(StringBuilder sb, double x, double y, string text, string anchor = "middle", string fill = "#222222", string extra = "") =>
        sb.Append("<text x=\"").Append(Svg.N(x)).Append("\" y=\"").Append(Svg.N(y)).Append("\" text-anchor=\"").Append(anchor)
          .Append("\" fill=\"").Append(fill).Append('"').Append(extra).Append('>').Append(Svg.Escape(text)).Append("</text>\n");

    private static void Rect(StringBuilder sb, double x, double y, double w, double h, string fill, string extra = "") =>
        sb.Append("<rect x=\"").Append(Svg.N(x)).Append("\" y=\"").Append(Svg.N(y)).Append("\" width=\"").Append(Svg.N(Math.Max(0, w)))
          .Append("\" height=\"").Append(Svg.N(Math.Max(0, h))).Append("\" fill=\"").Append(fill).Append('"').Append(extra).Append(" />\n");

    private static void Line(StringBuilder sb, double x1, double y1, double x2, double y2, string cssClass) =>
        sb.Append("<line x1=\"").Append(Svg.N(x1)).Append("\" y1=\"").Append(Svg.N(y1)).Append("\" x2=\"").Append(Svg.N(x2))
          .Append("\" y2=\"").Append(Svg.N(y2)).Append("\" class=\"").Append(cssClass).Append("\" />\n");

    /// <summary>The Pareto curve of value against customers, ranked best first, over shaded A/B/C bands.</summary>
    private static void Pareto(StringBuilder sb, AbcAnalysis<string> abc)
    {
        AbcSummary s = abc.Summary;
        double pw = Width - Left - Right, ph = Height - Top - Bottom;
        double X(double share) => Left + (share * pw);
        double Y(double share) => Top + ((1 - share) * ph);
        Open(sb, "pareto", "Pareto curve and ABC classes", "Pareto curve: cumulative share of value against share of customers ranked by value, with the ABC class bands");

        int before = 0;
        int colour = 0;
        foreach (AbcClassSummary k in s.Classes.Where(k => !k.IsNonPositiveClass))
        {
            if (s.PositiveCount > 0 && k.Count > 0)
            {
                double x0 = X((double)before / s.PositiveCount), x1 = X((double)(before + k.Count) / s.PositiveCount);
                Rect(sb, x0, Top, x1 - x0, ph, Svg.Palette[colour % Svg.Palette.Length], " fill-opacity=\"0.18\"");
                Text(sb, (x0 + x1) / 2, Top + 16, k.Label, extra: " font-weight=\"bold\"");
            }

            before += k.Count;
            colour++;
        }

        for (int i = 0; i <= 5; i++)
        {
            double t = i / 5.0;
            Line(sb, X(t), Top, X(t), Top + ph, "grid");
            Line(sb, Left, Y(t), Left + pw, Y(t), "grid");
            Text(sb, X(t), Top + ph + 16, Svg.N(t * 100) + " %");
            Text(sb, Left - 6, Y(t) + 4, Svg.N(t * 100) + " %", "end");
        }

        Line(sb, Left, Top + ph, Left + pw, Top + ph, "axis");
        Line(sb, Left, Top, Left, Top + ph, "axis");
        Text(sb, Left + (pw / 2), Height - 10, "share of customers, ranked by value (positive values only)");
        Text(sb, 14, Top + (ph / 2), "cumulative share of value", extra: string.Format(CultureInfo.InvariantCulture, " transform=\"rotate(-90 14 {0})\"", Svg.N(Top + (ph / 2))));
        sb.Append("<line x1=\"").Append(Svg.N(X(0))).Append("\" y1=\"").Append(Svg.N(Y(0))).Append("\" x2=\"").Append(Svg.N(X(1))).Append("\" y2=\"").Append(Svg.N(Y(1)))
          .Append("\" stroke=\"#888888\" stroke-dasharray=\"4 4\" />\n");

        var caption = new StringBuilder();
        if (s.PositiveCount > 0)
        {
            IReadOnlyList<ParetoPoint> points = abc.ParetoCurve(maxPoints: Math.Min(s.PositiveCount + 1, 401));
            sb.Append("<polyline fill=\"none\" stroke=\"#000000\" stroke-width=\"2\" points=\"")
              .Append(string.Join(" ", points.Select(p => Svg.N(X(p.CustomerShare)) + "," + Svg.N(Y(p.CumulativeValueShare)))))
              .Append("\" />\n");
            int top20 = (int)Math.Ceiling(0.2 * s.PositiveCount);
            double top20Share = abc.Customers[top20 - 1].CumulativeShare;
            caption.Append(CultureInfo.InvariantCulture, $"The top 20 % of customers ({Svg.Count(top20)} of {Svg.Count(s.PositiveCount)} with a positive value) bring {Svg.Percent(top20Share)} of the value (total {Svg.Amount(s.TotalValue)}). ");
        }
        else
        {
            caption.Append("No customer has a positive value, so there is no curve. ");
        }

        caption.Append(string.Join("; ", s.Classes.Where(k => !k.IsNonPositiveClass || k.Count > 0).Select(k => k.IsNonPositiveClass
            ? string.Format(CultureInfo.InvariantCulture, "{0} (zero or negative value): {1}", k.Label, Svg.Customers(k.Count))
            : string.Format(CultureInfo.InvariantCulture, "{0}: {1} ({2} of customers), {3} of value", k.Label, Svg.Customers(k.Count), Svg.Percent(k.CountShare), Svg.Percent(k.ValueShare)))));
        caption.Append(". The dashed diagonal is equal shares.");
        Close(sb, caption.ToString());
    }

    /// <summary>R × F grid: customers per cell, cell colour by the cell's mean monetary value.</summary>
    private static void HeatMap(StringBuilder sb, RfmResult<string> rfm)
    {
        int n = rfm.Summary.Options.ScoreCount;
        var count = new int[n, n];
        var sum = new double[n, n];
        foreach (RfmCustomerScore<string> x in rfm.Customers)
        {
            count[x.Score.Recency - 1, x.Score.Frequency - 1]++;
            sum[x.Score.Recency - 1, x.Score.Frequency - 1] += x.Monetary;
        }

        var cells = new List<(int R, int F, int Count, double Mean)>();
        for (int r = 1; r <= n; r++)
        {
            for (int f = 1; f <= n; f++)
            {
                if (count[r - 1, f - 1] > 0)
                {
                    cells.Add((r, f, count[r - 1, f - 1], sum[r - 1, f - 1] / count[r - 1, f - 1]));
                }
            }
        }

        double min = cells.Count == 0 ? 0 : cells.Min(c => c.Mean), max = cells.Count == 0 ? 0 : cells.Max(c => c.Mean);
        double T(double mean) => max > min ? (mean - min) / (max - min) : 0.5;
        const int height = 420;
        double gridSize = 340, cell = gridSize / n, x0 = Left, y0 = Top;
        Open(sb, "rf-heatmap", "R × F heat map coloured by mean monetary value", "Heat map of customers by recency score (columns) and frequency score (rows); colour is the mean monetary value of the cell", height);
        for (int r = 1; r <= n; r++)
        {
            for (int f = 1; f <= n; f++)
            {
                double x = x0 + ((r - 1) * cell), y = y0 + ((n - f) * cell);
                int k = count[r - 1, f - 1];
                if (k == 0)
                {
                    Rect(sb, x, y, cell - 2, cell - 2, "#EEEEEE");
                    Text(sb, x + (cell / 2), y + (cell / 2) + 4, "0", fill: "#666666");
                    continue;
                }

                double mean = sum[r - 1, f - 1] / k, t = T(mean);
                Rect(sb, x, y, cell - 2, cell - 2, Svg.Viridis(t));
                Text(sb, x + (cell / 2), y + (cell / 2), Svg.Count(k), fill: Svg.TextOn(t), extra: " font-weight=\"bold\"");
                Text(sb, x + (cell / 2), y + (cell / 2) + 14, Svg.Amount(mean), fill: Svg.TextOn(t), extra: " font-size=\"10\"");
            }

            Text(sb, x0 + ((r - 0.5) * cell), y0 + gridSize + 16, "R" + r.ToString(CultureInfo.InvariantCulture));
        }

        for (int f = 1; f <= n; f++)
        {
            Text(sb, x0 - 6, y0 + ((n - f + 0.5) * cell) + 4, "F" + f.ToString(CultureInfo.InvariantCulture), "end");
        }

        Text(sb, x0 + (gridSize / 2), y0 + gridSize + 36, "recency score (higher = bought more recently)");
        Text(sb, 14, y0 + (gridSize / 2), "frequency score", extra: string.Format(CultureInfo.InvariantCulture, " transform=\"rotate(-90 14 {0})\"", Svg.N(y0 + (gridSize / 2))));

        // Legend: the colour scale from the lowest to the highest cell mean.
        double lx = x0 + gridSize + 40, ly = y0 + 20, lh = 200;
        Text(sb, lx, ly - 14, "mean monetary", "start");
        for (int i = 0; i < 20; i++)
        {
            Rect(sb, lx, ly + lh - ((i + 1) * lh / 20), 20, (lh / 20) + 0.5, Svg.Viridis(i / 19.0));
        }

        Text(sb, lx + 26, ly + 4, Svg.Amount(max), "start");
        Text(sb, lx + 26, ly + lh, Svg.Amount(min), "start");
        Text(sb, lx, ly + lh + 24, "numbers: customers,", "start", extra: " font-size=\"10\"");
        Text(sb, lx, ly + lh + 38, "then mean monetary", "start", extra: " font-size=\"10\"");

        string caption;
        if (cells.Count == 0)
        {
            caption = "No customers to show.";
        }
        else
        {
            var top = cells.OrderByDescending(c => c.Mean).First();
            var low = cells.OrderBy(c => c.Mean).First();
            var big = cells.OrderByDescending(c => c.Count).ThenByDescending(c => c.R).ThenByDescending(c => c.F).First();
            caption = string.Format(
                CultureInfo.InvariantCulture,
                "{0} in {1} of {2} R × F cells. Highest mean monetary: R{3} F{4}, {5}, mean {6}. Lowest: R{7} F{8}, {9}, mean {10}. Most customers: R{11} F{12}, {13}. Best corner R{14} F{14}: {15}.",
                Svg.Customers(rfm.Customers.Count),
                cells.Count,
                n * n,
                top.R,
                top.F,
                Svg.Customers(top.Count),
                Svg.Amount(top.Mean),
                low.R,
                low.F,
                Svg.Customers(low.Count),
                Svg.Amount(low.Mean),
                big.R,
                big.F,
                Svg.Count(big.Count),
                n,
                Svg.Customers(count[n - 1, n - 1]));
        }

        Close(sb, caption);
    }

    /// <summary>Two bar panels per segment: number of customers and their monetary value.</summary>
    private static void Segments(StringBuilder sb, RfmResult<string> rfm)
    {
        var value = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (RfmCustomerScore<string> x in rfm.Customers)
        {
            string key = x.Segment ?? string.Empty;
            value[key] = value.GetValueOrDefault(key) + x.Monetary;
        }

        var rows = rfm.SegmentCounts.Select(p => (Name: p.Key, Count: p.Value, Value: value.GetValueOrDefault(p.Key))).ToArray();
        int total = rfm.Customers.Count;
        double totalValue = rows.Sum(r => r.Value);
        double row = 24, labelWidth = 150, gap = 20;
        int height = (int)(Top + (rows.Length * row) + 50);
        double panel = (Width - labelWidth - Right - gap) / 2;
        double maxCount = Math.Max(1, rows.Max(r => r.Count)), maxValue = Math.Max(1e-9, rows.Max(r => r.Value));
        Open(sb, "segments", "RFM segments: size and value", "Bar chart of the RFM segments: number of customers and their monetary value", height);
        Text(sb, labelWidth + (panel / 2), Top - 4, "customers");
        Text(sb, labelWidth + panel + gap + (panel / 2), Top - 4, "monetary value");
        for (int i = 0; i < rows.Length; i++)
        {
            double y = Top + 6 + (i * row);
            Text(sb, labelWidth - 6, y + 15, rows[i].Name, "end");
            double w1 = panel * rows[i].Count / maxCount, w2 = Math.Max(0, panel * rows[i].Value / maxValue);
            Rect(sb, labelWidth, y + 2, w1, row - 6, Svg.Palette[0]);
            Rect(sb, labelWidth + panel + gap, y + 2, w2, row - 6, Svg.Palette[1]);
            BarLabel(sb, labelWidth, w1, panel - 40, y + 15, Svg.Count(rows[i].Count), "#FFFFFF");
            BarLabel(sb, labelWidth + panel + gap, w2, panel - 60, y + 15, Svg.Amount(rows[i].Value), "#000000");
        }

        double axisY = Top + 6 + (rows.Length * row);
        Line(sb, labelWidth, axisY, labelWidth + panel, axisY, "axis");
        Line(sb, labelWidth + panel + gap, axisY, labelWidth + (2 * panel) + gap, axisY, "axis");
        Text(sb, labelWidth, axisY + 14, "0");
        Text(sb, labelWidth + panel, axisY + 14, Svg.Count((int)maxCount), "end");
        Text(sb, labelWidth + panel + gap, axisY + 14, "0");
        Text(sb, labelWidth + (2 * panel) + gap, axisY + 14, Svg.Amount(maxValue), "end");
        string caption = "Segments by customers and monetary value: " + string.Join("; ", rows.Select(r => string.Format(
            CultureInfo.InvariantCulture,
            "{0}: {1} ({2}), value {3} ({4})",
            r.Name,
            Svg.Customers(r.Count),
            Svg.Percent(total == 0 ? 0 : (double)r.Count / total),
            Svg.Amount(r.Value),
            Svg.Percent(totalValue > 0 ? r.Value / totalValue : 0)))) + ".";
        Close(sb, caption);
    }

    /// <summary>A bar's value label: after the bar, or inside its end (in <paramref name="insideFill"/>) when the bar is longer than <paramref name="room"/>.</summary>
    private static void BarLabel(StringBuilder sb, double x, double w, double room, double y, string text, string insideFill)
    {
        if (w <= room)
        {
            Text(sb, x + w + 4, y, text, "start", extra: " font-size=\"10\"");
        }
        else
        {
            Text(sb, x + w - 4, y, text, "end", insideFill, " font-size=\"10\"");
        }
    }

    /// <summary>Matrix of customers by ABC class at the earlier date (rows) and now (columns).</summary>
    private static void Transition(StringBuilder sb, TierTransition m, DateTime asOf)
    {
        CultureInfo c = CultureInfo.InvariantCulture;
        int n = m.Labels.Count + 1, none = n - 1;
        string Name(int i) => i == none ? "none" : m.Labels[i];
        int max = 1;
        foreach (int k in m.Counts)
        {
            max = Math.Max(max, k);
        }

        double cell = Math.Min(70, 300.0 / n), x0 = Left + 40, y0 = Top + 30;
        int height = (int)(y0 + (n * cell) + 50);
        Open(sb, "transition", "ABC class transitions", "Matrix of customers by ABC class at the earlier date (rows) and at the as-of date (columns)", height);
        Text(sb, x0 + (n * cell / 2), Top + 6, "class as of " + asOf.ToString("yyyy-MM-dd", c));
        Text(sb, 14, y0 + (n * cell / 2), "class as of " + m.PreviousAsOf.ToString("yyyy-MM-dd", c), extra: string.Format(c, " transform=\"rotate(-90 14 {0})\"", Svg.N(y0 + (n * cell / 2))));
        for (int i = 0; i < n; i++)
        {
            Text(sb, x0 + ((i + 0.5) * cell), y0 - 6, Name(i));
            Text(sb, x0 - 6, y0 + ((i + 0.5) * cell) + 4, Name(i), "end");
            for (int j = 0; j < n; j++)
            {
                int k = m.Counts[i, j];
                double t = (double)k / max;
                double x = x0 + (j * cell), y = y0 + (i * cell);
                Rect(sb, x, y, cell - 2, cell - 2, k == 0 ? "#EEEEEE" : Svg.Viridis(t));
                Text(sb, x + (cell / 2), y + (cell / 2) + 4, Svg.Count(k), fill: k == 0 ? "#666666" : Svg.TextOn(t));
            }
        }

        Text(sb, x0, y0 + (n * cell) + 20, "colour: number of customers (darkest = fewest); none = not a customer at that date", "start", extra: " font-size=\"10\"");
        int kept = 0, up = 0, down = 0, added = 0, gone = 0;
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                int k = m.Counts[i, j];
                if (i == none && j == none)
                {
                    continue;
                }
                else if (i == none)
                {
                    added += k;
                }
                else if (j == none)
                {
                    gone += k;
                }
                else if (i == j)
                {
                    kept += k;
                }
                else if (j < i)
                {
                    up += k;
                }
                else
                {
                    down += k;
                }
            }
        }

        int both = kept + up + down;
        string caption = string.Format(
            c,
            "Of {0} with purchases by both {1:yyyy-MM-dd} and {2:yyyy-MM-dd}, {3} kept their class ({4}), {5} moved to a better class and {6} to a worse one; {7} new since {1:yyyy-MM-dd}; {8} no longer present. Classes at each date: ABC by value share of the monetary value up to that date.",
            Svg.Customers(both),
            m.PreviousAsOf,
            asOf,
            Svg.Count(kept),
            Svg.Percent(both == 0 ? 0 : (double)kept / both),
            Svg.Count(up),
            Svg.Count(down),
            Svg.Count(added),
            Svg.Count(gone));
        Close(sb, caption);
    }

    /// <summary>Lost value per reason, largest first, coloured by the reasons' ABC class.</summary>
    private static void ReasonPareto(StringBuilder sb, ReasonParetoReport reasons)
    {
        IReadOnlyList<ReasonParetoLine> lines = reasons.ByValue;
        double row = 24, labelWidth = 150;
        int height = (int)(Top + (lines.Count * row) + 50);
        double panel = Width - labelWidth - Right - 110;
        double max = Math.Max(1e-9, lines.Max(l => l.Value ?? 0));
        Open(sb, "reasons", "Reasons of lost customers (Pareto by lost value)", "Bar chart of lost value per reason, largest first, coloured by ABC class", height);
        var labels = lines.Select(l => l.ClassLabel).Distinct(StringComparer.Ordinal).ToList();
        for (int i = 0; i < lines.Count; i++)
        {
            ReasonParetoLine l = lines[i];
            double y = Top + (i * row), w = panel * (l.Value ?? 0) / max;
            Text(sb, labelWidth - 6, y + 15, l.Code, "end");
            Rect(sb, labelWidth, y + 2, w, row - 6, Svg.Palette[labels.IndexOf(l.ClassLabel) % Svg.Palette.Length]);
            Text(sb, labelWidth + w + 4, y + 15, string.Format(CultureInfo.InvariantCulture, "{0} ({1}, {2})", Svg.Amount(l.Value ?? 0), Svg.Percent(l.CumulativeValueShare ?? 0), l.ClassLabel), "start", extra: " font-size=\"10\"");
        }

        double axisY = Top + (lines.Count * row) + 2;
        Line(sb, labelWidth, axisY, labelWidth + panel, axisY, "axis");
        Text(sb, labelWidth, axisY + 14, "0");
        Text(sb, labelWidth + panel, axisY + 14, Svg.Amount(max), "end");
        Text(sb, labelWidth + (panel / 2), axisY + 30, "lost value (label: value, cumulative share, class)");
        for (int i = 0; i < labels.Count; i++)
        {
            double lx = labelWidth + (i * 60);
            Rect(sb, lx, axisY + 36, 10, 10, Svg.Palette[i % Svg.Palette.Length]);
            Text(sb, lx + 14, axisY + 45, "class " + labels[i], "start", extra: " font-size=\"10\"");
        }

        string caption = string.Format(
            CultureInfo.InvariantCulture,
            "Lost value {0} from {1} ({2} untagged, value {3}); a customer's value is split equally among its reasons. ",
            Svg.Amount(reasons.TotalValue ?? 0),
            Svg.Customers(reasons.CustomerCount),
            Svg.Count(reasons.UntaggedCount),
            Svg.Amount(reasons.UntaggedValue ?? 0))
            + string.Join("; ", lines.Select(l => string.Format(CultureInfo.InvariantCulture, "{0}: {1} ({2}, cumulative {3}, class {4})", l.Code, Svg.Amount(l.Value ?? 0), Svg.Percent(l.ValueShare ?? 0), Svg.Percent(l.CumulativeValueShare ?? 0), l.ClassLabel))) + ".";
        Close(sb, caption);
    }

    /// <summary>Histogram of the customers' lifetime values in 20 equal-width bins.</summary>
    private static void LifetimeValues(StringBuilder sb, IReadOnlyList<double> clv)
    {
        double[] v = clv.Where(double.IsFinite).OrderBy(x => x).ToArray();
        const int binCount = 20;
        double lo = Math.Min(0, v.Length == 0 ? 0 : v[0]), hi = v.Length == 0 ? 1 : v[^1];
        double width = hi > lo ? (hi - lo) / binCount : 1;
        var bins = new int[binCount];
        foreach (double x in v)
        {
            bins[Math.Min(binCount - 1, (int)((x - lo) / width))]++;
        }

        double pw = Width - Left - Right, ph = Height - Top - Bottom;
        int maxBin = Math.Max(1, bins.Max());

        // Whole-number ticks at 1, 2 or 5 × 10^k customers, at most four steps; the axis ends at a tick.
        double rough = maxBin / 4.0, power = rough <= 1 ? 1 : Math.Pow(10, Math.Floor(Math.Log10(rough)));
        int step = rough <= 1 ? 1 : (int)((rough / power <= 1 ? 1 : rough / power <= 2 ? 2 : rough / power <= 5 ? 5 : 10) * power);
        int axisMax = step * (int)Math.Ceiling((double)maxBin / step);
        Open(sb, "clv", "Customer lifetime value distribution", "Histogram of the customers' lifetime values");
        for (int yv = 0; yv <= axisMax; yv += step)
        {
            double y = Top + ph - (ph * yv / axisMax);
            Line(sb, Left, y, Left + pw, y, "grid");
            Text(sb, Left - 6, y + 4, Svg.Count(yv), "end");
        }

        for (int i = 0; i < binCount; i++)
        {
            double h = ph * bins[i] / axisMax;
            Rect(sb, Left + (i * pw / binCount) + 1, Top + ph - h, (pw / binCount) - 2, h, Svg.Palette[2]);
        }

        for (int i = 0; i <= 4; i++)
        {
            Text(sb, Left + (pw * i / 4), Top + ph + 16, Svg.Amount(lo + ((hi - lo) * i / 4)));
        }

        Line(sb, Left, Top + ph, Left + pw, Top + ph, "axis");
        Line(sb, Left, Top, Left, Top + ph, "axis");
        Text(sb, Left + (pw / 2), Height - 10, "customer lifetime value");
        Text(sb, 14, Top + (ph / 2), "customers", extra: string.Format(CultureInfo.InvariantCulture, " transform=\"rotate(-90 14 {0})\"", Svg.N(Top + (ph / 2))));
        double total = v.Sum();
        int top10 = (int)Math.Ceiling(0.1 * v.Length);
        double top10Share = total > 0 ? v.Skip(v.Length - top10).Sum() / total : 0;
        string caption = v.Length == 0
            ? "No finite lifetime values."
            : string.Format(
                CultureInfo.InvariantCulture,
                "{0}, CLV {1} in total; median {2}, mean {3}, largest {4}; the top 10 % ({5}) hold {6} of it. Bins of width {7}.",
                Svg.Customers(v.Length),
                Svg.Amount(total),
                Svg.Amount(v.Length % 2 == 1 ? v[v.Length / 2] : (v[(v.Length / 2) - 1] + v[v.Length / 2]) / 2),
                Svg.Amount(total / v.Length),
                Svg.Amount(hi),
                Svg.Customers(top10),
                Svg.Percent(top10Share),
                Svg.Amount(width));
        Close(sb, caption);
    }
}
