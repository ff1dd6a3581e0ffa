using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CustomerValuation.Internal;

namespace CustomerValuation.Tiering;

/// <summary>
/// How a criterion's raw values become normalised values in [0, 1] (1 = best once the criterion's
/// <see cref="CriterionDirection"/> is applied). Create one with the static members.
/// </summary>
/// <remarks>
/// Statistics (minimum, maximum, mean, ranks) are taken over the customers that have a value for
/// the criterion; missing values stay missing. A criterion on which every present customer has the
/// same value does not discriminate: min–max, rank percentile and z-score then give every customer
/// 0.5.
/// </remarks>
public abstract class CriterionNormalization
{
    private protected CriterionNormalization()
    {
    }

    /// <summary>The normalisation's kind, for display and for the scorecard file format.</summary>
    public abstract string Kind { get; }

    /// <summary>Min–max: v = (x − min) / (max − min) over the customers present.</summary>
    public static CriterionNormalization MinMax { get; } = new MinMaxNormalization();

    /// <summary>
    /// Rank percentile: v = (r − 1) / (m − 1), where r is the value's rank among the m customers
    /// present (1 = smallest; tied values share the mean of their ranks).
    /// </summary>
    public static CriterionNormalization RankPercentile { get; } = new RankPercentileNormalization();

    /// <summary>
    /// Z-score, clipped: z = (x − mean) / sd (population standard deviation over the customers
    /// present), clipped to [−c, c], then v = (z + c) / (2c).
    /// </summary>
    /// <param name="clip">The clip c in standard deviations; finite, at least 0.5 (3 is usual).</param>
    /// <returns>The normalisation.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="clip"/> is not finite or below 0.5.</exception>
    public static CriterionNormalization ZScore(double clip = 3) =>
        clip >= 0.5 && !double.IsInfinity(clip)
            ? new ZScoreNormalization(clip)
            : throw new ArgumentOutOfRangeException(nameof(clip), clip, "The clip must be a finite number of standard deviations, at least 0.5 (3 is usual).");

    /// <summary>
    /// Fixed bands: each raw value gets the points of its band (see <see cref="ScoreBand"/>), and
    /// v = points / the largest points of any band. The points say which values are better, so a
    /// banded criterion is given as <see cref="CriterionDirection.HigherIsBetter"/>.
    /// </summary>
    /// <param name="bands">The bands, in increasing order of <see cref="ScoreBand.From"/>; at least one band must give points above 0.</param>
    /// <returns>The normalisation.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="bands"/> is null.</exception>
    /// <exception cref="ArgumentException">No bands, the lower ends are not strictly increasing (the message names the band), or every band gives 0 points.</exception>
    public static CriterionNormalization Bands(IEnumerable<ScoreBand> bands)
    {
        ScoreBand[] list = Guard.NotNull(bands, nameof(bands)).ToArray();
        if (list.Length == 0)
        {
            throw new ArgumentException("Give at least one band.", nameof(bands));
        }

        for (int i = 1; i < list.Length; i++)
        {
            if (!(list[i].From > list[i - 1].From))
            {
                throw new ArgumentException(
                    string.Format(CultureInfo.InvariantCulture, "Band {0} starts at {1}, not above band {2} ({3}); bands must be given in increasing order of their lower ends, without repeats.", i, list[i].From, i - 1, list[i - 1].From),
                    nameof(bands));
            }
        }

        if (list.All(b => b.Points == 0))
        {
            throw new ArgumentException("Every band gives 0 points; at least one must give more.", nameof(bands));
        }

        return new BandNormalization(list);
    }

    /// <summary>Already scored: the raw value is a score on a stated scale [min, max], and v = (x − min) / (max − min).</summary>
    /// <param name="minimum">The lowest possible score; finite.</param>
    /// <param name="maximum">The highest possible score; finite and above <paramref name="minimum"/>.</param>
    /// <returns>The normalisation.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A bound is not finite, or <paramref name="maximum"/> is not above <paramref name="minimum"/>.</exception>
    public static CriterionNormalization AlreadyScored(double minimum, double maximum)
    {
        if (double.IsNaN(minimum) || double.IsInfinity(minimum))
        {
            throw new ArgumentOutOfRangeException(nameof(minimum), minimum, "The scale's lower end must be finite.");
        }

        if (double.IsNaN(maximum) || double.IsInfinity(maximum) || !(maximum > minimum))
        {
            throw new ArgumentOutOfRangeException(nameof(maximum), maximum, string.Format(CultureInfo.InvariantCulture, "The scale's upper end must be finite and above its lower end ({0}).", minimum));
        }

        return new AlreadyScoredNormalization(minimum, maximum);
    }

    /// <summary>Normalises one criterion's column (NaN = missing, stays NaN); errors name <paramref name="parameterName"/>, the scorer's argument that holds the values.</summary>
    internal abstract void Normalize(ReadOnlySpan<double> raw, Span<double> normalized, Func<int, string> describeRow, string criterion, string parameterName);

    /// <summary>(x − low) / (high − low) without overflow when the range exceeds the largest double (e.g. −1e308 … 1e308).</summary>
    private static double Scaled(double x, double low, double high)
    {
        double range = high - low;
        return double.IsInfinity(range) ? ((x / 2) - (low / 2)) / ((high / 2) - (low / 2)) : (x - low) / range;
    }

    private sealed class MinMaxNormalization : CriterionNormalization
    {
        public override string Kind => "minmax";

        public override string ToString() => "min–max";

        internal override void Normalize(ReadOnlySpan<double> raw, Span<double> normalized, Func<int, string> describeRow, string criterion, string parameterName)
        {
            double min = double.PositiveInfinity, max = double.NegativeInfinity;
            foreach (double x in raw)
            {
                if (!double.IsNaN(x))
                {
                    min = Math.Min(min, x);
                    max = Math.Max(max, x);
                }
            }

            for (int i = 0; i < raw.Length; i++)
            {
                double x = raw[i];
                normalized[i] = double.IsNaN(x) ? double.NaN : max > min ? Math.Min(1, Scaled(x, min, max)) : 0.5;
            }
        }
    }

    private sealed class RankPercentileNormalization : CriterionNormalization
    {
        public override string Kind => "rank";

        public override string ToString() => "rank percentile";

        internal override void Normalize(ReadOnlySpan<double> raw, Span<double> normalized, Func<int, string> describeRow, string criterion, string parameterName)
        {
            int n = raw.Length;
            int[] present = PooledArray.Rent<int>(n);
            double[] values = PooledArray.Rent<double>(n);
            try
            {
                int m = 0;
                for (int i = 0; i < n; i++)
                {
                    if (double.IsNaN(raw[i]))
                    {
                        normalized[i] = double.NaN;
                    }
                    else
                    {
                        present[m] = i;
                        values[m++] = raw[i];
                    }
                }

                if (m == 1)
                {
                    normalized[present[0]] = 0.5;
                    return;
                }

                using RankedKeys ranked = DescendingRadixSort.Rank(values.AsSpan(0, m));
                for (int start = 0, end; start < m; start = end)
                {
                    for (end = start + 1; end < m && ranked.Keys[end] == ranked.Keys[start]; end++)
                    {
                    }

                    // Descending positions start … end − 1 are ascending ranks m − start … m − end + 1; ties share their mean.
                    double rank = m - ((start + end - 1) / 2.0);
                    double v = (rank - 1) / (m - 1);
                    for (int k = start; k < end; k++)
                    {
                        normalized[present[ranked.Positions[k]]] = v;
                    }
                }
            }
            finally
            {
                PooledArray.Return(ref present, 0);
                PooledArray.Return(ref values, 0);
            }
        }
    }

    private sealed class ZScoreNormalization(double clip) : CriterionNormalization
    {
        public double Clip { get; } = clip;

        public override string Kind => "zscore";

        public override string ToString() => string.Format(CultureInfo.InvariantCulture, "z-score clipped at ±{0}", Clip);

        internal override void Normalize(ReadOnlySpan<double> raw, Span<double> normalized, Func<int, string> describeRow, string criterion, string parameterName)
        {
            // z is the same for x and x · s: scale by a power of two near the largest magnitude first, so that the mean
            // and the squares neither overflow (±1e200) nor underflow (1e-200).
            double s = 0;
            foreach (double x in raw)
            {
                if (!double.IsNaN(x))
                {
                    s = Math.Max(s, Math.Abs(x));
                }
            }

            s = Magnitude.InverseScale(s); // an exact power of two: multiply instead of divide
            var sum = default(NeumaierSum);
            int m = 0;
            foreach (double x in raw)
            {
                if (!double.IsNaN(x))
                {
                    sum.Add(x * s);
                    m++;
                }
            }

            double mean = sum.Value / m;
            var squares = default(NeumaierSum);
            foreach (double x in raw)
            {
                if (!double.IsNaN(x))
                {
                    squares.Add(((x * s) - mean) * ((x * s) - mean));
                }
            }

            double sd = Math.Sqrt(squares.Value / m);
            for (int i = 0; i < raw.Length; i++)
            {
                double x = raw[i];
                if (double.IsNaN(x))
                {
                    normalized[i] = double.NaN;
                }
                else if (sd > 0)
                {
                    double z = Math.Max(-Clip, Math.Min(Clip, ((x * s) - mean) / sd));
                    normalized[i] = (z + Clip) / (2 * Clip);
                }
                else
                {
                    normalized[i] = 0.5;
                }
            }
        }
    }

    private sealed class BandNormalization(ScoreBand[] bands) : CriterionNormalization
    {
        private readonly ScoreBand[] _bands = bands;
        private readonly double _maxPoints = bands.Max(b => b.Points);

        public IReadOnlyList<ScoreBand> List => _bands;

        public override string Kind => "bands";

        public override string ToString() => "bands " + string.Join(", ", _bands.Select(b => string.Format(CultureInfo.InvariantCulture, "≥{0}: {1}", b.From, b.Points)));

        internal override void Normalize(ReadOnlySpan<double> raw, Span<double> normalized, Func<int, string> describeRow, string criterion, string parameterName)
        {
            for (int i = 0; i < raw.Length; i++)
            {
                double x = raw[i];
                if (double.IsNaN(x))
                {
                    normalized[i] = double.NaN;
                    continue;
                }

                if (x < _bands[0].From)
                {
                    throw new ArgumentOutOfRangeException(
                        parameterName,
                        x,
                        string.Format(CultureInfo.InvariantCulture, "{0}: criterion '{1}' is {2}, below the first band (from {3}). Add a band that covers it, or repair the value.", describeRow(i), criterion, x, _bands[0].From));
                }

                int b = _bands.Length - 1;
                while (x < _bands[b].From)
                {
                    b--;
                }

                normalized[i] = _bands[b].Points / _maxPoints;
            }
        }
    }

    private sealed class AlreadyScoredNormalization(double minimum, double maximum) : CriterionNormalization
    {
        public double Minimum { get; } = minimum;

        public double Maximum { get; } = maximum;

        public override string Kind => "scored";

        public override string ToString() => string.Format(CultureInfo.InvariantCulture, "already scored on [{0}, {1}]", Minimum, Maximum);

        internal override void Normalize(ReadOnlySpan<double> raw, Span<double> normalized, Func<int, string> describeRow, string criterion, string parameterName)
        {
            for (int i = 0; i < raw.Length; i++)
            {
                double x = raw[i];
                if (double.IsNaN(x))
                {
                    normalized[i] = double.NaN;
                }
                else if (x < Minimum || x > Maximum)
                {
                    throw new ArgumentOutOfRangeException(
                        parameterName,
                        x,
                        string.Format(CultureInfo.InvariantCulture, "{0}: criterion '{1}' is {2}, outside its stated scale [{3}, {4}].", describeRow(i), criterion, x, Minimum, Maximum));
                }
                else
                {
                    normalized[i] = Scaled(x, Minimum, Maximum);
                }
            }
        }
    }
}
