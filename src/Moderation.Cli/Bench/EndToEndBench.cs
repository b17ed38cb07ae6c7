using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Moderation.Streaming.Publishing;

namespace Moderation.Cli.Bench;

/// <summary>(b) End-to-end service throughput and (d) latency at a set rate, through the embedded broker.</summary>
internal static class EndToEndBench
{
    /// <summary>(b): publishes a backlog of posts, then starts the service and times it draining the backlog, from
    /// its first verdict to its last.</summary>
    /// <returns>Posts per second (verdicts + dead letters).</returns>
    public static async Task<double> MaxThroughputAsync(BenchSettings settings, IReadOnlyList<Post> posts, ILoggerFactory logging,
        CancellationToken cancellationToken)
    {
        using var env = new BenchEnvironment(logging);
        await env.Publisher.PublishManyAsync(posts, cancellationToken: cancellationToken);
        using var counter = new OutcomeCounter();
        await using var service = env.Service(settings);
        await service.StartAsync(cancellationToken);
        // Clock starts at the first outcome: group join (3 s on the mock broker) is start-up, not throughput.
        if (!await counter.WaitForAsync(1, TimeSpan.FromSeconds(60), cancellationToken))
            throw new TimeoutException("the service produced nothing within 60 s");
        long start = counter.Outcomes;
        var clock = Stopwatch.StartNew();
        if (!await counter.WaitForAsync(posts.Count, TimeSpan.FromMinutes(5), cancellationToken))
            throw new TimeoutException($"only {counter.Outcomes} of {posts.Count} posts handled in 5 min");
        double seconds = clock.Elapsed.TotalSeconds;
        await service.StopAsync(CancellationToken.None);
        return (posts.Count - start) / seconds;
    }

    /// <summary>(d): publishes at <paramref name="rate"/> posts/s (paced, fire-and-forget) for a while and returns the
    /// verdicts' post-to-verdict latency percentiles.</summary>
    public static async Task<(double P50, double P99, int Count)> LatencyAtRateAsync(BenchSettings settings, IReadOnlyList<Post> posts,
        double rate, ILoggerFactory logging, CancellationToken cancellationToken)
    {
        using var env = new BenchEnvironment(logging);
        using var counter = new OutcomeCounter();
        await using var service = env.Service(settings);
        await service.StartAsync(cancellationToken);
        await env.Publisher.PublishAsync(posts[0] with { Id = "warm-up" }, cancellationToken);
        if (!await counter.WaitForAsync(1, TimeSpan.FromSeconds(60), cancellationToken))
            throw new TimeoutException("warm-up post not answered within 60 s");

        int count = Math.Min(posts.Count, (int)(rate * settings.LatencySeconds));
        var pending = new List<Task<PostDelivery>>(count);
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < count; i++)
        {
            var due = TimeSpan.FromSeconds(i / rate);
            var wait = due - clock.Elapsed;
            if (wait > TimeSpan.FromMilliseconds(1)) await Task.Delay(wait, cancellationToken);
            pending.Add(env.Publisher.PublishAsync(posts[i] with { Id = $"lat-{i}" }, cancellationToken));
        }
        await Task.WhenAll(pending);
        if (!await counter.WaitForAsync(count + 1, TimeSpan.FromMinutes(2), cancellationToken))
            throw new TimeoutException($"only {counter.Outcomes} of {count + 1} posts handled");
        await service.StopAsync(CancellationToken.None);
        var results = await env.Reader.ReadAsync(count + 1, TimeSpan.FromSeconds(60), cancellationToken);
        var latencies = results.Verdicts.Where(v => v.PostId.StartsWith("lat-", StringComparison.Ordinal)).Select(v => v.LatencyMs).Order().ToArray();
        return (Demo.DemoSummary.Percentile(latencies, 0.5), Demo.DemoSummary.Percentile(latencies, 0.99), latencies.Length);
    }
}
