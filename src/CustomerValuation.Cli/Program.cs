using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using CustomerValuation.Abc;
using CustomerValuation.Churn;
using CustomerValuation.Contribution;

namespace CustomerValuation.Cli;

/// <summary>Entry point of the <c>customer-valuation</c> tool.</summary>
internal static class Program
{
    /// <summary>The exit code after Ctrl-C (128 + SIGINT, as shells report it).</summary>
    public const int CancelledExitCode = 130;

    /// <summary>The exit code of an unexpected error (a failure to write, a bug).</summary>
    public const int UnexpectedExitCode = 1;

    public static int Main(string[] args)
    {
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            // The first Ctrl-C stops the run cleanly (no partial output file); a second one ends the process at once.
            if (!cancel.IsCancellationRequested)
            {
                e.Cancel = true;
                cancel.Cancel();
            }
        };
        return Run(args, Console.Out, Console.Error, cancel.Token);
    }

    /// <summary>Runs the tool: 0 done, 2 bad arguments, 3 bad input data, 1 unexpected, 130 cancelled.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error, CancellationToken cancellation = default)
    {
        var run = new RunEnvironment(output, error, cancellation);
        RootCommand root = BuildCommands(run);
        ParseResult parsed = root.Parse(args);
        if (parsed.Errors.Count > 0 && !args.Contains("--help") && !args.Contains("-h"))
        {
            foreach (System.CommandLine.Parsing.ParseError e in parsed.Errors)
            {
                error.WriteLine("error: " + e.Message);
            }

            error.WriteLine("Try 'customer-valuation " + (parsed.CommandResult.Command is RootCommand ? string.Empty : parsed.CommandResult.Command.Name + " ") + "--help'.");
            return CliException.UsageExitCode;
        }

        return parsed.Invoke(new InvocationConfiguration { Output = output, Error = error, ProcessTerminationTimeout = null });
    }

    private static RootCommand BuildCommands(RunEnvironment run)
    {
        var input = new Option<string>("--input") { Description = "CSV file with a header (plain or .gz).", Required = true };
        var idColumn = new Option<string>("--id-column") { Description = "Column with the customer id.", DefaultValueFactory = _ => "customer_id" };
        var valueColumn = new Option<string>("--value-column") { Description = "Column with the customer's value (annual sales, profit, …).", DefaultValueFactory = _ => "value" };
        var classes = new AbcClassOptions();
        var computed = new Option<bool>("--computed") { Description = "Choose the breakpoints from the data (computed ABC, Ultsch & Lötsch 2015)." };
        var sumDuplicates = new Option<bool>("--sum-duplicates") { Description = "Add up the values of a repeated customer id instead of failing." };
        var outputFile = new Option<string?>("--output") { Description = "Write customer_id,class,rank,value,share,cumulative_share to this CSV file." };

        var abc = new Command("abc", "ABC (Pareto) classification of customers from a CSV file." + Example("abc --input customers.csv --id-column customer_id --value-column annual_sales --output abc.csv"))
        {
            input, idColumn, valueColumn, classes.By, classes.Breakpoints, classes.Labels, classes.Boundary, computed, sumDuplicates, outputFile,
        };
        var abcShared = new SharedOptions(abc);
        abc.SetAction(result => run.Execute(result, abcShared, result.GetValue(outputFile), console =>
        {
            var settings = new AbcSettings(
                result.GetValue(input)!,
                result.GetValue(idColumn)!,
                result.GetValue(valueColumn)!,
                classes.Basis(result),
                ParseNumbers(result.GetValue(classes.Breakpoints), "--breakpoints"),
                ParseLabels(result.GetValue(classes.Labels)),
                classes.BoundaryRule(result),
                result.GetValue(computed),
                result.GetValue(sumDuplicates),
                result.GetValue(outputFile));
            AbcCommand.Run(settings, console);
        }));

        Command rfm = BuildRfmCommand(run);
        Command tier = BuildTierCommand(run);
        Command lost = BuildLostCommand(run);
        Command contribution = BuildContributionCommand(run);
        Command clv = BuildClvCommand(run);
        Command report = BuildReportCommand(run);
        Command sql = BuildSqlCommand(run);

        var outputDirectory = new Option<string>("--output-dir") { Description = "Folder for the demo's result files.", DefaultValueFactory = _ => "demo-output" };
        var demo = new Command("demo", "Run every capability on built-in, seeded synthetic data and write the results to a folder." + Example("demo --output-dir demo-output")) { outputDirectory };
        var demoShared = new SharedOptions(demo, input: false, format: false);
        demo.SetAction(result => run.Execute(result, demoShared, null, console => DemoCommand.Run(result.GetValue(outputDirectory)!, console)));

        return new RootCommand("customer-valuation: customer-valuation algorithms (ABC classification, RFM, tiering, contribution ratios, lost-customer reasons, customer lifetime value) on CSV files.") { abc, rfm, tier, contribution, lost, clv, report, sql, demo };
    }

    private static Command BuildRfmCommand(RunEnvironment run)
    {
        var columns = new TransactionColumns(orders: true);
        var rfmOptions = new RfmOptionSet();
        var outputFile = new Option<string?>("--output") { Description = "Write customer_id,recency_days,frequency,monetary,r,f,m,cell,segment to this CSV file." };
        var rfm = new Command("rfm", "RFM scores, cells and segments from transaction lines in a CSV file." + Example("rfm --transactions online_retail.csv.gz --customer-column CustomerID --date-column InvoiceDate --quantity-column Quantity --price-column UnitPrice --order-column InvoiceNo --exclude-order-prefix C --as-of 2011-12-10 --output rfm.csv"));
        columns.AddTo(rfm);
        rfmOptions.AddTo(rfm);
        rfm.Options.Add(outputFile);
        var shared = new SharedOptions(rfm);
        rfm.SetAction(result => run.Execute(result, shared, result.GetValue(outputFile), console =>
            RfmCommand.Run(rfmOptions.Settings(result, columns, result.GetValue(columns.Transactions)!, result.GetValue(outputFile)), console)));
        return rfm;
    }

    private static Command BuildSqlCommand(RunEnvironment run)
    {
        var table = new Option<string>("--table") { Description = "The table (or view) of transaction lines: table, schema.table or catalog.schema.table.", Required = true };
        var what = new Option<string>("--what") { Description = "scores (features, R, F, M, cell, segment; default), features, or report (the count of lines per policy).", DefaultValueFactory = _ => "scores", HelpName = "scores|features|report" };
        var lineKey = new Option<string?>("--line-key-columns") { Description = "With --duplicates remove: further columns that tell lines apart (comma-separated, e.g. stock_code)." };
        var sql = new SqlOutputOptions();
        var columns = new TransactionColumns(orders: true);
        var rfmOptions = new RfmOptionSet();
        var sqlRfm = new Command("rfm", "The SQL that computes the rfm command's features, scores, cells and segments (or its line report) inside a warehouse, with the same definitions (docs/warehouse.md)." + Example(
            "sql rfm --dialect postgres --table sales.transactions --customer-column customer_id --date-column invoice_date --quantity-column quantity --price-column unit_price --order-column invoice_no --exclude-order-prefix C --as-of 2011-12-10",
            "sql rfm --dialect postgres --table sales.transactions --customer-column customer_id --date-column invoice_date --quantity-column quantity --price-column unit_price --order-column invoice_no --exclude-order-prefix C --as-of 2011-12-10 --run env:CV_PG --output rfm.csv"));
        sqlRfm.Options.Add(table);
        sqlRfm.Options.Add(sql.Dialect);
        sqlRfm.Options.Add(what);
        foreach (Option option in new Option[] { columns.Customer, columns.Date, columns.Amount, columns.Quantity, columns.Price, columns.Order, columns.ExcludeOrderPrefix })
        {
            sqlRfm.Options.Add(option);
        }

        rfmOptions.AddTo(sqlRfm);
        sqlRfm.Options.Add(lineKey);
        sqlRfm.Options.Add(sql.View);
        sqlRfm.Options.Add(sql.Output);
        sqlRfm.Options.Add(sql.Run);
        var shared = new SharedOptions(sqlRfm, input: false);
        sqlRfm.SetAction(result => run.Execute(result, shared, sql.SummaryPath(result), console =>
        {
            string[] keys = result.GetValue(lineKey) is { } k ? k.Split(',').Select(c => c.Trim()).ToArray() : [];
            var settings = new SqlRfmSettings(rfmOptions.Settings(result, columns, result.GetValue(table)!, result.GetValue(sql.Output)), result.GetValue(sql.Dialect)!, result.GetValue(what)!, keys, result.GetValue(sql.View), result.GetValue(sql.Run));
            SqlCommand.RunRfm(settings, console);
        }));
        return new Command("sql", "SQL for a warehouse (PostgreSQL, Spark SQL, T-SQL) that computes the library's definitions where the data is.") { sqlRfm, BuildSqlAbcCommand(run), BuildSqlContributionCommand(run) };
    }

    private static Command BuildSqlContributionCommand(RunEnvironment run)
    {
        var table = new Option<string>("--table") { Description = "The table (or view): table, schema.table or catalog.schema.table; rows of the same (group, item) are summed.", Required = true };
        var groupColumn = new Option<string>("--group-column") { Description = "Column with the group (a customer, a region, …).", Required = true };
        var itemColumn = new Option<string>("--item-column") { Description = "Column with the item (a product, a customer, …).", Required = true };
        var salesColumn = new Option<string>("--sales-column") { Description = "Column with the sales of the period.", Required = true };
        var costColumn = new Option<string>("--cost-column") { Description = "Column with the cost of the goods sold.", Required = true };
        var inventoryColumn = new Option<string>("--inventory-column") { Description = "Column with the average inventory (NULL: missing).", Required = true };
        var sql = new SqlOutputOptions();
        var sqlContribution = new Command("contribution", "The SQL that computes the contribution command's figures, ranks and flags inside a warehouse (docs/warehouse.md)." + Example("sql contribution --dialect postgres --table erp.sales_mix --group-column customer --item-column product --sales-column sales --cost-column cost --inventory-column inventory"))
        {
            table, sql.Dialect, groupColumn, itemColumn, salesColumn, costColumn, inventoryColumn, sql.View, sql.Output, sql.Run,
        };
        var shared = new SharedOptions(sqlContribution, input: false);
        sqlContribution.SetAction(result => run.Execute(result, shared, sql.SummaryPath(result), console =>
            SqlCommand.RunContribution(
                result.GetValue(table)!,
                [result.GetValue(groupColumn)!, result.GetValue(itemColumn)!, result.GetValue(salesColumn)!, result.GetValue(costColumn)!, result.GetValue(inventoryColumn)!],
                result.GetValue(sql.Dialect)!,
                result.GetValue(sql.View),
                result.GetValue(sql.Output),
                console,
                result.GetValue(sql.Run))));
        return sqlContribution;
    }

    private static Command BuildSqlAbcCommand(RunEnvironment run)
    {
        var table = new Option<string>("--table") { Description = "The table (or view): table, schema.table or catalog.schema.table; a customer's value is the sum of its rows.", Required = true };
        var idColumn = new Option<string>("--id-column") { Description = "Column with the customer id.", DefaultValueFactory = _ => "customer_id" };
        var valueColumn = new Option<string>("--value-column") { Description = "Column with the value (summed per customer).", DefaultValueFactory = _ => "value" };
        var classes = new AbcClassOptions();
        var sql = new SqlOutputOptions();
        var sqlAbc = new Command("abc", "The SQL that computes the abc command's classes, ranks and shares inside a warehouse, with the same rules (docs/warehouse.md)." + Example("sql abc --dialect postgres --table sales.transactions --id-column customer_id --value-column amount"))
        {
            table, sql.Dialect, idColumn, valueColumn, classes.By, classes.Breakpoints, classes.Labels, classes.Boundary, sql.View, sql.Output, sql.Run,
        };
        var shared = new SharedOptions(sqlAbc, input: false);
        sqlAbc.SetAction(result => run.Execute(result, shared, sql.SummaryPath(result), console =>
        {
            AbcOptions options = AbcCommand.BuildOptions(classes.Basis(result), ParseNumbers(result.GetValue(classes.Breakpoints), "--breakpoints"), ParseLabels(result.GetValue(classes.Labels)), classes.BoundaryRule(result));
            SqlCommand.RunAbc(result.GetValue(table)!, result.GetValue(idColumn)!, result.GetValue(valueColumn)!, options, result.GetValue(sql.Dialect)!, result.GetValue(sql.View), result.GetValue(sql.Output), console, result.GetValue(sql.Run));
        }));
        return sqlAbc;
    }

    /// <summary>The class options of <c>abc</c>, declared once for <c>abc</c> and <c>sql abc</c>.</summary>
    private sealed class AbcClassOptions
    {
        public AbcClassOptions()
        {
            By.AcceptOnlyFromAmong("value", "count");
            Boundary.AcceptOnlyFromAmong("upper", "lower");
        }

        public Option<string> By { get; } = new("--by") { Description = "Shares of value (default) or of customer count.", DefaultValueFactory = _ => "value" };

        public Option<string?> Breakpoints { get; } = new("--breakpoints") { Description = "Comma-separated increasing shares in (0,1); default 0.8,0.95 by value, 0.1,0.3 by count." };

        public Option<string?> Labels { get; } = new("--labels") { Description = "Comma-separated class labels, best first (one more than breakpoints); default A,B,C,…" };

        public Option<string> Boundary { get; } = new("--boundary") { Description = "Where the customer that crosses a breakpoint goes: upper (default) or lower class.", DefaultValueFactory = _ => "upper" };

        public AbcBasis Basis(ParseResult result) => result.GetValue(By) == "count" ? AbcBasis.CountShare : AbcBasis.ValueShare;

        public AbcBoundaryRule BoundaryRule(ParseResult result) => result.GetValue(Boundary) == "lower" ? AbcBoundaryRule.JoinLowerClass : AbcBoundaryRule.JoinUpperClass;
    }

    /// <summary>The dialect and output options of the three <c>sql</c> commands.</summary>
    private sealed class SqlOutputOptions
    {
        public Option<string> Dialect { get; } = new("--dialect") { Description = "postgres (PostgreSQL 11+, Citus), spark (Spark SQL 3.4+, Databricks) or tsql (SQL Server 2016+, Azure SQL, Fabric).", Required = true, HelpName = "postgres|spark|tsql" };

        public Option<string?> View { get; } = new("--view") { Description = "Write CREATE VIEW NAME AS … (values as literals) instead of the statement with parameters." };

        public Option<string?> Output { get; } = new("--output") { Description = "Write the SQL (with --run: the result rows, in --format) to this file; default: standard output." };

        public Option<string?> Run { get; } = new("--run")
        {
            Description = "Run the statement on PostgreSQL (--dialect postgres) and write its rows (with --view: create the view). A connection string (Host=…;Port=…;Username=…;Password=…;Database=…;SSL Mode=prefer|require|verify-full|disable;Timeout=15, or postgresql://user@host:port/db?sslmode=…), or env:NAME to read it from an environment variable; a missing password is taken from PGPASSWORD.",
            HelpName = "CONNECTION|env:NAME",
        };

        /// <summary>Where the data goes, for the summary's place: standard output, except when --run creates a view (no data; the confirmation goes to standard output).</summary>
        public string? SummaryPath(ParseResult result) =>
            result.GetValue(Run) is not null && result.GetValue(View) is not null ? result.GetValue(Output) : result.GetValue(Output) ?? "-";
    }

    /// <summary>The rfm command's as-of, policy and scoring options, declared once for <c>rfm</c> and <c>sql rfm</c>.</summary>
    private sealed class RfmOptionSet
    {
        private readonly Option<string> _asOf = new("--as-of") { Description = "The as-of date, yyyy-MM-dd; recency is counted to it and later lines are removed.", Required = true };
        private readonly Option<string> _method = new("--method") { Description = "rank (equal-count bins, NTILE; default), qcut-rank (pandas qcut of ranks), value (type-7 quantile breakpoints) or fixed (thresholds).", DefaultValueFactory = _ => "rank" };
        private readonly Option<int> _bins = new("--bins") { Description = "Scores per dimension, 2 to 10 (default 5).", DefaultValueFactory = _ => 5 };
        private readonly Option<string?> _segments = new("--segments") { Description = "standard (ten segments; the default for 5 bins), compact (four), none, or a CSV file segment,r_low,r_high,f_low,f_high,m_low,m_high." };
        private readonly Option<string> _fallback = new("--fallback-segment") { Description = "Name for customers that no rule of a segment file matches.", DefaultValueFactory = _ => "Others" };
        private readonly Option<string?> _recencyThresholds = new("--recency-thresholds") { Description = "Fixed recency cut points in days, bins − 1 increasing numbers (SPEC W4: 7,30,60,120); overrides --method for recency." };
        private readonly Option<string?> _frequencyThresholds = new("--frequency-thresholds") { Description = "Fixed frequency cut points; overrides --method for frequency." };
        private readonly Option<string?> _monetaryThresholds = new("--monetary-thresholds") { Description = "Fixed monetary cut points; overrides --method for monetary." };
        private readonly Option<string?> _frequencyBasis = new("--frequency") { Description = "orders (distinct order ids; the default with --order-column) or days (distinct purchase days)." };
        private readonly Option<string> _monetaryBasis = new("--monetary") { Description = "sum (default) or mean (per order or purchase day).", DefaultValueFactory = _ => "sum" };
        private readonly Option<string> _nonPositive = new("--non-positive") { Description = "Lines with amount (or quantity or price) ≤ 0: exclude (default) or net against the customer's total.", DefaultValueFactory = _ => "exclude" };
        private readonly Option<string> _future = new("--future") { Description = "Lines after --as-of: exclude (default, counted) or reject (stop with an error).", DefaultValueFactory = _ => "exclude" };
        private readonly Option<string> _duplicates = new("--duplicates") { Description = "Exact duplicate lines (all columns equal): keep (default) or remove.", DefaultValueFactory = _ => "keep" };

        public RfmOptionSet()
        {
            _method.AcceptOnlyFromAmong("rank", "qcut-rank", "value", "fixed");
            _frequencyBasis.AcceptOnlyFromAmong("orders", "days");
            _monetaryBasis.AcceptOnlyFromAmong("sum", "mean");
            _nonPositive.AcceptOnlyFromAmong("exclude", "net");
            _future.AcceptOnlyFromAmong("exclude", "reject");
            _duplicates.AcceptOnlyFromAmong("keep", "remove");
        }

        public void AddTo(Command command)
        {
            foreach (Option option in new Option[] { _asOf, _method, _bins, _segments, _fallback, _recencyThresholds, _frequencyThresholds, _monetaryThresholds, _frequencyBasis, _monetaryBasis, _nonPositive, _future, _duplicates })
            {
                command.Options.Add(option);
            }
        }

        public RfmSettings Settings(ParseResult result, TransactionColumns columns, string transactions, string? output) => new(
            transactions,
            result.GetValue(columns.Customer)!,
            result.GetValue(columns.Date)!,
            result.GetValue(columns.Amount),
            result.GetValue(columns.Quantity),
            result.GetValue(columns.Price),
            result.GetValue(columns.Order),
            result.GetValue(columns.ExcludeOrderPrefix),
            result.GetValue(_asOf)!,
            result.GetValue(_method)!,
            result.GetValue(_bins),
            result.GetValue(_segments),
            result.GetValue(_fallback)!,
            result.GetValue(_recencyThresholds),
            result.GetValue(_frequencyThresholds),
            result.GetValue(_monetaryThresholds),
            result.GetValue(_frequencyBasis),
            result.GetValue(_monetaryBasis)!,
            result.GetValue(_nonPositive)!,
            result.GetValue(_future)!,
            result.GetValue(_duplicates)!,
            output);
    }

    private static Command BuildReportCommand(RunEnvironment run)
    {
        var columns = new TransactionColumns(orders: true);
        var asOf = new Option<string>("--as-of") { Description = "The as-of date, yyyy-MM-dd; recency is counted to it and later lines are removed.", Required = true };
        var outputFile = new Option<string>("--output") { Description = "The HTML file to write (self-contained: inline CSS and SVG, no scripts or network).", Required = true };
        var previousAsOf = new Option<string?>("--previous-as-of") { Description = "An earlier as-of date, yyyy-MM-dd: adds the matrix of ABC classes then against now." };
        var report = new Command("report", "One self-contained HTML report with SVG charts (Pareto curve with ABC bands, R × F heat map, RFM segments) from transaction lines in a CSV file." + Example("report --transactions online_retail.csv.gz --customer-column CustomerID --date-column InvoiceDate --quantity-column Quantity --price-column UnitPrice --order-column InvoiceNo --exclude-order-prefix C --as-of 2011-12-10 --output report.html"));
        columns.AddTo(report);
        report.Options.Add(asOf);
        report.Options.Add(previousAsOf);
        report.Options.Add(outputFile);
        var shared = new SharedOptions(report, format: false);
        report.SetAction(result => run.Execute(result, shared, result.GetValue(outputFile), console =>
        {
            var settings = new RfmSettings(
                result.GetValue(columns.Transactions)!,
                result.GetValue(columns.Customer)!,
                result.GetValue(columns.Date)!,
                result.GetValue(columns.Amount),
                result.GetValue(columns.Quantity),
                result.GetValue(columns.Price),
                result.GetValue(columns.Order),
                result.GetValue(columns.ExcludeOrderPrefix),
                result.GetValue(asOf)!,
                "rank",
                5,
                null,
                "Others",
                null,
                null,
                null,
                null,
                "sum",
                "exclude",
                "exclude",
                "keep",
                result.GetValue(outputFile));
            ReportCommand.Run(settings, result.GetValue(previousAsOf), console);
        }));
        return report;
    }

    private static Command BuildClvCommand(RunEnvironment run)
    {
        var columns = new TransactionColumns(orders: false);
        var noHeader = new Option<bool>("--no-header") { Description = "The file has no header line; give the columns by number (1 = the first)." };
        var calibrationEnd = new Option<string>("--calibration-end") { Description = "The last date of the calibration period (inclusive), yyyy-MM-dd; the models learn from the lines up to it and predict after it.", Required = true };
        var holdoutEnd = new Option<string?>("--holdout-end") { Description = "The last date of a holdout period after --calibration-end: the purchases in it are compared with the forecast (and written to --output)." };
        var unit = new Option<string>("--unit") { Description = "Time unit of t_x, T, the horizon and the rates: weeks (default) or days.", DefaultValueFactory = _ => "weeks", HelpName = "weeks|days" };
        var model = new Option<string>("--model") { Description = "Purchase model: bgnbd (BG/NBD, default) or paretonbd (Pareto/NBD).", DefaultValueFactory = _ => "bgnbd", HelpName = "bgnbd|paretonbd" };
        var horizon = new Option<string?>("--horizon") { Description = "Forecast horizon in --unit after the calibration end (default one year: 52 weeks, or 365 days).", HelpName = "N" };
        var discountRate = new Option<string>("--discount-rate") { Description = "Annual discount rate of the CLV: a fraction (0.10) or a percentage (10%); default 0.", DefaultValueFactory = _ => "0", HelpName = "R" };
        var top = new Option<int>("--top") { Description = "Customers listed by CLV in the printed table (default 10; 0 for none).", DefaultValueFactory = _ => 10 };
        var maxIterations = new Option<int>("--max-iterations") { Description = "Optimizer iterations per starting point of each fit (default 1000).", DefaultValueFactory = _ => 1000 };
        var outputFile = new Option<string?>("--output") { Description = "Write customer_id,first_purchase,repeat_purchases,time_to_last_purchase_<unit>,observed_time_<unit>,mean_repeat_spend,probability_alive,expected_purchases,expected_mean_spend,clv (and holdout_purchases,holdout_spend with --holdout-end) to this CSV file." };

        var clv = new Command("clv", "Customer lifetime value from transaction lines: BG/NBD or Pareto/NBD and Gamma-Gamma fits with their reports; probability alive, expected purchases and spend, CLV per customer." + Example("clv --transactions CDNOW_master.txt --delimiter whitespace --no-header --customer-column 1 --date-column 2 --amount-column 4 --calibration-end 1997-09-30 --output clv.csv"));
        columns.AddTo(clv);
        foreach (Option option in new Option[] { noHeader, calibrationEnd, holdoutEnd, unit, model, horizon, discountRate, top, maxIterations, outputFile })
        {
            clv.Options.Add(option);
        }

        var shared = new SharedOptions(clv);
        clv.SetAction(result => run.Execute(result, shared, result.GetValue(outputFile), console =>
        {
            var settings = new ClvSettings(
                result.GetValue(columns.Transactions)!,
                result.GetValue(columns.Customer)!,
                result.GetValue(columns.Date)!,
                result.GetValue(columns.Amount),
                result.GetValue(columns.Quantity),
                result.GetValue(columns.Price),
                result.GetValue(shared.Delimiter)!,
                result.GetValue(noHeader),
                result.GetValue(calibrationEnd)!,
                result.GetValue(holdoutEnd),
                result.GetValue(unit)!,
                result.GetValue(model)!,
                result.GetValue(horizon),
                result.GetValue(discountRate)!,
                result.GetValue(top),
                result.GetValue(maxIterations),
                result.GetValue(outputFile));
            ClvCommand.Run(settings, console);
        }));
        return clv;
    }

    private static Command BuildTierCommand(RunEnvironment run)
    {
        var input = new Option<string>("--input") { Description = "CSV file with a header, one row per customer (plain or .gz; - for standard input); an empty cell is a missing value.", Required = true };
        var scorecard = new Option<string>("--scorecard") { Description = "JSON scorecard: criteria (column, direction, normalization, weight), an optional AHP matrix, missing-value policy, tiers (docs/tiering.md, section Command line: tier).", Required = true };
        var idColumn = new Option<string>("--id-column") { Description = "Column with the customer id.", DefaultValueFactory = _ => "customer_id" };
        var outputFile = new Option<string?>("--output") { Description = "Write customer_id,status,score,tier,contribution_<criterion>… to this CSV file." };

        var tier = new Command("tier", "Weighted-scorecard scores, contributions and tiers of customers from a CSV file and a JSON scorecard." + Example("tier --input customers.csv --scorecard scorecard.json --id-column customer_id --output tiers.csv"))
        {
            input, scorecard, idColumn, outputFile,
        };
        var shared = new SharedOptions(tier);
        tier.SetAction(result => run.Execute(result, shared, result.GetValue(outputFile), console =>
        {
            var settings = new TierSettings(
                result.GetValue(input)!,
                result.GetValue(scorecard)!,
                result.GetValue(idColumn)!,
                result.GetValue(outputFile));
            TierCommand.Run(settings, console);
        }));
        return tier;
    }

    private static Command BuildContributionCommand(RunEnvironment run)
    {
        var input = new Option<string>("--input") { Description = "CSV file with a header, one row per (group, item) (plain or .gz; - for standard input).", Required = true };
        var groupColumn = new Option<string>("--group-column") { Description = "Column with the group (a customer, a region, …).", Required = true };
        var itemColumn = new Option<string>("--item-column") { Description = "Column with the item (a product, a customer, …); each (group, item) pair at most once.", Required = true };
        var salesColumn = new Option<string>("--sales-column") { Description = "Column with the sales of the period (0 or more).", Required = true };
        var costColumn = new Option<string>("--cost-column") { Description = "Column with the cost of the goods sold (0 or more; may exceed the sales).", Required = true };
        var inventoryColumn = new Option<string>("--inventory-column") { Description = "Column with the average inventory of the period (0 or more; an empty cell is a missing inventory).", Required = true };
        var basis = new Option<string>("--basis") { Description = "How the inventory is valued: price (at selling price: cross ratio; default) or cost (at cost: GMROI).", DefaultValueFactory = _ => "price" };
        basis.AcceptOnlyFromAmong("price", "cost");
        var outputFile = new Option<string?>("--output") { Description = "Write group,item,…,contribution_ratio,…,rank_in_group,flags to this CSV file (docs/contribution.md, section Command line: contribution)." };

        var contribution = new Command("contribution", "Gross margin, turnover, cross ratio (or GMROI), shares and contribution ratio per item of each group, from a CSV file." + Example("contribution --input sales.csv --group-column customer --item-column product --sales-column sales --cost-column cost --inventory-column inventory --output contribution.csv"))
        {
            input, groupColumn, itemColumn, salesColumn, costColumn, inventoryColumn, basis, outputFile,
        };
        var shared = new SharedOptions(contribution);
        contribution.SetAction(result => run.Execute(result, shared, result.GetValue(outputFile), console =>
        {
            var settings = new ContributionSettings(
                result.GetValue(input)!,
                result.GetValue(groupColumn)!,
                result.GetValue(itemColumn)!,
                result.GetValue(salesColumn)!,
                result.GetValue(costColumn)!,
                result.GetValue(inventoryColumn)!,
                result.GetValue(basis) == "cost" ? InventoryBasis.Cost : InventoryBasis.SellingPrice,
                result.GetValue(outputFile));
            ContributionCommand.Run(settings, console);
        }));
        return contribution;
    }

    private static Command BuildLostCommand(RunEnvironment run)
    {
        var input = new Option<string>("--input") { Description = "CSV file with a header, one row per lost customer or lost deal (plain or .gz; - for standard input).", Required = true };
        var idColumn = new Option<string>("--id-column") { Description = "Column with the customer (or deal) id.", DefaultValueFactory = _ => "customer_id" };
        var notesColumn = new Option<string?>("--notes-column") { Description = "Column with free-text notes (English and/or Chinese), tagged with the phrase lexicon." };
        var rules = new Option<string?>("--rules") { Description = "JSON file of rules over signal columns (fields, conditions, reason codes; docs/lost-customers.md, section Command line: lost)." };
        var taxonomy = new Option<string?>("--taxonomy") { Description = "JSON file of reasons and phrases that extend (or replace) the shipped taxonomy and lexicon." };
        var valueColumn = new Option<string?>("--value-column") { Description = "Column with the lost value (≥ 0), for the Pareto by value." };
        var segmentColumn = new Option<string?>("--segment-column") { Description = "Column with the customer's segment or tier, for reasons by segment." };
        var level = new Option<string>("--level") { Description = "Report reasons by family (default) or by full reason code.", DefaultValueFactory = _ => "family" };
        level.AcceptOnlyFromAmong("family", "code");
        var outputFile = new Option<string?>("--output") { Description = "Write customer_id,reason,family,reason_en,reason_zh,confidence,evidence (one row per customer and reason; untagged customers too) to this CSV file." };

        var lost = new Command("lost", "Reasons of lost customers and lost deals, with evidence, from free-text notes (English, Chinese) and rules over signals; the reason Pareto." + Example("lost --input churned.csv --id-column customer_id --notes-column reason --value-column revenue --output reasons.csv"))
        {
            input, idColumn, notesColumn, rules, taxonomy, valueColumn, segmentColumn, level, outputFile,
        };
        var shared = new SharedOptions(lost);
        lost.SetAction(result => run.Execute(result, shared, result.GetValue(outputFile), console =>
        {
            var settings = new LostSettings(
                result.GetValue(input)!,
                result.GetValue(idColumn)!,
                result.GetValue(notesColumn),
                result.GetValue(valueColumn),
                result.GetValue(segmentColumn),
                result.GetValue(rules),
                result.GetValue(taxonomy),
                result.GetValue(level) == "code" ? ReasonLevel.Code : ReasonLevel.Family,
                result.GetValue(outputFile));
            LostCommand.Run(settings, console);
        }));
        return lost;
    }

    private static string Example(params string[] arguments) =>
        Environment.NewLine + Environment.NewLine + "Example:"
        + string.Concat(arguments.Select(a => Environment.NewLine + "  customer-valuation " + a));

    private static double[]? ParseNumbers(string? text, string optionName)
    {
        if (text is null)
        {
            return null;
        }

        return text.Split(',').Select(part =>
        {
            string trimmed = part.Trim();
            if (!double.TryParse(trimmed, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double value))
            {
                throw CliException.Usage($"{optionName}: '{trimmed}' is not a number; give shares such as 0.8,0.95.");
            }

            return value;
        }).ToArray();
    }

    private static string[]? ParseLabels(string? text) =>
        text?.Split(',').Select(s => s.Trim()).ToArray();
}
