using Moderation.Core.Contracts;
using Moderation.Tools.Kafka.Publishing;
using Moderation.Tools.Kafka.Reading;

namespace Moderation.Cli.Demo;

/// <summary>What the demo measured: counts, flag rate per source, throughput and post-to-verdict latency.</summary>
internal sealed record DemoSummary(
    int PostsIn,
    int VerdictsOut,
    int DeadLettered,
    int Missing,
    int Duplicates,
    IReadOnlyList<SourceStats> Sources,
    IReadOnlyDictionary<string, int> DeadLetterReasons,
    double ThroughputPostsPerSecond,
    double LatencyP50Ms,
    double LatencyP99Ms)
{
    public static DemoSummary From(IReadOnlyList<Post> posts, ModerationResults results)
    {
        var sourceOf = posts.ToDictionary(p => p.Id, p => p.Headers![PostHeaders.Source]);
        // Only this run's posts count (a warm-up post or an earlier run's records may share the topics).
        var ours = results.Verdicts.Where(v => sourceOf.ContainsKey(v.PostId)).ToList();
        var oursDead = results.DeadLetters.Where(d => sourceOf.ContainsKey(d.PostId)).ToList();
        var verdicts = ours.GroupBy(v => v.PostId).ToDictionary(g => g.Key, g => g.First());
        var dead = oursDead.GroupBy(d => d.PostId).ToDictionary(g => g.Key, g => g.First());
        int duplicates = ours.Count - verdicts.Count + oursDead.Count - dead.Count;
        var sources = DemoSources.All.Select(source =>
        {
            var ids = posts.Where(p => sourceOf[p.Id] == source).Select(p => p.Id).ToList();
            int scored = ids.Count(verdicts.ContainsKey);
            int flagged = ids.Count(id => verdicts.TryGetValue(id, out var v) && v.Flagged);
            return new SourceStats(source, ids.Count, scored, flagged, ids.Count(dead.ContainsKey));
        }).ToList();
        var latencies = verdicts.Values.Select(v => v.LatencyMs).Order().ToArray();
        // Throughput: posts handled per second between the first post's posted-at and the last verdict's scored-at.
        double first = verdicts.Values.Min(v => v.ScoredAtMs - v.LatencyMs), last = verdicts.Values.Max(v => v.ScoredAtMs);
        int handled = verdicts.Count + dead.Count;
        return new DemoSummary(posts.Count, verdicts.Count, dead.Count, posts.Count - handled, duplicates, sources,
            dead.Values.GroupBy(d => d.Reason).ToDictionary(g => g.Key, g => g.Count()),
            handled / Math.Max(1e-3, (last - first) / 1000.0), Percentile(latencies, 0.50), Percentile(latencies, 0.99));
    }

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    public static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
