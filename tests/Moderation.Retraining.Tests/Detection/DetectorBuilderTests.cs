using Microsoft.Extensions.Logging.Abstractions;
using Moderation.Retraining.Detection;
using Moderation.Training.Gan;
using Moderation.Training.Pipelines;

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

    [Fact]
    public void ATermTappingAMissingTransformationClassifierIsRefusedBeforeAnyTraining()
    {
        var steps = new List<TrainingProgress>();
        var recipe = DetectorRecipe.Default with { Transform = null }; // the default terms include a classifier tap
        var e = Assert.Throws<ArgumentException>(() => new DetectorBuilder(NullLogger.Instance).Build(
            new TrainingHyperparameters { Epochs = 1 }, TestData.Images(1, 128), 128, recipe, new SynchronousProgress(steps.Add)));
        Assert.Contains("transformation classifier", e.Message, StringComparison.Ordinal);
        Assert.Empty(steps);
    }

    private sealed class SynchronousProgress(Action<TrainingProgress> report) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => report(value);
    }
}
