namespace Moderation.Tools.Kafka.Broker;

/// <summary>Kafka protocol request types (ApiKey values of the Kafka protocol guide) usable with
/// <see cref="EmbeddedBroker.FailNextRequests"/>.</summary>
public enum KafkaApiKey : short
{
    /// <summary>Produce (0).</summary>
    Produce = 0,
    /// <summary>Fetch (1).</summary>
    Fetch = 1,
    /// <summary>ListOffsets (2).</summary>
    ListOffsets = 2,
    /// <summary>Metadata (3).</summary>
    Metadata = 3,
    /// <summary>OffsetCommit (8).</summary>
    OffsetCommit = 8,
    /// <summary>OffsetFetch (9).</summary>
    OffsetFetch = 9,
    /// <summary>FindCoordinator (10).</summary>
    FindCoordinator = 10,
    /// <summary>JoinGroup (11).</summary>
    JoinGroup = 11,
    /// <summary>Heartbeat (12).</summary>
    Heartbeat = 12,
    /// <summary>LeaveGroup (13).</summary>
    LeaveGroup = 13,
    /// <summary>SyncGroup (14).</summary>
    SyncGroup = 14,
    /// <summary>InitProducerId (22).</summary>
    InitProducerId = 22,
}
