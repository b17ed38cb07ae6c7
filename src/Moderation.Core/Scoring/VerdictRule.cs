using Moderation.Core.Models;

namespace Moderation.Core.Scoring;

/// <summary>
/// The pure part of a verdict, shared by the streaming service and the offline <c>score</c> command: a post is flagged
/// when any score is strictly greater than its calibrated threshold (<see cref="ScoreThreshold.Value"/>), and the
/// reasons are the names of those scores, in threshold order.
/// </summary>
public sealed class VerdictRule
{
    private readonly IReadOnlyList<ScoreThreshold> thresholds;
    private readonly IReadOnlyList<string> scoreNames;
    private readonly int[] thresholdColumns;

    /// <summary>Matches each threshold to the scorer's column of the same name.</summary>
    /// <param name="thresholds">The model card's thresholds.</param>
    /// <param name="scoreNames">The scorer's <see cref="IBatchScorer.ScoreNames"/>, in column order.</param>
    /// <param name="modelVersion">Model version, for the error message.</param>
    /// <exception cref="InvalidOperationException">A threshold names a score the scorer does not produce.</exception>
    public VerdictRule(IReadOnlyList<ScoreThreshold> thresholds, IReadOnlyList<string> scoreNames, string modelVersion)
    {
        this.thresholds = thresholds;
        this.scoreNames = scoreNames;
        thresholdColumns = new int[thresholds.Count];
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var t = 0; t < thresholds.Count; t++)
        {
            thresholdColumns[t] = IndexOf(scoreNames, thresholds[t].Reason);
            if (thresholdColumns[t] < 0)
            {
                throw new InvalidOperationException(
                    $"Threshold '{thresholds[t].Reason}' of model {modelVersion} has no score; the scorer produces [{string.Join(", ", scoreNames)}].");
            }

            values[thresholds[t].Reason] = thresholds[t].Value;
        }

        Thresholds = values;
    }

    /// <summary>Score name → threshold, as written into every verdict.</summary>
    public IReadOnlyDictionary<string, double> Thresholds { get; }

    /// <summary>Judges one score row.</summary>
    /// <param name="scores">One value per score name, in <c>scoreNames</c> order.</param>
    /// <returns>Score name → value, and the names of the scores over their threshold (empty: not flagged).</returns>
    public (IReadOnlyDictionary<string, double> Scores, IReadOnlyList<string> Reasons) Judge(ReadOnlySpan<float> scores)
    {
        var scoreMap = new Dictionary<string, double>(scoreNames.Count, StringComparer.Ordinal);
        for (var c = 0; c < scoreNames.Count; c++)
        {
            scoreMap[scoreNames[c]] = scores[c];
        }

        var reasons = new List<string>();
        for (var t = 0; t < thresholdColumns.Length; t++)
        {
            if (scores[thresholdColumns[t]] > thresholds[t].Value)
            {
                reasons.Add(thresholds[t].Reason);
            }
        }

        return (scoreMap, reasons);
    }

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (string.Equals(names[i], name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
