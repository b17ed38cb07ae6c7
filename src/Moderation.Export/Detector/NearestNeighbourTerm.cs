namespace Moderation.Export.Detector;

/// <summary>
/// Squared Euclidean distance to the nearest of B reference vectors in a whitened principal subspace:
/// p = Wᵀ(f − μ) with W = V diag(1/√λ) (PCA whitening), score = min_b ‖p − r_b‖², the references r_b being the
/// projections of normal training features (a k-nearest-neighbour detector with k = 1, cf. Bergman, Cohen &amp; Hoshen
/// 2020, "Deep Nearest Neighbor Anomaly Detection"). In the graph: Sub → MatMul(W) → ‖p‖² − 2·p·Rᵀ + ‖r‖² →
/// ReduceMin → Max(0).
/// </summary>
/// <param name="Tap">Where f comes from.</param>
/// <param name="Mean">μ, float32 <c>[F]</c>.</param>
/// <param name="Projection">W, float32 <c>[F,K]</c> row-major.</param>
/// <param name="References">R, float32 <c>[B,K]</c> row-major, B ≥ 1.</param>
/// <param name="Rank">K, the whitened dimensions.</param>
/// <param name="Offset">Subtracted from the distance.</param>
/// <param name="Scale">Divides the distance − offset; &gt; 0.</param>
public sealed record NearestNeighbourTerm(FeatureTap Tap, float[] Mean, float[] Projection, float[] References,
    int Rank, double Offset, double Scale) : AnomalyTerm(Tap, Mean, Offset, Scale)
{
    /// <summary>B, the number of reference vectors.</summary>
    public int ReferenceCount => Rank > 0 ? References.Length / Rank : 0;

    /// <inheritdoc />
    public override string Kind => "nearest_neighbour";

    /// <inheritdoc />
    public override void Validate(int featureCount)
    {
        base.Validate(featureCount);
        if (Rank < 1 || Projection.Length != (long)Dimension * Rank)
            throw new ArgumentException($"nearest-neighbour term at {Tap}: projection holds {Projection.Length} values, expected {Dimension}×{Rank}");
        if (References.Length == 0 || References.Length % Rank != 0)
            throw new ArgumentException($"nearest-neighbour term at {Tap}: references hold {References.Length} values, not a multiple of {Rank}");
        RequireFinite(Projection, "projection");
        RequireFinite(References, "references");
    }
}
