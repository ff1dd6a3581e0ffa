using System;
using System.Globalization;
using System.Text;
using CustomerValuation.Abc;

namespace CustomerValuation.Cli;

/// <summary>Formats an ABC summary as an aligned text table.</summary>
internal static class SummaryTable
{
    /// <summary>Thousands-separated with 2 decimals, or in exponent form beyond 10¹⁵ so a column stays readable.</summary>
    public static string Amount(double value) =>
        Math.Abs(value) < 1e15 ? value.ToString("N2", CultureInfo.InvariantCulture) : value.ToString("0.#####E+0", CultureInfo.InvariantCulture);

    public static string Format(AbcSummary summary)
    {
        CultureInfo c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine(string.Format(c, "{0,-6} {1,12} {2,9} {3,18} {4,9} {5,14} {6,14}", "class", "customers", "share", "value", "share", "smallest", "largest"));
        foreach (AbcClassSummary s in summary.Classes)
        {
            sb.AppendLine(string.Format(
                c,
                "{0,-6} {1,12:N0} {2,9:P1} {3,18} {4,9} {5,14} {6,14}",
                s.Label,
                s.Count,
                s.CountShare,
                Amount(s.Value),
                s.IsNonPositiveClass ? "—" : s.ValueShare.ToString("P1", c),
                s.MinValue is double min ? Amount(min) : "—",
                s.MaxValue is double max ? Amount(max) : "—"));
        }

        sb.AppendLine(string.Format(c, "{0,-6} {1,12:N0} {2,9:P1}", "all", summary.CustomerCount, summary.CustomerCount == 0 ? 0 : 1));
        sb.AppendLine(string.Format(c, "Value shares are of the positive total, {0}; class {1} (zero or negative values, {2:N0} customers) takes no part in them.", Amount(summary.TotalValue), summary.Options.NonPositiveLabel, summary.NonPositiveCount));
        sb.AppendLine(string.Format(c, "Gini coefficient of the positive values: {0:F4} (0 = all equal, 1 = one customer holds everything)", summary.Gini));
        return sb.ToString();
    }
}
