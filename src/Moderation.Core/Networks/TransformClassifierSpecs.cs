namespace Moderation.Core.Networks;

/// <summary>
/// The self-supervised transformation classifier of GEOM (Golan &amp; El-Yaniv 2018, "Deep Anomaly Detection Using
/// Geometric Transformations"): a small CNN trained on normal images only to tell which of the
/// <see cref="DihedralTransforms.Count"/> dihedral transforms was applied. Images unlike the normal class are
/// classified less confidently, so −Σₜ log p(t | t(x)) is an anomaly score. Same building blocks as the DCGAN
/// discriminator (strided convolutions, BatchNorm, LeakyReLU 0.2), three convolutions deep.
/// </summary>
public static class TransformClassifierSpecs
{
    /// <summary>Index of the flatten layer, whose output <c>[N, 4·width·4·4]</c> is the classifier's feature vector.</summary>
    public const int FeatureLayer = 8;

    /// <summary>Image float32 <c>[N,1,28,28]</c> in [−1,1] → one logit per transform <c>[N,classes]</c>.</summary>
    /// <param name="width">Channels of the first convolution (then 2·width, 4·width); default 32.</param>
    /// <param name="classes">Transforms told apart; default <see cref="DihedralTransforms.Count"/>.</param>
    public static NetworkSpec Create(int width = 32, int classes = DihedralTransforms.Count) => new(
        "transform-classifier",
        [1, 28, 28],
        [
            new Conv2dSpec(1, width, 4, 2, 1, Bias: true),                 // [w,14,14]
            new ActivationSpec(ActivationKind.LeakyRelu, 0.2),
            new Conv2dSpec(width, width * 2, 4, 2, 1, Bias: false),        // [2w,7,7]
            new BatchNorm2dSpec(width * 2),
            new ActivationSpec(ActivationKind.LeakyRelu, 0.2),
            new Conv2dSpec(width * 2, width * 4, 3, 2, 1, Bias: false),    // [4w,4,4]
            new BatchNorm2dSpec(width * 4),
            new ActivationSpec(ActivationKind.LeakyRelu, 0.2),
            new FlattenSpec(),
            new LinearSpec(width * 4 * 4 * 4, classes, Bias: true),
        ],
        FeatureLayer: FeatureLayer);
}
