using System;
using System.Linq;
using CustomerValuation.Abc;
using CustomerValuation.Rfm;
using CustomerValuation.Warehouse;
using Xunit;

namespace CustomerValuation.Tests.Warehouse;

/// <summary>
/// The generated SQL as text, in every dialect: identifiers quoted per dialect and checked against
/// the grammar, values only as parameters (or, in a view, as literals escaped per dialect). What
/// the SQL computes is checked on a real PostgreSQL by RfmSqlPostgresTests.
/// </summary>
public sealed class RfmSqlTextTests
{
    private static readonly SqlDialect[] Dialects = [SqlDialect.PostgreSql, SqlDialect.SparkSql, SqlDialect.TSql];

    private static RfmTransactionOptions Options(string? prefix = "C") => new(new DateTime(2011, 12, 10), cancelledOrderPrefix: prefix);

    [Theory]
    [InlineData("a b")]
    [InlineData("x;DROP TABLE y")]
    [InlineData("\"q\"")]
    [InlineData("")]
    [InlineData("1abc")]
    [InlineData("ü")]
    [InlineData("a]b")]
    public void BadColumnNames_AreRejected_NamingTheArgument(string column)
    {
        foreach (SqlDialect d in Dialects)
        {
            RfmSqlSource source = RfmSqlSource.WithAmount("tx", column, "day", "amount", "order_no");
            ArgumentException e = Assert.ThrowsAny<ArgumentException>(() => RfmSql.Features(source, Options(), d));
            Assert.Equal("CustomerColumn", e.ParamName);
            Assert.Contains("is not an identifier the generator accepts", e.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("a.b.c.d")]
    [InlineData("sales.")]
    [InlineData("sales;x")]
    public void BadTableNames_AreRejected(string table)
    {
        RfmSqlSource source = RfmSqlSource.WithAmount(table, "c", "day", "amount", "order_no");
        ArgumentException e = Assert.ThrowsAny<ArgumentException>(() => RfmSql.Features(source, Options(), SqlDialect.PostgreSql));
        Assert.Equal("Table", e.ParamName);
    }

    [Fact]
    public void IdentifiersAndParameters_FollowTheDialect()
    {
        RfmSqlSource source = RfmSqlSource.WithAmount("sales.tx", "customer_id", "booked_at", "amount", "order_no");
        string pg = RfmSql.Features(source, Options(), SqlDialect.PostgreSql).Text;
        string spark = RfmSql.Features(source, Options(), SqlDialect.SparkSql).Text;
        string tsql = RfmSql.Features(source, Options(), SqlDialect.TSql).Text;

        Assert.Contains("FROM \"sales\".\"tx\" t", pg, StringComparison.Ordinal);
        Assert.Contains("@as_of", pg, StringComparison.Ordinal);
        Assert.Contains("COLLATE \"C\"", pg, StringComparison.Ordinal);
        Assert.Contains("FROM `sales`.`tx` t", spark, StringComparison.Ordinal);
        Assert.Contains(":as_of", spark, StringComparison.Ordinal);
        Assert.Contains("datediff(", spark, StringComparison.Ordinal);
        Assert.Contains("FROM [sales].[tx] t", tsql, StringComparison.Ordinal);
        Assert.Contains("DATEDIFF(day, ", tsql, StringComparison.Ordinal);
        Assert.Contains("COLLATE Latin1_General_100_BIN2", tsql, StringComparison.Ordinal);
    }

    [Fact]
    public void Values_AreParameters_NeverText()
    {
        const string Prefix = "C'; DROP TABLE tx; --";
        RfmSqlSource source = RfmSqlSource.WithAmount("tx", "c", "day", "amount", "order_no");
        foreach (SqlDialect d in Dialects)
        {
            SqlStatement s = RfmSql.Features(source, Options(Prefix), d);
            Assert.DoesNotContain("DROP", s.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("2011", s.Text, StringComparison.Ordinal);
            Assert.Equal(["as_of", "cancelled_prefix", "cancelled_prefix_length"], s.Parameters.Select(p => p.Name));
            Assert.Equal(new DateTime(2011, 12, 10), s.Parameters[0].Value);
            Assert.Equal(Prefix, s.Parameters[1].Value);
            Assert.Equal(Prefix.Length, s.Parameters[2].Value);
        }
    }

    [Theory]
    [InlineData(SqlDialect.PostgreSql, "'O''Brien\\x'", "DATE '2011-12-10'")]
    [InlineData(SqlDialect.SparkSql, "'O\\'Brien\\\\x'", "DATE '2011-12-10'")]
    [InlineData(SqlDialect.TSql, "N'O''Brien\\x'", "CAST('2011-12-10' AS date)")]
    public void ViewDefinition_WritesEscapedLiterals(SqlDialect dialect, string prefixLiteral, string dateLiteral)
    {
        // Hand-written escapes: SQL doubles a quote; Spark SQL escapes quote and backslash with a backslash.
        RfmSqlSource source = RfmSqlSource.WithAmount("tx", "c", "day", "amount", "order_no");
        string view = RfmSql.Features(source, Options("O'Brien\\x"), dialect).ToViewDefinition("analytics.rfm_features");
        Assert.StartsWith("CREATE VIEW ", view, StringComparison.Ordinal);
        Assert.Contains(prefixLiteral, view, StringComparison.Ordinal);
        Assert.Contains(dateLiteral, view, StringComparison.Ordinal);
        Assert.Contains(", 9)", view, StringComparison.Ordinal); // the prefix's length, 9 characters
        Assert.DoesNotContain(dialect == SqlDialect.SparkSql ? ":as_of" : "@as_of", view, StringComparison.Ordinal);
        Assert.DoesNotContain("cancelled_prefix", view, StringComparison.Ordinal);
    }

    [Fact]
    public void PoliciesThatNeedAnOrderColumn_WithoutOne_AreRejected()
    {
        RfmSqlSource noOrders = RfmSqlSource.WithAmount("tx", "c", "day", "amount");
        Assert.ThrowsAny<ArgumentException>(() => RfmSql.Features(noOrders, new RfmTransactionOptions(new DateTime(2011, 12, 10)), SqlDialect.PostgreSql));
        Assert.ThrowsAny<ArgumentException>(() => RfmSql.Features(noOrders, new RfmTransactionOptions(new DateTime(2011, 12, 10), RfmFrequencyBasis.DistinctDays, cancelledOrderPrefix: "C"), SqlDialect.PostgreSql));
        SqlStatement days = RfmSql.Features(noOrders, new RfmTransactionOptions(new DateTime(2011, 12, 10), RfmFrequencyBasis.DistinctDays), SqlDialect.PostgreSql);
        Assert.Contains("COUNT(DISTINCT l.day)", days.Text, StringComparison.Ordinal); // without netting, only purchase lines reach the aggregates
        Assert.Throws<ArgumentNullException>(() => RfmSql.Features(null!, Options(), SqlDialect.PostgreSql));
        Assert.Throws<ArgumentNullException>(() => RfmSql.Features(noOrders, null!, SqlDialect.PostgreSql));
        Assert.ThrowsAny<ArgumentException>(() => RfmSql.Features(noOrders, new RfmTransactionOptions(new DateTime(2011, 12, 10), RfmFrequencyBasis.DistinctDays), (SqlDialect)7));
    }
}

/// <summary>The ABC SQL as text: names checked and quoted per dialect, breakpoints, labels and the tolerance as parameters.</summary>
public sealed class AbcSqlTextTests
{
    [Fact]
    public void Classes_QuotesNames_AndBindsEveryValue()
    {
        var options = new AbcOptions([0.7, 0.9], AbcBasis.ValueShare, AbcBoundaryRule.JoinUpperClass, ["Gold", "Silver", "Bronze"], "None");
        foreach (SqlDialect d in new[] { SqlDialect.PostgreSql, SqlDialect.SparkSql, SqlDialect.TSql })
        {
            SqlStatement s = AbcSql.Classes("sales.customers", "customer_id", "annual_sales", options, d);
            Assert.DoesNotContain("Gold", s.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("0.7", s.Text, StringComparison.Ordinal);
            Assert.Equal(["tolerance", "breakpoint_1", "breakpoint_2", "label_0", "label_1", "label_2", "label_non_positive"], s.Parameters.Select(p => p.Name));
            Assert.Equal(0.7, s.Parameters[1].Value);
            Assert.Equal("None", s.Parameters[6].Value);
            Assert.Contains(d switch { SqlDialect.SparkSql => "`sales`.`customers`", SqlDialect.TSql => "[sales].[customers]", _ => "\"sales\".\"customers\"" }, s.Text, StringComparison.Ordinal);
        }

        ArgumentException e = Assert.ThrowsAny<ArgumentException>(() => AbcSql.Classes("t", "id; --", "v", options, SqlDialect.PostgreSql));
        Assert.Equal("idColumn", e.ParamName);
        Assert.ThrowsAny<ArgumentException>(() => AbcSql.Classes("t", "id", "v", options, (SqlDialect)9));
    }
}

/// <summary>The contribution SQL as text: names checked and quoted per dialect; no parameters.</summary>
public sealed class ContributionSqlTextTests
{
    [Fact]
    public void Rows_QuotesNames_AndRejectsBadOnes()
    {
        foreach (SqlDialect d in new[] { SqlDialect.PostgreSql, SqlDialect.SparkSql, SqlDialect.TSql })
        {
            SqlStatement s = ContributionSql.Rows("erp.sales_mix", "customer", "product", "sales", "cost", "inventory", d);
            Assert.Empty(s.Parameters);
            Assert.Contains(d switch { SqlDialect.SparkSql => "`erp`.`sales_mix`", SqlDialect.TSql => "[erp].[sales_mix]", _ => "\"erp\".\"sales_mix\"" }, s.Text, StringComparison.Ordinal);
            Assert.Contains(d switch { SqlDialect.SparkSql => "AS DOUBLE)", SqlDialect.TSql => "AS float)", _ => "AS double precision)" }, s.Text, StringComparison.Ordinal);
        }

        ArgumentException e = Assert.ThrowsAny<ArgumentException>(() => ContributionSql.Rows("t", "g", "i", "sales 2", "c", "v", SqlDialect.PostgreSql));
        Assert.Equal("salesColumn", e.ParamName);
    }
}
