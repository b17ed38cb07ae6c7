namespace Moderation.Cli.Bench;

/// <summary>(d): post-to-verdict latency at a paced rate. Acknowledged = until the broker acknowledged the verdict (the
/// service's latency histogram); scored = the verdict's own <c>latencyMs</c> (until scoring, before producing it).</summary>
internal sealed record LatencyFigures(double TargetRate, double AchievedRate, int Samples, double P50, double P99, double Max,
    double ScoredP50, double ScoredP99, StageProfile Profile);
