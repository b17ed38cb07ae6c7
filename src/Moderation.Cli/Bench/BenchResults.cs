using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace Moderation.Cli.Bench;

/// <summary>The four figures of one bench run, their ratios against the targets, and the machine.</summary>
internal sealed record BenchResults(BenchSettings Settings, string ExecutionProvider, double ModelOnly, double EndToEnd, double Naive,
    double LatencyRate, double LatencyP50, double LatencyP99, int LatencySamples, DateTimeOffset At)
{
    public double EndToEndOverModel => EndToEnd / ModelOnly;
    public double EndToEndOverNaive => EndToEnd / Naive;

    public string ToMarkdown()
    {
        var c = CultureInfo.InvariantCulture;
        var s = new StringBuilder();
        s.AppendLine(c, $"# Moderation bench, {At:yyyy-MM-dd HH:mm} UTC");
        s.AppendLine();
        s.AppendLine(c, $"Machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.ProcessArchitecture}, .NET {Environment.Version}; execution provider `{ExecutionProvider}`.");
        s.AppendLine(c, $"Model `{Settings.Model}`, batch ≤ {Settings.BatchSize} posts or {Settings.BatchDelayMs} ms, ONNX Runtime intra-op threads {(Settings.IntraOpThreads == 0 ? "default" : Settings.IntraOpThreads)}, embedded broker (librdkafka mock cluster) on loopback.");
        s.AppendLine();
        s.AppendLine("| figure | value | target |");
        s.AppendLine("| --- | ---: | --- |");
        s.AppendLine(c, $"| (a) model only, ONNX Runtime on pre-decoded tensors | {ModelOnly:F0} images/s | |");
        s.AppendLine(c, $"| (b) end to end through the broker ({Settings.Posts} posts) | {EndToEnd:F0} posts/s | ≥ 0.85 × (a): **{EndToEndOverModel:F2}** {Mark(EndToEndOverModel >= 0.85)} |");
        s.AppendLine(c, $"| (c) naive consumer, one post at a time, commit each ({Settings.NaivePosts} posts) | {Naive:F0} posts/s | (b) ≥ 5 × (c): **{EndToEndOverNaive:F1}×** {Mark(EndToEndOverNaive >= 5)} |");
        s.AppendLine(c, $"| (d) post-to-verdict latency at {LatencyRate:F0} posts/s (half of (b)), {LatencySamples} posts | p50 {LatencyP50:F0} ms, p99 {LatencyP99:F0} ms | p99 ≤ 50 ms {Mark(LatencyP99 <= 50)} |");
        return s.ToString();
    }

    private static string Mark(bool met) => met ? "met" : "NOT met";
}
