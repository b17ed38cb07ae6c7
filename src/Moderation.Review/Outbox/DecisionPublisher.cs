using System.Text;
using System.Text.Json;
using Confluent.Kafka;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Moderation.Core.Contracts;
using Moderation.Review.Configuration;
using Moderation.Review.Ingest;
using Moderation.Review.Live;
using Moderation.Review.Serialization;
using Moderation.Review.Store;
using Moderation.Streaming.Clients;
using Moderation.Streaming.Configuration;

namespace Moderation.Review.Outbox;

/// <summary>
/// Publishes the store's decision outbox to <see cref="ReviewOptions.DecisionsTopic"/> (key = post id, value = a
/// <see cref="DecisionRecord"/>), oldest first, and marks each row published after the broker acknowledged it. The
/// database row is the truth: a decision whose produce fails stays in the outbox and is retried (a later pass, a
/// restart), so none is lost and a consumer may see one twice (same <see cref="DecisionRecord.DecisionId"/>).
/// </summary>
internal sealed class DecisionPublisher(
    IOptions<KafkaOptions> kafka,
    IOptions<ReviewOptions> options,
    ReviewStore store,
    ReviewChanges changes,
    TimeProvider time,
    ILogger<DecisionPublisher> logger) : BackgroundService
{
    private const int BatchSize = 100;
    private const int FailureDelayMs = 2_000;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var producer = KafkaClients.Producer(kafka.Value, DecisionPipeline.MessageTimeoutMs, logger).Build();
        var pipeline = DecisionPipeline.Create(time);
        var poll = TimeSpan.FromMilliseconds(options.Value.PollIntervalMs);
        while (!stoppingToken.IsCancellationRequested)
        {
            var failed = false;
            try
            {
                foreach (var entry in await store.UnpublishedAsync(BatchSize, stoppingToken).ConfigureAwait(false))
                {
                    var message = new Message<byte[]?, byte[]?> { Key = Encoding.UTF8.GetBytes(entry.PostId), Value = Serialize(entry) };
                    try
                    {
                        await pipeline.ExecuteAsync(async token => await producer.ProduceAsync(options.Value.DecisionsTopic, message, token)
                            .ConfigureAwait(false), stoppingToken).ConfigureAwait(false);
                    }
                    catch (Exception ex) when (DecisionPipeline.IsRetryLater(ex))
                    {
                        ReviewLog.PublishFailed(logger, ex, entry.Id, entry.PostId, FailureDelayMs);
                        failed = true;
                        break; // keep the order: later decisions wait for this one
                    }

                    await store.MarkPublishedAsync(entry.Id, time.GetUtcNow().ToUnixTimeMilliseconds(), stoppingToken).ConfigureAwait(false);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                ReviewLog.PublishFailed(logger, ex, 0, "", FailureDelayMs); // the store is unreachable: try again later
                failed = true;
            }

            if (failed)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(FailureDelayMs), time, stoppingToken).ConfigureAwait(false);
            }
            else
            {
                await changes.WaitAsync(poll, time, stoppingToken).ConfigureAwait(false);
            }
        }

        producer.Flush(TimeSpan.FromSeconds(5));
    }

    private static byte[] Serialize(OutboxEntry entry)
    {
        var verdict = VerdictJson.TryParse(Encoding.UTF8.GetBytes(entry.VerdictJson), int.MaxValue, out var error)
            ?? throw new InvalidOperationException($"Stored verdict of {entry.PostId} is invalid: {error}");
        return JsonSerializer.SerializeToUtf8Bytes(new DecisionRecord
        {
            DecisionId = entry.Id, PostId = entry.PostId, Decision = entry.Decision, Reviewer = entry.Reviewer,
            DecidedAtMs = entry.DecidedAt, Note = entry.Note, ModelVersion = verdict.ModelVersion, Reasons = verdict.Reasons,
            Scores = verdict.Scores, Thresholds = verdict.Thresholds,
        }, ReviewJsonContext.Default.DecisionRecord);
    }
}
