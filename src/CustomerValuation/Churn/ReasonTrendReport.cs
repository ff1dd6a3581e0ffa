using System.Collections.Generic;

namespace CustomerValuation.Churn;

/// <summary>How the reasons of lost customers changed between two periods: counts and customer shares per reason, the change in percentage points, new and vanished reasons.</summary>
public sealed class ReasonTrendReport
{
    internal ReasonTrendReport(ReasonLevel level, int previousCustomerCount, int currentCustomerCount, int previousUntaggedCount, int currentUntaggedCount, ReasonTrendLine[] lines)
    {
        Level = level;
        PreviousCustomerCount = previousCustomerCount;
        CurrentCustomerCount = currentCustomerCount;
        PreviousUntaggedCount = previousUntaggedCount;
        CurrentUntaggedCount = currentUntaggedCount;
        Lines = lines;
    }

    /// <summary>Gets the level the reasons are grouped at.</summary>
    public ReasonLevel Level { get; }

    /// <summary>Gets the number of customers in the previous period.</summary>
    public int PreviousCustomerCount { get; }

    /// <summary>Gets the number of customers in the current period.</summary>
    public int CurrentCustomerCount { get; }

    /// <summary>Gets the number of untagged customers in the previous period.</summary>
    public int PreviousUntaggedCount { get; }

    /// <summary>Gets the number of untagged customers in the current period.</summary>
    public int CurrentUntaggedCount { get; }

    /// <summary>Gets the untagged share of the previous period (0 when it had no customers).</summary>
    public double PreviousUntaggedShare => PreviousCustomerCount == 0 ? 0 : (double)PreviousUntaggedCount / PreviousCustomerCount;

    /// <summary>Gets the untagged share of the current period (0 when it had no customers).</summary>
    public double CurrentUntaggedShare => CurrentCustomerCount == 0 ? 0 : (double)CurrentUntaggedCount / CurrentCustomerCount;

    /// <summary>Gets the change in the untagged share in percentage points.</summary>
    public double UntaggedShareChangePoints => (CurrentUntaggedShare - PreviousUntaggedShare) * 100;

    /// <summary>Gets one line per reason that occurs in at least one period, in taxonomy order.</summary>
    public IReadOnlyList<ReasonTrendLine> Lines { get; }
}
