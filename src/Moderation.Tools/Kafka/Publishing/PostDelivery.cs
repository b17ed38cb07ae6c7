namespace Moderation.Tools.Kafka.Publishing;

/// <summary>Where an acknowledged post was written.</summary>
/// <param name="PostId">The post's id (record key).</param>
/// <param name="Partition">Partition of the posts topic.</param>
/// <param name="Offset">Offset within the partition.</param>
/// <param name="PostedAtMs">The <c>posted-at</c> header written, Unix epoch ms.</param>
public sealed record PostDelivery(string PostId, int Partition, long Offset, long PostedAtMs);
