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
    /// The BG/NBD expected purchases in a period of length t of a customer alive at its start, with
    /// purchase rate λ ~ Gamma(shape, scale) and dropout probability p ~ Beta(a, b):
    /// Σ_{k≥1} P(N = k)·Σ_{j=1}^{k} (b)_{j−1} ÷ (a+b)_{j−1}, N negative binomial (the purchases the rate
    /// alone would give) and (b)_{j−1}/(a+b)_{j−1} = E[(1 − p)^(j−1)], the chance to survive the j − 1
    /// dropout chances before the j-th purchase.
    /// </summary>
    /// <remarks>
    /// Equal to FHL (2005) eq. 10 (with shape = r + x, scale = α + T, b + x for b) but summed over terms of
    /// one sign: no cancellation for short periods, no division by a − 1, no trouble when a + b &lt; 1, and
    /// scaled as it goes so that nothing overflows.
    /// </remarks>
    public static double BgNbdExpectedIfAlive(double shape, double scale, double a, double b, double horizon)
    {
        if (horizon == 0)
        {
            return 0;
        }

        double theta = horizon / (scale + horizon);
        double logScale = -shape * Log1P(horizon / scale); // ln P(N = 0)
        double probability = 1; // P(N = k) ÷ e^logScale
        double weight = 1; // (b)_{k−1} ÷ (a+b)_{k−1}
        double survivals = 0; // Σ_{j≤k} weight_j
        double sum = 0;
        for (int k = 1; k < MaximumTerms; k++)
        {
            probability *= (shape + k - 1) * theta / k;
            survivals += weight;
            weight *= (b + k - 1) / (a + b + k - 1);
            double term = probability * survivals;
            sum += term;
            if ((shape + k) * theta < k + 1 && term <= 1e-17 * (1 - theta) * sum)
            {
                break;
            }

            if (probability > 1e250 || sum > 1e250)
            {
                double factor = Math.Max(probability, sum);
                logScale += Math.Log(factor);
                probability /= factor;
                sum /= factor;
            }
        }

        return sum == 0 ? 0 : Math.Exp(logScale + Math.Log(sum));
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
