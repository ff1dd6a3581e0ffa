using System;

namespace CustomerValuation.Lifetime;

/// <summary>The special functions of the lifetime models, written for stability (see docs/lifetime.md).</summary>
internal static class LifetimeMath
{
    private const int Nodes = 16;
    private const int MaximumTerms = 10_000_000;

    /// <summary>Gauss–Legendre nodes on [−1, 1] and their weights, computed once by Newton's method on P₁₆.</summary>
    private static readonly (double[] Nodes, double[] Weights) s_rule = LegendreRule(Nodes);

    /// <summary>
    /// [1 − (1 − z)^A ₂F₁(A, B; C; z)] ÷ (a − 1) with B = C − a + 1: the bracket of the BG/NBD expectations
    /// divided by (a − 1). <paramref name="logOneMinusZ"/> is ln(1 − z), given separately for accuracy.
    /// </summary>
    /// <remarks>
    /// Two forms, each chosen where its series has terms of one sign (no cancellation inside the sum):
    /// when C ≥ A (or C ≤ 0), Euler's transformation (1 − z)^A ₂F₁(A, B; C; z) = (1 − z)^(a−1) ₂F₁(C − A, a − 1; C; z) gives
    /// [1 − (1 − z)^(a−1)] ÷ (a − 1) − (1 − z)^(a−1) Σ_{n≥1} (C−A)_n (a)_{n−1} zⁿ ÷ ((C)_n n!), which does not
    /// divide by a − 1; when 0 &lt; C &lt; A, the direct form [−expm1(A ln(1 − z)) − (1 − z)^A Σ_{n≥1} (A)_n (B)_n zⁿ ÷ ((C)_n n!)] ÷ (a − 1),
    /// evaluated at a = 1 ± 10⁻⁶ and interpolated when |a − 1| &lt; 10⁻⁶. Both sums are kept in scaled form so
    /// that neither overflows for large x or long horizons.
    /// </remarks>
    public static double BgNbdBracket(double upperA, double upperC, double a, double z, double logOneMinusZ)
    {
        if (z == 0)
        {
            return 0;
        }

        if (upperC == 0)
        {
            upperC = 1e-12; // a + b + x = 1 exactly: the value is continuous in C
        }

        if (upperC >= upperA || upperC < 0)
        {
            double k = a - 1;
            double kl = k * logOneMinusZ;
            double first = Math.Abs(kl) < 1e-8 ? -logOneMinusZ * (1 + (kl / 2)) : -ExpM1(kl) / k;
            double cMinusA = upperC - upperA;
            if (cMinusA == 0)
            {
                return first;
            }

            // Σ_{n≥1} (C−A)_n (a)_{n−1} zⁿ ÷ ((C)_n n!) times (1 − z)^(a−1).
            double series = ScaledSeries(cMinusA * z / upperC, kl, cMinusA, a - 1, upperC, z);
            return first - series;
        }

        if (Math.Abs(a - 1) < 1e-6)
        {
            const double h = 1e-6;
            double below = Direct(upperA, upperC - (a - (1 - h)), 1 - h, z, logOneMinusZ);
            double above = Direct(upperA, upperC + ((1 + h) - a), 1 + h, z, logOneMinusZ);
            return below + ((above - below) * (a - (1 - h)) / (2 * h));
        }

        return Direct(upperA, upperC, a, z, logOneMinusZ);
    }

    private static double Direct(double upperA, double upperC, double a, double z, double logOneMinusZ)
    {
        double upperB = upperC - a + 1;
        double al = upperA * logOneMinusZ;
        double series = ScaledSeries(upperA * upperB * z / upperC, al, upperA, upperB, upperC, z);
        return (-ExpM1(al) - series) / (a - 1);
    }

    /// <summary>
    /// e^<paramref name="logScale"/> · Σ_{n≥1} tₙ with t₁ = <paramref name="first"/> and
    /// tₙ₊₁ = tₙ (p + n)(q + n) z ÷ ((c + n)(n + 1)), rescaled as it goes so that nothing overflows.
    /// </summary>
    private static double ScaledSeries(double first, double logScale, double p, double q, double c, double z)
    {
        double term = first;
        double sum = first;
        for (int n = 1; n < MaximumTerms; n++)
        {
            double ratio = (p + n) * (q + n) * z / ((c + n) * (n + 1));
            term *= ratio;
            sum += term;
            if (Math.Abs(ratio) < 1 && Math.Abs(term) <= 1e-17 * (1 - z) * Math.Abs(sum))
            {
                break;
            }

            if (Math.Abs(sum) > 1e250 || Math.Abs(term) > 1e250)
            {
                double scale = Math.Max(Math.Abs(sum), Math.Abs(term));
                logScale += Math.Log(scale);
                sum /= scale;
                term /= scale;
            }

            if (term == 0)
            {
                break;
            }
        }

        return sum == 0 ? 0 : Math.Sign(sum) * Math.Exp(logScale + Math.Log(Math.Abs(sum)));
    }

    /// <summary>exp(x) − 1, accurate near 0 (netstandard2.0 has no Math.ExpM1).</summary>
    public static double ExpM1(double x)
    {
        if (Math.Abs(x) < 1e-5)
        {
            return x * (1 + (x / 2 * (1 + (x / 3))));
        }

        if (Math.Abs(x) < 0.5)
        {
            // exp(x) − 1 = 2·tanh(x/2) ÷ (1 − tanh(x/2)), no cancellation.
            double t = Math.Tanh(x / 2);
            return 2 * t / (1 - t);
        }

        return Math.Exp(x) - 1;
    }

    /// <summary>ln(1 + x), accurate near 0.</summary>
    public static double Log1P(double x)
    {
        double u = 1 + x;
        return u == 1 ? x : Math.Log(u) * x / (u - 1);
    }

    /// <summary>
    /// The Pareto/NBD integral I = ∫_{t_x}^{T} (α + τ)^−(r+x) (β + τ)^−(s+1) dτ (the difference of the two
    /// ₂F₁ terms of the likelihood, divided by r + s + x) and its derivatives divided by I, by
    /// Gauss–Legendre quadrature in v = ln(min(α, β) + τ) on the range where the integrand is within
    /// e⁻⁴⁰ of its maximum. Returns ln I (−∞ when t_x = T).
    /// </summary>
    public static double ParetoLogIntegral(
        double p,
        double q,
        double alpha,
        double beta,
        double from,
        double to,
        out double dR,
        out double dAlpha,
        out double dS,
        out double dBeta)
    {
        dR = dAlpha = dS = dBeta = 0;
        if (!(to > from))
        {
            return double.NegativeInfinity;
        }

        double c = Math.Min(alpha, beta);
        double da = alpha - c;
        double db = beta - c;
        double v0 = Math.Log(c + from);
        double v1 = Math.Log(c + to);

        // h(v) = v − p ln(u + da) − q ln(u + db), u = e^v, is concave; find its maximum on [v0, v1].
        double vMax;
        double slope0 = Slope(v0, p, q, da, db);
        double slope1 = Slope(v1, p, q, da, db);
        if (slope0 <= 0)
        {
            vMax = v0;
        }
        else if (slope1 >= 0)
        {
            vMax = v1;
        }
        else
        {
            // One of da, db is 0: h' = 1 − p0 − q0·u/(u + d) = 0 has a closed form.
            double p0 = da == 0 ? p : q;
            double q0 = da == 0 ? q : p;
            double d = Math.Max(da, db);
            double rho = (1 - p0) / q0;
            vMax = rho > 0 && rho < 1 ? Math.Log(rho * d / (1 - rho)) : v0;
            vMax = Math.Min(Math.Max(vMax, v0), v1);
        }

        double hMax = H(vMax, p, q, da, db);
        double target = hMax - 40;

        // Cut where h < hMax − 40: tangents of a concave function lie above it, so each Newton step
        // from outside stays outside the kept range (the cut is conservative).
        double left = v0;
        if (H(v0, p, q, da, db) < target)
        {
            for (int i = 0; i < 4; i++)
            {
                double slope = Slope(left, p, q, da, db);
                if (!(slope > 0))
                {
                    break;
                }

                double next = left + ((target - H(left, p, q, da, db)) / slope);
                if (!(next > left) || next >= vMax)
                {
                    break;
                }

                left = next;
            }
        }

        double right = v1;
        if (H(v1, p, q, da, db) < target)
        {
            for (int i = 0; i < 4; i++)
            {
                double slope = Slope(right, p, q, da, db);
                if (!(slope < 0))
                {
                    break;
                }

                double next = right + ((target - H(right, p, q, da, db)) / slope);
                if (!(next < right) || next <= vMax)
                {
                    break;
                }

                right = next;
            }
        }

        double width = right - left;
        double steepest = Math.Max(Math.Abs(Slope(left, p, q, da, db)), Math.Abs(Slope(right, p, q, da, db)));
        int panels = (int)Math.Min(400, Math.Max(1, Math.Ceiling(Math.Max(width * steepest / 8, width / 1.5))));
        double panelWidth = width / panels;
        double[] nodes = s_rule.Nodes;
        double[] weights = s_rule.Weights;
        double j = 0, jr = 0, ja = 0, js = 0, jb = 0;
        for (int k = 0; k < panels; k++)
        {
            double mid = left + ((k + 0.5) * panelWidth);
            double half = panelWidth / 2;
            for (int i = 0; i < nodes.Length; i++)
            {
                double v = mid + (half * nodes[i]);
                double u = Math.Exp(v);
                double la = da == 0 ? v : Math.Log(u + da);
                double lb = db == 0 ? v : Math.Log(u + db);
                double w = weights[i] * half * Math.Exp(v - (p * la) - (q * lb) - hMax);
                j += w;
                jr -= w * la;
                ja -= w * p / (u + da);
                js -= w * lb;
                jb -= w * q / (u + db);
            }
        }

        dR = jr / j;
        dAlpha = ja / j;
        dS = js / j;
        dBeta = jb / j;
        return hMax + Math.Log(j);
    }

    private static double H(double v, double p, double q, double da, double db)
    {
        double u = Math.Exp(v);
        return v - (p * (da == 0 ? v : Math.Log(u + da))) - (q * (db == 0 ? v : Math.Log(u + db)));
    }

    private static double Slope(double v, double p, double q, double da, double db)
    {
        double u = Math.Exp(v);
        return 1 - (p * u / (u + da)) - (q * u / (u + db));
    }

    private static (double[] Nodes, double[] Weights) LegendreRule(int n)
    {
        var x = new double[n];
        var w = new double[n];
        for (int i = 0; i < n; i++)
        {
            double z = Math.Cos(Math.PI * (i + 0.75) / (n + 0.5));
            double derivative = 0;
            for (int iteration = 0; iteration < 100; iteration++)
            {
                double p0 = 1, p1 = 0;
                for (int k = 1; k <= n; k++)
                {
                    double p2 = p1;
                    p1 = p0;
                    p0 = (((2 * k) - 1) * z * p1 - ((k - 1) * p2)) / k;
                }

                derivative = n * ((z * p0) - p1) / ((z * z) - 1);
                double step = p0 / derivative;
                z -= step;
                if (Math.Abs(step) < 1e-16)
                {
                    break;
                }
            }

            x[i] = z;
            w[i] = 2 / ((1 - (z * z)) * derivative * derivative);
        }

        return (x, w);
    }
}
