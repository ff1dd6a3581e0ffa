namespace CustomerValuation.Abc;

/// <summary>
/// Which class receives the customer whose cumulative share crosses a breakpoint
/// (the cumulative share before it is below the breakpoint and the one after it is above).
/// </summary>
public enum AbcBoundaryRule
{
    /// <summary>
    /// The crossing customer joins the upper (better) class, so that the upper class is the
    /// smallest set of top customers whose cumulative share reaches the breakpoint. A customer is
    /// in the upper class when the cumulative share of the customers ranked above it is below the
    /// breakpoint. This is the default.
    /// </summary>
    JoinUpperClass = 0,

    /// <summary>
    /// The crossing customer joins the lower class, so that the upper class is the largest set of
    /// top customers whose cumulative share does not exceed the breakpoint. A customer is in the
    /// upper class when its own cumulative share is at most the breakpoint.
    /// </summary>
    JoinLowerClass = 1,
}
