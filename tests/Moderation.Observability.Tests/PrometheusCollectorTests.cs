using System.Diagnostics.Metrics;
using Microsoft.Extensions.Options;

namespace Moderation.Observability.Tests;

public sealed class PrometheusCollectorTests : IDisposable
{
    private readonly Meter _meter = new("Moderation.Test." + Guid.NewGuid().ToString("N"));
    private readonly PrometheusCollector _collector = new(Options.Create(new PrometheusOptions { HistogramBuckets = [10, 50] }));

    public void Dispose()
    {
        _collector.Dispose();
        _meter.Dispose();
    }

    [Fact]
    public void Counter_with_labels_renders_as_total_sums_per_label_set()
    {
        var counter = _meter.CreateCounter<long>("moderation.dead_lettered", description: "Posts dead-lettered.");
        counter.Add(2, new KeyValuePair<string, object?>("reason", "corrupt"));
        counter.Add(3, new KeyValuePair<string, object?>("reason", "corrupt"));
        counter.Add(1, new KeyValuePair<string, object?>("reason", "empty"));
        Assert.Equal(
            "# HELP moderation_dead_lettered_total Posts dead-lettered.\n" +
            "# TYPE moderation_dead_lettered_total counter\n" +
            "moderation_dead_lettered_total{reason=\"corrupt\"} 5\n" +
            "moderation_dead_lettered_total{reason=\"empty\"} 1\n",
            _collector.Render());
    }

    [Fact]
    public void Histogram_renders_cumulative_buckets_sum_and_count()
    {
        var histogram = _meter.CreateHistogram<double>("moderation.latency", unit: "ms");
        foreach (var v in new[] { 3.0, 10.0, 12.0, 80.0 }) histogram.Record(v);
        Assert.Equal(
            "# TYPE moderation_latency_ms histogram\n" +
            "moderation_latency_ms_bucket{le=\"10\"} 2\n" +
            "moderation_latency_ms_bucket{le=\"50\"} 3\n" +
            "moderation_latency_ms_bucket{le=\"+Inf\"} 4\n" +
            "moderation_latency_ms_sum 105\n" +
            "moderation_latency_ms_count 4\n",
            _collector.Render());
    }

    [Fact]
    public void Observable_gauge_reports_latest_value_and_escapes_labels()
    {
        long lag = 7;
        _meter.CreateObservableGauge("moderation.lag", () => new Measurement<long>(lag, new KeyValuePair<string, object?>("topic", "a\"b")));
        Assert.Contains("moderation_lag{topic=\"a\\\"b\"} 7\n", _collector.Render());
        lag = 3;
        Assert.Contains("moderation_lag{topic=\"a\\\"b\"} 3\n", _collector.Render());
    }

    [Fact]
    public void Meters_outside_the_prefix_are_ignored()
    {
        using var other = new Meter("System.Other." + Guid.NewGuid().ToString("N"));
        other.CreateCounter<long>("x").Add(1);
        Assert.DoesNotContain("x_total", _collector.Render());
    }
}
