using Microsoft.Extensions.Logging;
using Moderation.Core.Imaging;
using Moderation.Core.Scoring;
using Moderation.Tools.Kafka.Baseline;
using Moderation.Tools.Kafka.Publishing;
using Moderation.Streaming.Worker;

namespace Moderation.Cli.Bench;

/// <summary>(c) The naive consumer: one post at a time, scored alone, verdict awaited, offset committed each time.</summary>
internal static class NaiveBench
{
    /// <returns>Posts per second between its first and last verdict (verdict scored-at timestamps).</returns>
    public static async Task<double> ThroughputAsync(IReadOnlyList<Post> posts, IImagePreprocessor preprocessor, IBatchScorer scorer,
        ModelDescriptor model, ILoggerFactory logging, CancellationToken cancellationToken)
    {
        using var env = new BenchEnvironment(logging);
        await env.Publisher.PublishManyAsync(posts, cancellationToken: cancellationToken);
        var naive = new NaiveModerationConsumer(env.Kafka, preprocessor, scorer, model, TimeProvider.System,
            logging.CreateLogger<NaiveModerationConsumer>());
        int processed = await naive.RunAsync(posts.Count, TimeSpan.FromMinutes(5), cancellationToken);
        if (processed < posts.Count) throw new TimeoutException($"naive consumer handled {processed} of {posts.Count} posts in 5 min");
        var results = await env.Reader.ReadAsync(posts.Count, TimeSpan.FromSeconds(60), cancellationToken);
        var times = results.Verdicts.Select(v => v.ScoredAtMs).Order().ToArray();
        return (times.Length - 1) / Math.Max(1e-3, (times[^1] - times[0]) / 1000.0);
    }
}
