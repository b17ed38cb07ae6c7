using System.CommandLine;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Moderation.Cli.Bench;
using Moderation.Cli.Demo;
using Moderation.Cli.Hosting;
using Moderation.Imaging;
using Moderation.Scoring.Discriminator;
using Moderation.Scoring.Runtime;
using Moderation.Streaming.Worker;
using Spectre.Console;

namespace Moderation.Cli.Commands;

/// <summary><c>bench</c>: the streaming service's throughput and latency figures, (a)–(d), in one run.</summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var model = CommonOptions.Model();
        var provider = CommonOptions.ExecutionProvider();
        var batch = new Option<int>("--batch-size") { Description = "Service batch size B", DefaultValueFactory = _ => 64 };
        var delay = new Option<int>("--batch-delay-ms") { Description = "Service batch wait T (ms)", DefaultValueFactory = _ => 20 };
        var threads = new Option<int>("--intra-op-threads")
        {
            Description = "ONNX Runtime intra-op threads in (a), (b), (c) and (d); 1 leaves the second of 2 cores to decoding and Kafka (0 = ONNX Runtime's default)",
            DefaultValueFactory = _ => 1,
        };
        var posts = new Option<int>("--posts") { Description = "Posts for each (b) round (at most about 20,000: the embedded broker keeps 5 MiB per partition)", DefaultValueFactory = _ => 12000 };
        var rounds = new Option<int>("--rounds") { Description = "Alternating (a)/(b) rounds; figures are medians", DefaultValueFactory = _ => 3 };
        var modelSeconds = new Option<double>("--model-seconds") { Description = "Duration of one (a) run", DefaultValueFactory = _ => 4 };
        var naivePosts = new Option<int>("--naive-posts") { Description = "Posts for (c)", DefaultValueFactory = _ => 1500 };
        var seconds = new Option<double>("--latency-seconds") { Description = "Duration of (d)", DefaultValueFactory = _ => 10 };
        var results = new Option<string?>("--results") { Description = "Write the figures as Markdown here" };
        var modelOnly = new Option<bool>("--model-only") { Description = "Measure (a) only (no Kafka: e.g. on a GPU machine), --rounds times" };
        var command = new Command("bench", "Measure (a) model-only throughput, (b) end-to-end throughput, (c) a naive consumer, (d) latency at half load")
        {
            model, provider, batch, delay, threads, posts, naivePosts, seconds, rounds, modelSeconds, results, modelOnly,
        };
        command.SetAction(async (r, token) =>
        {
            var settings = new BenchSettings(r.GetValue(model)!, r.GetValue(provider)!, r.GetValue(threads), r.GetValue(batch),
                r.GetValue(delay), r.GetValue(posts), r.GetValue(naivePosts), r.GetValue(seconds), Math.Max(1, r.GetValue(rounds)),
                r.GetValue(modelSeconds));
            var markdown = r.GetValue(modelOnly) ? RunModelOnly(settings) : (await RunAsync(settings, token)).ToMarkdown();
            AnsiConsole.WriteLine(markdown);
            if (r.GetValue(results) is { } path) await File.WriteAllTextAsync(path, markdown, token);
            return 0;
        });
        return command;
    }

    /// <summary>(a) only, <see cref="BenchSettings.Rounds"/> times: what a machine without Kafka, Fashion-MNIST or the
    /// image codecs (a GPU box) can run. The tensors are generator samples (no decoding); the discriminator's cost
    /// does not depend on the pixels.</summary>
    private static string RunModelOnly(BenchSettings s)
    {
        using var logging = CliLogging.Create();
        var onnx = new OnnxSessionOptions { ExecutionProvider = s.ExecutionProvider, IntraOpThreads = s.IntraOpThreads };
        using var scorer = new DiscriminatorScorer(s.Model, onnx, logging.CreateLogger<DiscriminatorScorer>());
        var pixels = scorer.ImageShape.Aggregate(1, (a, b) => a * b);
        using var generator = new GeneratorSampler(Path.Combine(s.Model, "generator.onnx"), logging.CreateLogger("bench"));
        var samples = generator.Sample(Math.Max(4096, 2 * s.BatchSize), seed: 11);
        var tensors = new float[samples.Length * pixels];
        for (int i = 0; i < samples.Length; i++) GeneratorSampler.ToTensor(samples[i], tensors.AsSpan(i * pixels, pixels));
        var (outputs, onnxPath) = ScoreOutputs(scorer, s);
        var runs = Enumerable.Range(0, s.Rounds)
            .Select(_ => ModelThroughputBench.Run(onnxPath, onnx, outputs, tensors, s.BatchSize, s.ModelSeconds, logging.CreateLogger("bench")))
            .ToList();
        return ModelOnlyResults.ToMarkdown(s, scorer.ExecutionProvider, runs, TimeProvider.System.GetUtcNow());
    }

    /// <summary>The score outputs the card's thresholds name, and the ONNX path.</summary>
    private static (List<string> Outputs, string OnnxPath) ScoreOutputs(DiscriminatorScorer scorer, BenchSettings s) =>
        (scorer.Card.Thresholds.Select(t => t.Output).Distinct().ToList(), Path.Combine(s.Model, scorer.Card.Onnx.File));

    private static async Task<BenchResults> RunAsync(BenchSettings s, CancellationToken token)
    {
        using var logging = CliLogging.Create();
        var loadBefore = BenchResults.ReadLoadAverage();
        var onnx = new OnnxSessionOptions { ExecutionProvider = s.ExecutionProvider, IntraOpThreads = s.IntraOpThreads };
        using var scorer = new DiscriminatorScorer(s.Model, onnx, logging.CreateLogger<DiscriminatorScorer>());
        var card = scorer.Card;
        var all = DemoPostFactory.Create(card, s.Model, new DemoMix(s.Posts * 4 / 10, s.Posts * 5 / 10, s.Posts - s.Posts * 9 / 10, 0), 11, NullLogger.Instance);
        var preprocessor = new ImagePreprocessor(new ImagingOptions { Size = scorer.ImageShape[^1] });
        ModelInputCheck.EnsureMatches(scorer, preprocessor);
        var pixels = preprocessor.Size * preprocessor.Size;
        var tensors = new float[Math.Min(all.Count, 4096) * pixels];
        for (int i = 0; i < tensors.Length / pixels; i++) preprocessor.Preprocess(all[i].Image, all[i].ContentType, tensors.AsSpan(i * pixels, pixels));
        var (outputs, onnxPath) = ScoreOutputs(scorer, s);
        double ModelOnly()
        {
            double a = ModelThroughputBench.Run(onnxPath, onnx, outputs, tensors, s.BatchSize, s.ModelSeconds, logging.CreateLogger("bench"));
            AnsiConsole.WriteLine($"(a) model only, batch {s.BatchSize}: {a:F0} images/s");
            return a;
        }

        // Warm-up: one unmeasured (b) round, so that the service's code is past tiered JIT compilation in the measured
        // rounds (in a fresh process the first drain spent about a quarter of its CPU time compiling).
        var (warm, _) = await EndToEndBench.MaxThroughputAsync(s, all, logging, token);
        AnsiConsole.WriteLine($"(b) warm-up round, not counted: {warm:F0} posts/s");
        var modelRuns = new List<double> { ModelOnly() };
        var endToEnd = new List<double>();
        var profiles = new List<StageProfile>();
        for (int round = 0; round < s.Rounds; round++)
        {
            var (b, profile) = await EndToEndBench.MaxThroughputAsync(s, all, logging, token);
            AnsiConsole.WriteLine($"(b) end to end, {all.Count} posts: {b:F0} posts/s; {profile}");
            endToEnd.Add(b);
            profiles.Add(profile);
            modelRuns.Add(ModelOnly());
        }

        var throughput = new ThroughputRounds(modelRuns, endToEnd, profiles);
        double? modelDefaultThreads = null;
        if (s.IntraOpThreads != 0)
        {
            // For reference: the model-only ceiling with ONNX Runtime's own thread count, to show the service's setting
            // does not lower the bar that (b) is compared with.
            var defaults = new OnnxSessionOptions { ExecutionProvider = s.ExecutionProvider };
            modelDefaultThreads = ModelThroughputBench.Run(onnxPath, defaults, outputs, tensors, s.BatchSize, s.ModelSeconds, logging.CreateLogger("bench"));
            AnsiConsole.WriteLine($"(a) with ONNX Runtime's default intra-op threads, for reference: {modelDefaultThreads:F0} images/s");
        }

        AnsiConsole.WriteLine($"(c) naive consumer, {s.NaivePosts} posts …");
        var descriptor = new ModelDescriptor(scorer.ModelVersion, card.Thresholds);
        double c = await NaiveBench.ThroughputAsync(all.Take(s.NaivePosts).ToList(), preprocessor, scorer, descriptor, logging, token);
        AnsiConsole.WriteLine($"    {c:F0} posts/s");
        double half = throughput.MedianEndToEnd / 2;
        AnsiConsole.WriteLine($"(d) latency at {half:F0} posts/s for {s.LatencySeconds} s …");
        var latency = await EndToEndBench.LatencyAtRateAsync(s, all, half, logging, token);
        return new BenchResults(s, scorer.ExecutionProvider, throughput, modelDefaultThreads, c, latency, loadBefore, BenchResults.ReadLoadAverage(),
            TimeProvider.System.GetUtcNow());
    }
}
