namespace Moderation.Observability;

/// <summary>One time series of one instrument: its label set and its running aggregate.</summary>
internal sealed class MetricSeries(string labels, int bucketCount)
{
    /// <summary>Prometheus label set, e.g. <c>{reason="corrupt"}</c>, or empty.</summary>
    public string Labels { get; } = labels;

    /// <summary>Counter/up-down-counter sum or last gauge value.</summary>
    public double Value;

    /// <summary>Histogram observation count.</summary>
    public long Count;

    /// <summary>Histogram sum of observations.</summary>
    public double Sum;

    /// <summary>Histogram per-bucket (non-cumulative) counts; the last slot is +Inf.</summary>
    public readonly long[] Buckets = new long[bucketCount + 1];
}
