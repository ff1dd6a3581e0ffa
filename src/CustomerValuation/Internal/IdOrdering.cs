using System;
using System.Collections.Generic;

namespace CustomerValuation.Internal;

/// <summary>Orders of customer ids that do not depend on culture.</summary>
internal static class IdOrdering
{
    /// <summary>Integer strings (optional leading minus, then ASCII digits) by numeric value, any length; equal values by ordinal.</summary>
    public static IComparer<string> NumericStrings { get; } = Comparer<string>.Create(CompareNumeric);

    /// <summary>True for an optional leading '-' followed by one or more ASCII digits.</summary>
    public static bool IsInteger(string text)
    {
        int start = text.Length > 0 && text[0] == '-' ? 1 : 0;
        if (text.Length == start)
        {
            return false;
        }

        for (int i = start; i < text.Length; i++)
        {
            if (text[i] is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }

    private static int CompareNumeric(string? a, string? b)
    {
        if (ReferenceEquals(a, b))
        {
            return 0;
        }

        if (a is null || b is null)
        {
            return a is null ? -1 : 1;
        }

        ReadOnlySpan<char> x = Magnitude(a, out bool xNegative);
        ReadOnlySpan<char> y = Magnitude(b, out bool yNegative);
        bool xZero = x.Length == 0, yZero = y.Length == 0;
        xNegative &= !xZero;
        yNegative &= !yZero;
        int result;
        if (xNegative != yNegative)
        {
            result = xNegative ? -1 : 1;
        }
        else
        {
            result = x.Length != y.Length ? x.Length.CompareTo(y.Length) : x.SequenceCompareTo(y);
            if (xNegative)
            {
                result = -result;
            }
        }

        return result != 0 ? result : string.CompareOrdinal(a, b);
    }

    private static ReadOnlySpan<char> Magnitude(string text, out bool negative)
    {
        negative = text.Length > 0 && text[0] == '-';
        ReadOnlySpan<char> digits = text.AsSpan(negative ? 1 : 0);
        return digits.TrimStart('0');
    }
}
