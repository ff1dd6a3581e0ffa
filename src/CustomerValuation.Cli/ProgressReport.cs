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
    private object? _source;
    private Func<long>? _count;
    private string _unit = "lines read";
    private bool _shown;
    private bool _disposed;

    public ProgressReport(TextWriter error)
    {
        _error = error;
        _timer = new Timer(_ => Tick(), null, dueTime: 1000, period: 500);
    }

    /// <summary>Follows a reader's lines from now on.</summary>
    public void Attach(RecordReader reader) => Attach(reader, () => reader.Line, "lines read");

    /// <summary>Follows any count from now on (e.g. the rows received from a database), shown as "N unit, N/s".</summary>
    /// <param name="source">What is followed; <see cref="Detach"/> with the same object stops it.</param>
    /// <param name="count">Reads the count (called from the timer's thread).</param>
    /// <param name="unit">What is counted, e.g. "rows received".</param>
    public void Attach(object source, Func<long> count, string unit)
    {
        lock (_gate)
        {
            _count = count;
            _unit = unit;
            _source = source;
        }
    }

    /// <summary>Stops following a reader (it is done): the progress line is cleared, so what the command prints next starts on a clean line.</summary>
    public void Detach(object source)
    {
        lock (_gate)
        {
            if (ReferenceEquals(_source, source))
            {
                _source = null;
                _count = null;
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
            if (_disposed || _count is null)
            {
                return;
            }

            double seconds = _clock.Elapsed.TotalSeconds;
            long lines = _count();
            string perSecond = _unit.Split(' ')[0] + "/s";
            _error.Write(string.Format(CultureInfo.InvariantCulture, "\r{0:N0} {1}, {2:N0} {3}, {4:0.0} s\u001b[K", lines, _unit, lines / seconds, perSecond, seconds));
            _error.Flush();
            _shown = true;
        }
    }
}
