using Moderation.Core.Networks;
using Moderation.Training.Gan;
using Moderation.Training.Pipelines;
using Moderation.Training.Torch;

namespace Moderation.Training.Tests.Gan;

public sealed class GanTrainerTests
{
    private static readonly TrainingHyperparameters Few = new() { Epochs = 1, BatchSize = 64, Seed = 7 };

    [Fact]
    public void FewStepsOnRealTrousersAreFiniteReproducibleAndChangeTheNetworks()
    {
        var images = TestData.Trousers(256);
        var progress = new ListProgress<TrainingProgress>();
        var trainer = new GanTrainer(Few) { ProgressInterval = 2 };

        using var first = trainer.Train(images, 256, progress);
        using var second = new GanTrainer(Few).Train(images, 256);

        Assert.Equal(4, first.Steps);
        Assert.Equal([(1, 2, 4), (1, 4, 4)], progress.Reports.Select(p => (p.Epoch, p.Step, p.StepsPerEpoch)));
        Assert.All(progress.Reports, p =>
        {
            Assert.True(double.IsFinite(p.DiscriminatorLoss) && p.DiscriminatorLoss > 0);
            Assert.True(double.IsFinite(p.GeneratorLoss) && p.GeneratorLoss > 0);
            Assert.InRange(p.RealProbability, 0, 1);
            Assert.InRange(p.FakeProbability, 0, 1);
            Assert.True(p.ImagesPerSecond > 0);
        });
        var (a, b) = (first.EpochSummaries.Single(), second.EpochSummaries.Single());
        Assert.Equal(a.DiscriminatorLoss, b.DiscriminatorLoss, 1e-5);
        Assert.Equal(a.GeneratorLoss, b.GeneratorLoss, 1e-5);
        AssertClose(first.Discriminator.Parameters(), second.Discriminator.Parameters(), 1e-5);
        AssertClose(first.Generator.Parameters(), second.Generator.Parameters(), 1e-5);

        using var freshG = TorchNetwork.Create(DcganSpecs.Generator(), Few.Seed);
        using var freshD = TorchNetwork.Create(DcganSpecs.Discriminator(), Few.Seed + 1);
        Assert.NotEqual(freshG.Parameters()[0].Data, first.Generator.Parameters()[0].Data);
        Assert.NotEqual(freshD.Parameters()[0].Data, first.Discriminator.Parameters()[0].Data);
    }

    [Fact]
    public void AnotherSeedTrainsDifferently()
    {
        var images = TestData.Trousers(128);
        using var a = new GanTrainer(Few).Train(images, 128);
        using var b = new GanTrainer(Few with { Seed = 8 }).Train(images, 128);
        Assert.NotEqual(a.EpochSummaries[0].DiscriminatorLoss, b.EpochSummaries[0].DiscriminatorLoss);
    }

    [Fact]
    public void CancellationStopsTraining()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.Throws<OperationCanceledException>(() => new GanTrainer(Few).Train(TestData.Trousers(64), 64, cancellationToken: cts.Token));
    }

    [Fact]
    public void InvalidInputsAreRejected()
    {
        var e = Assert.Throws<ArgumentException>(() => new GanTrainer(Few with { BatchSize = 1 }));
        Assert.Contains("hyperparameters.batchSize", e.Message);
        Assert.Throws<ArgumentException>(() => new GanTrainer(Few).Train(new float[63 * 784], 63));
        Assert.Throws<ArgumentException>(() => new GanTrainer(Few).Train(new float[64 * 784 - 1], 64));
    }

    private static void AssertClose(IReadOnlyList<NamedTensor> expected, IReadOnlyList<NamedTensor> actual, double tolerance)
    {
        Assert.Equal(expected.Select(t => t.Name), actual.Select(t => t.Name));
        foreach (var (e, a) in expected.Zip(actual))
            for (int i = 0; i < e.Data.Length; i++)
                Assert.True(Math.Abs(e.Data[i] - a.Data[i]) <= tolerance, $"{e.Name}[{i}]: {e.Data[i]} vs {a.Data[i]}");
    }
}
