using System.Runtime.CompilerServices;
using System.Text;
using Dapper;
using Moderation.Core.Review;

namespace Moderation.Review.Store;

/// <summary>
/// The review store (SQLite or PostgreSQL, <see cref="ReviewDatabase"/>): flagged posts with their image bytes, the
/// reviewers' decisions, an outbox of decisions to publish and a log of review events (id = the event stream's
/// <c>id:</c>). Every write is one transaction. Thread-safe (one connection per call). Times are Unix ms.
/// </summary>
internal sealed class ReviewStore(ReviewDatabase database) : IReviewedPostSource
{
    /// <summary>Provider and location, for logs.</summary>
    public string Description => database.Description;

    /// <summary>Stores a flagged post unless one with the same post id is stored (a redelivery: nothing changes).</summary>
    /// <returns>True when stored now.</returns>
    public async Task<bool> AddFlagAsync(IncomingFlag flag, CancellationToken cancellationToken)
    {
        var v = flag.Verdict;
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var inserted = await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO review_posts (post_id, verdict_json, model_version, reasons, scored_at, received_at, content_type,
                image, image_length, image_state)
            VALUES (@PostId, @VerdictJson, @ModelVersion, @Reasons, @ScoredAt, @ReceivedAt, @ContentType, @Image, @ImageLength, @ImageState)
            ON CONFLICT (post_id) DO NOTHING
            """, new
        {
            v.PostId, flag.VerdictJson, v.ModelVersion, Reasons = ReasonList(v.Reasons), ScoredAt = v.ScoredAtMs,
            ReceivedAt = flag.ReceivedAtMs, flag.ContentType, flag.Image, flag.ImageLength, flag.ImageState,
        }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (inserted == 1)
        {
            await AddEventAsync(connection, transaction, v.PostId, "flagged", flag.ReceivedAtMs, cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return inserted == 1;
    }

    /// <summary>
    /// Records a decision, its outbox row and a review event in one transaction. An undecided post takes any decision;
    /// a decided one only when <paramref name="mayChange"/> (an admin).
    /// </summary>
    public async Task<DecisionResult> DecideAsync(string postId, ReviewDecision decision, string reviewer, string? note,
        long decidedAtMs, bool mayChange, CancellationToken cancellationToken)
    {
        var name = DecisionNames.Of(decision);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var sql = "UPDATE review_posts SET decision = @name, reviewer = @reviewer, decided_at = @decidedAtMs, note = @note WHERE post_id = @postId"
            + (mayChange ? "" : " AND decision IS NULL");
        var updated = await connection.ExecuteAsync(new CommandDefinition(sql, new { name, reviewer, decidedAtMs, note, postId }, transaction,
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (updated == 0)
        {
            var exists = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                "SELECT COUNT(*) FROM review_posts WHERE post_id = @postId", new { postId }, transaction, cancellationToken: cancellationToken))
                .ConfigureAwait(false);
            return exists == 0 ? DecisionResult.NotFound : DecisionResult.AlreadyDecided;
        }

        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO decision_outbox (post_id, decision, reviewer, decided_at, note) VALUES (@postId, @name, @reviewer, @decidedAtMs, @note)
            """, new { postId, name, reviewer, decidedAtMs, note }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await AddEventAsync(connection, transaction, postId, "decided", decidedAtMs, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return DecisionResult.Stored;
    }

    /// <summary>The newest posts matching <paramref name="query"/>, newest first.</summary>
    public async Task<IReadOnlyList<PostRow>> ListAsync(PostQuery query, CancellationToken cancellationToken)
    {
        var where = new StringBuilder("WHERE 1 = 1");
        if (query.Reason is not null)
        {
            where.Append(@" AND p.reasons LIKE @reason ESCAPE '\'");
        }

        if (query.ModelVersion is not null)
        {
            where.Append(" AND p.model_version = @model");
        }

        where.Append(query.Status switch
        {
            "undecided" => " AND p.decision IS NULL",
            "decided" => " AND p.decision IS NOT NULL",
            _ => "",
        });
        var reason = query.Reason is null ? null : "%," + EscapeLike(query.Reason) + ",%";
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<PostRow>(new CommandDefinition(
            $"SELECT 0 AS EventId, {PostRow.Columns} FROM review_posts p {where} ORDER BY p.received_at DESC, p.post_id LIMIT @limit",
            new { reason, model = query.ModelVersion, limit = query.Limit }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.AsList();
    }

    /// <summary>Review events after <paramref name="afterEventId"/>, oldest first, each with its post as it is now.</summary>
    public async Task<IReadOnlyList<PostRow>> EventsAfterAsync(long afterEventId, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<PostRow>(new CommandDefinition(
            $"SELECT e.id AS EventId, {PostRow.Columns} FROM review_events e JOIN review_posts p ON p.post_id = e.post_id " +
            "WHERE e.id > @afterEventId ORDER BY e.id LIMIT @limit",
            new { afterEventId, limit }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.AsList();
    }

    /// <summary>Id of the newest review event (0 before the first).</summary>
    public async Task<long> LatestEventIdAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COALESCE(MAX(id), 0) FROM review_events",
            cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>Counts by decision, distinct model versions and distinct reasons (for the page's filters).</summary>
    public async Task<(QueueCounts Counts, IReadOnlyList<string> Models, IReadOnlyList<string> Reasons)> SummaryAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var counts = await connection.QuerySingleAsync<QueueCounts>(new CommandDefinition("""
            SELECT COUNT(*) AS Total,
                   COALESCE(SUM(CASE WHEN decision IS NULL THEN 1 ELSE 0 END), 0) AS Undecided,
                   COALESCE(SUM(CASE WHEN decision = 'confirm' THEN 1 ELSE 0 END), 0) AS Confirmed,
                   COALESCE(SUM(CASE WHEN decision = 'dismiss' THEN 1 ELSE 0 END), 0) AS Dismissed
            FROM review_posts
            """, cancellationToken: cancellationToken)).ConfigureAwait(false);
        var models = (await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT DISTINCT model_version FROM review_posts ORDER BY model_version", cancellationToken: cancellationToken)).ConfigureAwait(false)).AsList();
        var reasonLists = await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT DISTINCT reasons FROM review_posts", cancellationToken: cancellationToken)).ConfigureAwait(false);
        var reasons = reasonLists.SelectMany(static r => r.Split(',', StringSplitOptions.RemoveEmptyEntries)).Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal).ToList();
        return (counts, models, reasons);
    }

    /// <summary>A post's image and content type, or null when there is no such post.</summary>
    public async Task<StoredImage?> ImageAsync(string postId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.QuerySingleOrDefaultAsync<StoredImage>(new CommandDefinition(
            "SELECT content_type AS ContentType, image AS Image, image_state AS ImageState FROM review_posts WHERE post_id = @postId",
            new { postId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>The oldest <paramref name="limit"/> decisions not yet published.</summary>
    public async Task<IReadOnlyList<OutboxEntry>> UnpublishedAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<OutboxEntry>(new CommandDefinition("""
            SELECT o.id AS Id, o.post_id AS PostId, o.decision AS Decision, o.reviewer AS Reviewer, o.decided_at AS DecidedAt,
                   o.note AS Note, p.verdict_json AS VerdictJson
            FROM decision_outbox o JOIN review_posts p ON p.post_id = o.post_id
            WHERE o.published_at IS NULL ORDER BY o.id LIMIT @limit
            """, new { limit }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.AsList();
    }

    /// <summary>Marks an outbox row published (the broker acknowledged it).</summary>
    public async Task MarkPublishedAsync(long id, long publishedAtMs, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition("UPDATE decision_outbox SET published_at = @publishedAtMs WHERE id = @id",
            new { id, publishedAtMs }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>Deletes the image bytes of posts read before <paramref name="cutoffMs"/> (retention).</summary>
    /// <returns>Images deleted.</returns>
    public async Task<int> ExpireImagesAsync(long cutoffMs, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE review_posts SET image = NULL, image_state = @expired WHERE image IS NOT NULL AND received_at < @cutoffMs",
            new { expired = ImageStates.Expired, cutoffMs }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<ReviewedPost> ReadAsync(ReviewDecision decision, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = connection.QueryUnbufferedAsync<ReviewedRow>("""
            SELECT post_id AS PostId, image AS Image, content_type AS ContentType, model_version AS ModelVersion, decided_at AS DecidedAt
            FROM review_posts WHERE decision = @name AND image IS NOT NULL ORDER BY decided_at, post_id
            """, new { name = DecisionNames.Of(decision) });
        await foreach (var row in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            yield return new ReviewedPost(row.PostId, decision, row.Image, row.ContentType, row.ModelVersion,
                DateTimeOffset.FromUnixTimeMilliseconds(row.DecidedAt));
        }
    }

    private static Task AddEventAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction, string postId,
        string kind, long atMs, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition("INSERT INTO review_events (post_id, kind, at) VALUES (@postId, @kind, @atMs)",
            new { postId, kind, atMs }, transaction, cancellationToken: cancellationToken));

    /// <summary>Reasons as <c>,a,b,</c> so <c>LIKE '%,a,%'</c> matches one whole reason.</summary>
    private static string ReasonList(IReadOnlyList<string> reasons) => "," + string.Join(',', reasons) + ",";

    private static string EscapeLike(string value) =>
        value.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal);

    private sealed class ReviewedRow
    {
        public string PostId { get; set; } = "";
        public byte[] Image { get; set; } = [];
        public string? ContentType { get; set; }
        public string ModelVersion { get; set; } = "";
        public long DecidedAt { get; set; }
    }
}
