using System;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace CustomerValuation.Internal;

/// <summary>Eager argument checks with messages that name the argument, the row and the rule.</summary>
internal static class Guard
{
    public static T NotNull<T>(T? value, string parameterName)
        where T : class
    {
        if (value is null)
        {
            ThrowNull(parameterName);
        }

        return value;
    }

    [DoesNotReturn]
    private static void ThrowNull(string parameterName) => throw new ArgumentNullException(parameterName);

    [DoesNotReturn]
    public static void ThrowNotFinite(double value, string parameterName, long index) =>
        throw new ArgumentOutOfRangeException(
            parameterName,
            value,
            string.Format(
                CultureInfo.InvariantCulture,
                "The value at index {0} is {1}; every value must be a finite number. Remove or repair that row first.",
                index,
                value.ToString("R", CultureInfo.InvariantCulture)));

    public static void NotEmpty(int length, string parameterName)
    {
        if (length == 0)
        {
            throw new ArgumentException("The input is empty; ABC classification needs at least one customer.", parameterName);
        }
    }

    /// <summary>True when a value can be classified: finite, and zero or at least the smallest normal double in magnitude.</summary>
    public static bool IsUsableValue(double value) =>
        value == 0 || (Math.Abs(value) >= 2.2250738585072014E-308 && Math.Abs(value) <= double.MaxValue);

    public static void SameLength(int expected, int actual, string parameterName)
    {
        if (expected != actual)
        {
            throw new ArgumentException(
                string.Format(
                    CultureInfo.InvariantCulture,
                    "The destination has length {0} but the input has {1} values; they must be equal.",
                    actual,
                    expected),
                parameterName);
        }
    }
}
