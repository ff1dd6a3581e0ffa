using System;
using System.Globalization;

namespace CustomerValuation.Tiering;

/// <summary>Immutable, validated settings of provisional grades: how long until a new customer's grade is re-assessed.</summary>
public sealed class ProvisionalGradeOptions
{
    /// <summary>The largest allowed re-assessment period, 120 months (ten years).</summary>
    public const int MaxReassessmentMonths = 120;

    /// <summary>Creates provisional-grade options.</summary>
    /// <param name="reassessmentMonths">
    /// Calendar months from the first-seen date to the re-assessment date, 1 to <see cref="MaxReassessmentMonths"/>
    /// (SPEC §3: six). Added with <see cref="DateTime.AddMonths(int)"/>: the day of month is kept, and clamped
    /// to the last day of a shorter month (31 August + 6 months = 28 February, or 29 in a leap year).
    /// </param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="reassessmentMonths"/> is outside 1 … <see cref="MaxReassessmentMonths"/>.</exception>
    public ProvisionalGradeOptions(int reassessmentMonths = 6)
    {
        if (reassessmentMonths is < 1 or > MaxReassessmentMonths)
        {
            throw new ArgumentOutOfRangeException(
                nameof(reassessmentMonths),
                reassessmentMonths,
                string.Format(CultureInfo.InvariantCulture, "The re-assessment period is {0} months; it must be from 1 to {1} months (SPEC §3 uses 6).", reassessmentMonths, MaxReassessmentMonths));
        }

        ReassessmentMonths = reassessmentMonths;
    }

    /// <summary>Gets the SPEC §3 options: re-assessment six calendar months after the first-seen date.</summary>
    /// <value>Six months.</value>
    public static ProvisionalGradeOptions Default { get; } = new();

    /// <summary>Gets the calendar months from the first-seen date to the re-assessment date.</summary>
    /// <value>Default 6.</value>
    public int ReassessmentMonths { get; }

    /// <inheritdoc />
    public override string ToString() =>
        string.Format(CultureInfo.InvariantCulture, "re-assess after {0} months", ReassessmentMonths);
}
