using System;
using System.IO;
using Xunit;

namespace CustomerValuation.Tests;

/// <summary>Locates ../shared/data beside the repository (where CI puts it); never copied into the repository.</summary>
internal static class SharedData
{
    public static string? Root { get; } = Find();

    public static string PathOf(string relativePath)
    {
        if (Root is null)
        {
            throw new InvalidOperationException("../shared/data is missing.");
        }

        return Path.Combine(Root, relativePath);
    }

    public static bool Exists(string relativePath) => Root is not null && File.Exists(Path.Combine(Root, relativePath));

    private static string? Find()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CustomerValuation.sln")))
            {
                string candidate = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data"));
                return Directory.Exists(candidate) ? candidate : null;
            }
        }

        return null;
    }
}

/// <summary>A fact that needs a file of ../shared/data; skipped, saying what is missing, where that file is absent.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute(string relativePath)
    {
        RelativePath = relativePath;
        if (!SharedData.Exists(relativePath))
        {
            Skip = $"Needs ../shared/data/{relativePath} beside the repository (the shared test data); it is missing on this machine.";
        }
    }

    public string RelativePath { get; }
}
