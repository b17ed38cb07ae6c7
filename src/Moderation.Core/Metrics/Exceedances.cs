using MathNet.Numerics.Distributions;

namespace Moderation.Core.Metrics;

/// <summary>
/// How many fresh images land above a threshold taken from calibration images, when both are exchangeable (drawn from
/// the same distribution, continuous scores). With the threshold at the (K+1)-th largest of n calibration scores (K of
/// them above it), the number X of m fresh scores above it follows the exceedance distribution of Gumbel &amp; von
/// Schelling (1950, "The distribution of the number of exceedances", Ann. Math. Statist. 21), which is
/// BetaBinomial(m, K + 1, n − K): every ordering of the n + m pooled scores is equally likely, so this is an exact
/// permutation law, not an approximation (cumulative probabilities from MathNet.Numerics). The split-conformal threshold
/// (Vovk 2012; Angelopoulos &amp; Bates 2021, section 3.2) is the case K = l − 1, l = <see cref="ConformalRank"/>.
/// </summary>
public static class Exceedances
{
    /// <summary>l = ⌊α·(n+1)⌋: the split-conformal threshold at rate α is the l-th largest of n calibration scores
    /// (0 when n is too small for α).</summary>
    /// <exception cref="ArgumentOutOfRangeException">n &lt; 0 or α outside (0,1).</exception>
    public static int ConformalRank(int calibrationImages, double rate)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(calibrationImages);
        if (rate is <= 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(rate), rate, "the rate must lie in (0,1)");
        return (int)Math.Floor(rate * (calibrationImages + 1) + 1e-9);
    }

    /// <summary>K = max(0, l − 1), l = <see cref="ConformalRank"/>: the calibration images above the split-conformal
    /// threshold (the allowance of a verdict calibrated at rate α).</summary>
    /// <exception cref="ArgumentOutOfRangeException">n &lt; 0 or α outside (0,1).</exception>
    public static int ConformalAllowance(int calibrationImages, double rate) => Math.Max(0, ConformalRank(calibrationImages, rate) - 1);

    /// <summary>P(X ≥ <paramref name="testAbove"/>), X ~ BetaBinomial(m, K + 1, n − K): the p-value of the hypothesis
    /// "the test images are exchangeable with the calibration images" against an excess of test images above the
    /// threshold. Example: K = 23 of n = 2,400 (the conformal threshold at 1 %) and 20 of m = 1,000 test images above
    /// → 0.0126; 8 of 2,400 and 11 of 1,000 → 0.0088.</summary>
    /// <param name="calibrationImages">n ≥ 1.</param>
    /// <param name="calibrationAbove">K in [0, n): calibration images strictly above the threshold, which sits on the next one.</param>
    /// <param name="testImages">m ≥ 1.</param>
    /// <param name="testAbove">x in [0, m]: test images above the threshold.</param>
    /// <exception cref="ArgumentOutOfRangeException">A count outside its range.</exception>
    public static double AtLeast(int calibrationImages, int calibrationAbove, int testImages, int testAbove)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(calibrationImages, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(calibrationAbove);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(calibrationAbove, calibrationImages);
        ArgumentOutOfRangeException.ThrowIfLessThan(testImages, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(testAbove);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(testAbove, testImages);
        if (testAbove == 0) return 1;
        double below = BetaBinomial.CDF(testImages, calibrationAbove + 1, calibrationImages - calibrationAbove, testAbove - 1);
        return Math.Clamp(1 - below, 0, 1);
    }
}
