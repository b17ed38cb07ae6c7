using Moderation.Training.Pipelines;

namespace Moderation.Training.Tests.Pipelines;

public sealed class NormalImagesLoaderTests
{
    private static readonly TrainingPipeline Trousers = TrainingPipeline.Parse("""
        { "name": "t", "dataset": { "kind": "fashion-mnist", "normalClasses": [1] }, "outputFolder": "o",
          "hyperparameters": { "seed": 5, "calibrationFraction": 0.1 } }
        """);

    [Fact]
    public void HoldsOutTheCalibrationShareOfTheNormalTrainingImagesDisjointly()
    {
        var data = NormalImagesLoader.Load(Trousers);

        Assert.Equal((5_400, 600, 28), (data.TrainCount, data.CalibrationCount, data.Size));
        Assert.Equal(5_400 * 784, data.Train.Length);
        Assert.Equal(600 * 784, data.Calibration.Length);
        var all = TestData.Train.WhereClass([1]).ToTensor();
        var source = Rows(all, 6_000).ToHashSet();
        var train = Rows(data.Train, data.TrainCount).ToList();
        var calibration = Rows(data.Calibration, data.CalibrationCount).ToList();
        Assert.All(train.Concat(calibration), row => Assert.Contains(row, source));
        Assert.Empty(train.ToHashSet().Intersect(calibration));
    }

    [Fact]
    public void TheSplitDependsOnlyOnTheSeed()
    {
        var a = NormalImagesLoader.Load(Trousers);
        var b = NormalImagesLoader.Load(Trousers);
        var c = NormalImagesLoader.Load(Trousers with { Hyperparameters = Trousers.Hyperparameters with { Seed = 6 } });
        Assert.Equal(a.Calibration, b.Calibration);
        Assert.NotEqual(a.Calibration, c.Calibration);
    }

    [Fact]
    public void ExtraNormalImagesJoinTheDataSetBeforeTheSeededSplit()
    {
        var extra = Enumerable.Range(0, 50 * 784).Select(i => (i / 784) / 50f - 0.5f).ToArray(); // 50 distinct flat images
        var data = NormalImagesLoader.Load(Trousers with { ExtraNormal = new ExtraNormalImages(extra, 50, 28, "dismissed posts") });

        Assert.Equal(6_050, data.TrainCount + data.CalibrationCount);
        Assert.Equal(605, data.CalibrationCount);
        var rows = Rows(data.Train, data.TrainCount).Concat(Rows(data.Calibration, data.CalibrationCount)).ToHashSet();
        Assert.All(Rows(extra, 50), row => Assert.Contains(row, rows)); // each extra image is in exactly one part
        Assert.Contains("28×28", Assert.Throws<InvalidDataException>(() =>
            NormalImagesLoader.Load(Trousers with { ExtraNormal = new ExtraNormalImages(new float[32 * 32], 1, 32, "dismissed posts") })).Message);
    }

    [Fact]
    public void TooFewCalibrationImagesForTheTargetFprAreRejected()
    {
        var h = new TrainingHyperparameters { CalibrationFraction = 0.05, TargetFpr = 0.001, BatchSize = 64 };
        var e = Assert.Throws<InvalidDataException>(() => NormalImagesLoader.Split(new float[2000 * 4], 2000, 2, h));
        Assert.Contains("needs at least 1000", e.Message);
    }

    [Fact]
    public void FolderPipelinesNeedAPreprocessor()
    {
        var folder = Trousers with { Dataset = new PipelineDataset { Kind = PipelineDataset.FolderKind, Path = "/tmp" } };
        Assert.Throws<ArgumentException>(() => NormalImagesLoader.Load(folder));
    }

    /// <summary>Each image as a string key (for set comparisons).</summary>
    private static IEnumerable<string> Rows(float[] images, int count) =>
        Enumerable.Range(0, count).Select(i => Convert.ToBase64String(
            System.Runtime.InteropServices.MemoryMarshal.AsBytes(images.AsSpan(i * 784, 784))));
}
