using System.Text.Json.Serialization;
using Moderation.Evaluation.Roc;

namespace Moderation.Evaluation.Results;

/// <summary>A (thinned) ROC curve as two parallel arrays, stored in <c>evaluation.json</c> for plotting.</summary>
public sealed record RocSummary
{
    /// <summary>False-positive rates, non-decreasing from 0 to 1.</summary>
    [JsonPropertyName("fpr")]
    [JsonConverter(typeof(InlineArrayConverter<double>))]
    public required IReadOnlyList<double> Fpr { get; init; }

    /// <summary>True-positive rates, same length as <see cref="Fpr"/>, non-decreasing from 0 to 1.</summary>
    [JsonPropertyName("tpr")]
    [JsonConverter(typeof(InlineArrayConverter<double>))]
    public required IReadOnlyList<double> Tpr { get; init; }

    /// <summary>Copies the rates of <paramref name="points"/> (e.g. <see cref="RocCurve.Thinned"/>).</summary>
    public static RocSummary From(IReadOnlyList<RocPoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        return new RocSummary
        {
            Fpr = points.Select(p => p.FalsePositiveRate).ToArray(),
            Tpr = points.Select(p => p.TruePositiveRate).ToArray(),
        };
    }
}
