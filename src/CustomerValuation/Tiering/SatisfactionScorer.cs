using System;
using System.Collections.Generic;
using System.Globalization;
using CustomerValuation.Internal;

namespace CustomerValuation.Tiering;

/// <summary>
/// The customer satisfaction index (SPEC §3, W8): 5-point Likert answers with importance weights become
/// one index on 0 … 100 per customer, a satisfied flag, per-item figures, a composite index and the
/// share of satisfied customers against a target.
/// </summary>
/// <remarks>
/// <para>
/// Each answer s ∈ {1, …, 5} is mapped to (s − 1) / 4 × 100, so 1 → 0, 3 → 50, 5 → 100: the
/// linear map of the scale's minimum and maximum onto 0 and 100 that the American Customer
/// Satisfaction Index uses for its 10-point items ((x − 1) / 9 × 100; Fornell et al. 1996, Journal of
/// Marketing 60(4)). A customer's index is the weighted mean of the mapped answers,
/// I = 25 · N / D with N = Σ w_i · (s_i − 1) and D = Σ w_i over the items that count, which equals
/// Σ ŵ_i · (s_i − 1) / 4 × 100 with weights ŵ renormalised over those items. The sums run left to right
/// in item order, so raising one answer never lowers the index; the index is clamped to 0 … 100 and
/// rounded to 10 decimal places, so a hand-worked 70 from decimal weights (0.5, 0.3, 0.2) is 70, not
/// 69.99999999999999.
/// </para>
/// <para>
/// Blanks (null answers), by <see cref="SatisfactionOptions.BlankRule"/>: under
/// <see cref="SatisfactionBlankRule.SingleBlankAsNeutral"/> (SPEC W8) one blank counts as 3 with its own
/// weight (every item counts) and two or more make the questionnaire invalid; under
/// <see cref="SatisfactionBlankRule.AtLeastTwoThirdsAnswered"/> the questionnaire is valid when
/// 3 × answered ≥ 2 × items and only the answered items count. A questionnaire with no answer is
/// invalid under both rules. A customer is satisfied when valid and I ≥
/// <see cref="SatisfactionOptions.SatisfiedThreshold"/> (70).
/// </para>
/// <para>
/// Runs in O(m · k) time for m respondents and k items, one pass; the span kernel allocates only the
/// summary (O(k)).
/// </para>
/// </remarks>
public static class SatisfactionScorer
{
    /// <summary>
    /// Scores respondents given as one row-major span of answers (span kernel): row r holds respondent
    /// r's answers to the questionnaire's items in order, null for a blank.
    /// </summary>
    /// <param name="answers">m × k answers, k = <see cref="SatisfactionQuestionnaire.Count"/>; each 1 … 5 or null.</param>
    /// <param name="questionnaire">The items and their importance weights.</param>
    /// <param name="destination">Receives each respondent's score; length m.</param>
    /// <param name="options">The blank rule, thresholds and target; <see langword="null"/> for <see cref="SatisfactionOptions.Default"/>.</param>
    /// <returns>The counts, composite index, satisfaction rate against the target, and per-item figures.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="questionnaire"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="answers"/> is empty or not a whole number of rows (the message names the incomplete row), or
    /// <paramref name="destination"/> does not have one element per row.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException">An answer is outside 1 … 5 (the message names the row and the item).</exception>
    public static SatisfactionSummary Score(
        ReadOnlySpan<int?> answers,
        SatisfactionQuestionnaire questionnaire,
        Span<SatisfactionScore> destination,
        SatisfactionOptions? options = null)
    {
        Guard.NotNull(questionnaire, nameof(questionnaire));
        options ??= SatisfactionOptions.Default;
        int k = questionnaire.Count;
        if (answers.Length == 0)
        {
            throw new ArgumentException("The input is empty; the satisfaction index needs at least one respondent.", nameof(answers));
        }

        if (answers.Length % k != 0)
        {
            throw new ArgumentException(
                string.Format(
                    CultureInfo.InvariantCulture,
                    "answers has {0} entries, not a whole number of rows of {1} items: the respondent at row {2} has only {3}. Give one entry per item for every respondent, null for a blank.",
                    answers.Length,
                    k,
                    answers.Length / k,
                    answers.Length % k),
                nameof(answers));
        }

        int rows = answers.Length / k;
        if (destination.Length != rows)
        {
            throw new ArgumentException(
                string.Format(CultureInfo.InvariantCulture, "The destination has length {0} but there are {1} respondents ({2} answers of {3} items); they must be equal.", destination.Length, rows, answers.Length, k),
                nameof(destination));
        }

        var tally = new Tally(questionnaire, options);
        for (int r = 0; r < rows; r++)
        {
            ReadOnlySpan<int?> row = answers.Slice(r * k, k);
            if (!TryScore(row, questionnaire, options, out SatisfactionScore score, out int badItem))
            {
                ThrowBadAnswer(string.Format(CultureInfo.InvariantCulture, "the respondent at row {0}", r), row, badItem, questionnaire, nameof(answers));
            }

            tally.Add(row, score);
            destination[r] = score;
        }

        return tally.ToSummary();
    }

    /// <summary>
    /// Scores customers given by any sequence with selectors (for scripts and ERP extensions).
    /// </summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <typeparam name="TId">The customer id type.</typeparam>
    /// <param name="respondents">One element per customer (respondent).</param>
    /// <param name="id">The customer id; distinct under the default equality of <typeparamref name="TId"/>.</param>
    /// <param name="answers">The customer's answers to the questionnaire's items in order, one entry per item: 1 … 5, or null for a blank.</param>
    /// <param name="questionnaire">The items and their importance weights.</param>
    /// <param name="options">The blank rule, thresholds and target; <see langword="null"/> for <see cref="SatisfactionOptions.Default"/>.</param>
    /// <returns>
    /// One entry per customer in the sequence's order (invalid questionnaires flagged, never dropped) and the summary.
    /// </returns>
    /// <exception cref="ArgumentNullException">
    /// An argument other than <paramref name="options"/> is null, or an id or a customer's answer list is null (named).
    /// </exception>
    /// <exception cref="ArgumentException">
    /// The sequence is empty, an id repeats (named), or a customer's answer count differs from the number of items (named).
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException">An answer is outside 1 … 5 (the message names the customer and the item).</exception>
    public static SatisfactionResult<TId> Score<T, TId>(
        IEnumerable<T> respondents,
        Func<T, TId> id,
        Func<T, IReadOnlyList<int?>> answers,
        SatisfactionQuestionnaire questionnaire,
        SatisfactionOptions? options = null)
        where TId : notnull
    {
        Guard.NotNull(respondents, nameof(respondents));
        Guard.NotNull(id, nameof(id));
        Guard.NotNull(answers, nameof(answers));
        Guard.NotNull(questionnaire, nameof(questionnaire));
        options ??= SatisfactionOptions.Default;
        int k = questionnaire.Count;
        var buffer = new int?[k];
        var tally = new Tally(questionnaire, options);
        var customers = new List<SatisfactionCustomer<TId>>();
        var seen = new HashSet<TId>();
        foreach (T item in respondents)
        {
            int index = customers.Count;
            TId key = id(item);
            if (key is null)
            {
                throw new ArgumentNullException(nameof(id), string.Format(CultureInfo.InvariantCulture, "The id of the customer at index {0} is null.", index));
            }

            if (!seen.Add(key))
            {
                throw new ArgumentException(
                    string.Format(CultureInfo.InvariantCulture, "The id '{0}' appears more than once (again at index {1}); each customer must appear once.", key, index),
                    nameof(respondents));
            }

            IReadOnlyList<int?>? list = answers(item);
            if (list is null)
            {
                throw new ArgumentNullException(
                    nameof(answers),
                    string.Format(CultureInfo.InvariantCulture, "The answers of customer '{0}' (index {1}) are null; give one entry per item, null for a blank.", key, index));
            }

            if (list.Count != k)
            {
                throw new ArgumentException(
                    string.Format(
                        CultureInfo.InvariantCulture,
                        "Customer '{0}' (index {1}) has {2} answers but the questionnaire has {3} items; give one entry per item in the questionnaire's order, null for a blank.",
                        key,
                        index,
                        list.Count,
                        k),
                    nameof(answers));
            }

            ReadOnlySpan<int?> row;
            if (list is int?[] array)
            {
                row = array;
            }
            else
            {
                for (int i = 0; i < k; i++)
                {
                    buffer[i] = list[i];
                }

                row = buffer;
            }

            if (!TryScore(row, questionnaire, options, out SatisfactionScore score, out int badItem))
            {
                ThrowBadAnswer(string.Format(CultureInfo.InvariantCulture, "customer '{0}' (index {1})", key, index), row, badItem, questionnaire, nameof(answers));
            }

            tally.Add(row, score);
            customers.Add(new SatisfactionCustomer<TId>(key, score));
        }

        if (customers.Count == 0)
        {
            throw new ArgumentException("The input is empty; the satisfaction index needs at least one respondent.", nameof(respondents));
        }

        return new SatisfactionResult<TId>(customers.ToArray(), tally.ToSummary());
    }

    /// <summary>Clamps an index to 0 … 100 and rounds it to 10 decimal places (monotone, so order is kept).</summary>
    internal static double RoundIndex(double index) => Math.Round(index < 0 ? 0 : index > 100 ? 100 : index, 10);

    /// <summary>The one implementation of a respondent's score; false (and the item) when an answer is outside 1 … 5.</summary>
    private static bool TryScore(ReadOnlySpan<int?> row, SatisfactionQuestionnaire questionnaire, SatisfactionOptions options, out SatisfactionScore score, out int badItem)
    {
        ReadOnlySpan<double> weights = questionnaire.Weights;
        bool neutralBlank = options.BlankRule == SatisfactionBlankRule.SingleBlankAsNeutral;
        int blanks = 0;
        double numerator = 0, denominator = 0;
        for (int i = 0; i < row.Length; i++)
        {
            int? answer = row[i];
            double w = weights[i];
            if (answer is not int value)
            {
                blanks++;
                if (neutralBlank)
                {
                    numerator += w * (SatisfactionOptions.NeutralAnswer - 1);
                    denominator += w;
                }

                continue;
            }

            if (value is < SatisfactionOptions.LowestAnswer or > SatisfactionOptions.HighestAnswer)
            {
                score = default;
                badItem = i;
                return false;
            }

            numerator += w * (value - 1);
            denominator += w;
        }

        badItem = -1;
        int answered = row.Length - blanks;
        SatisfactionValidity validity =
            answered == 0 ? SatisfactionValidity.NothingAnswered
            : neutralBlank ? (blanks >= 2 ? SatisfactionValidity.TooManyBlanks : SatisfactionValidity.Valid)
            : 3L * answered < 2L * row.Length ? SatisfactionValidity.TooManyBlanks
            : denominator == 0 ? SatisfactionValidity.NoWeightAnswered
            : SatisfactionValidity.Valid;
        if (validity != SatisfactionValidity.Valid)
        {
            score = new SatisfactionScore(validity, null, false, blanks);
            return true;
        }

        double index = RoundIndex(25 * (numerator / denominator));
        score = new SatisfactionScore(validity, index, index >= options.SatisfiedThreshold, blanks);
        return true;
    }

    private static void ThrowBadAnswer(string who, ReadOnlySpan<int?> row, int item, SatisfactionQuestionnaire questionnaire, string parameterName)
    {
        int value = row[item]!.Value;
        throw new ArgumentOutOfRangeException(
            parameterName,
            value,
            string.Format(
                CultureInfo.InvariantCulture,
                "The answer of {0} to item '{1}' (item index {2}) is {3}; answers are whole numbers from 1 to 5 on the Likert scale, or null for a blank.",
                who,
                questionnaire.Items[item].Name,
                item,
                value));
    }

    /// <summary>Running totals of one run: counts per validity and per item answer, and the exact sum of the valid indexes.</summary>
    private sealed class Tally
    {
        private const decimal IndexUnitsPerPoint = 10_000_000_000m;

        private readonly SatisfactionQuestionnaire _questionnaire;
        private readonly SatisfactionOptions _options;
        private readonly int[] _countPerValidity = new int[4];
        private readonly int[] _countPerAnswer;
        private readonly int[] _blanks;
        private int _validWithBlanks;
        private int _satisfied;

        // The valid indexes are multiples of 10^-10 (RoundIndex), summed as whole units in decimal: exact, so the
        // composite does not depend on the order of the respondents.
        private decimal _indexUnits;

        public Tally(SatisfactionQuestionnaire questionnaire, SatisfactionOptions options)
        {
            _questionnaire = questionnaire;
            _options = options;
            _countPerAnswer = new int[questionnaire.Count * SatisfactionOptions.HighestAnswer];
            _blanks = new int[questionnaire.Count];
        }

        public void Add(ReadOnlySpan<int?> row, SatisfactionScore score)
        {
            _countPerValidity[(int)score.Validity]++;
            if (!score.IsValid)
            {
                return;
            }

            if (score.BlankCount > 0)
            {
                _validWithBlanks++;
            }

            if (score.Satisfied)
            {
                _satisfied++;
            }

            _indexUnits += (long)Math.Round(score.Index!.Value * 1e10);
            for (int i = 0; i < row.Length; i++)
            {
                if (row[i] is int value)
                {
                    _countPerAnswer[(i * SatisfactionOptions.HighestAnswer) + value - 1]++;
                }
                else
                {
                    _blanks[i]++;
                }
            }
        }

        public SatisfactionSummary ToSummary()
        {
            int k = _questionnaire.Count;
            var items = new SatisfactionItemSummary[k];
            for (int i = 0; i < k; i++)
            {
                var counts = new int[SatisfactionOptions.HighestAnswer];
                Array.Copy(_countPerAnswer, i * SatisfactionOptions.HighestAnswer, counts, 0, counts.Length);
                items[i] = new SatisfactionItemSummary(_questionnaire.Items[i], _questionnaire.NormalisedWeights[i], counts, _blanks[i], _options.SatisfiedAnswer);
            }

            int valid = _countPerValidity[(int)SatisfactionValidity.Valid];
            double? composite = valid == 0 ? null : RoundIndex((double)(_indexUnits / valid / IndexUnitsPerPoint));
            return new SatisfactionSummary(_questionnaire, _options, (int[])_countPerValidity.Clone(), _validWithBlanks, _satisfied, composite, items);
        }
    }
}
