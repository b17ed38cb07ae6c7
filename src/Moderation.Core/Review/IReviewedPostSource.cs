namespace Moderation.Core.Review;

/// <summary>Where the retraining job reads reviewers' decisions: the review store (SQLite or PostgreSQL).</summary>
public interface IReviewedPostSource
{
    /// <summary>Every reviewed post with <paramref name="decision"/> whose image bytes are still kept (not yet removed
    /// by retention), oldest decision first.</summary>
    /// <param name="decision">Which decisions to read.</param>
    /// <param name="cancellationToken">Stops the enumeration.</param>
    IAsyncEnumerable<ReviewedPost> ReadAsync(ReviewDecision decision, CancellationToken cancellationToken = default);
}
