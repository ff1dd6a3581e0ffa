using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Threading;

namespace CustomerValuation.Cli;

/// <summary>
/// Progress of a long read on standard error, shown only when standard error is a terminal and the
/// run is not <c>--quiet</c>: after the first second, twice a second, the lines read, the rate and
/// the time elapsed, on one line that is rewritten.
/// </summary>
internal sealed class ProgressReport : IDisposable
{
    private readonly TextWriter _error;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Timer _timer;
    private readonly Lock _gate = new();
    private RecordReader? _reader;
    private bool _shown;
    private bool _disposed;

    public ProgressReport(TextWriter error)
    {
        _error = error;
        _timer = new Timer(_ => Tick(), null, dueTime: 1000, period: 500);
    }

    /// <summary>Follows a reader's lines from now on.</summary>
    public void Attach(RecordReader reader) => Volatile.Write(ref _reader, reader);

    /// <summary>Stops following a reader (it is done): the progress line is cleared, so what the command prints next starts on a clean line.</summary>
    public void Detach(RecordReader reader)
    {
        lock (_gate)
        {
            if (ReferenceEquals(_reader, reader))
            {
                _reader = null;
                Clear();
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _timer.Dispose();
            Clear();
        }
    }

    private void Clear()
    {
        if (_shown)
        {
            _error.Write("\r\u001b[K");
            _error.Flush();
            _shown = false;
        }
    }

    /// <summary>Writes the progress line (the timer calls it; tests call it directly).</summary>
    internal void Tick()
    {
        lock (_gate)
        {
            RecordReader? reader = Volatile.Read(ref _reader);
            if (_disposed || reader is null)
            {
                return;
            }

            double seconds = _clock.Elapsed.TotalSeconds;
            long lines = reader.Line;
            _error.Write(string.Format(CultureInfo.InvariantCulture, "\r{0:N0} lines read, {1:N0} lines/s, {2:0.0} s\u001b[K", lines, lines / seconds, seconds));
            _error.Flush();
            _shown = true;
        }
    }
}
