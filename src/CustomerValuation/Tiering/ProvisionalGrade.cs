using System;

namespace CustomerValuation.Tiering;

/// <summary>A new customer's provisional grade: the tier given on first sight, to be re-assessed on a set date.</summary>
/// <typeparam name="TId">The customer id type.</typeparam>
/// <param name="Id">The customer id.</param>
/// <param name="Tier">The provisional tier label (for new customers often from a salesperson's judgement of growth prospects, SPEC §3).</param>
/// <param name="FirstSeen">The calendar date the customer was first seen (time of day dropped).</param>
/// <param name="ReassessOn">The calendar date the grade is due for re-assessment: <paramref name="FirstSeen"/> plus the re-assessment months.</param>
public readonly record struct ProvisionalGrade<TId>(TId Id, string Tier, DateTime FirstSeen, DateTime ReassessOn)
{
    /// <summary>Gets the provisional tier label.</summary>
    /// <exception cref="ArgumentNullException">The label given to the constructor is null.</exception>
    public string Tier { get; init; } = Tier ?? throw new ArgumentNullException(nameof(Tier));

    /// <summary>Gets a value indicating whether the grade is provisional; always <see langword="true"/>, for code that mixes graded and provisionally graded customers.</summary>
    public bool IsProvisional => true;

    /// <summary>Tells whether the grade is due for re-assessment on a date: <see cref="ReassessOn"/> ≤ the date (calendar dates).</summary>
    /// <param name="asOf">The date; its time of day is ignored.</param>
    /// <returns><see langword="true"/> on and after the re-assessment date.</returns>
    public bool IsDue(DateTime asOf) => ReassessOn.Date <= asOf.Date;
}
