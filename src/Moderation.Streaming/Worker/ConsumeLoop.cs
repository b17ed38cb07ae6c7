using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using Moderation.Streaming.Clients;
using Moderation.Streaming.Configuration;
using Moderation.Streaming.Diagnostics;
using Moderation.Streaming.Health;

namespace Moderation.Streaming.Worker;

/// <summary>
/// The consumer side of the worker, run on one dedicated thread, as a pipeline: it collects posts into a batch (closed
/// when it holds B posts, T ms after its first post, or as soon as the scorer is idle and no further post is ready),
/// decodes the closed batch while the <see cref="ScoringThread"/> scores the previous one, produces each scored batch's
/// outputs, and stores and commits a batch's offsets only after all its outputs were acknowledged, strictly in batch
/// order (auto-commit retries stored offsets whose commit failed). At most
/// <see cref="BatchingOptions.MaxBatchesInFlight"/> batches are being scored or awaiting acknowledgement. It pauses the
/// assignment while the scoring breaker is open; before partitions are revoked and on stop it finishes the batch at the
/// scorer and the acknowledgements, commits, and drops the batches not yet scored (the group redelivers them). It publishes its assignment and
/// pause state to <see cref="StreamingHealth"/> and its committed positions to the lag gauge, whose watermarks a
/// <see cref="ConsumerLagSampler"/> queries off this thread.
/// </summary>
internal sealed partial class ConsumeLoop : IDisposable
{
    private static readonly TimeSpan IdlePoll = TimeSpan.FromMilliseconds(100);

    /// <summary>Poll interval while the scorer is busy, so its completion is noticed within about this long.</summary>
    private static readonly TimeSpan ScorerPoll = TimeSpan.FromMilliseconds(1);

    /// <summary>Poll interval while outputs await acknowledgement (storing offsets is not latency-critical).</summary>
    private static readonly TimeSpan AcknowledgementPoll = TimeSpan.FromMilliseconds(5);

    /// <summary>Longest wait for the revocation after unsubscribing on the way out.</summary>
    private static readonly TimeSpan LeaveTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Longest wait for the scorer without polling the consumer while the pipeline is full.</summary>
    private static readonly TimeSpan FullPoll = TimeSpan.FromMilliseconds(10);

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
    private readonly ScoringThread _scorer = new("moderation-scoring");
    private readonly HashSet<TopicPartition> _assigned = [];
    private List<ConsumeResult<byte[]?, byte[]?>> _collecting;
    private long _batchStarted;
    private bool _drained;
    private bool _finished;
    private CancellationToken _drain;

    public ConsumeLoop(ConsumerConfig config, string topic, BatchProcessor processor, BatchingOptions batching,
        MonitoringOptions monitoring, StreamingMetrics metrics, StreamingHealth health, TimeProvider time, FailureSignal failure, ILogger logger)
    {
        (_topic, _processor, _batching, _metrics, _health, _time, _failure, _logger) = (topic, processor, batching, metrics, health, time, failure, logger);
        _groupId = config.GroupId;
        _lag = new ConsumerLagTracker(resetToEarliest: config.AutoOffsetReset != AutoOffsetReset.Latest);
        _collecting = new List<ConsumeResult<byte[]?, byte[]?>>(batching.MaxBatchSize);
        _consumer = KafkaClients.Consumer(config, logger)
            .SetErrorHandler((_, error) => OnError(error))
            .SetPartitionsAssignedHandler((_, partitions) => Guard(() => OnAssigned(partitions)))
            .SetPartitionsRevokedHandler((_, partitions) => Guard(() => OnRevoked(partitions)))
            .SetPartitionsLostHandler((_, partitions) => Guard(() => OnLost(partitions)))
            .Build();
        _lagSampler = new ConsumerLagSampler(_consumer, _lag, TimeSpan.FromMilliseconds(monitoring.ConsumerLagIntervalMs),
            TimeSpan.FromMilliseconds(monitoring.ConsumerLagQueryTimeoutMs), time, logger);
    }

    /// <summary>Consumes until <paramref name="stopping"/> is cancelled or a fatal failure is reported, then finishes the
    /// batch at the scorer and the outputs awaiting acknowledgement (abandoning batches not yet scored);
    /// <paramref name="drain"/> bounds that.</summary>
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
                Advance();
                var timeout = NextTimeout();
                if (PipelineFull)
                {
                    // Wait for the scorer, but poll at least every FullPoll: librdkafka delivers rebalance callbacks only
                    // from Consume, and a late revocation means more work done twice. A record polled meanwhile joins the
                    // next batch (at most one batch more is held).
                    WaitForProgress(FullPoll);
                    if (_collecting.Count >= 2 * _batching.MaxBatchSize)
                    {
                        continue;
                    }

                    timeout = TimeSpan.Zero;
                }

                var record = Consume(timeout);
                _drained = record is null;
                if (record is not null)
                {
                    Accept(record);
                }
            }

            if (_failure.Failure is null)
            {
                AbandonUnscored("stopped");
                Complete();
                AbandonUnscored("stopped while scoring is paused");
                CommitStored();
            }
        }
        catch (OperationCanceledException) when (drain.IsCancellationRequested)
        {
            AbandonUnscored("shutdown drain timeout");
        }
        catch (Exception e)
        {
            _failure.Report(e);
        }

        if (_failure.Failure is not null)
        {
            AbandonUnscored("fatal error");
        }

        _finished = true; // leaving the group revokes the partitions: nothing more to finish then
    }

    /// <summary>Stops the scoring thread and the lag sampling, gives up the assignment, leaves the group, then frees the consumer.</summary>
    public void Dispose()
    {
        _scorer.Dispose();
        _lagSampler.Dispose();
        _metrics.DetachLag(_lag);
        LeaveAssignment();
        try
        {
            _consumer.Close();
        }
        catch (KafkaException e)
        {
            WorkerLog.CommitFailed(_logger, e);
        }

        _consumer.Dispose();
    }

    /// <summary>A full batch is waiting to be closed behind a busy scorer (while scoring is paused every record is
    /// deferred, so the pipeline is never full then).</summary>
    private bool PipelineFull => _collecting.Count >= _batching.MaxBatchSize && _holdUntil is null;

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
            // Scoring is paused: rewind the record's partition and pause it with the others (it may be newly assigned).
            _consumer.Pause([record.TopicPartition]);
            _consumer.Seek(record.TopicPartitionOffset);
            WorkerLog.Deferred(_logger, record.Topic, record.Partition.Value, record.Offset.Value);
            return;
        }

        _metrics.RecordConsumed(1);
        if (_collecting.Count == 0)
        {
            _batchStarted = _time.GetTimestamp();
        }

        _collecting.Add(record);
    }

    private TimeSpan NextTimeout()
    {
        if (_holdUntil is { } until)
        {
            var left = _time.GetElapsedTime(_time.GetTimestamp(), until);
            return left < IdlePoll ? (left > TimeSpan.Zero ? left : TimeSpan.Zero) : IdlePoll;
        }

        var timeout = IdlePoll;
        if (_collecting.Count > 0)
        {
            if (_batching.CloseWhenScorerIdle && ScorerIdle)
            {
                return TimeSpan.Zero; // take what is ready, then close the batch
            }

            var remaining = TimeSpan.FromMilliseconds(Math.Max(0, _batching.MaxBatchDelayMs - BatchAgeMs()));
            timeout = remaining < timeout ? remaining : timeout;
        }

        if (_scoringTask is not null)
        {
            timeout = ScorerPoll < timeout ? ScorerPoll : timeout;
        }
        else if (_producing.Count > 0)
        {
            timeout = AcknowledgementPoll < timeout ? AcknowledgementPoll : timeout;
        }

        return timeout;
    }

    private double BatchAgeMs() => _time.GetElapsedTime(_batchStarted).TotalMilliseconds;
}
