namespace Moderation.Export.Detector;

/// <summary>Graph output names the detector adds to <see cref="OnnxTensorNames"/>.</summary>
public static class DetectorTensorNames
{
    /// <summary>float32 <c>[N,1]</c>, higher = more likely generator-made: the negated logit of a discriminator copy
    /// fine-tuned on real images vs samples of frozen generator snapshots.</summary>
    public const string SyntheticScore = "synthetic_score";

    /// <summary>float32 <c>[N,1]</c>, higher = further from the normal images' global statistics (flat, near-flat,
    /// noise, stripes, lines, text): the standardised Mahalanobis distance of <see cref="ImageStatisticsWriter"/>'s
    /// statistics under a Gaussian fitted on normal images.</summary>
    public const string DegenerateScore = "degenerate_score";
}
