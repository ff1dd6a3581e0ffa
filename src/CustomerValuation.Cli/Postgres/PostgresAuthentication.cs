using System;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CustomerValuation.Cli.Postgres;

/// <summary>
/// The client side of SCRAM-SHA-256 (RFC 5802, RFC 7677) as PostgreSQL uses it (the documentation's
/// "SASL Authentication"): no channel binding (GS2 header <c>n,,</c>), and the server's signature
/// checked before the login is accepted. One instance serves one login.
/// </summary>
internal sealed class ScramSha256
{
    /// <summary>The mechanism's name in AuthenticationSASL.</summary>
    public const string Mechanism = "SCRAM-SHA-256";

    private const string Gs2Header = "n,,";
    private readonly string _password;
    private readonly string _clientNonce;
    private readonly string _clientFirstBare;
    private byte[]? _expectedServerSignature;

    /// <param name="user">The user name written into the client-first message (PostgreSQL ignores it and uses the startup message's user; libpq sends it empty).</param>
    /// <param name="password">The password.</param>
    /// <param name="clientNonce">The client's nonce: printable ASCII without ','; <see cref="NewNonce"/> makes one.</param>
    public ScramSha256(string user, string password, string clientNonce)
    {
        _password = password;
        _clientNonce = clientNonce;
        _clientFirstBare = "n=" + user.Replace("=", "=3D", StringComparison.Ordinal).Replace(",", "=2C", StringComparison.Ordinal) + ",r=" + clientNonce;
    }

    /// <summary>The client-first message: the GS2 header and <c>n=user,r=nonce</c>.</summary>
    public string ClientFirstMessage => Gs2Header + _clientFirstBare;

    /// <summary>A fresh random nonce: 18 random bytes in base64 (24 characters).</summary>
    /// <returns>The nonce.</returns>
    public static string NewNonce() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(18));

    /// <summary>The client-final message with the proof, from the server-first message; remembers the server signature to expect.</summary>
    /// <param name="serverFirstMessage">The server's <c>r=…,s=…,i=…</c>.</param>
    /// <returns>The client-final message <c>c=biws,r=…,p=…</c>.</returns>
    /// <exception cref="AuthenticationFailedException">The server's message is malformed or its nonce does not extend ours.</exception>
    public string ClientFinalMessage(string serverFirstMessage)
    {
        string? nonce = null, salt = null, iterations = null;
        foreach (string attribute in serverFirstMessage.Split(','))
        {
            if (attribute.StartsWith("r=", StringComparison.Ordinal))
            {
                nonce = attribute[2..];
            }
            else if (attribute.StartsWith("s=", StringComparison.Ordinal))
            {
                salt = attribute[2..];
            }
            else if (attribute.StartsWith("i=", StringComparison.Ordinal))
            {
                iterations = attribute[2..];
            }
            else if (attribute.StartsWith("m=", StringComparison.Ordinal))
            {
                throw new AuthenticationFailedException("the server asks for a SCRAM extension (m=) that this client does not know.");
            }
        }

        if (nonce is null || salt is null || iterations is null)
        {
            throw new AuthenticationFailedException("the server's SCRAM-SHA-256 first message lacks its nonce, salt or iteration count.");
        }

        if (!nonce.StartsWith(_clientNonce, StringComparison.Ordinal) || nonce.Length == _clientNonce.Length)
        {
            throw new AuthenticationFailedException("the server's SCRAM-SHA-256 nonce does not extend the client's.");
        }

        if (!int.TryParse(iterations, NumberStyles.None, CultureInfo.InvariantCulture, out int count) || count < 1)
        {
            throw new AuthenticationFailedException("the server's SCRAM-SHA-256 iteration count is not a positive number.");
        }

        byte[] saltBytes;
        try
        {
            saltBytes = Convert.FromBase64String(salt);
        }
        catch (FormatException e)
        {
            throw new AuthenticationFailedException("the server's SCRAM-SHA-256 salt is not base64.", e);
        }

        byte[] saltedPassword = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(Normalize(_password)), saltBytes, count, HashAlgorithmName.SHA256, 32);
        byte[] clientKey = HMACSHA256.HashData(saltedPassword, "Client Key"u8);
        byte[] storedKey = SHA256.HashData(clientKey);
        string withoutProof = "c=" + Convert.ToBase64String(Encoding.ASCII.GetBytes(Gs2Header)) + ",r=" + nonce;
        byte[] authMessage = Encoding.UTF8.GetBytes(_clientFirstBare + "," + serverFirstMessage + "," + withoutProof);
        byte[] clientSignature = HMACSHA256.HashData(storedKey, authMessage);
        byte[] proof = new byte[clientKey.Length];
        for (int i = 0; i < proof.Length; i++)
        {
            proof[i] = (byte)(clientKey[i] ^ clientSignature[i]);
        }

        byte[] serverKey = HMACSHA256.HashData(saltedPassword, "Server Key"u8);
        _expectedServerSignature = HMACSHA256.HashData(serverKey, authMessage);
        return withoutProof + ",p=" + Convert.ToBase64String(proof);
    }

    /// <summary>Checks the server-final message: the server proves that it knows the password too.</summary>
    /// <param name="serverFinalMessage">The server's <c>v=…</c> (or <c>e=…</c>).</param>
    /// <exception cref="AuthenticationFailedException">The server reports an error or its signature is not the expected one.</exception>
    public void VerifyServerFinalMessage(string serverFinalMessage)
    {
        if (_expectedServerSignature is null)
        {
            throw new InvalidOperationException("ClientFinalMessage has not been called.");
        }

        if (serverFinalMessage.StartsWith("e=", StringComparison.Ordinal))
        {
            throw new AuthenticationFailedException("the server refused the SCRAM-SHA-256 proof (" + serverFinalMessage[2..] + ").");
        }

        string? signature = null;
        foreach (string attribute in serverFinalMessage.Split(','))
        {
            if (attribute.StartsWith("v=", StringComparison.Ordinal))
            {
                signature = attribute[2..];
            }
        }

        byte[] actual;
        try
        {
            actual = Convert.FromBase64String(signature ?? throw new AuthenticationFailedException("the server's SCRAM-SHA-256 final message has no signature."));
        }
        catch (FormatException e)
        {
            throw new AuthenticationFailedException("the server's SCRAM-SHA-256 signature is not base64.", e);
        }

        if (!CryptographicOperations.FixedTimeEquals(actual, _expectedServerSignature))
        {
            throw new AuthenticationFailedException("the server's SCRAM-SHA-256 signature is wrong: it does not know the password (a server in the middle?).");
        }
    }

    /// <summary>
    /// An approximation of SASLprep (RFC 4013): ASCII passwords unchanged; others with non-ASCII
    /// spaces mapped to a space and NFKC applied. PostgreSQL uses the raw bytes of a password that
    /// SASLprep rejects, which this client does not detect.
    /// </summary>
    private static string Normalize(string password)
    {
        foreach (char c in password)
        {
            if (c > 0x7F)
            {
                var sb = new StringBuilder(password.Length);
                foreach (char ch in password)
                {
                    sb.Append(ch != ' ' && char.IsWhiteSpace(ch) && ch > 0x7F ? ' ' : ch);
                }

                return sb.ToString().Normalize(NormalizationForm.FormKC);
            }
        }

        return password;
    }
}

/// <summary>PostgreSQL's MD5 password answer.</summary>
internal static class PostgresMd5
{
    /// <summary>
    /// The answer to AuthenticationMD5Password: <c>"md5" + md5hex(md5hex(password + user) + salt)</c>
    /// (lower-case hexadecimal), as the protocol's message formats describe it.
    /// </summary>
    /// <param name="user">The user name.</param>
    /// <param name="password">The password.</param>
    /// <param name="salt">The server's four salt bytes.</param>
    /// <returns>The text to send in the PasswordMessage.</returns>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA5351:Do Not Use Broken Cryptographic Algorithms", Justification = "The protocol's md5 login is defined with MD5; servers configured for it need this answer. SCRAM-SHA-256 is used whenever the server asks for it.")]
    public static string Answer(string user, string password, ReadOnlySpan<byte> salt)
    {
        string inner = Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(password + user)));
        byte[] outer = new byte[inner.Length + salt.Length];
        Encoding.ASCII.GetBytes(inner, outer);
        salt.CopyTo(outer.AsSpan(inner.Length));
        return "md5" + Convert.ToHexStringLower(MD5.HashData(outer));
    }
}
