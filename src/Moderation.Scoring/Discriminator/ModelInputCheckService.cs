using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Moderation.Core.Imaging;
using Moderation.Core.Scoring;

namespace Moderation.Scoring.Discriminator;

/// <summary>Runs <see cref="ModelInputCheck.EnsureMatches"/> when the host is starting, before any hosted service
/// starts (so before the worker consumes a post): a mismatch fails start-up. Loads the model if nothing did yet.</summary>
internal sealed class ModelInputCheckService(IServiceProvider services) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken)
    {
        if (services.GetService<IImagePreprocessor>() is { } preprocessor)
            ModelInputCheck.EnsureMatches(services.GetRequiredService<IScoringModelSource>().Current.Scorer, preprocessor);
        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
