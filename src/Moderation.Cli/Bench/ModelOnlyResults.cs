using System.Globalization;
using System.Text;

namespace Moderation.Cli.Bench;

/// <summary>The Markdown of <c>bench --model-only</c>: (a) alone, on whatever execution provider was asked for.</summary>
internal static class ModelOnlyResults
{
    public static string ToMarkdown(BenchSettings s, string executionProvider, IReadOnlyList<double> runs, DateTimeOffset at)
    {
        var c = CultureInfo.InvariantCulture;
        var sorted = runs.Order().ToList();
        var median = sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
        var text = new StringBuilder();
        text.AppendLine(c, $"# Moderation bench, model only, {at:yyyy-MM-dd HH:mm} UTC");
        text.AppendLine();
        text.AppendLine(c, $"Machine: {BenchResults.Machine()}; execution provider `{executionProvider}` (asked: `{s.ExecutionProvider}`).");
        text.AppendLine(c, $"Load average (1, 5, 15 min) at the end: {BenchResults.ReadLoadAverage()}. Model `{s.Model}`, batch {s.BatchSize}, intra-op threads {(s.IntraOpThreads == 0 ? "default" : s.IntraOpThreads)}.");
        text.AppendLine(c, $"Reproduce: `moderation bench --model-only --execution-provider {s.ExecutionProvider} --rounds {s.Rounds} --model-seconds {s.ModelSeconds:0.#} --batch-size {s.BatchSize} --intra-op-threads {s.IntraOpThreads}`.");
        text.AppendLine();
        text.AppendLine("| figure | value |");
        text.AppendLine("| --- | ---: |");
        text.AppendLine(c, $"| (a) model only, pre-decoded tensors into pre-allocated outputs, batch {s.BatchSize} (median of {runs.Count} runs of {s.ModelSeconds:0.#} s) | {median:F0} images/s |");
        text.AppendLine();
        text.AppendLine(c, $"Runs, in order: {string.Join(" · ", runs.Select(v => v.ToString("F0", c)))} images/s.");
        return text.ToString();
    }
}
