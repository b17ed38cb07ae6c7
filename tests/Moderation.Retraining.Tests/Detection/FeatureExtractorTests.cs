using Moderation.Core.Networks;
using Moderation.Export.Detector;
using Moderation.Retraining.Detection;
using Moderation.Training.Torch;

namespace Moderation.Retraining.Tests.Detection;

public sealed class FeatureExtractorTests
{
    [Fact]
    public void PoolingAveragesNonOverlappingWindowsAndDropsTheRemainder()
    {
        // [1,3,5] = 0..14; 2×2 windows over rows 0–1 and columns 0–1, 2–3 (row 2 and column 4 are dropped)
        var source = Enumerable.Range(0, 15).Select(v => (float)v).ToArray();
        var target = new float[2];
        FeatureExtractor.Pool(source, 1, 3, 5, 2, target);
        Assert.Equal([(0 + 1 + 5 + 6) / 4f, (2 + 3 + 7 + 8) / 4f], target);
    }

    [Fact]
    public void TappedFeaturesAreTheEvalModeLayerOutputPooledAndTheImageTapIsThePixels()
    {
        using var d = TorchNetwork.Create(DcganSpecs.Discriminator(width: 8), 4);
        var images = TestData.Images(1, 3);
        var layer1 = d.Forward(images, 3, train: false, tapLayer: 1).Tap!;   // [3, 8,14,14]
        var pooled = FeatureExtractor.Extract(d, new FeatureTap(1, 2), images, 3);
        Assert.Equal(3 * 8 * 7 * 7, pooled.Length);
        // sample 2, channel 5, output (3,4) = mean of rows 6–7, columns 8–9
        int b = 2 * 8 * 196 + 5 * 196;
        float expected = (layer1[b + 6 * 14 + 8] + layer1[b + 6 * 14 + 9] + layer1[b + 7 * 14 + 8] + layer1[b + 7 * 14 + 9]) / 4;
        Assert.Equal(expected, pooled[2 * 392 + 5 * 49 + 3 * 7 + 4], 6);
        Assert.Equal(images, FeatureExtractor.Extract(d, new FeatureTap(FeatureTap.Input), images, 3));
    }
}
