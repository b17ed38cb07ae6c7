using System.CommandLine;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Moderation.Cli.Bench;
using Moderation.Cli.Demo;
using Moderation.Cli.Hosting;
using Moderation.Imaging;
using Moderation.Onnx.Runtime;
using Moderation.Onnx.Scoring;
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
        var threads = new Option<int>("--intra-op-threads") { Description = "ONNX Runtime intra-op threads (0 = default)", DefaultValueFactory = _ => 0 };
        var posts = new Option<int>("--posts") { Description = "Posts for (b)", DefaultValueFactory = _ => 12000 };
        var naivePosts = new Option<int>("--naive-posts") { Description = "Posts for (c)", DefaultValueFactory = _ => 1500 };
        var seconds = new Option<double>("--latency-seconds") { Description = "Duration of (d)", DefaultValueFactory = _ => 10 };
        var results = new Option<string?>("--results") { Description = "Write the figures as Markdown here" };
        var command = new Command("bench", "Measure (a) model-only throughput, (b) end-to-end throughput, (c) a naive consumer, (d) latency at half load")
        {
            model, provider, batch, delay, threads, posts, naivePosts, seconds, results,
        };
        command.SetAction(async (r, token) =>
        {
            var settings = new BenchSettings(r.GetValue(model)!, r.GetValue(provider)!, r.GetValue(threads), r.GetValue(batch),
                r.GetValue(delay), r.GetValue(posts), r.GetValue(naivePosts), r.GetValue(seconds));
            var figures = await RunAsync(settings, token);
            AnsiConsole.WriteLine(figures.ToMarkdown());
            if (r.GetValue(results) is { } path) await File.WriteAllTextAsync(path, figures.ToMarkdown(), token);
            return 0;
        });
        return command;
    }

    private static async Task<BenchResults> RunAsync(BenchSettings s, CancellationToken token)
    {
        using var logging = CliLogging.Create();
        var onnx = new OnnxSessionOptions { ExecutionProvider = s.ExecutionProvider, IntraOpThreads = s.IntraOpThreads };
        using var scorer = new DiscriminatorScorer(s.Model, onnx, logging.CreateLogger<DiscriminatorScorer>());
        var card = scorer.Card;
        var all = DemoPostFactory.Create(card, s.Model, new DemoMix(s.Posts * 4 / 10, s.Posts * 5 / 10, s.Posts - s.Posts * 9 / 10, 0), 11, NullLogger.Instance);
        var preprocessor = new ImagePreprocessor();
        var tensors = new float[Math.Min(all.Count, 4096) * 784];
        for (int i = 0; i < tensors.Length / 784; i++) preprocessor.Preprocess(all[i].Image, all[i].ContentType, tensors.AsSpan(i * 784, 784));

        AnsiConsole.WriteLine($"(a) model only, batch {s.BatchSize} …");
        var outputs = card.Thresholds.Select(t => t.Output).Distinct().ToList();
        double a = ModelThroughputBench.Run(Path.Combine(s.Model, card.Onnx.File), onnx, outputs, tensors, s.BatchSize, 5, logging.CreateLogger("bench"));
        AnsiConsole.WriteLine($"(b) end to end, {all.Count} posts …");
        double b = await EndToEndBench.MaxThroughputAsync(s, all, logging, token);
        AnsiConsole.WriteLine($"(c) naive consumer, {s.NaivePosts} posts …");
        var descriptor = new ModelDescriptor($"{card.Name}@{card.Onnx.Sha256[..12]}", card.Thresholds);
        double c = await NaiveBench.ThroughputAsync(all.Take(s.NaivePosts).ToList(), preprocessor, scorer, descriptor, logging, token);
        AnsiConsole.WriteLine($"(d) latency at {b / 2:F0} posts/s for {s.LatencySeconds} s …");
        var (p50, p99, n) = await EndToEndBench.LatencyAtRateAsync(s, all, b / 2, logging, token);
        return new BenchResults(s, scorer.ExecutionProvider, a, b, c, b / 2, p50, p99, n, TimeProvider.System.GetUtcNow());
    }
}
