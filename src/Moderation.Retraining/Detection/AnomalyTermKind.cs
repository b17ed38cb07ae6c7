namespace Moderation.Retraining.Detection;

/// <summary>The statistic of an anomaly term (see <c>Moderation.Export.Detector</c>).</summary>
public enum AnomalyTermKind
{
    /// <summary>Squared Mahalanobis distance under the Ledoit–Wolf-shrunk low-rank-plus-isotropic Gaussian
    /// (<c>GaussianTerm</c>).</summary>
    Gaussian,

    /// <summary>Squared distance to the nearest normal training feature in the whitened principal subspace
    /// (<c>NearestNeighbourTerm</c>).</summary>
    NearestNeighbour,
}
