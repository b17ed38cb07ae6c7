using Moderation.Core.Metrics;

namespace Moderation.Retraining.Detection;

/// <summary>
/// The verdict's thresholds with a finite-sample (split-conformal) allowance: of n calibration images, at most
/// k = ⌊α·(n+1)⌋ − 1 may be flagged, so that a fresh exchangeable normal image is flagged with probability
/// (k+1)/(n+1) ≤ α (Vovk et al. 2005; Angelopoulos &amp; Bates 2021, "A Gentle Introduction to Conformal Prediction",
/// section 1), instead of the plain empirical quantile's ⌊α·n⌋, which lets through ≈ (⌊α·n⌋+1)/(n+1) &gt; α.
/// The union over several scores is calibrated with <see cref="ThresholdCalibrator.Jointly"/>.
/// </summary>
public static class ConformalCalibration
{
    /// <summary>k = ⌊α·(n+1)⌋ − 1, the calibration images the verdict may flag (≥ 0).</summary>
    public static int Allowance(int count, double targetFpr) => Math.Max(0, (int)Math.Floor(targetFpr * (count + 1) + 1e-9) - 1);

    /// <summary>Thresholds for "any score above its threshold" that flag at most <see cref="Allowance"/> of the calibration images.</summary>
    /// <param name="normalScores">Per score, the scores of the same n held-out normal images.</param>
    /// <param name="targetFpr">α in (0,1).</param>
    /// <exception cref="ArgumentException">As <see cref="ThresholdCalibrator.Jointly"/>, with the allowance in place of ⌊α·n⌋.</exception>
    public static JointCalibration Jointly(IReadOnlyList<IReadOnlyList<double>> normalScores, double targetFpr)
    {
        ArgumentNullException.ThrowIfNull(normalScores);
        if (normalScores.Count == 0) throw new ArgumentException("no scores to calibrate", nameof(normalScores));
        int n = normalScores[0].Count, allowed = Allowance(n, targetFpr);
        // Jointly lets ⌊rate·n⌋ through; a rate just above k/n gives exactly k (n ≥ 1, k < n).
        var joint = ThresholdCalibrator.Jointly(normalScores, (allowed + 0.5) / n);
        return joint;
    }

    /// <summary>Share of images with at least one score above its threshold (scores[j][i]: score j of image i).</summary>
    public static double FlaggedShare(IReadOnlyList<IReadOnlyList<double>> scores, IReadOnlyList<double> thresholds)
    {
        int n = scores[0].Count;
        return Enumerable.Range(0, n).Count(i => Enumerable.Range(0, thresholds.Count).Any(j => scores[j][i] > thresholds[j])) / (double)n;
    }
}
