using System;
using System.Collections.Generic;
using System.Globalization;

namespace CustomerValuation.Abc;

/// <summary>Builds Pareto-curve points from the cumulative value shares the analysis already computed, in rank order.</summary>
internal static class ParetoCurve
{
    public static IReadOnlyList<ParetoPoint> Build(Func<int, double> cumulativeShareAtRank, int positiveCount, int? maxPoints)
    {
        if (maxPoints is int limit && limit < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(maxPoints), limit, string.Format(CultureInfo.InvariantCulture, "maxPoints is {0}; a curve needs at least 2 points (its two ends), or null for every point.", limit));
        }

        int m = positiveCount;
        if (m == 0)
        {
            return new[] { new ParetoPoint(0, 0, 0) };
        }

        int pointCount = maxPoints is int max && max < m + 1 ? max : m + 1;
        var points = new ParetoPoint[pointCount];
        points[0] = new ParetoPoint(0, 0, 0);
        int next = 1;
        for (int r = 1; r <= m && next < pointCount; r++)
        {
            int wanted = pointCount == m + 1 ? r : (int)Math.Round((double)next * m / (pointCount - 1), MidpointRounding.AwayFromZero);
            if (r == wanted)
            {
                points[next++] = new ParetoPoint(r, (double)r / m, cumulativeShareAtRank(r - 1));
            }
        }

        return points;
    }
}
