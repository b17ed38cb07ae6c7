namespace Moderation.Core.Metrics;

/// <summary>Rates at a threshold for a detector whose higher score means "more likely anomalous" (positive). AUROC and
/// AUPRC come from ML.NET (Moderation.Evaluation's <c>DetectionMetrics</c>).</summary>
public static class RankMetrics
{
    /// <summary>Fraction of <paramref name="scores"/> strictly above <paramref name="threshold"/> (FPR on negatives, TPR on positives).</summary>
    public static double FractionAbove(IReadOnlyList<double> scores, double threshold)
    {
        if (scores.Count == 0) throw new ArgumentException("no scores", nameof(scores));
        int above = 0;
        foreach (var s in scores) if (s > threshold) above++;
        return (double)above / scores.Count;
    }
}
