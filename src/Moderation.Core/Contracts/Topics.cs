namespace Moderation.Core.Contracts;

/// <summary>Default Kafka topic names shared by the producer, the moderation service and the review side.</summary>
public static class Topics
{
    /// <summary>Posted images: key = post id (UTF-8), value = encoded image bytes as posted.</summary>
    public const string Posts = "posts.images";
    /// <summary>One JSON <see cref="Verdict"/> per post, keyed by post id.</summary>
    public const string Verdicts = "moderation.verdicts";
    /// <summary>The flagged posts (the review side's feed): key = post id, value = the image bytes as posted (left out
    /// above the producer's size cap, then <see cref="PostHeaders.FlagValueOmitted"/> gives their length), the post's
    /// headers, and the verdict JSON in <see cref="PostHeaders.Verdict"/>.</summary>
    public const string Flags = "moderation.flags";
    /// <summary>Reviewers' decisions on flagged posts: key = post id, value = one JSON <see cref="DecisionRecord"/>.</summary>
    public const string Decisions = "moderation.decisions";
    /// <summary>Dead-letter queue: the original record plus <see cref="PostHeaders.DlqReason"/> and friends.</summary>
    public const string DeadLetter = "posts.images.dlq";
}
