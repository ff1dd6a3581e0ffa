using System;
using System.Collections.Generic;
using System.Globalization;
using CustomerValuation.Internal;

namespace CustomerValuation.Churn;

/// <summary>Merges reason tags found by different taggers (rules over signals, phrases in notes) into one tag per code.</summary>
/// <remarks>
/// Tags of the same code merge into one whose evidence is the first list's evidence followed by the second's, with
/// evidence equal in every field to an earlier piece dropped (so merging a result with itself changes nothing); the
/// combined confidence is again the noisy-OR of the evidence. Codes keep the order of the first list, then the codes only
/// in the second, in its order.
/// </remarks>
public static class ReasonTagMerge
{
    /// <summary>Merges two lists of tags of one customer.</summary>
    /// <param name="first">The first tags, e.g. from the signal rules.</param>
    /// <param name="second">The second tags, e.g. from the text tagger.</param>
    /// <returns>One tag per code found in either list; empty when both are empty.</returns>
    /// <exception cref="ArgumentNullException">A list or one of its tags is <see langword="null"/>.</exception>
    public static IReadOnlyList<ReasonTag> Combine(IEnumerable<ReasonTag> first, IEnumerable<ReasonTag> second)
    {
        Guard.NotNull(first, nameof(first));
        Guard.NotNull(second, nameof(second));
        return CombineCore(first, second);
    }

    /// <summary>Merges two lists of customers' reasons that cover the same customers, tag by tag.</summary>
    /// <typeparam name="TId">The customer id type.</typeparam>
    /// <param name="first">The first list, e.g. the output of <see cref="SignalRuleSet.Evaluate{T, TId}"/>.</param>
    /// <param name="second">The second list, over the same customers in any order, e.g. the text tagger's output.</param>
    /// <returns>Every customer once, in the order of <paramref name="first"/>, with the merged tags; untagged when neither list tagged it.</returns>
    /// <exception cref="ArgumentNullException">A list or one of its items is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An id appears twice in one list, or a customer is in one list and not the other (the message names the id and the list).</exception>
    public static IReadOnlyList<CustomerReasons<TId>> Combine<TId>(IEnumerable<CustomerReasons<TId>> first, IEnumerable<CustomerReasons<TId>> second)
        where TId : notnull
    {
        Guard.NotNull(first, nameof(first));
        Guard.NotNull(second, nameof(second));
        List<CustomerReasons<TId>> firstList = ReasonTally.Collect(first, nameof(first), out Dictionary<TId, int> firstIndex);
        List<CustomerReasons<TId>> secondList = ReasonTally.Collect(second, nameof(second), out Dictionary<TId, int> secondIndex);
        foreach (CustomerReasons<TId> customer in secondList)
        {
            if (!firstIndex.ContainsKey(customer.Id))
            {
                throw new ArgumentException(
                    string.Format(CultureInfo.InvariantCulture, "Customer '{0}' is in {1} (index {2}) but not in {3}; both lists must cover the same customers.", customer.Id, nameof(second), secondIndex[customer.Id], nameof(first)),
                    nameof(second));
            }
        }

        var result = new List<CustomerReasons<TId>>(firstList.Count);
        foreach (CustomerReasons<TId> customer in firstList)
        {
            if (!secondIndex.TryGetValue(customer.Id, out int other))
            {
                throw new ArgumentException(
                    string.Format(CultureInfo.InvariantCulture, "Customer '{0}' is in {1} (index {2}) but not in {3}; both lists must cover the same customers.", customer.Id, nameof(first), firstIndex[customer.Id], nameof(second)),
                    nameof(second));
            }

            result.Add(new CustomerReasons<TId>(customer.Id, CombineCore(customer.Reasons, secondList[other].Reasons), trusted: true));
        }

        return result.AsReadOnly();
    }

    private static ReasonTag[] CombineCore(IEnumerable<ReasonTag> first, IEnumerable<ReasonTag> second)
    {
        var codes = new List<string>();
        var evidence = new Dictionary<string, List<ReasonEvidence>>(StringComparer.Ordinal);
        Add(first, nameof(first), codes, evidence);
        Add(second, nameof(second), codes, evidence);
        if (codes.Count == 0)
        {
            return [];
        }

        var tags = new ReasonTag[codes.Count];
        for (int i = 0; i < tags.Length; i++)
        {
            tags[i] = new ReasonTag(codes[i], evidence[codes[i]]);
        }

        return tags;
    }

    private static void Add(IEnumerable<ReasonTag> tags, string name, List<string> codes, Dictionary<string, List<ReasonEvidence>> evidence)
    {
        int index = 0;
        foreach (ReasonTag? tag in tags)
        {
            if (tag is null)
            {
                throw new ArgumentNullException(name, string.Format(CultureInfo.InvariantCulture, "Tag {0} of {1} is null.", index, name));
            }

            if (!evidence.TryGetValue(tag.Code, out List<ReasonEvidence>? list))
            {
                list = [];
                evidence.Add(tag.Code, list);
                codes.Add(tag.Code);
            }

            foreach (ReasonEvidence piece in tag.Evidence)
            {
                if (!list.Contains(piece))
                {
                    list.Add(piece);
                }
            }

            index++;
        }
    }
}
