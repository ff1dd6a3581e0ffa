using System;

namespace CustomerValuation.Tests.Lifetime;

/// <summary>
/// Slow, independent computations for the lifetime tests: composite Simpson integration, a direct
/// (untransformed) Gaussian hypergeometric series, and ln Γ by the Lanczos approximation (not MathNet's).
/// </summary>
internal static class Independent
{
    /// <summary>∫_a^b f by the composite Simpson rule with n (even) panels.</summary>
    public static double Simpson(Func<double, double> f, double a, double b, int n)
    {
        double h = (b - a) / n;
        double sum = f(a) + f(b);
        for (int i = 1; i < n; i++)
        {
            sum += f(a + (i * h)) * (i % 2 == 1 ? 4 : 2);
        }

        return sum * h / 3;
    }

    /// <summary>₂F₁(a, b; c; z) = Σ (a)_n (b)_n zⁿ ÷ ((c)_n n!), summed term by term until the terms vanish.</summary>
    public static double Hypergeometric(double a, double b, double c, double z)
    {
        double term = 1, sum = 1;
        for (int n = 0; n < 1_000_000; n++)
        {
            term *= (a + n) * (b + n) / ((c + n) * (n + 1)) * z;
            sum += term;
            if (Math.Abs(term) < 1e-18 * Math.Abs(sum))
            {
                break;
            }
        }

        return sum;
    }

    /// <summary>ln Γ(x), x &gt; 0, by the Lanczos approximation (g = 7, n = 9), good to about 1e-15 relative.</summary>
    public static double GammaLn(double x)
    {
        double[] c =
        [
            0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
            -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
        ];
        if (x < 0.5)
        {
            return Math.Log(Math.PI / Math.Abs(Math.Sin(Math.PI * x))) - GammaLn(1 - x);
        }

        x -= 1;
        double sum = c[0];
        for (int i = 1; i < 9; i++)
        {
            sum += c[i] / (x + i);
        }

        double t = x + 7.5;
        return (0.5 * Math.Log(2 * Math.PI)) + ((x + 0.5) * Math.Log(t)) - t + Math.Log(sum);
    }

    public static double BetaLn(double a, double b) => GammaLn(a) + GammaLn(b) - GammaLn(a + b);
}
