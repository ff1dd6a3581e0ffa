using System;
using System.Collections.Generic;
using System.Linq;
using CustomerValuation.Tiering;
using Xunit;

namespace CustomerValuation.Tests.Tiering;

/// <summary>
/// Examples of tier migration between two periods (SPEC §3, last bullet). The ten-customer example is
/// worked by hand in docs/tiering-migration.md; every expected value below is counted from the two
/// tables in <see cref="s_earlier"/> and <see cref="s_later"/>.
/// </summary>
public class TierMigrationTests
{
    private static readonly string[] s_abc = { "A", "B", "C" };

    // Earlier period: A = {c01, c02, c03}, B = {c04, c05, c06, c07}, C = {c08, c09, c10}.
    private static readonly (string Id, string Tier)[] s_earlier =
    {
        ("c01", "A"), ("c02", "A"), ("c03", "A"),
        ("c04", "B"), ("c05", "B"), ("c06", "B"), ("c07", "B"),
        ("c08", "C"), ("c09", "C"), ("c10", "C"),
    };

    // Later period: c03 and c07 are gone, c11 and c12 are new.
    private static readonly (string Id, string Tier)[] s_later =
    {
        ("c01", "A"), ("c02", "B"), ("c04", "A"), ("c05", "B"), ("c06", "C"),
        ("c08", "A"), ("c09", "C"), ("c10", "B"), ("c11", "A"), ("c12", "C"),
    };

    private static TierMigrationResult<string> Worked() =>
        TierMigration.Compare(s_abc, s_earlier, s_later, r => r.Id, r => r.Tier);

    [Fact]
    public void Compare_WorkedExample_CountsEachMovementByHand()
    {
        TierMigrationResult<string> result = Worked();

        // Hand count: same c01 c05 c09; up c04 c08 c10; down c02 c06; new c11 c12; vanished c03 c07.
        Assert.Equal(3, result.SameCount);
        Assert.Equal(3, result.UpCount);
        Assert.Equal(2, result.DownCount);
        Assert.Equal(2, result.NewCount);
        Assert.Equal(2, result.VanishedCount);
        Assert.Equal(10, result.EarlierCount);
        Assert.Equal(10, result.LaterCount);
        Assert.Equal(12, result.CustomerCount);
    }

    [Fact]
    public void Compare_WorkedExample_GivesEveryCustomerInIdOrder()
    {
        TierMigrationResult<string> result = Worked();

        // Hand-written from the two tables: (id, earlier, later, movement, steps).
        var expected = new (string, string?, string?, TierMigrationKind, int)[]
        {
            ("c01", "A", "A", TierMigrationKind.Same, 0),
            ("c02", "A", "B", TierMigrationKind.Down, 1),
            ("c03", "A", null, TierMigrationKind.Vanished, 0),
            ("c04", "B", "A", TierMigrationKind.Up, 1),
            ("c05", "B", "B", TierMigrationKind.Same, 0),
            ("c06", "B", "C", TierMigrationKind.Down, 1),
            ("c07", "B", null, TierMigrationKind.Vanished, 0),
            ("c08", "C", "A", TierMigrationKind.Up, 2),
            ("c09", "C", "C", TierMigrationKind.Same, 0),
            ("c10", "C", "B", TierMigrationKind.Up, 1),
            ("c11", null, "A", TierMigrationKind.New, 0),
            ("c12", null, "C", TierMigrationKind.New, 0),
        };
        Assert.Equal(expected, result.Customers.Select(c => (c.Id, c.EarlierTier, c.LaterTier, c.Movement, c.Steps)).ToArray());
        Assert.Equal(2, result.Customers[7].EarlierTierIndex); // c08 was C, index 2
        Assert.Equal(0, result.Customers[7].LaterTierIndex);
        Assert.Null(result.Customers[10].EarlierTierIndex);
    }

    [Fact]
    public void Compare_WorkedExample_MatrixCountsAndRowSharesByHand()
    {
        TierMigrationMatrix m = Worked().Matrix;

        // Rows A, B, C, new; columns A, B, C, vanished; counted by hand from the tables.
        int[,] counts =
        {
            { 1, 1, 0, 1 }, // A: c01→A, c02→B, c03 vanished
            { 1, 1, 1, 1 }, // B: c04→A, c05→B, c06→C, c07 vanished
            { 1, 1, 1, 0 }, // C: c08→A, c10→B, c09→C
            { 1, 0, 1, 0 }, // new: c11→A, c12→C
        };
        double[,] shares =
        {
            { 1 / 3.0, 1 / 3.0, 0, 1 / 3.0 },
            { 0.25, 0.25, 0.25, 0.25 },
            { 1 / 3.0, 1 / 3.0, 1 / 3.0, 0 },
            { 0.5, 0, 0.5, 0 },
        };
        Assert.Equal(4, m.Size);
        for (int row = 0; row < 4; row++)
        {
            for (int column = 0; column < 4; column++)
            {
                Assert.Equal(counts[row, column], m.Count(row, column));
                Assert.Equal(shares[row, column], m.RowShare(row, column), 15);
            }
        }

        // Earlier tier sizes 3, 4, 3 and 2 new; later tier sizes 4, 3, 3 and 2 vanished.
        Assert.Equal(new[] { 3, 4, 3, 2 }, Enumerable.Range(0, 4).Select(m.RowTotal).ToArray());
        Assert.Equal(new[] { 4, 3, 3, 2 }, Enumerable.Range(0, 4).Select(m.ColumnTotal).ToArray());
        Assert.Equal(12, m.Total);
    }

    [Fact]
    public void Count_ByLabelWithNullForNewAndVanished_MatchesIndices()
    {
        TierMigrationMatrix m = Worked().Matrix;

        // Same cells as the hand table above, addressed by label.
        Assert.Equal(1, m.Count("C", "A"));
        Assert.Equal(0, m.Count("A", "C"));
        Assert.Equal(1, m.Count("B", null)); // c07 vanished from B
        Assert.Equal(1, m.Count(null, "C")); // c12 new in C
        Assert.Equal(0, m.Count(null, null));
        Assert.Equal(0.5, m.RowShare(null, "A"));
    }

    [Fact]
    public void Compare_DictionaryForm_EqualsSelectorForm()
    {
        var earlier = s_earlier.ToDictionary(r => r.Id, r => r.Tier);
        var later = s_later.ToDictionary(r => r.Id, r => r.Tier);

        TierMigrationResult<string> fromPairs = TierMigration.Compare(s_abc, earlier, later);

        Assert.Equal(Worked().Customers, fromPairs.Customers);
    }

    [Fact]
    public void RowShare_EmptyTier_IsZeroNotNaN()
    {
        // Hand example: tier D is in the order but nobody is in it, so its row total is 0.
        var earlier = new Dictionary<string, string> { ["x"] = "A", ["y"] = "B" };
        var later = new Dictionary<string, string> { ["x"] = "B", ["y"] = "B" };

        TierMigrationMatrix m = TierMigration.Compare(new[] { "A", "B", "C", "D" }, earlier, later).Matrix;

        Assert.Equal(0, m.RowTotal(3));
        for (int column = 0; column < m.Size; column++)
        {
            Assert.Equal(0.0, m.RowShare(3, column));
        }

        Assert.Equal(1.0, m.RowShare("A", "B")); // x: A → B, the only one in A
    }

    [Fact]
    public void Compare_BothPeriodsEmpty_GivesEmptyResult()
    {
        TierMigrationResult<string> result = TierMigration.Compare(s_abc, new Dictionary<string, string>(), new Dictionary<string, string>());

        Assert.Empty(result.Customers);
        Assert.Equal(0, result.Matrix.Total);
        Assert.Equal(0.0, result.Matrix.RowShare(0, 0));
    }

    [Fact]
    public void Compare_IntegerIds_SortedNumerically()
    {
        // Ids 10, 9, 100 come out 9, 10, 100 (Comparer<int>.Default), not in input order.
        var earlier = new Dictionary<int, string> { [10] = "A", [9] = "B" };
        var later = new Dictionary<int, string> { [100] = "A", [9] = "A" };

        TierMigrationResult<int> result = TierMigration.Compare(s_abc, earlier, later);

        Assert.Equal(new[] { 9, 10, 100 }, result.Customers.Select(c => c.Id).ToArray());
        Assert.Equal(
            new[] { TierMigrationKind.Up, TierMigrationKind.Vanished, TierMigrationKind.New },
            result.Customers.Select(c => c.Movement).ToArray());
    }

    // ---------------------------------------------------------------- bad input

    [Fact]
    public void Compare_DuplicateIdInEarlier_ThrowsNamingIdAndIndices()
    {
        var earlier = new[] { ("k1", "A"), ("k2", "B"), ("k1", "C") };

        var e = Assert.Throws<ArgumentException>(() => TierMigration.Compare(s_abc, earlier, s_later, r => r.Item1, r => r.Item2));

        Assert.Equal("earlier", e.ParamName);
        Assert.Contains("'k1'", e.Message, StringComparison.Ordinal);
        Assert.Contains("indices 0 and 2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_DuplicateIdInLater_ThrowsNamingLater()
    {
        var later = new[] { ("k1", "A"), ("k1", "A") };

        var e = Assert.Throws<ArgumentException>(() => TierMigration.Compare(s_abc, s_earlier, later, r => r.Item1, r => r.Item2));

        Assert.Equal("later", e.ParamName);
        Assert.Contains("'k1'", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("D")]
    [InlineData("a")]
    [InlineData("")]
    public void Compare_UnknownTierLabel_ThrowsNamingIdAndLabel(string label)
    {
        var later = new[] { ("k1", "A"), ("k2", label) };

        var e = Assert.Throws<ArgumentException>(() => TierMigration.Compare(s_abc, s_earlier, later, r => r.Item1, r => r.Item2));

        Assert.Equal("later", e.ParamName);
        Assert.Contains("index 1", e.Message, StringComparison.Ordinal);
        Assert.Contains("'k2'", e.Message, StringComparison.Ordinal);
        Assert.Contains("'" + label + "'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_NullTierLabel_ThrowsNamingId()
    {
        var earlier = new[] { new KeyValuePair<string, string>("k9", null!) };

        var e = Assert.Throws<ArgumentException>(() => TierMigration.Compare(s_abc, earlier, Array.Empty<KeyValuePair<string, string>>()));

        Assert.Equal("earlier", e.ParamName);
        Assert.Contains("'k9'", e.Message, StringComparison.Ordinal);
        Assert.Contains("null", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_NullId_ThrowsNamingIndex()
    {
        var earlier = new[] { ("k1", "A"), (null!, "B") };

        var e = Assert.Throws<ArgumentException>(() => TierMigration.Compare(s_abc, earlier, s_later, r => r.Item1, r => r.Item2));

        Assert.Equal("earlier", e.ParamName);
        Assert.Contains("index 1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_EmptyTierOrder_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => TierMigration.Compare(Array.Empty<string>(), s_earlier, s_later, r => r.Id, r => r.Tier));

        Assert.Equal("tierOrder", e.ParamName);
        Assert.Contains("empty", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_RepeatedTierLabel_ThrowsNamingLabel()
    {
        var e = Assert.Throws<ArgumentException>(() => TierMigration.Compare(new[] { "A", "B", "A" }, s_earlier, s_later, r => r.Id, r => r.Tier));

        Assert.Equal("tierOrder", e.ParamName);
        Assert.Contains("'A'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_IdsEqualUnderComparer_ThrowsNamingIdComparer()
    {
        // "k1" and "K1" are distinct keys but equal ignoring case, so their order would depend on the input.
        var earlier = new Dictionary<string, string> { ["k1"] = "A" };
        var later = new Dictionary<string, string> { ["K1"] = "A" };

        var e = Assert.Throws<ArgumentException>(() => TierMigration.Compare(s_abc, earlier, later, StringComparer.OrdinalIgnoreCase));

        Assert.Equal("idComparer", e.ParamName);
    }

    [Fact]
    public void Count_IndexOutOfRange_Throws()
    {
        TierMigrationMatrix m = Worked().Matrix;

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => m.Count(4, 0));
        Assert.Equal("row", e.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => m.RowShare(0, -1));
        Assert.Throws<ArgumentException>(() => m.Count("Z", "A"));
    }
}
