using System.ComponentModel.DataAnnotations;

namespace Moderation.Observability;

/// <summary>What the <c>/metrics</c> endpoint exports. Section <see cref="SectionName"/>.</summary>
public sealed class PrometheusOptions : IValidatableObject
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Prometheus";

    /// <summary>Meters whose name starts with this prefix are exported (OpenTelemetry meter wildcard
    /// <c>&lt;prefix&gt;*</c>). Default <c>Moderation</c>.</summary>
    [Required] public string MeterPrefix { get; set; } = "Moderation";

    /// <summary>Upper bounds of histogram buckets (the instrument's unit, e.g. ms), ascending; +Inf is implicit.
    /// Null (default) = <see cref="DefaultHistogramBuckets"/>; a configured list replaces it. Every bound must be a
    /// finite number (NaN or ±∞ fails validation at start).</summary>
    [MinLength(1)]
    public double[]? HistogramBuckets { get; set; }

    /// <summary>1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000: OpenTelemetry's own default (0 … 10000 in
    /// 15 steps) is coarser below 25 ms, where the service's latencies lie.</summary>
    public static IReadOnlyList<double> DefaultHistogramBuckets { get; } = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000];

    /// <summary>The bucket bounds in use: <see cref="HistogramBuckets"/> or the default, sorted, duplicates removed
    /// (OpenTelemetry ignores a view whose bounds repeat).</summary>
    public double[] EffectiveHistogramBuckets() => [.. (HistogramBuckets ?? DefaultHistogramBuckets).Distinct().Order()];

    /// <summary>Fails when a configured bucket bound is NaN or infinite.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (HistogramBuckets?.FirstOrDefault(b => !double.IsFinite(b)) is { } bad && !double.IsFinite(bad))
            yield return new ValidationResult($"histogram bucket bounds must be finite numbers; got {bad}", [nameof(HistogramBuckets)]);
    }
}
