using System;
using System.Collections.Generic;
using System.Globalization;

namespace CustomerValuation.Cli;

/// <summary>One synthetic customer of the demo: an id and its annual value.</summary>
internal readonly record struct DemoCustomer(string Id, double AnnualValue);

/// <summary>
/// The demo's built-in, seeded data set: heavy-tailed annual customer values (log-normal body with
/// a Pareto tail) with exact ties (round amounts), zeros (no purchase this year) and a few
/// negative values (credit notes above sales).
/// </summary>
internal static class DemoData
{
    public const int DefaultSeed = 20261127;

    public static IReadOnlyList<DemoCustomer> Customers(int count = 5000, int seed = DefaultSeed)
    {
        // System.Random with a seed uses the same legacy generator on every .NET version, so the data are stable.
        var random = new Random(seed);
        var customers = new List<DemoCustomer>(count);
        for (int i = 1; i <= count; i++)
        {
            double u = random.NextDouble();
            double value;
            if (u < 0.03)
            {
                value = 0; // no purchase in the year
            }
            else if (u < 0.04)
            {
                value = -Math.Round(10 + (490 * random.NextDouble()), 2); // credit notes larger than sales
            }
            else if (u < 0.14)
            {
                // Round contract amounts: exact ties.
                value = 500 * (1 + random.Next(20));
            }
            else if (u < 0.17)
            {
                // Pareto tail (alpha 1.2) above 20,000: the few very large accounts.
                value = Math.Round(20000 / Math.Pow(1 - random.NextDouble(), 1 / 1.2), 2);
            }
            else
            {
                // Log-normal body: median about 1,100.
                double normal = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
                value = Math.Round(Math.Exp(7 + (1.1 * normal)), 2);
            }

            customers.Add(new DemoCustomer("C" + i.ToString("D5", CultureInfo.InvariantCulture), value));
        }

        return customers;
    }
}
