using System;
using System.Collections.Generic;
using System.Linq;
using CustomerValuation.Tiering;
using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace CustomerValuation.Tests.Tiering;

/// <summary>FsCheck properties of tier migration (STYLE 17): row sums, nothing lost, permutation invariance.</summary>
public class TierMigrationPropertyTests
{
    /// <summary>
    /// A case: k tiers T0 … T(k−1); for each of up to 40 ids "c0" … an earlier and a later tier index,
    /// −1 meaning absent from that period; and a seed for shuffling the records.
    /// </summary>
    private sealed record Case(string[] Tiers, (string Id, int Earlier, int Later)[] Customers, int Seed)
    {
        public (string Id, string Tier)[] Earlier =>
            Customers.Where(c => c.Earlier >= 0).Select(c => (c.Id, Tiers[c.Earlier])).ToArray();

        public (string Id, string Tier)[] Later =>
            Customers.Where(c => c.Later >= 0).Select(c => (c.Id, Tiers[c.Later])).ToArray();
    }

    private static readonly Gen<Case> s_cases =
        from k in Gen.Choose(1, 5)
        from n in Gen.Choose(0, 40)
        from earlier in Gen.ArrayOf(Gen.Choose(-1, k - 1), n)
        from later in Gen.ArrayOf(Gen.Choose(-1, k - 1), n)
        from seed in Gen.Choose(0, int.MaxValue)
        select new Case(
            Enumerable.Range(0, k).Select(i => "T" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray(),
            Enumerable.Range(0, n).Select(i => ("c" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), earlier[i], later[i])).ToArray(),
            seed);

    private static TierMigrationResult<string> Run(Case c, (string Id, string Tier)[] earlier, (string Id, string Tier)[] later) =>
        TierMigration.Compare(c.Tiers, earlier, later, r => r.Id, r => r.Tier);

    private static T[] Shuffle<T>(T[] items, Random random)
    {
        T[] copy = (T[])items.Clone();
        for (int i = copy.Length - 1; i > 0; i--)
        {
            int j = random.Next(i + 1);
            (copy[i], copy[j]) = (copy[j], copy[i]);
        }

        return copy;
    }

    [Fact]
    public void Compare_RowSums_EqualEarlierTierSizes()
    {
        PropertyCheck.ForAll(s_cases, c =>
        {
            TierMigrationMatrix m = Run(c, c.Earlier, c.Later).Matrix;
            bool rows = Enumerable.Range(0, c.Tiers.Length).All(t =>
                Enumerable.Range(0, m.Size).Sum(col => m.Count(t, col)) == c.Customers.Count(x => x.Earlier == t)
                && m.RowTotal(t) == c.Customers.Count(x => x.Earlier == t));
            bool columns = Enumerable.Range(0, c.Tiers.Length).All(t => m.ColumnTotal(t) == c.Customers.Count(x => x.Later == t));
            bool newRow = m.RowTotal(m.NewRow) == c.Customers.Count(x => x.Earlier < 0 && x.Later >= 0);
            bool vanished = m.ColumnTotal(m.VanishedColumn) == c.Customers.Count(x => x.Earlier >= 0 && x.Later < 0);
            return rows && columns && newRow && vanished && m.Count(m.NewRow, m.VanishedColumn) == 0;
        });
    }

    [Fact]
    public void Compare_RowShares_SumToOneOrZeroAndAreNeverNaN()
    {
        PropertyCheck.ForAll(s_cases, c =>
        {
            TierMigrationMatrix m = Run(c, c.Earlier, c.Later).Matrix;
            return Enumerable.Range(0, m.Size).All(row =>
            {
                double[] shares = Enumerable.Range(0, m.Size).Select(col => m.RowShare(row, col)).ToArray();
                double sum = shares.Sum();
                return shares.All(s => s >= 0 && s <= 1) && (m.RowTotal(row) == 0 ? sum == 0 : Math.Abs(sum - 1) < 1e-12);
            });
        });
    }

    [Fact]
    public void Compare_EveryIdOfEitherPeriod_AppearsExactlyOnceWithItsTiers()
    {
        PropertyCheck.ForAll(s_cases, c =>
        {
            TierMigrationResult<string> result = Run(c, c.Earlier, c.Later);
            var present = c.Customers.Where(x => x.Earlier >= 0 || x.Later >= 0).ToDictionary(x => x.Id);
            bool once = result.Customers.Select(x => x.Id).Distinct().Count() == result.CustomerCount
                && result.CustomerCount == present.Count
                && result.Matrix.Total == present.Count;
            bool tiers = result.Customers.All(x =>
                present.TryGetValue(x.Id, out var p)
                && x.EarlierTierIndex == (p.Earlier >= 0 ? p.Earlier : null)
                && x.LaterTierIndex == (p.Later >= 0 ? p.Later : null));
            bool counts = result.SameCount + result.UpCount + result.DownCount + result.NewCount + result.VanishedCount == present.Count
                && result.EarlierCount == c.Earlier.Length
                && result.LaterCount == c.Later.Length;
            return once && tiers && counts;
        });
    }

    [Fact]
    public void Compare_ShuffledRecords_GiveTheSameResult()
    {
        PropertyCheck.ForAll(s_cases, c =>
        {
            var random = new Random(c.Seed);
            TierMigrationResult<string> a = Run(c, c.Earlier, c.Later);
            TierMigrationResult<string> b = Run(c, Shuffle(c.Earlier, random), Shuffle(c.Later, random));
            return a.Customers.SequenceEqual(b.Customers)
                && Enumerable.Range(0, a.Matrix.Size).All(r => Enumerable.Range(0, a.Matrix.Size).All(col => a.Matrix.Count(r, col) == b.Matrix.Count(r, col)));
        });
    }

    [Fact]
    public void Compare_MovementAndSteps_FollowTheTierIndices()
    {
        PropertyCheck.ForAll(s_cases, c =>
            Run(c, c.Earlier, c.Later).Customers.All(x => (x.EarlierTierIndex, x.LaterTierIndex) switch
            {
                (null, not null) => x.Movement == TierMigrationKind.New && x.Steps == 0,
                (not null, null) => x.Movement == TierMigrationKind.Vanished && x.Steps == 0,
                (int e, int l) when l < e => x.Movement == TierMigrationKind.Up && x.Steps == e - l,
                (int e, int l) when l > e => x.Movement == TierMigrationKind.Down && x.Steps == l - e,
                (int, int) => x.Movement == TierMigrationKind.Same && x.Steps == 0,
                _ => false,
            }));
    }
}
