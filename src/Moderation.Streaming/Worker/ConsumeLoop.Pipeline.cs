using Confluent.Kafka;

namespace Moderation.Streaming.Worker;

/// <summary>The pipeline stages of the consume loop: close and decode, hand to the scorer, produce, store offsets in order.</summary>
internal sealed partial class ConsumeLoop
{
    /// <summary>Closed, decoded batches awaiting the scorer, oldest first (a batch the open breaker refused goes back first).</summary>
    private readonly LinkedList<PendingBatch> _decoded = new();

    /// <summary>Batches whose outputs were produced, awaiting acknowledgement, oldest first.</summary>
    private readonly Queue<PendingBatch> _producing = new();

    private PendingBatch? _scoring;
    private Task? _scoringTask;
    private long? _holdUntil;
    private bool _paused;

    /// <summary>Nothing at the scorer and nothing waiting for it.</summary>
    private bool ScorerIdle => _scoringTask is null && _decoded.Count == 0;

    /// <summary>Moves every stage forward as far as it can go without blocking.</summary>
    private void Advance()
    {
        HarvestAcknowledged();
        if (_scoringTask is { IsCompleted: true })
        {
            FinishScoring();
        }

        if (_holdUntil is { } until && _time.GetTimestamp() >= until)
        {
            _holdUntil = null; // the breaker may let a trial through: the held batch is first in line
        }

        StartScoring();
        if (ShouldClose())
        {
            Close();
            StartScoring();
        }
    }

    private bool ShouldClose() =>
        _collecting.Count > 0 && _holdUntil is null && _decoded.Count == 0 &&
        (_collecting.Count >= _batching.MaxBatchSize || BatchAgeMs() >= _batching.MaxBatchDelayMs ||
         (_batching.CloseWhenScorerIdle && _drained && _scoringTask is null));

    /// <summary>Closes the batch being collected and decodes it (while the scorer works on the previous one).</summary>
    private void Close()
    {
        var max = _batching.MaxBatchSize;
        List<ConsumeResult<byte[]?, byte[]?>> records;
        if (_collecting.Count <= max)
        {
            records = _collecting;
            _collecting = new List<ConsumeResult<byte[]?, byte[]?>>(max);
        }
        else
        {
            // Records polled while the pipeline was full start the next batch.
            records = _collecting.GetRange(0, max);
            _collecting.RemoveRange(0, max);
            _batchStarted = _time.GetTimestamp();
        }

        _decoded.AddLast(_processor.Decode(records));
    }

    private void StartScoring()
    {
        // In flight = the batch to score now plus the ones awaiting acknowledgement.
        if (_scoringTask is not null || _holdUntil is not null || _decoded.First is not { } next || _producing.Count + 1 > _batching.MaxBatchesInFlight)
        {
            return;
        }

        _decoded.RemoveFirst();
        var batch = next.Value;
        var token = _drain;
        _scoring = batch;
        _scoringTask = _scorer.Run(() => _processor.Score(batch, token));
    }

    /// <summary>Takes the scorer's result: hands the next batch to the scorer first, then produces this one's outputs; or,
    /// when the breaker is open, pauses the assignment and keeps the batch first in line.</summary>
    /// <exception cref="OperationCanceledException">The drain timeout cancelled a scoring retry.</exception>
    private void FinishScoring()
    {
        var (batch, task) = (_scoring!, _scoringTask!);
        (_scoring, _scoringTask) = (null, null);
        if (!task.IsCompletedSuccessfully)
        {
            batch.ReleaseImages();
            task.GetAwaiter().GetResult(); // rethrows: cancellation (drain) or a defect
        }

        if (batch.Outcome.RetryAfter is { } retryAfter)
        {
            Hold(batch, retryAfter);
            return;
        }

        _producing.Enqueue(batch); // counts against MaxBatchesInFlight before the next batch goes to the scorer
        StartScoring();            // keep the scorer busy while this batch's outputs are built
        _processor.Produce(batch, _drain);
        if (_paused)
        {
            var assignment = _consumer.Assignment;
            _consumer.Resume(assignment);
            _paused = false;
            _health.Paused(false);
            WorkerLog.Resumed(_logger, string.Join(", ", assignment));
        }
    }

    private void Hold(PendingBatch batch, TimeSpan retryAfter)
    {
        _decoded.AddFirst(batch);
        var assignment = _consumer.Assignment;
        _consumer.Pause(assignment);
        _holdUntil = _time.GetTimestamp() + (long)(retryAfter.TotalSeconds * _time.TimestampFrequency);
        if (!_paused)
        {
            _paused = true;
            _health.Paused(true);
            _metrics.RecordPause();
            var head = batch.Head;
            WorkerLog.Paused(_logger, string.Join(", ", assignment), batch.Records.Count, head.Topic, head.Partition.Value,
                head.Offset.Value, retryAfter.TotalMilliseconds);
        }
    }

    /// <summary>Stores the offsets of the acknowledged batches at the head of the queue, in order, then commits them
    /// (one synchronous commit for all of them; the scorer keeps working meanwhile).</summary>
    /// <exception cref="Exception">A batch's produce failed for good (its offsets and later ones are never stored).</exception>
    private void HarvestAcknowledged()
    {
        var stored = false;
        while (_producing.TryPeek(out var head) && head.Acknowledged is { IsCompleted: true } acknowledged)
        {
            _producing.Dequeue();
            acknowledged.GetAwaiter().GetResult();
            StoreOffsets(head);
            stored = true;
        }

        if (stored)
        {
            CommitStored();
        }
    }

    /// <summary>Blocks until the scorer (else the oldest acknowledgement) completes, the hold ends, or <paramref name="timeout"/>.</summary>
    private void WaitForProgress(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var target = _scoringTask ?? (_producing.TryPeek(out var head) ? head.Acknowledged : null);
        if (_holdUntil is { } until)
        {
            var left = _time.GetElapsedTime(_time.GetTimestamp(), until);
            timeout = left < timeout ? (left > TimeSpan.Zero ? left : TimeSpan.Zero) : timeout;
        }

        if (target is null)
        {
            cancellationToken.WaitHandle.WaitOne(timeout);
            cancellationToken.ThrowIfCancellationRequested();
            return;
        }

        Task.WaitAny([target], (int)Math.Ceiling(timeout.TotalMilliseconds), cancellationToken);
    }

    /// <summary>Finishes the batch at the scorer (keeping it if the breaker is open) and waits for every acknowledgement,
    /// scoring nothing more.</summary>
    /// <exception cref="OperationCanceledException">The drain timeout elapsed.</exception>
    private void Complete()
    {
        while (true)
        {
            HarvestAcknowledged();
            if (_scoringTask is { IsCompleted: true })
            {
                FinishScoring();
            }

            if (_scoringTask is null && _producing.Count == 0)
            {
                return;
            }

            WaitForProgress(IdlePoll, _drain);
        }
    }

    /// <summary>Drops the batches not yet at the scorer (collected and decoded ones); their posts are redelivered.</summary>
    private void AbandonUnscored(string why)
    {
        if (_collecting.Count > 0)
        {
            var head = _collecting[0];
            WorkerLog.Abandoned(_logger, _collecting.Count, head.Topic, head.Partition.Value, head.Offset.Value, why);
            _collecting.Clear();
        }

        if (_decoded.Count > 0)
        {
            WorkerLog.AbandonedBatches(_logger, _decoded.Count, _decoded.Sum(static b => b.Records.Count), why);
            foreach (var batch in _decoded)
            {
                batch.ReleaseImages();
            }

            _decoded.Clear();
        }

        _holdUntil = null;
    }
}
