namespace Moderation.Training.Statistics;

/// <summary>
/// A Gaussian model of F-dimensional feature vectors with a low-rank-plus-isotropic covariance (the form of
/// probabilistic PCA, Tipping &amp; Bishop 1999): Σ = V diag(λ) Vᵀ + σ²(I − V Vᵀ), from the Ledoit–Wolf-shrunk sample
/// covariance (Ledoit &amp; Wolf 2004). Its squared Mahalanobis distance (Mahalanobis 1936) needs only V, λ and σ²:
/// d²(f) = Σ_i (v_iᵀ(f − μ))²/λ_i + (‖f − μ‖² − Σ_i (v_iᵀ(f − μ))²)/σ².
/// </summary>
/// <param name="Mean">μ, float32 <c>[F]</c>.</param>
/// <param name="Components">V, float32 <c>[F,K]</c> row-major, orthonormal columns (leading principal directions).</param>
/// <param name="Variances">λ, float32 <c>[K]</c>, the shrunk variances along V, descending, all &gt; 0.</param>
/// <param name="ResidualVariance">σ², the mean shrunk variance of the other F − K directions, &gt; 0.</param>
/// <param name="Shrinkage">Ledoit–Wolf shrinkage intensity in [0,1] that was applied.</param>
public sealed record LowRankGaussian(float[] Mean, float[] Components, float[] Variances, double ResidualVariance, double Shrinkage)
{
    /// <summary>F, the feature dimension.</summary>
    public int Dimension => Mean.Length;

    /// <summary>K, the number of principal directions kept.</summary>
    public int Rank => Variances.Length;

    /// <summary>Squared Mahalanobis distance d²(f) of one feature vector (float64 arithmetic).</summary>
    /// <param name="features">f, length <see cref="Dimension"/>.</param>
    /// <exception cref="ArgumentException">Wrong length.</exception>
    public double SquaredDistance(ReadOnlySpan<float> features)
    {
        if (features.Length != Dimension) throw new ArgumentException($"{features.Length} features, expected {Dimension}", nameof(features));
        int k = Rank;
        double total = 0, explained = 0;
        var centred = new double[Dimension];
        for (int j = 0; j < Dimension; j++)
        {
            centred[j] = features[j] - (double)Mean[j];
            total += centred[j] * centred[j];
        }
        double score = 0;
        for (int i = 0; i < k; i++)
        {
            double p = 0;
            for (int j = 0; j < Dimension; j++) p += centred[j] * Components[(long)j * k + i];
            explained += p * p;
            score += p * p / Variances[i];
        }
        return score + Math.Max(0, total - explained) / ResidualVariance;
    }
}
