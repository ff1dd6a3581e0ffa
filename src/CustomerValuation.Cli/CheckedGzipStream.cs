using System;
using System.IO;
using System.IO.Compression;

namespace CustomerValuation.Cli;

/// <summary>
/// Decompresses a gzip file and, at its end, checks the decompressed data against the file's
/// trailer (CRC-32 and length, RFC 1952), so a truncated or corrupt file is an error rather than
/// silently fewer rows.
/// </summary>
/// <remarks>
/// The trailer describes the last gzip member only, so a file of several concatenated members
/// (as bgzip writes) is reported too; the message says to decompress such a file first.
/// </remarks>
internal sealed class CheckedGzipStream : Stream
{
    private static readonly uint[] s_crcTable = BuildCrcTable();

    private readonly FileStream _file;
    private readonly GZipStream _gzip;
    private readonly string _path;
    private uint _crc = 0xFFFFFFFFu;
    private long _length;
    private bool _checked;

    public CheckedGzipStream(Stream file, string path)
    {
        _file = (FileStream)file;
        _gzip = new GZipStream(file, CompressionMode.Decompress, leaveOpen: true);
        _path = path;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
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

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _gzip.Dispose();
            _file.Dispose();
        }

        base.Dispose(disposing);
    }

    private void CheckTrailer()
    {
        byte[] trailer = new byte[8];
        if (_file.Length < 18)
        {
            throw new CliException($"{_path}: the gzip file is too short to be complete; it looks truncated.");
        }

        _file.Seek(-8, SeekOrigin.End);
        _file.ReadExactly(trailer);
        uint crc = BitConverter.ToUInt32(trailer, 0);
        uint size = BitConverter.ToUInt32(trailer, 4);
        uint actualCrc = _crc ^ 0xFFFFFFFFu;
        if (crc != actualCrc || size != (uint)_length)
        {
            throw new CliException($"{_path}: the gzip file's trailer does not match its data (CRC-32 or length), so the file is truncated or corrupt, or it holds several gzip members; decompress it and pass the plain CSV.");
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
}
