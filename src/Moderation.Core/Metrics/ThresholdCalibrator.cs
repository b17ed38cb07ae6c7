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
    /// Calibrates several scores of the same normal images together for the verdict rule "flagged when any score exceeds
    /// its threshold": every score gets the same per-score rate α = k/n, with k the largest count such that at most
    /// ⌊FPR·n⌋ of the n images have a score above its threshold. α lies between FPR/m (scores never flag the same image)
    /// and FPR (they always do), so the union's false-positive rate is the target instead of up to m times it.
    /// </summary>
    /// <param name="normalScores">Per score, the scores of the same n held-out normal images (index i = image i).</param>
    /// <param name="targetFpr">Target false-positive rate of the union, in (0,1), e.g. 0.01.</param>
    /// <returns>The thresholds, α and the union's rate on the calibration images.</returns>
    /// <exception cref="ArgumentException">No score, score lists of different lengths, fewer than ⌈m/FPR⌉ images
    /// (some score would get no allowance), a NaN score, or a target outside (0,1).</exception>
    public static JointCalibration Jointly(IReadOnlyList<IReadOnlyList<double>> normalScores, double targetFpr)
    {
        ArgumentNullException.ThrowIfNull(normalScores);
        if (normalScores.Count == 0) throw new ArgumentException("no scores to calibrate", nameof(normalScores));
        if (targetFpr is <= 0 or >= 1) throw new ArgumentException($"target FPR {targetFpr} is not in (0,1)", nameof(targetFpr));
        int n = normalScores[0].Count;
        if (normalScores.Any(s => s.Count != n)) throw new ArgumentException("every score needs the same images", nameof(normalScores));
        int allowed = (int)Math.Floor(targetFpr * n + 1e-9);
        if (allowed < normalScores.Count)
            throw new ArgumentException($"calibrating {normalScores.Count} scores at FPR {targetFpr} needs at least {Math.Ceiling(normalScores.Count / targetFpr)} normal images, got {n}", nameof(normalScores));
        return JointlyAtMost(normalScores, allowed, countImagesOnThreshold: false);
    }

    /// <summary>
    /// The joint calibration with an explicit budget: every score gets the same count k (its threshold the (k+1)-th
    /// largest of its n scores, so k images lie strictly above it), k the largest for which at most
    /// <paramref name="budget"/> images are counted. Counted: images with some score above its threshold, and with
    /// <paramref name="countImagesOnThreshold"/> also the images a threshold sits on (a fresh image is flagged when it
    /// ranks above the threshold image, so counting those keeps a finite-sample, conformal budget valid for the union).
    /// k never goes below 1.
    /// </summary>
    /// <param name="normalScores">Per score, the scores of the same n held-out normal images.</param>
    /// <param name="budget">Images that may be counted, 1 ≤ budget &lt; n.</param>
    /// <param name="countImagesOnThreshold">Count the images each threshold sits on as well.</param>
    /// <exception cref="ArgumentException">No score, lists of different lengths, a budget outside [1, n), a NaN score.</exception>
    public static JointCalibration JointlyAtMost(IReadOnlyList<IReadOnlyList<double>> normalScores, int budget, bool countImagesOnThreshold)
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
            if (Count(countImagesOnThreshold) <= budget || k == 1) // k = 1: each score lets at most one image through
                return new JointCalibration(thresholds, (double)k / n, (double)Count(false) / n);
        }
    }
}
