using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Moderation.Observability;

/// <summary>Registers the Prometheus collector and maps <c>/metrics</c>.</summary>
public static class ObservabilityServiceCollectionExtensions
{
    /// <summary>Adds <see cref="PrometheusCollector"/> (singleton) bound to the <c>Prometheus</c> section, validated on start.</summary>
    public static IServiceCollection AddModerationObservability(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PrometheusOptions>().Bind(configuration.GetSection(PrometheusOptions.SectionName))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<PrometheusCollector>();
        return services;
    }

    /// <summary>Maps <c>GET /metrics</c> to the Prometheus text format. The collector is created here, before the host
    /// starts, so measurements made before the first scrape are counted.</summary>
    public static IEndpointConventionBuilder MapPrometheusMetrics(this IEndpointRouteBuilder endpoints, string pattern = "/metrics")
    {
        var collector = endpoints.ServiceProvider.GetRequiredService<PrometheusCollector>();
        return endpoints.MapGet(pattern, () => Results.Text(collector.Render(), "text/plain; version=0.0.4; charset=utf-8"));
    }
}
