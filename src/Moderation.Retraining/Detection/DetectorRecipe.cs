using Moderation.Core.Networks;
using System.ComponentModel.DataAnnotations;
using Moderation.Export.Detector;

namespace Moderation.Retraining.Detection;

/// <summary>
/// How a detector is built from a trained DCGAN besides the pipeline's hyperparameters: the network widths, the
/// anomaly terms and the synthetic classifier. <see cref="Default"/> is the recipe chosen by measured one-class AUROC
/// (docs/evaluation/README.md records the comparison).
/// </summary>
public sealed record DetectorRecipe
{
    /// <summary>Generator width (channels of its widest layer, <c>DcganSpecs.Generator</c>); default 128.</summary>
    [Range(2, 1024)] public int GeneratorWidth { get; init; } = 128;

    /// <summary>Discriminator width (channels of its first layer, <c>DcganSpecs.Discriminator</c>); default 64.</summary>
    [Range(1, 1024)] public int DiscriminatorWidth { get; init; } = 64;

    /// <summary>BatchNorm after the second convolution of the discriminator of the GAN whose generator is exported and
    /// from whose D the synthetic classifier is fine-tuned (<c>DcganSpecs.Discriminator</c>); default true, the DCGAN
    /// paper's. Measured over the 10 classes, a synthetic classifier fine-tuned from a D without BatchNorm (against that
    /// GAN's own generator) ranks a never-seen DCGAN generator's samples below real images (Trouser 0.21 vs 0.954, Shirt
    /// 0.54 vs 0.9985; docs/evaluation/README.md).</summary>
    public bool DiscriminatorBatchNorm { get; init; } = true;

    /// <summary>BatchNorm in the discriminator whose features the anomaly terms read (and which gives <c>logit</c> and
    /// <c>features</c>); default false. When it differs from <see cref="DiscriminatorBatchNorm"/>, a second GAN (same
    /// images and hyperparameters) is trained for it, doubling the GAN training time. Measured over the 10 classes, D
    /// without BatchNorm lifts the mean anomaly AUROC from 94.0 to 94.4 (docs/evaluation/README.md).</summary>
    public bool FeatureDiscriminatorBatchNorm { get; init; }

    /// <summary>Whether the anomaly terms read a discriminator of a second GAN (see <see cref="FeatureDiscriminatorBatchNorm"/>).</summary>
    public bool SeparateFeatureGan => FeatureDiscriminatorBatchNorm != DiscriminatorBatchNorm;

    /// <summary>Anomaly terms summed into <c>anomaly_score</c>; default <see cref="DefaultTermsFor"/> of
    /// <see cref="FeatureDiscriminatorBatchNorm"/> (D's layer indices depend on it).</summary>
    public IReadOnlyList<AnomalyTermRecipe> Terms
    {
        get => _terms ?? DefaultTermsFor(FeatureDiscriminatorBatchNorm);
        init => _terms = value;
    }

    private readonly IReadOnlyList<AnomalyTermRecipe>? _terms;

    /// <summary>Share of the GAN's training images kept out of the term statistics to standardise the terms; default 0.1.</summary>
    [Range(0.01, 0.5)] public double StandardiseFraction { get; init; } = 0.1;

    /// <summary>Cap on nearest-neighbour references per term (ONNX size: B·K·4 bytes, 2.2 MB for 4,320 references at
    /// K = 128); default 5,000, i.e. every fit image of a Fashion-MNIST class.</summary>
    [Range(1, 100_000)] public int MaxReferences { get; init; } = 5000;

    /// <summary>The GEOM transformation classifier whose term joins <c>anomaly_score</c> (and whose layers terms may
    /// tap); null = none (then no term may tap it).</summary>
    public TransformRecipe? Transform { get; init; } = new();

    /// <summary>Whether the model gets the degenerate-image check (<c>degenerate_score</c>, reason <c>degenerate</c>:
    /// a Gaussian on 7 global image statistics fitted on the normal images); default true.</summary>
    public bool DegenerateCheck { get; init; } = true;

    /// <summary>The synthetic classifier; null = no <c>synthetic_score</c>.</summary>
    public SyntheticRecipe? Synthetic { get; init; } = new();

    /// <summary>The terms for the DCGAN paper's discriminator (with BatchNorm): nearest neighbour in the whitened principal
    /// subspace of the image pixels (k = 128), of D's first LeakyReLU pooled 2×2 (k = 128), of D's second LeakyReLU
    /// pooled 2×2 (k = 128), and of the transformation classifier's features (k = 128; needs <see cref="Transform"/>).</summary>
    public static readonly IReadOnlyList<AnomalyTermRecipe> DefaultTerms = DefaultTermsFor(batchNorm: true);

    /// <summary>The terms before the transformation classifier was added (pixels, D layer 1, D layer 2; D with BatchNorm).</summary>
    public static readonly IReadOnlyList<AnomalyTermRecipe> DiscriminatorTerms = [.. DefaultTerms.Take(3)];

    /// <summary><see cref="DefaultTerms"/> with D's taps at the layer indices of a discriminator with or without BatchNorm.</summary>
    public static IReadOnlyList<AnomalyTermRecipe> DefaultTermsFor(bool batchNorm) =>
    [
        new(new FeatureTap(FeatureTap.Input), AnomalyTermKind.NearestNeighbour, 128),
        new(new FeatureTap(1, 2), AnomalyTermKind.NearestNeighbour, 128),
        new(new FeatureTap(DcganSpecs.SecondActivationLayer(batchNorm), 2), AnomalyTermKind.NearestNeighbour, 128),
        new(new FeatureTap(TransformClassifierSpecs.FeatureLayer, 1, TapNetwork.TransformClassifier), AnomalyTermKind.NearestNeighbour, 128),
    ];

    /// <summary>The recipe with every default.</summary>
    public static DetectorRecipe Default { get; } = new();
}
