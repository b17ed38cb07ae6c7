using Moderation.Core.Networks;

namespace Moderation.Export.Detector;

/// <summary>
/// Everything one detector ONNX graph holds: the trained discriminator D (for <c>logit</c>, <c>features</c> and the
/// feature taps of the anomaly terms) and, optionally, a synthetic classifier — a discriminator (D itself or the D of
/// another GAN trained on the same images) fine-tuned to tell real images from generator samples — whose negated logit is
/// <c>synthetic_score</c> (plus the optional <see cref="Spectral"/> branch).
/// </summary>
public sealed record DetectorModel
{
    /// <summary>D's architecture (a discriminator: <see cref="NetworkSpec.FeatureLayer"/> ≥ 0, one output).</summary>
    public required NetworkSpec Discriminator { get; init; }

    /// <summary>D's parameters by libtorch name (<c>"{i}.weight"</c>, …).</summary>
    public required IReadOnlyDictionary<string, NamedTensor> DiscriminatorParameters { get; init; }

    /// <summary>Terms summed into <c>anomaly_score</c>; at least one.</summary>
    public required IReadOnlyList<AnomalyTerm> AnomalyTerms { get; init; }

    /// <summary>The GEOM transformation-classifier term added into <c>anomaly_score</c> (its layers can be tapped by
    /// <see cref="AnomalyTerms"/>), or null for none.</summary>
    public TransformTerm? Transform { get; init; }

    /// <summary>Parameters of the synthetic-image classifier (spec <see cref="SyntheticSpec"/>), or null for no
    /// <c>synthetic_score</c> output.</summary>
    public IReadOnlyDictionary<string, NamedTensor>? SyntheticParameters { get; init; }

    /// <summary>The synthetic classifier's architecture (a discriminator: one output); null = <see cref="Discriminator"/>'s.
    /// It differs when the anomaly terms read a discriminator without BatchNorm while the synthetic classifier is
    /// fine-tuned from the DCGAN paper's discriminator (<c>DetectorRecipe.FeatureDiscriminatorBatchNorm</c>).</summary>
    public NetworkSpec? SyntheticSpec { get; init; }

    /// <summary>The degenerate-image check: a Gaussian term on the image statistics of <see cref="ImageStatisticsWriter"/>,
    /// fitted on normal images, output as <c>degenerate_score</c> (its own threshold and reason); null = none.</summary>
    public GaussianTerm? Degenerate { get; init; }

    /// <summary>The frequency-domain branch added into <c>synthetic_score</c>; null = none. Needs
    /// <see cref="SyntheticParameters"/> and a square single-channel input.</summary>
    public SpectralTerm? Spectral { get; init; }
}
