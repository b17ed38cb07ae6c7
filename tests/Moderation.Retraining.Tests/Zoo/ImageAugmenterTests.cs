using Moderation.Retraining.Detection;
using Moderation.Retraining.Zoo;

namespace Moderation.Retraining.Tests.Zoo;

/// <summary>The synthetic detector's augmentations on real trouser images: each keeps the image recognisable (small
/// mean change), changes it as its kind should, and everything ends on the 256 levels of an 8-bit image.</summary>
public sealed class ImageAugmenterTests
{
    private static readonly float[] Trouser = TestData.Images(1, 1);

    [Fact]
    public void BlurKeepsTheMeanAndLowersTheEdgeEnergy()
    {
        var image = Trouser.ToArray();
        new ImageAugmenter(new AugmentationRecipe(), new Random(1)).Blur(image, 1.0);
        Assert.Equal(Trouser.Average(), image.Average(), 2);
        Assert.True(EdgeEnergy(image) < 0.7 * EdgeEnergy(Trouser), $"{EdgeEnergy(image):F1} vs {EdgeEnergy(Trouser):F1}");
    }

    [Fact]
    public void JpegReEncodingChangesPixelsALittleAndLowQualityMore()
    {
        var high = Trouser.ToArray();
        var low = Trouser.ToArray();
        var augmenter = new ImageAugmenter(new AugmentationRecipe(), new Random(1));
        augmenter.Jpeg(high, 95);
        augmenter.Jpeg(low, 30);
        double highError = MeanAbs(high, Trouser), lowError = MeanAbs(low, Trouser);
        Assert.InRange(highError, 1e-4, 0.05);
        Assert.True(lowError > highError, $"quality 30: {lowError:F4}, quality 95: {highError:F4}");
    }

    [Fact]
    public void ResizeThroughASmallerSideBlursAndKeepsTheShape()
    {
        var image = Trouser.ToArray();
        new ImageAugmenter(new AugmentationRecipe(), new Random(1)).Resize(image, 18);
        Assert.InRange(MeanAbs(image, Trouser), 0.005, 0.2);
        Assert.Equal(Trouser.Average(), image.Average(), 1);
    }

    [Fact]
    public void EveryAugmentedImageIsQuantisedToEightBitsAndTheDrawsAreSeeded()
    {
        var a = Enumerable.Range(0, 20).SelectMany(_ => Trouser).ToArray();
        var b = a.ToArray();
        var always = new AugmentationRecipe { BlurProbability = 0.5, JpegProbability = 0.5, ResizeProbability = 0.5, NoiseProbability = 0.5 };
        new ImageAugmenter(always, new Random(9)).Apply(a, 20);
        new ImageAugmenter(always, new Random(9)).Apply(b, 20);
        Assert.Equal(a, b);
        Assert.All(a, v => Assert.Equal(Math.Round((v + 1) * 127.5), (v + 1) * 127.5, 3));
        Assert.NotEqual(Trouser, a.Take(784).ToArray());
    }

    [Fact]
    public void QuantiseRoundsToTheNearestOfTheTwoHundredFiftySixLevels()
    {
        float[] values = [-1f, 1f, 0f, -0.999f, 2f];
        ZooTrainer.Quantise(values);
        Assert.Equal([-1f, 1f, 128 / 127.5f - 1, -1f, 1f], values);
    }

    private static double EdgeEnergy(float[] x) => Enumerable.Range(0, 28).Sum(r => Enumerable.Range(0, 27).Sum(c => Math.Abs(x[r * 28 + c + 1] - x[r * 28 + c])));

    private static double MeanAbs(float[] a, float[] b) => a.Zip(b).Average(p => Math.Abs(p.First - p.Second));
}
