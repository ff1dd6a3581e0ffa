using System;
using System.IO;
using System.IO.Compression;

namespace CustomerValuation.Cli;

/// <summary>
/// Decompresses a gzip stream (a file or a pipe) and, at its end, checks the decompressed data
/// against the stream's trailer (CRC-32 and length, RFC 1952), so a truncated or corrupt file is an
/// error rather than silently fewer rows.
/// </summary>
/// <remarks>
/// The trailer is the last 8 bytes of the compressed stream and describes the last gzip member
/// only, so a file of several concatenated members (as bgzip writes), or one padded with zeros
/// after the trailer, is reported too; the message says to decompress such a file first.
/// </remarks>
internal sealed class CheckedGzipStream : ReadOnlyStream
{
    private static readonly uint[] s_crcTable = BuildCrcTable();

    private readonly TailStream _compressed;
    private readonly GZipStream _gzip;
    private readonly string _path;
    private uint _crc = 0xFFFFFFFFu;
    private long _length;
    private bool _checked;

    public CheckedGzipStream(Stream compressed, string path)
    {
        _compressed = new TailStream(compressed);
        _gzip = new GZipStream(_compressed, CompressionMode.Decompress, leaveOpen: true);
        _path = path;
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        int read;
        try
        {
            read = _gzip.Read(buffer, offset, count);
        }
        catch (InvalidDataException e)
        {
            throw new CliException($"{_path}: the gzip data is corrupt ({e.Message}).", e);
        }

        if (read > 0)
        {
            for (int i = offset; i < offset + read; i++)
            {
                _crc = s_crcTable[(_crc ^ buffer[i]) & 0xFF] ^ (_crc >> 8);
            }

            _length += read;
        }
        else if (count > 0 && !_checked)
        {
            _checked = true;
            CheckTrailer();
        }

        return read;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _gzip.Dispose();
            _compressed.Dispose();
        }

        base.Dispose(disposing);
    }

    private void CheckTrailer()
    {
        _compressed.Drain();
        const int SmallestGzipFile = 20; // 10-byte header, an empty final block (2 bytes), 8-byte trailer
        if (_compressed.TotalRead < SmallestGzipFile)
        {
            throw new CliException($"{_path}: the gzip file is too short to be complete; it looks truncated.");
        }

        byte[] trailer = _compressed.LastEightBytes();
        uint crc = BitConverter.ToUInt32(trailer, 0);
        uint size = BitConverter.ToUInt32(trailer, 4);
        if (crc != (_crc ^ 0xFFFFFFFFu) || size != (uint)_length)
        {
            throw new CliException($"{_path}: the gzip file's trailer does not match its data (CRC-32 or length), so the file is truncated or corrupt, or it holds several gzip members or padding; decompress it and pass the plain CSV.");
        }
    }

    private static uint[] BuildCrcTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            uint c = n;
            for (int k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }

    /// <summary>Passes reads through and remembers the last 8 bytes read and how many in all.</summary>
    private sealed class TailStream : ReadOnlyStream
    {
        private readonly Stream _inner;
        private readonly byte[] _tail = new byte[8];
        private int _tailStart;

        public TailStream(Stream inner) => _inner = inner;

        public long TotalRead { get; private set; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            int read = _inner.Read(buffer, offset, count);
            for (int i = offset; i < offset + read; i++)
            {
                _tail[_tailStart] = buffer[i];
                _tailStart = (_tailStart + 1) & 7;
            }

            TotalRead += read;
            return read;
        }

        /// <summary>Reads whatever the decompressor left unread, so the tail is the stream's real end.</summary>
        public void Drain()
        {
            byte[] scratch = new byte[4096];
            while (Read(scratch, 0, scratch.Length) > 0)
            {
            }
        }

        public byte[] LastEightBytes()
        {
            byte[] last = new byte[8];
            for (int i = 0; i < 8; i++)
            {
                last[i] = _tail[(_tailStart + i) & 7];
            }

            return last;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
