using System;
using System.Collections.Generic;

namespace CustomerValuation.Tests.Tiering;

/// <summary>Equality of doubles within an absolute tolerance, for comparing sequences of hand-worked values.</summary>
internal sealed class Tolerance(double absolute) : IEqualityComparer<double>
{
    public bool Equals(double x, double y) => Math.Abs(x - y) <= absolute;

    public int GetHashCode(double obj) => 0;
}
