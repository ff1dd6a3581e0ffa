using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Text;
using System.Threading;

namespace CustomerValuation.Cli.Postgres;

/// <summary>A parameter of <see cref="PostgresConnection.Query"/>: its type's OID (sent in Parse) and its value in text format (null for SQL NULL).</summary>
/// <param name="TypeOid">The type's OID, e.g. 1082 for <c>date</c>.</param>
/// <param name="Value">The value as PostgreSQL reads it in text format, or null.</param>
internal readonly record struct PostgresParameter(uint TypeOid, string? Value);

/// <summary>A result column from RowDescription: its name and type OID.</summary>
/// <param name="Name">The column's name.</param>
/// <param name="TypeOid">The type's OID.</param>
internal sealed record PostgresColumn(string Name, uint TypeOid)
{
    /// <summary>Whether the type is a number (int2, int4, int8, float4, float8, numeric, oid): a number in JSON lines.</summary>
    public bool IsNumber => TypeOid is PostgresTypes.Int2 or PostgresTypes.Int4 or PostgresTypes.Int8 or PostgresTypes.Float4 or PostgresTypes.Float8 or PostgresTypes.Numeric or PostgresTypes.Oid;
}

/// <summary>The OIDs of the built-in types the client binds or recognises (pg_type.dat).</summary>
internal static class PostgresTypes
{
    /// <summary><c>int8</c> (bigint).</summary>
    public const uint Int8 = 20;

    /// <summary><c>int2</c> (smallint).</summary>
    public const uint Int2 = 21;

    /// <summary><c>int4</c> (integer).</summary>
    public const uint Int4 = 23;

    /// <summary><c>text</c>.</summary>
    public const uint Text = 25;

    /// <summary><c>oid</c>.</summary>
    public const uint Oid = 26;

    /// <summary><c>float4</c> (real).</summary>
    public const uint Float4 = 700;

    /// <summary><c>float8</c> (double precision).</summary>
    public const uint Float8 = 701;

    /// <summary><c>date</c>.</summary>
    public const uint Date = 1082;

    /// <summary><c>numeric</c>.</summary>
    public const uint Numeric = 1700;
}

/// <summary>One DataRow of a result, valid until the next row is read: its fields in text format.</summary>
internal sealed class PostgresRow
{
    private byte[] _data = [];
    private int[] _offsets = [];
    private int[] _lengths = [];

    /// <summary>The number of fields.</summary>
    public int Count { get; private set; }

    /// <summary>Whether field <paramref name="index"/> is NULL.</summary>
    /// <param name="index">The field's position, from 0.</param>
    /// <returns>True for SQL NULL.</returns>
    public bool IsNull(int index) => _lengths[index] < 0;

    /// <summary>Field <paramref name="index"/> as text (UTF-8 decoded), or null for SQL NULL.</summary>
    /// <param name="index">The field's position, from 0.</param>
    /// <returns>The text, or null.</returns>
    public string? GetString(int index) => _lengths[index] < 0 ? null : Encoding.UTF8.GetString(_data, _offsets[index], _lengths[index]);

    /// <summary>Reads a DataRow body: Int16 count, then per field Int32 length (−1 for NULL) and the bytes.</summary>
    internal void Load(byte[] data, int length)
    {
        _data = data;
        int count = BinaryPrimitives.ReadInt16BigEndian(data);
        if (_offsets.Length < count)
        {
            _offsets = new int[count];
            _lengths = new int[count];
        }

        int at = 2;
        for (int i = 0; i < count; i++)
        {
            int size = BinaryPrimitives.ReadInt32BigEndian(data.AsSpan(at));
            at += 4;
            _offsets[i] = at;
            _lengths[i] = size;
            if (size > 0)
            {
                at += size;
            }

            if (at > length)
            {
                throw new PostgresConnectionException("a DataRow message is shorter than its fields (protocol error).");
            }
        }

        Count = count;
    }
}

/// <summary>What a query's results go to: the columns once, then each row as it arrives (nothing is buffered).</summary>
internal interface IPostgresRowHandler
{
    /// <summary>The result's columns, from RowDescription (empty for a statement without rows).</summary>
    /// <param name="columns">The columns in order.</param>
    void Columns(IReadOnlyList<PostgresColumn> columns);

    /// <summary>One row, valid only during the call.</summary>
    /// <param name="row">The row.</param>
    void Row(PostgresRow row);
}

/// <summary>
/// A minimal client of PostgreSQL's frontend/backend protocol 3.0 (the documentation's chapter
/// "Frontend/Backend Protocol": message flow and message formats): TCP with optional TLS
/// (SSLRequest), the startup message, trust, cleartext, MD5 and SCRAM-SHA-256 logins, the
/// extended query protocol with typed text parameters and text results streamed row by row, the
/// simple query protocol, and CancelRequest. Not thread-safe, except <see cref="Cancel"/>.
/// </summary>
internal sealed class PostgresConnection : IDisposable
{
    private const int ProtocolVersion3 = 196608;   // 3 << 16
    private const int SslRequestCode = 80877103;   // 1234 << 16 | 5679
    private const int CancelRequestCode = 80877102; // 1234 << 16 | 5678

    private readonly PostgresConnectionSettings _settings;
    private readonly Socket _socket;
    private readonly EndPoint _remote;
    private readonly byte[] _header = new byte[5];
    private readonly MemoryStream _out = new();
    private Stream _stream;
    private byte[] _buffer = new byte[8192];
    private int _processId;
    private int _secretKey;
    private bool _hasKey;
    private bool _started;
    private int _disposed;

    /// <summary>Wraps a connected socket; <see cref="Open"/> then negotiates TLS and logs in.</summary>
    private PostgresConnection(PostgresConnectionSettings settings, Socket socket)
    {
        _settings = settings;
        _socket = socket;
        _remote = socket.RemoteEndPoint!;
        _stream = new NetworkStream(socket, ownsSocket: false);
    }

    /// <summary>The server's version (its <c>server_version</c> parameter), or null before the login.</summary>
    public string? ServerVersion { get; private set; }

    /// <summary>Whether the connection is encrypted with TLS.</summary>
    public bool Encrypted { get; private set; }

    /// <summary>The command tag of the last completed statement, e.g. <c>SELECT 4338</c> or <c>CREATE VIEW</c>.</summary>
    public string? LastCommandTag { get; private set; }

    /// <summary>Called with each NoticeResponse's message (a warning, a notice), or null to drop them.</summary>
    public Action<string>? Notice { get; set; }

    /// <summary>Connects, negotiates TLS as the settings say and logs in.</summary>
    /// <param name="settings">Where and how.</param>
    /// <param name="cancellation">Ctrl-C: stops the connecting.</param>
    /// <returns>The open connection, ready for queries.</returns>
    /// <exception cref="PostgresConnectionException">The host is unknown, the port closed, TLS failed, the server broke the protocol, or the timeout passed.</exception>
    /// <exception cref="AuthenticationFailedException">The server asks for a login this client cannot do, or its SCRAM signature is wrong.</exception>
    /// <exception cref="PostgresServerException">The server refused the login (e.g. 28P01, a wrong password; 3D000, no such database).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> was cancelled.</exception>
    public static PostgresConnection Open(PostgresConnectionSettings settings, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(settings);
        int timeoutMs = settings.TimeoutSeconds * 1000;
        Socket socket = ConnectSocket(settings.Host, settings.Port, timeoutMs, settings.Endpoint, cancellation);
        var connection = new PostgresConnection(settings, socket);
        try
        {
            socket.ReceiveTimeout = timeoutMs;
            socket.SendTimeout = timeoutMs;
            using (cancellation.Register(() => socket.Dispose()))
            {
                connection.NegotiateTls();
                connection.Login();
            }

            socket.ReceiveTimeout = 0;
            socket.SendTimeout = 0;
            return connection;
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or SocketException)
        {
            connection.Dispose();
            cancellation.ThrowIfCancellationRequested();
            throw new PostgresConnectionException(IsTimeout(e)
                ? $"no answer from the server within {settings.TimeoutSeconds} s during the login (Timeout)."
                : "the connection broke during the login: " + OneLine(e), e);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Runs one statement with the extended query protocol: Parse (with the parameters' type OIDs),
    /// Bind (values in text format), Describe, Execute, Sync; the rows go to the handler as they
    /// arrive.
    /// </summary>
    /// <param name="sql">The statement with <c>$1</c>, <c>$2</c> … markers.</param>
    /// <param name="parameters">The parameters in marker order.</param>
    /// <param name="handler">Receives the columns and the rows.</param>
    /// <param name="cancellation">Ctrl-C: checked between rows; <see cref="Cancel"/> stops the server's work.</param>
    /// <returns>The number of rows.</returns>
    /// <exception cref="PostgresServerException">The server reported an error (a missing table: 42P01).</exception>
    /// <exception cref="PostgresConnectionException">The connection broke.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> was cancelled.</exception>
    public long Query(string sql, IReadOnlyList<PostgresParameter> parameters, IPostgresRowHandler handler, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(sql);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(handler);

        // Parse: unnamed statement, the text, the parameters' types.
        Begin('P');
        WriteCString(string.Empty);
        WriteCString(sql);
        WriteInt16(checked((short)parameters.Count));
        foreach (PostgresParameter p in parameters)
        {
            WriteInt32(unchecked((int)p.TypeOid));
        }

        End();

        // Bind: unnamed portal and statement, all parameters in text format (no format codes), all results in text format.
        Begin('B');
        WriteCString(string.Empty);
        WriteCString(string.Empty);
        WriteInt16(0);
        WriteInt16(checked((short)parameters.Count));
        foreach (PostgresParameter p in parameters)
        {
            if (p.Value is null)
            {
                WriteInt32(-1);
            }
            else
            {
                byte[] bytes = Encoding.UTF8.GetBytes(p.Value);
                WriteInt32(bytes.Length);
                _out.Write(bytes);
            }
        }

        WriteInt16(0);
        End();

        Begin('D');
        _out.WriteByte((byte)'P');
        WriteCString(string.Empty);
        End();

        Begin('E');
        WriteCString(string.Empty);
        WriteInt32(0); // no row limit
        End();

        Begin('S');
        End();
        return Run(handler, cancellation);
    }

    /// <summary>Runs statements without parameters or results to keep (DDL such as CREATE VIEW) with the simple query protocol.</summary>
    /// <param name="sql">The statement(s).</param>
    /// <param name="cancellation">Ctrl-C.</param>
    /// <exception cref="PostgresServerException">The server reported an error.</exception>
    /// <exception cref="PostgresConnectionException">The connection broke.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> was cancelled.</exception>
    public void Execute(string sql, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(sql);
        Begin('Q');
        WriteCString(sql);
        End();
        Run(null, cancellation);
    }

    /// <summary>
    /// Asks the server to stop the running statement: a CancelRequest with the BackendKeyData's
    /// process id and secret key, on a new connection that is closed at once (the server answers
    /// nothing on it; the statement then ends with SQLSTATE 57014). Safe to call from another thread.
    /// </summary>
    /// <returns>Whether the request was sent.</returns>
    public bool Cancel()
    {
        if (!_hasKey)
        {
            return false;
        }

        try
        {
            using var socket = new Socket(_remote.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            socket.ConnectAsync(_remote, timeout.Token).AsTask().GetAwaiter().GetResult();
            byte[] request = new byte[16];
            BinaryPrimitives.WriteInt32BigEndian(request, 16);
            BinaryPrimitives.WriteInt32BigEndian(request.AsSpan(4), CancelRequestCode);
            BinaryPrimitives.WriteInt32BigEndian(request.AsSpan(8), _processId);
            BinaryPrimitives.WriteInt32BigEndian(request.AsSpan(12), _secretKey);
            socket.Send(request);
            socket.Shutdown(SocketShutdown.Both);
            return true;
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException or ObjectDisposedException)
        {
            return false;
        }
    }

    /// <summary>Closes the socket at once, without Terminate (safe from another thread): a read waiting for the server ends with an error.</summary>
    public void Abort() => _socket.Dispose();

    /// <summary>Sends Terminate (best effort) and closes the connection.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        try
        {
            // Terminate only after the startup message: before it, the server would read it as a malformed startup packet.
            if (_started && _socket.Connected)
            {
                _socket.SendTimeout = 1000;
                _stream.Write("X\0\0\0\u0004"u8);
                _stream.Flush();
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or SocketException or InvalidOperationException)
        {
            // The connection is gone already; nothing to say goodbye to.
        }

        _stream.Dispose();
        _socket.Dispose();
        _out.Dispose();
    }

    private static Socket ConnectSocket(string host, int port, int timeoutMs, string endpoint, CancellationToken cancellation)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        if (timeoutMs > 0)
        {
            timeout.CancelAfter(timeoutMs);
        }

        try
        {
            IPAddress[] addresses = IPAddress.TryParse(host, out IPAddress? literal)
                ? [literal]
                : Dns.GetHostAddressesAsync(host, timeout.Token).GetAwaiter().GetResult();
            SocketException? last = null;
            foreach (IPAddress address in addresses)
            {
                var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.ConnectAsync(new IPEndPoint(address, port), timeout.Token).AsTask().GetAwaiter().GetResult();
                    return socket;
                }
                catch (SocketException e)
                {
                    socket.Dispose();
                    last = e;
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            }

            throw new PostgresConnectionException(
                last?.SocketErrorCode == SocketError.ConnectionRefused
                    ? $"cannot connect to {endpoint}: connection refused (is PostgreSQL running there and listening on TCP port {port.ToString(System.Globalization.CultureInfo.InvariantCulture)}?)."
                    : $"cannot connect to {endpoint}: {last?.Message ?? "the host has no address"}.",
                last ?? new SocketException((int)SocketError.HostNotFound));
        }
        catch (SocketException e) when (e.SocketErrorCode is SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain)
        {
            throw new PostgresConnectionException($"cannot connect to {endpoint}: host '{host}' not found.", e);
        }
        catch (SocketException e)
        {
            throw new PostgresConnectionException($"cannot connect to {endpoint}: {e.Message}.", e);
        }
        catch (OperationCanceledException e) when (!cancellation.IsCancellationRequested)
        {
            throw new PostgresConnectionException($"cannot connect to {endpoint}: no answer within {timeoutMs / 1000} s (Timeout).", e);
        }
    }

    private void NegotiateTls()
    {
        if (_settings.SslMode == PostgresSslMode.Disable)
        {
            return;
        }

        byte[] request = new byte[8];
        BinaryPrimitives.WriteInt32BigEndian(request, 8);
        BinaryPrimitives.WriteInt32BigEndian(request.AsSpan(4), SslRequestCode);
        _stream.Write(request);
        _stream.Flush();
        int answer = _stream.ReadByte();
        if (answer == 'N')
        {
            if (_settings.SslMode == PostgresSslMode.Prefer)
            {
                return;
            }

            throw new PostgresConnectionException($"{_settings.Endpoint} does not accept TLS connections, and SSL Mode is {Describe(_settings.SslMode)}; use prefer or disable, or turn on ssl in the server's configuration.");
        }

        if (answer < 0)
        {
            throw new PostgresConnectionException($"{_settings.Endpoint} closed the connection after the SSLRequest (is it a PostgreSQL server?).");
        }

        if (answer != 'S')
        {
            throw new PostgresConnectionException($"{_settings.Endpoint} answered the SSLRequest with neither 'S' nor 'N' (is it a PostgreSQL server of version 7.2 or later?).");
        }

        var tls = new SslStream(_stream, leaveInnerStreamOpen: false);
        var options = new SslClientAuthenticationOptions { TargetHost = _settings.Host };
        if (_settings.SslMode != PostgresSslMode.VerifyFull)
        {
            // require and prefer encrypt without checking the certificate, as libpq does without a root
            // certificate (documented in docs/cli.md); verify-full checks it.
#pragma warning disable CA5359 // sslmode=require is defined as "encrypt, do not verify"; verify-full is the checked mode.
            options.RemoteCertificateValidationCallback = (_, _, _, _) => true;
#pragma warning restore CA5359
        }

        try
        {
            tls.AuthenticateAsClient(options);
        }
        catch (System.Security.Authentication.AuthenticationException e)
        {
            throw new PostgresConnectionException($"TLS with {_settings.Endpoint} failed: {OneLine(e)}" + (_settings.SslMode == PostgresSslMode.VerifyFull ? " (verify-full checks the certificate against this machine's trusted roots and the host name)." : string.Empty), e);
        }

        _stream = tls;
        Encrypted = true;
    }

    private void Login()
    {
        _stream = new BufferedStream(_stream, 1 << 16);
        Begin(null);
        WriteInt32(ProtocolVersion3);
        foreach ((string name, string value) in new[]
        {
            ("user", _settings.Username), ("database", _settings.Database), ("client_encoding", "UTF8"),
            ("DateStyle", "ISO, MDY"), ("extra_float_digits", "3"), ("application_name", "customer-valuation"),
        })
        {
            WriteCString(name);
            WriteCString(value);
        }

        _out.WriteByte(0);
        End();
        Flush();
        _started = true;

        ScramSha256? scram = null;
        bool scramVerified = false;
        while (true)
        {
            char type = ReadMessage(out int length);
            switch (type)
            {
                case 'R':
                    int code = BinaryPrimitives.ReadInt32BigEndian(_buffer);
                    switch (code)
                    {
                        case 0:
                            if (scram is not null && !scramVerified)
                            {
                                throw new AuthenticationFailedException("the server accepted the login without proving that it knows the password (no SCRAM-SHA-256 final message).");
                            }

                            break;
                        case 3:
                            SendPassword(NeedPassword("a cleartext password"));
                            break;
                        case 5:
                            SendPassword(PostgresMd5.Answer(_settings.Username, NeedPassword("an MD5 password"), _buffer.AsSpan(4, 4)));
                            break;
                        case 10:
                            List<string> mechanisms = ReadCStrings(4, length);
                            if (!mechanisms.Contains(ScramSha256.Mechanism))
                            {
                                throw new AuthenticationFailedException(
                                    $"the server offers SASL mechanisms ({string.Join(", ", mechanisms)}) and this client supports only {ScramSha256.Mechanism} (no channel binding).");
                            }

                            scram = new ScramSha256(string.Empty, NeedPassword("a SCRAM-SHA-256 password"), ScramSha256.NewNonce());
                            byte[] first = Encoding.UTF8.GetBytes(scram.ClientFirstMessage);
                            Begin('p');
                            WriteCString(ScramSha256.Mechanism);
                            WriteInt32(first.Length);
                            _out.Write(first);
                            End();
                            Flush();
                            break;
                        case 11:
                            if (scram is null)
                            {
                                throw new PostgresConnectionException("the server sent a SASL continuation without a SASL start (protocol error).");
                            }

                            string final = scram.ClientFinalMessage(Encoding.UTF8.GetString(_buffer, 4, length - 4));
                            Begin('p');
                            _out.Write(Encoding.UTF8.GetBytes(final));
                            End();
                            Flush();
                            break;
                        case 12:
                            if (scram is null)
                            {
                                throw new PostgresConnectionException("the server sent a SASL final message without a SASL start (protocol error).");
                            }

                            scram.VerifyServerFinalMessage(Encoding.UTF8.GetString(_buffer, 4, length - 4));
                            scramVerified = true;
                            break;
                        case 2 or 7 or 8:
                            throw new AuthenticationFailedException("the server asks for Kerberos/GSSAPI authentication, which this client does not support; use a password login (scram-sha-256 or md5 in pg_hba.conf).");
                        case 9:
                            throw new AuthenticationFailedException("the server asks for SSPI authentication, which this client does not support; use a password login (scram-sha-256 or md5 in pg_hba.conf).");
                        default:
                            throw new AuthenticationFailedException($"the server asks for an authentication method (code {code.ToString(System.Globalization.CultureInfo.InvariantCulture)}) this client does not support.");
                    }

                    break;
                case 'K':
                    _processId = BinaryPrimitives.ReadInt32BigEndian(_buffer);
                    _secretKey = BinaryPrimitives.ReadInt32BigEndian(_buffer.AsSpan(4));
                    _hasKey = true;
                    break;
                case 'S':
                    List<string> status = ReadCStrings(0, length);
                    if (status.Count >= 2 && status[0] == "server_version")
                    {
                        ServerVersion = status[1];
                    }

                    break;
                case 'E':
                    throw ReadError(length);
                case 'N':
                    ReportNotice(length);
                    break;
                case 'v':
                    break; // NegotiateProtocolVersion: the server knows a newer minor version; 3.0 is what we speak.
                case 'Z':
                    return;
                default:
                    throw new PostgresConnectionException($"unexpected message '{type}' during the login (protocol error).");
            }
        }
    }

    private string NeedPassword(string what) =>
        _settings.Password ?? throw new AuthenticationFailedException($"the server asks for {what} and the connection string has none; give Password=… (or the URI's user:password@), or set PGPASSWORD.");

    private void SendPassword(string password)
    {
        Begin('p');
        WriteCString(password);
        End();
        Flush();
    }

    /// <summary>Sends what is queued and reads until ReadyForQuery; rows go to the handler; an ErrorResponse is thrown after ReadyForQuery.</summary>
    private long Run(IPostgresRowHandler? handler, CancellationToken cancellation)
    {
        long rows = 0;
        PostgresServerException? error = null;
        var row = new PostgresRow();
        try
        {
            Flush();
            while (true)
            {
                char type = ReadMessage(out int length);
                switch (type)
                {
                    case '1' or '2' or 'I' or 's' or 'A' or 'S':
                        break; // ParseComplete, BindComplete, EmptyQueryResponse, PortalSuspended, NotificationResponse, ParameterStatus
                    case 'T':
                        handler?.Columns(ReadRowDescription(length));
                        break;
                    case 'n':
                        handler?.Columns([]);
                        break;
                    case 'D':
                        if (error is null && handler is not null)
                        {
                            row.Load(_buffer, length);
                            handler.Row(row);
                        }

                        rows++;
                        if ((rows & 0x3FF) == 0)
                        {
                            cancellation.ThrowIfCancellationRequested();
                        }

                        break;
                    case 'C':
                        LastCommandTag = Encoding.UTF8.GetString(_buffer, 0, Math.Max(0, length - 1));
                        break;
                    case 'E':
                        error ??= ReadError(length);
                        break;
                    case 'N':
                        ReportNotice(length);
                        break;
                    case 'Z':
                        if (error is not null)
                        {
                            if (error.SqlState == "57014" && cancellation.IsCancellationRequested)
                            {
                                throw new OperationCanceledException(cancellation);
                            }

                            throw error;
                        }

                        cancellation.ThrowIfCancellationRequested();
                        return rows;
                    default:
                        throw new PostgresConnectionException($"unexpected message '{type}' after a query (protocol error).");
                }
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or SocketException)
        {
            cancellation.ThrowIfCancellationRequested();
            throw new PostgresConnectionException($"the connection to {_settings.Endpoint} broke during the query: {OneLine(e)}", e);
        }
    }

    private List<PostgresColumn> ReadRowDescription(int length)
    {
        int count = BinaryPrimitives.ReadInt16BigEndian(_buffer);
        var columns = new List<PostgresColumn>(count);
        int at = 2;
        for (int i = 0; i < count; i++)
        {
            int end = Array.IndexOf(_buffer, (byte)0, at, length - at);
            if (end < 0 || end + 19 > length)
            {
                throw new PostgresConnectionException("a RowDescription message is malformed (protocol error).");
            }

            string name = Encoding.UTF8.GetString(_buffer, at, end - at);
            at = end + 1 + 4 + 2; // table OID, column number
            uint oid = BinaryPrimitives.ReadUInt32BigEndian(_buffer.AsSpan(at));
            at += 4 + 2 + 4 + 2;  // type OID, size, modifier, format
            columns.Add(new PostgresColumn(name, oid));
        }

        return columns;
    }

    private PostgresServerException ReadError(int length)
    {
        string? code = null, message = null, detail = null, hint = null;
        int at = 0;
        while (at < length && _buffer[at] != 0)
        {
            char field = (char)_buffer[at];
            int end = Array.IndexOf(_buffer, (byte)0, at + 1, length - at - 1);
            if (end < 0)
            {
                break;
            }

            string value = Encoding.UTF8.GetString(_buffer, at + 1, end - at - 1);
            switch (field)
            {
                case 'C': code = value; break;
                case 'M': message = value; break;
                case 'D': detail = value; break;
                case 'H': hint = value; break;
            }

            at = end + 1;
        }

        return new PostgresServerException(code ?? "XX000", message ?? "(no message)", detail, hint);
    }

    private void ReportNotice(int length)
    {
        if (Notice is not null)
        {
            PostgresServerException notice = ReadError(length);
            Notice(notice.ServerMessage);
        }
    }

    private List<string> ReadCStrings(int from, int length)
    {
        var strings = new List<string>();
        int at = from;
        while (at < length)
        {
            int end = Array.IndexOf(_buffer, (byte)0, at, length - at);
            if (end < 0 || end == at)
            {
                break;
            }

            strings.Add(Encoding.UTF8.GetString(_buffer, at, end - at));
            at = end + 1;
        }

        return strings;
    }

    /// <summary>Reads one message: its type byte, and its body into <see cref="_buffer"/>.</summary>
    private char ReadMessage(out int length)
    {
        try
        {
            _stream.ReadExactly(_header);
        }
        catch (EndOfStreamException e)
        {
            throw new PostgresConnectionException($"{_settings.Endpoint} closed the connection.", e);
        }

        length = BinaryPrimitives.ReadInt32BigEndian(_header.AsSpan(1)) - 4;
        if (length < 0 || length > (1 << 30))
        {
            throw new PostgresConnectionException($"a message of type '{(char)_header[0]}' has an impossible length (protocol error; is {_settings.Endpoint} a PostgreSQL server?).");
        }

        if (_buffer.Length < length)
        {
            _buffer = new byte[Math.Max(length, _buffer.Length * 2)];
        }

        try
        {
            _stream.ReadExactly(_buffer, 0, length);
        }
        catch (EndOfStreamException e)
        {
            throw new PostgresConnectionException($"{_settings.Endpoint} closed the connection in the middle of a message.", e);
        }

        return (char)_header[0];
    }

    /// <summary>Starts a message in <see cref="_out"/> (after what is queued): the type byte (none for the startup message) and room for the length.</summary>
    private void Begin(char? type)
    {
        if (type is char t)
        {
            _out.WriteByte((byte)t);
        }

        _lengthAt = (int)_out.Length;
        WriteInt32(0);
    }

    private int _lengthAt;

    /// <summary>Writes the message's length (which counts itself but not the type byte).</summary>
    private void End()
    {
        int length = (int)_out.Length - _lengthAt;
        BinaryPrimitives.WriteInt32BigEndian(_out.GetBuffer().AsSpan(_lengthAt), length);
    }

    private void Flush()
    {
        _stream.Write(_out.GetBuffer(), 0, (int)_out.Length);
        _stream.Flush();
        _out.SetLength(0);
    }

    private void WriteInt32(int value)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(bytes, value);
        _out.Write(bytes);
    }

    private void WriteInt16(short value)
    {
        Span<byte> bytes = stackalloc byte[2];
        BinaryPrimitives.WriteInt16BigEndian(bytes, value);
        _out.Write(bytes);
    }

    private void WriteCString(string value)
    {
        if (value.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException("A text sent to PostgreSQL cannot contain a NUL character.", nameof(value));
        }

        _out.Write(Encoding.UTF8.GetBytes(value));
        _out.WriteByte(0);
    }

    private static bool IsTimeout(Exception e) =>
        e is IOException { InnerException: SocketException { SocketErrorCode: SocketError.TimedOut } } or SocketException { SocketErrorCode: SocketError.TimedOut };

    private static string Describe(PostgresSslMode mode) => mode switch
    {
        PostgresSslMode.VerifyFull => "verify-full",
        _ => mode.ToString().ToLowerInvariant(),
    };

    private static string OneLine(Exception e) => e.Message.ReplaceLineEndings(" ").TrimEnd('.') + ".";
}
