using System.Buffers;
using Confluent.Kafka;

namespace Moderation.Streaming.Worker;

/// <summary>
/// One micro-batch on its way through the worker's pipeline: closed and decoded on the consume thread, scored on the
/// <see cref="ScoringThread"/>, its outputs produced on the consume thread, then its offsets stored once
/// <see cref="Acknowledged"/> completed, strictly in the order the batches were closed.
/// </summary>
internal sealed class PendingBatch
{
    private float[]? _images;

    /// <summary>Takes ownership of <paramref name="records"/> and rents the image buffer, float32 <c>[records.Count,1,S,S]</c>.</summary>
    public PendingBatch(List<ConsumeResult<byte[]?, byte[]?>> records, int pixelsPerImage, long closedAt)
    {
        Records = records;
        ClosedAt = closedAt;
        _images = ArrayPool<float>.Shared.Rent(Math.Max(1, records.Count * pixelsPerImage));
    }

    /// <summary>The posts, in consume order.</summary>
    public List<ConsumeResult<byte[]?, byte[]?>> Records { get; }

    /// <summary>The decoded images (accepted ones in rows 0..Accepted−1) until <see cref="ReleaseImages"/>.</summary>
    /// <exception cref="ObjectDisposedException">The images were released.</exception>
    public float[] Images => _images ?? throw new ObjectDisposedException(nameof(PendingBatch));

    /// <summary>Where each record's image is, and why rejected ones were.</summary>
    public DecodedBatch Decoded { get; set; }

    /// <summary>The scoring result, set on the scoring thread.</summary>
    public ScoringOutcome Outcome { get; set; }

    /// <summary>Completes when every output of the batch was acknowledged; null until produced.</summary>
    public Task? Acknowledged { get; set; }

    /// <summary><see cref="TimeProvider.GetTimestamp"/> when the batch was closed.</summary>
    public long ClosedAt { get; }

    /// <summary>Stage durations in ms: decode, score (scoring thread), produce (building and enqueueing outputs).</summary>
    public double DecodeMs { get; set; }

    /// <inheritdoc cref="DecodeMs"/>
    public double ScoreMs { get; set; }

    /// <inheritdoc cref="DecodeMs"/>
    public double ProduceMs { get; set; }

    /// <summary>The first record, for log messages.</summary>
    public ConsumeResult<byte[]?, byte[]?> Head => Records[0];

    /// <summary>The next offset to consume for each partition of the batch (highest offset + 1), with the leader epoch
    /// of that partition's last record (KIP-320: a committed offset carries it, so a consumer resuming there detects
    /// log truncation after a leader change).</summary>
    public IEnumerable<TopicPartitionOffset> NextOffsets()
    {
        var last = new Dictionary<TopicPartition, ConsumeResult<byte[]?, byte[]?>>();
        foreach (var record in Records)
        {
            if (!last.TryGetValue(record.TopicPartition, out var known) || record.Offset.Value > known.Offset.Value)
            {
                last[record.TopicPartition] = record;
            }
        }

        return last.Values.Select(static r => new TopicPartitionOffset(r.TopicPartition, r.Offset + 1, r.LeaderEpoch));
    }

    /// <summary>Returns the image buffer to the pool (after scoring succeeded or failed for good, or when abandoned).</summary>
    public void ReleaseImages()
    {
        if (Interlocked.Exchange(ref _images, null) is { } images)
        {
            ArrayPool<float>.Shared.Return(images);
        }
    }
}
