using System.Text.Json.Serialization;

namespace Moderation.Evaluation.Results;

/// <summary>
/// Counts of normal test and anomalous scores in equal-width bins over [<see cref="Lower"/>, <see cref="Upper"/>].
/// The range spans the 0.5–99.5 % quantiles of both sets and the threshold, so that a few extreme scores do not squash
/// the plot; scores outside it are counted in the first or last bin.
/// </summary>
public sealed record ScoreHistogram
{
    /// <summary>Default number of bins: 40.</summary>
    public const int DefaultBins = 40;

    /// <summary>Left edge of the first bin, in score units.</summary>
    [JsonPropertyName("lower")] public required double Lower { get; init; }
    /// <summary>Right edge of the last bin, in score units; greater than <see cref="Lower"/>.</summary>
    [JsonPropertyName("upper")] public required double Upper { get; init; }

    /// <summary>Normal test scores per bin.</summary>
    [JsonPropertyName("normalCounts")]
    [JsonConverter(typeof(InlineArrayConverter<int>))]
    public required IReadOnlyList<int> NormalCounts { get; init; }

    /// <summary>Anomalous scores per bin, same length as <see cref="NormalCounts"/>.</summary>
    [JsonPropertyName("anomalousCounts")]
    [JsonConverter(typeof(InlineArrayConverter<int>))]
    public required IReadOnlyList<int> AnomalousCounts { get; init; }

    /// <summary>Bins both score sets over a common range that also contains <paramref name="threshold"/>.</summary>
    /// <param name="normal">Normal test scores (non-empty, no NaN).</param>
    /// <param name="anomalous">Anomalous scores (non-empty, no NaN).</param>
    /// <param name="threshold">The calibrated threshold, kept inside the range; must be finite.</param>
    /// <param name="bins">Number of bins, at least 1.</param>
    /// <exception cref="ArgumentException">A set is empty, has no finite score or holds NaN, or the threshold is not
    /// finite.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bins"/> is less than 1.</exception>
    public static ScoreHistogram Compute(IReadOnlyList<double> normal, IReadOnlyList<double> anomalous, double threshold, int bins = DefaultBins)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 1);
        if (!double.IsFinite(threshold)) throw new ArgumentException($"threshold {threshold} is not finite", nameof(threshold));
        var n = Sorted(normal, nameof(normal));
        var a = Sorted(anomalous, nameof(anomalous));
        double lower = Math.Min(threshold, Math.Min(Quantile(n, 0.005), Quantile(a, 0.005)));
        double upper = Math.Max(threshold, Math.Max(Quantile(n, 0.995), Quantile(a, 0.995)));
        if (upper - lower <= 0)
        {
            double pad = Math.Max(Math.Abs(lower) * 0.05, 0.5);
            (lower, upper) = (lower - pad, upper + pad);
        }
        return new ScoreHistogram { Lower = lower, Upper = upper, NormalCounts = Count(n, lower, upper, bins), AnomalousCounts = Count(a, lower, upper, bins) };
    }

    private static double[] Sorted(IReadOnlyList<double> scores, string name)
    {
        ArgumentNullException.ThrowIfNull(scores, name);
        if (scores.Count == 0) throw new ArgumentException("no scores", name);
        if (scores.Any(double.IsNaN)) throw new ArgumentException("a score is NaN", name);
        var sorted = scores.ToArray();
        Array.Sort(sorted);
        return sorted;
    }

    /// <summary>Empirical quantile of the finite scores (±∞ only land in the edge bins).</summary>
    private static double Quantile(double[] sorted, double q)
    {
        var finite = sorted.Where(double.IsFinite).ToArray();
        if (finite.Length == 0) throw new ArgumentException("no finite score to bin");
        return finite[(int)Math.Floor(q * (finite.Length - 1))];
    }

    private static int[] Count(double[] scores, double lower, double upper, int bins)
    {
        var counts = new int[bins];
        double width = (upper - lower) / bins;
        foreach (var s in scores)
            counts[s <= lower ? 0 : s >= upper ? bins - 1 : Math.Min((int)((s - lower) / width), bins - 1)]++;
        return counts;
    }
}
