using Moderation.Core.Networks;

namespace Moderation.Core.Tests.Networks;

public class DcganSpecsTests
{
    [Fact]
    public void Generator_maps_latent_to_28x28_image()
    {
        var g = DcganSpecs.Generator();
        Assert.Equal([1, 28, 28], g.OutputShape);
        Assert.Equal([256, 7, 7], g.LayerOutputShapes()[1]);
    }

    [Fact]
    public void Discriminator_maps_image_to_one_logit_with_flattened_features()
    {
        var d = DcganSpecs.Discriminator();
        Assert.Equal([1], d.OutputShape);
        Assert.Equal(128 * 7 * 7, d.FeatureCount);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Second_activation_layer_is_the_leaky_relu_of_shape_2w_7_7_with_or_without_batch_norm(bool batchNorm)
    {
        var d = DcganSpecs.Discriminator(8, batchNorm);
        var layer = DcganSpecs.SecondActivationLayer(batchNorm);

        Assert.Equal(batchNorm, d.Layers.Any(l => l is BatchNorm2dSpec));
        Assert.Equal(new ActivationSpec(ActivationKind.LeakyRelu, 0.2), d.Layers[layer]);
        Assert.Equal([16, 7, 7], d.LayerOutputShapes()[layer]);
        Assert.Equal(16 * 7 * 7, d.FeatureCount);
        Assert.IsType<FlattenSpec>(d.Layers[d.FeatureLayer]);
    }

    [Fact]
    public void Native_spec_lists_input_then_one_line_per_layer()
    {
        var lines = DcganSpecs.Discriminator(8).ToNativeSpec().Split('\n');
        Assert.Equal("input 1 28 28", lines[0]);
        Assert.Equal("conv2d 1 8 4 2 1 0", lines[1]);
        Assert.Equal("leakyrelu 0.2", lines[2]);
        Assert.Equal("batchnorm2d 16 1E-05 0.1", lines[4]);
        Assert.Equal("linear 784 1 1", lines[^1]);
    }

    [Fact]
    public void Mismatched_layers_are_reported()
    {
        var bad = new NetworkSpec("bad", [1, 28, 28], [new Conv2dSpec(3, 8, 3, 1, 1, true)]);
        var error = Assert.Throws<ArgumentException>(() => bad.LayerOutputShapes());
        Assert.Contains("conv2d expects [3,H,W]", error.Message);
    }
}
