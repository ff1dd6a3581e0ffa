using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using CustomerValuation.Contribution;

namespace CustomerValuation.Cli;

/// <summary>Settings of the <c>contribution</c> command.</summary>
internal sealed record ContributionSettings(
    string Input,
    string GroupColumn,
    string ItemColumn,
    string SalesColumn,
    string CostColumn,
    string InventoryColumn,
    InventoryBasis Basis,
    string? Output);

/// <summary>
/// The <c>contribution</c> command: one row per (group, item) with sales, cost of goods and average
/// inventory → gross margin, turnover, cross ratio (or GMROI), shares, contribution ratio, rank and flags.
/// </summary>
internal static partial class ContributionCommand
{
    /// <summary>The flags in bit order, with the names written to the flags column (snake case of <see cref="ContributionIssues"/>).</summary>
    public static readonly IReadOnlyList<(ContributionIssues Flag, string Name)> FlagNames =
    [
        (ContributionIssues.NoSales, "no_sales"),
        (ContributionIssues.NoInventory, "no_inventory"),
        (ContributionIssues.NegativeMargin, "negative_margin"),
        (ContributionIssues.NoGroupSales, "no_group_sales"),
        (ContributionIssues.NoGroupContribution, "no_group_contribution"),
        (ContributionIssues.NoGroupMargin, "no_group_margin"),
    ];

    public static ContributionResult<string, string> Run(ContributionSettings s, TextWriter console)
    {
        if (s.Output is not null && string.IsNullOrWhiteSpace(s.Output))
        {
            throw CliException.Usage("--output needs a file name.");
        }

        List<InputRow> rows = ReadRows(s);
        ContributionResult<string, string> result;
        try
        {
            result = ContributionAnalyzer.Analyze(rows, r => r.Group, r => r.Item, r => r.Sales, r => r.CostOfGoods, r => r.AverageInventory, s.Basis);
        }
        catch (ArgumentException e)
        {
            throw LibraryError(s.Input, rows, e);
        }

        Print(s.Input, result, console);
        if (s.Output is not null)
        {
            WriteRows(s.Output, result);
            console.WriteLine(string.Format(CultureInfo.InvariantCulture, "Wrote {0:N0} rows to {1}", result.Count, CliContext.Describe(s.Output)));
        }

        return result;
    }

    /// <summary>The name of gross margin ÷ average inventory on the result's basis: cross_ratio (selling price) or gmroi (cost).</summary>
    public static string FigureColumn(InventoryBasis basis) => basis == InventoryBasis.Cost ? "gmroi" : "cross_ratio";

    /// <summary>The flag names of a row joined with '|'; empty when it has none.</summary>
    public static string Flags(ContributionIssues flags) =>
        string.Join("|", FlagNames.Where(f => (flags & f.Flag) != 0).Select(f => f.Name));

    private static List<InputRow> ReadRows(ContributionSettings s)
    {
        string path = s.Input;
        using IEnumerator<(long Line, string[] Fields)> records = CsvInput.ReadRecords(path).GetEnumerator();
        string[] header = CsvInput.ReadHeader(records, path);
        int group = CsvInput.FindColumn(header, s.GroupColumn, path, "--group-column");
        int item = CsvInput.FindColumn(header, s.ItemColumn, path, "--item-column");
        int sales = CsvInput.FindColumn(header, s.SalesColumn, path, "--sales-column");
        int cost = CsvInput.FindColumn(header, s.CostColumn, path, "--cost-column");
        int inventory = CsvInput.FindColumn(header, s.InventoryColumn, path, "--inventory-column");
        int needed = new[] { group, item, sales, cost, inventory }.Max();

        var rows = new List<InputRow>();
        var lines = new Dictionary<(string, string), long>();
        foreach ((long line, string[] f) in CsvInput.DataRecords(records, needed, header.Length, path))
        {
            string groupKey = Key(f[group], path, line, s.GroupColumn, "group");
            string itemKey = Key(f[item], path, line, s.ItemColumn, "item");
            if (!lines.TryAdd((groupKey, itemKey), line))
            {
                throw new CliException($"{path}: group '{groupKey}', item '{itemKey}' appears on line {lines[(groupKey, itemKey)]} and again on line {line}; each (group, item) pair must be unique (sum its rows first).");
            }

            double salesValue = Amount(f[sales], path, line, s.SalesColumn, "sales") ?? throw Missing(path, line, s.SalesColumn, "sales");
            double costValue = Amount(f[cost], path, line, s.CostColumn, "cost of goods") ?? throw Missing(path, line, s.CostColumn, "cost of goods");
            double? inventoryValue = Amount(f[inventory], path, line, s.InventoryColumn, "average inventory");
            rows.Add(new InputRow(line, groupKey, itemKey, salesValue, costValue, inventoryValue));
        }

        return rows;
    }

    private static string Key(string raw, string path, long line, string column, string what)
    {
        string key = raw.Trim();
        if (key.Length == 0)
        {
            throw new CliException($"{path}: line {line}, column '{column}': the {what} is empty; every row needs a group and an item.");
        }

        return key;
    }

    /// <summary>A number, or null for an empty cell; anything else that is not a finite number is an error naming the line and column.</summary>
    private static double? Amount(string raw, string path, long line, string column, string what)
    {
        string trimmed = raw.Trim();
        if (trimmed.Length == 0)
        {
            return null;
        }

        if (!CliContext.Current.TryParseDouble(trimmed, out double value) || !double.IsFinite(value))
        {
            throw new CliException($"{path}: line {line}, column '{column}': '{trimmed}' is not a finite number for the {what} (use a dot as the decimal separator, no thousands separators or currency signs).");
        }

        return value;
    }

    private static CliException Missing(string path, long line, string column, string what) =>
        new($"{path}: line {line}, column '{column}': the {what} is empty; sales and cost of goods are required (only the inventory may be empty, for a missing inventory).");

    /// <summary>The library names a row by its index ("The record at index 3 (group …"): replace that by the file's line.</summary>
    private static CliException LibraryError(string path, List<InputRow> rows, ArgumentException e)
    {
        string message = CliException.OneLine(e);
        Match named = RecordPrefix().Match(message);
        if (named.Success && int.TryParse(named.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out int index) && index < rows.Count)
        {
            message = string.Format(CultureInfo.InvariantCulture, "line {0}{1}", rows[index].Line, message[named.Length..]);
        }

        return new CliException($"{path}: {message}", e);
    }

    [GeneratedRegex("^The record at index ([0-9]+)")]
    private static partial Regex RecordPrefix();

    private static void Print(string input, ContributionResult<string, string> result, TextWriter console)
    {
        CultureInfo c = CultureInfo.InvariantCulture;
        string figure = FigureColumn(result.Basis);
        console.WriteLine(result.Basis == InventoryBasis.Cost
            ? $"Contribution analysis of {input}: inventory at cost, so gross margin ÷ average inventory is GMROI (column {figure})"
            : $"Contribution analysis of {input}: inventory at selling price, so gross margin ÷ average inventory is the cross ratio (column {figure})");
        console.WriteLine(string.Format(c, "  rows                   {0,12:N0}", result.Count));
        console.WriteLine(string.Format(c, "  groups                 {0,12:N0}", result.Groups.Count));
        console.WriteLine(string.Format(c, "  without contribution   {0,12:N0}  (no sales, no inventory or no group sales)", result.Groups.Sum(g => g.Totals.RowsWithoutContributionRatio)));
        console.WriteLine("Rows per flag:");
        foreach ((ContributionIssues flag, string name) in FlagNames)
        {
            console.WriteLine(string.Format(c, "  {0,-22} {1,12:N0}", name, result.Count(r => (r.Figures.Flags & flag) != 0)));
        }

        ContributionGroup<string>[] largest = result.Groups
            .OrderByDescending(g => g.Totals.Sales)
            .ThenBy(g => g.Group, StringComparer.Ordinal)
            .Take(3)
            .ToArray();
        if (largest.Length > 0)
        {
            console.WriteLine();
            console.WriteLine(string.Format(c, "Top items by contribution ratio in the {0} largest group{1} by sales (rates, ratios and shares are fractions):", largest.Length, largest.Length == 1 ? string.Empty : "s"));
            foreach (ContributionGroup<string> g in largest)
            {
                console.WriteLine(string.Format(
                    c,
                    "  {0}: sales {1}, gross margin {2}, contribution ratio total {3}",
                    g.Group,
                    SummaryTable.Amount(g.Totals.Sales),
                    SummaryTable.Amount(g.Totals.GrossMargin),
                    g.Totals.ContributionRatio is double total ? total.ToString("F4", c) : "—"));
                console.WriteLine(string.Format(c, "    {0,4}  {1,-20} {2,18} {3,12} {4,12}", "rank", "item", "contribution_ratio", figure, "sales_share"));
                foreach (ContributionItem<string, string> x in result.RankByContributionRatio(g.Group).Where(x => x.Figures.ContributionRatio is not null).Take(3))
                {
                    console.WriteLine(string.Format(c, "    {0,4}  {1,-20} {2,18:F4} {3,12:F4} {4,12:F4}", x.RankInGroup, x.Item, x.Figures.ContributionRatio, x.Figures.CrossRatio, x.Figures.SalesShare));
                }
            }
        }
    }

    /// <summary>
    /// group,item,sales,cost_of_goods,average_inventory,gross_margin,gross_margin_rate,turnover,
    /// cross_ratio (gmroi on the cost basis),sales_share,contribution_ratio,contribution_share,
    /// gross_margin_share,rank_in_group,flags: rows by group, then item; numbers invariant round-trip;
    /// an undefined figure (or a missing inventory) is an empty cell.
    /// </summary>
    public static void WriteRows(string path, ContributionResult<string, string> result) =>
        AtomicFile.WriteTable(path, ["group", "item", "flags"], w =>
        {
            w.WriteLine($"group,item,sales,cost_of_goods,average_inventory,gross_margin,gross_margin_rate,turnover,{FigureColumn(result.Basis)},sales_share,contribution_ratio,contribution_share,gross_margin_share,rank_in_group,flags");
            foreach (ContributionItem<string, string> x in result)
            {
                ContributionRow f = x.Figures;
                w.WriteLine(string.Join(
                    ",",
                    Csv.Field(x.Group),
                    Csv.Field(x.Item),
                    Csv.Number(x.Sales),
                    Csv.Number(x.CostOfGoods),
                    Optional(x.AverageInventory),
                    Csv.Number(f.GrossMargin),
                    Optional(f.GrossMarginRate),
                    Optional(f.Turnover),
                    Optional(f.CrossRatio),
                    Optional(f.SalesShare),
                    Optional(f.ContributionRatio),
                    Optional(f.ContributionShare),
                    Optional(f.GrossMarginShare),
                    x.RankInGroup.ToString(CultureInfo.InvariantCulture),
                    Flags(f.Flags)));
            }
        });

    private static string Optional(double? value) => value is double v ? Csv.Number(v) : string.Empty;

    /// <summary>One input row: the file line it starts on, its keys and amounts (inventory null = missing).</summary>
    internal sealed record InputRow(long Line, string Group, string Item, double Sales, double CostOfGoods, double? AverageInventory);
}
