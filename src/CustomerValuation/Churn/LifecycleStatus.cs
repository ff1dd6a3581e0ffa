namespace CustomerValuation.Churn;

/// <summary>A customer's lifecycle status at an as-of date (SPEC §4), decided in the order Prospect, Lapsed, New, WonBack, AtRisk, Active.</summary>
public enum LifecycleStatus
{
    /// <summary>No purchase on or before the as-of date.</summary>
    Prospect = 0,

    /// <summary>First purchase fewer than <see cref="LifecycleOptions.NewWindowDays"/> days before the as-of date, and not lapsed.</summary>
    New = 1,

    /// <summary>Bought, not new, not lapsed, not won back and not at risk.</summary>
    Active = 2,

    /// <summary>Days since the last purchase exceed <see cref="LifecycleOptions.AtRiskShare"/> × the lapse threshold, but not the threshold.</summary>
    AtRisk = 3,

    /// <summary>Days since the last purchase exceed the lapse threshold.</summary>
    Lapsed = 4,

    /// <summary>Not lapsed, and a purchase within the win-back window followed a gap longer than the lapse threshold.</summary>
    WonBack = 5,
}
