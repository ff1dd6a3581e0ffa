using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

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

    /// <summary>
    /// Scorecard attributes of the demo customers (seeded): days overdue (two thirds pay on time,
    /// the rest up to 120 days late), a salesperson's growth rating 1–5 (missing for one customer
    /// in ten) and a cost ratio around 0.2.
    /// </summary>
    public static IReadOnlyList<DemoProfile> Profiles(IReadOnlyList<DemoCustomer> customers, int seed = DefaultSeed + 5)
    {
        var random = new Random(seed);
        var profiles = new List<DemoProfile>(customers.Count);
        foreach (DemoCustomer c in customers)
        {
            double overdue = random.NextDouble() < 2 / 3.0 ? 0 : random.Next(1, 121);
            double? growth = random.NextDouble() < 0.1 ? null : random.Next(1, 6);
            double cost = Math.Round(Math.Max(0.02, 0.2 + (0.08 * (random.NextDouble() + random.NextDouble() + random.NextDouble() - 1.5))), 3);
            profiles.Add(new DemoProfile(c.Id, c.AnnualValue, overdue, growth, cost));
        }

        return profiles;
    }

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

/// <summary>One synthetic transaction line of the demo.</summary>
internal readonly record struct DemoLine(string? CustomerId, DateTime Timestamp, string OrderId, decimal Quantity, decimal UnitPrice);

/// <summary>
/// The demo's seeded transaction lines: two years of orders (2024-12-01 … 2026-11-30) from 2,000
/// customers with different buying rhythms, with the quirks real exports have: cancellations
/// (order ids with a C prefix and negative quantities), lines without a customer, a few lines dated
/// after the as-of date, and zero-price lines.
/// </summary>
internal static class DemoTransactions
{
    /// <summary>The as-of date of the demo's RFM section.</summary>
    public static readonly DateTime AsOf = new(2026, 11, 30);

    public static IReadOnlyList<DemoLine> Lines(int customers = 2000, int seed = DemoData.DefaultSeed)
    {
        var random = new Random(seed);
        var lines = new List<DemoLine>();
        var start = new DateTime(2024, 12, 1);
        int order = 100000;
        for (int c = 1; c <= customers; c++)
        {
            string id = "C" + c.ToString("D5", CultureInfo.InvariantCulture);
            // Orders per year from a skewed distribution; some customers stop buying part-way.
            double rate = Math.Exp(1.2 * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble())) * 3;
            int firstDay = random.Next(0, 700);
            int lastDay = random.NextDouble() < 0.35 ? firstDay + random.Next(0, 730 - firstDay) : 729;
            double basket = Math.Exp(3 + random.NextDouble() * 2);
            for (double day = firstDay; day <= lastDay; day += -365.0 / rate * Math.Log(1 - random.NextDouble()))
            {
                order++;
                DateTime when = start.AddDays(Math.Floor(day)).AddMinutes(random.Next(480, 1080));
                int items = 1 + random.Next(4);
                for (int k = 0; k < items; k++)
                {
                    decimal quantity = 1 + random.Next(6);
                    decimal price = Math.Round((decimal)(basket * (0.5 + random.NextDouble())), 2);
                    if (random.NextDouble() < 0.01)
                    {
                        price = 0; // free sample
                    }

                    lines.Add(new DemoLine(random.NextDouble() < 0.02 ? null : id, when, order.ToString(CultureInfo.InvariantCulture), quantity, price));
                }

                if (random.NextDouble() < 0.03)
                {
                    // A cancellation of part of the order, a few hours later.
                    lines.Add(new DemoLine(id, when.AddHours(3), "C" + order.ToString(CultureInfo.InvariantCulture), -1, lines[^1].UnitPrice));
                }
            }
        }

        // A few lines booked after the as-of date (a clock set wrong, or an early export).
        for (int k = 0; k < 5; k++)
        {
            lines.Add(new DemoLine("C" + random.Next(1, customers + 1).ToString("D5", CultureInfo.InvariantCulture), AsOf.AddDays(1 + random.Next(10)), (++order).ToString(CultureInfo.InvariantCulture), 1, 10m));
        }

        // Exports list lines by time.
        return lines.OrderBy(l => l.Timestamp).ToList();
    }
}

/// <summary>A demo customer's scorecard attributes.</summary>
internal sealed record DemoProfile(string Id, double AnnualValue, double DaysOverdue, double? GrowthRating, double CostRatio);

/// <summary>One synthetic (customer, product) row of the demo's contribution section; inventory null = missing.</summary>
internal sealed record DemoSalesRow(string Customer, string Product, double Sales, double CostOfGoods, double? AverageInventory);

/// <summary>
/// The demo's seeded product mix of three customers × eight products: a year's sales, cost of goods
/// and average inventory at selling price, each product with its own margin rate and stock turn,
/// and three rows that exercise the flags: a product one customer did not buy (zero sales), one
/// whose inventory was not counted (missing) and one sold below cost (clearance, negative margin).
/// </summary>
internal static class DemoSalesMix
{
    /// <summary>The customers (groups) of the section.</summary>
    public static readonly IReadOnlyList<string> CustomerIds = ["C00017", "C00042", "C00108"];

    public static IReadOnlyList<DemoSalesRow> Rows(int seed = DemoData.DefaultSeed + 6)
    {
        // Per product: typical annual sales to a customer, gross margin rate, stock turns per year.
        (double Sales, double Rate, double Turns)[] products =
        [
            (48_000, 0.22, 12), (30_000, 0.35, 6), (22_000, 0.18, 20), (15_000, 0.45, 4),
            (12_000, 0.30, 8), (9_000, 0.55, 3), (6_000, 0.25, 15), (4_000, 0.40, 5),
        ];
        var random = new Random(seed);
        var rows = new List<DemoSalesRow>();
        foreach (string customer in CustomerIds)
        {
            for (int p = 0; p < products.Length; p++)
            {
                string product = "P" + (p + 1).ToString("D2", CultureInfo.InvariantCulture);
                double sales = 10 * Math.Round(products[p].Sales * (0.4 + (1.2 * random.NextDouble())) / 10);
                double rate = products[p].Rate + (0.06 * (random.NextDouble() - 0.5));
                double cost = Math.Round(sales * (1 - rate));
                double? inventory = 10 * Math.Round(sales / products[p].Turns * (0.7 + (0.6 * random.NextDouble())) / 10);
                if (customer == "C00017" && product == "P08")
                {
                    (sales, cost) = (0, 0); // not bought this year; the stock kept for the customer remains
                }
                else if (customer == "C00042" && product == "P05")
                {
                    inventory = null; // not counted at the stock-takes
                }
                else if (customer == "C00108" && product == "P03")
                {
                    cost = Math.Round(sales * 1.12); // cleared below cost
                }

                rows.Add(new DemoSalesRow(customer, product, sales, cost, inventory));
            }
        }

        return rows;
    }
}
