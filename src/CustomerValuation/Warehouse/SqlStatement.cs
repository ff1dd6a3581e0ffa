using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CustomerValuation.Internal;

namespace CustomerValuation.Warehouse;

/// <summary>
/// One generated SQL statement (a single <c>SELECT</c>, without a terminating semicolon) with the
/// parameters it refers to. Run it through the engine's driver with the parameters bound, or turn
/// it into a view definition.
/// </summary>
public sealed class SqlStatement
{
    private readonly string _body;

    /// <summary>A statement: <paramref name="body"/> is the query without its row order, <paramref name="orderBy"/> the ORDER BY list (or null).</summary>
    internal SqlStatement(SqlDialect dialect, string body, string? orderBy, IReadOnlyList<SqlParameter> parameters)
    {
        Dialect = dialect;
        _body = body;
        Text = orderBy is null ? body : body + "\nORDER BY " + orderBy;
        Parameters = parameters;
    }

    /// <summary>The dialect the statement is written in.</summary>
    public SqlDialect Dialect { get; }

    /// <summary>The statement's text; parameters appear as <c>@name</c> (PostgreSQL, T-SQL) or <c>:name</c> (Spark SQL).</summary>
    public string Text { get; }

    /// <summary>The parameters, in the order of first use.</summary>
    public IReadOnlyList<SqlParameter> Parameters { get; }

    /// <summary>
    /// A <c>CREATE VIEW</c> statement for the same query, without the statement's final
    /// <c>ORDER BY</c>: a view is a set of rows (T-SQL refuses <c>ORDER BY</c> in a view, and a table
    /// made from a view has no order), so order when selecting from it. A view cannot take parameters, so their
    /// values become typed literals written by the generator from the typed values (a date as
    /// <c>DATE '2011-12-10'</c>, a whole number in digits, text in single quotes with quotes
    /// doubled); nothing of the caller's text reaches the SQL except through that escaping and the
    /// identifier grammar.
    /// </summary>
    /// <param name="viewName">The view's name: one to three identifiers separated by dots, each a letter or underscore followed by letters, digits or underscores.</param>
    /// <returns>The statement creating the view.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="viewName"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="viewName"/> breaks the identifier grammar.</exception>
    public string ToViewDefinition(string viewName)
    {
        Guard.NotNull(viewName, nameof(viewName));
        string name = SqlText.QualifiedName(Dialect, viewName, nameof(viewName));
        string marker = Dialect == SqlDialect.SparkSql ? ":" : "@";
        string body = _body;
        foreach (SqlParameter p in Parameters)
        {
            body = Regex.Replace(body, Regex.Escape(marker + p.Name) + @"\b", SqlText.Literal(Dialect, p.Value).Replace("$", "$$"));
        }

        var sb = new StringBuilder();
        sb.Append("CREATE VIEW ").Append(name).Append(" AS\n").Append(body);
        return sb.ToString();
    }

    /// <summary>The statement's text.</summary>
    /// <returns><see cref="Text"/>.</returns>
    public override string ToString() => Text;
}

/// <summary>Identifiers, literals and the few constructs that differ between dialects.</summary>
internal static class SqlText
{
    private static readonly Regex s_identifier = new("^[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.CultureInvariant);

    /// <summary>An identifier quoted for the dialect, after checking it against the grammar.</summary>
    public static string Identifier(SqlDialect dialect, string name, string argumentName)
    {
        if (name is null || !s_identifier.IsMatch(name) || name.Length > 128)
        {
            throw new ArgumentException(
                $"'{name}' is not an identifier the generator accepts: a letter or underscore followed by letters, digits or underscores, at most 128 characters.",
                argumentName);
        }

        return dialect switch
        {
            SqlDialect.SparkSql => "`" + name + "`",
            SqlDialect.TSql => "[" + name + "]",
            _ => "\"" + name + "\"",
        };
    }

    /// <summary>A table or view name: one to three identifiers separated by dots.</summary>
    public static string QualifiedName(SqlDialect dialect, string name, string argumentName)
    {
        string[] parts = name.Split('.');
        if (parts.Length > 3)
        {
            throw new ArgumentException($"'{name}' has more than three parts; give table, schema.table or catalog.schema.table.", argumentName);
        }

        return string.Join(".", Array.ConvertAll(parts, p => Identifier(dialect, p, argumentName)));
    }

    public static string Parameter(SqlDialect dialect, string name) => (dialect == SqlDialect.SparkSql ? ":" : "@") + name;

    /// <summary>A literal for a view definition, written from a typed value.</summary>
    public static string Literal(SqlDialect dialect, object value) => value switch
    {
        DateTime d => dialect == SqlDialect.TSql
            ? "CAST('" + d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "' AS date)"
            : "DATE '" + d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "'",
        int i => i.ToString(CultureInfo.InvariantCulture),
        double x => x.ToString("R", CultureInfo.InvariantCulture),
        // Spark SQL reads backslash escapes in literals and joins adjacent literals ('a''b' is 'ab'),
        // so it gets backslashes; the others double the quote.
        string s => dialect switch
        {
            SqlDialect.SparkSql => "'" + s.Replace("\\", "\\\\").Replace("'", "\\'") + "'",
            SqlDialect.TSql => "N'" + s.Replace("'", "''") + "'",
            _ => "'" + s.Replace("'", "''") + "'",
        },
        _ => throw new ArgumentException("Unsupported parameter type " + value.GetType().Name + ".", nameof(value)),
    };

    /// <summary>Whole days from <paramref name="from"/> to <paramref name="to"/> (both dates).</summary>
    public static string DayDifference(SqlDialect dialect, string from, string to) => dialect switch
    {
        SqlDialect.SparkSql => "datediff(" + to + ", " + from + ")",
        SqlDialect.TSql => "DATEDIFF(day, " + from + ", " + to + ")",
        _ => "(" + to + " - " + from + ")",
    };

    /// <summary>Whether a text starts with a prefix given as a parameter and its length, comparing characters exactly (not by a case-insensitive collation).</summary>
    public static string StartsWith(SqlDialect dialect, string text, string prefixParameter, string lengthParameter) => dialect switch
    {
        SqlDialect.TSql => "LEFT(" + text + ", " + lengthParameter + ") COLLATE Latin1_General_100_BIN2 = " + prefixParameter,
        _ => "substring(" + text + ", 1, " + lengthParameter + ") = " + prefixParameter,
    };

    /// <summary>
    /// A value cast to the dialect's text type. In T-SQL the text also gets a binary collation, so
    /// that grouping, DISTINCT and partitions tell 'a' from 'A' as the library does (a database's
    /// case-insensitive collation would merge them); the other engines compare text by bytes.
    /// </summary>
    public static string AsText(SqlDialect dialect, string expression) => dialect switch
    {
        SqlDialect.SparkSql => "CAST(" + expression + " AS STRING)",
        SqlDialect.TSql => "CAST(" + expression + " AS nvarchar(4000)) COLLATE Latin1_General_100_BIN2",
        _ => "CAST(" + expression + " AS text)",
    };

    /// <summary>A number cast to the dialect's double-precision type (IEEE 754 binary64).</summary>
    public static string AsDouble(SqlDialect dialect, string expression) => dialect switch
    {
        SqlDialect.SparkSql => "CAST(" + expression + " AS DOUBLE)",
        SqlDialect.TSql => "CAST(" + expression + " AS float)",
        _ => "CAST(" + expression + " AS double precision)",
    };

    /// <summary>
    /// <paramref name="numerator"/> ÷ <paramref name="denominator"/>. PostgreSQL divides as written
    /// (a numeric quotient keeps at least 16 significant digits). Spark SQL and T-SQL divide in
    /// double: their decimal division keeps as few as 6 decimal places once the operands' precision
    /// is large (sums of decimals are), so a share of 10⁻⁷ would become 0; the library divides in
    /// double as well.
    /// </summary>
    public static string Quotient(SqlDialect dialect, string numerator, string denominator) =>
        dialect == SqlDialect.PostgreSql
            ? numerator + " / " + denominator
            : AsDouble(dialect, numerator) + " / " + AsDouble(dialect, denominator);

    /// <summary>A timestamp or date cast to a date (the time of day dropped).</summary>
    public static string AsDate(SqlDialect dialect, string expression) => dialect switch
    {
        SqlDialect.SparkSql => "CAST(" + expression + " AS DATE)",
        _ => "CAST(" + expression + " AS date)",
    };
}
