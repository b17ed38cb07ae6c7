using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Moderation.Review.Store;

/// <summary>Creates or migrates the store's schema when the host starts (before the ingest and the endpoints use it);
/// a store that cannot be reached or migrated stops the host from starting.</summary>
internal sealed class ReviewStoreInitializer(ReviewDatabase database, TimeProvider time, ILogger<ReviewStoreInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var applied = await Migrations.ApplyAsync(database, time.GetUtcNow().ToUnixTimeMilliseconds(), cancellationToken).ConfigureAwait(false);
        ReviewLog.StoreReady(logger, database.Description, Migrations.Latest, applied.Count == 0 ? "none" : string.Join(',', applied));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
