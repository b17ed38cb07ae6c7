using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Moderation.Cli.Hosting;
using Moderation.Cli.Progress;
using Moderation.Retraining;
using Moderation.Training.Pipelines;
using Moderation.Training.Torch;
using Spectre.Console;

namespace Moderation.Cli.Commands;

/// <summary><c>train</c>: the offline retraining job for one pipeline file.</summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var pipeline = new Option<string>("--pipeline") { Description = "Pipeline definition (JSON)", DefaultValueFactory = _ => TrainingPipeline.DefaultFile };
        var epochs = new Option<int?>("--epochs") { Description = "Override the pipeline's epochs" };
        var output = new Option<string?>("--output") { Description = "Override the pipeline's output folder" };
        var threads = new Option<int>("--threads") { Description = "libtorch intra-op threads (0 = one per core)", DefaultValueFactory = _ => 0 };
        var fast = CommonOptions.WithoutTransformClassifier();
        var command = new Command("train", "Train the DCGAN on normal images, export the discriminator to ONNX, calibrate thresholds, write the model card")
        {
            pipeline, epochs, output, threads, fast,
        };
        command.SetAction((result, token) => Task.Run(() =>
        {
            var p = TrainingPipeline.Load(result.GetValue(pipeline)!);
            if (result.GetValue(epochs) is { } e) p = p with { Hyperparameters = p.Hyperparameters with { Epochs = e } };
            if (result.GetValue(output) is { } o) p = p with { OutputFolder = o };
            int t = result.GetValue(threads);
            TorchRuntime.SetThreads(t > 0 ? t : Environment.ProcessorCount);
            using var logging = CliLogging.Create();
            AnsiConsole.MarkupLine($"training [blue]{p.Name}[/]: normal classes {string.Join(",", p.Dataset!.NormalClasses)}, {p.Hyperparameters.Epochs} epochs, batch {p.Hyperparameters.BatchSize}, seed {p.Hyperparameters.Seed}, {TorchRuntime.IntraOpThreads} libtorch threads");
            var job = new RetrainingJob(logging.CreateLogger<RetrainingJob>())
            {
                Recipe = CommonOptions.Recipe(result.GetValue(fast)),
            };
            var view = new TrainingProgressView { Stage = $"{p.Name}: GAN training" };
            var r = view.Show(() => job.Run(p, view, token));
            AnsiConsole.Write(view.Summary());
            AnsiConsole.Write(Summary(r, p.Hyperparameters.TargetFpr));
            AnsiConsole.MarkupLine($"wrote [green]{Markup.Escape(r.Folder)}[/] in {r.WallSeconds:F0} s; GAN training {r.TrainImagesPerSecond:F0} images/s");
            return 0;
        }, token));
        return command;
    }

    /// <summary>The model card's thresholds and metrics as a table.</summary>
    private static Table Summary(RetrainingResult r, double targetFpr)
    {
        var table = new Table().Title("model card").AddColumns("figure", "value");
        double verdictTarget = r.Card.Metrics.GetValueOrDefault("verdict_target_fpr", targetFpr);
        table.AddRow("verdict target FPR (held-out normal images)", verdictTarget.ToString("P1", CultureInfo.InvariantCulture));
        table.AddRow("verdict realised FPR (normal test images)", r.Card.Metrics.GetValueOrDefault("verdict_realised_fpr_test", double.NaN).ToString("P2", CultureInfo.InvariantCulture));
        foreach (var t in r.Card.Thresholds)
            table.AddRow(Markup.Escape($"threshold {t.Reason} ({t.Output})"), string.Create(CultureInfo.InvariantCulture,
                $"{t.Value:G6} (its calibration share {t.TargetFpr:P2} of the verdict's target), alone flags {t.RealisedFpr:P2} of normal test images"));
        foreach (var (k, v) in r.Card.Metrics) table.AddRow(Markup.Escape(k), v.ToString("G4", CultureInfo.InvariantCulture));
        return table;
    }
}
