using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Moderation.Core.Scoring;
using Moderation.Streaming.Configuration;
using Moderation.Streaming.Diagnostics;
using Moderation.Streaming.Health;
using Moderation.Streaming.Worker;

namespace Moderation.Streaming;

/// <summary>Registers the streaming services.</summary>
public static class StreamingServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Kafka clients (see <see cref="AddModerationKafkaClients"/>), <see cref="BatchingOptions"/>
    /// (section <c>Batching</c>), <see cref="ResilienceOptions"/> (section <c>Resilience</c>),
    /// <see cref="MonitoringOptions"/> (section <c>Monitoring</c>), the <see cref="StreamingMetrics"/>, the
    /// <see cref="StreamingHealth"/> singleton with its health checks (<see cref="StreamingLivenessCheck"/> tagged
    /// <see cref="StreamingHealth.LiveTag"/>, <see cref="StreamingReadinessCheck"/> tagged
    /// <see cref="StreamingHealth.ReadyTag"/>; the caller maps the endpoints) and the <see cref="ModerationWorker"/>
    /// hosted service. The caller registers an <see cref="Core.Imaging.IImagePreprocessor"/> and either an
    /// <see cref="IScoringModelSource"/> (the scoring library's, hot-swappable) or an <see cref="IBatchScorer"/> with a
    /// <see cref="ModelDescriptor"/> (wrapped here in a fixed <see cref="ScoringModelSlot"/> that does not dispose the
    /// scorer). Options are validated
    /// (DataAnnotations) when the host starts. Calling it twice registers nothing twice.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The configuration root holding the sections.</param>
    public static IServiceCollection AddModerationStreaming(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModerationKafkaClients(configuration);
        services.AddOptions<BatchingOptions>().Bind(configuration.GetSection(BatchingOptions.SectionName))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ResilienceOptions>().Bind(configuration.GetSection(ResilienceOptions.SectionName))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<MonitoringOptions>().Bind(configuration.GetSection(MonitoringOptions.SectionName))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddMetrics();
        services.TryAddSingleton<StreamingMetrics>();
        if (!services.Any(static d => d.ServiceType == typeof(StreamingHealth)))
        {
            services.AddSingleton<StreamingHealth>();
            services.AddHealthChecks()
                .AddCheck<StreamingLivenessCheck>(StreamingHealth.LiveCheckName, tags: [StreamingHealth.LiveTag])
                .AddCheck<StreamingReadinessCheck>(StreamingHealth.ReadyCheckName, tags: [StreamingHealth.ReadyTag]);
        }

        services.TryAddSingleton<IScoringModelSource>(static sp =>
        {
            var model = sp.GetRequiredService<ModelDescriptor>();
            return new ScoringModelSlot(new ScoringModel(sp.GetRequiredService<IBatchScorer>(), model.Version, model.Thresholds, ownsScorer: false));
        });
        services.AddHostedService<ModerationWorker>();
        return services;
    }

    /// <summary>
    /// Registers <see cref="KafkaOptions"/> (section <c>Kafka</c>, validated on start) and <see cref="TimeProvider.System"/>
    /// unless a <see cref="TimeProvider"/> is registered: what a client of the moderation topics needs without running
    /// the worker (the review side, the tools); build the clients with <see cref="Clients.KafkaClients"/>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The configuration root holding the <c>Kafka</c> section.</param>
    /// <exception cref="ArgumentNullException"><paramref name="configuration"/> is null.</exception>
    public static IServiceCollection AddModerationKafkaClients(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<KafkaOptions>().Bind(configuration.GetSection(KafkaOptions.SectionName))
            .ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }
}
