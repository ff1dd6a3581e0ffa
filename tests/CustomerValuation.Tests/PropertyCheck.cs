using System;
using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Core;

namespace CustomerValuation.Tests;

/// <summary>
/// Runs FsCheck properties from xunit facts with one run count and a reported seed. Set
/// PROPERTY_SEED to replay a failure; PROPERTY_RUNS to change the number of cases (default 200).
/// </summary>
internal static class PropertyCheck
{
    public static int Runs { get; } =
        int.TryParse(Environment.GetEnvironmentVariable("PROPERTY_RUNS"), NumberStyles.Integer, CultureInfo.InvariantCulture, out int runs) && runs > 0 ? runs : 200;

    public static void ForAll<T>(Gen<T> generator, Func<T, bool> property)
    {
        ulong seed = ulong.TryParse(Environment.GetEnvironmentVariable("PROPERTY_SEED"), NumberStyles.Integer, CultureInfo.InvariantCulture, out ulong fixedSeed)
            ? fixedSeed
            : (ulong)Random.Shared.NextInt64();
        Arbitrary<T> arbitrary = generator.ToArbitrary();
        Config config = Config.QuickThrowOnFailure
            .WithMaxTest(Runs)
            .WithQuietOnSuccess(true)
            .WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(seed, 0x9E3779B97F4A7C15UL), FSharpOption<int>.None)));
        try
        {
            Check.One(config, Prop.ForAll(arbitrary, property));
        }
        catch (Exception e)
        {
            throw new InvalidOperationException($"Property failed with PROPERTY_SEED={seed} ({Runs} runs). {e.Message}", e);
        }
    }
}
