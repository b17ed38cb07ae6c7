using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Moderation.Cli.Hosting;
using Moderation.Retraining;
using Moderation.Retraining.Detection;
using Moderation.Training.Gan;
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
        var threads = new Option<int>("--threads") { Description = "libtorch threads (0 = one per core)", DefaultValueFactory = _ => 0 };
        var fast = new Option<bool>("--without-transform-classifier")
        {
            Description = "Leave the transformation-classifier terms out of anomaly_score: about 2.5× the scoring throughput, " +
                "about 1.7 points lower mean one-class AUROC (docs/evaluation/README.md)",
        };
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
            AnsiConsole.MarkupLine($"training [blue]{p.Name}[/]: normal classes {string.Join(",", p.Dataset!.NormalClasses)}, {p.Hyperparameters.Epochs} epochs, batch {p.Hyperparameters.BatchSize}, seed {p.Hyperparameters.Seed}, {TorchRuntime.IntraOpThreads}×{TorchRuntime.BlasThreads} (libtorch×OpenBLAS) threads, BLAS {TorchRuntime.Blas.SgemmLibrary}");
            var job = new RetrainingJob(logging.CreateLogger<RetrainingJob>())
            {
                Recipe = result.GetValue(fast) ? DetectorRecipe.Default with { Transform = null, FeatureDiscriminatorBatchNorm = true, Terms = DetectorRecipe.DiscriminatorTerms } : DetectorRecipe.Default,
            };
            var r = job.Run(p, new ConsoleProgress(), token);
            AnsiConsole.MarkupLine($"wrote [green]{r.Folder}[/] in {r.WallSeconds:F0} s; training {r.TrainImagesPerSecond:F0} images/s");
            double verdictTarget = r.Card.Metrics.GetValueOrDefault("verdict_target_fpr", p.Hyperparameters.TargetFpr);
            AnsiConsole.MarkupLine($"verdict (any score above its threshold) calibrated at {verdictTarget:P1} FPR on held-out normal images; realised on normal test images {r.Card.Metrics.GetValueOrDefault("verdict_realised_fpr_test", double.NaN):P2}");
            foreach (var t2 in r.Card.Thresholds)
                AnsiConsole.MarkupLine($"threshold {t2.Reason} ({t2.Output}) = {t2.Value:G6} at its share {t2.TargetFpr:P2} FPR, realised {t2.RealisedFpr:P2}");
            foreach (var (k, v) in r.Card.Metrics) AnsiConsole.MarkupLine($"  {k} = {v.ToString("G4", CultureInfo.InvariantCulture)}");
            return 0;
        }, token));
        return command;
    }

    /// <summary>Live progress on the console (synchronous, in step order).</summary>
    private sealed class ConsoleProgress : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress p) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"epoch {p.Epoch}/{p.Epochs} step {p.Step}/{p.StepsPerEpoch}  D loss {p.DiscriminatorLoss:F3}  G loss {p.GeneratorLoss:F3}  D(x) {p.RealProbability:F2}  D(G(z)) {p.FakeProbability:F2}  {p.ImagesPerSecond:F0} images/s"));
    }
}
