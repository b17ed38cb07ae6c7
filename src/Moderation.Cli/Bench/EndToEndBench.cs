using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Moderation.Tools.Kafka.Publishing;

namespace Moderation.Cli.Bench;

/// <summary>(b) End-to-end service throughput and (d) latency at a set rate, through the embedded broker.</summary>
internal static class EndToEndBench
{
    /// <summary>(b): publishes a backlog of posts, then starts the service and times it draining the backlog, from
    /// its first outcome to its last.</summary>
    /// <returns>Posts per second (verdicts + dead letters) and where the batches' time went.</returns>
    public static async Task<(double PostsPerSecond, StageProfile Profile)> MaxThroughputAsync(BenchSettings settings, IReadOnlyList<Post> posts,
        ILoggerFactory logging, CancellationToken cancellationToken)
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
        counter.Reset();
        var clock = Stopwatch.StartNew();
        if (!await counter.WaitForAsync(posts.Count, TimeSpan.FromMinutes(5), cancellationToken))
            throw new TimeoutException($"only {counter.Outcomes} of {posts.Count} posts handled in 5 min");
        double seconds = clock.Elapsed.TotalSeconds;
        await service.StopAsync(CancellationToken.None);
        return ((posts.Count - start) / seconds, counter.Profile());
    }

    /// <summary>(d): publishes at <paramref name="rate"/> posts/s (paced, each post's <c>posted-at</c> taken when it is
    /// handed to the producer, whose linger counts in the latency) and measures post-to-verdict latency until the
    /// broker acknowledged the verdict, from the service's own latency histogram.</summary>
    public static async Task<LatencyFigures> LatencyAtRateAsync(BenchSettings settings, IReadOnlyList<Post> posts, double rate,
        ILoggerFactory logging, CancellationToken cancellationToken)
    {
        using var env = new BenchEnvironment(logging);
        using var counter = new OutcomeCounter();
        await using var service = env.Service(settings);
        await service.StartAsync(cancellationToken);
        await env.Publisher.PublishAsync(posts[0] with { Id = "warm-up" }, cancellationToken);
        if (!await counter.WaitForAsync(1, TimeSpan.FromSeconds(60), cancellationToken))
            throw new TimeoutException("warm-up post not answered within 60 s");
        await Task.Delay(200, cancellationToken);
        counter.Reset();

        int count = (int)(rate * settings.LatencySeconds);
        var pending = new List<Task<PostDelivery>>(count);
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < count; i++)
        {
            var due = TimeSpan.FromSeconds(i / rate);
            var wait = due - clock.Elapsed;
            if (wait > TimeSpan.FromMilliseconds(1)) await Task.Delay(wait, cancellationToken);
            pending.Add(env.Publisher.PublishAsync(posts[i % posts.Count] with { Id = $"lat-{i}" }, cancellationToken));
        }
        double achievedRate = count / clock.Elapsed.TotalSeconds;
        await Task.WhenAll(pending);
        if (!await counter.WaitForAsync(count + 1, TimeSpan.FromMinutes(2), cancellationToken))
            throw new TimeoutException($"only {counter.Outcomes} of {count + 1} posts handled");
        var acknowledged = counter.Latencies();
        var profile = counter.Profile();
        await service.StopAsync(CancellationToken.None);
        var results = await env.Reader.ReadAsync(count + 1, TimeSpan.FromSeconds(60), cancellationToken);
        var scored = results.Verdicts.Where(v => v.PostId.StartsWith("lat-", StringComparison.Ordinal)).Select(v => v.LatencyMs).Order().ToArray();
        return new LatencyFigures(rate, achievedRate, acknowledged.Length, Demo.DemoSummary.Percentile(acknowledged, 0.5),
            Demo.DemoSummary.Percentile(acknowledged, 0.99), acknowledged[^1], Demo.DemoSummary.Percentile(scored, 0.5),
            Demo.DemoSummary.Percentile(scored, 0.99), profile);
    }
}
