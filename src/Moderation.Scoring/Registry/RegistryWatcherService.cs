using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Moderation.Core.Models;
using Moderation.Scoring.Discriminator;

namespace Moderation.Scoring.Registry;

/// <summary>Runs a <see cref="ModelRegistryWatcher"/> when <c>Model:Registry</c> is set; does nothing otherwise.</summary>
internal sealed class RegistryWatcherService(IServiceProvider services, IOptions<ModelOptions> options) : IHostedService, IDisposable
{
    private ModelRegistryWatcher? _watcher;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Registry is not { } root) return Task.CompletedTask;
        _watcher = new ModelRegistryWatcher(services.GetRequiredService<ModelSwapper>(), new ModelRegistry(root), options.Value.RegistryPollMs,
            services.GetRequiredService<ILogger<ModelRegistryWatcher>>());
        return _watcher.StartAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => _watcher?.StopAsync(cancellationToken) ?? Task.CompletedTask;

    public void Dispose() => _watcher?.Dispose();
}
