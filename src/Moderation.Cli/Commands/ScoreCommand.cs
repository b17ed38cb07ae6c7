using System.CommandLine;
using System.ComponentModel.DataAnnotations;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Moderation.Cli.Hosting;
using Moderation.Cli.Offline;
using Moderation.Core.Imaging;
using Moderation.Core.Scoring;
using Moderation.Imaging;
using Moderation.Scoring;
using Moderation.Scoring.Discriminator;
using Moderation.Streaming.Configuration;

namespace Moderation.Cli.Commands;

/// <summary><c>score PATH…</c>: the service's decode, scoring and verdict on files instead of a topic; one JSON line
/// (or CSV row) per file on stdout, a summary on stderr.</summary>
internal static class ScoreCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("PATH") { Description = "Image files, or folders searched recursively", Arity = ArgumentArity.OneOrMore };
        var model = CommonOptions.Model();
        var provider = CommonOptions.ExecutionProvider();
        var format = new Option<string>("--format") { Description = "json (one JSON object per line) or csv", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong("json", "csv");
        var command = new Command("score", "Score image files with the service's decode, model and thresholds; print each verdict or dead-letter reason")
        {
            paths, model, provider, format,
        };
        command.SetAction(r => Run(r.GetValue(paths)!, r.GetValue(model)!, r.GetValue(provider)!, r.GetValue(format)!,
            r.InvocationConfiguration.Output, r.InvocationConfiguration.Error));
        return command;
    }

    /// <returns>0 when every file got an outcome; 2 when the paths, the configuration or the model are unusable.</returns>
    private static int Run(string[] paths, string model, string provider, string format, TextWriter output, TextWriter error)
    {
        var configuration = new ConfigurationBuilder().AddModerationSources(new Dictionary<string, string?>
        {
            ["Model:Folder"] = model,
            ["Onnx:ExecutionProvider"] = provider,
        }).Build();
        using var logging = CliLogging.Create(toStandardError: true);
        var services = new ServiceCollection().AddSingleton(logging).AddModerationImaging(configuration).AddModerationScoring(configuration);
        using var container = services.BuildServiceProvider();
        try
        {
            var files = InputFiles.Expand(paths);
            container.GetRequiredService<IStartupValidator>().Validate();
            var batching = configuration.GetSection(BatchingOptions.SectionName).Get<BatchingOptions>() ?? new BatchingOptions();
            Validator.ValidateObject(batching, new ValidationContext(batching), validateAllProperties: true);
            var scorer = container.GetRequiredService<DiscriminatorScorer>();
            var preprocessor = container.GetRequiredService<IImagePreprocessor>();
            ModelInputCheck.EnsureMatches(scorer, preprocessor);
            var batches = new FileBatchScorer(preprocessor, scorer, new VerdictRule(scorer.Card.Thresholds, scorer.ScoreNames, scorer.ModelVersion),
                scorer.ModelVersion, batching.MaxBatchSize, batching.DecodeParallelism,
                container.GetRequiredService<IOptions<ImagingOptions>>().Value.MaxEncodedBytes);
            return Write(batches, files, format, scorer, output, error);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or InvalidDataException or ValidationException
                                       or OptionsValidationException or InvalidOperationException or Microsoft.ML.OnnxRuntime.OnnxRuntimeException)
        {
            error.WriteLine($"moderation score: {e.Message}");
            return 2;
        }
    }

    private static int Write(FileBatchScorer batches, List<string> files, string format, DiscriminatorScorer scorer, TextWriter output, TextWriter error)
    {
        var clock = Stopwatch.StartNew();
        var csv = format == "csv" ? new CsvOutcomeWriter(output, scorer.ScoreNames) : null;
        IOutcomeWriter writer = csv ?? (IOutcomeWriter)new JsonLinesOutcomeWriter(output);
        int flagged = 0, deadLettered = 0, unreadable = 0;
        try
        {
            foreach (var outcome in batches.Score(files))
            {
                writer.Write(outcome);
                flagged += outcome.Flagged == true ? 1 : 0;
                deadLettered += outcome.DlqReason is null ? 0 : 1;
                unreadable += outcome is { Flagged: null, DlqReason: null } ? 1 : 0;
            }
        }
        finally
        {
            csv?.Dispose();
            output.Flush();
        }

        var seconds = clock.Elapsed.TotalSeconds;
        error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"files {files.Count}, flagged {flagged}, dead-lettered {deadLettered}, unreadable {unreadable}; {files.Count / Math.Max(seconds, 1e-9):F1} images/s ({seconds:F2} s, decode and score; model {scorer.ModelVersion} on {scorer.ExecutionProvider})"));
        return 0;
    }
}
