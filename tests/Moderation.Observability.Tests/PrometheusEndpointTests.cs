using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Moderation.Observability.Tests;

/// <summary>Scrapes <c>/metrics</c> over real HTTP from a Kestrel host wired with <c>AddModerationObservability</c>.</summary>
public sealed class PrometheusEndpointTests
{
    [Fact]
    public async Task Counters_histograms_and_gauges_of_the_prefixed_meters_are_scraped_in_prometheus_text()
    {
        var meterName = "Moderation.Test" + Guid.NewGuid().ToString("N");
        await using var app = Build(new() { ["Prometheus:HistogramBuckets:0"] = "10", ["Prometheus:HistogramBuckets:1"] = "50" });
        await app.StartAsync();
        using var meter = app.Services.GetRequiredService<IMeterFactory>().Create(meterName);
        var counter = meter.CreateCounter<long>("moderation.dead_lettered", "{post}", "Posts dead-lettered.");
        counter.Add(2, new KeyValuePair<string, object?>("reason", "corrupt"));
        counter.Add(3, new KeyValuePair<string, object?>("reason", "corrupt"));
        counter.Add(1, new KeyValuePair<string, object?>("reason", "empty"));
        var histogram = meter.CreateHistogram<double>("moderation.latency", "ms", "Latency.");
        foreach (var v in new[] { 3.0, 10.0, 12.0, 80.0 }) histogram.Record(v);
        long lag = 7;
        meter.CreateObservableGauge("moderation.lag", () => new Measurement<long>(lag, new KeyValuePair<string, object?>("topic", "a\"b")));
        using var other = new Meter("System.Other" + Guid.NewGuid().ToString("N"));
        other.CreateCounter<long>("other.requests").Add(1);

        using var http = Client(app);
        var response = await http.GetAsync("/metrics");
        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        var text = await response.Content.ReadAsStringAsync();
        var scope = $"otel_scope_name=\"{meterName}\"";
        Assert.Contains("# TYPE moderation_dead_lettered_total counter\n# HELP moderation_dead_lettered_total Posts dead-lettered.\n", text);
        Assert.Contains($"moderation_dead_lettered_total{{{scope},reason=\"corrupt\"}} 5\n", text);
        Assert.Contains($"moderation_dead_lettered_total{{{scope},reason=\"empty\"}} 1\n", text);
        Assert.Contains("# TYPE moderation_latency_milliseconds histogram\n", text);
        Assert.Contains($"moderation_latency_milliseconds_bucket{{{scope},le=\"10\"}} 2\n", text); // 3, 10 (bounds are inclusive)
        Assert.Contains($"moderation_latency_milliseconds_bucket{{{scope},le=\"50\"}} 3\n", text);
        Assert.DoesNotContain("le=\"25\"", text); // the configured bounds replace OpenTelemetry's default ones
        Assert.Contains($"moderation_latency_milliseconds_bucket{{{scope},le=\"+Inf\"}} 4\n", text);
        Assert.Contains($"moderation_latency_milliseconds_sum{{{scope}}} 105\n", text);
        Assert.Contains($"moderation_latency_milliseconds_count{{{scope}}} 4\n", text);
        Assert.Contains($"moderation_lag{{{scope},topic=\"a\\\"b\"}} 7\n", text);
        Assert.DoesNotContain("other_requests", text);
        Assert.Contains("service_name=\"moderation\"", text); // target_info

        // The gauge is observed again on a later scrape (the exporter serves a cached response for 300 ms by default).
        lag = 3;
        var expected = $"moderation_lag{{{scope},topic=\"a\\\"b\"}} 3\n";
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!(text = await http.GetStringAsync("/metrics")).Contains(expected) && DateTime.UtcNow < deadline) await Task.Delay(100);
        Assert.Contains(expected, text);
        await app.StopAsync();
    }

    private static WebApplication Build(Dictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddModerationObservability(builder.Configuration);
        var app = builder.Build();
        app.MapPrometheusMetrics();
        return app;
    }

    private static HttpClient Client(WebApplication app) => new()
    {
        BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single()),
    };

    [Fact]
    public void Histogram_bounds_default_to_ones_fit_for_milliseconds_and_a_configured_list_replaces_them()
    {
        Assert.Equal([1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000], new PrometheusOptions().EffectiveHistogramBuckets());
        Assert.Equal([5, 10, 50], new PrometheusOptions { HistogramBuckets = [50, 10, 5, 10] }.EffectiveHistogramBuckets());
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    public async Task A_bucket_bound_that_is_not_a_finite_number_fails_the_start(string bound)
    {
        await using var app = Build(new() { ["Prometheus:HistogramBuckets:0"] = "10", ["Prometheus:HistogramBuckets:1"] = bound });
        var e = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() => app.StartAsync());
        Assert.Contains("histogram bucket bounds must be finite numbers", e.Message);
    }
}
