using Moderation.Retraining.Zoo;
using Microsoft.Extensions.Logging.Abstractions;
using Moderation.Core.Models;
using Moderation.Export;
using Moderation.Export.Detector;
using Moderation.Scoring.Discriminator;
using Moderation.Scoring.Runtime;
using Moderation.Retraining.Detection;
using Moderation.Training.Pipelines;
using Moderation.Training.Torch;

namespace Moderation.Retraining.Tests;

/// <summary>The retraining job end to end on a small share of the trouser images (one epoch on 600 images, a short
/// fine-tune): the model folder, the card's two thresholds, and the streaming service's scorer reading both scores.</summary>
public sealed class RetrainingJobTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void TheJobWritesADetectorWithTwoCalibratedScoresThatTheStreamingScorerReads()
    {
        TorchRuntime.SetThreads(1);
        var output = Path.Combine(folder.Path, "trouser");
        var pipeline = new TrainingPipeline
        {
            Name = "trouser-test",
            Dataset = new PipelineDataset { Kind = PipelineDataset.FashionMnistKind, NormalClasses = [1] },
            Hyperparameters = new TrainingHyperparameters { Epochs = 1, CalibrationFraction = 0.9, Seed = 5 },
            OutputFolder = output,
        };
        var recipe = DetectorRecipe.Default with
        {
            Terms =
            [
                new(new FeatureTap(FeatureTap.Input), AnomalyTermKind.NearestNeighbour, 32),
                new(new FeatureTap(1, 2), AnomalyTermKind.Gaussian, 16),
            ],
            Synthetic = new SyntheticRecipe { Steps = 40, Zoo = TinyZoo.Recipe },
        };
        var result = new RetrainingJob(NullLogger<RetrainingJob>.Instance) { Recipe = recipe }.Run(pipeline);

        var (card, onnxPath) = ModelCardStore.LoadVerified(output);
        Assert.Equal(result.Card.Onnx.Sha256, card.Onnx.Sha256);
        Assert.Equal([("abnormal", OnnxTensorNames.AnomalyScore), ("degenerate", DetectorTensorNames.DegenerateScore), ("synthetic", DetectorTensorNames.SyntheticScore)],
            card.Thresholds.Select(t => (t.Reason, t.Output)));
        // calibrated jointly: each score gets a share of the 1 % between 1/3 % and 1 %, the verdict (any score) flags at most
        // the conformal allowance ⌊0.01·5401⌋ − 1 = 53 of the 5,400 calibration images
        Assert.All(card.Thresholds, t =>
        {
            Assert.InRange(t.TargetFpr, 0.0033, 0.01);
            Assert.InRange(t.RealisedFpr, 0, 0.03);
        });
        Assert.Single(card.Thresholds.Select(t => t.TargetFpr).Distinct());
        Assert.Equal(0.01, card.Metrics["verdict_target_fpr"]);
        Assert.InRange(card.Metrics["verdict_calibration_fpr"], 0.008, 53 / 5400.0);
        Assert.Equal(0.004, card.Metrics["verdict_fpr_interval_low"]);
        Assert.Equal(0.017, card.Metrics["verdict_fpr_interval_high"]);
        Assert.Equal(1000, card.Metrics["verdict_fpr_test_images"]);
        Assert.Contains("nearest-hinge", card.Architecture["zoo"], StringComparison.Ordinal);
        Assert.True(card.Metrics.ContainsKey("verdict_tpr_zoo.vae"));
        Assert.InRange(card.Metrics["verdict_realised_fpr_test"], 0, 0.03);
        Assert.Equal(5400, card.Dataset.CalibrationImages);
        Assert.True(card.Metrics["anomaly_score.auroc_other_classes"] > 0.9, $"AUROC {card.Metrics["anomaly_score.auroc_other_classes"]:F3}");
        Assert.True(card.Metrics["synthetic_score.auroc_generator_samples"] > 0.9);
        Assert.Contains("nearest_neighbour@image", card.Architecture["anomaly_score"], StringComparison.Ordinal);
        Assert.True(new FileInfo(onnxPath).Length < 20_000_000);
        Assert.True(File.Exists(Path.Combine(output, RetrainingJob.GeneratorFile)));
        // every zoo family's test samples are kept with the model: up to 100 distinct 28×28 tiles each (the tiny zoo has 64)
        var families = card.Architecture["zoo"].Split('\n').Select(line => line[..line.IndexOf(':', StringComparison.Ordinal)]).ToArray();
        Assert.Equal(["dcgan-transposed", "nearest-hinge", "bilinear-lsgan", "pixelshuffle-ns", "vae"], families);
        Assert.All(families, family =>
        {
            var tiles = SampleGrid.Read(File.ReadAllBytes(RetrainingJob.SamplesPath(output, family)), 10, 10);
            Assert.Equal(100 * 784, tiles.Length);
            var kept = Enumerable.Range(0, 100).Select(i => tiles.AsSpan(i * 784, 784).ToArray()).Where(t => t.Any(v => v > -1)).ToArray();
            Assert.InRange(kept.Length, 64, 100);
            Assert.Equal(kept.Length, kept.Select(t => string.Join(',', t)).Distinct().Count());
        });

        using var scorer = new DiscriminatorScorer(output, new OnnxSessionOptions { IntraOpThreads = 1 }, NullLogger.Instance);
        Assert.Equal(["abnormal", "degenerate", "synthetic"], scorer.ScoreNames);
        var images = TestData.Images(1, 4, skip: 100);
        var scores = scorer.Score(images, 4);
        var direct = OnnxScoring.ScoreAll(onnxPath, [OnnxTensorNames.AnomalyScore, DetectorTensorNames.DegenerateScore, DetectorTensorNames.SyntheticScore], images, 4);
        for (int i = 0; i < 4; i++)
        for (int j = 0; j < 3; j++)
            Assert.Equal(direct[j][i], scores[i * 3 + j], 1e-6);
    }

    [Theory]
    [InlineData(true, true, 399)]   // three scores at 1 %: ⌈(3+1)/0.01⌉ − 1
    [InlineData(false, false, 199)] // anomaly_score alone
    public void TooFewCalibrationImagesForTheRecipesScoresFailBeforeTraining(bool degenerate, bool synthetic, int minimum)
    {
        // 6,000 trousers × 5 % = 300 calibration images, too few for three scores; × 3 % = 180, too few even for one (the
        // loader's own floor is ⌈1/α⌉ = 100)
        var pipeline = new TrainingPipeline
        {
            Name = "trouser-too-few",
            Dataset = new PipelineDataset { Kind = PipelineDataset.FashionMnistKind, NormalClasses = [1] },
            Hyperparameters = new TrainingHyperparameters { Epochs = 1, CalibrationFraction = minimum > 300 ? 0.05 : 0.03, Seed = 5 },
            OutputFolder = Path.Combine(folder.Path, "never"),
        };
        var recipe = DetectorRecipe.Default with { DegenerateCheck = degenerate, Synthetic = synthetic ? DetectorRecipe.Default.Synthetic : null };

        var error = Assert.Throws<InvalidDataException>(() => new RetrainingJob(NullLogger<RetrainingJob>.Instance) { Recipe = recipe }.Run(pipeline));

        Assert.Contains($"needs at least {minimum}", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(pipeline.OutputFolder));
    }
}
