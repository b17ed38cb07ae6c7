using System.Xml.Linq;
using Microsoft.Extensions.Logging.Abstractions;
using Moderation.Core.Models;
using Moderation.Export.Detector;
using Moderation.Imaging;
using Moderation.Retraining.Detection;
using Moderation.Retraining.Promotion;
using Moderation.Training.Pipelines;
using Moderation.Training.Torch;

namespace Moderation.Retraining.Tests.Promotion;

/// <summary>
/// Two retrain cycles on real data with a small recipe (one epoch on 600 trousers): the first challenger is trained
/// on the normal images plus the dismissed posts and promoted under a lenient gate; the second faces a gate it cannot
/// pass and is refused: the pointer stays, its folder and report stay for inspection, the champion is untouched.
/// </summary>
public sealed class PromotionJobTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_challenger_is_promoted_only_through_the_pointer_and_a_refused_one_stays_beside_the_champion()
    {
        TorchRuntime.SetThreads(1);
        var registry = new ModelRegistry(Path.Combine(_folder.Path, "registry"));
        var reviews = new FolderReviewedPostSource(ReviewedFolder.Write(Path.Combine(_folder.Path, "reviewed"), dismissed: 24, confirmed: 60));
        var champion = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../models/fashion-trouser"));
        var job = new PromotionJob(new RetrainingJob(NullLogger<RetrainingJob>.Instance) { Recipe = SmallRecipe }, new ImagePreprocessor(),
            NullLogger<PromotionJob>.Instance);

        var lenient = Pipeline(new PipelinePromotion { MinAurocDelta = -1, FprInsideInterval = false, GeneratorSamples = 100, HeldOutNormalLimit = 400 });
        var first = await job.RunAsync(lenient, registry, reviews, initialChampion: champion);

        var seeded = first.Champion.RegistryVersion;
        Assert.True(first.Promoted, string.Join("; ", first.Decision.Checks.Select(c => c.Detail)));
        Assert.Equal(first.Challenger.RegistryVersion, registry.ReadChampion()!.Version);
        Assert.Equal(seeded, registry.ReadChampion()!.Previous);
        Assert.Equal(ModelCardStore.LoadVerified(champion).Card.Onnx.Sha256, ModelCardStore.LoadVerified(registry.VersionFolder(seeded)).Card.Onnx.Sha256);
        var card = ModelCardStore.LoadVerified(registry.VersionFolder(first.Challenger.RegistryVersion)).Card;
        Assert.Equal(6000 + 24, card.Dataset.TrainImages + card.Dataset.CalibrationImages); // the trousers + the 24 dismissed posts
        Assert.Equal(24, first.DismissedUsed);
        Assert.Equal(("truncated", "dismiss"), (Assert.Single(first.Rejected).PostId, first.Rejected[0].Decision));
        Assert.Equal([("held-out normal", 400), ("confirmed violations", 60), ("champion generator samples", 100), ("challenger generator samples", 100)], first.HeldOut);
        Assert.Equal(400, first.Challenger.NormalCount);
        Assert.All(first.Challenger.Scores, s => Assert.InRange(s.Auroc, 0.5, 1.0));
        Assert.True(first.Champion.Score("abnormal")!.AurocByGroup["confirmed violations"] > 0.9, "the shipped model ranks other classes above trousers");
        AssertReport(first, "PROMOTED");

        var strict = Pipeline(new PipelinePromotion { MinAurocDelta = 0.5, GeneratorSamples = 100, HeldOutNormalLimit = 400 });
        var second = await job.RunAsync(strict with { Hyperparameters = strict.Hyperparameters with { Seed = 6 } }, registry, reviews);

        Assert.False(second.Promoted);
        Assert.Equal(first.Challenger.RegistryVersion, second.Champion.RegistryVersion);
        Assert.Equal(first.Challenger.RegistryVersion, registry.ReadChampion()!.Version);
        Assert.Equal([seeded, first.Challenger.RegistryVersion, second.Challenger.RegistryVersion], registry.Versions().Order(StringComparer.Ordinal));
        ModelCardStore.LoadVerified(registry.VersionFolder(second.Challenger.RegistryVersion)); // kept, intact
        Assert.All(second.Decision.Checks.Where(c => c.Name.StartsWith("AUROC", StringComparison.Ordinal)), c => Assert.False(c.Passed));
        AssertReport(second, "REFUSED");
        Assert.Equal([ModelRegistry.PointerFile], Directory.GetFiles(registry.Root).Select(Path.GetFileName));
        Assert.Equal([PromotionJob.ReportsFolder, ModelRegistry.VersionsFolder], Directory.GetDirectories(registry.Root).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    private static void AssertReport(PromotionOutcome outcome, string word)
    {
        var markdown = File.ReadAllText(Path.Combine(outcome.ReportFolder, "report.md"));
        Assert.Contains($"— {word}", markdown, StringComparison.Ordinal);
        Assert.Contains(outcome.Challenger.ModelVersion, markdown, StringComparison.Ordinal);
        foreach (var svg in Directory.GetFiles(Path.Combine(outcome.ReportFolder, "plots"), "*.svg"))
        {
            Assert.Contains($"]({Path.GetRelativePath(outcome.ReportFolder, svg)})", markdown, StringComparison.Ordinal);
            Assert.Equal("svg", XDocument.Load(svg).Root!.Name.LocalName);
        }

        // ROC per score either model has, histogram per model and score (the shipped champion may predate degenerate_score)
        var models = new[] { outcome.Champion, outcome.Challenger };
        int rocs = models.SelectMany(m => m.Scores.Select(s => s.Reason)).Distinct(StringComparer.Ordinal).Count();
        Assert.Equal(rocs + models.Sum(m => m.Scores.Count), Directory.GetFiles(Path.Combine(outcome.ReportFolder, "plots")).Length);
        Assert.Contains(outcome.Challenger.Scores, s => s.Reason == RetrainingJob.DegenerateReason);
        Assert.Contains($"\"promoted\": {(outcome.Promoted ? "true" : "false")}", File.ReadAllText(Path.Combine(outcome.ReportFolder, "decision.json")), StringComparison.Ordinal);
    }

    private static TrainingPipeline Pipeline(PipelinePromotion gate) => new()
    {
        Name = "trouser-test",
        Dataset = new PipelineDataset { Kind = PipelineDataset.FashionMnistKind, NormalClasses = [1] },
        Hyperparameters = new TrainingHyperparameters { Epochs = 1, CalibrationFraction = 0.9, Seed = 5 },
        Promotion = gate,
        OutputFolder = "unused",
    };

    private static DetectorRecipe SmallRecipe => DetectorRecipe.Default with
    {
        Terms =
        [
            new(new FeatureTap(FeatureTap.Input), AnomalyTermKind.NearestNeighbour, 32),
            new(new FeatureTap(1, 2), AnomalyTermKind.Gaussian, 16),
        ],
        Synthetic = new SyntheticRecipe { Steps = 40 },
    };
}
