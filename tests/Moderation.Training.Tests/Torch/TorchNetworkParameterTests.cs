using Moderation.Core.Networks;
using Moderation.Training.Torch;

namespace Moderation.Training.Tests.Torch;

public sealed class TorchNetworkParameterTests
{
    [Fact]
    public void DiscriminatorTensorsFollowTheSpecIncludingBatchNormBuffers()
    {
        using var d = TorchNetwork.Create(DcganSpecs.Discriminator(), seed: 1);
        var tensors = d.Parameters();
        Assert.Equal(
        [
            ("0.weight", [64, 1, 4, 4]), ("2.weight", [128, 64, 4, 4]),
            ("3.weight", [128]), ("3.bias", [128]), ("3.running_mean", [128]), ("3.running_var", [128]),
            ("6.weight", [1, 6272]), ("6.bias", [1]),
        ], tensors.Select(t => (t.Name, t.Shape)));
        Assert.All(tensors, t => Assert.Equal(t.Length, t.Data.Length));
    }

    [Fact]
    public void GeneratorTensorsFollowTheSpec()
    {
        using var g = TorchNetwork.Create(DcganSpecs.Generator(), seed: 1);
        Assert.Equal(
        [
            ("1.weight", [100, 256, 7, 7]),
            ("2.weight", [256]), ("2.bias", [256]), ("2.running_mean", [256]), ("2.running_var", [256]),
            ("4.weight", [256, 128, 4, 4]),
            ("5.weight", [128]), ("5.bias", [128]), ("5.running_mean", [128]), ("5.running_var", [128]),
            ("7.weight", [128, 1, 4, 4]),
        ], g.Parameters().Select(t => (t.Name, t.Shape)));
    }

    [Fact]
    public void InitialisationFollowsDcgan()
    {
        using var d = TorchNetwork.Create(DcganSpecs.Discriminator(), seed: 3);
        var t = d.Parameters().ToDictionary(p => p.Name, p => p.Data);
        var (convMean, convStd) = Moments(t["2.weight"]);           // 131,072 draws of N(0, 0.02)
        Assert.InRange(convMean, -0.001, 0.001);
        Assert.InRange(convStd, 0.019, 0.021);
        var (bnMean, bnStd) = Moments(t["3.weight"]);                // 128 draws of N(1, 0.02)
        Assert.InRange(bnMean, 0.99, 1.01);
        Assert.InRange(bnStd, 0.012, 0.028);
        Assert.All(t["3.bias"], v => Assert.Equal(0f, v));
        Assert.All(t["6.bias"], v => Assert.Equal(0f, v));
        Assert.All(t["3.running_mean"], v => Assert.Equal(0f, v));
        Assert.All(t["3.running_var"], v => Assert.Equal(1f, v));
    }

    [Fact]
    public void EqualSeedsGiveEqualWeightsAndOtherSeedsDoNot()
    {
        using var a = TorchNetwork.Create(DcganSpecs.Discriminator(), 5);
        using var b = TorchNetwork.Create(DcganSpecs.Discriminator(), 5);
        using var c = TorchNetwork.Create(DcganSpecs.Discriminator(), 6);
        Assert.Equal(a.Parameters()[0].Data, b.Parameters()[0].Data);
        Assert.NotEqual(a.Parameters()[0].Data, c.Parameters()[0].Data);
    }

    [Fact]
    public void SetParametersThenParametersRoundTrips()
    {
        using var d = TorchNetwork.Create(DcganSpecs.Discriminator(), 1);
        var random = new Random(11);
        var written = d.Parameters()
            .Select(t => t with { Data = [.. t.Data.Select(_ => (float)random.NextDouble() - 0.5f)] })
            .ToList();

        d.SetParameters(written);

        var read = d.Parameters();
        Assert.Equal(written.Select(t => t.Name), read.Select(t => t.Name));
        Assert.All(written.Zip(read), pair => Assert.Equal(pair.First.Data, pair.Second.Data));
    }

    [Fact]
    public void SetParametersRejectsUnknownNamesAndWrongSizes()
    {
        using var d = TorchNetwork.Create(DcganSpecs.Discriminator(), 1);
        var unknown = Assert.Throws<ArgumentException>(() => d.SetParameters([new NamedTensor("9.weight", [1], [0f])]));
        Assert.Contains("'9.weight'", unknown.Message);
        var size = Assert.Throws<ArgumentException>(() => d.SetParameters([new NamedTensor("6.bias", [2], [0f, 0f])]));
        Assert.Contains("has shape [1], got [2]", size.Message);
        Assert.Throws<ArgumentException>(() => d.SetParameters([new NamedTensor("6.bias", [1], [0f, 0f])]));
    }

    private static (double Mean, double Std) Moments(float[] values)
    {
        double mean = values.Average(v => (double)v);
        return (mean, Math.Sqrt(values.Average(v => (v - mean) * (v - mean))));
    }
}
