using Microsoft.Extensions.Logging.Abstractions;
using Moderation.Core.Metrics;
using Moderation.Imaging;
using Moderation.Scoring.Discriminator;
using Moderation.Scoring.Runtime;
using Moderation.Tools.Imaging;

namespace Moderation.Retraining.Tests.ShippedModel;

/// <summary>
/// The model shipped in <c>models/fashion-trouser</c>, scored as the service scores posts: images encoded as PNG and
/// JPEG, decoded and resized by <see cref="ImagePreprocessor"/>, scored by <see cref="DiscriminatorScorer"/> with the
/// model card's thresholds (a post is flagged when any score is above its threshold).
/// </summary>
public sealed class ShippedModelTests : IDisposable
{
    private readonly DiscriminatorScorer scorer = new(Path.Combine(TestData.RepoRoot(), "models", "fashion-trouser"),
        new OnnxSessionOptions { IntraOpThreads = 1 }, NullLogger.Instance);

    public void Dispose() => scorer.Dispose();

    [Fact]
    public void AtLeast99PercentOfTheDegenerateCorpusIsFlaggedAsPngAndAsJpeg()
    {
        var preprocessor = new ImagePreprocessor();
        var corpus = DegenerateCorpus.All().ToArray();
        Assert.True(corpus.Length > 250, $"{corpus.Length} images");
        Assert.Contains(corpus, c => c.Kind == "text" && c.Pixels.Distinct().Count() > 2); // the font drew glyphs, antialiased
        var encoded = corpus.SelectMany(c => new[]
        {
            (c.Kind + " png", ImageEncoder.EncodePng(c.Pixels, c.Width, c.Height), "image/png"),
            (c.Kind + " jpeg", ImageEncoder.EncodeJpeg(c.Pixels, c.Width, c.Height, 90), "image/jpeg"),
        }).ToArray();
        var images = new float[encoded.Length * 784];
        for (int i = 0; i < encoded.Length; i++) preprocessor.Preprocess(encoded[i].Item2, encoded[i].Item3, images.AsSpan(i * 784, 784));
        var flagged = Flagged(images, encoded.Length);
        var missed = encoded.Where((_, i) => !flagged[i]).GroupBy(e => e.Item1).Select(g => $"{g.Key} ×{g.Count()}").ToArray();
        double share = flagged.Count(f => f) / (double)encoded.Length;
        Assert.True(share >= 0.99, $"{share:P1} of {encoded.Length} flagged; missed: {string.Join(", ", missed)}");
    }

    [Fact]
    public void TheVerdictsFalsePositiveRateOnTestTrousersCalibrationNeverSawLiesInsideTheBinomialInterval()
    {
        // Fashion-MNIST's test split: the retraining job calibrated on held-out training images only.
        var test = Moderation.Training.Data.FashionMnist.LoadTest();
        var trousers = test.WhereClass([1]);
        var flagged = Flagged(trousers.ToTensor(), trousers.Count);
        var interval = BinomialInterval.Of(trousers.Count, scorer.Card.Metrics["verdict_target_fpr"]);
        int count = flagged.Count(f => f);
        Assert.True(interval.Contains(count), $"{count} of {trousers.Count} flagged, interval {interval.LowCount}–{interval.HighCount}");
        Assert.Equal(interval.Low, scorer.Card.Metrics["verdict_fpr_interval_low"], 9);
        Assert.Equal(interval.High, scorer.Card.Metrics["verdict_fpr_interval_high"], 9);
        Assert.Equal(count / (double)trousers.Count, scorer.Card.Metrics["verdict_realised_fpr_test"], 3);
    }

    [Fact]
    public void TheCardNamesTheDegenerateThresholdAndTheZoo()
    {
        Assert.Equal(["abnormal", "degenerate", "synthetic"], scorer.Card.Thresholds.Select(t => t.Reason));
        Assert.Equal(scorer.Card.Thresholds.Select(t => t.Reason), scorer.ScoreNames);
        Assert.Contains("pixelshuffle", scorer.Card.Architecture["zoo"], StringComparison.Ordinal);
        Assert.Contains("vae", scorer.Card.Architecture["zoo"], StringComparison.Ordinal);
    }

    [Fact]
    public void TheZooSamplesKeptWithTheModelAreFlagged()
    {
        // families the synthetic classifier was trained on, samples of seeds it never saw (a held-out family is the
        // evaluation's leave-one-family-out): what a reviewer can re-score against a new model
        var folder = Path.Combine(TestData.RepoRoot(), "models", "fashion-trouser");
        var families = scorer.Card.Architecture["zoo"].Split('\n').Select(line => line[..line.IndexOf(':', StringComparison.Ordinal)]).ToArray();
        Assert.Equal(5, families.Length);
        foreach (var family in families)
        {
            var samples = Moderation.Retraining.Zoo.SampleGrid.Read(File.ReadAllBytes(RetrainingJob.SamplesPath(folder, family)), 10, 10);
            double share = Flagged(samples, 100).Count(f => f) / 100.0;
            Assert.True(share >= 0.95, $"{family}: {share:P0} of 100 kept samples flagged");
        }
    }

    private bool[] Flagged(float[] images, int count)
    {
        var scores = scorer.Score(images, count);
        var thresholds = scorer.Card.Thresholds.Select(t => t.Value).ToArray();
        return [.. Enumerable.Range(0, count).Select(i => Enumerable.Range(0, thresholds.Length).Any(j => scores[i * thresholds.Length + j] > thresholds[j]))];
    }
}
