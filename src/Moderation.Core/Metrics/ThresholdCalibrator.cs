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

    /// <summary>
    /// Calibrates several scores of the same n normal images together for the verdict rule "flagged when any score
    /// exceeds its threshold": every score gets the same count k (its threshold the (k+1)-th largest of its scores, so
    /// k images lie strictly above it), k the largest for which at most <paramref name="budget"/> images lie above or
    /// on some threshold. The images a threshold sits on are counted because a fresh image is flagged when it ranks
    /// above them: with one score the threshold is the b-th largest score (b = ⌊α(n+1)⌋: the split-conformal quantile);
    /// with several, the union stays within the budget's rate (ConformalCalibration's tests simulate it). k lies between ≈ b/(2m)
    /// (scores never flag the same image) and b − 1 (they always do) and never goes below 1.
    /// </summary>
    /// <param name="normalScores">Per score, the scores of the same n held-out normal images (index i = image i).</param>
    /// <param name="budget">Images that may lie above or on a threshold, 1 ≤ budget &lt; n.</param>
    /// <returns>The thresholds, k/n and the share of the calibration images strictly above some threshold.</returns>
    /// <exception cref="ArgumentException">No score, lists of different lengths, a budget outside [1, n), a NaN score.</exception>
    public static JointCalibration Jointly(IReadOnlyList<IReadOnlyList<double>> normalScores, int budget)
    {
        ArgumentNullException.ThrowIfNull(normalScores);
        if (normalScores.Count == 0) throw new ArgumentException("no scores to calibrate", nameof(normalScores));
        int n = normalScores[0].Count;
        if (normalScores.Any(s => s.Count != n)) throw new ArgumentException("every score needs the same images", nameof(normalScores));
        if (budget < 1 || budget >= n) throw new ArgumentException($"a budget of {budget} of {n} images is outside [1, n)", nameof(budget));

        // Counts, not rates: the threshold letting k of n images through is the (n − k)-th smallest score.
        var sorted = normalScores.Select(s => s.ToArray()).ToArray();
        foreach (var scores in sorted)
        {
            if (scores.Any(double.IsNaN)) throw new ArgumentException("a normal score is NaN", nameof(normalScores));
            Array.Sort(scores);
        }
        for (int k = Math.Min(budget, n - 1); ; k--)
        {
            var thresholds = sorted.Select(scores => scores[n - k - 1]).ToArray();
            int Count(bool onThreshold) => Enumerable.Range(0, n).Count(i => Enumerable.Range(0, thresholds.Length)
                .Any(j => normalScores[j][i] > thresholds[j] || (onThreshold && normalScores[j][i] == thresholds[j])));
            if (Count(onThreshold: true) <= budget || k == 1) // k = 1: each score lets at most one image through
                return new JointCalibration(thresholds, (double)k / n, (double)Count(onThreshold: false) / n);
        }
    }
}
