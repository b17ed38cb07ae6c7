using Moderation.Export.Detector;
using Moderation.Training.Statistics;
using Moderation.Training.Torch;

namespace Moderation.Retraining.Detection;

/// <summary>Fits an <see cref="AnomalyTerm"/> on normal images only: the statistics (mean, Ledoit–Wolf-shrunk
/// principal directions, reference vectors) on the fit images, the standardisation (offset = mean, scale = standard
/// deviation of the statistic) on other normal images the statistics never saw.</summary>
internal static class TermFitter
{
    /// <summary>Fits one term.</summary>
    /// <param name="network">The network the tap reads: D or the transformation classifier (eval mode is used).</param>
    /// <param name="recipe">Tap, kind and rank.</param>
    /// <param name="fit">Normal images <c>[fitCount,1,28,28]</c> for the statistics.</param>
    /// <param name="fitCount">Images in <paramref name="fit"/>.</param>
    /// <param name="standardise">Other normal images for offset and scale.</param>
    /// <param name="standardiseCount">Images in <paramref name="standardise"/>, ≥ 2.</param>
    /// <param name="maxReferences">Cap on the nearest-neighbour references (an evenly spaced subset of the fit images).</param>
    /// <param name="seed">Seed of the subspace iteration.</param>
    public static AnomalyTerm Fit(TorchNetwork network, AnomalyTermRecipe recipe, float[] fit, int fitCount,
        float[] standardise, int standardiseCount, int maxReferences, long seed)
    {
        var features = FeatureExtractor.Extract(network, recipe.Tap, fit, fitCount);
        int d = features.Length / fitCount;
        int rank = Math.Min(recipe.Rank, Math.Min(d, fitCount) - 1);
        var gaussian = LowRankGaussianFitter.Fit(features, fitCount, d, rank, seed);
        AnomalyTerm term = recipe.Kind switch
        {
            AnomalyTermKind.Gaussian => new GaussianTerm(recipe.Tap, gaussian.Mean, gaussian.Components,
                [.. gaussian.Variances.Select(v => 1f / v)], 1 / gaussian.ResidualVariance, 0, 1),
            AnomalyTermKind.NearestNeighbour => NearestNeighbour(recipe.Tap, gaussian, features, fitCount, maxReferences),
            _ => throw new ArgumentOutOfRangeException(nameof(recipe), recipe.Kind, "unknown term kind"),
        };
        var held = FeatureExtractor.Extract(network, recipe.Tap, standardise, standardiseCount);
        var (offset, scale) = TermStatistic.Standardisation(TermStatistic.Compute(term, held, standardiseCount));
        return term with { Offset = offset, Scale = scale };
    }

    /// <summary>W = V diag(1/√λ); references = Wᵀ(f_b − μ) for an evenly spaced subset of the fit features.</summary>
    private static NearestNeighbourTerm NearestNeighbour(FeatureTap tap, LowRankGaussian g, float[] features, int count, int maxReferences)
    {
        int d = g.Dimension, k = g.Rank;
        var projection = new float[(long)d * k];
        for (int j = 0; j < d; j++)
        for (int i = 0; i < k; i++)
            projection[(long)j * k + i] = (float)(g.Components[(long)j * k + i] / Math.Sqrt(g.Variances[i]));
        int b = Math.Min(count, maxReferences);
        var references = new float[(long)b * k];
        var centred = new double[d];
        for (int r = 0; r < b; r++)
        {
            int source = (int)((long)r * count / b);
            for (int j = 0; j < d; j++) centred[j] = features[(long)source * d + j] - (double)g.Mean[j];
            var p = TermStatistic.Project(centred, projection, k);
            for (int i = 0; i < k; i++) references[(long)r * k + i] = (float)p[i];
        }
        return new NearestNeighbourTerm(tap, g.Mean, projection, references, k, 0, 1);
    }
}
