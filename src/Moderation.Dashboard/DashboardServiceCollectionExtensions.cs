using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Moderation.Dashboard.Configuration;
using Moderation.Dashboard.Consumer;
using Moderation.Dashboard.Endpoints;
using Moderation.Dashboard.Feed;
using Moderation.Streaming;

namespace Moderation.Dashboard;

/// <summary>Registers the reviewers' live dashboard.</summary>
public static class DashboardServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="DashboardOptions"/> (section <c>Dashboard</c>, DataAnnotations validated when the host
    /// starts), the Kafka options and <see cref="TimeProvider"/> (through
    /// <see cref="StreamingServiceCollectionExtensions.AddModerationKafkaClients"/>), the <see cref="FlagFeed"/>
    /// singleton and the hosted service reading <see cref="Streaming.Configuration.KafkaOptions.FlagsTopic"/> into it
    /// on a dedicated thread (idle when <see cref="DashboardOptions.Enabled"/> is false). Map the endpoints with
    /// <see cref="DashboardEndpointRouteBuilderExtensions.MapModerationDashboard"/>. Calling it twice registers
    /// nothing twice.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The configuration root holding the <c>Dashboard</c> and <c>Kafka</c> sections.</param>
    /// <exception cref="ArgumentNullException"><paramref name="configuration"/> is null.</exception>
    public static IServiceCollection AddModerationDashboard(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddModerationKafkaClients(configuration);
        if (services.Any(static d => d.ServiceType == typeof(FlagFeed)))
        {
            return services;
        }

        services.AddOptions<DashboardOptions>().Bind(configuration.GetSection(DashboardOptions.SectionName))
            .ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<FlagFeed>();
        services.TryAddSingleton<DashboardPage>();
        services.AddHostedService<FlagsConsumerService>();
        return services;
    }
}
