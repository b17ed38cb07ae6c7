using Moderation.Core.Networks;
using Moderation.Training.Torch;

namespace Moderation.Training.Tests.Torch;

public sealed class TorchNetworkForwardTests
{
    private static readonly NetworkSpec Discriminator = DcganSpecs.Discriminator();

    [Fact]
    public void DiscriminatorGivesOneLogitAndFeaturesPerImage()
    {
        using var d = TorchNetwork.Create(Discriminator, 1);
        var (logits, features) = d.Forward(TestData.Trousers(8), 8, train: false, tapLayer: Discriminator.FeatureLayer);
        Assert.Equal(8, logits.Length);
        Assert.NotNull(features);
        Assert.Equal(8 * 6272, features.Length);
        Assert.Equal(6272, Discriminator.FeatureCount);
    }

    [Fact]
    public void EvalForwardIsDeterministicAndTheLogitIsTheLastLinearOfTheFeatures()
    {
        using var d = TorchNetwork.Create(Discriminator, 2);
        var images = TestData.Trousers(16);
        var first = d.Forward(images, 16, tapLayer: 5);
        var second = d.Forward(images, 16, tapLayer: 5);
        Assert.Equal(first.Output, second.Output);
        Assert.Equal(first.Tap, second.Tap);

        var p = d.Parameters().ToDictionary(t => t.Name, t => t.Data);
        for (int n = 0; n < 16; n++)
        {
            double logit = p["6.bias"][0];
            for (int f = 0; f < 6272; f++) logit += (double)first.Tap![n * 6272 + f] * p["6.weight"][f];
            Assert.Equal(logit, first.Output[n], 1e-5);
        }
    }

    [Fact]
    public void FirstLayerIsAStride2Padding1Convolution()
    {
        using var d = TorchNetwork.Create(Discriminator, 3);
        var image = TestData.Trousers(1);
        var (_, conv) = d.Forward(image, 1, tapLayer: 0);
        var w = d.Parameters().Single(t => t.Name == "0.weight").Data; // [64,1,4,4], no bias
        Assert.Equal(64 * 14 * 14, conv!.Length);
        for (int o = 0; o < 64; o += 7)
            for (int y = 0; y < 14; y++)
                for (int x = 0; x < 14; x++)
                {
                    double sum = 0;
                    for (int ky = 0; ky < 4; ky++)
                        for (int kx = 0; kx < 4; kx++)
                        {
                            int iy = 2 * y - 1 + ky, ix = 2 * x - 1 + kx;
                            if (iy is >= 0 and < 28 && ix is >= 0 and < 28) sum += w[o * 16 + ky * 4 + kx] * image[iy * 28 + ix];
                        }
                    Assert.Equal(sum, conv[(o * 14 + y) * 14 + x], 1e-5);
                }
    }

    [Fact]
    public void TrainModeUpdatesBatchNormRunningStatisticsAndEvalDoesNot()
    {
        using var d = TorchNetwork.Create(Discriminator, 4);
        var images = TestData.Trousers(8);
        float[] RunningMean() => d.Parameters().Single(t => t.Name == "3.running_mean").Data;

        d.Forward(images, 8, train: false);
        Assert.All(RunningMean(), v => Assert.Equal(0f, v));
        d.Forward(images, 8, train: true);
        Assert.Contains(RunningMean(), v => v != 0f);
    }

    [Fact]
    public void GeneratorMapsLatentToTanhImagesAndSampleReturnsItsLatent()
    {
        using var g = TorchNetwork.Create(DcganSpecs.Generator(), 5);
        var (images, z) = g.Sample(4, seed: 9, returnLatent: true);
        Assert.Equal(4 * 784, images.Length);
        Assert.Equal(4 * 100, z!.Length);
        Assert.All(images, v => Assert.InRange(v, -1f, 1f));
        Assert.Equal(images, g.Forward(z, 4).Output);
        Assert.Equal(z, g.Sample(4, seed: 9, returnLatent: true).Latent);
        Assert.NotEqual(z, g.Sample(4, seed: 10, returnLatent: true).Latent);
        var (mean, std) = (z.Average(), Math.Sqrt(z.Average(v => v * v) - z.Average() * z.Average()));
        Assert.InRange(mean, -0.25, 0.25);
        Assert.InRange(std, 0.8, 1.2);
    }

    [Fact]
    public void WrongInputLengthOrTapIndexIsRejectedBeforeNative()
    {
        using var d = TorchNetwork.Create(Discriminator, 1);
        Assert.Throws<ArgumentException>(() => d.Forward(new float[783], 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => d.Forward(new float[784], 1, tapLayer: 7));
        Assert.Throws<ArgumentOutOfRangeException>(() => d.Forward(new float[784], 0));
    }

    [Fact]
    public void DisposedNetworkThrows()
    {
        var d = TorchNetwork.Create(Discriminator, 1);
        d.Dispose();
        Assert.Throws<ObjectDisposedException>(() => d.Forward(new float[784], 1));
    }
}
