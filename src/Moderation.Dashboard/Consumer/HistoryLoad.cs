using Confluent.Kafka;
using Moderation.Core.Contracts;

namespace Moderation.Dashboard.Consumer;

/// <summary>
/// The backlog read when partitions are assigned: records are buffered until every partition with a backlog reached
/// its end (or <see cref="FlagsTopicReader"/>'s time limit), then released in timestamp order, the latest
/// <c>capacity</c> only, so the ring shows the newest flags across partitions rather than partition by partition.
/// </summary>
internal sealed class HistoryLoad(int capacity, long startedAt)
{
    private readonly HashSet<TopicPartition> _pending = [];
    private readonly List<Entry> _entries = [];

    /// <summary>When the load began (a <see cref="TimeProvider.GetTimestamp"/> value).</summary>
    public long StartedAt { get; } = startedAt;

    /// <summary>Records read, duplicates and records later trimmed included.</summary>
    public int Read { get; private set; }

    /// <summary>True when every partition with a backlog reached its end.</summary>
    public bool IsComplete => _pending.Count == 0;

    /// <summary>Waits for <paramref name="partition"/> to reach its end too.</summary>
    public void Expect(TopicPartition partition) => _pending.Add(partition);

    /// <summary>Marks <paramref name="partition"/> as read to its end.</summary>
    public void ReachedEnd(TopicPartition partition) => _pending.Remove(partition);

    /// <summary>Buffers one verdict; keeps memory within 2 × capacity by trimming to the newest capacity (a trimmed
    /// record is older than capacity buffered ones, so it could never be released).</summary>
    public void Add(ConsumeResult<byte[]?, byte[]?> record, Verdict verdict)
    {
        Read++;
        _entries.Add(new Entry(record.Message.Timestamp.UnixTimestampMs, record.Partition.Value, record.Offset.Value, verdict));
        if (_entries.Count >= 2 * capacity)
        {
            Trim();
        }
    }

    /// <summary>The newest capacity verdicts, oldest first (by record timestamp, then partition, then offset).</summary>
    public IReadOnlyList<Verdict> Release()
    {
        Trim();
        return _entries.ConvertAll(static e => e.Verdict);
    }

    private void Trim()
    {
        _entries.Sort(static (a, b) => (a.TimestampMs, a.Partition, a.Offset).CompareTo((b.TimestampMs, b.Partition, b.Offset)));
        if (_entries.Count > capacity)
        {
            _entries.RemoveRange(0, _entries.Count - capacity);
        }
    }

    private readonly record struct Entry(long TimestampMs, int Partition, long Offset, Verdict Verdict);
}
