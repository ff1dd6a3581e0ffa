using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using CustomerValuation.Internal;

namespace CustomerValuation.Churn;

/// <summary>A reason assigned to one customer, with every piece of evidence that fired it and a combined confidence.</summary>
/// <remarks>
/// The combined confidence is the noisy-OR of the evidence confidences, 1 − ∏(1 − cᵢ): one piece of
/// evidence gives its own confidence, independent pieces raise it, and it never exceeds 1.
/// </remarks>
public sealed class ReasonTag
{
    /// <summary>Creates a tag.</summary>
    /// <param name="code">The reason code.</param>
    /// <param name="evidence">The evidence; at least one piece.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="evidence"/> is empty, or a confidence is outside (0, 1].</exception>
    public ReasonTag(string code, IEnumerable<ReasonEvidence> evidence)
    {
        Guard.NotNull(code, nameof(code));
        Guard.NotNull(evidence, nameof(evidence));
        var list = new List<ReasonEvidence>(evidence);
        if (list.Count == 0)
        {
            throw new ArgumentException($"Reason '{code}' has no evidence; a tag needs at least one rule or phrase that fired.", nameof(evidence));
        }

        double miss = 1.0;
        for (int i = 0; i < list.Count; i++)
        {
            double confidence = list[i].Confidence;
            if (!(confidence > 0.0 && confidence <= 1.0))
            {
                throw new ArgumentException($"Reason '{code}': evidence {i} ('{list[i].Name}') has confidence {confidence}; it must be in (0, 1].", nameof(evidence));
            }

            miss *= 1.0 - confidence;
        }

        Code = code;
        Evidence = list.AsReadOnly();
        Confidence = 1.0 - miss;
    }

    /// <summary>Creates a tag from evidence already checked (confidences in (0, 1]), owning the array (no copy).</summary>
    internal ReasonTag(string code, ReasonEvidence[] evidence, bool trusted)
    {
        _ = trusted;
        double miss = 1.0;
        foreach (ReasonEvidence piece in evidence)
        {
            miss *= 1.0 - piece.Confidence;
        }

        Code = code;
        Evidence = evidence;
        Confidence = 1.0 - miss;
    }

    private ReasonTag(string code, ReadOnlyCollection<ReasonEvidence> evidence, double confidence)
    {
        Code = code;
        Evidence = evidence;
        Confidence = confidence;
    }

    /// <summary>Gets the reason code.</summary>
    public string Code { get; }

    /// <summary>Gets the combined confidence, 1 − ∏(1 − cᵢ) over the evidence, in (0, 1].</summary>
    public double Confidence { get; }

    /// <summary>Gets the evidence, in the order it was found.</summary>
    public IReadOnlyList<ReasonEvidence> Evidence { get; }

    /// <summary>
    /// Creates a tag from evidence its caller has already checked (at least one piece, confidences in (0, 1]) and
    /// will not change, without copying it; the confidence is computed as by the public constructor.
    /// </summary>
    internal static ReasonTag FromChecked(string code, ReasonEvidence[] evidence)
    {
        double miss = 1.0;
        for (int i = 0; i < evidence.Length; i++)
        {
            miss *= 1.0 - evidence[i].Confidence;
        }

        return new ReasonTag(code, Array.AsReadOnly(evidence), 1.0 - miss);
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Code} ({Confidence:0.###}, {Evidence.Count} evidence)";
}
