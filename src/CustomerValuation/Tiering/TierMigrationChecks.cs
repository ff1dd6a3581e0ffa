using System;
using System.Collections.Generic;
using System.Globalization;

namespace CustomerValuation.Tiering;

/// <summary>Checks shared by tier migration, hysteresis and provisional grades: the tier order and the id order.</summary>
internal static class TierMigrationChecks
{
    /// <summary>Copies and checks a tier order (best first): at least one label, none null or empty, none repeated.</summary>
    public static string[] TierOrder(IEnumerable<string> tierOrder, string parameterName)
    {
        var tiers = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string label in tierOrder)
        {
            if (string.IsNullOrEmpty(label))
            {
                throw new ArgumentException(
                    string.Format(CultureInfo.InvariantCulture, "Tier label {0} is null or empty; every tier needs a non-empty label.", tiers.Count),
                    parameterName);
            }

            if (!seen.Add(label))
            {
                throw new ArgumentException(
                    string.Format(CultureInfo.InvariantCulture, "Tier label '{0}' is used twice in the tier order; labels must be distinct.", label),
                    parameterName);
            }

            tiers.Add(label);
        }

        if (tiers.Count == 0)
        {
            throw new ArgumentException("The tier order is empty; give the tier labels best first, for example A, B, C.", parameterName);
        }

        return tiers.ToArray();
    }

    /// <summary>Maps each label to its index in the tier order (ordinal).</summary>
    public static Dictionary<string, int> IndexOf(string[] tiers)
    {
        var index = new Dictionary<string, int>(tiers.Length, StringComparer.Ordinal);
        for (int i = 0; i < tiers.Length; i++)
        {
            index.Add(tiers[i], i);
        }

        return index;
    }

    /// <summary>The id order used when the caller gives none: ordinal for strings, the default comparer otherwise.</summary>
    public static IComparer<TId> Comparer<TId>(IComparer<TId>? idComparer) =>
        idComparer ?? (typeof(TId) == typeof(string) ? (IComparer<TId>)(object)StringComparer.Ordinal : System.Collections.Generic.Comparer<TId>.Default);

    /// <summary>
    /// Sorts distinct ids (with a companion array) by the comparer, and throws when the ids cannot be
    /// compared or two distinct ids compare equal (their order would then depend on the input order).
    /// </summary>
    public static void Sort<TId, TItem>(TId[] ids, TItem[] items, IComparer<TId>? idComparer)
    {
        IComparer<TId> comparer = Comparer(idComparer);
        try
        {
            Array.Sort(ids, items, comparer);
        }
        catch (InvalidOperationException e)
        {
            throw new ArgumentException(
                string.Format(CultureInfo.InvariantCulture, "Customer ids of type {0} cannot be ordered; pass an idComparer.", typeof(TId).Name),
                nameof(idComparer),
                e);
        }

        for (int i = 1; i < ids.Length; i++)
        {
            if (comparer.Compare(ids[i - 1], ids[i]) == 0)
            {
                throw new ArgumentException(
                    string.Format(CultureInfo.InvariantCulture, "Customer ids '{0}' and '{1}' are distinct but equal under the id comparer, so the result order would depend on the input order; pass an idComparer under which distinct ids differ (for example an ordinal one).", ids[i - 1], ids[i]),
                    nameof(idComparer));
            }
        }
    }

    /// <summary>Throws the exception for a null id.</summary>
    public static ArgumentException NullId(string parameterName, int index) =>
        new(string.Format(CultureInfo.InvariantCulture, "The customer id of the record at index {0} is null; every record needs an id.", index), parameterName);

    /// <summary>Throws when a value is NaN or infinite.</summary>
    public static void Finite(double value, string parameterName, string what)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            throw new ArgumentOutOfRangeException(
                parameterName,
                value,
                string.Format(CultureInfo.InvariantCulture, "{0} is {1}; it must be a finite number.", what, value.ToString("R", CultureInfo.InvariantCulture)));
        }
    }
}
