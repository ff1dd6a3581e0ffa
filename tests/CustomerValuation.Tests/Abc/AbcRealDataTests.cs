using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using CustomerValuation.Abc;
using CustomerValuation.Cli;
using Xunit;

namespace CustomerValuation.Tests.Abc;

/// <summary>ABC on the UCI Online Retail data, read in place from ../shared/data.</summary>
public class AbcRealDataTests
{
    private const string OnlineRetail = "online-retail/online_retail.csv.gz";

    [SharedDataFact(OnlineRetail)]
    public void Analyze_OnlineRetailSpend_PublishedTotalsAndIndependentClassCounts()
    {
        using (FileStream stream = File.OpenRead(SharedData.PathOf(OnlineRetail)))
        {
            // sha256 from ../shared/data/README.md: the right file, byte for byte.
            Assert.Equal("59a6e9140d9c278505f0d87b22e2bd349f9db4e3f8c9fabb3537726626aee7fe", Convert.ToHexString(SHA256.HashData(stream)).ToLowerInvariant());
        }

        Dictionary<string, decimal> spend = CleanSpendPerCustomer(out int lines);
        Assert.Equal(541_909, lines);

        // Cleaning as SPEC §2: known customer, no cancelled (C) invoice, quantity and price positive.
        // Widely published figures for that cleaning: 4,338 customers, £8,911,407.904.
        Assert.Equal(4338, spend.Count);
        Assert.Equal(8_911_407.904m, spend.Values.Sum());

        AbcAnalysis<string> analysis = AbcClassifier.Analyze(spend, kv => kv.Key, kv => kv.Value);

        // Class counts from an independent implementation, tests/independent/online_retail_abc.py
        // (Python, exact decimal arithmetic: sort by spend descending then id, class = number of
        // breakpoints reached by the cumulative spend before the customer): A 1,133, B 1,469, C 1,736.
        Assert.Equal(new[] { 1133, 1469, 1736, 0 }, analysis.Summary.Classes.Select(c => c.Count));
        Assert.Equal("14646", analysis.Customers[0].Id); // largest spender, £280,206.02
        Assert.Equal(280_206.02, analysis.Customers[0].Value, 6);

        // Invariants: nothing lost, ranks a permutation, shares add to one, classes respect breakpoints.
        Assert.Equal(spend.Keys.OrderBy(k => k, StringComparer.Ordinal), analysis.Customers.Select(c => c.Id).OrderBy(k => k, StringComparer.Ordinal));
        Assert.Equal(Enumerable.Range(1, spend.Count), analysis.Customers.Select(c => c.Rank));
        Assert.Equal(1.0, analysis.Summary.Classes.Sum(c => c.ValueShare), 9);
        double shareA = analysis.Summary.Classes[0].ValueShare;
        Assert.InRange(shareA, 0.80, 0.80 + (analysis.Customers[1132].Share));

        // The span kernel agrees with the full analysis on real data.
        double[] values = analysis.Customers.Select(c => c.Value).ToArray();
        int[] classes = new int[values.Length];
        AbcClassifier.Classify(values, classes);
        Assert.Equal(analysis.Customers.Select(c => c.ClassIndex), classes);
    }

    [SharedDataFact(OnlineRetail)]
    public void Analyze_OnlineRetailByCount_SizesAreCeilingsOfTargets()
    {
        Dictionary<string, decimal> spend = CleanSpendPerCustomer(out _);
        AbcAnalysis<string> analysis = AbcClassifier.Analyze(spend, kv => kv.Key, kv => kv.Value, AbcOptions.ByCountShare(0.10, 0.30));

        // 10 % of 4,338 = 433.8 → 434; 30 % = 1,301.4 → 1,302 (crossing customer joins the upper class);
        // the same sizes are printed by tests/independent/online_retail_abc.py.
        Assert.Equal(new[] { 434, 868, 3036, 0 }, analysis.Summary.Classes.Select(c => c.Count));
    }

    private static Dictionary<string, decimal> CleanSpendPerCustomer(out int lines)
    {
        var spend = new Dictionary<string, decimal>(StringComparer.Ordinal);
        lines = 0;
        foreach ((long _, string[] f) in CsvInput.ReadRecords(SharedData.PathOf(OnlineRetail)).Skip(1))
        {
            lines++;
            string invoice = f[0];
            string customer = f[6];
            if (customer.Length == 0 || invoice.StartsWith('C'))
            {
                continue;
            }

            int quantity = int.Parse(f[3], CultureInfo.InvariantCulture);
            decimal price = decimal.Parse(f[5], CultureInfo.InvariantCulture);
            if (quantity <= 0 || price <= 0)
            {
                continue;
            }

            spend[customer] = spend.GetValueOrDefault(customer) + (quantity * price);
        }

        return spend;
    }
}
