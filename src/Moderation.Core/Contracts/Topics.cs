namespace Moderation.Core.Contracts;

/// <summary>Default Kafka topic names shared by the producer, the moderation service and the dashboard.</summary>
public static class Topics
{
    /// <summary>Posted images: key = post id (UTF-8), value = encoded image bytes as posted.</summary>
    public const string Posts = "posts.images";
    /// <summary>One JSON <see cref="Verdict"/> per post, keyed by post id.</summary>
    public const string Verdicts = "moderation.verdicts";
    /// <summary>The flagged subset of verdicts (the dashboard feed), same schema.</summary>
    public const string Flags = "moderation.flags";
    /// <summary>Dead-letter queue: the original record plus <see cref="PostHeaders.DlqReason"/> and friends.</summary>
    public const string DeadLetter = "posts.images.dlq";
}
