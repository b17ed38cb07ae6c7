namespace Moderation.Core.Networks;

/// <summary>
/// Generators of the generator zoo that differ from the DCGAN's transposed convolutions in how they up-sample: all map
/// z float32 <c>[N,latent]</c> ~ N(0,1) to images float32 <c>[N,1,28,28]</c> in (−1,1) through a linear projection to
/// <c>[width,7,7]</c> and two ×2 stages, BatchNorm + ReLU between layers and a tanh output (DCGAN's conventions).
/// Up-sampling leaves its own spectral traces (Odena et al. 2016; Durall et al. CVPR 2020; Frank et al. ICML 2020),
/// which is what a synthetic detector that transfers across generators has to learn.
/// </summary>
public static class ZooSpecs
{
    /// <summary>"Resize-convolution": each stage up-samples ×2 (<paramref name="mode"/>) then applies a 3×3 stride-1
    /// convolution (padding 1); channels width → width/2 → 1.</summary>
    /// <param name="latent">Size of z.</param>
    /// <param name="width">Channels at 7×7, even, ≥ 2.</param>
    /// <param name="mode">Nearest or bilinear up-sampling.</param>
    public static NetworkSpec UpsampleGenerator(int latent, int width, UpsampleMode mode) => new(
        $"generator-{(mode == UpsampleMode.Nearest ? "nearest" : "bilinear")}",
        [latent],
        [
            .. Projection(latent, width),
            new UpsampleSpec(2, mode),
            new Conv2dSpec(width, width / 2, 3, 1, 1, Bias: false),
            new BatchNorm2dSpec(width / 2),
            new ActivationSpec(ActivationKind.Relu),
            new UpsampleSpec(2, mode),
            new Conv2dSpec(width / 2, 1, 3, 1, 1, Bias: true),
            new ActivationSpec(ActivationKind.Tanh),
        ]);

    /// <summary>Sub-pixel convolution (Shi et al. 2016): each stage is a 3×3 convolution to 4× the channels followed by
    /// a ×2 pixel shuffle; channels width → width/2 → 1.</summary>
    /// <param name="latent">Size of z.</param>
    /// <param name="width">Channels at 7×7, even, ≥ 2.</param>
    public static NetworkSpec PixelShuffleGenerator(int latent, int width) => new(
        "generator-pixelshuffle",
        [latent],
        [
            .. Projection(latent, width),
            new Conv2dSpec(width, 4 * (width / 2), 3, 1, 1, Bias: false),
            new PixelShuffleSpec(2),
            new BatchNorm2dSpec(width / 2),
            new ActivationSpec(ActivationKind.Relu),
            new Conv2dSpec(width / 2, 4, 3, 1, 1, Bias: true),
            new PixelShuffleSpec(2),
            new ActivationSpec(ActivationKind.Tanh),
        ]);

    /// <summary>VAE encoder (Kingma &amp; Welling 2014): image <c>[N,1,28,28]</c> in [−1,1] → <c>[N, 2·latent]</c>, the
    /// posterior mean μ (first half) and log-variance log σ² (second half).</summary>
    /// <param name="latent">Size of z.</param>
    /// <param name="width">Channels of the first convolution; the second has twice as many.</param>
    public static NetworkSpec VaeEncoder(int latent, int width) => new(
        "vae-encoder",
        [1, 28, 28],
        [
            new Conv2dSpec(1, width, 4, 2, 1, Bias: true),
            new ActivationSpec(ActivationKind.LeakyRelu, 0.2),
            new Conv2dSpec(width, 2 * width, 4, 2, 1, Bias: true),
            new ActivationSpec(ActivationKind.LeakyRelu, 0.2),
            new FlattenSpec(),
            new LinearSpec(2 * width * 7 * 7, 2 * latent, Bias: true),
        ]);

    /// <summary>VAE decoder, the zoo's generator that is not a GAN: z <c>[N,latent]</c> → image <c>[N,1,28,28]</c> in
    /// (−1,1) through a linear projection and two 4×4 stride-2 transposed convolutions (no BatchNorm).</summary>
    /// <param name="latent">Size of z.</param>
    /// <param name="width">Channels of the decoder's first transposed convolution's output; the projection has twice as many.</param>
    public static NetworkSpec VaeDecoder(int latent, int width) => new(
        "vae-decoder",
        [latent],
        [
            new LinearSpec(latent, 2 * width * 7 * 7, Bias: true),
            new UnflattenSpec(2 * width, 7, 7),
            new ActivationSpec(ActivationKind.Relu),
            new ConvTranspose2dSpec(2 * width, width, 4, 2, 1, Bias: true),
            new ActivationSpec(ActivationKind.Relu),
            new ConvTranspose2dSpec(width, 1, 4, 2, 1, Bias: true),
            new ActivationSpec(ActivationKind.Tanh),
        ]);

    /// <summary>z → Linear (no bias) → <c>[width,7,7]</c> → BatchNorm → ReLU.</summary>
    private static LayerSpec[] Projection(int latent, int width) =>
    [
        new LinearSpec(latent, width * 7 * 7, Bias: false),
        new UnflattenSpec(width, 7, 7),
        new BatchNorm2dSpec(width),
        new ActivationSpec(ActivationKind.Relu),
    ];
}
