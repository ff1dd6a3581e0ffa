using System;
using System.Globalization;
using System.Text.RegularExpressions;
using CustomerValuation.Warehouse;

namespace CustomerValuation.Cli.Postgres;

/// <summary>A generated PostgreSQL statement turned into what the extended query protocol sends: <c>$n</c> markers and typed text values.</summary>
internal static class PostgresStatement
{
    /// <summary>
    /// The statement's text with each <c>@name</c> replaced by <c>$n</c> (n = the parameter's
    /// position in <see cref="SqlStatement.Parameters"/>, from 1), matched as
    /// <see cref="SqlStatement.ToViewDefinition"/> matches markers: the marker, the name, then a word
    /// boundary, so <c>@a</c> does not match the start of <c>@ab</c>; and the values bound to them.
    /// </summary>
    /// <param name="statement">A statement in <see cref="SqlDialect.PostgreSql"/>.</param>
    /// <returns>The text and the parameters in <c>$n</c> order.</returns>
    /// <exception cref="ArgumentException">The statement is not in the PostgreSQL dialect, or a value has a type the generator does not make.</exception>
    public static (string Text, PostgresParameter[] Parameters) Positional(SqlStatement statement)
    {
        ArgumentNullException.ThrowIfNull(statement);
        if (statement.Dialect != SqlDialect.PostgreSql)
        {
            throw new ArgumentException($"Only PostgreSQL statements can be run; this one is {statement.Dialect}.", nameof(statement));
        }

        string text = statement.Text;
        var parameters = new PostgresParameter[statement.Parameters.Count];
        for (int i = 0; i < parameters.Length; i++)
        {
            SqlParameter p = statement.Parameters[i];
            string position = "$" + (i + 1).ToString(CultureInfo.InvariantCulture);
            text = Regex.Replace(text, Regex.Escape("@" + p.Name) + @"\b", _ => position, RegexOptions.CultureInvariant);
            parameters[i] = Bind(p.Value);
        }

        return (text, parameters);
    }

    /// <summary>
    /// A value as a typed text parameter: a <see cref="DateTime"/> as <c>date</c> (OID 1082,
    /// <c>yyyy-MM-dd</c>), an <see cref="int"/> as <c>int4</c> (23), a <see cref="double"/> as
    /// <c>float8</c> (701, round-trip digits in the invariant culture), a <see cref="string"/> as
    /// <c>text</c> (25).
    /// </summary>
    /// <param name="value">The value.</param>
    /// <returns>The parameter.</returns>
    /// <exception cref="ArgumentException">Another type.</exception>
    public static PostgresParameter Bind(object value) => value switch
    {
        DateTime d => new PostgresParameter(PostgresTypes.Date, d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        int n => new PostgresParameter(PostgresTypes.Int4, n.ToString(CultureInfo.InvariantCulture)),
        double x => new PostgresParameter(PostgresTypes.Float8, x.ToString("R", CultureInfo.InvariantCulture)),
        string s => new PostgresParameter(PostgresTypes.Text, s),
        _ => throw new ArgumentException("Unsupported parameter type " + (value?.GetType().Name ?? "null") + ".", nameof(value)),
    };
}
