using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace CustomerValuation.Lifetime;

/// <summary>
/// Maximizes a mean log-likelihood over log-parameters from several starts with MathNet's BFGS,
/// polishes the best point with safeguarded Newton steps, and reports instead of throwing.
/// </summary>
internal static class MaximumLikelihood
{
    private const double LogBound = 30; // parameters within e^±30

    private const double RoundingNoise = 1e-13; // relative noise of a mean log-likelihood allowed to a polishing step

    /// <summary>The mean log-likelihood per customer at the log-parameters; fills its gradient with respect to them.</summary>
    public delegate double Objective(double[] logParameters, double[] gradient);

    public static (double[] Estimates, LifetimeFitReport Report) Fit(
        string model,
        string[] names,
        Objective meanLogLikelihood,
        IReadOnlyList<double[]> starts,
        double totalWeight,
        int customers,
        int rows,
        LifetimeFitOptions options)
    {
        int k = names.Length;
        var messages = new StringBuilder();
        double[]? best = null;
        double bestValue = double.NegativeInfinity;
        int bestIterations = 0;
        int converged = 0;
        var gradient = new double[k];

        for (int start = 0; start < starts.Count; start++)
        {
            var x0 = new double[k];
            for (int i = 0; i < k; i++)
            {
                x0[i] = Math.Log(starts[start][i]);
            }

            var seen = new BestSeen(k);
            int iterations = 0;
            var objective = ObjectiveFunction.Gradient(v =>
            {
                double[] point = v.ToArray();
                var g = new double[k];
                double value = Bounded(meanLogLikelihood, point, g);
                seen.Offer(point, value);
                for (int i = 0; i < k; i++)
                {
                    g[i] = -g[i];
                }

                return (-value, Vector<double>.Build.DenseOfArray(g));
            });

            try
            {
                var minimizer = new BfgsMinimizer(options.GradientTolerance / 10, 1e-12, 1e-15, options.MaximumIterations);
                MinimizationResult result = minimizer.FindMinimum(objective, Vector<double>.Build.DenseOfArray(x0));
                iterations = result.Iterations;
                seen.Offer(result.MinimizingPoint.ToArray(), -result.FunctionInfoAtMinimum.Value);
            }
            catch (OptimizationException e)
            {
                iterations = options.MaximumIterations;
                messages.AppendFormat(CultureInfo.InvariantCulture, "Start {0}: the optimizer stopped ({1}); its best point is used. ", start + 1, e.Message.TrimEnd('.'));
            }

            if (seen.Point is null)
            {
                messages.AppendFormat(CultureInfo.InvariantCulture, "Start {0}: no finite log-likelihood was found. ", start + 1);
                continue;
            }

            double[] point = seen.Point;
            double value = Polish(meanLogLikelihood, point, gradient, ref iterations, options.MaximumIterations);
            bool startConverged = MaxAbs(gradient) <= options.GradientTolerance;
            if (startConverged)
            {
                converged++;
            }

            if (value > bestValue)
            {
                bestValue = value;
                best = point;
                bestIterations = iterations;
            }
        }

        if (best is null)
        {
            // Every start failed before a single finite value: report the first start as it is.
            best = new double[k];
            for (int i = 0; i < k; i++)
            {
                best[i] = Math.Log(starts[0][i]);
            }

            bestValue = Bounded(meanLogLikelihood, best, gradient);
        }

        Bounded(meanLogLikelihood, best, gradient);
        double gradientNorm = MaxAbs(gradient);
        bool isConverged = gradientNorm <= options.GradientTolerance && !double.IsInfinity(bestValue);
        if (!isConverged)
        {
            messages.AppendFormat(
                CultureInfo.InvariantCulture,
                "The best point's largest gradient component is {0:G3}, above the tolerance {1:G3}: the estimates may be off (a parameter may be running to 0 or infinity). ",
                gradientNorm,
                options.GradientTolerance);
        }

        for (int i = 0; i < k; i++)
        {
            if (Math.Abs(best[i]) >= LogBound - 1)
            {
                isConverged = false;
                messages.AppendFormat(
                    CultureInfo.InvariantCulture,
                    "The parameter {0} ran to {1:G3}, near the bound e^{2}30: the likelihood has no interior maximum for these data (too few repeat purchases?). ",
                    names[i],
                    Math.Exp(best[i]),
                    best[i] > 0 ? "+" : "-");
            }
        }

        var estimates = new double[k];
        for (int i = 0; i < k; i++)
        {
            estimates[i] = Math.Exp(best[i]);
        }

        double?[] errors = StandardErrors(meanLogLikelihood, best, totalWeight);
        if (errors[0] is null)
        {
            isConverged = false;
            messages.Append("The observed information is not positive definite at the estimates (the likelihood is flat or not at a maximum there): no standard errors. ");
        }

        var parameters = new LifetimeParameterEstimate[k];
        for (int i = 0; i < k; i++)
        {
            parameters[i] = new LifetimeParameterEstimate(names[i], estimates[i], errors[i]);
        }

        var report = new LifetimeFitReport(
            model,
            isConverged,
            bestIterations,
            starts.Count,
            converged,
            bestValue * totalWeight,
            parameters,
            customers,
            rows,
            gradientNorm,
            messages.ToString().TrimEnd());
        return (estimates, report);
    }

    /// <summary>The objective at log-parameters kept within e^±30, with a quadratic pull back from outside (so the optimizer never sees an overflow).</summary>
    private static double Bounded(Objective objective, double[] logParameters, double[] gradient)
    {
        int k = logParameters.Length;
        var inside = new double[k];
        double penalty = 0;
        for (int i = 0; i < k; i++)
        {
            double lp = double.IsNaN(logParameters[i]) ? 0 : logParameters[i];
            inside[i] = Math.Min(LogBound, Math.Max(-LogBound, lp));
            penalty += 0.5 * (lp - inside[i]) * (lp - inside[i]);
        }

        double value = objective(inside, gradient);
        bool finite = !double.IsNaN(value) && !double.IsInfinity(value);
        for (int i = 0; i < k; i++)
        {
            if (!finite || double.IsNaN(gradient[i]) || double.IsInfinity(gradient[i]))
            {
                finite = false;
                break;
            }
        }

        if (!finite)
        {
            Array.Clear(gradient, 0, k);
            return -1e30;
        }

        for (int i = 0; i < k; i++)
        {
            gradient[i] -= logParameters[i] - inside[i];
        }

        return value - penalty;
    }

    /// <summary>Safeguarded Newton steps (Hessian by central differences of the gradient; a step is kept only when it raises the value).</summary>
    private static double Polish(Objective objective, double[] point, double[] gradient, ref int iterations, int maximumIterations)
    {
        int k = point.Length;
        double value = Bounded(objective, point, gradient);
        for (int iteration = 0; iteration < 50 && iterations < maximumIterations; iteration++)
        {
            if (MaxAbs(gradient) < 1e-12)
            {
                break;
            }

            double[,] hessian = Hessian(objective, point, 1e-5);
            var negative = new double[k, k];
            for (int i = 0; i < k; i++)
            {
                for (int j = 0; j < k; j++)
                {
                    negative[i, j] = -hessian[i, j];
                }
            }

            double[]? step = SolvePositiveDefinite(negative, gradient);
            if (step is null)
            {
                break;
            }

            bool improved = false;
            for (double scale = 1; scale > 1e-4; scale /= 4)
            {
                var trial = new double[k];
                for (int i = 0; i < k; i++)
                {
                    trial[i] = point[i] + (scale * step[i]);
                }

                var trialGradient = new double[k];
                double trialValue = Bounded(objective, trial, trialGradient);
                // Near the maximum a Newton step gains less than the rounding noise of the mean
                // log-likelihood (ln Γ terms of thousands per row: about 1e-14 of the value), so a
                // step that shrinks the gradient is kept unless the value falls beyond that noise.
                if (trialValue > value || (trialValue >= value - (RoundingNoise * Math.Max(1, Math.Abs(value))) && MaxAbs(trialGradient) < MaxAbs(gradient)))
                {
                    Array.Copy(trial, point, k);
                    Array.Copy(trialGradient, gradient, k);
                    value = trialValue;
                    improved = true;
                    break;
                }
            }

            iterations++;
            if (!improved)
            {
                break;
            }
        }

        return value;
    }

    /// <summary>Standard errors of the natural parameters from the observed information of the total log-likelihood.</summary>
    private static double?[] StandardErrors(Objective objective, double[] logParameters, double totalWeight)
    {
        int k = logParameters.Length;
        var errors = new double?[k];

        // Hessian in natural parameters θ = e^lp: ∂ℓ/∂θ = (∂ℓ/∂lp) ÷ θ; central differences with relative steps.
        var theta = new double[k];
        for (int i = 0; i < k; i++)
        {
            theta[i] = Math.Exp(logParameters[i]);
        }

        var hessian = new double[k, k];
        for (int j = 0; j < k; j++)
        {
            double h = 1e-4 * theta[j];
            double[] plus = NaturalGradient(objective, theta, j, h);
            double[] minus = NaturalGradient(objective, theta, j, -h);
            for (int i = 0; i < k; i++)
            {
                hessian[i, j] = (plus[i] - minus[i]) / (2 * h) * totalWeight;
            }
        }

        var information = new double[k, k];
        for (int i = 0; i < k; i++)
        {
            for (int j = 0; j < k; j++)
            {
                information[i, j] = -0.5 * (hessian[i, j] + hessian[j, i]);
            }
        }

        double[,]? inverse = InversePositiveDefinite(information);
        if (inverse is null)
        {
            return errors;
        }

        for (int i = 0; i < k; i++)
        {
            errors[i] = Math.Sqrt(inverse[i, i]);
        }

        return errors;
    }

    private static double[] NaturalGradient(Objective objective, double[] theta, int index, double step)
    {
        int k = theta.Length;
        var lp = new double[k];
        var natural = new double[k];
        for (int i = 0; i < k; i++)
        {
            natural[i] = theta[i] + (i == index ? step : 0);
            lp[i] = Math.Log(natural[i]);
        }

        var g = new double[k];
        Bounded(objective, lp, g);
        for (int i = 0; i < k; i++)
        {
            g[i] /= natural[i];
        }

        return g;
    }

    private static double[,] Hessian(Objective objective, double[] point, double step)
    {
        int k = point.Length;
        var hessian = new double[k, k];
        var plus = new double[k];
        var minus = new double[k];
        for (int j = 0; j < k; j++)
        {
            var p = (double[])point.Clone();
            p[j] += step;
            Bounded(objective, p, plus);
            p[j] -= 2 * step;
            Bounded(objective, p, minus);
            for (int i = 0; i < k; i++)
            {
                hessian[i, j] = (plus[i] - minus[i]) / (2 * step);
            }
        }

        for (int i = 0; i < k; i++)
        {
            for (int j = 0; j < i; j++)
            {
                double mean = 0.5 * (hessian[i, j] + hessian[j, i]);
                hessian[i, j] = mean;
                hessian[j, i] = mean;
            }
        }

        return hessian;
    }

    /// <summary>Cholesky factor of a symmetric matrix, or null when it is not positive definite.</summary>
    private static double[,]? Cholesky(double[,] matrix)
    {
        int k = matrix.GetLength(0);
        var l = new double[k, k];
        for (int i = 0; i < k; i++)
        {
            for (int j = 0; j <= i; j++)
            {
                double sum = matrix[i, j];
                for (int m = 0; m < j; m++)
                {
                    sum -= l[i, m] * l[j, m];
                }

                if (i == j)
                {
                    if (!(sum > 0) || double.IsInfinity(sum))
                    {
                        return null;
                    }

                    l[i, i] = Math.Sqrt(sum);
                }
                else
                {
                    l[i, j] = sum / l[j, j];
                }
            }
        }

        return l;
    }

    private static double[]? SolvePositiveDefinite(double[,] matrix, double[] rightHandSide)
    {
        double[,]? l = Cholesky(matrix);
        if (l is null)
        {
            return null;
        }

        int k = rightHandSide.Length;
        var y = new double[k];
        for (int i = 0; i < k; i++)
        {
            double sum = rightHandSide[i];
            for (int m = 0; m < i; m++)
            {
                sum -= l[i, m] * y[m];
            }

            y[i] = sum / l[i, i];
        }

        var x = new double[k];
        for (int i = k - 1; i >= 0; i--)
        {
            double sum = y[i];
            for (int m = i + 1; m < k; m++)
            {
                sum -= l[m, i] * x[m];
            }

            x[i] = sum / l[i, i];
        }

        return x;
    }

    private static double[,]? InversePositiveDefinite(double[,] matrix)
    {
        int k = matrix.GetLength(0);
        var inverse = new double[k, k];
        for (int j = 0; j < k; j++)
        {
            var unit = new double[k];
            unit[j] = 1;
            double[]? column = SolvePositiveDefinite(matrix, unit);
            if (column is null)
            {
                return null;
            }

            for (int i = 0; i < k; i++)
            {
                inverse[i, j] = column[i];
            }
        }

        return inverse;
    }

    private static double MaxAbs(double[] values)
    {
        double max = 0;
        foreach (double v in values)
        {
            max = Math.Max(max, Math.Abs(v));
        }

        return max;
    }

    /// <summary>The best (highest) value seen by the optimizer, so that a start that throws still gives its best point.</summary>
    private sealed class BestSeen(int dimension)
    {
        private readonly int _dimension = dimension;

        public double[]? Point { get; private set; }

        public double Value { get; private set; } = double.NegativeInfinity;

        public void Offer(double[] point, double value)
        {
            if (point.Length == _dimension && value > Value && value > -1e29)
            {
                Value = value;
                Point = (double[])point.Clone();
            }
        }
    }
}
