using System;
using System.Collections.Generic;
using System.Globalization;
using CustomerValuation.Internal;

namespace CustomerValuation.Tiering;

/// <summary>How <see cref="Topsis"/> normalises each criterion's column before weighting.</summary>
public enum TopsisNormalization
{
    /// <summary>Vector normalisation, rᵢⱼ = xᵢⱼ / √(Σₖ xₖⱼ²) (Hwang and Yoon's original; the default). Values must not be negative.</summary>
    Vector,

    /// <summary>Min–max, rᵢⱼ = (xᵢⱼ − minⱼ) / (maxⱼ − minⱼ); a constant column gives 0.</summary>
    MinMax,
}

/// <summary>
/// TOPSIS (technique for order of preference by similarity to the ideal solution): ranks
/// alternatives by their relative closeness to the ideal point and distance from the anti-ideal.
/// </summary>
/// <remarks>
/// vᵢⱼ = wⱼ · rᵢⱼ with weights normalised to sum to 1; the ideal A⁺ takes each column's best
/// (largest for higher-is-better criteria, smallest for lower-is-better), the anti-ideal A⁻ its
/// worst; Sᵢ⁺ = ‖vᵢ − A⁺‖₂, Sᵢ⁻ = ‖vᵢ − A⁻‖₂, and the closeness Cᵢ = Sᵢ⁻ / (Sᵢ⁺ + Sᵢ⁻) ∈ [0, 1], 1 =
/// the ideal. When every alternative is identical (Sᵢ⁺ + Sᵢ⁻ = 0) every Cᵢ is 0.5. A vector-normalised
/// column of zeros stays zero. (C.-L. Hwang and K. Yoon, <i>Multiple Attribute Decision Making</i>,
/// Springer, 1981.) O(n·k) time.
/// </remarks>
public static class Topsis
{
    /// <summary>Computes the closeness of every alternative.</summary>
    /// <param name="values">Row-major alternatives × criteria: alternative i's value for criterion j at [i × k + j]; finite.</param>
    /// <param name="weights">One weight per criterion; finite, not negative, not all zero (normalised here).</param>
    /// <param name="directions">One direction per criterion.</param>
    /// <param name="normalization">The column normalisation; vector by default.</param>
    /// <returns>The closeness per alternative with the intermediate values.</returns>
    /// <exception cref="ArgumentException">No criteria, lengths that do not match, a bad weight, or all weights zero.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A value is not finite, or negative under vector normalisation (the message names the row and criterion).</exception>
    public static TopsisResult Rank(ReadOnlySpan<double> values, ReadOnlySpan<double> weights, ReadOnlySpan<CriterionDirection> directions, TopsisNormalization normalization = TopsisNormalization.Vector)
    {
        int k = weights.Length;
        if (k == 0)
        {
            throw new ArgumentException("Give one weight per criterion; there are none.", nameof(weights));
        }

        if (directions.Length != k)
        {
            throw new ArgumentException(string.Format(CultureInfo.InvariantCulture, "Give one weight and one direction per criterion (got {0} weights and {1} directions).", k, directions.Length), nameof(directions));
        }

        if (values.Length == 0 || values.Length % k != 0)
        {
            throw new ArgumentException(string.Format(CultureInfo.InvariantCulture, "The input has {0} values; it must hold {1} per alternative for at least one alternative.", values.Length, k), nameof(values));
        }

        if (normalization is not (TopsisNormalization.Vector or TopsisNormalization.MinMax))
        {
            throw new ArgumentOutOfRangeException(nameof(normalization), normalization, "Use Vector or MinMax.");
        }

        double largest = 0;
        for (int j = 0; j < k; j++)
        {
            if (!(weights[j] >= 0) || double.IsInfinity(weights[j]))
            {
                throw new ArgumentException(string.Format(CultureInfo.InvariantCulture, "Weight {0} is {1}; weights must be finite and not negative.", j, weights[j]), nameof(weights));
            }

            largest = Math.Max(largest, weights[j]);
        }

        if (!(largest > 0))
        {
            throw new ArgumentException("The weights add up to 0; at least one must be above 0.", nameof(weights));
        }

        // Divided by the largest weight first, so that weights near the largest double still add up.
        double total = 0;
        for (int j = 0; j < k; j++)
        {
            total += weights[j] / largest;
        }

        int n = values.Length / k;
        for (int i = 0; i < values.Length; i++)
        {
            double x = values[i];
            if (double.IsNaN(x) || double.IsInfinity(x) || (normalization == TopsisNormalization.Vector && x < 0))
            {
                throw new ArgumentOutOfRangeException(
                    nameof(values),
                    x,
                    string.Format(CultureInfo.InvariantCulture, "Row {0}, criterion {1} is {2}; values must be finite{3}.", i / k, i % k, x, normalization == TopsisNormalization.Vector ? " and not negative under vector normalisation" : string.Empty));
            }
        }

        var weighted = new double[values.Length];
        var ideal = new double[k];
        var antiIdeal = new double[k];
        for (int j = 0; j < k; j++)
        {
            double w = weights[j] / largest / total;
            // Each column is first scaled by a power of two near its largest magnitude (r does not change), so that
            // the sum of squares neither overflows (1e200) nor underflows (1e-200), and max − min
            // cannot overflow.
            double s = 0;
            for (int i = 0; i < n; i++)
            {
                s = Math.Max(s, Math.Abs(values[(i * k) + j]));
            }

            s = Magnitude.InverseScale(s); // an exact power of two: multiply instead of divide
            double a = 0, b = 0;
            if (normalization == TopsisNormalization.Vector)
            {
                var squares = default(NeumaierSum);
                for (int i = 0; i < n; i++)
                {
                    double x = values[(i * k) + j] * s;
                    squares.Add(x * x);
                }

                a = Math.Sqrt(squares.Value);
            }
            else
            {
                double min = double.PositiveInfinity, max = double.NegativeInfinity;
                for (int i = 0; i < n; i++)
                {
                    min = Math.Min(min, values[(i * k) + j] * s);
                    max = Math.Max(max, values[(i * k) + j] * s);
                }

                a = max - min;
                b = min;
            }

            double best = double.NegativeInfinity, worst = double.PositiveInfinity;
            for (int i = 0; i < n; i++)
            {
                double r = a > 0 ? ((values[(i * k) + j] * s) - b) / a : 0;
                double v = w * r;
                weighted[(i * k) + j] = v;
                best = Math.Max(best, v);
                worst = Math.Min(worst, v);
            }

            bool lower = directions[j] == CriterionDirection.LowerIsBetter;
            ideal[j] = lower ? worst : best;
            antiIdeal[j] = lower ? best : worst;
        }

        var closeness = new double[n];
        var toIdeal = new double[n];
        var toAntiIdeal = new double[n];
        for (int i = 0; i < n; i++)
        {
            double plus = 0, minus = 0;
            for (int j = 0; j < k; j++)
            {
                double v = weighted[(i * k) + j];
                plus += (v - ideal[j]) * (v - ideal[j]);
                minus += (v - antiIdeal[j]) * (v - antiIdeal[j]);
            }

            toIdeal[i] = Math.Sqrt(plus);
            toAntiIdeal[i] = Math.Sqrt(minus);
            double sum = toIdeal[i] + toAntiIdeal[i];
            closeness[i] = sum > 0 ? toAntiIdeal[i] / sum : 0.5;
        }

        return new TopsisResult(closeness, toIdeal, toAntiIdeal, weighted, ideal, antiIdeal);
    }
}

/// <summary>The result of <see cref="Topsis.Rank"/>, per alternative in input order.</summary>
public sealed class TopsisResult
{
    private readonly double[] _closeness;
    private readonly double[] _toIdeal;
    private readonly double[] _toAntiIdeal;
    private readonly double[] _weighted;

    internal TopsisResult(double[] closeness, double[] toIdeal, double[] toAntiIdeal, double[] weighted, double[] ideal, double[] antiIdeal)
    {
        _closeness = closeness;
        _toIdeal = toIdeal;
        _toAntiIdeal = toAntiIdeal;
        _weighted = weighted;
        Ideal = Array.AsReadOnly(ideal);
        AntiIdeal = Array.AsReadOnly(antiIdeal);
    }

    /// <summary>The relative closeness Cᵢ ∈ [0, 1] of each alternative (1 = the ideal).</summary>
    public ReadOnlySpan<double> Closeness => _closeness;

    /// <summary>The distance Sᵢ⁺ of each alternative from the ideal.</summary>
    public ReadOnlySpan<double> DistanceToIdeal => _toIdeal;

    /// <summary>The distance Sᵢ⁻ of each alternative from the anti-ideal.</summary>
    public ReadOnlySpan<double> DistanceToAntiIdeal => _toAntiIdeal;

    /// <summary>The weighted normalised values vᵢⱼ, row-major like the input.</summary>
    public ReadOnlySpan<double> WeightedNormalizedValues => _weighted;

    /// <summary>The ideal point A⁺ (per criterion).</summary>
    public IReadOnlyList<double> Ideal { get; }

    /// <summary>The anti-ideal point A⁻ (per criterion).</summary>
    public IReadOnlyList<double> AntiIdeal { get; }
}
