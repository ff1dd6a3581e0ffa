using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using CustomerValuation.Warehouse;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using Xunit;
using Xunit.Abstractions;

namespace CustomerValuation.Tests.Warehouse;

/// <summary>
/// Every T-SQL statement the generators write (<see cref="GoldenSqlCases.AllStatements"/>: each
/// RFM policy combination, each scoring method, both ABC bases and boundary rules, the
/// contribution rows) and the view of each is parsed by Microsoft's own T-SQL parser
/// (Microsoft.SqlServer.TransactSql.ScriptDom) for SQL Server 2022 (TSql160Parser) and for SQL
/// Server 2016 (TSql130Parser, the oldest version the docs claim), with zero parse errors
/// expected. A parser checks the grammar of that version, not names, types or the rules the
/// server checks when it binds a statement (for example the ORDER BY in a view, checked here on
/// the parse tree); nothing here runs on SQL Server.
/// </summary>
public sealed class TSqlScriptDomTests(ITestOutputHelper output)
{
    private const string ViewName = "analytics.generated_view";

    public static TheoryData<string> Parsers() => new() { "TSql160", "TSql130" };

    [Theory]
    [MemberData(nameof(Parsers))]
    public void EveryStatement_ParsesWithoutErrors(string parserName)
    {
        List<(string Name, SqlStatement Statement)> statements = GoldenSqlCases.AllStatements(SqlDialect.TSql).ToList();
        var failures = new List<string>();
        foreach ((string name, SqlStatement statement) in statements)
        {
            failures.AddRange(Errors(parserName, name, statement.Text));
        }

        output.WriteLine($"{parserName}: parsed {statements.Count} statements, {failures.Count} errors");
        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
    }

    [Theory]
    [MemberData(nameof(Parsers))]
    public void EveryViewDefinition_ParsesWithoutErrors(string parserName)
    {
        List<(string Name, SqlStatement Statement)> statements = GoldenSqlCases.AllStatements(SqlDialect.TSql).ToList();
        var failures = new List<string>();
        foreach ((string name, SqlStatement statement) in statements)
        {
            failures.AddRange(Errors(parserName, name + " (view)", statement.ToViewDefinition(ViewName)));
        }

        output.WriteLine($"{parserName}: parsed {statements.Count} view definitions, {failures.Count} errors");
        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
    }

    [Fact]
    public void EveryStatement_IsOneSelect_AndEveryView_OneCreateViewWithoutOrderBy()
    {
        // SQL Server refuses ORDER BY in a view unless TOP, OFFSET or FOR XML is given (CREATE VIEW,
        // Microsoft Learn); the parser accepts it, so the parse tree is checked.
        foreach ((string name, SqlStatement statement) in GoldenSqlCases.AllStatements(SqlDialect.TSql))
        {
            TSqlStatement select = SingleStatement(Parse(new TSql160Parser(true), statement.Text, out _), name);
            Assert.IsType<SelectStatement>(select);

            TSqlStatement view = SingleStatement(Parse(new TSql160Parser(true), statement.ToViewDefinition(ViewName), out _), name + " (view)");
            ViewStatementBody body = Assert.IsType<CreateViewStatement>(view);
            Assert.True(body.SelectStatement.QueryExpression.OrderByClause is null, name + ": the view has an ORDER BY");
            Assert.NotNull(body.SelectStatement.WithCtesAndXmlNamespaces);
        }
    }

    [Fact]
    public void NoAggregate_ContainsASubqueryOrAnAggregate()
    {
        // SQL Server refuses an aggregate over an expression with a subquery or an aggregate (error 130,
        // "Cannot perform an aggregate function on an expression containing an aggregate or a
        // subquery"); the parser accepts it, so the parse tree is searched. This found the line
        // report with netting (SUM(… l.customer_id IN (SELECT …) …)), now a window flag.
        var found = new List<string>();
        foreach ((string name, SqlStatement statement) in GoldenSqlCases.AllStatements(SqlDialect.TSql))
        {
            var visitor = new AggregateVisitor();
            Parse(new TSql160Parser(true), statement.Text, out _).Accept(visitor);
            found.AddRange(visitor.Offending.Select(o => name + ": " + o));
        }

        Assert.True(found.Count == 0, string.Join("\n", found));
    }

    [Fact]
    public void TheAggregateSearch_FindsASubqueryInsideASum()
    {
        // The check itself, on the form the line report used to have.
        var visitor = new AggregateVisitor();
        Parse(new TSql160Parser(true), "SELECT SUM(CASE WHEN l.x = 1 OR l.id IN (SELECT p.id FROM p) THEN l.a END) AS t FROM l", out _).Accept(visitor);
        Assert.Single(visitor.Offending);
    }

    [Fact]
    public void AStatementWithAnError_IsReported_WithLineAndColumn()
    {
        // The check itself: a broken statement gives an error with its position.
        List<string> errors = Errors("TSql160", "broken", "WITH a AS (SELECT 1 AS x)\nSELECT a.x FROM a WHERE (a.x = 1");
        string error = Assert.Single(errors);
        Assert.Contains("line 2", error, StringComparison.Ordinal);
    }

    private static List<string> Errors(string parserName, string name, string text)
    {
        TSqlParser parser = parserName switch
        {
            "TSql160" => new TSql160Parser(initialQuotedIdentifiers: true),
            "TSql130" => new TSql130Parser(initialQuotedIdentifiers: true),
            _ => throw new ArgumentOutOfRangeException(nameof(parserName), parserName, "TSql160 or TSql130."),
        };
        Parse(parser, text, out IList<ParseError> errors);
        return errors
            .Select(e => $"{parserName}, {name}: line {e.Line}, column {e.Column}: {e.Message} (error {e.Number})\n  {LineOf(text, e.Line)}")
            .ToList();
    }

    private static TSqlFragment Parse(TSqlParser parser, string text, out IList<ParseError> errors)
    {
        using var reader = new StringReader(text);
        return parser.Parse(reader, out errors);
    }

    private static TSqlStatement SingleStatement(TSqlFragment fragment, string name)
    {
        TSqlScript script = Assert.IsType<TSqlScript>(fragment);
        TSqlBatch batch = Assert.Single(script.Batches);
        Assert.True(batch.Statements.Count == 1, name + ": " + batch.Statements.Count + " statements");
        return batch.Statements[0];
    }

    /// <summary>Finds aggregate calls (SUM, COUNT, COUNT_BIG, MIN, MAX, AVG) whose arguments hold a subquery or another aggregate.</summary>
    private sealed class AggregateVisitor : TSqlFragmentVisitor
    {
        private static readonly HashSet<string> Aggregates = new(StringComparer.OrdinalIgnoreCase) { "SUM", "COUNT", "COUNT_BIG", "MIN", "MAX", "AVG" };

        public List<string> Offending { get; } = [];

        public override void ExplicitVisit(FunctionCall node)
        {
            if (Aggregates.Contains(node.FunctionName.Value))
            {
                var inner = new InnerVisitor();
                foreach (ScalarExpression parameter in node.Parameters)
                {
                    parameter.Accept(inner);
                }

                if (inner.Subqueries > 0 || inner.Aggregates > 0)
                {
                    Offending.Add($"{node.FunctionName.Value} at line {node.StartLine}, column {node.StartColumn} holds {inner.Subqueries} subqueries and {inner.Aggregates} aggregates");
                }
            }

            base.ExplicitVisit(node);
        }

        private sealed class InnerVisitor : TSqlFragmentVisitor
        {
            public int Subqueries { get; private set; }

            public int Aggregates { get; private set; }

            public override void Visit(ScalarSubquery node) => Subqueries++;

            public override void Visit(FunctionCall node)
            {
                if (AggregateVisitor.Aggregates.Contains(node.FunctionName.Value))
                {
                    Aggregates++;
                }
            }
        }
    }

    private static string LineOf(string text, int line)
    {
        string[] lines = text.Split('\n');
        return line >= 1 && line <= lines.Length ? lines[line - 1] : string.Empty;
    }
}
