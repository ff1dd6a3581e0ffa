namespace CustomerValuation.Abc;

/// <summary>The points and boundaries that computed ABC analysis found in a data set.</summary>
public sealed class ComputedAbcResult
{
    internal ComputedAbcResult(ParetoPoint paretoPoint, ParetoPoint breakEvenPoint, ParetoPoint submarginalPoint, int lastRankOfA, int lastRankOfB, AbcOptions options)
    {
        ParetoPoint = paretoPoint;
        BreakEvenPoint = breakEvenPoint;
        SubmarginalPoint = submarginalPoint;
        LastRankOfA = lastRankOfA;
        LastRankOfB = lastRankOfB;
        Options = options;
    }

    /// <summary>Gets the point of the ABC curve nearest to the ideal point (0, 1).</summary>
    public ParetoPoint ParetoPoint { get; }

    /// <summary>Gets the point where the curve's slope is nearest to 1 (value nearest to the mean).</summary>
    public ParetoPoint BreakEvenPoint { get; }

    /// <summary>Gets the submarginal point: the point nearest to (larger effort of the two points above, 1); the B|C boundary.</summary>
    public ParetoPoint SubmarginalPoint { get; }

    /// <summary>Gets the rank of the last customer of class A (the smaller rank of the Pareto and break-even points).</summary>
    public int LastRankOfA { get; }

    /// <summary>Gets the rank of the last customer of class B (the submarginal point).</summary>
    public int LastRankOfB { get; }

    /// <summary>
    /// Gets value-share options (A, B, C; crossing customer joins the upper class) whose breakpoints
    /// are the cumulative value shares at ranks <see cref="LastRankOfA"/> and <see cref="LastRankOfB"/>;
    /// classifying the same values with them gives exactly those class boundaries.
    /// </summary>
    public AbcOptions Options { get; }
}
