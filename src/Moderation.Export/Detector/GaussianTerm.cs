namespace Moderation.Export.Detector;

/// <summary>
/// Squared Mahalanobis distance (Mahalanobis 1936) under a low-rank-plus-isotropic covariance
/// Σ = V diag(λ) Vᵀ + σ²(I − VVᵀ) (the probabilistic-PCA form, Tipping &amp; Bishop 1999; λ and σ² from a Ledoit–Wolf
/// 2004 shrunk covariance): d² = Σ_i (v_iᵀ(f − μ))²/λ_i + (‖f − μ‖² − Σ_i (v_iᵀ(f − μ))²)/σ².
/// In the graph: Sub → MatMul(V) → square·(1/λ) → ReduceSum, plus the residual from ReduceSum of squares.
/// </summary>
/// <param name="Tap">Where f comes from.</param>
/// <param name="Mean">μ, float32 <c>[F]</c>.</param>
/// <param name="Components">V, float32 <c>[F,K]</c> row-major with orthonormal columns.</param>
/// <param name="InverseVariances">1/λ, float32 <c>[K]</c>, all &gt; 0.</param>
/// <param name="InverseResidualVariance">1/σ², ≥ 0 (0 drops the residual term).</param>
/// <param name="Offset">Subtracted from d².</param>
/// <param name="Scale">Divides d² − offset; &gt; 0.</param>
public sealed record GaussianTerm(FeatureTap Tap, float[] Mean, float[] Components, float[] InverseVariances,
    double InverseResidualVariance, double Offset, double Scale) : AnomalyTerm(Tap, Mean, Offset, Scale)
{
    /// <summary>K, the principal directions kept.</summary>
    public int Rank => InverseVariances.Length;

    /// <inheritdoc />
    public override string Kind => "gaussian";

    /// <inheritdoc />
    public override void Validate(int featureCount)
    {
        base.Validate(featureCount);
        if (Rank < 1 || Components.Length != (long)Dimension * Rank)
            throw new ArgumentException($"gaussian term at {Tap}: components hold {Components.Length} values, expected {Dimension}×{Rank}");
        RequireFinite(Components, "components");
        RequireFinite(InverseVariances, "inverse variances");
        if (InverseVariances.Any(v => v <= 0) || !(InverseResidualVariance >= 0) || !double.IsFinite(InverseResidualVariance))
            throw new ArgumentException($"gaussian term at {Tap}: inverse variances must be > 0 and the residual one >= 0");
    }
}
