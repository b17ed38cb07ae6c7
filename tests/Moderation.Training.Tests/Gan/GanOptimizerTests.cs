using Moderation.Core.Networks;
using Moderation.Training.Torch;

namespace Moderation.Training.Tests.Gan;

public sealed class GanOptimizerTests
{
    private const long GSeed = 10, DSeed = 11, NoiseSeed = 12;
    private const int Batch = 64;

    [Theory]
    [InlineData(1.0f)]
    [InlineData(0.9f)]
    public void FirstStepLossesMatchBceComputedFromSeparateForwardPasses(float realLabel)
    {
        var real = TestData.Trousers(Batch);

        // Reference: the same networks (same seeds) and the same z, evaluated without optimisation.
        double expectedLoss, expectedReal, expectedFake;
        using (var g = TorchNetwork.Create(DcganSpecs.Generator(), GSeed))
        using (var d = TorchNetwork.Create(DcganSpecs.Discriminator(), DSeed))
        {
            var z = g.Sample(Batch, NoiseSeed, returnLatent: true).Latent!;
            var realLogits = d.Forward(real, Batch, train: true).Output;
            var fakeLogits = d.Forward(g.Forward(z, Batch, train: true).Output, Batch, train: true).Output;
            expectedLoss = Bce(realLogits, realLabel) + Bce(fakeLogits, 0);
            expectedReal = realLogits.Average(l => 1 / (1 + Math.Exp(-l)));
            expectedFake = fakeLogits.Average(l => 1 / (1 + Math.Exp(-l)));
        }

        using var generator = TorchNetwork.Create(DcganSpecs.Generator(), GSeed);
        using var discriminator = TorchNetwork.Create(DcganSpecs.Discriminator(), DSeed);
        using var optimizer = new GanOptimizer(generator, discriminator, 2e-4, 0.5, 0.999, NoiseSeed);
        var step = optimizer.Step(real, Batch, realLabel);

        Assert.Equal(expectedLoss, step.DiscriminatorLoss, 1e-4);
        Assert.Equal(expectedReal, step.RealProbability, 1e-5);
        Assert.Equal(expectedFake, step.FakeProbability, 1e-5);
        Assert.True(float.IsFinite(step.GeneratorLoss) && step.GeneratorLoss > 0);
    }

    [Fact]
    public void StepsChangeBothNetworks()
    {
        using var generator = TorchNetwork.Create(DcganSpecs.Generator(), GSeed);
        using var discriminator = TorchNetwork.Create(DcganSpecs.Discriminator(), DSeed);
        var g0 = generator.Parameters().Single(t => t.Name == "1.weight").Data;
        var d0 = discriminator.Parameters().Single(t => t.Name == "6.weight").Data;
        using var optimizer = new GanOptimizer(generator, discriminator, 2e-4, 0.5, 0.999, NoiseSeed);

        optimizer.Step(TestData.Trousers(Batch), Batch);

        Assert.NotEqual(g0, generator.Parameters().Single(t => t.Name == "1.weight").Data);
        Assert.NotEqual(d0, discriminator.Parameters().Single(t => t.Name == "6.weight").Data);
    }

    [Fact]
    public void MismatchedNetworksAndBadArgumentsAreRejected()
    {
        using var generator = TorchNetwork.Create(DcganSpecs.Generator(), 1);
        using var discriminator = TorchNetwork.Create(DcganSpecs.Discriminator(), 2);
        var swapped = Assert.Throws<ArgumentException>(() => new GanOptimizer(discriminator, generator, 2e-4, 0.5, 0.999, 3));
        Assert.Contains("the generator produces 1 values per sample, the discriminator takes 100", swapped.Message);

        using var optimizer = new GanOptimizer(generator, discriminator, 2e-4, 0.5, 0.999, 3);
        var label = Assert.Throws<ArgumentOutOfRangeException>(() => optimizer.Step(new float[2 * 784], 2, realLabel: 1.5f));
        Assert.Contains("must be in (0,1]", label.Message);
        Assert.Throws<ArgumentException>(() => optimizer.Step(new float[784], 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => optimizer.Step(new float[784], 1));
    }

    private static double Bce(float[] logits, double target) =>
        logits.Average(l => Math.Max(l, 0) - l * target + Math.Log(1 + Math.Exp(-Math.Abs(l))));
}
