namespace Moderation.Cli.Bench;

/// <summary>What one bench run uses.</summary>
internal sealed record BenchSettings(string Model, string ExecutionProvider, int IntraOpThreads, int BatchSize, int BatchDelayMs,
    int Posts, int NaivePosts, double LatencySeconds);
