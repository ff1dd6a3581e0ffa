using System;
using System.IO;
using CustomerValuation.Cli;

namespace CustomerValuation.Tests.Cli;

/// <summary>A temporary folder for a CLI test class's files, and the tool run in-process.</summary>
public abstract class CliTestFolder : IDisposable
{
    protected CliTestFolder(string prefix)
    {
        Folder = Path.Combine(Path.GetTempPath(), prefix + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
    }

    /// <summary>The folder, deleted after each test.</summary>
    protected string Folder { get; }

    public void Dispose()
    {
        Directory.Delete(Folder, recursive: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Writes a file into the folder and returns its path.</summary>
    protected string Write(string name, string content)
    {
        string path = Path.Combine(Folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>Runs <c>customer-valuation</c> with the arguments, capturing both output streams.</summary>
    protected static (int Code, string Stdout, string Stderr) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int code = Program.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
