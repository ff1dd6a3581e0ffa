using System;
using System.IO;
using System.Linq;
using CustomerValuation.Abc;
using CustomerValuation.Contribution;
using CustomerValuation.Rfm;
using CustomerValuation.Warehouse;

namespace CustomerValuation.Cli;

/// <summary>Settings of <c>sql rfm</c>: the rfm settings (with the table in place of the file) and what to write.</summary>
internal sealed record SqlRfmSettings(RfmSettings Rfm, string Dialect, string What, string[] LineKeyColumns, string? View, string? Run = null);

/// <summary>The <c>sql rfm</c>, <c>sql abc</c> and <c>sql contribution</c> commands: the SQL that computes the commands' results inside a warehouse, printed or (with <c>--run</c>) run on PostgreSQL.</summary>
internal static class SqlCommand
{
    public static void RunRfm(SqlRfmSettings s, TextWriter console)
    {
        RfmSettings r = s.Rfm;
        SqlDialect dialect = Dialect(s.Dialect, s.Run);
        RfmTransactionOptions options = RfmCommand.TransactionOptions(r);
        if (options.FutureLines == RfmFutureLinePolicy.Reject && s.What != "report")
        {
            console.WriteLine("note: a query cannot stop on a line after --as-of; run the report (--what report) and refuse the result when lines_after_as_of > 0.");
        }

        SqlStatement statement;
        try
        {
            RfmSqlSource source = r.AmountColumn is not null
                ? RfmSqlSource.WithAmount(r.Transactions, r.CustomerColumn, r.DateColumn, r.AmountColumn, r.OrderColumn)
                : RfmSqlSource.WithQuantityAndPrice(r.Transactions, r.CustomerColumn, r.DateColumn, r.QuantityColumn!, r.PriceColumn!, r.OrderColumn);
            source = source.WithLineKey(s.LineKeyColumns);
            statement = s.What switch
            {
                "features" => RfmSql.Features(source, options, dialect),
                "report" => RfmSql.LineReport(source, options, dialect),
                "scores" => RfmSql.Scores(source, options, RfmCommand.BuildScoring(r), RfmCommand.LoadSegments(r, console), dialect),
                _ => throw CliException.Usage($"--what: '{s.What}' is not one of the choices; use features, report or scores."),
            };
        }
        catch (ArgumentException e) when (e is not ArgumentNullException)
        {
            string option = e.ParamName switch
            {
                "Table" => "--table",
                "CustomerColumn" => "--customer-column",
                "TimestampColumn" => "--date-column",
                "AmountColumn" => "--amount-column",
                "QuantityColumn" => "--quantity-column",
                "UnitPriceColumn" => "--price-column",
                "OrderColumn" => "--order-column",
                "LineKeyColumns" => "--line-key-columns",
                _ => "sql rfm",
            };
            throw CliException.FromArgument(e, option, usage: true);
        }

        Write(statement, s.What + " of " + r.Transactions, "sql rfm", s.View, r.Output, s.Run, console);
    }

    public static void RunAbc(string table, string idColumn, string valueColumn, AbcOptions options, string dialectName, string? view, string? output, TextWriter console, string? run = null)
    {
        SqlDialect dialect = Dialect(dialectName, run);
        SqlStatement statement;
        try
        {
            statement = AbcSql.Classes(table, idColumn, valueColumn, options, dialect);
        }
        catch (ArgumentException e) when (e is not ArgumentNullException)
        {
            string option = e.ParamName switch
            {
                "table" => "--table",
                "idColumn" => "--id-column",
                "valueColumn" => "--value-column",
                _ => "sql abc",
            };
            throw CliException.FromArgument(e, option, usage: true);
        }

        Write(statement, "classes of " + table, "sql abc", view, output, run, console);
    }

    /// <summary>The <c>sql contribution</c> command; <paramref name="columns"/> are the group, item, sales, cost and inventory columns.</summary>
    public static void RunContribution(string table, string[] columns, string dialectName, string? view, string? output, TextWriter console, string? run = null)
    {
        SqlDialect dialect = Dialect(dialectName, run);
        SqlStatement statement;
        try
        {
            statement = ContributionSql.Rows(table, columns[0], columns[1], columns[2], columns[3], columns[4], dialect);
        }
        catch (ArgumentException e) when (e is not ArgumentNullException)
        {
            string option = e.ParamName switch
            {
                "table" => "--table",
                "groupColumn" => "--group-column",
                "itemColumn" => "--item-column",
                "salesColumn" => "--sales-column",
                "costColumn" => "--cost-column",
                "inventoryColumn" => "--inventory-column",
                _ => "sql contribution",
            };
            throw CliException.FromArgument(e, option, usage: true);
        }

        Write(statement, "contribution of " + table, "sql contribution", view, output, run, console);
    }

    /// <summary>The <c>--dialect</c>; with <c>--run</c> it must be postgres, and without it <c>--format</c> must be csv (the SQL is text).</summary>
    private static SqlDialect Dialect(string name, string? run)
    {
        SqlDialect dialect = name switch
        {
            "postgres" => SqlDialect.PostgreSql,
            "spark" => SqlDialect.SparkSql,
            "tsql" => SqlDialect.TSql,
            _ => throw CliException.Usage($"--dialect: '{name}' is not one of the choices; use postgres, spark or tsql."),
        };
        if (run is not null)
        {
            SqlRun.CheckDialect(dialect);
            _ = SqlRun.Settings(run);
        }
        else if (CliContext.Current.Format != OutputFormat.Csv)
        {
            throw CliException.Usage("--format: jsonl applies to the rows of --run; without --run the output is SQL text.");
        }

        return dialect;
    }

    /// <summary>
    /// Writes the statement (with a comment naming the parameters to bind) or its view definition, to
    /// standard output or a file; with <c>--run</c>, runs it on PostgreSQL instead (<see cref="SqlRun"/>).
    /// </summary>
    private static void Write(SqlStatement statement, string what, string command, string? view, string? output, string? run, TextWriter console)
    {
        if (run is not null)
        {
            SqlRun.Run(statement, view, run, output, console);
            return;
        }

        string text;
        if (view is not null)
        {
            try
            {
                text = statement.ToViewDefinition(view) + ";\n";
            }
            catch (ArgumentException e)
            {
                throw CliException.FromArgument(e, "--view", usage: true);
            }
        }
        else
        {
            string marker = statement.Dialect == SqlDialect.SparkSql ? ":" : "@";
            text = "-- " + what + " (" + statement.Dialect + "), generated by customer-valuation " + command + "\n"
                + "-- bind: " + string.Join("; ", statement.Parameters.Select(p => marker + p)) + "\n"
                + statement.Text + ";\n";
        }

        if (output is null || CliContext.IsStandardOutput(output))
        {
            CliContext.Current.StandardOutput.Write(text);
            CliContext.Current.StandardOutput.Flush();
        }
        else
        {
            AtomicFile.Write(output, w => w.Write(text));
            console.WriteLine($"Wrote the SQL ({statement.Dialect}) to {output}");
        }
    }
}
