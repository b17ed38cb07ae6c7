using Confluent.Kafka;

namespace Moderation.Streaming.Worker;

/// <summary>Offsets, rebalance handlers and error handling of the consume loop.</summary>
internal sealed partial class ConsumeLoop
{
    private void StoreOffsets()
    {
        foreach (var partition in _batch.GroupBy(r => r.TopicPartition))
        {
            var next = new TopicPartitionOffset(partition.Key, partition.Max(r => r.Offset.Value) + 1);
            try
            {
                _consumer.StoreOffset(next);
                _lag.Committed(next.TopicPartition, next.Offset.Value);
            }
            catch (KafkaException e)
            {
                WorkerLog.StoreFailed(_logger, e, next.Topic, next.Partition.Value, next.Offset.Value);
            }
        }
    }

    private void OnAssigned(List<TopicPartition> partitions)
    {
        WorkerLog.Assigned(_logger, string.Join(", ", partitions));
        _lag.Assigned(partitions);
        _assigned.UnionWith(partitions);
        _health.PartitionsAssigned(_assigned.Count);
    }

    private void Unassigned(IReadOnlyCollection<TopicPartition> partitions)
    {
        _lag.Removed(partitions);
        _assigned.ExceptWith(partitions);
        _health.PartitionsAssigned(_assigned.Count);
    }

    private void OnRevoked(List<TopicPartitionOffset> partitions)
    {
        WorkerLog.Revoked(_logger, string.Join(", ", partitions.Select(p => p.TopicPartition)), _batch.Count);
        if (_batch.Count > 0 && _failure.Failure is null)
        {
            var flushed = false;
            try
            {
                flushed = _holdUntil is null && Flush();
            }
            catch (OperationCanceledException)
            {
            }

            if (!flushed)
            {
                Abandon("partitions revoked before the batch could be scored");
            }
        }

        CommitStored();
        Unassigned(partitions.Select(p => p.TopicPartition).ToList());
    }

    /// <summary>Commits the stored offsets synchronously. A failure is not fatal: auto-commit retries the stored
    /// offsets, and at worst the group redelivers the batch (at-least-once).</summary>
    private void CommitStored()
    {
        try
        {
            _consumer.Commit();
        }
        catch (KafkaException e) when (e.Error.Code == ErrorCode.Local_NoOffset)
        {
        }
        catch (KafkaException e) when (!e.Error.IsFatal)
        {
            WorkerLog.CommitFailed(_logger, e);
        }
    }

    private void OnLost(List<TopicPartitionOffset> partitions)
    {
        var lost = partitions.Select(p => p.TopicPartition).ToHashSet();
        var dropped = _batch.RemoveAll(r => lost.Contains(r.TopicPartition));
        if (_batch.Count == 0)
        {
            _holdUntil = null;
        }

        WorkerLog.Lost(_logger, string.Join(", ", lost), dropped);
        Unassigned(lost);
    }

    private void OnError(Error error)
    {
        if (error.IsFatal)
        {
            _failure.Report(new KafkaException(error));
        }
        else
        {
            WorkerLog.ClientError(_logger, error.Code.ToString(), error.Reason);
        }
    }

    private void Abandon(string why)
    {
        if (_batch.Count > 0)
        {
            var head = _batch[0];
            WorkerLog.Abandoned(_logger, _batch.Count, head.Topic, head.Partition.Value, head.Offset.Value, why);
            _batch.Clear();
        }

        _holdUntil = null;
    }

    /// <summary>Runs a rebalance handler; a failure becomes the worker's fatal failure instead of unwinding into librdkafka.</summary>
    private void Guard(Action handler)
    {
        try
        {
            handler();
        }
        catch (Exception e)
        {
            _failure.Report(e);
        }
    }
}
