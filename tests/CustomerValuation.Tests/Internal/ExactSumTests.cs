using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using CustomerValuation.Internal;
using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace CustomerValuation.Tests.Internal;

/// <summary>
/// <see cref="ExactSum"/>: the double nearest to the true sum, in any order. Expected values are
/// worked by hand below, or come from an independent exact reference: values that are whole
/// multiples of 2⁻¹⁰ below 2⁴⁰ add exactly in <see cref="long"/> arithmetic, and the conversion
/// of a long to double rounds to nearest, ties to even (IEEE 754), as does the scaling by 2⁻¹⁰.
/// </summary>
public class ExactSumTests
{
    private static double Sum(IEnumerable<double> values)
    {
        ExactSum sum = default;
        foreach (double v in values)
        {
            sum.Add(v);
        }

        return sum.Value;
    }

    [Fact]
    public void Empty_IsZero() => Assert.Equal(0.0, Sum([]));

    [Fact]
    public void LargeAndSmall_CancelExactly()
    {
        // 1e100 + 1 − 1e100 is 1 exactly; a plain left-to-right sum gives 0.
        Assert.Equal(1.0, Sum([1e100, 1.0, -1e100]));
        Assert.Equal(0.0, 1e100 + 1.0 - 1e100);
    }

    [Fact]
    public void TenthsTenTimes_RoundOnce()
    {
        // Ten times the double nearest 0.1 is 1.000000000000000055511151231257827 exactly, whose
        // nearest double is 1; a plain left-to-right sum gives 0.9999999999999999.
        Assert.Equal(1.0, Sum(Enumerable.Repeat(0.1, 10)));
        Assert.NotEqual(1.0, Enumerable.Repeat(0.1, 10).Aggregate(0.0, (a, b) => a + b));
    }

    [Fact]
    public void HalfwayCase_RoundsToEvenUnlessTheRestPushesPast()
    {
        // 1 + 2⁻⁵³ is halfway between 1 and 1 + 2⁻⁵²: ties to even give 1. A further 2⁻¹⁰⁰ puts the
        // true sum past halfway, so the nearest double is 1 + 2⁻⁵² (the correction step).
        double half = Math.Pow(2, -53);
        Assert.Equal(1.0, Sum([1.0, half]));
        Assert.Equal(1.0 + Math.Pow(2, -52), Sum([1.0, half, Math.Pow(2, -100)]));
        Assert.Equal(1.0 + Math.Pow(2, -52), Sum([Math.Pow(2, -100), half, 1.0]));
    }

    [Fact]
    public void ManyExponents_SpillPastTheInlinePartials()
    {
        // 2⁰ + 2⁻⁶⁰ + 2⁻¹²⁰ + … + 2⁻⁵⁴⁰ needs ten non-overlapping partials; minus 2⁰ leaves 2⁻⁶⁰ + … ,
        // whose nearest double is 2⁻⁶⁰ (the rest is below its last bit) — hand-worked.
        var values = Enumerable.Range(0, 10).Select(k => Math.Pow(2, -60 * k)).ToList();
        values.Add(-1.0);
        Assert.Equal(Math.Pow(2, -60), Sum(values));
    }

    [Fact]
    public void Overflow_StaysInfinite()
    {
        Assert.Equal(double.PositiveInfinity, Sum([double.MaxValue, double.MaxValue, -double.MaxValue]));
    }

    [Fact]
    public void Merge_OfTwoSums_IsTheSumOfAll()
    {
        ExactSum a = default, b = default;
        a.Add(1e100);
        a.Add(1.0);
        b.Add(-1e100);
        b.Add(0.5);
        ExactSum merged = a.Copy();
        merged.Add(b);
        Assert.Equal(1.5, merged.Value);
        Assert.Equal(1e100 + 1.0, a.Value); // the copy left a unchanged
    }

    /// <summary>Doubles m·2ᵉ with |m| &lt; 2⁵³ and e from −30 to 10: exact multiples of 2⁻³⁰, so their sum is an exact integer count of 2⁻³⁰.</summary>
    private static readonly Gen<(long Mantissa, int Exponent)[]> s_values =
        Gen.ArrayOf(
            from m in Gen.Choose(-(1 << 30), 1 << 30).SelectMany(hi => Gen.Choose(0, 1 << 22).Select(lo => ((long)hi << 22) | (uint)lo))
            from e in Gen.Choose(-30, 10)
            select (m, e));

    /// <summary>The reference: the exact sum in units of 2⁻³⁰, rounded to 53 bits by hand (ties to even).</summary>
    private static double Rounded(BigInteger units)
    {
        if (units.IsZero)
        {
            return 0;
        }

        int sign = units.Sign;
        BigInteger magnitude = BigInteger.Abs(units);
        int bits = (int)Math.Ceiling(BigInteger.Log(magnitude, 2) + 1e-9);
        while (BigInteger.One << bits <= magnitude)
        {
            bits++;
        }

        while (bits > 0 && BigInteger.One << (bits - 1) > magnitude)
        {
            bits--;
        }

        int drop = Math.Max(0, bits - 53);
        BigInteger kept = magnitude >> drop;
        if (drop > 0)
        {
            BigInteger rest = magnitude - (kept << drop);
            BigInteger half = BigInteger.One << (drop - 1);
            if (rest > half || (rest == half && !kept.IsEven))
            {
                kept += 1;
            }
        }

        return sign * Math.ScaleB((double)kept, drop - 30); // kept ≤ 2⁵³: exact as a double
    }

    [Fact]
    public void AnyOrder_EqualsTheExactReference()
    {
        PropertyCheck.ForAll(
            from values in s_values
            from seed in Gen.Choose(0, int.MaxValue)
            select (values, seed),
            c =>
            {
                BigInteger units = c.values.Aggregate(BigInteger.Zero, (total, v) => total + (new BigInteger(v.Mantissa) << (v.Exponent + 30)));
                double expected = Rounded(units);
                double[] doubles = c.values.Select(v => Math.ScaleB((double)v.Mantissa, v.Exponent)).ToArray(); // exact: |m| < 2⁵³
                var random = new Random(c.seed);
                double[] shuffled = doubles.OrderBy(_ => random.Next()).ToArray();
                return Sum(doubles).Equals(expected) && Sum(shuffled).Equals(expected);
            });
    }

    [Fact]
    public void TheReference_RoundsAHalfwayCaseToEven()
    {
        // 2⁵³ + 1 units of 2⁻³⁰ is halfway between 2⁵³ and 2⁵³ + 2 units: to even, 2⁵³ units = 2²³.
        Assert.Equal(Math.Pow(2, 23), Rounded((BigInteger.One << 53) + 1));
        Assert.Equal(Math.Pow(2, 23) + Math.Pow(2, -29) * 2, Rounded((BigInteger.One << 53) + 3));
    }

    [Fact]
    public void AnySplit_MergedInAnyOrder_EqualsOneSum()
    {
        PropertyCheck.ForAll(
            from values in Gen.ArrayOf(Gen.Elements(0.1, 1e-9, 3.7e12, 1e300, -1e300, 2.5, -0.3, 1e-300))
            from parts in Gen.Choose(1, 6)
            from seed in Gen.Choose(0, int.MaxValue)
            select (values, parts, seed),
            c =>
            {
                var random = new Random(c.seed);
                var partials = Enumerable.Range(0, c.parts).Select(_ => default(ExactSum)).ToArray();
                foreach (double v in c.values)
                {
                    partials[random.Next(c.parts)].Add(v);
                }

                ExactSum merged = default;
                foreach (int k in Enumerable.Range(0, c.parts).OrderBy(_ => random.Next()))
                {
                    merged.Add(partials[k]);
                }

                return merged.Value.Equals(Sum(c.values));
            });
    }
}
