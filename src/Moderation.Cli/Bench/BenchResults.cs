using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace Moderation.Cli.Bench;

/// <summary>The four figures of one bench run, their ratios against the targets, where the time went, and the machine.</summary>
internal sealed record BenchResults(BenchSettings Settings, string ExecutionProvider, ThroughputRounds Throughput,
    double? ModelOnlyDefaultThreads, double Naive, LatencyFigures Latency, string LoadBefore, string LoadAfter, DateTimeOffset At)
{
    public double EndToEndOverNaive => Throughput.MedianEndToEnd / Naive;

    public string ToMarkdown()
    {
        var c = CultureInfo.InvariantCulture;
        var d = Latency;
        var s = new StringBuilder();
        s.AppendLine(c, $"# Moderation bench, {At:yyyy-MM-dd HH:mm} UTC");
        s.AppendLine();
        s.AppendLine(c, $"Machine: {Machine()}; execution provider `{ExecutionProvider}`.");
        s.AppendLine(c, $"Load average (1, 5, 15 min) before: {LoadBefore}; after: {LoadAfter} (the cores are shared with other jobs: compare the ratios, which come from one run).");
        s.AppendLine(c, $"Model `{Settings.Model}`, batch ≤ {Settings.BatchSize} posts or {Settings.BatchDelayMs} ms, ONNX Runtime intra-op threads {(Settings.IntraOpThreads == 0 ? "default" : Settings.IntraOpThreads)} in (a), (b) and (d), embedded broker (librdkafka mock cluster) on loopback; the service runs without its review side (a separate reader of `moderation.flags`, `Review:Enabled=false`).");
        s.AppendLine(c, $"Reproduce: `dotnet build src/Moderation.Cli -c Release && dotnet src/Moderation.Cli/bin/Release/net10.0/moderation.dll bench --posts {Settings.Posts} --rounds {Settings.Rounds} --naive-posts {Settings.NaivePosts} --latency-seconds {Settings.LatencySeconds:0.#} --intra-op-threads {Settings.IntraOpThreads}`.");
        s.AppendLine();
        s.AppendLine("| figure | value | target |");
        s.AppendLine("| --- | ---: | --- |");
        var t = Throughput;
        var ratio = t.MedianRatio;
        s.AppendLine(c, $"| (a) model only, ONNX Runtime on pre-decoded tensors, batch {Settings.BatchSize} (median of {t.ModelOnly.Count} runs of {Settings.ModelSeconds:F0} s) | {t.MedianModelOnly:F0} images/s | |");
        s.AppendLine(c, $"| (b) end to end through the broker, backlog of {Settings.Posts} posts (median of {t.EndToEnd.Count} rounds after a warm-up round) | {t.MedianEndToEnd:F0} posts/s | ≥ 0.85 × (a): **{ratio:F2}** {Mark(ratio >= 0.85)} (median of the rounds' ratios) |");
        s.AppendLine(c, $"| (c) naive consumer, one post at a time, commit each ({Settings.NaivePosts} posts) | {Naive:F0} posts/s | (b) ≥ 5 × (c): **{EndToEndOverNaive:F1}×** {Mark(EndToEndOverNaive >= 5)} |");
        s.AppendLine(c, $"| (d) post-to-verdict latency at {d.AchievedRate:F0} posts/s (half of (b)), {d.Samples} posts | p50 {d.P50:F0} ms, p99 {d.P99:F0} ms | p99 ≤ 50 ms {Mark(d.P99 <= 50)} |");
        s.AppendLine();
        if (ModelOnlyDefaultThreads is { } reference)
            s.AppendLine(c, $"For reference, (a) with ONNX Runtime's default intra-op thread count, measured once after the rounds: {reference:F0} images/s.");
        s.AppendLine(c, $"Rounds, in order: (a) {string.Join(" · ", t.ModelOnly.Select(v => v.ToString("F0", c)))} images/s; (b) {string.Join(" · ", t.EndToEnd.Select(v => v.ToString("F0", c)))} posts/s; (b) over the mean of the (a) runs on either side: {string.Join(" · ", t.Ratios.Select(v => v.ToString("F2", c)))}.");
        s.AppendLine();
        s.AppendLine(c, $"(d) runs from the post's `posted-at` (set when the post is handed to the publisher's producer: idempotent, acks=all, librdkafka default `linger.ms` 5, Nagle off) until the broker acknowledged the verdict; {d.TargetRate:F0} posts/s asked, {d.AchievedRate:F0} handed over; max {d.Max:F0} ms. Until scoring only (the verdict's own `latencyMs`): p50 {d.ScoredP50:F0} ms, p99 {d.ScoredP99:F0} ms.");
        s.AppendLine();
        s.AppendLine(c, $"Where the time went (service metric `moderation.batch.stage.duration`): (b), median round: {t.MedianProfile}; (d) {d.Profile}. Decode runs on the consume thread while the scoring thread scores the previous batch; `end_to_end` is from closing a batch until all its outputs were acknowledged.");
        return s.ToString();
    }

    /// <summary>Cores, OS, architecture, .NET version and ONNX Runtime version of this machine and process.</summary>
    public static string Machine() =>
        $"{Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.ProcessArchitecture}, .NET {Environment.Version}, ONNX Runtime {Microsoft.ML.OnnxRuntime.OrtEnv.Instance().GetVersionString()}";

    /// <summary>The 1, 5 and 15 minute load averages from <c>/proc/loadavg</c>, or "n/a".</summary>
    public static string ReadLoadAverage()
    {
        try
        {
            return string.Join(", ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "n/a";
        }
        catch (UnauthorizedAccessException)
        {
            return "n/a";
        }
    }

    private static string Mark(bool met) => met ? "met" : "NOT met";
}
