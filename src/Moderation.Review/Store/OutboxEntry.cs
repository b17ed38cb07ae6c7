namespace Moderation.Review.Store;

/// <summary>A decision waiting in <c>decision_outbox</c> to be published, with its post's verdict JSON.</summary>
internal sealed class OutboxEntry
{
    public long Id { get; set; }
    public string PostId { get; set; } = "";
    public string Decision { get; set; } = "";
    public string Reviewer { get; set; } = "";
    public long DecidedAt { get; set; }
    public string? Note { get; set; }
    public string VerdictJson { get; set; } = "";
}
