using System;
using System.Collections.Generic;
using System.Linq;
using CustomerValuation.Internal;

namespace CustomerValuation.Churn;

/// <summary>One reason in a <see cref="ReasonTaxonomy"/>: a hierarchical code, display names in English and Chinese, and the lost-deal status reasons of common CRMs it corresponds to.</summary>
/// <remarks>
/// Codes are dot-separated paths such as <c>price.seeming.dealer-markup</c>: the parent's code is the
/// code without its last segment, and the first segment names the reason family. Codes are compared
/// ordinally (case-sensitive) and may contain lower-case letters, digits, '-' and '_' in each segment.
/// </remarks>
public sealed class ReasonDefinition
{
    /// <summary>Creates a reason.</summary>
    /// <param name="code">The dot-separated code, e.g. <c>price.real</c>.</param>
    /// <param name="englishName">The display name in English.</param>
    /// <param name="chineseName">The display name in Chinese.</param>
    /// <param name="crmReasons">Lost-deal or churn status reasons of common CRMs that map to this reason, each as <c>"System: reason"</c>; empty when none.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="code"/> is not a valid code, a name is empty, or a CRM reason is null or empty.</exception>
    public ReasonDefinition(string code, string englishName, string chineseName, IEnumerable<string>? crmReasons = null)
    {
        Guard.NotNull(code, nameof(code));
        Guard.NotNull(englishName, nameof(englishName));
        Guard.NotNull(chineseName, nameof(chineseName));
        ValidateCode(code, nameof(code));
        if (string.IsNullOrWhiteSpace(englishName))
        {
            throw new ArgumentException($"Reason '{code}': the English name is empty; give a display name.", nameof(englishName));
        }

        if (string.IsNullOrWhiteSpace(chineseName))
        {
            throw new ArgumentException($"Reason '{code}': the Chinese name is empty; give a display name.", nameof(chineseName));
        }

        string[] crm = crmReasons?.ToArray() ?? [];
        for (int i = 0; i < crm.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(crm[i]))
            {
                throw new ArgumentException($"Reason '{code}': CRM reason {i} is null or empty.", nameof(crmReasons));
            }
        }

        Code = code;
        EnglishName = englishName;
        ChineseName = chineseName;
        CrmReasons = Array.AsReadOnly(crm);
        int dot = code.LastIndexOf('.');
        ParentCode = dot < 0 ? null : code.Substring(0, dot);
        Family = dot < 0 ? code : code.Substring(0, code.IndexOf('.'));
        Depth = code.Count(c => c == '.');
    }

    /// <summary>Gets the dot-separated code.</summary>
    public string Code { get; }

    /// <summary>Gets the parent's code (the code without its last segment); <see langword="null"/> for a family.</summary>
    public string? ParentCode { get; }

    /// <summary>Gets the reason family: the first segment of the code.</summary>
    public string Family { get; }

    /// <summary>Gets the depth: 0 for a family, 1 for its children, and so on.</summary>
    public int Depth { get; }

    /// <summary>Gets the display name in English.</summary>
    public string EnglishName { get; }

    /// <summary>Gets the display name in Chinese.</summary>
    public string ChineseName { get; }

    /// <summary>Gets the CRM status reasons that map to this reason, each as <c>"System: reason"</c>.</summary>
    public IReadOnlyList<string> CrmReasons { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{Code} ({EnglishName} / {ChineseName})";

    /// <summary>Checks that <paramref name="code"/> is a well-formed reason code.</summary>
    internal static void ValidateCode(string code, string parameterName)
    {
        if (code.Length == 0)
        {
            throw new ArgumentException("A reason code is empty; use dot-separated segments such as 'price.real'.", parameterName);
        }

        int segmentLength = 0;
        foreach (char c in code)
        {
            if (c == '.')
            {
                if (segmentLength == 0)
                {
                    throw new ArgumentException($"Reason code '{code}' has an empty segment; use dot-separated segments such as 'price.real'.", parameterName);
                }

                segmentLength = 0;
            }
            else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_')
            {
                segmentLength++;
            }
            else
            {
                throw new ArgumentException($"Reason code '{code}' contains '{c}'; segments may hold lower-case letters, digits, '-' and '_'.", parameterName);
            }
        }

        if (segmentLength == 0)
        {
            throw new ArgumentException($"Reason code '{code}' has an empty segment; use dot-separated segments such as 'price.real'.", parameterName);
        }
    }
}
