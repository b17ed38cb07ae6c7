using Moderation.Core.Networks;
using Moderation.Training.Torch;

namespace Moderation.Training.Tests.Torch;

public sealed class ClassifierOptimizerTests
{
    private const int Batch = 32;

    [Fact]
    public void FirstStepLossMatchesBceComputedFromSeparateForwardPasses()
    {
        var real = TestData.Trousers(Batch);
        using var g = TorchNetwork.Create(DcganSpecs.Generator(width: 16), 3);
        var fake = g.Sample(Batch, 4).Images;
        using var d = TorchNetwork.Create(DcganSpecs.Discriminator(width: 8), 5);
        using var reference = d.Copy();
        var realLogits = reference.Forward(real, Batch, train: true).Output;
        var fakeLogits = reference.Forward(fake, Batch, train: true).Output;

        using var optimizer = new ClassifierOptimizer(d, 1e-4, 0.5, 0.999);
        var step = optimizer.Step(real, Batch, fake, Batch, realLabel: 0.9f);

        Assert.Equal(Bce(realLogits, 0.9) + Bce(fakeLogits, 0), step.Loss, 1e-4);
        Assert.Equal(realLogits.Average(Sigmoid), step.RealProbability, 1e-5);
        Assert.Equal(fakeLogits.Average(Sigmoid), step.FakeProbability, 1e-5);
    }

    [Fact]
    public void FineTuningACopySeparatesRealFromGeneratedImagesAndLeavesTheOriginalUnchanged()
    {
        var images = TestData.Trousers(512);
        using var g = TorchNetwork.Create(DcganSpecs.Generator(width: 16), 7);
        using var d = TorchNetwork.Create(DcganSpecs.Discriminator(width: 8), 8);
        var before = d.Parameters().Select(p => p.Data.ToArray()).ToArray();
        using var copy = d.Copy();
        using (var optimizer = new ClassifierOptimizer(copy, 2e-4, 0.5, 0.999))
        {
            for (int step = 0; step < 40; step++)
            {
                var real = images.AsSpan(step % 16 * Batch * 784, Batch * 784);
                optimizer.Step(real, Batch, g.Sample(Batch, 100 + step).Images, Batch);
            }
        }
        var heldReal = TestData.Train.WhereClass([1]).Select([.. Enumerable.Range(4000, 200)]).ToTensor();
        var realLogits = copy.Forward(heldReal, 200).Output;
        var fakeLogits = copy.Forward(g.Sample(200, 99_999).Images, 200).Output;
        double wins = realLogits.Sum(r => fakeLogits.Count(f => r > f));
        Assert.True(wins / (200.0 * 200) > 0.95, $"AUROC real vs generated {wins / 40000:F3}");
        Assert.Equal(before, d.Parameters().Select(p => p.Data).ToArray());
    }

    [Fact]
    public void MismatchedBatchLengthsAreRejected()
    {
        using var d = TorchNetwork.Create(DcganSpecs.Discriminator(width: 8), 1);
        using var optimizer = new ClassifierOptimizer(d, 1e-4, 0.5, 0.999);
        Assert.Throws<ArgumentException>(() => optimizer.Step(new float[4 * 784], 4, new float[3 * 784], 4));
        Assert.Throws<TorchException>(() => optimizer.Step(new float[784], 1, new float[784], 1));
    }

    private static double Sigmoid(float logit) => 1 / (1 + Math.Exp(-logit));

    private static double Bce(float[] logits, double target) =>
        logits.Average(l => Math.Max(l, 0) - l * target + Math.Log(1 + Math.Exp(-Math.Abs(l))));
}
