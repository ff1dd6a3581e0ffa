using System;
using System.Collections.Generic;
using System.Globalization;
using CustomerValuation.Internal;

namespace CustomerValuation.Lifetime;

/// <summary>
/// Per-customer predictions from a fitted purchase model and a spend model: probability alive,
/// expected purchases over a horizon, expected spend per purchase, and the discounted lifetime value.
/// </summary>
/// <remarks>
/// CLV = Σ_k m·[E(t_k) − E(t_{k−1})]·(1 + d)^−(t_k/year), k = 1 … ⌈H⌉, t_k = min(k, H) in the model's
/// unit, with E(t) the expected purchases in (T, T + t], m the Gamma-Gamma expected spend, d the annual
/// discount rate and a year of 365.25 days (see <see cref="LifetimeValueOptions"/>). It is revenue, not
/// margin. Cost: ⌈H⌉ evaluations of E(t) per customer.
/// </remarks>
public static class LifetimeValue
{
    /// <summary>Predicts every customer of a summary set.</summary>
    /// <typeparam name="TId">The customer id type.</typeparam>
    /// <param name="summaries">The customers; their unit must be the purchase model's.</param>
    /// <param name="purchases">The fitted purchase model (<see cref="BgNbdModel"/> or <see cref="ParetoNbdModel"/>).</param>
    /// <param name="spend">The fitted spend model.</param>
    /// <param name="options">The horizon (in the model's unit) and the annual discount rate.</param>
    /// <returns>One prediction per customer, in the order of <paramref name="summaries"/>.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The summaries' unit is not the model's.</exception>
    /// <exception cref="InvalidOperationException">The spend model's expected spend is unbounded for a customer (q ≤ 1 and x = 0).</exception>
    public static IReadOnlyList<LifetimePrediction<TId>> Predict<TId>(
        LifetimeSummarySet<TId> summaries,
        IRepeatPurchaseModel purchases,
        GammaGammaModel spend,
        LifetimeValueOptions options)
        where TId : notnull
    {
        Guard.NotNull(summaries, nameof(summaries));
        Guard.NotNull(purchases, nameof(purchases));
        Guard.NotNull(spend, nameof(spend));
        Guard.NotNull(options, nameof(options));
        if (summaries.Unit != purchases.Unit)
        {
            throw new ArgumentException(
                string.Format(CultureInfo.InvariantCulture, "The summaries are in {0} but the model is in {1}; summarize and fit in one unit.", summaries.Unit, purchases.Unit),
                nameof(purchases));
        }

        int n = summaries.Count;
        var alive = new double[n];
        var expected = new double[n];
        var meanSpend = new double[n];
        var value = new double[n];
        Predict(summaries.RepeatPurchasesSpan, summaries.TimeToLastPurchaseSpan, summaries.ObservedTimeSpan, summaries.MeanRepeatSpendSpan, purchases, spend, options, alive, expected, meanSpend, value);
        var result = new LifetimePrediction<TId>[n];
        for (int i = 0; i < n; i++)
        {
            result[i] = new LifetimePrediction<TId>(summaries[i].Id, alive[i], expected[i], meanSpend[i], value[i]);
        }

        return result;
    }

    /// <summary>Predicts customers given as columns, into destination columns (no allocation).</summary>
    /// <param name="repeatPurchases">x per customer.</param>
    /// <param name="timeToLastPurchase">t_x per customer, in the model's unit.</param>
    /// <param name="observedTime">T per customer, in the model's unit.</param>
    /// <param name="meanRepeatSpend">The mean repeat spend per customer (ignored when x = 0).</param>
    /// <param name="purchases">The fitted purchase model.</param>
    /// <param name="spend">The fitted spend model.</param>
    /// <param name="options">The horizon (in the model's unit) and the annual discount rate.</param>
    /// <param name="probabilityAlive">Receives P(alive) per customer.</param>
    /// <param name="expectedPurchases">Receives the expected purchases in the horizon.</param>
    /// <param name="expectedMeanSpend">Receives the expected spend per purchase.</param>
    /// <param name="lifetimeValue">Receives the discounted lifetime value.</param>
    /// <exception cref="ArgumentNullException"><paramref name="purchases"/>, <paramref name="spend"/> or <paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A row has a negative x, a negative, NaN or infinite time or spend (the message names the row).</exception>
    /// <exception cref="ArgumentException">A column's length differs from <paramref name="repeatPurchases"/>', or a row has t_x &gt; T, x &gt; 0 with t_x = 0, or x = 0 with t_x &gt; 0 (the message names the row).</exception>
    /// <exception cref="InvalidOperationException">The spend model's expected spend is unbounded for a customer (q ≤ 1 and x = 0).</exception>
    public static void Predict(
        ReadOnlySpan<int> repeatPurchases,
        ReadOnlySpan<double> timeToLastPurchase,
        ReadOnlySpan<double> observedTime,
        ReadOnlySpan<double> meanRepeatSpend,
        IRepeatPurchaseModel purchases,
        GammaGammaModel spend,
        LifetimeValueOptions options,
        Span<double> probabilityAlive,
        Span<double> expectedPurchases,
        Span<double> expectedMeanSpend,
        Span<double> lifetimeValue)
    {
        Guard.NotNull(purchases, nameof(purchases));
        Guard.NotNull(spend, nameof(spend));
        Guard.NotNull(options, nameof(options));
        LifetimeRows.Validate(repeatPurchases, timeToLastPurchase, observedTime);
        int n = repeatPurchases.Length;
        Same(n, meanRepeatSpend.Length, nameof(meanRepeatSpend));
        Same(n, probabilityAlive.Length, nameof(probabilityAlive));
        Same(n, expectedPurchases.Length, nameof(expectedPurchases));
        Same(n, expectedMeanSpend.Length, nameof(expectedMeanSpend));
        Same(n, lifetimeValue.Length, nameof(lifetimeValue));
        for (int i = 0; i < n; i++)
        {
            double m = meanRepeatSpend[i];
            if (!(m >= 0) || double.IsInfinity(m))
            {
                throw new ArgumentOutOfRangeException(
                    nameof(meanRepeatSpend),
                    m,
                    string.Format(CultureInfo.InvariantCulture, "Row {0} has the mean repeat spend {1}; spend must be a finite amount of 0 or more.", i, m.ToString("R", CultureInfo.InvariantCulture)));
            }
        }

        for (int i = 0; i < n; i++)
        {
            int x = repeatPurchases[i];
            double tx = timeToLastPurchase[i], t = observedTime[i];
            double m = spend.ExpectedCore(x, meanRepeatSpend[i]);
            probabilityAlive[i] = Alive(purchases, x, tx, t);
            expectedPurchases[i] = Expected(purchases, x, tx, t, options.Horizon);
            expectedMeanSpend[i] = m;
            lifetimeValue[i] = ValueCore(purchases, x, tx, t, m, options);
        }
    }

    /// <summary>One customer's discounted lifetime value.</summary>
    /// <param name="purchases">The fitted purchase model.</param>
    /// <param name="repeatPurchases">x.</param>
    /// <param name="timeToLastPurchase">t_x, in the model's unit.</param>
    /// <param name="observedTime">T, in the model's unit.</param>
    /// <param name="expectedSpend">The expected spend per purchase (e.g. <see cref="GammaGammaModel.ExpectedMeanSpend"/>).</param>
    /// <param name="options">The horizon (in the model's unit) and the annual discount rate.</param>
    /// <returns>Σ_k spend·[E(t_k) − E(t_{k−1})]·(1 + d)^−(t_k/year) (see the class remarks).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="purchases"/> or <paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">x is negative, a time or the spend is negative, NaN or infinite.</exception>
    /// <exception cref="ArgumentException">t_x &gt; T, x &gt; 0 with t_x = 0, or x = 0 with t_x &gt; 0.</exception>
    public static double Compute(
        IRepeatPurchaseModel purchases,
        int repeatPurchases,
        double timeToLastPurchase,
        double observedTime,
        double expectedSpend,
        LifetimeValueOptions options)
    {
        Guard.NotNull(purchases, nameof(purchases));
        Guard.NotNull(options, nameof(options));
        LifetimeRows.ValidateRow(repeatPurchases, timeToLastPurchase, observedTime, -1);
        if (!(expectedSpend >= 0) || double.IsInfinity(expectedSpend))
        {
            throw new ArgumentOutOfRangeException(nameof(expectedSpend), expectedSpend, "The expected spend must be a finite amount of 0 or more.");
        }

        return ValueCore(purchases, repeatPurchases, timeToLastPurchase, observedTime, expectedSpend, options);
    }

    private static double ValueCore(IRepeatPurchaseModel purchases, int x, double tx, double t, double spend, LifetimeValueOptions options)
    {
        double unitsPerYear = 365.25 / (double)purchases.Unit;
        double logFactor = -LifetimeMath.Log1P(options.AnnualDiscountRate) / unitsPerYear;
        int steps = (int)Math.Ceiling(options.Horizon);
        double previous = 0;
        var total = default(NeumaierSum);
        for (int k = 1; k <= steps; k++)
        {
            double at = Math.Min(k, options.Horizon);
            double current = Expected(purchases, x, tx, t, at);
            double increment = Math.Max(0, current - previous);
            total.Add(increment * Math.Exp(logFactor * at));
            previous = Math.Max(previous, current);
        }

        return spend * total.Value;
    }

    private static double Alive(IRepeatPurchaseModel model, int x, double tx, double t) => model switch
    {
        BgNbdModel bg => bg.AliveCore(x, tx, t),
        ParetoNbdModel pareto => pareto.AliveCore(x, tx, t),
        _ => model.ProbabilityAlive(x, tx, t),
    };

    private static double Expected(IRepeatPurchaseModel model, int x, double tx, double t, double horizon) => model switch
    {
        BgNbdModel bg => bg.ExpectedCore(x, tx, t, horizon),
        ParetoNbdModel pareto => pareto.ExpectedCore(x, tx, t, horizon),
        _ => model.ExpectedPurchases(x, tx, t, horizon),
    };

    private static void Same(int expected, int actual, string parameterName)
    {
        if (expected != actual)
        {
            throw new ArgumentException(
                string.Format(CultureInfo.InvariantCulture, "{0} has {1} values but repeatPurchases has {2}; give one value per customer.", parameterName, actual, expected),
                parameterName);
        }
    }
}
