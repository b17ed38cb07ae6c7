using System.Text.Json;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using Moderation.Core.Contracts;
using Moderation.Streaming.Configuration;
using Moderation.Streaming.Diagnostics;
using Moderation.Streaming.Records;
using Moderation.Streaming.Serialization;

namespace Moderation.Streaming.Worker;

/// <summary>
/// One batch end to end: decode in parallel, score once, produce verdicts / flags / dead letters and wait for every
/// delivery report. Offsets are the caller's business and must be stored only after <see cref="Process"/> returned true.
/// </summary>
internal sealed class BatchProcessor(
    BatchDecoder decoder,
    ScoringStage scoring,
    VerdictFactory verdicts,
    OutputProducer output,
    KafkaOptions topics,
    StreamingMetrics metrics,
    TimeProvider timeProvider,
    ILogger logger)
{
    /// <summary>Processes <paramref name="batch"/> using <paramref name="buffer"/> (≥ batch.Count·S·S floats).</summary>
    /// <returns>True when all outputs are acknowledged; false with <paramref name="retryAfter"/> set when the scoring
    /// breaker is open (nothing was produced; keep the batch and try again later).</returns>
    /// <exception cref="OperationCanceledException"><paramref name="scoringToken"/> or <paramref name="produceToken"/> was cancelled.</exception>
    /// <exception cref="Exception">A produce failed for good (<see cref="ProduceException{TKey,TValue}"/>, timeout): the
    /// worker must stop without storing the batch's offsets.</exception>
    public bool Process(
        IReadOnlyList<ConsumeResult<byte[]?, byte[]?>> batch,
        float[] buffer,
        CancellationToken scoringToken,
        CancellationToken produceToken,
        out TimeSpan retryAfter)
    {
        retryAfter = TimeSpan.Zero;
        var decoded = decoder.Decode(batch, buffer);
        float[] scores = [];
        Exception? scoringFailure = null;
        if (decoded.Accepted > 0)
        {
            var outcome = scoring.Score(buffer, decoded.Accepted, decoder.PixelsPerImage, scoringToken);
            if (outcome.RetryAfter is { } delay)
            {
                retryAfter = delay;
                return false;
            }

            scores = outcome.Scores ?? [];
            scoringFailure = outcome.Failure;
            if (scoringFailure is not null)
            {
                var first = batch[0];
                WorkerLog.ScoringFailed(logger, scoringFailure, decoded.Accepted, first.Topic, first.Partition.Value, first.Offset.Value);
            }
        }

        var scoredAt = timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        var columns = scoring.ScoreNames.Count;
        var pending = new List<Task>(batch.Count + 8);
        var acknowledged = new List<Action>(batch.Count);
        var flagged = 0;
        for (var i = 0; i < batch.Count; i++)
        {
            var record = batch[i];
            var slot = decoded.Slots[i];
            if (slot < 0 || scoringFailure is not null)
            {
                var (reason, error) = slot < 0
                    ? (decoded.Rejections[i]!.Reason, decoded.Rejections[i]!.Message)
                    : (DeadLetterReasons.ScoringFailed, scoringFailure!.Message);
                if (slot < 0)
                {
                    WorkerLog.PostRejected(logger, PostRecords.PostId(record), record.Topic, record.Partition.Value, record.Offset.Value, reason, error);
                }

                pending.Add(output.ProduceAsync(topics.DeadLetterTopic, DeadLetterRecords.Create(record, reason, error), produceToken));
                acknowledged.Add(() => metrics.RecordDeadLetter(reason));
                continue;
            }

            var verdict = verdicts.Create(record, scores.AsSpan(slot * columns, columns), scoredAt);
            var message = new Message<byte[]?, byte[]?>
            {
                Key = record.Message.Key,
                Value = JsonSerializer.SerializeToUtf8Bytes(verdict, StreamingJsonContext.Default.Verdict),
            };
            pending.Add(output.ProduceAsync(topics.VerdictsTopic, message, produceToken));
            if (verdict.Flagged)
            {
                flagged++;
                pending.Add(output.ProduceAsync(topics.FlagsTopic, message, produceToken));
            }

            acknowledged.Add(() => metrics.RecordVerdict(verdict.Flagged, verdict.LatencyMs));
        }

        Task.WhenAll(pending).GetAwaiter().GetResult();
        metrics.RecordBatch(batch.Count);
        acknowledged.ForEach(static record => record());
        var head = batch[0];
        var scored = scoringFailure is null ? decoded.Accepted : 0;
        WorkerLog.BatchDone(logger, batch.Count, head.Topic, head.Partition.Value, head.Offset.Value, scored, batch.Count - scored, flagged);
        return true;
    }
}
