using System;
using System.Globalization;

namespace CustomerValuation.Benchmarks;

/// <summary>Seeded RFM inputs: per-customer values for scoring and transaction lines for aggregation.</summary>
internal static class SyntheticRfm
{
    /// <summary>The fixed seed: the same size always gives the same data.</summary>
    public const int Seed = 20_261_127;

    /// <summary>
    /// Per customer: recency in days (0 … 730, three quarters exponential with mean 60 and one quarter
    /// uniform: lapsed customers), frequency (geometric with p = 0.45 from 1: 45 % of customers have
    /// frequency 1, heavy ties), and monetary from <see cref="SyntheticValues.Create"/>.
    /// </summary>
    public static (int[] RecencyDays, int[] Frequency, double[] Monetary) Customers(int n)
    {
        var random = new Random(Seed);
        var recency = new int[n];
        var frequency = new int[n];
        for (int i = 0; i < n; i++)
        {
            recency[i] = random.NextDouble() < 0.75
                ? Math.Min(730, (int)(-60 * Math.Log(1 - random.NextDouble())))
                : random.Next(731);
            int f = 1;
            while (random.NextDouble() > 0.45 && f < 500)
            {
                f++;
            }

            frequency[i] = f;
        }

        return (recency, frequency, SyntheticValues.Create(n));
    }

    /// <summary>
    /// Transaction lines as an ERP exports them: orders in time order over two years (2024-01-01 …
    /// 2025-12-31), each order's lines together (1 to 5 lines, mean 3), customers drawn with a
    /// skew (a fifth of the customers place about half of the orders), integer customer ids, string
    /// order ids, decimal amounts in cents; 1 % of lines are returns (negative amounts).
    /// </summary>
    public static Lines Transactions(int lineCount, int customerCount)
    {
        var random = new Random(Seed);
        var ids = new long[lineCount];
        var dates = new DateTime[lineCount];
        var amounts = new decimal[lineCount];
        var orders = new string[lineCount];
        var start = new DateTime(2024, 1, 1);
        int i = 0;
        int orderNumber = 0;
        while (i < lineCount)
        {
            orderNumber++;
            long customer = random.NextDouble() < 0.5
                ? 1_000_000 + random.Next(customerCount / 5)
                : 1_000_000 + random.Next(customerCount);
            var date = start.AddDays((int)((long)i * 731 / lineCount)).AddMinutes(random.Next(600, 1_200));
            string order = orderNumber.ToString(CultureInfo.InvariantCulture);
            int linesInOrder = 1 + random.Next(5);
            for (int k = 0; k < linesInOrder && i < lineCount; k++, i++)
            {
                ids[i] = customer;
                dates[i] = date;
                orders[i] = order;
                long cents = 100 + (long)(-2_000 * Math.Log(1 - random.NextDouble()));
                amounts[i] = (random.NextDouble() < 0.01 ? -cents : cents) / 100m;
            }
        }

        return new Lines(ids, dates, amounts, orders);
    }

    /// <summary>Parallel arrays of transaction lines.</summary>
    internal sealed record Lines(long[] CustomerIds, DateTime[] Timestamps, decimal[] Amounts, string[] OrderIds);
}
