using System.Collections.Generic;
using System.Collections.ObjectModel;

namespace CustomerValuation.Abc;

/// <summary>The result of an ABC analysis of a list of values: entries in rank order and the summary.</summary>
public sealed class AbcAnalysis
{
    private readonly AbcEntry[] _entries;

    internal AbcAnalysis(AbcEntry[] entries, AbcSummary summary)
    {
        _entries = entries;
        Entries = new ReadOnlyCollection<AbcEntry>(entries);
        Summary = summary;
    }

    /// <summary>Gets one entry per input value, in rank order (rank 1 first); a read-only view.</summary>
    public IReadOnlyList<AbcEntry> Entries { get; }

    /// <summary>Gets the class totals, the total value and the Gini coefficient.</summary>
    public AbcSummary Summary { get; }

    /// <summary>
    /// Gets the Pareto curve of the positive values: (0, 0), then for each rank i the point
    /// (i ÷ m, the cumulative value share of rank i), ending at (1, 1).
    /// </summary>
    /// <param name="maxPoints">
    /// At most this many points, evenly spaced in rank with both ends kept (for charts);
    /// <see langword="null"/> for all m + 1 points.
    /// </param>
    /// <returns>The points, by increasing rank; just (0, 0) when no value is positive.</returns>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="maxPoints"/> is less than 2.</exception>
    public IReadOnlyList<ParetoPoint> ParetoCurve(int? maxPoints = null) =>
        Abc.ParetoCurve.Build(r => _entries[r].CumulativeShare, Summary.PositiveCount, maxPoints);
}

/// <summary>The result of an ABC analysis of keyed records: customers in rank order and the summary.</summary>
/// <typeparam name="TId">The customer id type.</typeparam>
public sealed class AbcAnalysis<TId>
{
    private readonly AbcCustomer<TId>[] _customers;

    internal AbcAnalysis(AbcCustomer<TId>[] customers, AbcSummary summary)
    {
        _customers = customers;
        Customers = new ReadOnlyCollection<AbcCustomer<TId>>(customers);
        Summary = summary;
    }

    /// <summary>Gets one result per input record, in rank order (rank 1 first); a read-only view.</summary>
    public IReadOnlyList<AbcCustomer<TId>> Customers { get; }

    /// <summary>Gets the class totals, the total value and the Gini coefficient.</summary>
    public AbcSummary Summary { get; }

    /// <summary>
    /// Gets the Pareto curve of the positive values: (0, 0), then for each rank i the point
    /// (i ÷ m, the cumulative value share of rank i), ending at (1, 1).
    /// </summary>
    /// <param name="maxPoints">
    /// At most this many points, evenly spaced in rank with both ends kept (for charts);
    /// <see langword="null"/> for all m + 1 points.
    /// </param>
    /// <returns>The points, by increasing rank; just (0, 0) when no value is positive.</returns>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="maxPoints"/> is less than 2.</exception>
    public IReadOnlyList<ParetoPoint> ParetoCurve(int? maxPoints = null) =>
        Abc.ParetoCurve.Build(r => _customers[r].CumulativeShare, Summary.PositiveCount, maxPoints);
}
