using MathNet.Numerics.Distributions;

namespace Moderation.Core.Metrics;

/// <summary>
/// The range of false-positive rates that n normal images plausibly show when the true rate is p: the central
/// acceptance interval of the binomial distribution Bin(n, p), [k_lo/n, k_hi/n] with k_lo the largest count such that
/// P(X &lt; k_lo) ≤ (1 − confidence)/2 and k_hi the smallest such that P(X &gt; k_hi) ≤ (1 − confidence)/2 (exact
/// binomial tails, the acceptance region of the two-sided exact binomial test; cumulative probabilities from
/// MathNet.Numerics). A realised rate outside it says the calibration is off at that confidence.
/// </summary>
/// <param name="Count">n, the number of normal images.</param>
/// <param name="Rate">p, the target rate.</param>
/// <param name="Confidence">The interval's coverage, e.g. 0.95.</param>
/// <param name="LowCount">k_lo.</param>
/// <param name="HighCount">k_hi.</param>
public sealed record BinomialInterval(int Count, double Rate, double Confidence, int LowCount, int HighCount)
{
    /// <summary>k_lo / n.</summary>
    public double Low => (double)LowCount / Count;

    /// <summary>k_hi / n.</summary>
    public double High => (double)HighCount / Count;

    /// <summary>The interval of Bin(<paramref name="count"/>, <paramref name="rate"/>) at <paramref name="confidence"/>.
    /// Example: n = 1,000, p = 0.01, 95 % → counts 4 to 17 (0.4 %–1.7 %).</summary>
    /// <exception cref="ArgumentOutOfRangeException">n &lt; 1, p outside (0,1) or confidence outside (0,1).</exception>
    public static BinomialInterval Of(int count, double rate, double confidence = 0.95)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        if (rate is <= 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(rate), rate, "the rate must lie in (0,1)");
        if (confidence is <= 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "the confidence must lie in (0,1)");
        double tail = (1 - confidence) / 2;
        int low = 0;
        while (low < count && Binomial.CDF(rate, count, low) <= tail) low++; // P(X < low + 1) ≤ tail: low + 1 is still in the lower tail
        int high = count;
        while (high > 0 && 1 - Binomial.CDF(rate, count, high - 1) <= tail) high--; // P(X > high − 1) ≤ tail
        return new BinomialInterval(count, rate, confidence, low, high);
    }

    /// <summary>P(k_lo ≤ X ≤ k_hi) for X ~ Bin(n, <paramref name="rate"/>): the chance that n images of a detector whose
    /// true rate is exactly <paramref name="rate"/> land inside (≈ 0.976 for n = 1,000 at 1 %, not 0.95: the tails
    /// are exact and the counts discrete).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rate"/> outside [0,1].</exception>
    public double Probability(double rate)
    {
        if (rate is < 0 or > 1) throw new ArgumentOutOfRangeException(nameof(rate), rate, "the rate must lie in [0,1]");
        return Binomial.CDF(rate, Count, HighCount) - (LowCount == 0 ? 0 : Binomial.CDF(rate, Count, LowCount - 1));
    }

    /// <summary>P(k_lo ≤ X ≤ k_hi) when the true rate is itself Beta(<paramref name="a"/>, <paramref name="b"/>)
    /// distributed, X ~ BetaBinomial(n, a, b) (cumulative probabilities from MathNet.Numerics): the chance of landing
    /// inside for a rate that was estimated, e.g. by split-conformal calibration (then a = l, b = n_cal + 1 − l).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="a"/> or <paramref name="b"/> not positive.</exception>
    public double Probability(double a, double b)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(a);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(b);
        return BetaBinomial.CDF(Count, a, b, HighCount) - (LowCount == 0 ? 0 : BetaBinomial.CDF(Count, a, b, LowCount - 1));
    }

    /// <summary>Whether <paramref name="flagged"/> of the n images is inside [k_lo, k_hi].</summary>
    public bool Contains(int flagged) => flagged >= LowCount && flagged <= HighCount;

    /// <summary>Whether the realised rate <paramref name="realisedRate"/> (flagged / n) is inside [k_lo/n, k_hi/n].</summary>
    public bool Contains(double realisedRate) => Contains((int)Math.Round(realisedRate * Count));
}
