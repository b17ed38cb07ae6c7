using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Moderation.Core.Models;

namespace Moderation.Scoring.Registry;

/// <summary>
/// Watches the registry's <c>champion.json</c> with a <see cref="FileSystemWatcher"/> (inotify on Linux: a promotion's
/// rename arrives within milliseconds) and polls it every <c>Model:RegistryPollMs</c> as a fallback for events that
/// never arrive (network file systems, some container mounts, an overflowed event queue); each wake-up runs
/// <see cref="ModelSwapper.Check"/> off the event thread. A registry folder rather than a <c>moderation.models</c>
/// topic: the model files must be on a file system the service reads anyway, the pointer's atomic rename is the whole
/// protocol, and the service needs no Kafka to learn about models it can already see.
/// </summary>
internal sealed class ModelRegistryWatcher(ModelSwapper swapper, ModelRegistry registry, int pollMs, ILogger<ModelRegistryWatcher> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var wake = new SemaphoreSlim(0, 1);
        void Signal(object? sender, FileSystemEventArgs e)
        {
            try { wake.Release(); }
            catch (SemaphoreFullException) { } // a check is pending already
            catch (ObjectDisposedException) { } // stopping
        }

        using var watcher = new FileSystemWatcher(registry.Root, ModelRegistry.PointerFile)
        {
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        watcher.Created += Signal;
        watcher.Changed += Signal;
        watcher.Renamed += (sender, e) => Signal(sender, e);
        watcher.EnableRaisingEvents = true;
        ModelSwapLog.Watching(logger, registry.Root, pollMs, swapper.Slot.Current.Version);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await Task.Run(swapper.Check, stoppingToken); // first: a promotion between loading the champion and watching
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    ModelSwapLog.CheckFailed(logger, e, swapper.Slot.Current.Version); // keep watching: the next promotion may be fine
                }

                await wake.WaitAsync(TimeSpan.FromMilliseconds(pollMs), stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            watcher.EnableRaisingEvents = false;
        }
    }
}
