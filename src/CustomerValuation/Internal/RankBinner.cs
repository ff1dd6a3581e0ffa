using System;
using System.Buffers;
using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Threading;
using CustomerValuation.Rfm;

namespace CustomerValuation.Internal;

/// <summary>
/// Scores one RFM dimension exactly without sorting it: a histogram of order-preserving keys finds
/// the few buckets that hold a bin cut or a needed order statistic; only those buckets are sorted.
/// </summary>
/// <remarks>
/// Keys: doubles map to their order-preserving 64-bit pattern (−0 as +0), ints to value ⊕ sign bit.
/// Buckets are (key − min) &gt;&gt; shift with the shift chosen so that at most 65 536 buckets span the
/// range; for small integer ranges (days, purchase counts) the shift is 0 and every bucket holds
/// one value, so ties inside a bucket are already in input order and nothing is sorted at all.
/// </remarks>
internal static class RankBinner
{
    private const int BucketBits = 16;
    private const byte GatheredFlag = 0x80;
    private const ulong SignBit = 0x8000_0000_0000_0000UL;
    private const int SmallValueCount = 1 << 16;

    /// <summary>
    /// Checks every value and returns the smallest and largest key; for whole numbers from 0 to
    /// 65,535 (days, purchase counts) it also counts each value, which saves the histogram pass.
    /// </summary>
    public static KeyRange Validate<T>(ReadOnlySpan<T> values, bool allowNegative, string parameterName)
        where T : unmanaged
    {
        if (typeof(T) == typeof(double))
        {
            return ValidateDoubles(MemoryMarshal.Cast<T, double>(values), allowNegative, parameterName);
        }

        ReadOnlySpan<int> ints = MemoryMarshal.Cast<T, int>(values);
        int[] counts = ArrayPool<int>.Shared.Rent(SmallValueCount);
        Array.Clear(counts, 0, SmallValueCount);
        bool small = true;
        int min = int.MaxValue, max = int.MinValue;
        for (int i = 0; i < ints.Length; i++)
        {
            int v = ints[i];
            if (v < 0 && !allowNegative)
            {
                ArrayPool<int>.Shared.Return(counts);
                ThrowNegative(v, parameterName, i);
            }

            min = v < min ? v : min;
            max = v > max ? v : max;
            if ((uint)v < SmallValueCount)
            {
                counts[v]++;
            }
            else
            {
                small = false;
            }
        }

        if (!small)
        {
            ArrayPool<int>.Shared.Return(counts);
        }

        return new KeyRange(Key(min), Key(max), small ? counts : null, small ? min : 0);
    }

    private static KeyRange ValidateDoubles(ReadOnlySpan<double> values, bool allowNegative, string parameterName)
    {
        // Vectorised scan for the extremes and for any NaN, infinity or (where not allowed) negative value;
        // only when one is found is the span scanned again to name its index.
        int vectorized = Vector.IsHardwareAccelerated ? values.Length - (values.Length % Vector<double>.Count) : 0;
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        bool bad = false;
        if (vectorized > 0)
        {
            ReadOnlySpan<Vector<double>> vectors = MemoryMarshal.Cast<double, Vector<double>>(values.Slice(0, vectorized));
            var vmin = new Vector<double>(double.PositiveInfinity);
            var vmax = new Vector<double>(double.NegativeInfinity);
            var largest = new Vector<double>(double.MaxValue);
            Vector<long> invalid = Vector<long>.Zero;
            foreach (Vector<double> v in vectors)
            {
                invalid |= ~Vector.LessThanOrEqual(Vector.Abs(v), largest);
                if (!allowNegative)
                {
                    invalid |= Vector.LessThan(v, Vector<double>.Zero);
                }

                vmin = Vector.Min(vmin, v);
                vmax = Vector.Max(vmax, v);
            }

            bad = !Vector.EqualsAll(invalid, Vector<long>.Zero);
            for (int k = 0; k < Vector<double>.Count; k++)
            {
                min = Math.Min(min, vmin[k]);
                max = Math.Max(max, vmax[k]);
            }
        }

        for (int i = vectorized; i < values.Length; i++)
        {
            double v = values[i];
            bad |= double.IsNaN(v) || double.IsInfinity(v) || (v < 0 && !allowNegative);
            min = v < min ? v : min;
            max = v > max ? v : max;
        }

        if (bad)
        {
            for (int i = 0; i < values.Length; i++)
            {
                double v = values[i];
                if (double.IsNaN(v) || double.IsInfinity(v))
                {
                    Guard.ThrowNotFinite(v, parameterName, i);
                }

                if (v < 0 && !allowNegative)
                {
                    ThrowNegative(v, parameterName, i);
                }
            }
        }

        return new KeyRange(Key(min), Key(max), null, 0);
    }

    /// <summary>
    /// Writes the score of every value into <paramref name="scoreBytes"/>[3·i + dimension] and returns
    /// the dimension's summary. <paramref name="keyRange"/> comes from <see cref="Validate{T}"/>.
    /// </summary>
    public static RfmDimensionSummary Score<T>(
        ReadOnlySpan<T> values,
        KeyRange keyRange,
        Span<byte> scoreBytes,
        RfmDimension dimension,
        RfmDimensionScoring scoring,
        int scoreCount,
        CancellationToken cancellationToken)
        where T : unmanaged
    {
        if (scoring.Method == RfmScoringMethod.FixedThresholds)
        {
            keyRange.Release();
        }

        return scoring.Method switch
        {
            RfmScoringMethod.FixedThresholds => ScoreFixed(values, scoreBytes, dimension, scoring, scoreCount),
            RfmScoringMethod.ValueBreakpoints => ScoreByValue(values, keyRange, scoreBytes, dimension, scoring, scoreCount, cancellationToken),
            _ => ScoreByRank(values, keyRange, scoreBytes, dimension, scoring, scoreCount, cancellationToken),
        };
    }

    /// <summary>Number of customers in ascending bins 1 … b, for b = 0 … n.</summary>
    internal static long[] CumulativeCounts(int customerCount, int scoreCount, RfmRankBinning binning)
    {
        long m = customerCount;
        var cuts = new long[scoreCount + 1];
        for (int b = 1; b <= scoreCount; b++)
        {
            cuts[b] = binning == RfmRankBinning.Ntile
                ? (b * (m / scoreCount)) + Math.Min(b, m % scoreCount)
                : b == scoreCount ? m : Math.Min(m, ((m - 1) * b / scoreCount) + 1);
        }

        return cuts;
    }

    private static RfmDimensionSummary ScoreByRank<T>(
        ReadOnlySpan<T> values,
        KeyRange keyRange,
        Span<byte> scoreBytes,
        RfmDimension dimension,
        RfmDimensionScoring scoring,
        int n,
        CancellationToken cancellationToken)
        where T : unmanaged
    {
        int m = values.Length;
        long[] cuts = CumulativeCounts(m, n, scoring.RankBinning);

        // The order statistics we must know exactly: the first and last rank of every bin.
        var neededRanks = new long[2 * n];
        for (int b = 1; b <= n; b++)
        {
            neededRanks[(2 * b) - 2] = Math.Min(cuts[b - 1], m - 1);
            neededRanks[(2 * b) - 1] = Math.Max(cuts[b] - 1, 0);
        }

        using var histogram = new Histogram(m, keyRange);
        histogram.Count(values, keyRange);
        cancellationToken.ThrowIfCancellationRequested();

        // A bucket that holds a cut strictly inside it, or a needed rank, is gathered; every other
        // bucket lies wholly inside one bin, found from the rank of its first element.
        byte[] table = histogram.Table;
        for (int bucket = 0; bucket < histogram.BucketCount; bucket++)
        {
            table[bucket] = (byte)BinOfRank(cuts, histogram.Starts[bucket]);
        }

        for (int b = 1; b < n; b++)
        {
            long cut = cuts[b];
            if (cut > 0 && cut < m)
            {
                int bucket = histogram.BucketOfRank(cut);
                if (histogram.Starts[bucket] < cut)
                {
                    histogram.MarkGathered(bucket);
                }
            }
        }

        byte reverse = dimension == RfmDimension.Recency ? (byte)(n + 1) : (byte)0;
        int offset = (int)dimension;
        var orderStatistics = new double[neededRanks.Length];
        foreach (long rank in neededRanks)
        {
            histogram.MarkGathered(histogram.BucketOfRank(rank));
        }

        histogram.AllocateGather();
        for (int i = 0; i < values.Length; i++)
        {
            int bucket = histogram.BucketOf(values[i]);
            byte bin = table[bucket];
            if ((bin & GatheredFlag) == 0)
            {
                scoreBytes[(3 * i) + offset] = Orient(bin, reverse);
            }
            else
            {
                histogram.Gather(bin & ~GatheredFlag, i);
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        for (int slot = 0; slot < histogram.GatheredCount; slot++)
        {
            histogram.SortGathered(slot, values, out ReadOnlySpan<int> indices, out long start);

            // In (key, index) order the bin only changes at the cuts: fill each stretch with its bin.
            for (int p = 0, bin = BinOfRank(cuts, start); p < indices.Length; bin++)
            {
                int end = (int)Math.Min(indices.Length, cuts[bin] - start);
                byte score = Orient((byte)bin, reverse);
                for (; p < end; p++)
                {
                    scoreBytes[(3 * indices[p]) + offset] = score;
                }
            }

            for (int r = 0; r < neededRanks.Length; r++)
            {
                long within = neededRanks[r] - start;
                if (within >= 0 && within < indices.Length)
                {
                    double statistic = ValueOf(values[indices[(int)within]]);
                    orderStatistics[r] = statistic == 0 ? 0 : statistic; // −0 reads as 0
                }
            }
        }

        // Summary, in ascending bins, then turned into score order.
        var counts = new int[n];
        var minimum = new double?[n];
        var maximum = new double?[n];
        var edges = new double[n - 1];
        for (int b = 1; b <= n; b++)
        {
            counts[b - 1] = (int)(cuts[b] - cuts[b - 1]);
            if (counts[b - 1] > 0)
            {
                minimum[b - 1] = orderStatistics[(2 * b) - 2];
                maximum[b - 1] = orderStatistics[(2 * b) - 1];
            }

            if (b < n)
            {
                edges[b - 1] = maximum[b - 1] ?? (b > 1 ? edges[b - 2] : orderStatistics[0]);
            }
        }

        return Summarize(dimension, scoring, edges, [], counts, minimum, maximum);
    }

    private static RfmDimensionSummary ScoreByValue<T>(
        ReadOnlySpan<T> values,
        KeyRange keyRange,
        Span<byte> scoreBytes,
        RfmDimension dimension,
        RfmDimensionScoring scoring,
        int n,
        CancellationToken cancellationToken)
        where T : unmanaged
    {
        int m = values.Length;

        // Type-7 quantile at j/n: h = (m − 1)·j / n, e_j = x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋ + 1] − x[⌊h⌋]).
        // Needed ranks: ⌊h_j⌋ and, when h_j is not whole, ⌊h_j⌋ + 1.
        var low = new long[n + 1];
        var fractionNumerator = new long[n + 1];
        for (int j = 0; j <= n; j++)
        {
            long scaled = (long)(m - 1) * j;
            low[j] = scaled / n;
            fractionNumerator[j] = scaled % n;
        }

        using var histogram = new Histogram(m, keyRange);
        histogram.Count(values, keyRange);
        cancellationToken.ThrowIfCancellationRequested();
        for (int j = 0; j <= n; j++)
        {
            histogram.MarkGathered(histogram.BucketOfRank(low[j]));
            if (fractionNumerator[j] != 0)
            {
                histogram.MarkGathered(histogram.BucketOfRank(low[j] + 1));
            }
        }

        histogram.AllocateGather();
        byte[] table = histogram.Table;
        for (int i = 0; i < values.Length; i++)
        {
            int bucket = histogram.BucketOf(values[i]);
            if ((table[bucket] & GatheredFlag) != 0)
            {
                histogram.Gather(table[bucket] & ~GatheredFlag, i);
            }
        }

        var lowKey = new ulong[n + 1];
        var highKey = new ulong[n + 1];
        for (int slot = 0; slot < histogram.GatheredCount; slot++)
        {
            histogram.SortGathered(slot, values, out ReadOnlySpan<int> indices, out long start);
            for (int j = 0; j <= n; j++)
            {
                long within = low[j] - start;
                if (within >= 0 && within < indices.Length)
                {
                    lowKey[j] = Key(values[indices[(int)within]]);
                }

                within = low[j] + (fractionNumerator[j] != 0 ? 1 : 0) - start;
                if (within >= 0 && within < indices.Length)
                {
                    highKey[j] = Key(values[indices[(int)within]]);
                }
            }
        }

        cancellationToken.ThrowIfCancellationRequested();

        // A value v is in ascending bin 1 + #{j in 1 … n − 1 : e_j < v}; since no value lies strictly
        // between two neighbouring order statistics, e_j < v exactly when x[⌊h_j⌋] < v.
        var edges = new double[n + 1];
        var duplicates = new System.Collections.Generic.List<int>();
        for (int j = 0; j <= n; j++)
        {
            double x0 = ValueOfKey<T>(lowKey[j]);
            double x1 = ValueOfKey<T>(highKey[j]);
            double fraction = (double)fractionNumerator[j] / n;
            double gap = x1 - x0;
            edges[j] = fractionNumerator[j] == 0 || x0 == x1 ? x0
                : double.IsInfinity(gap) ? (x0 * (1 - fraction)) + (x1 * fraction) // values of opposite sign near ±1.8e308
                : x0 + (fraction * gap);
            if (j < n && lowKey[j] == highKey[j + 1])
            {
                duplicates.Add(j);
            }
        }

        // F(t), the piecewise-linear interpolation of the sorted values, is constant on [h_j, h_(j+1)]
        // exactly when x[⌊h_j⌋] = x[⌈h_(j+1)⌉]: that is the exact test for e_j = e_(j+1) above.
        // The cuts are the order statistics themselves, data values, so comparing with them is exact.
        Span<double> cuts = stackalloc double[n - 1];
        for (int j = 1; j < n; j++)
        {
            cuts[j - 1] = ValueOfKey<T>(lowKey[j]);
        }

        (int[] counts, double?[] minimum, double?[] maximum) = BinByCuts(values, cuts, scoreBytes, dimension, n);
        return Summarize(dimension, scoring, edges, duplicates.ToArray(), counts, minimum, maximum);
    }

    private static RfmDimensionSummary ScoreFixed<T>(
        ReadOnlySpan<T> values,
        Span<byte> scoreBytes,
        RfmDimension dimension,
        RfmDimensionScoring scoring,
        int n)
        where T : unmanaged
    {
        Span<double> thresholds = stackalloc double[n - 1];
        for (int j = 0; j < n - 1; j++)
        {
            thresholds[j] = scoring.Thresholds[j];
        }

        (int[] counts, double?[] minimum, double?[] maximum) = BinByCuts(values, thresholds, scoreBytes, dimension, n);
        var edges = new double[n - 1];
        thresholds.CopyTo(edges);
        return Summarize(dimension, scoring, edges, [], counts, minimum, maximum);
    }

    /// <summary>
    /// Bins every value by cut points, closed on the right (bin = 1 + #{j : cut_j &lt; v}), writes the
    /// scores, and returns the count, smallest and largest value of each ascending bin.
    /// </summary>
    private static (int[] Counts, double?[] Minimum, double?[] Maximum) BinByCuts<T>(
        ReadOnlySpan<T> values,
        ReadOnlySpan<double> cuts,
        Span<byte> scoreBytes,
        RfmDimension dimension,
        int n)
        where T : unmanaged
    {
        var counts = new int[n];
        Span<double> low = stackalloc double[n];
        Span<double> high = stackalloc double[n];
        low.Fill(double.PositiveInfinity);
        high.Fill(double.NegativeInfinity);
        byte reverse = dimension == RfmDimension.Recency ? (byte)(n + 1) : (byte)0;
        int offset = (int)dimension;
        for (int i = 0; i < values.Length; i++)
        {
            double v = ValueOf(values[i]);
            int bin = 1;
            for (int j = 0; j < cuts.Length; j++)
            {
                bin += cuts[j] < v ? 1 : 0;
            }

            scoreBytes[(3 * i) + offset] = Orient((byte)bin, reverse);
            counts[bin - 1]++;
            low[bin - 1] = v < low[bin - 1] ? v : low[bin - 1];
            high[bin - 1] = v > high[bin - 1] ? v : high[bin - 1];
        }

        var minimum = new double?[n];
        var maximum = new double?[n];
        for (int b = 0; b < n; b++)
        {
            if (counts[b] > 0)
            {
                minimum[b] = low[b] == 0 ? 0 : low[b]; // −0 reads as 0
                maximum[b] = high[b] == 0 ? 0 : high[b];
            }
        }

        return (counts, minimum, maximum);
    }

    /// <summary>Turns ascending-bin statistics into score order (reversed for recency).</summary>
    private static RfmDimensionSummary Summarize(
        RfmDimension dimension,
        RfmDimensionScoring scoring,
        double[] edges,
        int[] duplicates,
        int[] counts,
        double?[] minimum,
        double?[] maximum)
    {
        if (dimension == RfmDimension.Recency)
        {
            Array.Reverse(counts);
            Array.Reverse(minimum);
            Array.Reverse(maximum);
        }

        return new RfmDimensionSummary(dimension, scoring, edges, duplicates, counts, minimum, maximum);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static byte Orient(byte bin, byte reverse) => reverse == 0 ? bin : (byte)(reverse - bin);

    private static int BinOfRank(long[] cuts, long rank)
    {
        // cuts[b] = customers in bins 1 … b; rank (0-based) is in the first bin b with rank < cuts[b].
        int bin = 1;
        while (bin < cuts.Length - 1 && cuts[bin] <= rank)
        {
            bin++;
        }

        return bin;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong Key<T>(T value)
        where T : unmanaged
    {
        if (typeof(T) == typeof(double))
        {
            double v = Unsafe.As<T, double>(ref value);
            long bits = v == 0 ? 0 : BitConverter.DoubleToInt64Bits(v);
            return bits < 0 ? ~(ulong)bits : (ulong)bits | SignBit;
        }

        return (ulong)(uint)(Unsafe.As<T, int>(ref value) ^ int.MinValue);
    }

    private static double ValueOfKey<T>(ulong key)
        where T : unmanaged
    {
        if (typeof(T) == typeof(double))
        {
            return (key & SignBit) != 0
                ? BitConverter.Int64BitsToDouble((long)(key & ~SignBit))
                : BitConverter.Int64BitsToDouble((long)~key);
        }

        return (int)((uint)key ^ 0x8000_0000u);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double ValueOf<T>(T value)
        where T : unmanaged =>
        typeof(T) == typeof(double) ? Unsafe.As<T, double>(ref value) : Unsafe.As<T, int>(ref value);

    private static void ThrowNegative(double value, string parameterName, int index) =>
        throw new ArgumentOutOfRangeException(
            parameterName,
            value,
            string.Format(
                CultureInfo.InvariantCulture,
                "The value at index {0} is {1}; {2} cannot be negative.",
                index,
                value.ToString("R", CultureInfo.InvariantCulture),
                parameterName));

    /// <summary>Bucket counts, starts, and the gathered buckets' element indices, all pooled.</summary>
    private sealed class Histogram : IDisposable
    {
        private readonly ulong _minKey;
        private readonly int _shift;
        private readonly long _total;
        private readonly int[] _counts;
        private readonly int[] _gatheredBuckets = new int[64];
        private readonly int[] _gatherFill = new int[64];
        private readonly int[] _gatherOffset = new int[65];
        private int[]? _gathered;
        private ulong[]? _sortKeys;

        public Histogram(int customerCount, KeyRange keyRange)
        {
            _total = customerCount;
            _minKey = keyRange.Min;
            ulong range = keyRange.Max - keyRange.Min;
            int bits = 64 - LeadingZeroCount(range);
            _shift = Math.Max(0, bits - BucketBits);
            BucketCount = (int)(range >> _shift) + 1;
            _counts = ArrayPool<int>.Shared.Rent(BucketCount);
            Starts = ArrayPool<long>.Shared.Rent(BucketCount + 1);
            Table = ArrayPool<byte>.Shared.Rent(BucketCount);
            Array.Clear(_counts, 0, BucketCount);
        }

        /// <summary>The histogram's smallest key (bucket 0 starts there).</summary>
        public ulong MinKey => _minKey;

        public int BucketCount { get; }

        public long[] Starts { get; }

        public byte[] Table { get; }

        public int GatheredCount { get; private set; }

        public bool Exact => _shift == 0;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public int BucketOf<T>(T value)
            where T : unmanaged => (int)((Key(value) - _minKey) >> _shift);

        public void Count<T>(ReadOnlySpan<T> values, KeyRange keyRange)
            where T : unmanaged
        {
            int[] counts = _counts;
            if (keyRange.ValueCounts is int[] byValue)
            {
                // Whole numbers 0 … 65,535, already counted by value while validating: bucket b is value min + b.
                Array.Copy(byValue, keyRange.SmallMin, counts, 0, BucketCount);
                keyRange.Release();
            }
            else
            {
                for (int i = 0; i < values.Length; i++)
                {
                    counts[BucketOf(values[i])]++;
                }
            }

            long running = 0;
            for (int b = 0; b < BucketCount; b++)
            {
                Starts[b] = running;
                running += counts[b];
                Table[b] = 0;
            }

            Starts[BucketCount] = running;
        }

        /// <summary>The bucket holding the element of the given 0-based rank.</summary>
        public int BucketOfRank(long rank)
        {
            int lo = 0, hi = BucketCount - 1;
            while (lo < hi)
            {
                int mid = (lo + hi + 1) >> 1;
                if (Starts[mid] <= rank)
                {
                    lo = mid;
                }
                else
                {
                    hi = mid - 1;
                }
            }

            // Empty buckets share their start with the next one; step to the one that has the rank.
            while (_counts[lo] == 0 && lo < BucketCount - 1)
            {
                lo++;
            }

            return lo;
        }

        public void MarkGathered(int bucket)
        {
            if ((Table[bucket] & GatheredFlag) != 0)
            {
                return;
            }

            _gatheredBuckets[GatheredCount] = bucket;
            Table[bucket] = (byte)(GatheredFlag | GatheredCount);
            GatheredCount++;
        }

        public void AllocateGather()
        {
            int total = 0;
            for (int s = 0; s < GatheredCount; s++)
            {
                _gatherOffset[s] = total;
                _gatherFill[s] = total;
                total += _counts[_gatheredBuckets[s]];
            }

            _gatherOffset[GatheredCount] = total;
            _gathered = ArrayPool<int>.Shared.Rent(Math.Max(1, total));
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Gather(int slot, int index) => _gathered![_gatherFill[slot]++] = index;

        /// <summary>Orders one gathered bucket's elements by (key, index) and gives the rank of its first element.</summary>
        public void SortGathered<T>(int slot, ReadOnlySpan<T> values, out ReadOnlySpan<int> indices, out long start)
            where T : unmanaged
        {
            int from = _gatherOffset[slot];
            int length = _gatherOffset[slot + 1] - from;
            start = Starts[_gatheredBuckets[slot]];
            indices = new ReadOnlySpan<int>(_gathered, from, length);
            if (Exact || length < 2)
            {
                return; // one key per bucket: gathered in input order, which is the tie order
            }

            if (_sortKeys is null || _sortKeys.Length < length)
            {
                if (_sortKeys is not null)
                {
                    ArrayPool<ulong>.Shared.Return(_sortKeys);
                }

                _sortKeys = ArrayPool<ulong>.Shared.Rent(length);
            }

            // The keys of one bucket differ only in their low `shift` bits: sort those with a stable
            // least-significant-digit radix sort, which keeps equal keys in input (index) order.
            ulong bucketBase = _minKey + ((ulong)_gatheredBuckets[slot] << _shift);
            for (int p = 0; p < length; p++)
            {
                _sortKeys[p] = Key(values[_gathered![from + p]]) - bucketBase;
            }

            RadixSortByKey(_sortKeys, _gathered!, from, length, _shift);
        }

        private static void RadixSortByKey(ulong[] keys, int[] indices, int from, int length, int bits)
        {
            ulong[] keysB = ArrayPool<ulong>.Shared.Rent(length);
            int[] indexA = ArrayPool<int>.Shared.Rent(length);
            int[] indexB = ArrayPool<int>.Shared.Rent(length);
            try
            {
                Array.Copy(indices, from, indexA, 0, length);
                bool inA = StableRadixSort.Sort(keys, indexA, keysB, indexB, length, bits);
                Array.Copy(inA ? indexA : indexB, 0, indices, from, length);
            }
            finally
            {
                ArrayPool<int>.Shared.Return(indexB);
                ArrayPool<int>.Shared.Return(indexA);
                ArrayPool<ulong>.Shared.Return(keysB);
            }
        }

        public void Dispose()
        {
            ArrayPool<int>.Shared.Return(_counts);
            ArrayPool<long>.Shared.Return(Starts);
            ArrayPool<byte>.Shared.Return(Table);
            if (_gathered is not null)
            {
                ArrayPool<int>.Shared.Return(_gathered);
            }

            if (_sortKeys is not null)
            {
                ArrayPool<ulong>.Shared.Return(_sortKeys);
            }
        }

        private static int LeadingZeroCount(ulong value)
        {
#if NETSTANDARD2_0
            int count = 0;
            for (ulong bit = SignBit; bit != 0 && (value & bit) == 0; bit >>= 1)
            {
                count++;
            }

            return count;
#else
            return System.Numerics.BitOperations.LeadingZeroCount(value);
#endif
        }
    }

    /// <summary>The smallest and largest key of a dimension, and for small whole numbers their counts by value (pooled).</summary>
    internal readonly struct KeyRange
    {
        public KeyRange(ulong min, ulong max, int[]? valueCounts, int smallMin)
        {
            Min = min;
            Max = max;
            ValueCounts = valueCounts;
            SmallMin = smallMin;
        }

        public ulong Min { get; }

        public ulong Max { get; }

        public int[]? ValueCounts { get; }

        public int SmallMin { get; }

        public void Release()
        {
            if (ValueCounts is not null)
            {
                ArrayPool<int>.Shared.Return(ValueCounts);
            }
        }
    }
}
