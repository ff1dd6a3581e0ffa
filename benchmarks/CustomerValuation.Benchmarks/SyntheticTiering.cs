using System;

namespace CustomerValuation.Benchmarks;

/// <summary>Seeded scorecard inputs: six criteria per customer, row-major.</summary>
internal static class SyntheticTiering
{
    /// <summary>
    /// Per customer: two ledger-shaped amounts (<see cref="SyntheticValues.Create"/>, heavy tails and
    /// price-point ties; made non-negative when asked, as TOPSIS's vector normalisation needs), two
    /// whole-day counts 0 … 365, a 1–5 rating and an on-time share in hundredths.
    /// </summary>
    public static double[] SixCriteria(int customers, bool nonNegative = false)
    {
        var random = new Random(SyntheticValues.Seed);
        double[] amounts = SyntheticValues.Create(2 * customers);
        var values = new double[customers * 6];
        for (int i = 0; i < customers; i++)
        {
            int row = i * 6;
            values[row] = nonNegative ? Math.Abs(amounts[2 * i]) : amounts[2 * i];
            values[row + 1] = nonNegative ? Math.Abs(amounts[(2 * i) + 1]) : amounts[(2 * i) + 1];
            values[row + 2] = random.Next(366);
            values[row + 3] = random.Next(366);
            values[row + 4] = 1 + random.Next(5);
            values[row + 5] = random.Next(101) / 100.0;
        }

        return values;
    }
}
