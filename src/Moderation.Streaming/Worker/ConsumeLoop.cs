using System.Buffers;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using Moderation.Streaming.Configuration;
using Moderation.Streaming.Diagnostics;
using Moderation.Streaming.Health;

namespace Moderation.Streaming.Worker;

/// <summary>
/// The consumer side of the worker, run on one dedicated thread: micro-batches posts (up to B records or T ms from the
/// batch's first record), hands each batch to the <see cref="BatchProcessor"/>, stores and commits the batch's offsets
/// only after all its outputs were acknowledged, pauses the assignment while the scoring breaker is open, and finishes
/// the in-flight batch before partitions are revoked. A stop or a rebalance therefore redelivers only batches whose
/// commit failed (auto-commit retries stored offsets in the background). It publishes its assignment and pause state to
/// <see cref="StreamingHealth"/> and its committed positions to the lag gauge, whose watermarks a
/// <see cref="ConsumerLagSampler"/> queries off this thread.
/// </summary>
internal sealed partial class ConsumeLoop : IDisposable
{
    private static readonly TimeSpan IdlePoll = TimeSpan.FromMilliseconds(100);
    private readonly IConsumer<byte[]?, byte[]?> _consumer;
    private readonly BatchProcessor _processor;
    private readonly BatchingOptions _batching;
    private readonly string _topic;
    private readonly string _groupId;
    private readonly StreamingMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly FailureSignal _failure;
    private readonly ILogger _logger;
    private readonly StreamingHealth _health;
    private readonly ConsumerLagTracker _lag;
    private readonly ConsumerLagSampler _lagSampler;
    private readonly HashSet<TopicPartition> _assigned = [];
    private readonly List<ConsumeResult<byte[]?, byte[]?>> _batch;
    private readonly float[] _buffer;
    private long _batchStarted;
    private long? _holdUntil;
    private bool _paused;
    private CancellationToken _drain;

    public ConsumeLoop(ConsumerConfig config, string topic, BatchProcessor processor, int pixelsPerImage, BatchingOptions batching,
        MonitoringOptions monitoring, StreamingMetrics metrics, StreamingHealth health, TimeProvider time, FailureSignal failure, ILogger logger)
    {
        (_topic, _processor, _batching, _metrics, _health, _time, _failure, _logger) = (topic, processor, batching, metrics, health, time, failure, logger);
        _groupId = config.GroupId;
        _lag = new ConsumerLagTracker(resetToEarliest: config.AutoOffsetReset != AutoOffsetReset.Latest);
        _batch = new List<ConsumeResult<byte[]?, byte[]?>>(batching.MaxBatchSize);
        _buffer = ArrayPool<float>.Shared.Rent(batching.MaxBatchSize * pixelsPerImage);
        _consumer = new ConsumerBuilder<byte[]?, byte[]?>(config)
            .SetErrorHandler((_, error) => OnError(error))
            .SetLogHandler(KafkaClientLog.Handler<IConsumer<byte[]?, byte[]?>>(logger))
            .SetPartitionsAssignedHandler((_, partitions) => Guard(() => OnAssigned(partitions)))
            .SetPartitionsRevokedHandler((_, partitions) => Guard(() => OnRevoked(partitions)))
            .SetPartitionsLostHandler((_, partitions) => Guard(() => OnLost(partitions)))
            .Build();
        _lagSampler = new ConsumerLagSampler(_consumer, _lag, TimeSpan.FromMilliseconds(monitoring.ConsumerLagIntervalMs),
            TimeSpan.FromMilliseconds(monitoring.ConsumerLagQueryTimeoutMs), time, logger);
    }

    /// <summary>Consumes until <paramref name="stopping"/> is cancelled or a fatal failure is reported, then finishes the
    /// in-flight batch unless scoring is paused; <paramref name="drain"/> bounds the processing of a batch.</summary>
    public void Run(CancellationToken stopping, CancellationToken drain)
    {
        _drain = drain;
        _consumer.Subscribe(_topic);
        _metrics.AttachLag(_lag);
        _lagSampler.Start();
        WorkerLog.Starting(_logger, _topic, _groupId, _batching.MaxBatchSize, _batching.MaxBatchDelayMs);
        try
        {
            while (!stopping.IsCancellationRequested && _failure.Failure is null)
            {
                if (Consume(NextTimeout()) is { } record)
                {
                    Accept(record);
                }

                if (_holdUntil is { } until)
                {
                    if (_time.GetTimestamp() >= until)
                    {
                        _holdUntil = null;
                        Flush();
                    }
                }
                else if (_batch.Count >= _batching.MaxBatchSize || (_batch.Count > 0 && BatchAgeMs() >= _batching.MaxBatchDelayMs))
                {
                    Flush();
                }
            }

            if (_failure.Failure is null && _holdUntil is null && _batch.Count > 0)
            {
                Flush();
            }
        }
        catch (OperationCanceledException) when (drain.IsCancellationRequested)
        {
            Abandon("shutdown drain timeout");
        }
        catch (Exception e)
        {
            _failure.Report(e);
        }

        if (_failure.Failure is not null || _holdUntil is not null)
        {
            Abandon(_failure.Failure is null ? "stopped while scoring is paused" : "fatal error");
        }
    }

    /// <summary>Stops the lag sampling, leaves the group (revoking and committing), then frees the consumer and the batch buffer.</summary>
    public void Dispose()
    {
        _lagSampler.Dispose();
        _metrics.DetachLag(_lag);
        try
        {
            _consumer.Close();
        }
        catch (KafkaException e)
        {
            WorkerLog.CommitFailed(_logger, e);
        }

        _consumer.Dispose();
        ArrayPool<float>.Shared.Return(_buffer);
    }

    private ConsumeResult<byte[]?, byte[]?>? Consume(TimeSpan timeout)
    {
        try
        {
            return _consumer.Consume(timeout);
        }
        catch (ConsumeException e) when (!e.Error.IsFatal)
        {
            WorkerLog.ClientError(_logger, e.Error.Code.ToString(), e.Error.Reason);
            return null;
        }
        catch (KafkaException e) when (e.Error.IsFatal)
        {
            _failure.Report(e);
            return null;
        }
    }

    private void Accept(ConsumeResult<byte[]?, byte[]?> record)
    {
        if (_holdUntil is not null)
        {
            // A partition assigned while scoring is paused: rewind it and pause it with the others.
            _consumer.Pause([record.TopicPartition]);
            _consumer.Seek(record.TopicPartitionOffset);
            WorkerLog.Deferred(_logger, record.Topic, record.Partition.Value, record.Offset.Value);
            return;
        }

        _metrics.RecordConsumed(1);
        if (_batch.Count == 0)
        {
            _batchStarted = _time.GetTimestamp();
        }

        _batch.Add(record);
    }

    /// <summary>Processes the batch; on success stores and commits its offsets and resumes a paused assignment; when scoring is
    /// unavailable pauses the assignment and keeps the batch for a later try.</summary>
    private bool Flush()
    {
        if (_batch.Count == 0)
        {
            return true;
        }

        if (!_processor.Process(_batch, _buffer, _drain, _drain, out var retryAfter))
        {
            var assignment = _consumer.Assignment;
            _consumer.Pause(assignment);
            _holdUntil = _time.GetTimestamp() + (long)(retryAfter.TotalSeconds * _time.TimestampFrequency);
            if (!_paused)
            {
                _paused = true;
                _health.Paused(true);
                _metrics.RecordPause();
                var head = _batch[0];
                WorkerLog.Paused(_logger, string.Join(", ", assignment), _batch.Count, head.Topic, head.Partition.Value,
                    head.Offset.Value, retryAfter.TotalMilliseconds);
            }

            return false;
        }

        StoreOffsets();
        CommitStored();
        _batch.Clear();
        if (_paused)
        {
            var assignment = _consumer.Assignment;
            _consumer.Resume(assignment);
            _paused = false;
            _health.Paused(false);
            WorkerLog.Resumed(_logger, string.Join(", ", assignment));
        }

        return true;
    }

    private TimeSpan NextTimeout()
    {
        if (_holdUntil is { } until)
        {
            var left = _time.GetElapsedTime(_time.GetTimestamp(), until);
            return left < IdlePoll ? (left > TimeSpan.Zero ? left : TimeSpan.Zero) : IdlePoll;
        }

        if (_batch.Count == 0)
        {
            return IdlePoll;
        }

        var remaining = _batching.MaxBatchDelayMs - BatchAgeMs();
        return TimeSpan.FromMilliseconds(Math.Clamp(remaining, 0, IdlePoll.TotalMilliseconds));
    }

    private double BatchAgeMs() => _time.GetElapsedTime(_batchStarted).TotalMilliseconds;
}
