using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using CustomerValuation.Cli.Postgres;
using CustomerValuation.Rfm;
using CustomerValuation.Tests.Cli;
using CustomerValuation.Warehouse;
using Xunit;

namespace CustomerValuation.Tests.Warehouse;

/// <summary>
/// The CLI's PostgreSQL client without a server: the SCRAM-SHA-256 and MD5 answers, connection
/// strings (keywords and URIs), the <c>@name</c> → <c>$n</c> conversion, and the errors of
/// <c>sql … --run</c> that need no server (bad strings, a closed port, a silent server).
/// </summary>
public sealed class PostgresProtocolTests : CliTestFolder
{
    private const string Secret = "S3cretPw";

    public PostgresProtocolTests()
        : base("cv-pgproto-")
    {
    }

    /// <summary>
    /// RFC 7677, section 3 ("SCRAM-SHA-256 Authentication Exchange"): user "user", password
    /// "pencil", client nonce "rOprNGfwEbeRWgbNEkqO"; the client-final message and the server
    /// signature are the RFC's (checked once more with python3's hashlib.pbkdf2_hmac and hmac).
    /// </summary>
    [Fact]
    public void Scram_Rfc7677Example_GivesTheRfcsProofAndAcceptsItsServerSignature()
    {
        var scram = new ScramSha256("user", "pencil", "rOprNGfwEbeRWgbNEkqO");
        Assert.Equal("n,,n=user,r=rOprNGfwEbeRWgbNEkqO", scram.ClientFirstMessage);
        string final = scram.ClientFinalMessage("r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096");
        Assert.Equal("c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=", final);
        scram.VerifyServerFinalMessage("v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=");
    }

    [Fact]
    public void Scram_WrongServerSignatureOrNonce_Throws()
    {
        var scram = new ScramSha256("user", "pencil", "rOprNGfwEbeRWgbNEkqO");
        scram.ClientFinalMessage("r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096");
        var e = Assert.Throws<AuthenticationFailedException>(() => scram.VerifyServerFinalMessage("v=AAAATRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4="));
        Assert.Contains("signature is wrong", e.Message, StringComparison.Ordinal);
        Assert.Throws<AuthenticationFailedException>(() => scram.VerifyServerFinalMessage("e=invalid-proof"));

        var other = new ScramSha256("user", "pencil", "rOprNGfwEbeRWgbNEkqO");
        Assert.Throws<AuthenticationFailedException>(() => other.ClientFinalMessage("r=someoneElsesNonce,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096"));
        Assert.Throws<AuthenticationFailedException>(() => other.ClientFinalMessage("r=rOprNGfwEbeRWgbNEkqO,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096"));
    }

    /// <summary>
    /// Expected value computed once with python3:
    /// <c>inner = hashlib.md5(b'secret' + b'cv').hexdigest();
    /// 'md5' + hashlib.md5(inner.encode() + bytes([1, 2, 3, 4])).hexdigest()</c>.
    /// </summary>
    [Fact]
    public void Md5_Answer_IsMd5OfMd5OfPasswordAndUserAndSalt()
    {
        Assert.Equal("md55ec50baa3b13cedf6deb4a25c7c2e4a6", PostgresMd5.Answer("cv", "secret", [1, 2, 3, 4]));
    }

    [Fact]
    public void Parse_Keywords_CaseInsensitiveWithSynonymsAndQuotes()
    {
        PostgresConnectionSettings s = PostgresConnectionSettings.Parse(
            " host = db.example.com ; PORT=6543;user id=me;Password=\"a;b\"\"c\";DATABASE='sales ''24';sslmode=Require;timeout=3");
        Assert.Equal("db.example.com", s.Host);
        Assert.Equal(6543, s.Port);
        Assert.Equal("me", s.Username);
        Assert.Equal("a;b\"c", s.Password);
        Assert.Equal("sales '24", s.Database);
        Assert.Equal(PostgresSslMode.Require, s.SslMode);
        Assert.Equal(3, s.TimeoutSeconds);
        Assert.Equal("db.example.com:6543", s.Endpoint);
        Assert.DoesNotContain("a;b", s.ToString(), StringComparison.Ordinal);

        PostgresConnectionSettings d = PostgresConnectionSettings.Parse("Host=127.0.0.1;Username=cv;SSL Mode=verify-full");
        Assert.Equal(5432, d.Port);
        Assert.Null(d.Password);
        Assert.Equal("cv", d.Database);
        Assert.Equal(PostgresSslMode.VerifyFull, d.SslMode);
        Assert.Equal(15, d.TimeoutSeconds);
        Assert.Equal(PostgresSslMode.Prefer, PostgresConnectionSettings.Parse("Host=h;Username=u").SslMode);
    }

    [Fact]
    public void Parse_Uri_PercentDecodedWithQueryParameters()
    {
        PostgresConnectionSettings s = PostgresConnectionSettings.Parse("postgresql://us%40er:p%3Bss%2Fw@db.example.com:6543/sales%20db?sslmode=verify-full&connect_timeout=5");
        Assert.Equal("us@er", s.Username);
        Assert.Equal("p;ss/w", s.Password);
        Assert.Equal("db.example.com", s.Host);
        Assert.Equal(6543, s.Port);
        Assert.Equal("sales db", s.Database);
        Assert.Equal(PostgresSslMode.VerifyFull, s.SslMode);
        Assert.Equal(5, s.TimeoutSeconds);

        PostgresConnectionSettings v6 = PostgresConnectionSettings.Parse("postgres://me@[::1]/cv");
        Assert.Equal("::1", v6.Host);
        Assert.Equal(5432, v6.Port);
        Assert.Equal("[::1]:5432", v6.Endpoint);
        Assert.Null(v6.Password);
    }

    [Theory]
    [InlineData("Host=h;Pooling=true;Username=u;Password=" + Secret, "Pooling")]
    [InlineData("Host=h;Port=99999;Password=" + Secret, "Port")]
    [InlineData("Host=h;Port=abc;Password=" + Secret, "Port")]
    [InlineData("Host=h;SSL Mode=sometimes;Password=" + Secret, "SSL Mode")]
    [InlineData("Host=h;Timeout=-1;Password=" + Secret, "Timeout")]
    [InlineData("Host=h;Password='" + Secret, "Password")]
    [InlineData("Host=a,b;Password=" + Secret, "Host")]
    [InlineData("Username=u;Password=" + Secret, "Host")]
    [InlineData("Host=h;Host=i;Password=" + Secret, "Host")]
    [InlineData("postgresql://u:" + Secret + "@h/db?pool=1", "pool")]
    [InlineData("postgresql://u:" + Secret + "@h:0/db", "port")]
    [InlineData("postgresql://u:" + Secret + "@h1,h2/db", "several hosts")]
    [InlineData("postgresql://u:S3cret%G1@h/db", "password")]
    public void Parse_Malformed_NamesTheKeyButNeverThePassword(string text, string named)
    {
        var e = Assert.Throws<FormatException>(() => PostgresConnectionSettings.Parse(text));
        Assert.Contains(named, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("S3cret", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Pw", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnquotedPasswordWithSemicolon_DoesNotEchoItsTail()
    {
        // "Pw" after the ';' would be an unknown key, or a fragment without '=': neither is echoed.
        var e = Assert.Throws<FormatException>(() => PostgresConnectionSettings.Parse("Host=h;Password=S3cret;Pw"));
        Assert.DoesNotContain("Pw", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<FormatException>(() => PostgresConnectionSettings.Parse("Host=h;Password=S3cret;Pw=x"));
        Assert.DoesNotContain("Pw", e.Message, StringComparison.Ordinal);
        Assert.Contains("after Password", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_EnvironmentVariableAndPgPassword()
    {
        var environment = new Dictionary<string, string>
        {
            ["CV_DB"] = "Host=db;Username=me;Database=sales",
            ["CV_DB_WITH"] = "Host=db;Username=me;Password=own",
            ["PGPASSWORD"] = "from-pgpassword",
        };
        string? Get(string name) => environment.GetValueOrDefault(name);

        PostgresConnectionSettings s = PostgresConnectionSettings.Resolve("env:CV_DB", Get);
        Assert.Equal("db", s.Host);
        Assert.Equal("sales", s.Database);
        Assert.Equal("from-pgpassword", s.Password);
        Assert.Equal("own", PostgresConnectionSettings.Resolve("env:CV_DB_WITH", Get).Password);
        Assert.Equal("from-pgpassword", PostgresConnectionSettings.Resolve("Host=x;Username=y", Get).Password);
        var e = Assert.Throws<FormatException>(() => PostgresConnectionSettings.Resolve("env:CV_MISSING", Get));
        Assert.Contains("CV_MISSING", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Positional_NameThatIsAPrefixOfAnother_IsReplacedOnlyWhereItEnds()
    {
        var statement = new SqlStatement(
            SqlDialect.PostgreSql,
            "SELECT @ab, @a, @a_b, @ab+@a, '@a' || @abc",
            null,
            [new SqlParameter("a", 1), new SqlParameter("ab", "x'y"), new SqlParameter("a_b", new DateTime(2011, 12, 10)), new SqlParameter("abc", 0.1)]);
        (string text, PostgresParameter[] parameters) = PostgresStatement.Positional(statement);
        // '@a' inside the literal is replaced too, exactly as ToViewDefinition would; the generator writes no such literal.
        Assert.Equal("SELECT $2, $1, $3, $2+$1, '$1' || $4", text);
        Assert.Equal(new PostgresParameter(PostgresTypes.Int4, "1"), parameters[0]);
        Assert.Equal(new PostgresParameter(PostgresTypes.Text, "x'y"), parameters[1]);
        Assert.Equal(new PostgresParameter(PostgresTypes.Date, "2011-12-10"), parameters[2]);
        Assert.Equal(new PostgresParameter(PostgresTypes.Float8, "0.1"), parameters[3]);
    }

    [Fact]
    public void Positional_GeneratedScores_LeavesNoMarkerAndUsesEveryPosition()
    {
        var options = new RfmTransactionOptions(new DateTime(2011, 12, 10), cancelledOrderPrefix: "C'");
        RfmSqlSource source = RfmSqlSource.WithQuantityAndPrice("sales.transactions", "customer_id", "invoice_date", "quantity", "unit_price", "invoice_no");
        SqlStatement scores = RfmSql.Scores(source, options, RfmScoringOptions.Default, RfmSegmentTable.Standard, SqlDialect.PostgreSql);
        (string text, PostgresParameter[] parameters) = PostgresStatement.Positional(scores);
        Assert.DoesNotContain("@", text, StringComparison.Ordinal);
        Assert.DoesNotContain("C'", text, StringComparison.Ordinal);
        Assert.Equal(scores.Parameters.Count, parameters.Length);
        for (int i = 1; i <= parameters.Length; i++)
        {
            Assert.Matches(@"\$" + i + @"\b", text);
        }

        Assert.Contains(new PostgresParameter(PostgresTypes.Text, "C'"), parameters);
        Assert.Throws<ArgumentException>(() => PostgresStatement.Positional(RfmSql.Scores(source, options, RfmScoringOptions.Default, RfmSegmentTable.Standard, SqlDialect.TSql)));
    }

    private static readonly string[] Abc = ["sql", "abc", "--dialect", "postgres", "--table", "t", "--id-column", "customer_id", "--value-column", "amount"];

    private static readonly string[] AbcWithoutDialect = ["sql", "abc", "--table", "t", "--id-column", "customer_id", "--value-column", "amount"];

    [Theory]
    [InlineData("spark", "Host=h;Password=" + Secret, "only PostgreSQL can be run")]
    [InlineData("tsql", "Host=h;Password=" + Secret, "only PostgreSQL can be run")]
    [InlineData("postgres", "Host=h;Pooling=true;Password=" + Secret, "--run: 'Pooling' is not a key")]
    [InlineData("postgres", "postgresql://u:" + Secret + "@h:http/db", "--run: port")]
    [InlineData("postgres", "env:CV_SURELY_NOT_SET_4711", "--run: the environment variable CV_SURELY_NOT_SET_4711 is not set")]
    public void Run_BadDialectOrConnectionString_ExitsTwoWithoutThePassword(string dialect, string connection, string expected)
    {
        (int code, string stdout, string stderr) = Run([.. AbcWithoutDialect, "--dialect", dialect, "--run", connection]);
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains(expected, stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("S3cret", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void FormatJsonLines_WithoutRun_ExitsTwo()
    {
        (int code, _, string stderr) = Run([.. Abc, "--format", "jsonl"]);
        Assert.Equal(2, code);
        Assert.Contains("--format: jsonl applies to the rows of --run", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_ClosedPort_ExitsFourNamingHostAndPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        string output = System.IO.Path.Combine(Folder, "rows.csv");
        (int code, _, string stderr) = Run([.. Abc, "--run", $"Host=127.0.0.1;Port={port};Username=cv;Password={Secret};Database=cv", "--output", output]);
        Assert.Equal(4, code);
        Assert.Contains($"127.0.0.1:{port}", stderr, StringComparison.Ordinal);
        Assert.Contains("connection refused", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("S3cret", stderr, StringComparison.Ordinal);
        Assert.Empty(System.IO.Directory.GetFiles(Folder));
    }

    [Theory]
    [InlineData("disable")]
    [InlineData("prefer")]
    public void Run_ServerThatNeverAnswers_TimesOutAfterTimeoutSeconds(string sslMode)
    {
        // A listener that accepts the TCP connection (the kernel does) and never says a word.
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            int port = ((IPEndPoint)listener.LocalEndpoint).Port;
            var clock = Stopwatch.StartNew();
            (int code, _, string stderr) = Run([.. Abc, "--run", $"Host=127.0.0.1;Port={port};Username=cv;Password={Secret};Timeout=1;SSL Mode={sslMode}"]);
            Assert.Equal(4, code);
            Assert.Contains($"127.0.0.1:{port}", stderr, StringComparison.Ordinal);
            Assert.Contains("within 1 s", stderr, StringComparison.Ordinal);
            Assert.InRange(clock.Elapsed.TotalSeconds, 0.5, 10);
        }
        finally
        {
            listener.Stop();
        }
    }
}
