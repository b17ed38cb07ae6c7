namespace Moderation.Core.Metrics;

/// <summary>Threshold calibration from normal data only (no anomalies needed).</summary>
public static class ThresholdCalibrator
{
    /// <summary>
    /// The smallest threshold t among the normal scores such that the fraction of normal scores strictly above t is at
    /// most <paramref name="targetFpr"/>: t = the ⌈(1 − FPR)·n⌉-th smallest score (the empirical (1 − FPR)-quantile).
    /// Flag rule: score &gt; t.
    /// </summary>
    /// <param name="normalScores">Scores of held-out normal images (higher = more suspicious).</param>
    /// <param name="targetFpr">Target false-positive rate in (0,1), e.g. 0.01.</param>
    /// <exception cref="ArgumentException">Fewer than ⌈1/FPR⌉ scores (the quantile would be the maximum and
    /// meaningless), a NaN score, or a target outside (0,1).</exception>
    public static double AtFalsePositiveRate(IReadOnlyList<double> normalScores, double targetFpr)
    {
        if (targetFpr is <= 0 or >= 1) throw new ArgumentException($"target FPR {targetFpr} is not in (0,1)", nameof(targetFpr));
        int minimum = (int)Math.Ceiling(1 / targetFpr);
        if (normalScores.Count < minimum)
            throw new ArgumentException($"calibrating at FPR {targetFpr} needs at least {minimum} normal scores, got {normalScores.Count}", nameof(normalScores));
        var sorted = normalScores.ToArray();
        if (sorted.Any(double.IsNaN)) throw new ArgumentException("a normal score is NaN", nameof(normalScores));
        Array.Sort(sorted);
        int k = (int)Math.Ceiling((1 - targetFpr) * sorted.Length) - 1; // 0-based index of the quantile
        return sorted[Math.Clamp(k, 0, sorted.Length - 1)];
    }
}
