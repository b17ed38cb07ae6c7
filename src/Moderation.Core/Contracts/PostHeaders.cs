namespace Moderation.Core.Contracts;

/// <summary>Kafka header names of the post and dead-letter contracts (see README, "Contracts").</summary>
public static class PostHeaders
{
    /// <summary>MIME type of the value, e.g. <c>image/png</c>, <c>image/jpeg</c>, <c>image/webp</c>.</summary>
    public const string ContentType = "content-type";
    /// <summary>Posting user's id (UTF-8).</summary>
    public const string UserId = "user-id";
    /// <summary>Posting time, Unix epoch milliseconds as decimal UTF-8 text.</summary>
    public const string PostedAt = "posted-at";
    /// <summary>Ground-truth source of a demo post (<c>normal</c>, <c>anomalous</c>, <c>synthetic</c>, <c>malformed</c>);
    /// set only by the demo producer, passed through like any extra header.</summary>
    public const string Source = "source";
    /// <summary>Dead-letter reason code, one of <see cref="DeadLetterReasons"/>.</summary>
    public const string DlqReason = "dlq-reason";
    /// <summary>Dead-letter error message (human readable).</summary>
    public const string DlqError = "dlq-error";
    /// <summary>Topic the dead-lettered record came from.</summary>
    public const string DlqSourceTopic = "dlq-source-topic";
    /// <summary>Partition the dead-lettered record came from (decimal).</summary>
    public const string DlqSourcePartition = "dlq-source-partition";
    /// <summary>Offset of the dead-lettered record (decimal).</summary>
    public const string DlqSourceOffset = "dlq-source-offset";
    /// <summary>Set on a dead letter whose original value was left out because the record would exceed the producer's
    /// <c>message.max.bytes</c> (e.g. a post rejected as too large): the original value's length in bytes (decimal).</summary>
    public const string DlqValueOmitted = "dlq-value-omitted";
    /// <summary>On a <see cref="Topics.Flags"/> record: the post's <see cref="Contracts.Verdict"/> as UTF-8 JSON.</summary>
    public const string Verdict = "moderation-verdict";
    /// <summary>Set on a <see cref="Topics.Flags"/> record whose image was left out because the record would exceed the
    /// producer's <c>message.max.bytes</c>: the image's length in bytes (decimal).</summary>
    public const string FlagValueOmitted = "flag-value-omitted";
}
