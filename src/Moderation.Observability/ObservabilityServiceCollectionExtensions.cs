using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace Moderation.Observability;

/// <summary>Exports the service's <see cref="System.Diagnostics.Metrics"/> instruments with OpenTelemetry's Prometheus
/// exporter at <c>/metrics</c>.</summary>
public static class ObservabilityServiceCollectionExtensions
{
    /// <summary>The OpenTelemetry <c>service.name</c> resource attribute (<c>target_info{service_name="moderation"}</c>).</summary>
    public const string ServiceName = "moderation";

    /// <summary>
    /// Binds <see cref="PrometheusOptions"/> (section <c>Prometheus</c>, validated on start) and adds OpenTelemetry
    /// metrics (<c>OpenTelemetry.Extensions.Hosting</c>) for every meter named <c>&lt;MeterPrefix&gt;*</c>, histograms
    /// with <see cref="PrometheusOptions.HistogramBuckets"/>, read by the Prometheus exporter
    /// (<c>OpenTelemetry.Exporter.Prometheus.AspNetCore</c>). The exporter names series after the Prometheus
    /// conventions: dots become <c>_</c>, the unit is appended in words (<c>ms</c> → <c>_milliseconds</c>;
    /// <c>{post}</c>-style annotations are dropped), counters end in <c>_total</c>, every series carries the meter's
    /// name as <c>otel_scope_name</c>, and <c>target_info</c> describes the process (service name <see cref="ServiceName"/>).
    /// </summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IServiceCollection AddModerationObservability(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(PrometheusOptions.SectionName);
        services.AddOptions<PrometheusOptions>().Bind(section).ValidateDataAnnotations().ValidateOnStart();
        // The meter list and views are fixed when the MeterProvider is built, so they are read here, not from IOptions.
        var options = section.Get<PrometheusOptions>() ?? new PrometheusOptions();
        var buckets = options.EffectiveHistogramBuckets();
        services.AddOpenTelemetry().ConfigureResource(resource => resource.AddService(ServiceName)).WithMetrics(metrics => metrics
            .AddMeter(options.MeterPrefix + "*")
            .AddView(instrument => IsHistogram(instrument) ? new ExplicitBucketHistogramConfiguration { Boundaries = buckets } : null)
            .AddPrometheusExporter());
        return services;
    }

    /// <summary>Maps <c>GET /metrics</c> (Prometheus text format 0.0.4, or OpenMetrics 1.0 when the scraper asks for
    /// it in its <c>Accept</c> header).</summary>
    public static IEndpointConventionBuilder MapPrometheusMetrics(this IEndpointRouteBuilder endpoints, string pattern = "/metrics") =>
        endpoints.MapPrometheusScrapingEndpoint(pattern);

    private static bool IsHistogram(Instrument instrument) => instrument is Histogram<double> or Histogram<long> or Histogram<int> or Histogram<float>;
}
