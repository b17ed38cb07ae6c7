namespace Moderation.Onnx.Export;

/// <summary>
/// Parameters of the Mahalanobis anomaly head: anomaly_score = (f − μ)ᵀ P (f − μ), the squared Mahalanobis distance
/// (Mahalanobis 1936) of the discriminator features f from the normal class, with P the inverse of the (usually
/// shrunk) feature covariance estimated on normal training images.
/// </summary>
/// <param name="Mean">μ, float32 <c>[F]</c>.</param>
/// <param name="Precision">P, float32 <c>[F,F]</c> row-major; symmetric positive (semi-)definite.</param>
public sealed record MahalanobisHead(float[] Mean, float[] Precision)
{
    /// <summary>F, the feature count.</summary>
    public int FeatureCount => Mean.Length;

    /// <summary>Checks the shapes against <paramref name="featureCount"/> and that every value is finite.</summary>
    /// <exception cref="ArgumentException">A shape does not match or a value is NaN/∞.</exception>
    public void Validate(int featureCount)
    {
        if (Mean.Length != featureCount)
            throw new ArgumentException($"Mahalanobis mean has {Mean.Length} values, the network has {featureCount} features");
        if (Precision.Length != (long)featureCount * featureCount)
            throw new ArgumentException($"Mahalanobis precision has {Precision.Length} values, expected {featureCount}×{featureCount}");
        if (!Mean.All(float.IsFinite) || !Precision.All(float.IsFinite))
            throw new ArgumentException("Mahalanobis mean and precision must be finite");
    }
}
