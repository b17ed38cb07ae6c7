using System.ComponentModel.DataAnnotations;

namespace Moderation.Review.Configuration;

/// <summary>The review side (configuration section <c>Review</c>): the store of flagged posts and decisions, the
/// ingest from <see cref="Streaming.Configuration.KafkaOptions.FlagsTopic"/> and the page at <c>/review</c>.</summary>
public sealed class ReviewOptions
{
    /// <summary>Configuration section bound to this class.</summary>
    public const string SectionName = "Review";

    /// <summary>Whether the ingest, the decision publisher and the endpoints run. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// ADO.NET connection string of the review store. A string with a <c>Host</c> key is PostgreSQL (Npgsql, e.g.
    /// <c>Host=db;Database=review;Username=…</c>); anything else is SQLite (Microsoft.Data.Sqlite, e.g.
    /// <c>Data Source=/var/lib/moderation/review.db</c>; the folder is created). Default <c>Data Source=data/review.db</c>
    /// (relative to the working directory).
    /// </summary>
    [Required]
    public string Database { get; set; } = "Data Source=data/review.db";

    /// <summary>Topic the decisions are published to. Default <see cref="Core.Contracts.Topics.Decisions"/>.</summary>
    [Required]
    public string DecisionsTopic { get; set; } = Core.Contracts.Topics.Decisions;

    /// <summary>Consumer group reading the flags topic into the store. Default <c>moderation-review</c>.</summary>
    [Required]
    public string GroupId { get; set; } = "moderation-review";

    /// <summary>Largest image in bytes stored with a flagged post; a larger one is stored without its bytes (its
    /// length is kept). Default 1,048,576 bytes (the service's <c>Imaging:MaxEncodedBytes</c> default).</summary>
    [Range(1_024, 64 * 1024 * 1024)]
    public int MaxImageBytes { get; set; } = 1024 * 1024;

    /// <summary>Days a flagged post's image bytes are kept after it was read from the topic; then they are deleted
    /// (the post, its verdict and decision stay). Default 90 days.</summary>
    [Range(1, 36_500)]
    public int ImageRetentionDays { get; set; } = 90;

    /// <summary>Largest verdict JSON in bytes accepted in a flag record's <c>moderation-verdict</c> header; a larger
    /// one is logged and skipped (post ids and headers are user-controlled). Default 65,536 bytes.</summary>
    [Range(1_024, 16 * 1024 * 1024)]
    public int MaxVerdictBytes { get; set; } = 64 * 1024;

    /// <summary>Interval in ms between Server-Sent Events heartbeat comments on an idle stream. Default 15,000 ms.</summary>
    [Range(50, 300_000)]
    public int HeartbeatIntervalMs { get; set; } = 15_000;

    /// <summary>Reconnection delay in ms the event stream asks browsers to wait (the <c>retry:</c> field of the HTML
    /// Living Standard, §9.2) before reconnecting with <c>Last-Event-ID</c>. Default 3,000 ms.</summary>
    [Range(100, 600_000)]
    public int ReconnectDelayMs { get; set; } = 3_000;

    /// <summary>Interval in ms at which event streams and the decision publisher look at the store for changes made by
    /// another instance (changes made in this process wake them at once). Default 1,000 ms.</summary>
    [Range(50, 60_000)]
    public int PollIntervalMs { get; set; } = 1_000;
}
