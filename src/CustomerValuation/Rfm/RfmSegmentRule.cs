using System;
using System.Globalization;
using CustomerValuation.Internal;

namespace CustomerValuation.Rfm;

/// <summary>
/// One row of a segment table: a name and an inclusive score range per dimension. A customer
/// matches when each of its three scores lies in the rule's range.
/// </summary>
public sealed class RfmSegmentRule
{
    /// <summary>Creates a rule.</summary>
    /// <param name="name">The segment name; not empty or white space.</param>
    /// <param name="recencyLow">Lowest R score that matches, 1 … 10.</param>
    /// <param name="recencyHigh">Highest R score that matches, <paramref name="recencyLow"/> … 10.</param>
    /// <param name="frequencyLow">Lowest F score that matches, 1 … 10.</param>
    /// <param name="frequencyHigh">Highest F score that matches, <paramref name="frequencyLow"/> … 10.</param>
    /// <param name="monetaryLow">Lowest M score that matches, 1 … 10.</param>
    /// <param name="monetaryHigh">Highest M score that matches, <paramref name="monetaryLow"/> … 10.</param>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or white space.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A bound is outside 1 … 10, or a range is inverted (low &gt; high).</exception>
    public RfmSegmentRule(string name, int recencyLow, int recencyHigh, int frequencyLow, int frequencyHigh, int monetaryLow, int monetaryHigh)
    {
        Guard.NotNull(name, nameof(name));
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException("A segment name must not be empty.", nameof(name));
        }

        Name = name;
        CheckRange(name, "recency", recencyLow, recencyHigh, nameof(recencyLow), nameof(recencyHigh));
        CheckRange(name, "frequency", frequencyLow, frequencyHigh, nameof(frequencyLow), nameof(frequencyHigh));
        CheckRange(name, "monetary", monetaryLow, monetaryHigh, nameof(monetaryLow), nameof(monetaryHigh));
        RecencyLow = recencyLow;
        RecencyHigh = recencyHigh;
        FrequencyLow = frequencyLow;
        FrequencyHigh = frequencyHigh;
        MonetaryLow = monetaryLow;
        MonetaryHigh = monetaryHigh;
    }

    /// <summary>The segment name.</summary>
    public string Name { get; }

    /// <summary>Lowest matching R score.</summary>
    public int RecencyLow { get; }

    /// <summary>Highest matching R score.</summary>
    public int RecencyHigh { get; }

    /// <summary>Lowest matching F score.</summary>
    public int FrequencyLow { get; }

    /// <summary>Highest matching F score.</summary>
    public int FrequencyHigh { get; }

    /// <summary>Lowest matching M score.</summary>
    public int MonetaryLow { get; }

    /// <summary>Highest matching M score.</summary>
    public int MonetaryHigh { get; }

    /// <summary>Whether a customer with these scores matches the rule.</summary>
    /// <param name="score">The customer's scores.</param>
    /// <returns>True when R, F and M all lie in the rule's ranges.</returns>
    public bool Matches(RfmScore score) =>
        score.Recency >= RecencyLow && score.Recency <= RecencyHigh
        && score.Frequency >= FrequencyLow && score.Frequency <= FrequencyHigh
        && score.Monetary >= MonetaryLow && score.Monetary <= MonetaryHigh;

    /// <summary>The rule as text, e.g. <c>Champions: R 4–5, F 4–5, M 4–5</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => string.Format(
        CultureInfo.InvariantCulture,
        "{0}: R {1}–{2}, F {3}–{4}, M {5}–{6}",
        Name,
        RecencyLow,
        RecencyHigh,
        FrequencyLow,
        FrequencyHigh,
        MonetaryLow,
        MonetaryHigh);

    private static void CheckRange(string name, string dimension, int low, int high, string lowName, string highName)
    {
        if (low is < 1 or > RfmScoringOptions.MaxScoreCount)
        {
            throw new ArgumentOutOfRangeException(lowName, low, string.Format(CultureInfo.InvariantCulture, "Rule '{0}': the lowest {1} score must be from 1 to 10.", name, dimension));
        }

        if (high is < 1 or > RfmScoringOptions.MaxScoreCount)
        {
            throw new ArgumentOutOfRangeException(highName, high, string.Format(CultureInfo.InvariantCulture, "Rule '{0}': the highest {1} score must be from 1 to 10.", name, dimension));
        }

        if (low > high)
        {
            throw new ArgumentOutOfRangeException(
                highName,
                high,
                string.Format(CultureInfo.InvariantCulture, "Rule '{0}': the {1} range {2}–{3} is inverted; the low score must not exceed the high one.", name, dimension, low, high));
        }
    }
}
