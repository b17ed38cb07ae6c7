using Moderation.Core.Networks;
using Moderation.Training.Gan;
using Moderation.Training.Pipelines;
using Moderation.Training.Torch;
using Moderation.Training.Vae;

namespace Moderation.Training.Tests.Zoo;

/// <summary>The zoo's generator families train on real trousers with every adversarial loss: finite losses (the step
/// guard would throw on a NaN gradient, e.g. from the stride-1 padded convolutions behind up-sampling), images in
/// (−1,1) of the right shape, and the VAE's loss falls.</summary>
public sealed class GeneratorFamilyTrainingTests
{
    private static readonly TrainingHyperparameters Few = new() { Epochs = 2, BatchSize = 64, Seed = 11 };

    public static TheoryData<string, GanLoss> Families => new()
    {
        { "nearest", GanLoss.Hinge },
        { "bilinear", GanLoss.LeastSquares },
        { "pixelshuffle", GanLoss.NonSaturating },
    };

    [Theory]
    [MemberData(nameof(Families))]
    public void UpSamplingGeneratorsTrainWithFiniteLossesAndSampleImages(string family, GanLoss loss)
    {
        var spec = family switch
        {
            "nearest" => ZooSpecs.UpsampleGenerator(32, 32, UpsampleMode.Nearest),
            "bilinear" => ZooSpecs.UpsampleGenerator(32, 32, UpsampleMode.Bilinear),
            _ => ZooSpecs.PixelShuffleGenerator(32, 32),
        };
        var images = TestData.Trousers(512);
        var trainer = new GanTrainer(Few with { LatentSize = 32 }) { GeneratorSpec = spec, DiscriminatorSpec = DcganSpecs.Discriminator(16), Loss = loss };
        using var trained = trainer.Train(images, 512);
        Assert.Equal(16, trained.Steps);
        Assert.All(trained.EpochSummaries, e => Assert.True(double.IsFinite(e.DiscriminatorLoss) && double.IsFinite(e.GeneratorLoss)));
        var (samples, _) = trained.Generator.Sample(8, 5);
        Assert.Equal(8 * 784, samples.Length);
        Assert.All(samples, v => Assert.InRange(v, -1f, 1f));
        Assert.True(samples.Distinct().Count() > 100, "samples should not be constant");
    }

    [Fact]
    public void HingeAndLeastSquaresLossesDifferFromTheNonSaturatingOne()
    {
        var images = TestData.Trousers(128);
        var h = Few with { Epochs = 1 };
        var losses = new[] { GanLoss.NonSaturating, GanLoss.Hinge, GanLoss.LeastSquares }.Select(l =>
        {
            using var t = new GanTrainer(h) { GeneratorSpec = DcganSpecs.Generator(100, 32), DiscriminatorSpec = DcganSpecs.Discriminator(16), Loss = l }.Train(images, 128);
            return t.EpochSummaries[0].DiscriminatorLoss;
        }).ToArray();
        Assert.Equal(3, losses.Distinct().Count());
        // logits near 0 give BCE ≈ 2·ln 2, hinge ≈ 2, least squares ≈ ½ (real target 1); least squares adds the logits'
        // variance, ½·(Var real + Var fake), which is not small at this seed (measured 1.09 after the merge of main)
        Assert.InRange(losses[0], 1.0, 1.8);
        Assert.InRange(losses[1], 1.5, 3.0);
        Assert.InRange(losses[2], 0.2, 1.6);
    }

    [Fact]
    public void VaeLossFallsAndItsDecoderSamplesImages()
    {
        var images = TestData.Trousers(512);
        VaeTrainer Trainer(int epochs) => new() { Epochs = epochs, Seed = 3, EncoderSpec = ZooSpecs.VaeEncoder(8, 16), DecoderSpec = ZooSpecs.VaeDecoder(8, 16) };
        var (first, firstLoss) = Trainer(1).Train(images, 512);
        first.Dispose();
        var (decoder, loss) = Trainer(4).Train(images, 512);
        using (decoder)
        {
            Assert.True(double.IsFinite(loss) && loss < firstLoss, $"loss {loss:F1} after 4 epochs vs {firstLoss:F1} after 1");
            var (samples, _) = decoder.Sample(8, 5);
            Assert.Equal(8 * 784, samples.Length);
            Assert.All(samples, v => Assert.InRange(v, -1f, 1f));
        }
    }
}
