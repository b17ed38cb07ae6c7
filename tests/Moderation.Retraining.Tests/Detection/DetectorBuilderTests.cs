using Moderation.Retraining.Detection;

namespace Moderation.Retraining.Tests.Detection;

public sealed class DetectorBuilderTests
{
    [Fact]
    public void TheStandardisationShareIsDisjointFromTheFitShareAndTogetherTheyAreEveryImage()
    {
        const int count = 50, size = 3;
        var images = new float[count * size];
        for (int i = 0; i < count; i++) images.AsSpan(i * size, size).Fill(i);   // image i holds the value i
        var (fit, fitCount, standardise) = DetectorBuilder.Split(images, count, held: 5, size, seed: 42);
        Assert.Equal(45, fitCount);
        var fitIds = Enumerable.Range(0, fitCount).Select(i => (int)fit[i * size]).ToArray();
        var heldIds = Enumerable.Range(0, 5).Select(i => (int)standardise[i * size]).ToArray();
        Assert.Empty(fitIds.Intersect(heldIds));
        Assert.Equal(Enumerable.Range(0, count), fitIds.Concat(heldIds).Order());
        Assert.Equal(fitIds.Order(), fitIds);   // source order is kept
        var (_, _, again) = DetectorBuilder.Split(images, count, 5, size, seed: 42);
        Assert.Equal(standardise, again);
    }
}
