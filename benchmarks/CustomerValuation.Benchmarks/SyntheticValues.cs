using System;

namespace CustomerValuation.Benchmarks;

/// <summary>
/// Seeded, heavy-tailed customer values shaped like a revenue ledger, so that every benchmark
/// sees the same data for the same size.
/// </summary>
/// <remarks>
/// Mix (per customer, drawn independently):
/// 2 % exactly zero, 1 % negative (refunds, −LogNormal(3, 1)),
/// 7 % one of five price points (9.99, 19.99, 49, 99, 250: large exact ties),
/// 1 % a Pareto(α = 1.2) tail starting at 5,000 ("whales"),
/// and the rest a LogNormal(μ = 5, σ = 1.5) body. Every amount is rounded to cents, which adds
/// many more exact ties at large sizes, as real ledgers have.
/// </remarks>
internal static class SyntheticValues
{
    /// <summary>The fixed seed: the same <c>n</c> always gives the same values.</summary>
    public const int Seed = 20_260_101;

    private static readonly double[] s_pricePoints = [9.99, 19.99, 49.0, 99.0, 250.0];

    public static double[] Create(int n)
    {
        var random = new Random(Seed);
        double[] values = new double[n];
        for (int i = 0; i < n; i++)
        {
            double u = random.NextDouble();
            double v;
            if (u < 0.02)
            {
                v = 0.0;
            }
            else if (u < 0.03)
            {
                v = -LogNormal(random, 3.0, 1.0);
            }
            else if (u < 0.10)
            {
                v = s_pricePoints[random.Next(s_pricePoints.Length)];
            }
            else if (u < 0.11)
            {
                // Pareto(x_m = 5000, α = 1.2) by inversion; 1 − U lies in (0, 1].
                v = 5000.0 / Math.Pow(1.0 - random.NextDouble(), 1.0 / 1.2);
            }
            else
            {
                v = LogNormal(random, 5.0, 1.5);
            }

            values[i] = Math.Round(v, 2, MidpointRounding.ToEven);
        }

        return values;
    }

    private static double LogNormal(Random random, double mu, double sigma)
    {
        // Box–Muller; 1 − U lies in (0, 1] so the logarithm is finite.
        double u1 = 1.0 - random.NextDouble();
        double u2 = random.NextDouble();
        double z = Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
        return Math.Exp(mu + (sigma * z));
    }
}
