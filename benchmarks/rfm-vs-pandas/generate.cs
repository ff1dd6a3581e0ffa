// Writes the synthetic transaction file of the RFM side-by-side benchmark (benchmarks/rfm-vs-pandas/run.sh).
// Usage: dotnet run benchmarks/rfm-vs-pandas/generate.cs -- OUT.csv [LINES] [CUSTOMERS]
// Columns customer_id,invoice_no,invoice_date,amount. Seeded, so the same arguments give the same
// file: orders in time order over 2024-01-01 … 2025-12-31, 1 to 5 lines per order, a fifth of the
// customers placing about half of the orders, integer customer ids, amounts in cents with 1 % of
// lines negative (returns). The same distribution as SyntheticRfm.Transactions in the BenchmarkDotNet
// project, written out as text.
using System;
using System.Globalization;
using System.IO;
using System.Text;

if (args.Length < 1)
{
    Console.Error.WriteLine("usage: dotnet run generate.cs -- OUT.csv [LINES] [CUSTOMERS]");
    return 2;
}

string path = args[0];
long lineCount = args.Length > 1 ? long.Parse(args[1], CultureInfo.InvariantCulture) : 10_000_000;
int customerCount = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1_000_000;
var random = new Random(20_261_127);
var start = new DateTime(2024, 1, 1);
using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20) { NewLine = "\n" };
writer.WriteLine("customer_id,invoice_no,invoice_date,amount");
long i = 0;
long orderNumber = 0;
var line = new StringBuilder(64);
while (i < lineCount)
{
    orderNumber++;
    long customer = random.NextDouble() < 0.5
        ? 1_000_000 + random.Next(customerCount / 5)
        : 1_000_000 + random.Next(customerCount);
    DateTime date = start.AddDays((int)(i * 731 / lineCount)).AddMinutes(random.Next(600, 1_200));
    string when = date.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
    int linesInOrder = 1 + random.Next(5);
    for (int k = 0; k < linesInOrder && i < lineCount; k++, i++)
    {
        long cents = 100 + (long)(-2_000 * Math.Log(1 - random.NextDouble()));
        decimal amount = (random.NextDouble() < 0.01 ? -cents : cents) / 100m;
        line.Clear();
        line.Append(customer.ToString(CultureInfo.InvariantCulture)).Append(',')
            .Append(orderNumber.ToString(CultureInfo.InvariantCulture)).Append(',')
            .Append(when).Append(',')
            .Append(amount.ToString("0.00", CultureInfo.InvariantCulture));
        writer.WriteLine(line);
    }
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {lineCount:N0} lines ({orderNumber:N0} orders) to {path}"));
return 0;
