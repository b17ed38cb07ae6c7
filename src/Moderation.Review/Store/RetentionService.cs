using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Moderation.Review.Configuration;

namespace Moderation.Review.Store;

/// <summary>Deletes image bytes older than <see cref="ReviewOptions.ImageRetentionDays"/> once at start and then every
/// <see cref="Interval"/> (the posts, verdicts and decisions stay).</summary>
internal sealed class RetentionService(ReviewStore store, IOptions<ReviewOptions> options, TimeProvider time, ILogger<RetentionService> logger)
    : BackgroundService
{
    /// <summary>Time between two sweeps: 1 h.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            var cutoff = time.GetUtcNow() - TimeSpan.FromDays(options.Value.ImageRetentionDays);
            try
            {
                var count = await store.ExpireImagesAsync(cutoff.ToUnixTimeMilliseconds(), stoppingToken).ConfigureAwait(false);
                if (count > 0)
                {
                    ReviewLog.ImagesExpired(logger, count, cutoff);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                ReviewLog.RetentionFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}
