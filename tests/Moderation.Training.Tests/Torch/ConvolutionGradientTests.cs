using TorchSharp;
using static TorchSharp.torch;

namespace Moderation.Training.Tests.Torch;

/// <summary>
/// The layers ../shared/README.md saw return NaN input gradients intermittently (TorchSharp 0.107, libtorch 2.10 CPU):
/// stride-1 padded <c>Conv2d</c> (its sweep's shapes) and <c>nn.Upsample</c> (nearest, ×2), the building blocks of
/// up-sampling generators. Each backward pass runs many times on fresh inputs and must give finite input gradients
/// equal to an independent reference: <c>conv_transpose2d</c> of the output gradient with the same weight, and for
/// nearest up-sampling the sum of the output gradient over each 2×2 block.
/// </summary>
public sealed class ConvolutionGradientTests
{
    private const int Tries = 40;

    [Theory]
    [InlineData(64, 2, 3, 1, 28, 16)]
    [InlineData(64, 8, 3, 1, 28, 16)]
    [InlineData(64, 1, 3, 1, 14, 16)]
    [InlineData(64, 2, 5, 2, 28, 16)]
    [InlineData(32, 16, 3, 1, 14, 64)]
    public void StrideOnePaddedConvolutionInputGradientsAreFiniteAndEqualTheTransposedConvolution(
        int inChannels, int outChannels, int kernel, int padding, int side, int batch)
    {
        using var conv = nn.Conv2d(inChannels, outChannels, kernel, padding: padding);
        for (int i = 0; i < Tries; i++)
        {
            using var scope = NewDisposeScope();
            conv.zero_grad();
            var x = randn([batch, inChannels, side, side], generator: new Generator((ulong)i)).requires_grad_(true);
            var y = conv.call(x);
            var g = randn(y.shape, generator: new Generator((ulong)(i + 1000)));
            y.backward([g]);
            Assert.True(x.grad!.isfinite().all().item<bool>(), $"try {i}: NaN or infinity in the input gradient");
            Assert.True(conv.weight!.grad!.isfinite().all().item<bool>(), $"try {i}: NaN or infinity in the weight gradient");
            using var noGrad = no_grad();
            var reference = nn.functional.conv_transpose2d(g, conv.weight!, padding: [padding, padding]);
            float worst = (x.grad! - reference).abs().max().item<float>();
            Assert.True(worst <= 1e-4f, $"try {i}: input gradient differs from conv_transpose2d by {worst}");
        }
    }

    [Fact]
    public void NearestUpsamplingInputGradientsAreFiniteAndSumTheOutputGradientOverEachBlock()
    {
        using var up = nn.Upsample(scale_factor: [2, 2], mode: UpsampleMode.Nearest);
        for (int i = 0; i < Tries; i++)
        {
            using var scope = NewDisposeScope();
            var x = randn([16, 64, 7, 7], generator: new Generator((ulong)i)).requires_grad_(true);
            var y = up.call(x);
            var g = randn(y.shape, generator: new Generator((ulong)(i + 1000)));
            y.backward([g]);
            Assert.True(x.grad!.isfinite().all().item<bool>(), $"try {i}: NaN or infinity in the input gradient");
            using var noGrad = no_grad();
            var reference = nn.functional.avg_pool2d(g, 2) * 4;
            float worst = (x.grad! - reference).abs().max().item<float>();
            Assert.True(worst <= 1e-5f, $"try {i}: input gradient differs from the block sums by {worst}");
        }
    }
}
