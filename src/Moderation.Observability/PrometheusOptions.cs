using System.ComponentModel.DataAnnotations;

namespace Moderation.Observability;

/// <summary>What the <c>/metrics</c> endpoint exports. Section <c>Prometheus</c>.</summary>
public sealed class PrometheusOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Prometheus";

    /// <summary>Meters whose name starts with this prefix are exported. Default <c>Moderation</c>.</summary>
    [Required] public string MeterPrefix { get; set; } = "Moderation";

    /// <summary>Upper bounds of histogram buckets (the instrument's unit, e.g. ms), ascending; +Inf is implicit.
    /// Default: 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000.</summary>
    [Required, MinLength(1)]
    public double[] HistogramBuckets { get; set; } = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000];
}
