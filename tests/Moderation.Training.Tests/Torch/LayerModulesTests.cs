using Moderation.Core.Networks;
using Moderation.Training.Torch;

namespace Moderation.Training.Tests.Torch;

public sealed class LayerModulesTests
{
    [Fact]
    public void EveryLayerKindBuildsAndRuns()
    {
        var spec = new NetworkSpec("all-kinds", [4],
        [
            new UnflattenSpec(4, 1, 1),
            new ConvTranspose2dSpec(4, 3, 3, 1, 0, Bias: true),
            new BatchNorm2dSpec(3, 1e-3, 0.2),
            new ActivationSpec(ActivationKind.Relu),
            new Conv2dSpec(3, 2, 3, 1, 1, Bias: true),
            new ActivationSpec(ActivationKind.LeakyRelu, 0.1),
            new ActivationSpec(ActivationKind.Tanh),
            new FlattenSpec(),
            new LinearSpec(18, 2, Bias: false),
            new ActivationSpec(ActivationKind.Sigmoid),
        ]);
        using var network = TorchNetwork.Create(spec, 1);
        var (output, _) = network.Forward(new float[8], 2);
        Assert.Equal(4, output.Length);
        Assert.All(output, v => Assert.Equal(0.5f, v, 1e-6f)); // zero input, no bias before the sigmoid
    }

    [Fact]
    public void SpecWhoseShapesDisagreeIsRejectedByCreate()
    {
        var bad = new NetworkSpec("bad", [1, 28, 28], [new Conv2dSpec(1, 8, 4, 2, 1, false), new LinearSpec(10, 1, true)]);
        Assert.Throws<ArgumentException>(() => TorchNetwork.Create(bad, 1));
    }

    // The same hand-worked values as Moderation.Export.Tests' OpMappingTests: both sides of each spec agree.
    [Theory]
    [InlineData(UpsampleMode.Nearest, new float[] { 1, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4 })]
    [InlineData(UpsampleMode.Bilinear, new float[] { 1, 1.25f, 1.75f, 2, 1.5f, 1.75f, 2.25f, 2.5f, 2.5f, 2.75f, 3.25f, 3.5f, 3, 3.25f, 3.75f, 4 })]
    public void UpsampleMatchesPyTorchsInterpolate(UpsampleMode mode, float[] expected)
    {
        using var network = TorchNetwork.Create(new NetworkSpec("up", [1, 2, 2], [new UpsampleSpec(2, mode)]), 1);
        Assert.Equal(expected, network.Forward([1, 2, 3, 4], 1).Output);
    }

    [Fact]
    public void PixelShuffleMovesChannelBlocksIntoSpace()
    {
        using var network = TorchNetwork.Create(new NetworkSpec("shuffle", [4, 1, 2], [new PixelShuffleSpec(2)]), 1);
        Assert.Equal([1f, 3, 2, 4, 5, 7, 6, 8], network.Forward([1, 2, 3, 4, 5, 6, 7, 8], 1).Output);
    }
}
