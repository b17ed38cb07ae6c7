using Moderation.Export.Detector;

namespace Moderation.Retraining.Detection;

/// <summary>What one anomaly term is fitted as.</summary>
/// <param name="Tap">Where its features come from.</param>
/// <param name="Kind">Its statistic.</param>
/// <param name="Rank">K, principal directions kept (Gaussian) or whitened dimensions (nearest neighbour).</param>
public sealed record AnomalyTermRecipe(FeatureTap Tap, AnomalyTermKind Kind, int Rank)
{
    /// <summary>Short name, e.g. <c>nearest_neighbour@L1p2/k128</c>.</summary>
    public override string ToString() => $"{(Kind == AnomalyTermKind.Gaussian ? "gaussian" : "nearest_neighbour")}@{Tap}/k{Rank}";
}
