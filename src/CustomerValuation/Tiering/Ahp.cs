using System;
using System.Collections.Generic;
using System.Globalization;
using CustomerValuation.Internal;

namespace CustomerValuation.Tiering;

/// <summary>
/// Criterion weights from a pairwise-comparison matrix by the analytic hierarchy process (AHP):
/// the principal eigenvector, with Saaty's consistency ratio.
/// </summary>
/// <remarks>
/// <para>
/// For an n × n positive reciprocal matrix A (aᵢⱼ = how many times criterion i is more important
/// than j, aⱼᵢ = 1 / aᵢⱼ, aᵢᵢ = 1), the weights w are the principal (Perron) eigenvector,
/// A w = λmax w, scaled to sum to 1, computed by power iteration. Consistency index
/// CI = (λmax − n) / (n − 1); consistency ratio CR = CI / RI(n), with Saaty's random indices
/// RI = 0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59 for
/// n = 1 … 15 (T. L. Saaty, <i>The Analytic Hierarchy Process</i>, McGraw-Hill, 1980: the table most
/// AHP software uses; later tables from larger simulations differ in the second decimal). For
/// n ≤ 2 every reciprocal matrix is consistent and CR = 0.
/// </para>
/// </remarks>
public static class Ahp
{
    private static readonly double[] s_randomIndex = [0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59];

    /// <summary>The largest matrix size with a random index in the table (15).</summary>
    public const int MaximumCriteria = 15;

    /// <summary>Analyses a pairwise-comparison matrix.</summary>
    /// <param name="pairwise">The n × n matrix, 1 ≤ n ≤ 15: positive finite entries, ones on the diagonal, aⱼᵢ = 1 / aᵢⱼ (relative tolerance 10⁻⁶).</param>
    /// <param name="consistencyLimit">The largest acceptable consistency ratio; 0.10 by default (Saaty's rule).</param>
    /// <returns>The weights, λmax, CI, RI, CR and whether CR is within the limit.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="pairwise"/> is null.</exception>
    /// <exception cref="ArgumentException">The matrix is not square, has more than 15 rows, an entry that is not positive and finite, a diagonal entry other than 1, or a pair that is not reciprocal (the message names the cells).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="consistencyLimit"/> is negative or not finite.</exception>
    public static AhpResult Analyze(double[,] pairwise, double consistencyLimit = 0.10)
    {
        Guard.NotNull(pairwise, nameof(pairwise));
        int n = pairwise.GetLength(0);
        if (n == 0 || pairwise.GetLength(1) != n)
        {
            throw new ArgumentException(
                string.Format(CultureInfo.InvariantCulture, "The pairwise matrix is {0} × {1}; it must be square with at least one row.", n, pairwise.GetLength(1)),
                nameof(pairwise));
        }

        if (n > MaximumCriteria)
        {
            throw new ArgumentException(string.Format(CultureInfo.InvariantCulture, "The pairwise matrix has {0} rows; the random-index table covers at most {1} criteria.", n, MaximumCriteria), nameof(pairwise));
        }

        if (!(consistencyLimit >= 0) || double.IsInfinity(consistencyLimit))
        {
            throw new ArgumentOutOfRangeException(nameof(consistencyLimit), consistencyLimit, "The consistency limit must be finite and not negative (0.10 is Saaty's).");
        }

        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double a = pairwise[i, j];
                if (!(a > 0) || double.IsInfinity(a))
                {
                    throw new ArgumentException(string.Format(CultureInfo.InvariantCulture, "Entry [{0}, {1}] is {2}; every entry must be positive and finite.", i, j, a), nameof(pairwise));
                }

                if (i == j && a != 1)
                {
                    throw new ArgumentException(string.Format(CultureInfo.InvariantCulture, "Diagonal entry [{0}, {0}] is {1}; a criterion compared with itself is 1.", i, a), nameof(pairwise));
                }

                if (j > i && Math.Abs((a * pairwise[j, i]) - 1) > 1e-6)
                {
                    throw new ArgumentException(
                        string.Format(CultureInfo.InvariantCulture, "Entries [{0}, {1}] = {2} and [{1}, {0}] = {3} are not reciprocal; [{1}, {0}] must be 1 / [{0}, {1}].", i, j, a, pairwise[j, i]),
                        nameof(pairwise));
                }
            }
        }

        // Power iteration: A is positive, so its Perron vector is the unique positive eigenvector
        // and the iteration converges from the uniform start.
        var w = new double[n];
        var next = new double[n];
        for (int i = 0; i < n; i++)
        {
            w[i] = 1.0 / n;
        }

        for (int iteration = 0; iteration < 10_000; iteration++)
        {
            double sum = 0;
            for (int i = 0; i < n; i++)
            {
                double s = 0;
                for (int j = 0; j < n; j++)
                {
                    s += pairwise[i, j] * w[j];
                }

                next[i] = s;
                sum += s;
            }

            double change = 0;
            for (int i = 0; i < n; i++)
            {
                next[i] /= sum;
                change = Math.Max(change, Math.Abs(next[i] - w[i]));
            }

            (w, next) = (next, w);
            if (change < 1e-14)
            {
                break;
            }
        }

        double lambda = 0;
        for (int i = 0; i < n; i++)
        {
            double s = 0;
            for (int j = 0; j < n; j++)
            {
                s += pairwise[i, j] * w[j];
            }

            lambda += s / w[i];
        }

        lambda /= n;
        double ci = n <= 2 ? 0 : Math.Max(0, (lambda - n) / (n - 1));
        double ri = s_randomIndex[n - 1];
        double cr = ri > 0 ? ci / ri : 0;
        return new AhpResult(Array.AsReadOnly(w), lambda, ci, ri, cr, consistencyLimit);
    }
}

/// <summary>The result of <see cref="Ahp.Analyze"/>.</summary>
public sealed class AhpResult
{
    internal AhpResult(IReadOnlyList<double> weights, double principalEigenvalue, double consistencyIndex, double randomIndex, double consistencyRatio, double consistencyLimit)
    {
        Weights = weights;
        PrincipalEigenvalue = principalEigenvalue;
        ConsistencyIndex = consistencyIndex;
        RandomIndex = randomIndex;
        ConsistencyRatio = consistencyRatio;
        ConsistencyLimit = consistencyLimit;
    }

    /// <summary>The weights (principal eigenvector scaled to sum to 1), in matrix row order.</summary>
    public IReadOnlyList<double> Weights { get; }

    /// <summary>λmax, the principal eigenvalue (n for a perfectly consistent matrix).</summary>
    public double PrincipalEigenvalue { get; }

    /// <summary>CI = (λmax − n) / (n − 1); 0 for n ≤ 2.</summary>
    public double ConsistencyIndex { get; }

    /// <summary>Saaty's random index RI(n) used.</summary>
    public double RandomIndex { get; }

    /// <summary>CR = CI / RI; 0 for n ≤ 2.</summary>
    public double ConsistencyRatio { get; }

    /// <summary>The limit CR was checked against.</summary>
    public double ConsistencyLimit { get; }

    /// <summary>Whether CR is within the limit (CR ≤ limit).</summary>
    public bool IsConsistent => ConsistencyRatio <= ConsistencyLimit;
}
