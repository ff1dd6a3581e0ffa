using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CustomerValuation.Abc;
using CustomerValuation.Warehouse;
using Npgsql;
using Xunit;
using Xunit.Abstractions;

namespace CustomerValuation.Tests.Warehouse;

/// <summary>
/// The generated ABC SQL on a real PostgreSQL gives <see cref="AbcClassifier"/>'s classes and ranks
/// for every customer (values: the sum of each customer's line amounts, returns included, so some
/// are zero or negative), by value and by count share, with both boundary rules and with four
/// classes. The expected values are the library's on the same lines (exact numeric SQL against the
/// library's compensated double sums).
/// </summary>
[Collection(PostgresTestGroup.Name)]
public sealed class AbcSqlPostgresTests(RfmSqlData data, ITestOutputHelper output) : IClassFixture<RfmSqlData>
{
    internal static readonly (string Name, AbcOptions Options)[] Cases =
    [
        ("value, upper", AbcOptions.Default),
        ("value, lower", AbcOptions.Default.WithBoundaryRule(AbcBoundaryRule.JoinLowerClass)),
        ("count, upper", new AbcOptions([0.1, 0.3], AbcBasis.CountShare)),
        ("count, lower, four classes", new AbcOptions([0.2, 0.5, 0.9], AbcBasis.CountShare, AbcBoundaryRule.JoinLowerClass, ["A", "B", "C", "D"])),
    ];

    [PostgresFact(WarehouseData.OnlineRetail)]
    public void OnlineRetail_Classes_EqualInMemory() => Compare("rfm_online_retail", data.OnlineRetail);

    [PostgresFact]
    public void SyntheticMillionLines_Classes_EqualInMemory() => Compare("rfm_synthetic", data.Synthetic);

    private void Compare(string schema, List<TransactionLine> lines)
    {
        Dictionary<string, decimal> totals = lines.Where(l => l.CustomerId is not null)
            .GroupBy(l => l.CustomerId!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(l => l.Amount), StringComparer.Ordinal);
        using NpgsqlConnection connection = PostgresServer.Open();
        foreach ((string name, AbcOptions options) in Cases)
        {
            AbcAnalysis<string> expected = AbcClassifier.Analyze(totals, kv => kv.Key, kv => kv.Value, options, StringComparer.Ordinal);
            var byId = expected.Customers.ToDictionary(c => c.Id, StringComparer.Ordinal);
            SqlStatement statement = AbcSql.Classes(schema + ".transactions", "customer_id", "amount", options, SqlDialect.PostgreSql);
            using var command = new NpgsqlCommand(statement.Text, connection) { CommandTimeout = 600 };
            foreach (SqlParameter p in statement.Parameters)
            {
                command.Parameters.AddWithValue(p.Name, p.Value);
            }

            using NpgsqlDataReader row = command.ExecuteReader();
            int n = 0, differ = 0;
            string? first = null;
            while (row.Read())
            {
                string id = row.GetString(0);
                AbcCustomer<string> e = byId[id];
                string label = row.GetString(1);
                int index = Convert.ToInt32(row.GetValue(2), CultureInfo.InvariantCulture);
                int rank = Convert.ToInt32(row.GetValue(3), CultureInfo.InvariantCulture);
                double cumulative = row.IsDBNull(6) ? 0 : Convert.ToDouble(row.GetValue(6), CultureInfo.InvariantCulture);
                bool same = label == e.Class && index == e.ClassIndex && rank == e.Rank
                    && Math.Abs(cumulative - e.CumulativeShare) <= 1e-12;
                if (!same)
                {
                    differ++;
                    first ??= $"{id}: SQL {label} #{rank} {cumulative}, expected {e.Class} #{e.Rank} {e.CumulativeShare}";
                }

                n++;
            }

            output.WriteLine($"{schema} {name}: {n:N0} customers, {differ} differ; classes {string.Join(", ", expected.Summary.Classes.Select(c => c.Label + " " + c.Count.ToString("N0", CultureInfo.InvariantCulture)))}");
            Assert.Equal(expected.Customers.Count, n);
            Assert.True(differ == 0, $"{name}: {differ} customers differ; first {first}");
        }
    }
}
