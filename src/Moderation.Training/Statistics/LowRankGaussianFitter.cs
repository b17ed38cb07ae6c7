using Moderation.Training.Torch;

namespace Moderation.Training.Statistics;

/// <summary>
/// Fits a <see cref="LowRankGaussian"/> to feature vectors with libtorch in float64 (<c>mt_gaussian_fit</c>): the mean,
/// the Ledoit–Wolf (2004) shrinkage intensity towards tr(S)/F·I (the estimator of scikit-learn's <c>ledoit_wolf</c>),
/// and the K leading eigenpairs of the sample covariance S (1/n normalisation) — exactly by eigen-decomposition when K
/// is large relative to min(n, F), otherwise by seeded subspace iteration (Halko, Martinsson &amp; Tropp 2011).
/// </summary>
public static class LowRankGaussianFitter
{
    /// <summary>Subspace-iteration passes used when the exact decomposition is skipped; default 6.</summary>
    public const int DefaultIterations = 6;

    /// <summary>Fits the model.</summary>
    /// <param name="samples">Feature vectors float32 <c>[count, dimension]</c> row-major.</param>
    /// <param name="count">n ≥ 2 samples.</param>
    /// <param name="dimension">F ≥ 2.</param>
    /// <param name="rank">K in [1, min(n, F)).</param>
    /// <param name="seed">Seed of the subspace iteration's random start.</param>
    /// <param name="iterations">Subspace-iteration passes; 0 forces the exact decomposition.</param>
    /// <exception cref="ArgumentException">Wrong buffer length.</exception>
    /// <exception cref="TorchException">Bad count, dimension or rank, or the residual variance is zero.</exception>
    public static unsafe LowRankGaussian Fit(ReadOnlySpan<float> samples, int count, int dimension, int rank, long seed = 0,
        int iterations = DefaultIterations)
    {
        if (samples.Length != (long)count * dimension)
            throw new ArgumentException($"samples hold {samples.Length} floats, expected {count}·{dimension}", nameof(samples));
        var mean = new float[dimension];
        var components = new float[(long)dimension * Math.Max(rank, 0)];
        var variances = new float[Math.Max(rank, 0)];
        Span<double> summary = stackalloc double[4];
        fixed (float* pSamples = samples)
        fixed (float* pMean = mean)
        fixed (float* pComponents = components)
        fixed (float* pVariances = variances)
        fixed (double* pSummary = summary)
        {
            NativeMethods.VerifySuccess(NativeMethods.GaussianFit(pSamples, count, dimension, rank, iterations,
                unchecked((ulong)seed), pMean, pComponents, pVariances, pSummary));
        }
        return new LowRankGaussian(mean, components, variances, summary[0], summary[1]);
    }
}
