using System;
using System.Buffers;
using System.Globalization;
using CustomerValuation.Abc;

namespace CustomerValuation.Internal;

/// <summary>
/// The one place where ABC shares are summed and compared with the breakpoints, shared by the
/// classes-only kernel and the full analysis so that both compute bit-for-bit the same numbers.
/// </summary>
/// <remarks>
/// <para>
/// Pass 1 checks every value and histograms the positive ones on the top 16 bits of their
/// order-preserving bit pattern (sign, exponent and 4 mantissa bits, so a bucket runs from
/// 2^e·(1 + j/16) to 2^e·(1 + (j + 1)/16), a width factor between 1.03 and 1.0625), keeping per
/// bucket the count and a compensated (Neumaier) sum in input order.
/// The total weight W is the fold of the bucket sums in bucket order (largest values first). For
/// each breakpoint, the crossing bucket is the first bucket whose cumulative weight reaches the
/// threshold; buckets before it are wholly on the upper side, buckets after it wholly on the lower
/// side, and inside it the values are walked in rank order, starting from the fold's full state
/// before the bucket.
/// </para>
/// <para>
/// Both callers walk the same way — at each new bucket the running state restarts from the fold of
/// the buckets before it (<see cref="AddBucket"/>, <see cref="StartStateOfCut"/>), then adds the
/// bucket's values in rank order — and decide with <see cref="Decide"/>, which is what makes their
/// classes identical for any input.
/// </para>
/// <para>
/// A struct, so that the classes-only kernel allocates nothing: every reading member is
/// <see langword="readonly"/>, so calling it on a <see langword="using"/> variable makes no copy.
/// </para>
/// </remarks>
internal struct ShareHistogram : IDisposable
{
    public const int BucketCount = 1 << 15; // positive values only: their descending keys have the top bit clear
    public const ushort Pending = ushort.MaxValue;
    private const int BucketShift = 48;
    private const double MinNormal = 2.2250738585072014E-308;

    private readonly int[] _counts;
    private readonly double[] _sums;
    private readonly double[] _compensations;
    private readonly ushort[] _table;
    private readonly int[] _crossing;
    private readonly double[] _thresholds;
    private readonly NeumaierSum[] _startStates;
    private readonly bool _byCount;
    private readonly bool _joinUpper;
    private readonly int _cutCount;

    private ShareHistogram(AbcOptions options)
    {
        PositiveCount = 0;
        TotalValue = 0;
        PendingCount = 0;
        _cutCount = options.Breakpoints.Count;
        _byCount = options.Basis == AbcBasis.CountShare;
        _joinUpper = options.BoundaryRule == AbcBoundaryRule.JoinUpperClass;
        _counts = ArrayPool<int>.Shared.Rent(BucketCount);
        _sums = ArrayPool<double>.Shared.Rent(BucketCount);
        _compensations = ArrayPool<double>.Shared.Rent(BucketCount);
        _table = ArrayPool<ushort>.Shared.Rent(BucketCount);
        _crossing = ArrayPool<int>.Shared.Rent(_cutCount);
        _thresholds = ArrayPool<double>.Shared.Rent(_cutCount);
        _startStates = ArrayPool<NeumaierSum>.Shared.Rent(_cutCount);
        Array.Clear(_counts, 0, BucketCount);
        Array.Clear(_sums, 0, BucketCount);
        Array.Clear(_compensations, 0, BucketCount);
    }

    /// <summary>Gets the number of positive values.</summary>
    public int PositiveCount { readonly get; private set; }

    /// <summary>Gets the total of the positive values (the denominator of every value share).</summary>
    public double TotalValue { readonly get; private set; }

    /// <summary>Gets the number of values in the crossing buckets (the ones the classes-only kernel must rank).</summary>
    public int PendingCount { readonly get; private set; }

    /// <summary>Pass 1 over the values, then the crossing buckets; the caller disposes the result.</summary>
    /// <param name="values">The values (checked: finite, not subnormal, totals within range).</param>
    /// <param name="options">The options.</param>
    /// <param name="parameterName">The caller's name for the values, used in exceptions.</param>
    public static ShareHistogram Build(ReadOnlySpan<double> values, AbcOptions options, string parameterName = "values")
    {
        var histogram = new ShareHistogram(options);
        try
        {
            histogram.Fill(values, parameterName);
            histogram.FindCrossings(options);
            return histogram;
        }
        catch
        {
            histogram.Dispose();
            throw;
        }
    }

    /// <summary>The histogram bucket of a positive value; bucket 0 holds the largest values.</summary>
    public static int Bucket(double positiveValue) => BucketOfKey(DescendingRadixSort.DescendingKey(positiveValue));

    /// <summary>The histogram bucket of a positive value's sort key (for callers that hold the key already).</summary>
    public static int BucketOfKey(ulong descendingKey) => (int)(descendingKey >> BucketShift);

    /// <summary>The class of every value in a bucket, or <see cref="Pending"/> when a breakpoint is crossed inside it.</summary>
    public readonly ushort ClassOfBucket(int bucket) => _table[bucket];

    /// <summary>The fold's state before the crossing bucket of a breakpoint (the fold of every non-empty bucket before it).</summary>
    public readonly NeumaierSum StartStateOfCut(int cut) => _startStates[cut];

    /// <summary>The first breakpoint whose crossing bucket is <paramref name="bucket"/> (the bucket must be a crossing bucket).</summary>
    public readonly int FirstCutIn(int bucket)
    {
        int k = 0;
        while (_crossing[k] != bucket)
        {
            k++;
        }

        return k;
    }

    /// <summary>
    /// The class of a value in a crossing bucket, from the running weight before and after it:
    /// the breakpoints crossed in earlier buckets, plus those of this bucket that the rule says it is past.
    /// </summary>
    public readonly int Decide(int firstCut, double before, double after)
    {
        int cls = firstCut;
        int bucket = _crossing[firstCut];
        for (int k = firstCut; k < _cutCount && _crossing[k] == bucket; k++)
        {
            if (_joinUpper ? before >= _thresholds[k] : after > _thresholds[k])
            {
                cls++;
            }
        }

        return cls;
    }

    /// <summary>The weight one value adds to the running sum: 1 (count basis) or the value.</summary>
    public readonly double WeightOf(double value) => _byCount ? 1.0 : value;

    public readonly void Dispose()
    {
        ArrayPool<NeumaierSum>.Shared.Return(_startStates);
        ArrayPool<double>.Shared.Return(_thresholds);
        ArrayPool<int>.Shared.Return(_crossing);
        ArrayPool<ushort>.Shared.Return(_table);
        ArrayPool<double>.Shared.Return(_compensations);
        ArrayPool<double>.Shared.Return(_sums);
        ArrayPool<int>.Shared.Return(_counts);
    }

    private void Fill(ReadOnlySpan<double> values, string parameterName)
    {
        int positiveCount = 0;
        double negativeTotal = 0;
        int[] counts = _counts;
        double[] sums = _sums;
        double[] compensations = _compensations;
        for (int i = 0; i < values.Length; i++)
        {
            double v = values[i];
            if (v > 0)
            {
                if (v < MinNormal || v > double.MaxValue)
                {
                    ThrowBadValue(v, i, parameterName);
                }

                int b = Bucket(v);
                counts[b]++;
                double s = sums[b];
                double t = s + v;
                compensations[b] += s >= v ? (s - t) + v : (v - t) + s;
                sums[b] = t;
                positiveCount++;
            }
            else if (!(v <= -MinNormal || v == 0) || v < double.MinValue)
            {
                ThrowBadValue(v, i, parameterName);
            }
            else
            {
                negativeTotal += v;
            }
        }

        if (double.IsInfinity(negativeTotal))
        {
            // Class N's value would overflow (and its compensated sum turn into NaN).
            throw new ArgumentException(
                "The negative values add up to less than the smallest double (about -1.8E+308), so the non-positive class's value cannot be computed; rescale them first (for example to thousands).",
                parameterName);
        }

        PositiveCount = positiveCount;
        NeumaierSum total = default;
        for (int b = 0; b < BucketCount; b++)
        {
            if (counts[b] != 0)
            {
                total.Add(sums[b]);
                total.Add(compensations[b]);
            }
        }

        double totalValue = total.Value;
        if (double.IsInfinity(totalValue) || double.IsNaN(totalValue))
        {
            throw new ArgumentException(
                "The positive values add up to more than the largest double (about 1.8E+308), so no share can be computed; rescale them first (for example to thousands).",
                parameterName);
        }

        TotalValue = totalValue;
    }

    private void FindCrossings(AbcOptions options)
    {
        double weight = _byCount ? PositiveCount : TotalValue;
        double tolerance = AbcClassifier.ShareTolerance * weight;
        for (int k = 0; k < _cutCount; k++)
        {
            double target = options.Breakpoints[k] * weight;
            _thresholds[k] = _joinUpper ? target - tolerance : target + tolerance;
            _crossing[k] = BucketCount; // none: every positive value is on the upper side
        }

        NeumaierSum fold = default;
        int next = 0;
        for (int b = 0; b < BucketCount && next < _cutCount; b++)
        {
            if (_counts[b] == 0)
            {
                continue;
            }

            NeumaierSum before = fold;
            AddBucket(ref fold, b);
            double after = fold.Value;
            while (next < _cutCount && (_joinUpper ? after >= _thresholds[next] : after > _thresholds[next]))
            {
                _crossing[next] = b;
                _startStates[next] = before;
                next++;
            }
        }

        int pending = 0;
        int passed = 0;
        for (int b = 0; b < BucketCount; b++)
        {
            while (passed < _cutCount && _crossing[passed] < b)
            {
                passed++;
            }

            if (passed < _cutCount && _crossing[passed] == b)
            {
                _table[b] = Pending;
                pending += _counts[b];
            }
            else
            {
                _table[b] = (ushort)passed;
            }
        }

        PendingCount = pending;
    }

    /// <summary>Adds a whole bucket's weight to a fold of buckets (the same additions as the total and the crossing search).</summary>
    public readonly void AddBucket(ref NeumaierSum fold, int bucket)
    {
        if (_byCount)
        {
            fold.Add(_counts[bucket]);
        }
        else
        {
            fold.Add(_sums[bucket]);
            fold.Add(_compensations[bucket]);
        }
    }

    private static void ThrowBadValue(double value, int index, string parameterName)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            Guard.ThrowNotFinite(value, parameterName, index);
        }

        throw new ArgumentOutOfRangeException(
            parameterName,
            value,
            string.Format(CultureInfo.InvariantCulture, "The value at index {0} is {1}, a subnormal number (non-zero but smaller in magnitude than 2.2250738585072014E-308); shares of such values cannot be computed reliably. Use 0 or rescale the values.", index, value.ToString("R", CultureInfo.InvariantCulture)));
    }
}

internal static class ShareHistogramClassifier
{
    /// <summary>
    /// Pass 2 of the classes-only kernel: classes every value outside the crossing buckets from the
    /// bucket table and collects the ones inside, which are ranked exactly (stable radix sort,
    /// positions ascending within ties) and decided by the shared walk.
    /// </summary>
    public static void Classify(ReadOnlySpan<double> values, Span<int> classIndices, AbcOptions options)
    {
        int n = values.Length;
        int nonPositiveClass = options.NonPositiveClassIndex;
        using ShareHistogram histogram = ShareHistogram.Build(values, options);
        int pendingCount = histogram.PendingCount;
        double[] pendingValues = ArrayPool<double>.Shared.Rent(Math.Max(1, pendingCount));
        int[] pendingPositions = ArrayPool<int>.Shared.Rent(Math.Max(1, pendingCount));
        try
        {
            int pending = 0;
            for (int i = 0; i < n; i++)
            {
                double v = values[i];
                if (!(v > 0))
                {
                    classIndices[i] = nonPositiveClass;
                    continue;
                }

                ushort cls = histogram.ClassOfBucket(ShareHistogram.Bucket(v));
                if (cls != ShareHistogram.Pending)
                {
                    classIndices[i] = cls;
                }
                else
                {
                    pendingValues[pending] = v;
                    pendingPositions[pending] = i;
                    pending++;
                }
            }

            using RankedKeys ranked = DescendingRadixSort.Rank(pendingValues.AsSpan(0, pending));
            int currentBucket = -1;
            int firstCut = 0;
            NeumaierSum running = default;
            for (int r = 0; r < pending; r++)
            {
                ulong key = ranked.Keys[r];
                double v = DescendingRadixSort.ValueOf(key);
                int b = ShareHistogram.BucketOfKey(key);
                if (b != currentBucket)
                {
                    currentBucket = b;
                    firstCut = histogram.FirstCutIn(b);
                    running = histogram.StartStateOfCut(firstCut);
                }

                double before = running.Value;
                running.Add(histogram.WeightOf(v));
                classIndices[pendingPositions[ranked.Positions[r]]] = histogram.Decide(firstCut, before, running.Value);
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(pendingPositions);
            ArrayPool<double>.Shared.Return(pendingValues);
        }
    }
}
