using System.CommandLine;
using Microsoft.Extensions.Logging;
using Moderation.Cli.Hosting;
using Moderation.Cli.Progress;
using Moderation.Core.Models;
using Moderation.Core.Review;
using Moderation.Imaging;
using Moderation.Retraining;
using Moderation.Retraining.Promotion;
using Moderation.Review.Store;
using Moderation.Training.Pipelines;
using Moderation.Training.Torch;
using Spectre.Console;

namespace Moderation.Cli.Commands;

/// <summary><c>retrain</c>: train a challenger on the normal images plus the dismissed posts, compare it with the
/// registry's champion on one held-out set, promote it only if it passes the pipeline's gate.</summary>
internal static class RetrainCommand
{
    /// <summary>Exit code of a run whose challenger was refused (0 = promoted, 1 = error).</summary>
    public const int RefusedExitCode = 3;

    public static Command Create()
    {
        var pipeline = new Option<string>("--pipeline") { Description = "Pipeline definition (JSON) with its 'promotion' gate", DefaultValueFactory = _ => TrainingPipeline.DefaultFile };
        var registry = new Option<string>("--registry") { Description = "Model registry folder (champion.json, versions/, reports/)", Required = true };
        var reviewDb = new Option<string?>("--review-db")
        {
            Description = "Connection string of the review store the reviewers' decisions are in (the service's Review:Database, e.g. 'Data Source=data/review.db' or 'Host=…;Database=…' for PostgreSQL)",
        };
        var reviewed = new Option<string?>("--reviewed") { Description = "Instead of --review-db: a folder of reviewed posts, confirmed/ (violations) and dismissed/ (false positives) image files; neither = no reviewed posts" };
        var initial = new Option<string?>("--initial-champion") { Description = "Model folder imported and promoted first when the registry has no champion (e.g. models/fashion-trouser)" };
        var epochs = new Option<int?>("--epochs") { Description = "Override the pipeline's epochs" };
        var threads = new Option<int>("--threads") { Description = "libtorch intra-op threads (0 = one per core)", DefaultValueFactory = _ => 0 };
        var fast = CommonOptions.WithoutTransformClassifier();
        var command = new Command("retrain", "Train a challenger (normal + dismissed posts), compare it with the registry's champion, promote it only if it passes the gate")
        {
            pipeline, registry, reviewDb, reviewed, initial, epochs, threads, fast,
        };
        command.Validators.Add(r =>
        {
            if (r.GetValue(reviewDb) is not null && r.GetValue(reviewed) is not null)
                r.AddError("--review-db and --reviewed both name where the reviewed posts are: give one");
        });
        command.SetAction((result, token) => Task.Run(() =>
        {
            var p = TrainingPipeline.Load(result.GetValue(pipeline)!);
            if (result.GetValue(epochs) is { } e) p = p with { Hyperparameters = p.Hyperparameters with { Epochs = e } };
            int t = result.GetValue(threads);
            TorchRuntime.SetThreads(t > 0 ? t : Environment.ProcessorCount);
            using var logging = CliLogging.Create(LogLevel.Information);
            var job = new PromotionJob(new RetrainingJob(logging.CreateLogger<RetrainingJob>()) { Recipe = CommonOptions.Recipe(result.GetValue(fast)) },
                new ImagePreprocessor(), logging.CreateLogger<PromotionJob>());
            IReviewedPostSource? reviews = result.GetValue(reviewDb) is { } connection
                ? ReviewStores.OpenAsync(connection, TimeProvider.System, token).GetAwaiter().GetResult()
                : result.GetValue(reviewed) is { } folder ? new FolderReviewedPostSource(folder) : null;
            var view = new TrainingProgressView { Stage = $"{p.Name}: challenger GAN training" };
            var outcome = view.Show(() => job.RunAsync(p, new ModelRegistry(result.GetValue(registry)!), reviews, result.GetValue(initial), view, token).GetAwaiter().GetResult());
            AnsiConsole.Write(Checks(outcome));
            AnsiConsole.MarkupLine(outcome.Promoted
                ? $"[green]promoted[/] {Markup.Escape(outcome.Challenger.RegistryVersion)} ({Markup.Escape(outcome.Challenger.ModelVersion)}) over {Markup.Escape(outcome.Champion.RegistryVersion)}"
                : $"[red]refused[/] {Markup.Escape(outcome.Challenger.RegistryVersion)}; champion stays {Markup.Escape(outcome.Champion.RegistryVersion)}");
            AnsiConsole.MarkupLine($"report: {Markup.Escape(Path.Combine(outcome.ReportFolder, "report.md"))}");
            return outcome.Promoted ? 0 : RefusedExitCode;
        }, token));
        return command;
    }

    private static Table Checks(PromotionOutcome outcome)
    {
        var table = new Table().Title("promotion gate").AddColumns("check", "result", "figures");
        foreach (var c in outcome.Decision.Checks)
            table.AddRow(Markup.Escape(c.Name), c.Passed ? "[green]pass[/]" : "[red]fail[/]", Markup.Escape(c.Detail));
        return table;
    }
}
