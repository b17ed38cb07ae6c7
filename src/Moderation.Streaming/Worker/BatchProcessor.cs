using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using Moderation.Core.Contracts;
using Moderation.Core.Scoring;
using Moderation.Streaming.Configuration;
using Moderation.Streaming.Diagnostics;
using Moderation.Streaming.Health;
using Moderation.Streaming.Records;

namespace Moderation.Streaming.Worker;

/// <summary>
/// The three stages of a batch: <see cref="Decode"/> (consume thread, parallel), <see cref="Score"/> (scoring thread,
/// one <see cref="Core.Scoring.IBatchScorer.Score"/> call) and <see cref="Produce"/> (consume thread: verdicts, flagged posts and
/// dead letters, acknowledged asynchronously). Offsets are the caller's business: store them only after
/// <see cref="PendingBatch.Acknowledged"/> completed successfully, in batch order. Verdicts carry the version and
/// thresholds of the model that scored their batch (<see cref="ScoringOutcome.Model"/>).
/// </summary>
internal sealed class BatchProcessor(
    BatchDecoder decoder,
    ScoringStage scoring,
    OutputProducer output,
    int maxMessageBytes,
    KafkaOptions topics,
    StreamingMetrics metrics,
    StreamingHealth health,
    TimeProvider timeProvider,
    ILogger logger)
{
    private VerdictFactory? _verdicts;
    private ScoringModel? _verdictsModel;

    /// <summary>Decodes <paramref name="records"/> into a new batch (taking ownership of the list).</summary>
    /// <exception cref="AggregateException">The preprocessor failed with something other than bad input.</exception>
    public PendingBatch Decode(List<ConsumeResult<byte[]?, byte[]?>> records)
    {
        var started = timeProvider.GetTimestamp();
        var batch = new PendingBatch(records, decoder.PixelsPerImage, started);
        try
        {
            batch.Decoded = decoder.Decode(records, batch.Images);
        }
        catch
        {
            batch.ReleaseImages();
            throw;
        }

        batch.DecodeMs = timeProvider.GetElapsedTime(started).TotalMilliseconds;
        metrics.RecordStage(StreamingMetrics.StageDecode, batch.DecodeMs);
        return batch;
    }

    /// <summary>Scores the accepted images of <paramref name="batch"/> and sets <see cref="PendingBatch.Outcome"/>; releases
    /// the images unless the breaker is open (then the batch is kept for a later try).</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled during a retry delay.</exception>
    public void Score(PendingBatch batch, CancellationToken cancellationToken)
    {
        var accepted = batch.Decoded.Accepted;
        if (accepted == 0)
        {
            batch.Outcome = new ScoringOutcome([], null, null);
            batch.ReleaseImages();
            return;
        }

        var started = timeProvider.GetTimestamp();
        batch.Outcome = scoring.Score(batch.Images, accepted, decoder.PixelsPerImage, cancellationToken);
        batch.ScoreMs = timeProvider.GetElapsedTime(started).TotalMilliseconds;
        metrics.RecordStage(StreamingMetrics.StageScore, batch.ScoreMs);
        if (batch.Outcome.RetryAfter is null)
        {
            batch.ReleaseImages();
        }

        if (batch.Outcome.Failure is { } failure)
        {
            var head = batch.Head;
            WorkerLog.ScoringFailed(logger, failure, accepted, head.Topic, head.Partition.Value, head.Offset.Value);
        }
    }

    /// <summary>Produces one verdict per scored post (plus a flag when flagged) and one dead letter per rejected post (all of
    /// them as <c>scoring-failed</c> when scoring failed for good); sets <see cref="PendingBatch.Acknowledged"/>, which
    /// completes when the broker acknowledged every output and faults when a produce failed for good (the worker must then
    /// stop without storing the batch's offsets).</summary>
    public void Produce(PendingBatch batch, CancellationToken cancellationToken)
    {
        var started = timeProvider.GetTimestamp();
        var records = batch.Records;
        var scores = batch.Outcome.Scores ?? [];
        var scoringFailure = batch.Outcome.Failure;
        var scoredAt = timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        var verdicts = batch.Outcome.Model is { } model ? VerdictsFor(model) : null;
        var columns = batch.Outcome.Model?.ScoreNames.Count ?? 0;
        var pending = new List<Task>(2 * records.Count);
        var outcomes = new (bool Flagged, long PostedAtMs, string? Reason)[records.Count];
        for (var i = 0; i < records.Count; i++)
        {
            var record = records[i];
            var slot = batch.Decoded.Slots[i];
            if (slot < 0 || scoringFailure is not null)
            {
                var rejection = slot < 0 ? batch.Decoded.Rejections[i]! : null;
                var reason = rejection?.Reason ?? DeadLetterReasons.ScoringFailed;
                var error = rejection?.Message ?? scoringFailure!.Message;
                if (rejection is not null)
                {
                    WorkerLog.PostRejected(logger, PostRecords.PostId(record), record.Topic, record.Partition.Value, record.Offset.Value, reason, error);
                }

                pending.Add(output.ProduceAsync(topics.DeadLetterTopic, DeadLetterRecords.Create(record, reason, error, maxMessageBytes), cancellationToken));
                outcomes[i] = (false, 0, reason);
                continue;
            }

            var verdict = verdicts!.Create(record, scores.AsSpan(slot * columns, columns), scoredAt);
            var message = VerdictRecords.Create(record, verdict);
            pending.Add(output.ProduceAsync(topics.VerdictsTopic, message, cancellationToken));
            if (verdict.Flagged)
            {
                pending.Add(output.ProduceAsync(topics.FlagsTopic, FlagRecords.Create(record, message.Value!, maxMessageBytes), cancellationToken));
            }

            outcomes[i] = (verdict.Flagged, scoredAt - (long)verdict.LatencyMs, null);
        }

        batch.ProduceMs = timeProvider.GetElapsedTime(started).TotalMilliseconds;
        metrics.RecordStage(StreamingMetrics.StageProduce, batch.ProduceMs);
        batch.Acknowledged = Task.WhenAll(pending).ContinueWith(
            (all, state) => ((BatchProcessor)state!).Acknowledge(all, batch, outcomes),
            this,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default).Unwrap();
    }

    /// <summary>The verdict factory of <paramref name="model"/> (consume thread only): rebuilt when a swap brought a new
    /// model, which readiness then reports.</summary>
    private VerdictFactory VerdictsFor(ScoringModel model)
    {
        if (!ReferenceEquals(model, _verdictsModel))
        {
            _verdicts = new VerdictFactory(new ModelDescriptor(model.Version, model.Thresholds), model.ScoreNames);
            _verdictsModel = model;
            health.ScorerResolved(model.Version);
        }

        return _verdicts!;
    }

    /// <summary>Counts the acknowledged outcomes (on the thread that completed the last delivery), or passes the failure on.</summary>
    private Task Acknowledge(Task all, PendingBatch batch, (bool Flagged, long PostedAtMs, string? Reason)[] outcomes)
    {
        if (!all.IsCompletedSuccessfully)
        {
            return all;
        }

        var acknowledgedAt = timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        var flagged = 0;
        foreach (var (isFlagged, postedAt, reason) in outcomes)
        {
            if (reason is not null)
            {
                metrics.RecordDeadLetter(reason);
                continue;
            }

            flagged += isFlagged ? 1 : 0;
            metrics.RecordVerdict(isFlagged, acknowledgedAt - postedAt);
        }

        var records = batch.Records;
        metrics.RecordBatch(records.Count);
        metrics.RecordStage(StreamingMetrics.StageEndToEnd, timeProvider.GetElapsedTime(batch.ClosedAt).TotalMilliseconds);
        var head = batch.Head;
        var scored = batch.Outcome.Failure is null ? batch.Decoded.Accepted : 0;
        WorkerLog.BatchDone(logger, records.Count, head.Topic, head.Partition.Value, head.Offset.Value, scored, records.Count - scored,
            flagged, batch.DecodeMs, batch.ScoreMs, batch.ProduceMs, timeProvider.GetElapsedTime(batch.ClosedAt).TotalMilliseconds);
        return Task.CompletedTask;
    }
}
