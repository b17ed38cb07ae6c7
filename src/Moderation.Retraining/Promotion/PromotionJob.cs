using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Moderation.Core.Imaging;
using Moderation.Core.Models;
using Moderation.Core.Review;
using Moderation.Training.Gan;
using Moderation.Training.Pipelines;

namespace Moderation.Retraining.Promotion;

/// <summary>
/// <c>moderation retrain</c>: trains a challenger with <see cref="RetrainingJob"/> on the pipeline's normal images plus
/// the posts reviewers dismissed (false positives: normal by the reviewer's word), adds it to the
/// <see cref="ModelRegistry"/> as a new immutable version, scores champion and challenger on the same
/// <see cref="HeldOutSet"/> (held-out normal images, confirmed violations, generator samples), applies the pipeline's
/// gate (<see cref="GateDecision"/>), writes the comparison report to <c>&lt;registry&gt;/reports/&lt;version&gt;/</c> and
/// promotes (replaces <c>champion.json</c>) only when every check passed. The champion's folder is never touched; a
/// refused challenger's folder stays for inspection.
/// </summary>
/// <param name="retraining">The training job, run as a black box (its recipe decides the detector).</param>
/// <param name="preprocessor">The service's image pre-processor: decodes reviewed posts as the service decodes posts.</param>
/// <param name="logger">Logger.</param>
/// <param name="timeProvider">Clock of version names and the report; default the system clock.</param>
public sealed class PromotionJob(RetrainingJob retraining, IImagePreprocessor preprocessor, ILogger<PromotionJob> logger, TimeProvider? timeProvider = null)
{
    /// <summary>Folder under the registry root that holds one report folder per challenger version.</summary>
    public const string ReportsFolder = "reports";

    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;

    /// <summary>Runs one retrain-and-gate cycle.</summary>
    /// <param name="pipeline">A validated pipeline; its <c>outputFolder</c> is ignored (the challenger goes to the registry).</param>
    /// <param name="registry">The model registry.</param>
    /// <param name="reviews">The reviewers' decisions; null = none yet (the challenger then differs only by training).</param>
    /// <param name="initialChampion">A model folder to import and promote first when the registry has no champion.</param>
    /// <param name="progress">Live training progress.</param>
    /// <param name="cancellationToken">Stops training between steps.</param>
    /// <exception cref="InvalidOperationException">The registry has no champion and no <paramref name="initialChampion"/> was given.</exception>
    /// <exception cref="InvalidDataException">Unreadable data or a model that does not match its card.</exception>
    /// <exception cref="Moderation.Training.Torch.TrainingDivergedException">Training diverged (nothing is added).</exception>
    public async Task<PromotionOutcome> RunAsync(TrainingPipeline pipeline, ModelRegistry registry, IReviewedPostSource? reviews,
        string? initialChampion = null, IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(registry);
        reviews ??= NoReviews.Instance;
        var champion = registry.ReadChampion()?.Version ?? Seed(registry, initialChampion);
        var dismissed = await ReviewedImages.ReadAsync(reviews, ReviewDecision.Dismiss, preprocessor, cancellationToken);
        var confirmed = await ReviewedImages.ReadAsync(reviews, ReviewDecision.Confirm, preprocessor, cancellationToken);
        PromotionLog.Reviews(logger, dismissed.Count, confirmed.Count, dismissed.Rejected.Count + confirmed.Rejected.Count);

        var clock = Stopwatch.StartNew();
        var challenger = await Task.Run(() => Train(pipeline, registry, dismissed, progress, cancellationToken), cancellationToken);
        double trainSeconds = clock.Elapsed.TotalSeconds;
        PromotionLog.Trained(logger, trainSeconds, challenger);

        var folders = (Champion: registry.VersionFolder(champion), Challenger: registry.VersionFolder(challenger));
        var generators = new[] { ("champion", folders.Champion), ("challenger", folders.Challenger) }
            .Select(g => (g.Item1, Path: Path.Combine(g.Item2, RetrainingJob.GeneratorFile))).Where(g => File.Exists(g.Path)).ToList();
        var set = HeldOutSet.Build(pipeline, confirmed, generators, preprocessor);
        var championEval = ModelEvaluator.Evaluate("champion", champion, folders.Champion, set);
        var challengerEval = ModelEvaluator.Evaluate("challenger", challenger, folders.Challenger, set);
        var decision = GateDecision.Decide(pipeline.Promotion ?? new PipelinePromotion(), championEval, challengerEval, pipeline.Hyperparameters.TargetFpr);
        if (registry.ReadChampion()?.Version is { } now && now != champion)
            decision = decision with { Checks = [.. decision.Checks, new GateCheck("champion unchanged during the run", false, $"{champion} was replaced by {now} meanwhile")] };

        var outcome = new PromotionOutcome(pipeline.Name, _time.GetUtcNow(), championEval, challengerEval, decision,
            [(set.Normal.Name, set.Normal.Count), .. set.Positives.Select(p => (p.Name, p.Count))], dismissed.Count,
            [.. dismissed.Rejected.Select(r => (r.PostId, "dismiss", r.Reason)), .. confirmed.Rejected.Select(r => (r.PostId, "confirm", r.Reason))],
            trainSeconds, Path.Combine(registry.Root, ReportsFolder, challenger));
        ComparisonReport.Write(outcome);
        if (decision.Promote)
        {
            registry.Promote(challenger, outcome.At);
            PromotionLog.Promoted(logger, challenger, champion, outcome.ReportFolder);
        }
        else
        {
            PromotionLog.Refused(logger, challenger, string.Join("; ", decision.Checks.Where(c => !c.Passed).Select(c => c.Name)), champion, outcome.ReportFolder);
        }

        return outcome;
    }

    /// <summary>A review source without decisions.</summary>
    private sealed class NoReviews : IReviewedPostSource
    {
        public static readonly NoReviews Instance = new();

        public IAsyncEnumerable<ReviewedPost> ReadAsync(ReviewDecision decision, CancellationToken cancellationToken = default) =>
            AsyncEnumerable.Empty<ReviewedPost>();
    }

    private string Seed(ModelRegistry registry, string? initialChampion)
    {
        if (initialChampion is null)
            throw new InvalidOperationException($"Model registry {registry.Root} has no {ModelRegistry.PointerFile}: pass the model in service as the initial champion (--initial-champion FOLDER).");
        var now = _time.GetUtcNow();
        var version = registry.Add(initialChampion, now);
        registry.Promote(version, now);
        PromotionLog.Seeded(logger, registry.Root, initialChampion, version);
        return version;
    }

    /// <summary>Trains into a staging folder inside the registry (same file system) and moves it in as a version.</summary>
    private string Train(TrainingPipeline pipeline, ModelRegistry registry, ReviewedImages dismissed, IProgress<TrainingProgress>? progress,
        CancellationToken cancellationToken)
    {
        var staging = Path.Combine(registry.Root, "staging", Guid.NewGuid().ToString("N"));
        var run = pipeline with
        {
            OutputFolder = staging,
            ExtraNormal = dismissed.Count > 0 ? new ExtraNormalImages(dismissed.Images, dismissed.Count, dismissed.Size, "dismissed posts") : null,
        };
        try
        {
            retraining.Run(run, progress, cancellationToken);
            return registry.Add(staging, _time.GetUtcNow(), move: true);
        }
        finally
        {
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
            var parent = Path.GetDirectoryName(staging)!;
            if (Directory.Exists(parent) && !Directory.EnumerateFileSystemEntries(parent).Any()) Directory.Delete(parent);
        }
    }
}
