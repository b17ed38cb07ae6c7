using Moderation.Core.Networks;
using Moderation.Training.Torch;

namespace Moderation.Training.Tests.Torch;

public sealed class ClassifierOptimizerTests
{
    private const int Batch = 32;

    [Fact]
    public void FirstStepLossMatchesBceComputedFromSeparateForwardPasses()
    {
        var (real, fake) = RealAndGenerated();
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
    public void OneBatchStepLossMatchesBceComputedFromOneForwardPassOverBothBatches()
    {
        // BatchNorm in train mode: one pass over real+fake normalises both with the mixed batch's statistics, which
        // differs from two passes (the default) whenever the two batches' statistics differ
        var (real, fake) = RealAndGenerated();
        using var d = TorchNetwork.Create(DcganSpecs.Discriminator(width: 8), 5);
        using var reference = d.Copy();
        var logits = reference.Forward([.. real, .. fake], 2 * Batch, train: true).Output;
        var separate = reference.Forward(real, Batch, train: true).Output;

        using var optimizer = new ClassifierOptimizer(d, 1e-4, 0.5, 0.999);
        var step = optimizer.Step(real, Batch, fake, Batch, oneBatch: true);

        Assert.Equal(Bce(logits[..Batch], 1) + Bce(logits[Batch..], 0), step.Loss, 1e-4);
        Assert.Equal(logits[..Batch].Average(Sigmoid), step.RealProbability, 1e-5);
        Assert.NotEqual(separate.Average(Sigmoid), step.RealProbability, 3);
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
    public void LabelledStepLossMatchesCrossEntropyComputedFromASeparateForwardPass()
    {
        var images = TestData.Trousers(Batch);
        var labels = Enumerable.Range(0, Batch).Select(i => (long)(i % DihedralTransforms.Count)).ToArray();
        using var c = TorchNetwork.Create(TransformClassifierSpecs.Create(width: 4), 9);
        using var reference = c.Copy();
        var logits = reference.Forward(images, Batch, train: true).Output;
        double expected = 0, correct = 0;
        for (int i = 0; i < Batch; i++)
        {
            var row = logits.AsSpan(i * 8, 8);
            double max = double.NegativeInfinity;
            foreach (var v in row) max = Math.Max(max, v);
            double sum = 0;
            foreach (var v in row) sum += Math.Exp(v - max);
            expected += (max + Math.Log(sum) - row[(int)labels[i]]) / Batch;
            int argmax = 0;
            for (int k = 1; k < 8; k++) if (row[k] > row[argmax]) argmax = k;
            correct += argmax == labels[i] ? 1.0 / Batch : 0;
        }

        using var optimizer = new ClassifierOptimizer(c, 1e-3, 0.9, 0.999);
        var (loss, accuracy) = optimizer.Step(images, Batch, labels);
        Assert.Equal(expected, loss, 1e-4);
        Assert.Equal(correct, accuracy, 1e-5);
        Assert.Throws<ArgumentException>(() => optimizer.Step(images, Batch, [.. labels.Select(l => l + 8)])); // out of range
        Assert.Throws<ArgumentException>(() => optimizer.Step(images, Batch, images, Batch)); // 8 logits: no real-vs-fake step
    }

    [Fact]
    public void MismatchedBatchLengthsAreRejected()
    {
        using var d = TorchNetwork.Create(DcganSpecs.Discriminator(width: 8), 1);
        using var optimizer = new ClassifierOptimizer(d, 1e-4, 0.5, 0.999);
        Assert.Throws<ArgumentException>(() => optimizer.Step(new float[4 * 784], 4, new float[3 * 784], 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => optimizer.Step(new float[784], 1, new float[784], 1));
    }

    /// <summary><see cref="Batch"/> real trousers and as many samples of an untrained generator.</summary>
    private static (float[] Real, float[] Fake) RealAndGenerated()
    {
        using var g = TorchNetwork.Create(DcganSpecs.Generator(width: 16), 3);
        return (TestData.Trousers(Batch), g.Sample(Batch, 4).Images);
    }

    private static double Sigmoid(float logit) => 1 / (1 + Math.Exp(-logit));

    private static double Bce(float[] logits, double target) =>
        logits.Average(l => Math.Max(l, 0) - l * target + Math.Log(1 + Math.Exp(-Math.Abs(l))));
}
