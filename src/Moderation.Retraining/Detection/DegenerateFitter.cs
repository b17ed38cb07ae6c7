using Moderation.Export.Detector;
using Moderation.Training.Statistics;

namespace Moderation.Retraining.Detection;

/// <summary>Fits the degenerate-image term on normal images only: a full-rank Gaussian (Ledoit–Wolf-shrunk covariance,
/// <see cref="LowRankGaussianFitter"/> with K = 6 of the 7 statistics and the isotropic residual for the last) on the
/// fit images' statistics, standardised on other normal images (offset = mean, scale = sd of d²).</summary>
internal static class DegenerateFitter
{
    public static GaussianTerm Fit(float[] fit, int fitCount, float[] standardise, int standardiseCount, long seed)
    {
        int d = ImageStatisticsWriter.Count;
        var features = ImageStatistics.Compute(fit, fitCount);
        var g = LowRankGaussianFitter.Fit(features, fitCount, d, d - 1, seed, iterations: 0);
        var term = new GaussianTerm(new FeatureTap(FeatureTap.Input), g.Mean, g.Components, [.. g.Variances.Select(v => 1f / v)],
            1 / g.ResidualVariance, 0, 1);
        var held = ImageStatistics.Compute(standardise, standardiseCount);
        var (offset, scale) = TermStatistic.Standardisation(TermStatistic.Compute(term, held, standardiseCount));
        return term with { Offset = offset, Scale = scale };
    }
}
