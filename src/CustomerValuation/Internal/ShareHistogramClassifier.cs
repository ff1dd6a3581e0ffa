using System;
using System.Buffers;
using CustomerValuation.Abc;

namespace CustomerValuation.Internal;

/// <summary>
/// Classes without ranking, in two passes over the data: a histogram of the values' top 16
/// order-preserving bits (sign, exponent and 4 mantissa bits, so a bucket spans a factor of
/// 2^(1/16) ≈ 1.044) with the count and compensated sum per bucket; the buckets where each
/// breakpoint is crossed; then one pass that classes every value outside those buckets from a
/// lookup table and collects the few inside them, which are ranked exactly (stable radix sort)
/// and classed with the same cumulative rule as the full analysis.
/// </summary>
internal static class ShareHistogramClassifier
{
    private const int BucketShift = 48;
    private const int BucketCount = 1 << 15; // positive values only: their descending keys have the top bit clear
    private const byte Pending = byte.MaxValue;

    public static void Classify(ReadOnlySpan<double> values, Span<int> classIndices, AbcOptions options)
    {
        int n = values.Length;
        int cutCount = options.Breakpoints.Count;
        int nonPositiveClass = options.NonPositiveClassIndex;
        bool byCount = options.Basis == AbcBasis.CountShare;
        bool joinUpper = options.BoundaryRule == AbcBoundaryRule.JoinUpperClass;

        int[] counts = ArrayPool<int>.Shared.Rent(BucketCount);
        double[] sums = ArrayPool<double>.Shared.Rent(BucketCount);
        double[] compensations = ArrayPool<double>.Shared.Rent(BucketCount);
        byte[] table = ArrayPool<byte>.Shared.Rent(BucketCount);
        int[] crossing = ArrayPool<int>.Shared.Rent(cutCount);
        double[] thresholds = ArrayPool<double>.Shared.Rent(cutCount);
        double[] cumulativeBefore = ArrayPool<double>.Shared.Rent(cutCount);
        double[]? pendingValues = null;
        int[]? pendingPositions = null;
        try
        {
            Array.Clear(counts, 0, BucketCount);
            Array.Clear(sums, 0, BucketCount);
            Array.Clear(compensations, 0, BucketCount);

            // Pass 1: check, and histogram the positive values (count and Neumaier sum per bucket).
            int positiveCount = 0;
            for (int i = 0; i < n; i++)
            {
                double v = values[i];
                Guard.Finite(v, nameof(values), i);
                if (v > 0)
                {
                    int b = Bucket(v);
                    counts[b]++;
                    double s = sums[b];
                    double t = s + v;
                    compensations[b] += s >= v ? (s - t) + v : (v - t) + s;
                    sums[b] = t;
                    positiveCount++;
                }
            }

            if (positiveCount == 0)
            {
                classIndices.Fill(nonPositiveClass);
                return;
            }

            double weight;
            if (byCount)
            {
                weight = positiveCount;
            }
            else
            {
                NeumaierSum total = default;
                for (int b = 0; b < BucketCount; b++)
                {
                    if (counts[b] != 0)
                    {
                        total.Add(sums[b]);
                        total.Add(compensations[b]);
                    }
                }

                weight = total.Value;
            }

            double tolerance = AbcClassifier.ShareTolerance * weight;
            for (int k = 0; k < cutCount; k++)
            {
                double target = options.Breakpoints[k] * weight;
                thresholds[k] = joinUpper ? target - tolerance : target + tolerance;
                crossing[k] = BucketCount; // none: every positive value is on the upper side
            }

            // The bucket in which each breakpoint is crossed, and the cumulative weight before it.
            NeumaierSum running = default;
            int next = 0;
            for (int b = 0; b < BucketCount && next < cutCount; b++)
            {
                if (counts[b] == 0)
                {
                    continue;
                }

                double before = running.Value;
                if (byCount)
                {
                    running.Add(counts[b]);
                }
                else
                {
                    running.Add(sums[b]);
                    running.Add(compensations[b]);
                }

                double after = running.Value;
                while (next < cutCount && (joinUpper ? after >= thresholds[next] : after > thresholds[next]))
                {
                    crossing[next] = b;
                    cumulativeBefore[next] = before;
                    next++;
                }
            }

            // Lookup table: the class of a whole bucket, or Pending where a breakpoint is crossed inside it.
            int pendingCount = 0;
            int passed = 0;
            for (int b = 0; b < BucketCount; b++)
            {
                while (passed < cutCount && crossing[passed] < b)
                {
                    passed++;
                }

                if (passed < cutCount && crossing[passed] == b)
                {
                    table[b] = Pending;
                    pendingCount += counts[b];
                }
                else
                {
                    table[b] = (byte)passed;
                }
            }

            // Pass 2: class every value outside the crossing buckets; collect the ones inside.
            pendingValues = ArrayPool<double>.Shared.Rent(Math.Max(1, pendingCount));
            pendingPositions = ArrayPool<int>.Shared.Rent(Math.Max(1, pendingCount));
            int pending = 0;
            for (int i = 0; i < n; i++)
            {
                double v = values[i];
                if (!(v > 0))
                {
                    classIndices[i] = nonPositiveClass;
                    continue;
                }

                byte cls = table[Bucket(v)];
                if (cls != Pending)
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

            // Rank the collected values exactly (positions ascending within ties) and apply the cumulative rule.
            using RankedKeys ranked = DescendingRadixSort.Rank(pendingValues.AsSpan(0, pending));
            int currentBucket = -1;
            int firstCut = 0;
            int lastCut = 0;
            running = default;
            for (int r = 0; r < pending; r++)
            {
                double v = DescendingRadixSort.ValueOf(ranked.Keys[r]);
                int b = Bucket(v);
                if (b != currentBucket)
                {
                    currentBucket = b;
                    firstCut = 0;
                    while (crossing[firstCut] != b)
                    {
                        firstCut++;
                    }

                    lastCut = firstCut;
                    while (lastCut + 1 < cutCount && crossing[lastCut + 1] == b)
                    {
                        lastCut++;
                    }

                    running = default;
                    running.Add(cumulativeBefore[firstCut]);
                }

                double beforeValue = running.Value;
                running.Add(byCount ? 1.0 : v);
                double afterValue = running.Value;
                int cls = firstCut;
                for (int k = firstCut; k <= lastCut; k++)
                {
                    if (joinUpper ? beforeValue >= thresholds[k] : afterValue > thresholds[k])
                    {
                        cls++;
                    }
                }

                classIndices[pendingPositions[ranked.Positions[r]]] = cls;
            }
        }
        finally
        {
            if (pendingPositions is not null)
            {
                ArrayPool<int>.Shared.Return(pendingPositions);
            }

            if (pendingValues is not null)
            {
                ArrayPool<double>.Shared.Return(pendingValues);
            }

            ArrayPool<double>.Shared.Return(cumulativeBefore);
            ArrayPool<double>.Shared.Return(thresholds);
            ArrayPool<int>.Shared.Return(crossing);
            ArrayPool<byte>.Shared.Return(table);
            ArrayPool<double>.Shared.Return(compensations);
            ArrayPool<double>.Shared.Return(sums);
            ArrayPool<int>.Shared.Return(counts);
        }
    }

    private static int Bucket(double positiveValue) => (int)(DescendingRadixSort.DescendingKey(positiveValue) >> BucketShift);
}
