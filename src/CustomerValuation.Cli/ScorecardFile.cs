using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using CustomerValuation.Tiering;

namespace CustomerValuation.Cli;

/// <summary>A scorecard read from a JSON file, with what the <c>tier</c> command needs besides the library objects.</summary>
/// <param name="Scorecard">The scorecard (weights from the criteria or from the AHP matrix).</param>
/// <param name="Columns">The CSV column of each criterion, in criterion order.</param>
/// <param name="Tiers">The tier rule, or null when the file has no <c>tiers</c>.</param>
/// <param name="TiersPath">The JSON path of the tier list (<c>$.tiers.atLeast</c>, …), or null.</param>
/// <param name="Ahp">The AHP analysis, or null when the weights were given per criterion.</param>
internal sealed record ScorecardDefinition(Scorecard Scorecard, IReadOnlyList<string> Columns, TierRule? Tiers, string? TiersPath, AhpResult? Ahp);

/// <summary>
/// Reads the JSON scorecard of the <c>tier</c> command (format: docs/tiering.md, "Command line: tier"). The file is
/// checked by hand, so that every error names the file and the JSON path of the offending element
/// (<c>$.criteria[2].normalization.clip</c>); errors the library raises while the scorecard is
/// built are traced back to their element too.
/// </summary>
internal static partial class ScorecardFile
{
    private static readonly string[] s_rootProperties = ["criteria", "ahp", "ahpConsistencyLimit", "missing", "minimumCriteriaShare", "scale", "tiers"];
    private static readonly string[] s_criterionProperties = ["name", "column", "direction", "normalization", "weight", "substitute"];
    private static readonly string[] s_tierKinds = ["atLeast", "atMost", "quotas"];

    public static ScorecardDefinition Read(string path)
    {
        JsonDocument document = JsonFile.Parse(path, "Scorecard");

        using (document)
        {
            return new Reader(path).Root(document.RootElement);
        }
    }

    [GeneratedRegex("^Band ([0-9]+) starts")]
    private static partial Regex BandIndex();

    [GeneratedRegex(@"\[([0-9]+), ([0-9]+)\]")]
    private static partial Regex MatrixCell();

    [GeneratedRegex("^Tier '(.*)' (is given twice|has bound|has share)")]
    private static partial Regex TierLabel();

    [GeneratedRegex(@"^Tier ([0-9]+) has no label")]
    private static partial Regex TierIndex();

    private sealed class Reader(string file)
    {
        public ScorecardDefinition Root(JsonElement root)
        {
            Dictionary<string, JsonElement> top = Properties(root, "$", s_rootProperties);
            if (!top.TryGetValue("criteria", out JsonElement criteriaElement))
            {
                throw Error("$", "no \"criteria\"; give an array of criteria, each with a name, a direction, a normalization and a weight.");
            }

            MissingValuePolicy missing = MissingValuePolicy.Reject;
            if (top.TryGetValue("missing", out JsonElement missingElement))
            {
                missing = Text(missingElement, "$.missing") switch
                {
                    "reject" => MissingValuePolicy.Reject,
                    "substitute" => MissingValuePolicy.Substitute,
                    "renormalize" => MissingValuePolicy.RenormalizeWeights,
                    string other => throw Error("$.missing", $"unknown policy '{other}'; use reject, substitute or renormalize."),
                };
            }

            bool hasAhp = top.TryGetValue("ahp", out JsonElement ahpElement);
            (List<Criterion> criteria, List<string> columns, string? firstWeightPath) = Criteria(criteriaElement, missing);
            if (hasAhp && firstWeightPath is not null)
            {
                throw Error("$.ahp", $"give the weights either per criterion or as an AHP matrix, not both (there is a weight at {firstWeightPath}); remove one.");
            }

            if (!hasAhp && top.ContainsKey("ahpConsistencyLimit"))
            {
                throw Error("$.ahpConsistencyLimit", "a consistency limit without an \"ahp\" matrix; add the matrix or remove the limit.");
            }

            double minimumShare = top.TryGetValue("minimumCriteriaShare", out JsonElement shareElement) ? Number(shareElement, "$.minimumCriteriaShare") : 0.5;
            double scale = top.TryGetValue("scale", out JsonElement scaleElement) ? Number(scaleElement, "$.scale") : 100;
            Scorecard scorecard;
            try
            {
                scorecard = new Scorecard(criteria, missing, minimumShare, scale);
            }
            catch (ArgumentException e)
            {
                string at = e.ParamName switch
                {
                    "minimumCriteriaShare" => "$.minimumCriteriaShare",
                    "scale" => "$.scale",
                    "missingValues" => "$.missing",
                    _ => "$.criteria",
                };
                throw Library(at, e);
            }

            AhpResult? ahp = null;
            if (hasAhp)
            {
                double limit = top.TryGetValue("ahpConsistencyLimit", out JsonElement limitElement) ? Number(limitElement, "$.ahpConsistencyLimit") : 0.10;
                double[,] matrix = Matrix(ahpElement, criteria.Count);
                try
                {
                    ahp = Ahp.Analyze(matrix, limit);
                }
                catch (ArgumentException e) when (e.ParamName == "consistencyLimit")
                {
                    throw Library("$.ahpConsistencyLimit", e);
                }
                catch (ArgumentException e)
                {
                    Match cell = MatrixCell().Match(e.Message);
                    string at = "$.ahp";
                    string hint = string.Empty;
                    if (cell.Success)
                    {
                        int i = int.Parse(cell.Groups[1].Value, CultureInfo.InvariantCulture);
                        int j = int.Parse(cell.Groups[2].Value, CultureInfo.InvariantCulture);
                        bool reciprocity = e.Message.Contains("not reciprocal", StringComparison.Ordinal);

                        // The library names the upper cell first; a reciprocal is usually the lower one, written as a decimal.
                        at = reciprocity ? $"$.ahp[{j}][{i}]" : $"$.ahp[{i}][{j}]";
                        hint = reciprocity ? string.Format(CultureInfo.InvariantCulture, " Write it as the string \"1/{0}\", or with at least 7 significant digits.", matrix[i, j]) : string.Empty;
                    }

                    throw new CliException($"{file}: {at}: {CliException.OneLine(e)}{hint}", e);
                }

                try
                {
                    scorecard = scorecard.WithAhpWeights(ahp);
                }
                catch (ArgumentException e)
                {
                    throw new CliException($"{file}: $.ahp: {CliException.OneLine(e)} (The limit is $.ahpConsistencyLimit, 0.10 by default.)", e);
                }
            }

            TierRule? rule = null;
            string? tiersPath = null;
            if (top.TryGetValue("tiers", out JsonElement tiersElement))
            {
                (rule, tiersPath) = Tiers(tiersElement);
            }

            return new ScorecardDefinition(scorecard, columns, rule, tiersPath, ahp);
        }

        private (List<Criterion> Criteria, List<string> Columns, string? FirstWeightPath) Criteria(JsonElement element, MissingValuePolicy missing)
        {
            if (element.ValueKind != JsonValueKind.Array || element.GetArrayLength() == 0)
            {
                throw Error("$.criteria", $"expected a non-empty array of criteria, got {Describe(element)}.");
            }

            var criteria = new List<Criterion>();
            var columns = new List<string>();
            var names = new Dictionary<string, int>(StringComparer.Ordinal);
            string? firstWeightPath = null;
            int index = 0;
            foreach (JsonElement item in element.EnumerateArray())
            {
                string p = string.Format(CultureInfo.InvariantCulture, "$.criteria[{0}]", index);
                Dictionary<string, JsonElement> c = Properties(item, p, s_criterionProperties);
                if (!c.TryGetValue("name", out JsonElement nameElement))
                {
                    throw Error(p, "no \"name\"; every criterion needs one (it names the output column contribution_<name>).");
                }

                string name = NonBlank(nameElement, p + ".name");
                if (names.TryGetValue(name, out int first))
                {
                    throw Error(p + ".name", string.Format(CultureInfo.InvariantCulture, "the name '{0}' is already used by $.criteria[{1}]; names must be unique (set \"column\" to score one column twice).", name, first));
                }

                names.Add(name, index);
                string column = c.TryGetValue("column", out JsonElement columnElement) ? NonBlank(columnElement, p + ".column") : name;
                CriterionDirection direction = CriterionDirection.HigherIsBetter;
                if (c.TryGetValue("direction", out JsonElement directionElement))
                {
                    direction = Text(directionElement, p + ".direction") switch
                    {
                        "higher" => CriterionDirection.HigherIsBetter,
                        "lower" => CriterionDirection.LowerIsBetter,
                        string other => throw Error(p + ".direction", $"unknown direction '{other}'; use higher (larger values are better) or lower."),
                    };
                }

                if (!c.TryGetValue("normalization", out JsonElement normalizationElement))
                {
                    throw Error(p, "no \"normalization\"; use \"minmax\", \"rank\", \"zscore\", or an object with \"type\" bands or scored.");
                }

                CriterionNormalization normalization = Normalization(normalizationElement, p + ".normalization");
                double weight = 1;
                if (c.TryGetValue("weight", out JsonElement weightElement))
                {
                    weight = Number(weightElement, p + ".weight");
                    firstWeightPath ??= p + ".weight";
                }

                double? substitute = c.TryGetValue("substitute", out JsonElement substituteElement) ? Number(substituteElement, p + ".substitute") : null;
                if (missing == MissingValuePolicy.Substitute && substitute is null)
                {
                    throw Error(p, "\"missing\" is \"substitute\" but this criterion has no \"substitute\" value; give one, or choose another \"missing\" policy.");
                }

                try
                {
                    criteria.Add(new Criterion(name, direction, normalization, weight, substitute));
                }
                catch (ArgumentException e)
                {
                    string at = e.ParamName switch
                    {
                        "weight" => p + ".weight",
                        "substitute" => p + ".substitute",
                        "direction" => p + ".direction",
                        "name" => p + ".name",
                        _ => p,
                    };
                    throw Library(at, e);
                }

                columns.Add(column);
                index++;
            }

            return (criteria, columns, firstWeightPath);
        }

        private CriterionNormalization Normalization(JsonElement element, string path)
        {
            if (element.ValueKind == JsonValueKind.String)
            {
                return element.GetString()! switch
                {
                    "minmax" => CriterionNormalization.MinMax,
                    "rank" => CriterionNormalization.RankPercentile,
                    "zscore" => CriterionNormalization.ZScore(),
                    "bands" => throw Error(path, "bands need their bands; write {\"type\": \"bands\", \"bands\": [{\"from\": 0, \"points\": 10}, …]}."),
                    "scored" => throw Error(path, "an already-scored criterion needs its scale; write {\"type\": \"scored\", \"min\": 1, \"max\": 5}."),
                    string other => throw Error(path, $"unknown normalization '{other}'; use minmax, rank, zscore, or an object with \"type\" bands or scored."),
                };
            }

            if (element.ValueKind != JsonValueKind.Object)
            {
                throw Error(path, $"expected a string (minmax, rank, zscore) or an object with \"type\", got {Describe(element)}.");
            }

            if (!element.TryGetProperty("type", out JsonElement typeElement))
            {
                throw Error(path, "no \"type\"; use minmax, rank, zscore, bands or scored.");
            }

            string type = Text(typeElement, path + ".type");
            try
            {
                switch (type)
                {
                    case "minmax":
                        Properties(element, path, "type");
                        return CriterionNormalization.MinMax;
                    case "rank":
                        Properties(element, path, "type");
                        return CriterionNormalization.RankPercentile;
                    case "zscore":
                        {
                            Dictionary<string, JsonElement> z = Properties(element, path, "type", "clip");
                            return CriterionNormalization.ZScore(z.TryGetValue("clip", out JsonElement clip) ? Number(clip, path + ".clip") : 3);
                        }

                    case "scored":
                        {
                            Dictionary<string, JsonElement> s = Properties(element, path, "type", "min", "max");
                            double min = s.TryGetValue("min", out JsonElement minElement) ? Number(minElement, path + ".min") : throw Error(path, "no \"min\"; an already-scored criterion needs its scale's lower end.");
                            double max = s.TryGetValue("max", out JsonElement maxElement) ? Number(maxElement, path + ".max") : throw Error(path, "no \"max\"; an already-scored criterion needs its scale's upper end.");
                            return CriterionNormalization.AlreadyScored(min, max);
                        }

                    case "bands":
                        return Bands(Properties(element, path, "type", "bands"), path);
                    default:
                        throw Error(path + ".type", $"unknown normalization type '{type}'; use minmax, rank, zscore, bands or scored.");
                }
            }
            catch (ArgumentException e)
            {
                string at = e.ParamName switch
                {
                    "clip" => path + ".clip",
                    "minimum" => path + ".min",
                    "maximum" => path + ".max",
                    _ => path,
                };
                throw Library(at, e);
            }
        }

        private CriterionNormalization Bands(Dictionary<string, JsonElement> properties, string path)
        {
            string listPath = path + ".bands";
            if (!properties.TryGetValue("bands", out JsonElement list))
            {
                throw Error(path, "no \"bands\"; give an array such as [{\"from\": 0, \"points\": 10}, {\"from\": 1, \"points\": 6}].");
            }

            if (list.ValueKind != JsonValueKind.Array)
            {
                throw Error(listPath, $"expected an array of bands, got {Describe(list)}.");
            }

            var bands = new List<ScoreBand>();
            int k = 0;
            foreach (JsonElement item in list.EnumerateArray())
            {
                string p = string.Format(CultureInfo.InvariantCulture, "{0}[{1}]", listPath, k);
                Dictionary<string, JsonElement> b = Properties(item, p, "from", "points");
                double from = b.TryGetValue("from", out JsonElement fromElement) ? Number(fromElement, p + ".from") : throw Error(p, "no \"from\" (the band's smallest value).");
                double points = b.TryGetValue("points", out JsonElement pointsElement) ? Number(pointsElement, p + ".points") : throw Error(p, "no \"points\".");
                try
                {
                    bands.Add(new ScoreBand(from, points));
                }
                catch (ArgumentException e)
                {
                    throw Library(e.ParamName == "from" ? p + ".from" : p + ".points", e);
                }

                k++;
            }

            try
            {
                return CriterionNormalization.Bands(bands);
            }
            catch (ArgumentException e)
            {
                Match band = BandIndex().Match(e.Message);
                throw Library(band.Success ? $"{listPath}[{band.Groups[1].Value}].from" : listPath, e);
            }
        }

        private double[,] Matrix(JsonElement element, int n)
        {
            if (element.ValueKind != JsonValueKind.Array)
            {
                throw Error("$.ahp", $"expected an array of rows, got {Describe(element)}.");
            }

            if (element.GetArrayLength() != n)
            {
                throw Error("$.ahp", string.Format(CultureInfo.InvariantCulture, "the matrix has {0} rows but there are {1} criteria; give one row and one column per criterion, in the order of \"criteria\".", element.GetArrayLength(), n));
            }

            var matrix = new double[n, n];
            int i = 0;
            foreach (JsonElement row in element.EnumerateArray())
            {
                string rowPath = string.Format(CultureInfo.InvariantCulture, "$.ahp[{0}]", i);
                if (row.ValueKind != JsonValueKind.Array || row.GetArrayLength() != n)
                {
                    throw Error(rowPath, string.Format(CultureInfo.InvariantCulture, "expected a row of {0} numbers (one per criterion), got {1}.", n, row.ValueKind == JsonValueKind.Array ? row.GetArrayLength().ToString(CultureInfo.InvariantCulture) + " entries" : Describe(row)));
                }

                int j = 0;
                foreach (JsonElement entry in row.EnumerateArray())
                {
                    matrix[i, j] = Judgement(entry, string.Format(CultureInfo.InvariantCulture, "{0}[{1}]", rowPath, j));
                    j++;
                }

                i++;
            }

            return matrix;
        }

        /// <summary>A pairwise judgement: a number, or a string holding a number or a fraction such as "1/3".</summary>
        private double Judgement(JsonElement entry, string path)
        {
            if (entry.ValueKind != JsonValueKind.String)
            {
                return Number(entry, path);
            }

            string text = entry.GetString()!;
            string[] parts = text.Split('/');
            if (parts.Length <= 2 && double.TryParse(parts[0].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
            {
                if (parts.Length == 2)
                {
                    value = double.TryParse(parts[1].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double denominator) && denominator != 0
                        ? value / denominator
                        : double.NaN;
                }

                if (double.IsFinite(value))
                {
                    return value;
                }
            }

            throw Error(path, $"'{text}' is not a number or a fraction such as \"1/3\".");
        }

        private (TierRule Rule, string Path) Tiers(JsonElement element)
        {
            Dictionary<string, JsonElement> t = Properties(element, "$.tiers", s_tierKinds);
            if (t.Count != 1)
            {
                throw Error("$.tiers", $"give exactly one of \"atLeast\", \"atMost\" or \"quotas\" (got {(t.Count == 0 ? "none" : string.Join(", ", t.Keys.Select(k => "\"" + k + "\"")))}).");
            }

            (string kind, JsonElement list) = t.First();
            string listPath = "$.tiers." + kind;
            string boundName = kind == "quotas" ? "share" : "bound";
            if (list.ValueKind != JsonValueKind.Array)
            {
                throw Error(listPath, $"expected an array of {{\"tier\": …, \"{boundName}\": …}}, best tier first; got {Describe(list)}.");
            }

            var bounds = new List<TierBound>();
            int k = 0;
            foreach (JsonElement item in list.EnumerateArray())
            {
                string p = string.Format(CultureInfo.InvariantCulture, "{0}[{1}]", listPath, k);
                Dictionary<string, JsonElement> b = Properties(item, p, "tier", boundName);
                string label = b.TryGetValue("tier", out JsonElement tierElement) ? Text(tierElement, p + ".tier") : throw Error(p, "no \"tier\" (the tier's label).");
                double bound = b.TryGetValue(boundName, out JsonElement boundElement) ? Number(boundElement, p + "." + boundName) : throw Error(p, $"no \"{boundName}\".");
                bounds.Add(new TierBound(label, bound));
                k++;
            }

            try
            {
                TierBound[] array = bounds.ToArray();
                TierRule rule = kind switch
                {
                    "atLeast" => TierRule.AtLeast(array),
                    "atMost" => TierRule.AtMost(array),
                    _ => TierRule.Quotas(array),
                };
                return (rule, listPath);
            }
            catch (ArgumentException e)
            {
                string at = listPath;
                Match labelled = TierLabel().Match(e.Message);
                Match numbered = TierIndex().Match(e.Message);
                if (labelled.Success)
                {
                    string label = labelled.Groups[1].Value;
                    bool twice = labelled.Groups[2].Value == "is given twice";
                    int position = twice ? bounds.FindIndex(bounds.FindIndex(x => x.Tier == label) + 1, x => x.Tier == label) : bounds.FindIndex(x => x.Tier == label);
                    if (position >= 0)
                    {
                        at = string.Format(CultureInfo.InvariantCulture, "{0}[{1}].{2}", listPath, position, twice ? "tier" : boundName);
                    }
                }
                else if (numbered.Success)
                {
                    at = $"{listPath}[{numbered.Groups[1].Value}].tier";
                }

                throw Library(at, e);
            }
        }

        // The JSON checks shared with the lost command's files (JsonFile); the names stay for the many call sites here.
        private readonly JsonFile _json = new(file);

        private Dictionary<string, JsonElement> Properties(JsonElement element, string path, params string[] allowed) => _json.Properties(element, path, allowed);

        private double Number(JsonElement element, string path) => _json.Number(element, path);

        private string Text(JsonElement element, string path) => _json.Text(element, path);

        private string NonBlank(JsonElement element, string path) => _json.NonBlank(element, path);

        private static string Describe(JsonElement element) => JsonFile.Describe(element);

        private CliException Error(string path, string message) => _json.Error(path, message);

        /// <summary>A library argument error, reported at a JSON path, with the offending value when the library gives it.</summary>
        private CliException Library(string path, ArgumentException e)
        {
            string message = CliException.OneLine(e).Replace("give the criterion as HigherIsBetter", "give the criterion \"direction\": \"higher\"", StringComparison.Ordinal);
            if (e is ArgumentOutOfRangeException { ActualValue: double value })
            {
                message += " Got " + value.ToString("R", CultureInfo.InvariantCulture) + ".";
            }

            return new CliException($"{file}: {path}: {message}", e);
        }
    }
}
