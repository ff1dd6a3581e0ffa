using System;
using System.Buffers;
using System.Globalization;
using CustomerValuation.Internal;

namespace CustomerValuation.Abc;

/// <summary>
/// Computed ABC analysis (Ultsch &amp; Lötsch 2015): breakpoints chosen from the data by the
/// Pareto point, the break-even point and the submarginal point of the ABC curve.
/// </summary>
/// <remarks>
/// <para>
/// Source: A. Ultsch, J. Lötsch (2015), "Computed ABC Analysis for Rational Selection of Most
/// Informative Variables in Multivariate Data", PLoS ONE 10(6): e0129767; the method of the R
/// package ABCanalysis.
/// </para>
/// <para>
/// With the m positive values ranked x₍₁₎ ≥ … ≥ x₍ₘ₎, total T, the ABC curve has the points
/// (pᵢ, Cᵢ) = (i ÷ m, (x₍₁₎ + … + x₍ᵢ₎) ÷ T), i = 1 … m. The Pareto point is the point nearest
/// to the ideal point (0, 1): it minimises pᵢ² + (1 − Cᵢ)². The break-even point is where the
/// curve's slope m·x₍ᵢ₎ ÷ T (the slope of the segment that ends at rank i) is nearest to 1, i.e.
/// the customer whose value is nearest to the mean. The A|B boundary is whichever of the two has
/// the smaller rank, i_A; with p_B the larger of their efforts, the submarginal point minimises
/// (pᵢ − p_B)² + (1 − Cᵢ)², giving the B|C boundary i_C. Ranks 1 … i_A are A, i_A + 1 … i_C are B,
/// the rest C. Ties in the minimisations go to the smaller rank.
/// </para>
/// <para>
/// Difference from the R package: the curve is evaluated at the data points themselves instead of
/// on a spline interpolated to a grid (101 points below 101 values, 1,001 from there on), so the
/// result is exact for the data and does not depend on a grid; values that are zero or negative
/// take no part (R sets them to zero and keeps them in the effort axis).
/// On the package's SwissInhabitants data this gives 642 / 434 / 1,820 communes, as the
/// independent Julia port CalculatedABC.jl reports.
/// </para>
/// </remarks>
public static class ComputedAbc
{
    /// <summary>Finds the computed-ABC points of the values and the value-share options that reproduce its classes.</summary>
    /// <param name="values">One value per customer; every value finite; at least three positive values.</param>
    /// <returns>The three points, the two boundary ranks and the options to classify with.</returns>
    /// <remarks>Time O(n) (radix sort and two passes); allocates only scratch from the shared pool and the result.</remarks>
    /// <exception cref="ArgumentOutOfRangeException">A value is NaN, infinite or subnormal (the message names its index).</exception>
    /// <exception cref="ArgumentException">
    /// The data give no proper three-class split (fewer than three positive values, the boundaries
    /// fall on the same or last rank, or the boundary customers hold too small a share for value
    /// shares to separate them; the message names the ranks), or the positive values add up to more
    /// than <see cref="double.MaxValue"/> (or the negative ones to less than <see cref="double.MinValue"/>).
    /// </exception>
    public static ComputedAbcResult Compute(ReadOnlySpan<double> values)
    {
        int n = values.Length;
        int positiveCount;
        double total;
        using (ShareHistogram checkedValues = ShareHistogram.Build(values, AbcOptions.Default))
        {
            // The same checks (finite, not subnormal, total not overflowing) and the same total as the classifier.
            positiveCount = checkedValues.PositiveCount;
            total = checkedValues.TotalValue;
        }

        if (positiveCount < 3)
        {
            throw new ArgumentException(
                string.Format(CultureInfo.InvariantCulture, "Computed ABC needs at least 3 positive values to form three classes; {0} were given.", positiveCount),
                nameof(values));
        }

        double[] cumulative = ArrayPool<double>.Shared.Rent(Math.Max(1, n));
        RankedKeys ranked = DescendingRadixSort.Rank(values);
        try
        {
            int m = positiveCount;
            NeumaierSum running = default;
            for (int i = 0; i < m; i++)
            {
                running.Add(DescendingRadixSort.ValueOf(ranked.Keys[i]));
                cumulative[i] = running.Value;
            }

            int pareto = 0;
            int breakEven = 0;
            double bestPareto = double.PositiveInfinity;
            double bestBreakEven = double.PositiveInfinity;
            for (int i = 0; i < m; i++)
            {
                double effort = (double)(i + 1) / m;
                double yieldGap = 1 - (cumulative[i] / total);
                double distance = (effort * effort) + (yieldGap * yieldGap);
                if (distance < bestPareto)
                {
                    bestPareto = distance;
                    pareto = i;
                }

                double slopeGap = Math.Abs((m * DescendingRadixSort.ValueOf(ranked.Keys[i]) / total) - 1);
                if (slopeGap < bestBreakEven)
                {
                    bestBreakEven = slopeGap;
                    breakEven = i;
                }
            }

            int boundaryA = Math.Min(pareto, breakEven);
            double effortB = (double)(Math.Max(pareto, breakEven) + 1) / m;
            int submarginal = 0;
            double bestSubmarginal = double.PositiveInfinity;
            for (int i = 0; i < m; i++)
            {
                double dx = ((double)(i + 1) / m) - effortB;
                double dy = 1 - (cumulative[i] / total);
                double distance = (dx * dx) + (dy * dy);
                if (distance < bestSubmarginal)
                {
                    bestSubmarginal = distance;
                    submarginal = i;
                }
            }

            ParetoPoint Point(int i) => new(i + 1, (double)(i + 1) / m, cumulative[i] / total);
            int rankA = boundaryA + 1;
            int rankC = submarginal + 1;
            if (rankC <= rankA || rankC >= m)
            {
                throw new ArgumentException(
                    string.Format(CultureInfo.InvariantCulture, "Computed ABC found the A|B boundary at rank {0} and the B|C boundary at rank {1} of {2} positive values, which leaves class B or C empty; use fixed breakpoints for these data.", rankA, rankC, m),
                    nameof(values));
            }

            // Value shares can only separate customers that hold more than the share tolerance: the
            // last customer of A and of B must each hold more than twice it, and B|C must stay below 1.
            double lastOfA = DescendingRadixSort.ValueOf(ranked.Keys[boundaryA]) / total;
            double lastOfB = DescendingRadixSort.ValueOf(ranked.Keys[submarginal]) / total;
            double breakpointA = cumulative[boundaryA] / total;
            double breakpointB = cumulative[submarginal] / total;
            if (lastOfA <= 2 * AbcClassifier.ShareTolerance || lastOfB <= 2 * AbcClassifier.ShareTolerance
                || breakpointA < AbcOptions.MinBreakpoint || breakpointB > 1 - AbcOptions.MinBreakpoint)
            {
                throw new ArgumentException(
                    string.Format(CultureInfo.InvariantCulture, "Computed ABC put the boundaries at ranks {0} and {1} of {2}, but the customers at those boundaries, or all those after rank {1}, hold too small a share of the total for value-share classes to separate them; use fixed breakpoints for these data.", rankA, rankC, m),
                    nameof(values));
            }

            var options = new AbcOptions(new[] { breakpointA, breakpointB });
            return new ComputedAbcResult(Point(pareto), Point(breakEven), Point(submarginal), rankA, rankC, options);
        }
        finally
        {
            ranked.Dispose();
            ArrayPool<double>.Shared.Return(cumulative);
        }
    }
}
