using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Moderation.Core.Review;
using Moderation.Review.Auth;
using Moderation.Review.Configuration;
using Moderation.Review.Endpoints;
using Moderation.Review.Ingest;
using Moderation.Review.Live;
using Moderation.Review.Outbox;
using Moderation.Review.Store;
using Moderation.Streaming;

namespace Moderation.Review;

/// <summary>Registers the review side.</summary>
public static class ReviewServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ReviewOptions"/> (section <c>Review</c>) and <see cref="ReviewAuthOptions"/> (section
    /// <c>ReviewAuth</c>), both validated when the host starts (no user and no token: the host refuses to start); the
    /// Kafka options and <see cref="TimeProvider"/> (through
    /// <see cref="StreamingServiceCollectionExtensions.AddModerationKafkaClients"/>); the store (schema created or
    /// migrated on start) as <see cref="IReviewedPostSource"/>; the hosted services that ingest the flags topic,
    /// publish decisions and apply image retention; authentication (login cookie and API tokens), the
    /// <c>review</c> authorization policy and antiforgery. With <see cref="ReviewOptions.Enabled"/> false, only the
    /// options and the (empty) authentication and authorization services are registered. Map the endpoints with
    /// <see cref="ReviewEndpointRouteBuilderExtensions.MapModerationReview"/>. Calling it twice registers nothing twice.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The configuration root holding the <c>Review</c>, <c>ReviewAuth</c> and <c>Kafka</c> sections.</param>
    /// <param name="prefix">Route prefix of the pages and API (cookie paths, login redirect). Default
    /// <see cref="ReviewEndpointRouteBuilderExtensions.DefaultPrefix"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="configuration"/> is null.</exception>
    public static IServiceCollection AddModerationReview(this IServiceCollection services, IConfiguration configuration,
        string prefix = ReviewEndpointRouteBuilderExtensions.DefaultPrefix)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (services.Any(static d => d.ServiceType == typeof(ReviewPages)))
        {
            return services;
        }

        services.AddModerationKafkaClients(configuration);
        services.AddOptions<ReviewOptions>().Bind(configuration.GetSection(ReviewOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<ReviewPages>();
        services.AddAuthentication(); // either way, so the host's UseAuthentication/UseAuthorization always find their services
        services.AddAuthorization();
        var section = configuration.GetSection(ReviewOptions.SectionName);
        if (!section.GetValue(nameof(ReviewOptions.Enabled), true))
        {
            return services;
        }

        services.TryAddSingleton(sp => new ReviewDatabase(sp.GetRequiredService<IOptions<ReviewOptions>>().Value.Database));
        services.TryAddSingleton<ReviewStore>();
        services.TryAddSingleton<IReviewedPostSource>(sp => sp.GetRequiredService<ReviewStore>());
        services.TryAddSingleton<ReviewChanges>();
        services.AddHostedService<ReviewStoreInitializer>(); // first: the others use the schema
        services.AddHostedService<FlagsIngestService>();
        services.AddHostedService<DecisionPublisher>();
        services.AddHostedService<RetentionService>();
        ReviewAuthentication.Add(services, configuration, prefix);
        return services;
    }
}
