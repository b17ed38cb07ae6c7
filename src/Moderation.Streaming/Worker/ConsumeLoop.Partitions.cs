using Confluent.Kafka;

namespace Moderation.Streaming.Worker;

/// <summary>Offsets, rebalance handlers and error handling of the consume loop.</summary>
internal sealed partial class ConsumeLoop
{
    private void StoreOffsets(PendingBatch batch)
    {
        foreach (var next in batch.NextOffsets())
        {
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

    /// <summary>Finishes the batch at the scorer and the acknowledgements before the partitions go, then commits
    /// synchronously, so the next owner starts after everything this worker produced; batches not yet scored are dropped
    /// (their offsets were never stored, so the next owner consumes them: no work is done twice for them).</summary>
    private void OnRevoked(List<TopicPartitionOffset> partitions)
    {
        WorkerLog.Revoked(_logger, string.Join(", ", partitions.Select(p => p.TopicPartition)), PendingPosts());
        _metrics.RecordRevocation();
        AbandonUnscored("partitions revoked before the batch was scored");
        if (_failure.Failure is null && !_finished)
        {
            try
            {
                Complete();
            }
            catch (OperationCanceledException)
            {
            }
        }

        AbandonUnscored("partitions revoked while scoring is paused");
        if (!_finished)
        {
            // Not while closing: Run committed already, and librdkafka may deliver this revocation after its group
            // sub-system terminated (another member's leave raced ours), when a synchronous commit never returns.
            CommitStored();
        }

        Unassigned(partitions.Select(p => p.TopicPartition).ToList());
    }

    private int PendingPosts() =>
        _collecting.Count + _decoded.Sum(static b => b.Records.Count) + (_scoring?.Records.Count ?? 0) + _producing.Sum(static b => b.Records.Count);

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

    /// <summary>Drops the lost partitions' posts still being collected; batches already decoded go on (storing their
    /// offsets fails and is logged unless the partitions come back).</summary>
    private void OnLost(List<TopicPartitionOffset> partitions)
    {
        var lost = partitions.Select(p => p.TopicPartition).ToHashSet();
        var dropped = _collecting.RemoveAll(r => lost.Contains(r.TopicPartition));
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

    /// <summary>
    /// Unsubscribes and polls until the assignment is revoked (at most <see cref="LeaveTimeout"/>), so that every
    /// revocation is served while librdkafka's group sub-system still runs. Left to <c>Close</c>, a revocation queued
    /// earlier (another member left at the same moment) can be delivered after that sub-system terminated; librdkafka
    /// 2.0.2 then never answered the unassign call that follows the handler, and <c>Close</c> never returned. Kept on
    /// 2.16 (the race is rare and was not reproduced on demand, so whether 2.16 still hangs is not known); it costs one
    /// poll loop of at most <see cref="LeaveTimeout"/> on the way out.
    /// </summary>
    private void LeaveAssignment()
    {
        try
        {
            _consumer.Unsubscribe();
            var started = _time.GetTimestamp();
            while (_consumer.Assignment.Count > 0 && _time.GetElapsedTime(started) < LeaveTimeout)
            {
                _ = Consume(IdlePoll); // a record still queued is not processed: its offset is not stored, the group redelivers it
            }
        }
        catch (KafkaException e)
        {
            WorkerLog.ClientError(_logger, e.Error.Code.ToString(), e.Error.Reason);
        }
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
