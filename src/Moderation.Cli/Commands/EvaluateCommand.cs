using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Moderation.Cli.Hosting;
using Moderation.Cli.Progress;
using Moderation.Evaluation.Reporting;
using Moderation.Evaluation.Results;
using Moderation.Retraining.Evaluation;
using Moderation.Training.Data;
using Moderation.Training.Torch;
using Spectre.Console;

namespace Moderation.Cli.Commands;

/// <summary><c>evaluate</c>: the one-class protocol on Fashion-MNIST with the retraining job's detector; writes
/// <c>evaluation.json</c>, <c>report.md</c> and SVG plots.</summary>
internal static class EvaluateCommand
{
    public static Command Create()
    {
        var classes = new Option<string>("--classes") { Description = "Normal classes, comma-separated (default all ten; --quick: 1)" };
        var epochs = new Option<int?>("--epochs") { Description = "GAN epochs per class (default 5; --quick: 1)" };
        var seed = new Option<long>("--seed") { Description = "Seed of training, splits and sampling", DefaultValueFactory = _ => 42 };
        var output = new Option<string>("--output") { Description = "Report folder", DefaultValueFactory = _ => "artifacts/evaluation" };
        var unseen = new Option<string>("--unseen-generator-classes") { Description = "Classes for which a never-seen generator (other seed and width) is trained to test the synthetic score, comma-separated", DefaultValueFactory = _ => "" };
        var transfer = new Option<string?>("--lofo-classes") { Description = "Classes for which the synthetic detector is tested leave-one-generator-family-out, comma-separated (default 1,6; --quick: 1; empty: none)" };
        var quick = new Option<bool>("--quick") { Description = "CI variant: class 1 only, 1 epoch, 2,000 training images, one-epoch zoo" };
        var threads = new Option<int>("--threads") { Description = "libtorch threads (default 1: on a shared 2-core machine one thread trains faster than two)", DefaultValueFactory = _ => 1 };
        var calibration = new Option<double?>("--calibration-fraction") { Description = $"Share of each class's 6,000 training images held out to calibrate thresholds (default {Defaults.CalibrationFraction.ToString(CultureInfo.InvariantCulture)}; --quick: {OneClassEvaluationOptions.Quick.Hyperparameters.CalibrationFraction.ToString(CultureInfo.InvariantCulture)})" };
        var merge = new Option<string?>("--merge") { Description = "Instead of evaluating: join the evaluation.json of these report folders (comma-separated; runs of disjoint classes, e.g. two processes side by side) into one report in --output" };
        var command = new Command("evaluate", "One-class Fashion-MNIST evaluation: per class train on that class, test on all 10,000 test images; AUROC, AUPRC, TPR at the calibrated FPR, synthetic AUROC; JSON + Markdown + SVG report")
        {
            classes, epochs, seed, output, unseen, transfer, quick, threads, calibration, merge,
        };
        command.SetAction((result, token) => Task.Run(async () =>
        {
            var commandLine = "moderation " + string.Join(' ', Environment.GetCommandLineArgs().Skip(1));
            if (result.GetValue(merge) is { Length: > 0 } folders)
            {
                var parts = new List<EvaluationResult>();
                foreach (var part in folders.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    parts.Add(await EvaluationJson.LoadAsync(part, token).ConfigureAwait(false));
                var merged = EvaluationMerge.Merge(parts, commandLine, TimeProvider.System);
                var written = await ReportWriter.WriteAsync(result.GetValue(output)!, merged, token).ConfigureAwait(false);
                AnsiConsole.Write(Summary(merged));
                AnsiConsole.MarkupLine($"merged {parts.Count} runs into [green]{Markup.Escape(written.MarkdownPath)}[/]");
                return 0;
            }
            bool isQuick = result.GetValue(quick);
            var options = isQuick ? OneClassEvaluationOptions.Quick : new OneClassEvaluationOptions();
            var h = options.Hyperparameters with { Seed = result.GetValue(seed) };
            if (result.GetValue(epochs) is { } e) h = h with { Epochs = e };
            if (result.GetValue(calibration) is { } share) h = h with { CalibrationFraction = share };
            options = options with { Hyperparameters = h, UnseenGeneratorClasses = Parse(result.GetValue(unseen)) };
            if (result.GetValue(classes) is { Length: > 0 } list) options = options with { Classes = Parse(list) };
            if (result.GetValue(transfer) is { } lofo) options = options with { LeaveOneFamilyOutClasses = Parse(lofo) };
            TorchRuntime.SetThreads(Math.Max(1, result.GetValue(threads)));
            var folder = result.GetValue(output)!;
            var work = Path.Combine(Path.GetTempPath(), $"moderation-evaluate-{Environment.ProcessId}");
            Directory.CreateDirectory(work);
            using var logging = CliLogging.Create();
            AnsiConsole.MarkupLine($"evaluating classes [blue]{string.Join(",", options.Classes)}[/], {h.Epochs} epochs, seed {h.Seed}, {TorchRuntime.IntraOpThreads} libtorch threads");
            try
            {
                var view = new TrainingProgressView();
                var job = new OneClassEvaluationJob(logging.CreateLogger<OneClassEvaluationJob>())
                {
                    ClassStarting = (c, i) => view.Stage = $"class {c} ({FashionMnist.ClassNames[c]}), {i} of {options.Classes.Count}",
                };
                var evaluation = view.Show(() => job.Run(options, commandLine, work, view, token));
                var files = await ReportWriter.WriteAsync(folder, evaluation, token).ConfigureAwait(false);
                AnsiConsole.Write(view.Summary());
                AnsiConsole.Write(Summary(evaluation));
                AnsiConsole.MarkupLine($"wrote [green]{Markup.Escape(files.MarkdownPath)}[/] in {evaluation.Run.WallTimeSeconds:F0} s");
            }
            finally
            {
                Directory.Delete(work, recursive: true);
            }
            return 0;
        }, token));
        return command;
    }

    /// <summary>AUROC per class and score kind, with each kind's mean and worst class.</summary>
    private static Table Summary(EvaluationResult evaluation)
    {
        var table = new Table().Title("one-class evaluation: AUROC").AddColumn("class");
        foreach (var kind in evaluation.Kinds) table.AddColumn(kind.Kind);
        var classes = evaluation.Kinds.SelectMany(k => k.Classes).Select(c => (c.ClassIndex, c.ClassName)).Distinct().OrderBy(c => c.ClassIndex);
        foreach (var (index, name) in classes)
            table.AddRow([Markup.Escape($"{index} {name}"), .. evaluation.Kinds.Select(k =>
                k.Classes.FirstOrDefault(c => c.ClassIndex == index) is { } r ? F(r.Auroc) : "")]);
        table.AddRow(["[bold]mean[/]", .. evaluation.Kinds.Select(k => $"[bold]{F(k.Aggregate.MeanAuroc)}[/]")]);
        table.AddRow(["worst", .. evaluation.Kinds.Select(k => Markup.Escape($"{F(k.Aggregate.WorstAuroc)} ({k.Aggregate.WorstClassName})"))]);
        table.AddRow(["mean realised FPR", .. evaluation.Kinds.Select(k => k.Aggregate.MeanRealisedFpr.ToString("P2", CultureInfo.InvariantCulture))]);
        return table;
    }

    private static readonly Moderation.Training.Pipelines.TrainingHyperparameters Defaults = new OneClassEvaluationOptions().Hyperparameters;

    private static string F(double auroc) => (100 * auroc).ToString("F1", CultureInfo.InvariantCulture);

    private static int[] Parse(string? list) => string.IsNullOrWhiteSpace(list)
        ? []
        : [.. list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s => int.Parse(s, CultureInfo.InvariantCulture))];
}
