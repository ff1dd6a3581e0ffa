using System;
using System.Collections.Generic;

namespace CustomerValuation.Churn;

/// <summary>The lifecycle statuses of all customers at one as-of date, in id order, with the counts per status.</summary>
/// <typeparam name="TId">The customer id type.</typeparam>
public sealed class LifecycleResult<TId>
{
    private readonly int[] _counts;

    internal LifecycleResult(DateTime asOf, LifecycleOptions options, LifecycleCustomer<TId>[] customers)
    {
        AsOf = asOf;
        Options = options;
        Customers = customers;
        _counts = new int[6];
        foreach (LifecycleCustomer<TId> customer in customers)
        {
            _counts[(int)customer.Status]++;
        }
    }

    /// <summary>Gets the as-of date (its calendar date).</summary>
    public DateTime AsOf { get; }

    /// <summary>Gets the options used.</summary>
    public LifecycleOptions Options { get; }

    /// <summary>Gets every customer once, in id order.</summary>
    public IReadOnlyList<LifecycleCustomer<TId>> Customers { get; }

    /// <summary>Counts the customers with a status.</summary>
    /// <param name="status">The status.</param>
    /// <returns>The number of customers with that status; the counts of all statuses add up to the number of customers.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="status"/> is not a defined value.</exception>
    public int Count(LifecycleStatus status)
    {
        if (status is < LifecycleStatus.Prospect or > LifecycleStatus.WonBack)
        {
            throw new ArgumentOutOfRangeException(nameof(status), status, "Use a defined LifecycleStatus value.");
        }

        return _counts[(int)status];
    }
}
