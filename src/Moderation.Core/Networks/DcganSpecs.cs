namespace Moderation.Core.Networks;

/// <summary>
/// DCGAN generator and discriminator for 28×28 grayscale images, after Radford, Metz &amp; Chintala 2016
/// ("Unsupervised Representation Learning with Deep Convolutional GANs"): BatchNorm + ReLU and a tanh output in the
/// generator, LeakyReLU(0.2) in the discriminator, strided (transposed) convolutions instead of pooling.
/// </summary>
public static class DcganSpecs
{
    /// <summary>Latent size of z ∈ R^100 ~ N(0,1), as in the paper.</summary>
    public const int DefaultLatentSize = 100;

    /// <summary>Generator: z float32 <c>[N,latent]</c> → image float32 <c>[N,1,28,28]</c> in (−1,1).</summary>
    /// <param name="latent">Size of z.</param>
    /// <param name="width">Channels of the widest layer (the paper's ngf·4); default 256.</param>
    public static NetworkSpec Generator(int latent = DefaultLatentSize, int width = 256) => new(
        "generator",
        [latent],
        [
            new UnflattenSpec(latent, 1, 1),
            new ConvTranspose2dSpec(latent, width, 7, 1, 0, Bias: false),
            new BatchNorm2dSpec(width),
            new ActivationSpec(ActivationKind.Relu),
            new ConvTranspose2dSpec(width, width / 2, 4, 2, 1, Bias: false),
            new BatchNorm2dSpec(width / 2),
            new ActivationSpec(ActivationKind.Relu),
            new ConvTranspose2dSpec(width / 2, 1, 4, 2, 1, Bias: false),
            new ActivationSpec(ActivationKind.Tanh),
        ]);

    /// <summary>Discriminator: image float32 <c>[N,1,28,28]</c> in [−1,1] → logit <c>[N,1]</c>; features are the
    /// flattened activations feeding the last (linear) layer, <c>[N, 2·width·7·7]</c>. Layer 1 is the first LeakyReLU
    /// <c>[w,14,14]</c>; the second LeakyReLU <c>[2w,7,7]</c> is layer <see cref="SecondActivationLayer"/>.</summary>
    /// <param name="width">Channels of the first layer (the paper's ndf); default 64.</param>
    /// <param name="batchNorm">BatchNorm after the second convolution, as in the DCGAN paper; default true (without it the
    /// D feature terms rank anomalies better but the synthetic classifier generalises worse: docs/evaluation/README.md).</param>
    public static NetworkSpec Discriminator(int width = 64, bool batchNorm = true) => new(
        "discriminator",
        [1, 28, 28],
        [
            new Conv2dSpec(1, width, 4, 2, 1, Bias: false),
            new ActivationSpec(ActivationKind.LeakyRelu, 0.2),
            new Conv2dSpec(width, width * 2, 4, 2, 1, Bias: false),
            .. batchNorm ? [new BatchNorm2dSpec(width * 2)] : Array.Empty<LayerSpec>(),
            new ActivationSpec(ActivationKind.LeakyRelu, 0.2),
            new FlattenSpec(),
            new LinearSpec(width * 2 * 7 * 7, 1, Bias: true),
        ],
        FeatureLayer: batchNorm ? 5 : 4);

    /// <summary>Index of the discriminator's second LeakyReLU <c>[2w,7,7]</c>: 4 with BatchNorm, 3 without.</summary>
    public static int SecondActivationLayer(bool batchNorm) => batchNorm ? 4 : 3;
}
