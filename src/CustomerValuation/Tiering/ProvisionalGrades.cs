using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using CustomerValuation.Internal;

namespace CustomerValuation.Tiering;

/// <summary>
/// Provisional grades for new customers (SPEC §3: a new customer gets a provisional grade, re-assessed
/// after six months), and the list of those due for re-assessment.
/// </summary>
/// <remarks>
/// The re-assessment date is the first-seen calendar date plus <see cref="ProvisionalGradeOptions.ReassessmentMonths"/>
/// calendar months (<see cref="DateTime.AddMonths(int)"/>; a day that the target month lacks becomes its last day,
/// so 31 August 2025 + 6 months = 28 February 2026). Only calendar dates count: times of day are dropped, nothing is
/// converted between time zones. Results are in id order (or re-assessment date, then id), never in input order.
/// Time O(n log n) for the sort.
/// </remarks>
public static class ProvisionalGrades
{
    /// <summary>Gives each new customer a provisional grade with its re-assessment date.</summary>
    /// <typeparam name="T">The record type.</typeparam>
    /// <typeparam name="TId">The customer id type.</typeparam>
    /// <param name="newCustomers">One record per new customer.</param>
    /// <param name="idSelector">Gets a record's customer id; not null, unique.</param>
    /// <param name="tierSelector">Gets a record's provisional tier label; not null or empty.</param>
    /// <param name="firstSeenSelector">Gets the date the customer was first seen.</param>
    /// <param name="options">The options; <see langword="null"/> for <see cref="ProvisionalGradeOptions.Default"/> (six months).</param>
    /// <param name="idComparer">Orders the result; <see langword="null"/> for ordinal order of strings and <see cref="Comparer{T}.Default"/> otherwise.</param>
    /// <returns>One provisional grade per record, in id order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="newCustomers"/> or a selector is null.</exception>
    /// <exception cref="ArgumentException">
    /// An id is null or repeated, or a tier is null or empty (the message names the index and id); ids cannot be
    /// compared, or two distinct ids are equal under <paramref name="idComparer"/>.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException">The re-assessment date of a record would fall after 31 December 9999.</exception>
    public static IReadOnlyList<ProvisionalGrade<TId>> Assign<T, TId>(
        IEnumerable<T> newCustomers,
        Func<T, TId> idSelector,
        Func<T, string> tierSelector,
        Func<T, DateTime> firstSeenSelector,
        ProvisionalGradeOptions? options = null,
        IComparer<TId>? idComparer = null)
        where TId : notnull
    {
        Guard.NotNull(newCustomers, nameof(newCustomers));
        Guard.NotNull(idSelector, nameof(idSelector));
        Guard.NotNull(tierSelector, nameof(tierSelector));
        Guard.NotNull(firstSeenSelector, nameof(firstSeenSelector));
        int months = (options ?? ProvisionalGradeOptions.Default).ReassessmentMonths;
        var seen = new Dictionary<TId, int>();
        var grades = new List<ProvisionalGrade<TId>>();
        foreach (T item in newCustomers)
        {
            int row = grades.Count;
            TId id = idSelector(item);
            if (id is null)
            {
                throw TierMigrationChecks.NullId(nameof(newCustomers), row);
            }

            if (seen.TryGetValue(id, out int first))
            {
                throw new ArgumentException(
                    string.Format(CultureInfo.InvariantCulture, "Customer id '{0}' appears twice, at indices {1} and {2}; a customer has one provisional grade.", id, first, row),
                    nameof(newCustomers));
            }

            seen.Add(id, row);
            string? tier = tierSelector(item);
            if (string.IsNullOrEmpty(tier))
            {
                throw new ArgumentException(
                    string.Format(CultureInfo.InvariantCulture, "The tier of the record at index {0} (customer id '{1}') is null or empty; every provisional grade needs a tier label.", row, id),
                    nameof(newCustomers));
            }

            grades.Add(Grade(id, tier!, firstSeenSelector(item), months, row, nameof(newCustomers)));
        }

        ProvisionalGrade<TId>[] result = grades.ToArray();
        TId[] ids = Array.ConvertAll(result, g => g.Id);
        TierMigrationChecks.Sort(ids, result, idComparer);
        return new ReadOnlyCollection<ProvisionalGrade<TId>>(result);
    }

    /// <summary>Gives each new customer of a tier migration (<see cref="TierMigrationKind.New"/>) its later tier as a provisional grade.</summary>
    /// <typeparam name="TId">The customer id type.</typeparam>
    /// <param name="migration">The comparison of two periods.</param>
    /// <param name="firstSeen">Gets the date a new customer was first seen; called once per new customer.</param>
    /// <param name="options">The options; <see langword="null"/> for <see cref="ProvisionalGradeOptions.Default"/> (six months).</param>
    /// <returns>One provisional grade per new customer, in the id order of <paramref name="migration"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="migration"/> or <paramref name="firstSeen"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The re-assessment date of a customer would fall after 31 December 9999.</exception>
    public static IReadOnlyList<ProvisionalGrade<TId>> FromMigration<TId>(
        TierMigrationResult<TId> migration,
        Func<TId, DateTime> firstSeen,
        ProvisionalGradeOptions? options = null)
    {
        Guard.NotNull(migration, nameof(migration));
        Guard.NotNull(firstSeen, nameof(firstSeen));
        int months = (options ?? ProvisionalGradeOptions.Default).ReassessmentMonths;
        var grades = new List<ProvisionalGrade<TId>>(migration.NewCount);
        for (int i = 0; i < migration.Customers.Count; i++)
        {
            TierMigrationCustomer<TId> customer = migration.Customers[i];
            if (customer.Movement == TierMigrationKind.New)
            {
                grades.Add(Grade(customer.Id, customer.LaterTier!, firstSeen(customer.Id), months, i, nameof(firstSeen)));
            }
        }

        return new ReadOnlyCollection<ProvisionalGrade<TId>>(grades);
    }

    /// <summary>Lists the provisional grades due for re-assessment on a date: those whose re-assessment date is on or before it.</summary>
    /// <typeparam name="TId">The customer id type.</typeparam>
    /// <param name="grades">The provisional grades; ids unique.</param>
    /// <param name="asOf">The date; its time of day is ignored.</param>
    /// <param name="idComparer">Orders customers with the same re-assessment date; <see langword="null"/> for the default order (ordinal for strings).</param>
    /// <returns>The grades due, by re-assessment date (earliest, most overdue, first), then id; empty when none is due.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="grades"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// An id is null or repeated (the message names both indices); ids cannot be compared, or two distinct ids are
    /// equal under <paramref name="idComparer"/>.
    /// </exception>
    public static IReadOnlyList<ProvisionalGrade<TId>> DueForReassessment<TId>(
        IEnumerable<ProvisionalGrade<TId>> grades,
        DateTime asOf,
        IComparer<TId>? idComparer = null)
        where TId : notnull
    {
        Guard.NotNull(grades, nameof(grades));
        DateTime day = asOf.Date;
        var seen = new Dictionary<TId, int>();
        var due = new List<ProvisionalGrade<TId>>();
        int row = 0;
        foreach (ProvisionalGrade<TId> grade in grades)
        {
            if (grade.Id is null)
            {
                throw TierMigrationChecks.NullId(nameof(grades), row);
            }

            if (seen.TryGetValue(grade.Id, out int first))
            {
                throw new ArgumentException(
                    string.Format(CultureInfo.InvariantCulture, "Customer id '{0}' appears twice, at indices {1} and {2}; a customer has one provisional grade.", grade.Id, first, row),
                    nameof(grades));
            }

            seen.Add(grade.Id, row++);
            if (grade.IsDue(day))
            {
                due.Add(grade);
            }
        }

        // Sort by id first (which also checks the ids), then stably by date.
        ProvisionalGrade<TId>[] result = due.ToArray();
        TId[] ids = Array.ConvertAll(result, g => g.Id);
        TierMigrationChecks.Sort(ids, result, idComparer);
        var ordered = new List<ProvisionalGrade<TId>>(result.Length);
        var byDate = new SortedDictionary<DateTime, List<ProvisionalGrade<TId>>>();
        foreach (ProvisionalGrade<TId> grade in result)
        {
            if (!byDate.TryGetValue(grade.ReassessOn.Date, out List<ProvisionalGrade<TId>>? group))
            {
                group = new List<ProvisionalGrade<TId>>();
                byDate.Add(grade.ReassessOn.Date, group);
            }

            group.Add(grade);
        }

        foreach (List<ProvisionalGrade<TId>> group in byDate.Values)
        {
            ordered.AddRange(group);
        }

        return new ReadOnlyCollection<ProvisionalGrade<TId>>(ordered);
    }

    private static ProvisionalGrade<TId> Grade<TId>(TId id, string tier, DateTime firstSeen, int months, int row, string parameterName)
    {
        DateTime day = firstSeen.Date;
        if (day > DateTime.MaxValue.Date.AddMonths(-months))
        {
            throw new ArgumentOutOfRangeException(
                parameterName,
                firstSeen,
                string.Format(CultureInfo.InvariantCulture, "The first-seen date of the customer at index {0} (id '{1}') is {2:yyyy-MM-dd}; {3} months later would be after 9999-12-31.", row, id, day, months));
        }

        return new ProvisionalGrade<TId>(id, tier, day, day.AddMonths(months));
    }
}
