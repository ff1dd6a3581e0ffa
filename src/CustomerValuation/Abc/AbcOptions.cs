using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Linq;
using CustomerValuation.Internal;

namespace CustomerValuation.Abc;

/// <summary>
/// Immutable, validated settings of an ABC classification: the breakpoints, what they are
/// measured in, the rule for the customer that crosses a breakpoint, and the class labels.
/// </summary>
/// <remarks>
/// With breakpoints b₁ &lt; b₂ &lt; … &lt; b_(k−1) there are k ranked classes, labelled by
/// <see cref="Labels"/> from the best (index 0) to the worst (index k − 1). Customers whose value
/// is zero or negative take no part in the shares and are put in one more class,
/// <see cref="NonPositiveLabel"/>, whose index is <see cref="NonPositiveClassIndex"/> (= k).
/// </remarks>
public sealed class AbcOptions
{
    private static readonly string[] s_letters =
        Enumerable.Range(0, 26).Select(i => ((char)('A' + i)).ToString()).ToArray();

    /// <summary>
    /// Creates options with the given breakpoints and settings.
    /// </summary>
    /// <param name="breakpoints">
    /// Cumulative-share breakpoints, strictly increasing, each from <see cref="MinBreakpoint"/> to
    /// 1 − <see cref="MinBreakpoint"/>; at least one and at most <see cref="MaxBreakpoints"/>.
    /// </param>
    /// <param name="basis">Whether the shares are of value or of customer count.</param>
    /// <param name="boundaryRule">Where the customer that crosses a breakpoint goes.</param>
    /// <param name="labels">
    /// One label per ranked class (breakpoints + 1), best first, distinct and non-empty;
    /// <see langword="null"/> for A, B, C, ….
    /// </param>
    /// <param name="nonPositiveLabel">Label of the class of customers with a zero or negative value.</param>
    /// <exception cref="ArgumentNullException"><paramref name="breakpoints"/> or <paramref name="nonPositiveLabel"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// A breakpoint is not finite or outside [<see cref="MinBreakpoint"/>, 1 − <see cref="MinBreakpoint"/>], or <paramref name="basis"/> or
    /// <paramref name="boundaryRule"/> is not a defined value.
    /// </exception>
    /// <exception cref="ArgumentException">
    /// There is no breakpoint or more than <see cref="MaxBreakpoints"/>, the breakpoints are not strictly increasing, the label count is not
    /// breakpoints + 1, or a label is empty or repeated.
    /// </exception>
    public AbcOptions(
        IEnumerable<double> breakpoints,
        AbcBasis basis = AbcBasis.ValueShare,
        AbcBoundaryRule boundaryRule = AbcBoundaryRule.JoinUpperClass,
        IEnumerable<string>? labels = null,
        string nonPositiveLabel = "N")
    {
        Guard.NotNull(breakpoints, nameof(breakpoints));
        Guard.NotNull(nonPositiveLabel, nameof(nonPositiveLabel));
        double[] points = breakpoints.ToArray();
        ValidateBreakpoints(points, nameof(breakpoints));

        if (basis is not AbcBasis.ValueShare and not AbcBasis.CountShare)
        {
            throw new ArgumentOutOfRangeException(nameof(basis), basis, "Basis must be ValueShare or CountShare.");
        }

        if (boundaryRule is not AbcBoundaryRule.JoinUpperClass and not AbcBoundaryRule.JoinLowerClass)
        {
            throw new ArgumentOutOfRangeException(nameof(boundaryRule), boundaryRule, "Boundary rule must be JoinUpperClass or JoinLowerClass.");
        }

        string[] names;
        if (labels is null)
        {
            if (points.Length + 1 > s_letters.Length)
            {
                throw new ArgumentException(
                    string.Format(CultureInfo.InvariantCulture, "{0} classes need explicit labels; default labels go from A to Z.", points.Length + 1),
                    nameof(labels));
            }

            names = s_letters.Take(points.Length + 1).ToArray();
        }
        else
        {
            names = labels.ToArray();
            if (names.Length != points.Length + 1)
            {
                throw new ArgumentException(
                    string.Format(CultureInfo.InvariantCulture, "{0} breakpoints make {1} classes, so {1} labels are needed, but {2} were given.", points.Length, points.Length + 1, names.Length),
                    nameof(labels));
            }
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < names.Length; i++)
        {
            if (string.IsNullOrEmpty(names[i]))
            {
                throw new ArgumentException(string.Format(CultureInfo.InvariantCulture, "Label {0} is empty; every class needs a non-empty label.", i), nameof(labels));
            }

            if (!seen.Add(names[i]))
            {
                throw new ArgumentException(string.Format(CultureInfo.InvariantCulture, "Label '{0}' is used twice; labels must be distinct.", names[i]), nameof(labels));
            }
        }

        if (nonPositiveLabel.Length == 0)
        {
            throw new ArgumentException("The label of the non-positive class must not be empty.", nameof(nonPositiveLabel));
        }

        if (seen.Contains(nonPositiveLabel))
        {
            throw new ArgumentException(string.Format(CultureInfo.InvariantCulture, "The non-positive label '{0}' is also a ranked class label; it must differ.", nonPositiveLabel), nameof(nonPositiveLabel));
        }

        Breakpoints = new ReadOnlyCollection<double>(points);
        Labels = new ReadOnlyCollection<string>(names);
        Basis = basis;
        BoundaryRule = boundaryRule;
        NonPositiveLabel = nonPositiveLabel;
    }

    /// <summary>
    /// The smallest breakpoint, 10⁻⁹ (and 1 − 10⁻⁹ the largest): far enough from 0 and 1 that the
    /// 10⁻¹² tolerance of the share comparisons never decides a class on its own.
    /// </summary>
    public const double MinBreakpoint = 1e-9;

    /// <summary>The largest number of breakpoints (so at most 101 ranked classes).</summary>
    public const int MaxBreakpoints = 100;

    /// <summary>
    /// The default options: value share, breakpoints 0.80 and 0.95 (classes A, B, C), the crossing
    /// customer joins the upper class, non-positive class "N" (SPEC W1).
    /// </summary>
    /// <value>Value share; breakpoints {0.80, 0.95}; labels A, B, C; <see cref="AbcBoundaryRule.JoinUpperClass"/>; "N".</value>
    public static AbcOptions Default { get; } = new AbcOptions(new[] { 0.80, 0.95 });

    /// <summary>Creates value-share options with the given breakpoints and default labels (A, B, C, …).</summary>
    /// <param name="breakpoints">Strictly increasing cumulative value shares in (0, 1).</param>
    /// <returns>The options.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="breakpoints"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A breakpoint is outside (0, 1) or not finite.</exception>
    /// <exception cref="ArgumentException">The breakpoints are empty or not strictly increasing.</exception>
    public static AbcOptions ByValueShare(params double[] breakpoints) => new(breakpoints, AbcBasis.ValueShare);

    /// <summary>Creates count-share options with the given breakpoints and default labels (A, B, C, …).</summary>
    /// <param name="breakpoints">Strictly increasing cumulative customer-count shares in (0, 1), e.g. 0.10 and 0.30 (SPEC W2).</param>
    /// <returns>The options.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="breakpoints"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A breakpoint is outside (0, 1) or not finite.</exception>
    /// <exception cref="ArgumentException">The breakpoints are empty or not strictly increasing.</exception>
    public static AbcOptions ByCountShare(params double[] breakpoints) => new(breakpoints, AbcBasis.CountShare);

    /// <summary>Gets the breakpoints, strictly increasing, each in (0, 1).</summary>
    /// <value>Default {0.80, 0.95}.</value>
    public ReadOnlyCollection<double> Breakpoints { get; }

    /// <summary>Gets the labels of the ranked classes, best first; one more than there are breakpoints.</summary>
    /// <value>Default A, B, C, ….</value>
    public ReadOnlyCollection<string> Labels { get; }

    /// <summary>Gets what the shares are measured in.</summary>
    /// <value>Default <see cref="AbcBasis.ValueShare"/>.</value>
    public AbcBasis Basis { get; }

    /// <summary>Gets where the customer that crosses a breakpoint goes.</summary>
    /// <value>Default <see cref="AbcBoundaryRule.JoinUpperClass"/>.</value>
    public AbcBoundaryRule BoundaryRule { get; }

    /// <summary>Gets the label of the class of customers whose value is zero or negative.</summary>
    /// <value>Default "N".</value>
    public string NonPositiveLabel { get; }

    /// <summary>Gets the number of ranked classes (breakpoints + 1), not counting the non-positive class.</summary>
    public int RankedClassCount => Breakpoints.Count + 1;

    /// <summary>Gets the class index given to customers with a zero or negative value (= <see cref="RankedClassCount"/>).</summary>
    public int NonPositiveClassIndex => Breakpoints.Count + 1;

    /// <summary>Gets the label of a class index, the non-positive class included.</summary>
    /// <param name="classIndex">0 … <see cref="NonPositiveClassIndex"/>.</param>
    /// <returns>The label.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classIndex"/> is outside 0 … <see cref="NonPositiveClassIndex"/>.</exception>
    public string LabelOf(int classIndex)
    {
        if ((uint)classIndex > (uint)NonPositiveClassIndex)
        {
            throw new ArgumentOutOfRangeException(nameof(classIndex), classIndex, string.Format(CultureInfo.InvariantCulture, "Class index must be between 0 and {0}.", NonPositiveClassIndex));
        }

        return classIndex == NonPositiveClassIndex ? NonPositiveLabel : Labels[classIndex];
    }

    /// <summary>Returns a copy with other labels.</summary>
    /// <param name="labels">One label per ranked class, best first.</param>
    /// <returns>The new options.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="labels"/> is null.</exception>
    /// <exception cref="ArgumentException">The count is wrong or a label is empty or repeated.</exception>
    public AbcOptions WithLabels(params string[] labels) =>
        new(Breakpoints, Basis, BoundaryRule, Guard.NotNull(labels, nameof(labels)), NonPositiveLabel);

    /// <summary>Returns a copy with another boundary rule.</summary>
    /// <param name="boundaryRule">The rule.</param>
    /// <returns>The new options.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="boundaryRule"/> is not defined.</exception>
    public AbcOptions WithBoundaryRule(AbcBoundaryRule boundaryRule) =>
        new(Breakpoints, Basis, boundaryRule, Labels, NonPositiveLabel);

    /// <summary>Returns a copy with another label for the non-positive class.</summary>
    /// <param name="nonPositiveLabel">The label.</param>
    /// <returns>The new options.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="nonPositiveLabel"/> is null.</exception>
    /// <exception cref="ArgumentException">The label is empty or equal to a ranked label.</exception>
    public AbcOptions WithNonPositiveLabel(string nonPositiveLabel) =>
        new(Breakpoints, Basis, BoundaryRule, Labels, nonPositiveLabel);

    /// <inheritdoc />
    public override string ToString() =>
        string.Format(
            CultureInfo.InvariantCulture,
            "{0} breakpoints [{1}] labels [{2}] {3} non-positive '{4}'",
            Basis,
            string.Join(", ", Breakpoints.Select(b => b.ToString("R", CultureInfo.InvariantCulture))),
            string.Join(", ", Labels),
            BoundaryRule,
            NonPositiveLabel);

    internal static void ValidateBreakpoints(double[] points, string parameterName)
    {
        if (points.Length == 0)
        {
            throw new ArgumentException("At least one breakpoint is needed (for example 0.8 and 0.95).", parameterName);
        }

        if (points.Length > MaxBreakpoints)
        {
            throw new ArgumentException(
                string.Format(CultureInfo.InvariantCulture, "{0} breakpoints were given; at most {1} are supported.", points.Length, MaxBreakpoints),
                parameterName);
        }

        for (int i = 0; i < points.Length; i++)
        {
            double b = points[i];
            if (double.IsNaN(b) || b < MinBreakpoint || b > 1 - MinBreakpoint)
            {
                throw new ArgumentOutOfRangeException(
                    parameterName,
                    b,
                    string.Format(CultureInfo.InvariantCulture, "Breakpoint {0} is {1}; every breakpoint must lie strictly between 0 and 1, from 1E-09 to 1 - 1E-09 (a share, e.g. 0.8 for 80 %).", i, b.ToString("R", CultureInfo.InvariantCulture)));
            }

            if (i > 0 && !(b > points[i - 1]))
            {
                throw new ArgumentException(
                    string.Format(CultureInfo.InvariantCulture, "Breakpoint {0} ({1}) is not greater than breakpoint {2} ({3}); breakpoints must be strictly increasing.", i, b.ToString("R", CultureInfo.InvariantCulture), i - 1, points[i - 1].ToString("R", CultureInfo.InvariantCulture)),
                    parameterName);
            }
        }
    }
}
