using Microsoft.Extensions.Logging.Testing;
using Moderation.Core.Models;
using Moderation.Scoring.Discriminator;
using Moderation.Scoring.Runtime;
using Moderation.Scoring.Tests.Support;

namespace Moderation.Scoring.Tests.Discriminator;

public sealed class DiscriminatorScorerTests : IDisposable
{
    private readonly string folder = TestModels.CopyOfShipped();

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Scores_are_N_by_k_in_threshold_order_from_the_named_outputs()
    {
        using var scorer = new DiscriminatorScorer(folder, TestModels.Cpu(), new FakeLogger());
        var (card, _) = ModelCardStore.LoadVerified(folder);
        Assert.Equal(["abnormal", "degenerate", "synthetic"], scorer.ScoreNames);
        Assert.Equal([1, 28, 28], scorer.ImageShape);
        Assert.Equal($"fashion-trouser@{card.Onnx.Sha256[..12]}", scorer.ModelVersion);
        Assert.Equal("cpu", scorer.ExecutionProvider);

        const int n = 6;
        var images = TestModels.Images(n, seed: 8);
        var scores = scorer.Score(images, n);
        const int k = 3;
        Assert.Equal(n * k, scores.Length);
        using var session = new OnnxModelSession(TestModels.Discriminator, TestModels.Cpu(), new FakeLogger());
        var outputs = session.Run(images, n, ["anomaly_score", "degenerate_score", "synthetic_score"]);
        for (var i = 0; i < n; i++)
            for (var j = 0; j < k; j++)
                Assert.Equal(outputs[j].Data[i], scores[i * k + j]);

        // A batch of one gives the same row as inside the batch of six (up to float rounding: degenerate_score's
        // reductions differ by ~1e-7 relative between batch sizes in ONNX Runtime).
        var single = scorer.Score(images.AsSpan(3 * 784, 784), 1);
        for (var j = 0; j < k; j++)
            Assert.Equal(scores[3 * k + j], single[j], 1e-5 * Math.Max(1, Math.Abs(single[j])));
        Assert.Contains("[1,1,28,28]", Assert.Throws<ArgumentException>(() => scorer.Score(images.AsSpan(0, 783), 1)).Message);
    }

    [Fact]
    public void A_tampered_onnx_file_is_refused()
    {
        var path = Path.Combine(folder, "discriminator.onnx");
        var bytes = File.ReadAllBytes(path);
        bytes[^1] ^= 0x01;
        File.WriteAllBytes(path, bytes);
        var ex = Assert.Throws<InvalidDataException>(() => new DiscriminatorScorer(folder, TestModels.Cpu(), new FakeLogger()));
        Assert.Contains("SHA-256", ex.Message);
    }

    [Fact]
    public void A_card_naming_another_input_is_refused()
    {
        var (card, _) = ModelCardStore.LoadVerified(folder);
        ModelCardStore.Save(card with { Onnx = card.Onnx with { Input = "pixels" } }, folder);
        var ex = Assert.Throws<InvalidDataException>(() => new DiscriminatorScorer(folder, TestModels.Cpu(), new FakeLogger()));
        Assert.Contains("pixels", ex.Message);
    }

    [Fact]
    public void A_threshold_on_an_output_with_more_than_one_value_per_image_is_refused()
    {
        var (card, _) = ModelCardStore.LoadVerified(folder);
        ModelCardStore.Save(card with { Thresholds = [card.Thresholds[0] with { Output = "features" }] }, folder);
        var ex = Assert.Throws<InvalidDataException>(() => new DiscriminatorScorer(folder, TestModels.Cpu(), new FakeLogger()));
        Assert.Contains("features", ex.Message);
    }
}
