using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Moderation.Core.Scoring;
using Moderation.Scoring.Discriminator;
using Moderation.Scoring.Runtime;
using Polly;
using Polly.Retry;
using Polly.Timeout;

// In the feature's root namespace, so `using Moderation.Scoring;` is enough.
namespace Moderation.Scoring;

/// <summary>Registers the ONNX Runtime scorer.</summary>
public static class ScoringServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="OnnxSessionOptions"/> (section <c>Onnx</c>) and <see cref="ModelOptions"/> (section <c>Model</c>),
    /// both validated on start; registers <see cref="IBatchScorer"/> as a singleton <see cref="DiscriminatorScorer"/>
    /// loaded once through a retry-with-jitter + timeout pipeline that retries only I/O errors; and a start-up check
    /// (<see cref="ModelInputCheck"/>) that fails the host's start when the registered
    /// <see cref="Core.Imaging.IImagePreprocessor"/> does not produce the model's input shape.
    /// </summary>
    public static IServiceCollection AddModerationScoring(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<OnnxSessionOptions>().Bind(configuration.GetSection(OnnxSessionOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ModelOptions>().Bind(configuration.GetSection(ModelOptions.SectionName))
            .ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<DiscriminatorScorer>(sp => Load(
            sp.GetRequiredService<IOptions<ModelOptions>>().Value,
            sp.GetRequiredService<IOptions<OnnxSessionOptions>>().Value,
            sp.GetRequiredService<ILoggerFactory>().CreateLogger<DiscriminatorScorer>()));
        services.TryAddSingleton<IBatchScorer>(sp => sp.GetRequiredService<DiscriminatorScorer>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Microsoft.Extensions.Hosting.IHostedService, ModelInputCheckService>());
        return services;
    }

    private static DiscriminatorScorer Load(ModelOptions model, OnnxSessionOptions session, ILogger logger)
    {
        var pipeline = new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<IOException>(e => e is not FileNotFoundException).Handle<TimeoutRejectedException>(),
                MaxRetryAttempts = model.LoadRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(200),
            })
            .AddTimeout(TimeSpan.FromMilliseconds(model.LoadTimeoutMs))
            .Build();
        var folder = Path.GetFullPath(model.Folder);
        // ONNX Runtime's session creation takes no cancellation token, so the timeout abandons the wait (WaitAsync).
        return pipeline.ExecuteAsync(
                async token => await Task.Run(() => new DiscriminatorScorer(folder, session, logger), token).WaitAsync(token),
                CancellationToken.None)
            .AsTask().GetAwaiter().GetResult();
    }
}
