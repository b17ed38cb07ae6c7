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
}
