using System;
using System.Collections.Generic;
using System.Linq;
using CustomerValuation.Tiering;
using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace CustomerValuation.Tests.Tiering;

/// <summary>
/// Provisional grades (SPEC §3: a new customer gets a provisional grade, re-assessed after six months).
/// Expected dates are calendar arithmetic by hand (month lengths: February 28 days, 29 in 2024; September 30).
/// </summary>
public class ProvisionalGradesTests
{
    private static readonly (string Id, string Tier, DateTime FirstSeen)[] s_new =
    {
        ("n3", "B", new DateTime(2026, 1, 15, 14, 30, 0)),
        ("n1", "A", new DateTime(2025, 8, 31)),
        ("n2", "C", new DateTime(2023, 8, 31)),
    };

    private static IReadOnlyList<ProvisionalGrade<string>> Assign(ProvisionalGradeOptions? options = null) =>
        ProvisionalGrades.Assign(s_new, r => r.Id, r => r.Tier, r => r.FirstSeen, options);

    [Fact]
    public void Assign_SixMonths_ClampsMonthEndAndDropsTimeOfDay()
    {
        IReadOnlyList<ProvisionalGrade<string>> grades = Assign();

        // In id order. 31 Aug 2025 + 6 months: 31 Feb does not exist → 28 Feb 2026.
        // 31 Aug 2023 + 6 months → 29 Feb 2024 (leap year). 15 Jan 2026 14:30 → 15 Jan 2026 → 15 Jul 2026.
        Assert.Equal(
            new[]
            {
                new ProvisionalGrade<string>("n1", "A", new DateTime(2025, 8, 31), new DateTime(2026, 2, 28)),
                new ProvisionalGrade<string>("n2", "C", new DateTime(2023, 8, 31), new DateTime(2024, 2, 29)),
                new ProvisionalGrade<string>("n3", "B", new DateTime(2026, 1, 15), new DateTime(2026, 7, 15)),
            },
            grades);
        Assert.All(grades, g => Assert.True(g.IsProvisional));
    }

    [Fact]
    public void Assign_TwelveMonths_AddsAYear()
    {
        // 15 Jan 2026 + 12 months = 15 Jan 2027 (hand).
        Assert.Equal(new DateTime(2027, 1, 15), Assign(new ProvisionalGradeOptions(12))[2].ReassessOn);
        Assert.Equal(6, ProvisionalGradeOptions.Default.ReassessmentMonths);
    }

    [Fact]
    public void DueForReassessment_AsOfFirstOfMarch2026_ListsTheOverdueByDate()
    {
        // Re-assessment dates (above): n1 2026-02-28, n2 2024-02-29, n3 2026-07-15. On 2026-03-01 n2 and n1
        // are due, the older date first; n3 is not.
        IReadOnlyList<ProvisionalGrade<string>> due = ProvisionalGrades.DueForReassessment(Assign(), new DateTime(2026, 3, 1));

        Assert.Equal(new[] { "n2", "n1" }, due.Select(g => g.Id).ToArray());
    }

    [Fact]
    public void DueForReassessment_OnTheDateItself_IsDue()
    {
        // n3 is due on 2026-07-15 (any time of day), not on 2026-07-14.
        Assert.Contains(ProvisionalGrades.DueForReassessment(Assign(), new DateTime(2026, 7, 15, 0, 0, 1)), g => g.Id == "n3");
        Assert.DoesNotContain(ProvisionalGrades.DueForReassessment(Assign(), new DateTime(2026, 7, 14, 23, 59, 0)), g => g.Id == "n3");
        Assert.Empty(ProvisionalGrades.DueForReassessment(Assign(), new DateTime(2024, 2, 28)));
    }

    [Fact]
    public void FromMigration_NewCustomers_GetTheirLaterTierProvisionally()
    {
        // Hand-made two-period example: c11 is new in A, c12 new in C; c01 moved and c03 vanished, so neither is new.
        var earlier = new Dictionary<string, string> { ["c01"] = "A", ["c03"] = "B" };
        var later = new Dictionary<string, string> { ["c01"] = "B", ["c12"] = "C", ["c11"] = "A" };
        TierMigrationResult<string> migration = TierMigration.Compare(new[] { "A", "B", "C" }, earlier, later);
        var firstSeen = new Dictionary<string, DateTime> { ["c11"] = new DateTime(2026, 1, 10), ["c12"] = new DateTime(2026, 3, 31) };

        IReadOnlyList<ProvisionalGrade<string>> grades = ProvisionalGrades.FromMigration(migration, id => firstSeen[id]);

        // 10 Jan + 6 months = 10 Jul; 31 Mar + 6 months: 31 Sep does not exist → 30 Sep (hand).
        Assert.Equal(
            new[]
            {
                new ProvisionalGrade<string>("c11", "A", new DateTime(2026, 1, 10), new DateTime(2026, 7, 10)),
                new ProvisionalGrade<string>("c12", "C", new DateTime(2026, 3, 31), new DateTime(2026, 9, 30)),
            },
            grades);
    }

    // ---------------------------------------------------------------- bad input

    [Theory]
    [InlineData(0)]
    [InlineData(-6)]
    [InlineData(121)]
    public void Options_MonthsOutOfRange_ThrowsNamingThem(int months)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new ProvisionalGradeOptions(months));
        Assert.Equal("reassessmentMonths", e.ParamName);
    }

    [Fact]
    public void Assign_DuplicateId_ThrowsNamingIdAndIndices()
    {
        var rows = new[] { ("x", "A"), ("y", "B"), ("x", "C") };
        var e = Assert.Throws<ArgumentException>(() => ProvisionalGrades.Assign(rows, r => r.Item1, r => r.Item2, _ => new DateTime(2026, 1, 1)));
        Assert.Equal("newCustomers", e.ParamName);
        Assert.Contains("'x'", e.Message, StringComparison.Ordinal);
        Assert.Contains("indices 0 and 2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Assign_EmptyTier_ThrowsNamingId()
    {
        var rows = new[] { ("x", "A"), ("y", "") };
        var e = Assert.Throws<ArgumentException>(() => ProvisionalGrades.Assign(rows, r => r.Item1, r => r.Item2, _ => new DateTime(2026, 1, 1)));
        Assert.Equal("newCustomers", e.ParamName);
        Assert.Contains("'y'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Assign_ReassessmentAfterYear9999_ThrowsNamingId()
    {
        // 1 Jul 9999 + 6 months = 1 Jan 10000, which DateTime cannot hold; 30 Jun 9999 + 6 = 30 Dec 9999 is fine.
        var rows = new[] { ("ok", new DateTime(9999, 6, 30)), ("late", new DateTime(9999, 7, 1)) };
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => ProvisionalGrades.Assign(rows, r => r.Item1, _ => "A", r => r.Item2));
        Assert.Equal("newCustomers", e.ParamName);
        Assert.Contains("'late'", e.Message, StringComparison.Ordinal);
        Assert.Equal(new DateTime(9999, 12, 30), ProvisionalGrades.Assign(rows.Take(1), r => r.Item1, _ => "A", r => r.Item2)[0].ReassessOn);
    }

    [Fact]
    public void DueForReassessment_DuplicateId_Throws()
    {
        ProvisionalGrade<string> g = Assign()[0];
        var e = Assert.Throws<ArgumentException>(() => ProvisionalGrades.DueForReassessment(new[] { g, g }, new DateTime(2030, 1, 1)));
        Assert.Equal("grades", e.ParamName);
        Assert.Contains("'n1'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Grade_NullTier_Throws()
    {
        var e = Assert.Throws<ArgumentNullException>(() => new ProvisionalGrade<string>("x", null!, DateTime.MinValue, DateTime.MinValue));
        Assert.Equal("Tier", e.ParamName);
    }

    // ---------------------------------------------------------------- properties

    private static readonly Gen<(DateTime[] Days, int Months, DateTime AsOf, int Seed)> s_cases =
        from n in Gen.Choose(0, 40)
        from days in Gen.ArrayOf(Gen.Choose(0, 3000), n)
        from months in Gen.Choose(1, 24)
        from asOf in Gen.Choose(0, 4000)
        from seed in Gen.Choose(0, int.MaxValue)
        select (days.Select(d => new DateTime(2020, 1, 1).AddDays(d)).ToArray(), months, new DateTime(2020, 1, 1).AddDays(asOf), seed);

    [Fact]
    public void Assign_ShuffledInput_SameGradesOneEach()
    {
        PropertyCheck.ForAll(s_cases, c =>
        {
            var rows = c.Days.Select((d, i) => (Id: "k" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), Day: d)).ToArray();
            var random = new Random(c.Seed);
            var shuffled = rows.OrderBy(_ => random.Next()).ToArray();
            var options = new ProvisionalGradeOptions(c.Months);
            var a = ProvisionalGrades.Assign(rows, r => r.Id, _ => "A", r => r.Day, options);
            var b = ProvisionalGrades.Assign(shuffled, r => r.Id, _ => "A", r => r.Day, options);
            return a.SequenceEqual(b) && a.Count == rows.Length && a.Select(g => g.Id).Distinct().Count() == rows.Length
                && a.All(g => g.ReassessOn > g.FirstSeen && g.ReassessOn.AddMonths(-c.Months) <= g.FirstSeen);
        });
    }

    [Fact]
    public void DueForReassessment_ListsExactlyTheDueOnesByDate()
    {
        PropertyCheck.ForAll(s_cases, c =>
        {
            var grades = ProvisionalGrades.Assign(c.Days.Select((d, i) => (i, d)), r => r.i, _ => "B", r => r.d, new ProvisionalGradeOptions(c.Months));
            var due = ProvisionalGrades.DueForReassessment(grades.Reverse(), c.AsOf);
            bool exact = due.Count == grades.Count(g => g.ReassessOn <= c.AsOf) && due.All(g => g.ReassessOn <= c.AsOf);
            bool ordered = due.Zip(due.Skip(1), (x, y) => x.ReassessOn < y.ReassessOn || (x.ReassessOn == y.ReassessOn && x.Id < y.Id)).All(ok => ok);
            return exact && ordered;
        });
    }
}
