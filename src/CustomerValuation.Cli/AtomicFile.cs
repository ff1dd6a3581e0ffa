using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace CustomerValuation.Cli;

/// <summary>
/// Writes an output file through a temporary file in the same folder, then renames it into place,
/// so a failure or Ctrl-C leaves no half-written output; "-" writes to standard output instead.
/// </summary>
internal static class AtomicFile
{
    /// <summary>Writes text as it is (an HTML report, the demo's files).</summary>
    public static void Write(string path, Action<TextWriter> write)
    {
        CliContext context = CliContext.Current;
        if (CliContext.IsStandardOutput(path))
        {
            write(context.StandardOutput);
            context.StandardOutput.Flush();
            return;
        }

        string fullPath = Path.GetFullPath(path);
        string directory = Path.GetDirectoryName(fullPath) ?? ".";
        Directory.CreateDirectory(directory);
        string temporary = Path.Combine(directory, "." + Path.GetFileName(fullPath) + "." + Guid.NewGuid().ToString("N") + ".tmp");
        try
        {
            using (var writer = new StreamWriter(temporary, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 1 << 16))
            {
                writer.NewLine = "\n";
                write(writer);
            }

            context.Cancellation.ThrowIfCancellationRequested();
            File.Move(temporary, fullPath, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    /// <summary>
    /// Writes a table the command writes as CSV, in the run's <c>--format</c>: as it is, or as JSON
    /// lines, where <paramref name="textColumns"/> stay strings even when they look like numbers.
    /// </summary>
    public static void WriteTable(string path, IReadOnlyCollection<string> textColumns, Action<TextWriter> write)
    {
        if (CliContext.Current.Format == OutputFormat.JsonLines)
        {
            Write(path, w =>
            {
                using var json = new JsonLinesWriter(w, textColumns);
                write(json);
            });
        }
        else
        {
            Write(path, write);
        }
    }
}
