namespace Moderation.Review.Store;

/// <summary>A <c>review_posts</c> row without the image bytes, as Dapper maps it (properties named like the SQL aliases).</summary>
internal sealed class PostRow
{
    public long EventId { get; set; }
    public string PostId { get; set; } = "";
    public string VerdictJson { get; set; } = "";
    public long ReceivedAt { get; set; }
    public string? ContentType { get; set; }
    public long ImageLength { get; set; }
    public string ImageState { get; set; } = "";
    public string? Decision { get; set; }
    public string? Reviewer { get; set; }
    public long? DecidedAt { get; set; }
    public string? Note { get; set; }

    /// <summary>The columns above (after <c>EventId</c>) of table alias <c>p</c>.</summary>
    public const string Columns =
        "p.post_id AS PostId, p.verdict_json AS VerdictJson, p.received_at AS ReceivedAt, p.content_type AS ContentType, " +
        "p.image_length AS ImageLength, p.image_state AS ImageState, p.decision AS Decision, p.reviewer AS Reviewer, " +
        "p.decided_at AS DecidedAt, p.note AS Note";
}
