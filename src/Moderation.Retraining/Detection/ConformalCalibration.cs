using Moderation.Core.Metrics;

namespace Moderation.Retraining.Detection;

/// <summary>
/// The verdict's thresholds with a finite-sample (split-conformal) allowance: of n calibration images, at most
/// k = ⌊α·(n+1)⌋ − 1 may be flagged, so that a fresh exchangeable normal image is flagged with probability
/// (k+1)/(n+1) ≤ α (Vovk et al. 2005; Angelopoulos &amp; Bates 2021, "A Gentle Introduction to Conformal Prediction",
/// section 1), instead of the plain empirical quantile's ⌊α·n⌋, which lets through ≈ (⌊α·n⌋+1)/(n+1) &gt; α.
/// The union over several scores is calibrated with <see cref="ThresholdCalibrator.Jointly"/>: each score gets
/// the same count, the largest for which at most k + 1 calibration images lie above or on some threshold. Counting the
/// images the thresholds sit on matters: counting only those above let the union through 1.06 % of fresh images at
/// α = 1 % (three scores of correlation 0.5, n = 1,200, 3,000 simulated draws); counting them gives 0.95–1.00 % for
/// correlations 0, 0.5 and 0.9 and n = 1,200 or 3,000.
/// </summary>
public static class ConformalCalibration
{
    /// <summary>k = ⌊α·(n+1)⌋ − 1 (<see cref="Exceedances.ConformalAllowance"/>), the calibration images the verdict may flag (≥ 0).</summary>
    /// <exception cref="ArgumentOutOfRangeException">n &lt; 0 or α outside (0,1).</exception>
    public static int Allowance(int count, double targetFpr) => Exceedances.ConformalAllowance(count, targetFpr);

    /// <summary>The fewest calibration images that give each of <paramref name="scoreCount"/> scores an allowance of at
    /// least one image: k ≥ m ⇔ ⌊α·(n+1)⌋ ≥ m + 1 ⇔ n ≥ ⌈(m+1)/α⌉ − 1 (399 for three scores at α = 1 %).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="scoreCount"/> &lt; 1 or α outside (0,1).</exception>
    public static int MinimumImages(int scoreCount, double targetFpr)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(scoreCount, 1);
        if (targetFpr is <= 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(targetFpr), targetFpr, "target FPR is not in (0,1)");
        return (int)Math.Ceiling((scoreCount + 1) / targetFpr - 1e-9) - 1;
    }

    /// <summary>Thresholds for "any score above its threshold" that flag at most <see cref="Allowance"/> of the calibration images.</summary>
    /// <param name="normalScores">Per score, the scores of the same n held-out normal images.</param>
    /// <param name="targetFpr">α in (0,1).</param>
    /// <exception cref="ArgumentException">Fewer than <see cref="MinimumImages"/> images, α outside (0,1), or as
    /// <see cref="ThresholdCalibrator.Jointly"/> (lists of different lengths, a NaN score).</exception>
    public static JointCalibration Jointly(IReadOnlyList<IReadOnlyList<double>> normalScores, double targetFpr)
    {
        ArgumentNullException.ThrowIfNull(normalScores);
        if (normalScores.Count == 0) throw new ArgumentException("no scores to calibrate", nameof(normalScores));
        if (targetFpr is <= 0 or >= 1) throw new ArgumentException($"target FPR {targetFpr} is not in (0,1)", nameof(targetFpr));
        int n = normalScores[0].Count, allowed = Allowance(n, targetFpr), minimum = MinimumImages(normalScores.Count, targetFpr);
        if (n < minimum)
            throw new ArgumentException($"calibrating {normalScores.Count} scores at FPR {targetFpr} with a conformal allowance needs at least {minimum} normal images, got {n}", nameof(normalScores));
        // k + 1 = ⌊α·(n+1)⌋ images counted, those a threshold sits on included: with one score exactly the conformal
        // quantile; with several, the union stays at or under α (ConformalCalibrationTests: three correlated scores)
        return ThresholdCalibrator.Jointly(normalScores, allowed + 1);
    }

    /// <summary>The chance that a verdict calibrated on <paramref name="calibrationImages"/> exchangeable normal images
    /// lands inside <paramref name="interval"/> on fresh ones: given the calibration images, one score's rate above the
    /// l-th largest of n scores (l = ⌊α(n+1)⌋) is Beta(l, n + 1 − l) distributed (Vovk 2012, "Conditional validity of
    /// inductive conformal predictors"; Angelopoulos &amp; Bates 2021, section 3.2), so the fresh images' count is
    /// BetaBinomial. For the joint rule, which keeps the union at or under the same rate in simulation, a reference,
    /// not an exact value. Example: 1,200 calibration and 1,000 test images at 1 % → 0.908 (2,400 → 0.943).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Fewer calibration images than give l ≥ 1.</exception>
    public static double ChanceInside(BinomialInterval interval, int calibrationImages)
    {
        ArgumentNullException.ThrowIfNull(interval);
        int l = Exceedances.ConformalRank(calibrationImages, interval.Rate);
        if (l < 1)
            throw new ArgumentOutOfRangeException(nameof(calibrationImages), calibrationImages, $"too few calibration images for a rate of {interval.Rate}");
        return interval.Probability(l, calibrationImages + 1 - l);
    }

    /// <summary>Share of images with at least one score above its threshold (scores[j][i]: score j of image i).</summary>
    /// <exception cref="ArgumentException">No score, no image, a threshold count other than the score count, or score
    /// lists of different lengths.</exception>
    public static double FlaggedShare(IReadOnlyList<IReadOnlyList<double>> scores, IReadOnlyList<double> thresholds)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(thresholds);
        if (scores.Count == 0 || scores.Count != thresholds.Count)
            throw new ArgumentException($"{scores.Count} score lists for {thresholds.Count} thresholds", nameof(thresholds));
        int n = scores[0].Count;
        if (n == 0 || scores.Any(s => s.Count != n)) throw new ArgumentException("every score needs the same, non-empty images", nameof(scores));
        return Enumerable.Range(0, n).Count(i => Enumerable.Range(0, thresholds.Count).Any(j => scores[j][i] > thresholds[j])) / (double)n;
    }
}
