using Microsoft.Extensions.Logging.Abstractions;
using Moderation.Export.Detector;
using Moderation.Retraining.Detection;
using Moderation.Training.Pipelines;
using Moderation.Training.Torch;

namespace Moderation.Retraining.Tests;

/// <summary>The same pipeline and seed give the same ONNX bytes with the same thread count (a short run: one epoch on
/// 600 trousers, a one-epoch zoo, 20 fine-tuning steps); another seed gives other bytes.</summary>
public sealed class ReproducibilityTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void SamePipelineAndSeedGiveTheSameOnnxBytes()
    {
        TorchRuntime.SetThreads(2);
        var first = Train("first", seed: 5);
        var second = Train("second", seed: 5);
        var other = Train("other", seed: 6);
        foreach (var file in new[] { RetrainingJob.DiscriminatorFile, RetrainingJob.GeneratorFile })
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(first, file)), File.ReadAllBytes(Path.Combine(second, file)));
            Assert.NotEqual(File.ReadAllBytes(Path.Combine(first, file)), File.ReadAllBytes(Path.Combine(other, file)));
        }
    }

    private string Train(string name, long seed)
    {
        var pipeline = new TrainingPipeline
        {
            Name = "trouser-repro",
            Dataset = new PipelineDataset { Kind = PipelineDataset.FashionMnistKind, NormalClasses = [1] },
            Hyperparameters = new TrainingHyperparameters { Epochs = 1, CalibrationFraction = 0.9, Seed = seed },
            OutputFolder = Path.Combine(folder.Path, name),
        };
        var recipe = DetectorRecipe.Default with
        {
            Transform = null,
            Terms = [new(new FeatureTap(1, 2), AnomalyTermKind.NearestNeighbour, 16)],
            Synthetic = new SyntheticRecipe { Steps = 20, Zoo = TinyZoo.Recipe },
        };
        return new RetrainingJob(NullLogger<RetrainingJob>.Instance) { Recipe = recipe }.Run(pipeline).Folder;
    }
}
