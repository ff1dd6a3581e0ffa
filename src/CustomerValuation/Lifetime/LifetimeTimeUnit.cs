namespace CustomerValuation.Lifetime;

/// <summary>
/// The time unit of the lifetime models: every time (t_x, T, a horizon) and every rate parameter
/// (α, β) is stated in it. There is no month: a month has no fixed length.
/// </summary>
public enum LifetimeTimeUnit
{
    /// <summary>Calendar days.</summary>
    Days = 1,

    /// <summary>Weeks of 7 days (the unit of the published CDNOW fits).</summary>
    Weeks = 7,
}
