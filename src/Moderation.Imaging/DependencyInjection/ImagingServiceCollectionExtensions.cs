using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Moderation.Core.Imaging;

// In the feature's root namespace (as Polly does for AddResiliencePipeline), so `using Moderation.Imaging;` is enough.
namespace Moderation.Imaging;

/// <summary>Registers image decoding and pre-processing with dependency injection.</summary>
public static class ImagingServiceCollectionExtensions
{
    /// <summary>Binds <see cref="ImagingOptions"/> from the <c>Imaging</c> section (<see cref="ImagingOptions.SectionName"/>)
    /// with DataAnnotations validation, checked when the host starts (ValidateOnStart), and registers
    /// <see cref="IImagePreprocessor"/> as one <see cref="ImagePreprocessor"/> singleton built from
    /// <c>IOptions&lt;ImagingOptions&gt;</c> (thread-safe, so one instance serves every consumer). Calling it twice
    /// registers the pre-processor once.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The configuration root (or any section that contains <c>Imaging</c>).</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <remarks>Out-of-range options surface as <see cref="OptionsValidationException"/>: from <c>IHost.StartAsync</c>,
    /// or on first resolution when no host runs.</remarks>
    public static IServiceCollection AddModerationImaging(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<ImagingOptions>()
            .Bind(configuration.GetSection(ImagingOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton<IImagePreprocessor>(provider =>
            new ImagePreprocessor(provider.GetRequiredService<IOptions<ImagingOptions>>().Value));
        return services;
    }
}
