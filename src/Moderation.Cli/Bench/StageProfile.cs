using System.Globalization;

namespace Moderation.Cli.Bench;

/// <summary>Where a batch's time went in the service: mean posts per batch and mean ms per pipeline stage.</summary>
internal sealed record StageProfile(double MeanBatchSize, IReadOnlyDictionary<string, double> MeanStageMs)
{
    public override string ToString()
    {
        var c = CultureInfo.InvariantCulture;
        var stages = string.Join(", ", MeanStageMs.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => string.Create(c, $"{s.Key} {s.Value:F1} ms")));
        return string.Create(c, $"mean batch {MeanBatchSize:F1} posts; per batch: {stages}");
    }
}
