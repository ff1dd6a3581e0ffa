using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CustomerValuation.Cli;

namespace CustomerValuation.Tests.Warehouse;

/// <summary>The data sets the warehouse tests load: Online Retail from ../shared/data, and seeded synthetic lines.</summary>
internal static class WarehouseData
{
    /// <summary>Online Retail (UCI), as ../shared/data/README.md describes it.</summary>
    public const string OnlineRetail = "online-retail/online_retail.csv.gz";

    /// <summary>The fixed seed of <see cref="Synthetic"/>: the same size always gives the same lines.</summary>
    public const int Seed = 20_261_127;

    /// <summary>
    /// Every line of Online Retail, read with the CLI's reader, raw: <c>LineNo</c> is the CSV line
    /// number (the header is line 1), an empty CustomerID is null, Description keeps its spaces (and
    /// stays empty where empty), InvoiceNo keeps its "C"/"A" prefix; amount = Quantity × UnitPrice.
    /// </summary>
    public static List<TransactionLine> ReadOnlineRetail()
    {
        var lines = new List<TransactionLine>(541_909);
        foreach ((long line, string[] f) in CsvInput.ReadRecords(SharedData.PathOf(OnlineRetail)).Skip(1))
        {
            // InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country (RFC 4180 quoting).
            decimal quantity = decimal.Parse(f[3], NumberStyles.Integer | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            decimal price = decimal.Parse(f[5], NumberStyles.Number, CultureInfo.InvariantCulture);
            DateTime at = DateTime.ParseExact(f[4], "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
            lines.Add(new TransactionLine(line, f[6].Length == 0 ? null : f[6], f[0], at, f[1], f[2], quantity, price, quantity * price, f[7]));
        }

        return lines;
    }

    /// <summary>
    /// Seeded transaction lines as an ERP exports them, after the idea of the benchmarks'
    /// <c>SyntheticRfm.Transactions</c>: orders in time order over two years (2024-01-01 … 2025-12-31,
    /// 10:00 … 20:00), each order's lines together (1 to 5 lines, mean 3), customers drawn with a
    /// skew (a fifth of the customers place about half of the orders), customer ids "1000000" …,
    /// order ids "1", "2", …; 1 % of the orders have no customer (null); quantity 1 + ⌊exponential,
    /// mean 2⌋, negative on 1 % of the lines (returns); unit price in cents, 0.50 + exponential with
    /// mean 15.00; 4,000 stock codes "P0000" …; no description and no country (null).
    /// </summary>
    public static TransactionLine[] Synthetic(int lineCount, int customerCount)
    {
        var random = new Random(Seed);
        var lines = new TransactionLine[lineCount];
        var customers = new string?[customerCount];
        string[] stockCodes = Enumerable.Range(0, 4_000).Select(k => "P" + k.ToString("D4", CultureInfo.InvariantCulture)).ToArray();
        var start = new DateTime(2024, 1, 1);
        int i = 0;
        int orderNumber = 0;
        while (i < lineCount)
        {
            orderNumber++;
            bool guest = random.NextDouble() < 0.01;
            int k = random.NextDouble() < 0.5 ? random.Next(customerCount / 5) : random.Next(customerCount);
            string? customer = guest ? null : customers[k] ??= (1_000_000 + k).ToString(CultureInfo.InvariantCulture);
            var date = start.AddDays((int)((long)i * 731 / lineCount)).AddMinutes(random.Next(600, 1_200));
            string order = orderNumber.ToString(CultureInfo.InvariantCulture);
            int linesInOrder = 1 + random.Next(5);
            for (int n = 0; n < linesInOrder && i < lineCount; n++, i++)
            {
                decimal quantity = 1 + (int)(-2 * Math.Log(1 - random.NextDouble()));
                if (random.NextDouble() < 0.01)
                {
                    quantity = -quantity;
                }

                decimal price = (50 + (long)(-1_500 * Math.Log(1 - random.NextDouble()))) / 100m;
                string stockCode = stockCodes[random.Next(stockCodes.Length)];
                lines[i] = new TransactionLine(i + 1, customer, order, date, stockCode, null, quantity, price, quantity * price, null);
            }
        }

        return lines;
    }
}
