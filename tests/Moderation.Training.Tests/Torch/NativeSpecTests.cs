using Moderation.Core.Networks;
using Moderation.Training.Torch;

namespace Moderation.Training.Tests.Torch;

public sealed class NativeSpecTests
{
    [Fact]
    public void EveryLayerKindOfTheSpecFormatBuilds()
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
        Assert.Equal(10, TorchNetwork.ValidateNativeSpec(spec.ToNativeSpec()));
    }

    [Theory]
    [InlineData("input 1 28 28\nconv3d 1 2 3 1 0 0", "spec line 2 ('conv3d 1 2 3 1 0 0'): unknown layer 'conv3d'")]
    [InlineData("input 1 28 28\nconv2d 1 64 4", "conv2d takes 6 values (in out kernel stride padding bias), got 3")]
    [InlineData("input 1 28 28\nconv2d 1 64 4 2 1 yes", "bias must be 0 or 1, got 'yes'")]
    [InlineData("input 1 28 28\nleakyrelu x", "negative_slope must be a finite number, got 'x'")]
    [InlineData("conv2d 1 64 4 2 1 0", "the first line must be 'input d1 d2 ...'")]
    [InlineData("input 1 28 28", "spec has no layers")]
    [InlineData("", "spec is empty")]
    [InlineData("input 1 28 28\nlinear 10 1 1", "spec line 2 ('linear 10 1 1'): layer 0 does not fit its input [1, 1, 28, 28]")]
    [InlineData("input 1 28 28\nbatchnorm2d 4 1e-5 0.1", "layer 0 does not fit its input")]
    public void BadSpecStringsFailWithAMessageNamingTheLine(string spec, string expected)
    {
        var e = Assert.Throws<TorchException>(() => TorchNetwork.ValidateNativeSpec(spec));
        Assert.Equal(TorchErrorKind.Argument, e.Kind);
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void SpecWhoseShapesDisagreeIsRejectedByCreate()
    {
        var bad = new NetworkSpec("bad", [1, 28, 28], [new Conv2dSpec(1, 8, 4, 2, 1, false), new LinearSpec(10, 1, true)]);
        Assert.Throws<ArgumentException>(() => TorchNetwork.Create(bad, 1));
    }
}
