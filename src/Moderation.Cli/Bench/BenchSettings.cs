namespace Moderation.Cli.Bench;

/// <summary>What one bench run uses.</summary>
/// <param name="Model">Model folder.</param>
/// <param name="ExecutionProvider">ONNX Runtime execution provider.</param>
/// <param name="IntraOpThreads">ONNX Runtime intra-op threads in (a), (b), (c) and (d); 0 = ONNX Runtime's default.</param>
/// <param name="BatchSize">Service batch size B, also (a)'s batch.</param>
/// <param name="BatchDelayMs">Service batch wait T in ms.</param>
/// <param name="Posts">Backlog of one (b) round.</param>
/// <param name="NaivePosts">Posts for (c).</param>
/// <param name="LatencySeconds">Duration of (d)'s paced publishing.</param>
/// <param name="Rounds">Alternating (a)/(b) rounds: (a), (b), (a), (b), …, (a); the figures are medians.</param>
/// <param name="ModelSeconds">Duration of one (a) measurement.</param>
internal sealed record BenchSettings(string Model, string ExecutionProvider, int IntraOpThreads, int BatchSize, int BatchDelayMs,
    int Posts, int NaivePosts, double LatencySeconds, int Rounds, double ModelSeconds);
