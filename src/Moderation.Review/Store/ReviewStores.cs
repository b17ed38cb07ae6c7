using Moderation.Core.Review;

namespace Moderation.Review.Store;

/// <summary>Opens the review store outside a host (e.g. the retraining job reading reviewers' decisions).</summary>
public static class ReviewStores
{
    /// <summary>Creates or migrates the schema of the store at <paramref name="connectionString"/> (see
    /// <see cref="Configuration.ReviewOptions.Database"/>) and returns it as the source of reviewed posts.</summary>
    /// <exception cref="System.Data.Common.DbException">The store cannot be reached or migrated.</exception>
    public static async Task<IReviewedPostSource> OpenAsync(string connectionString, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        var database = new ReviewDatabase(connectionString);
        await Migrations.ApplyAsync(database, timeProvider.GetUtcNow().ToUnixTimeMilliseconds(), cancellationToken).ConfigureAwait(false);
        return new ReviewStore(database);
    }
}
