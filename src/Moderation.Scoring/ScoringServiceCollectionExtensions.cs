using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Moderation.Core.Imaging;
using Moderation.Core.Models;
using Moderation.Core.Scoring;
using Moderation.Scoring.Discriminator;
using Moderation.Scoring.Registry;
using Moderation.Scoring.Runtime;

// In the feature's root namespace, so `using Moderation.Scoring;` is enough.
namespace Moderation.Scoring;

/// <summary>Registers the ONNX Runtime scorer.</summary>
public static class ScoringServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="OnnxSessionOptions"/> (section <c>Onnx</c>) and <see cref="ModelOptions"/> (section <c>Model</c>),
    /// both validated on start, and registers the model the worker scores with as <see cref="IScoringModelSource"/>:
    /// <list type="bullet">
    /// <item><c>Model:Folder</c> (no <c>Model:Registry</c>): one <see cref="DiscriminatorScorer"/> (also registered as
    /// itself and as <see cref="IBatchScorer"/>), never swapped;</item>
    /// <item><c>Model:Registry</c>: the registry's champion, and a hosted watcher that hot-swaps to each newly promoted
    /// version that passes its checks (<see cref="ModelOptions.Registry"/>), counting swaps and refusals in
    /// <see cref="ModelSwapMetrics"/>.</item>
    /// </list>
    /// Models load through a retry-with-jitter + timeout pipeline that retries only I/O errors. A start-up check
    /// (<see cref="ModelInputCheck"/>) fails the host's start when the registered <see cref="IImagePreprocessor"/> does
    /// not produce the model's input shape.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="configuration"/> is null.</exception>
    public static IServiceCollection AddModerationScoring(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<OnnxSessionOptions>().Bind(configuration.GetSection(OnnxSessionOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ModelOptions>().Bind(configuration.GetSection(ModelOptions.SectionName))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddMetrics();
        services.TryAddSingleton<ModelSwapMetrics>();
        services.TryAddSingleton(sp => new ModelLoader(
            sp.GetRequiredService<IOptions<ModelOptions>>().Value,
            sp.GetRequiredService<IOptions<OnnxSessionOptions>>().Value,
            sp.GetRequiredService<ILoggerFactory>().CreateLogger<DiscriminatorScorer>()));
        services.TryAddSingleton<DiscriminatorScorer>(sp => sp.GetRequiredService<IOptions<ModelOptions>>().Value is { Registry: null } model
            ? sp.GetRequiredService<ModelLoader>().Load(model.Folder)
            : throw new InvalidOperationException("Model:Registry is set: the serving model changes; resolve IScoringModelSource instead."));
        services.TryAddSingleton<IBatchScorer>(sp => sp.GetRequiredService<DiscriminatorScorer>());
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<ModelOptions>>().Value.Registry is { } root
            ? new ModelSwapper(new ModelRegistry(root), sp.GetRequiredService<ModelLoader>(), sp.GetService<IImagePreprocessor>(),
                sp.GetRequiredService<IOptions<ModelOptions>>().Value.WarmUpImages, sp.GetRequiredService<ModelSwapMetrics>(),
                sp.GetRequiredService<ILoggerFactory>().CreateLogger<ModelSwapper>())
            : throw new InvalidOperationException("Model:Registry is not set: there is no registry to swap from."));
        // Replace, not TryAdd: the streaming library registers a fixed fallback over IBatchScorer when none is there.
        services.RemoveAll<IScoringModelSource>();
        services.AddSingleton<IScoringModelSource>(sp => sp.GetRequiredService<IOptions<ModelOptions>>().Value.Registry is null
            ? Fixed(sp.GetRequiredService<DiscriminatorScorer>())
            : sp.GetRequiredService<ModelSwapper>().Slot);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, ModelInputCheckService>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, RegistryWatcherService>());
        return services;
    }

    /// <summary>A slot that never swaps; the container disposes the scorer.</summary>
    private static ScoringModelSlot Fixed(DiscriminatorScorer scorer) =>
        new(new ScoringModel(scorer, scorer.ModelVersion, scorer.Card.Thresholds, ownsScorer: false));
}
