using System.Linq;
using System.Reflection;
using System.Runtime.Versioning;
using CustomerValuation.Abc;
using Xunit;

namespace CustomerValuation.Tests;

public class BuildTargetTests
{
    [Fact]
    public void LibraryAssembly_IsTheBuildThisSuiteTargets()
    {
        // The suite is compiled twice: against the net10.0 build and against the netstandard2.0
        // build that .NET Framework hosts load. This checks which one was actually loaded.
        string? framework = typeof(AbcClassifier).Assembly.GetCustomAttribute<TargetFrameworkAttribute>()?.FrameworkName;
#if LIBRARY_NETSTANDARD
        Assert.Equal(".NETStandard,Version=v2.0", framework);
#else
        Assert.Equal(".NETCoreApp,Version=v10.0", framework);
#endif
    }
}
