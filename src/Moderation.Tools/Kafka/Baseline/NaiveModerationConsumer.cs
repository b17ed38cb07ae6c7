using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moderation.Core.Contracts;
using Moderation.Core.Imaging;
using Moderation.Core.Scoring;
using Moderation.Streaming.Clients;
using Moderation.Streaming.Configuration;
using Moderation.Streaming.Records;
using Moderation.Streaming.Worker;

namespace Moderation.Tools.Kafka.Baseline;

/// <summary>
/// The obvious moderation consumer, kept as the benchmark's baseline for <see cref="ModerationWorker"/>: one post at a
/// time, it consumes the post, decodes it, scores it alone (<see cref="IBatchScorer.Score"/> with count 1, input
/// <c>float32 [1,1,S,S]</c>), produces its verdict (and flag) or its dead letter and waits for each delivery report, then
/// commits that single offset synchronously. Like the worker, it fetches the output topics' metadata before consuming. Same topics, records and at-least-once contract as the worker (verdicts
/// from the same <c>VerdictFactory</c>, dead letters from the same <c>DeadLetterRecords</c>), but no batching, no
/// pipelining, no retries and no circuit breaker: a scorer failure dead-letters the post as
/// <see cref="DeadLetterReasons.ScoringFailed"/>, a produce failure ends the run.
/// </summary>
/// <param name="options">Kafka connection, consumer group and topic names.</param>
/// <param name="preprocessor">Decodes a post into <c>float32 [1,S,S]</c> in [-1,1].</param>
/// <param name="scorer">Scores one image per call.</param>
/// <param name="model">Model version and thresholds written into the verdicts.</param>
/// <param name="timeProvider">Clock of the run timeout and of the verdicts' scored-at.</param>
/// <param name="logger">Receives progress and librdkafka's log lines; none when null.</param>
public sealed class NaiveModerationConsumer(
    IOptions<KafkaOptions> options,
    IImagePreprocessor preprocessor,
    IBatchScorer scorer,
    ModelDescriptor model,
    TimeProvider timeProvider,
    ILogger<NaiveModerationConsumer>? logger = null)
{
    private static readonly TimeSpan MaxPoll = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan WarmUpTimeout = TimeSpan.FromSeconds(5);
    private static readonly int ProduceTimeoutMs = (int)TimeSpan.FromSeconds(30).TotalMilliseconds;
    private readonly ILogger _logger = (ILogger?)logger ?? NullLogger.Instance;
    private int _maxMessageBytes = DeadLetterRecords.DefaultMessageMaxBytes;

    /// <summary>
    /// Joins the consumer group on <see cref="KafkaOptions.PostsTopic"/> and processes posts one by one until
    /// <paramref name="expectedPosts"/> were processed or <paramref name="timeout"/> elapsed, then leaves the group.
    /// Runs on a dedicated thread.
    /// </summary>
    /// <returns>The number of posts processed (verdict or dead letter delivered, offset committed).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="expectedPosts"/> &lt; 0.</exception>
    /// <exception cref="InvalidOperationException">A threshold of the model names a score the scorer does not produce.</exception>
    /// <exception cref="Exception">The preprocessor threw something other than <see cref="ImageRejectedException"/> (a
    /// defect or a missing native library, not bad input).</exception>
    /// <exception cref="ProduceException{TKey,TValue}">An output could not be delivered (the post stays uncommitted).</exception>
    /// <exception cref="KafkaException">The offset commit failed.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task<int> RunAsync(int expectedPosts, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(expectedPosts);
        var verdicts = new VerdictFactory(model, scorer.ScoreNames);
        return Task.Factory.StartNew(() => Run(expectedPosts, timeout, verdicts, cancellationToken), cancellationToken,
            TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    private int Run(int expectedPosts, TimeSpan timeout, VerdictFactory verdicts, CancellationToken cancellationToken)
    {
        var kafka = options.Value;
        var started = timeProvider.GetTimestamp();
        var image = new float[preprocessor.Size * preprocessor.Size];
        _maxMessageBytes = DeadLetterRecords.MaxMessageBytes(kafka);
        using var producer = KafkaClients.Producer(kafka, ProduceTimeoutMs, _logger).Build();
        using var consumer = KafkaClients.ManualCommitMember(kafka, _logger).Build();
        ProducerWarmUp.FetchMetadata(producer.Handle, [kafka.VerdictsTopic, kafka.FlagsTopic, kafka.DeadLetterTopic], WarmUpTimeout, _logger);
        consumer.Subscribe(kafka.PostsTopic);
        NaiveLog.Starting(_logger, kafka.PostsTopic, kafka.GroupId, expectedPosts);
        long? firstRecord = null;
        var processed = 0;
        try
        {
            while (processed < expectedPosts)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var left = timeout - timeProvider.GetElapsedTime(started);
                if (left <= TimeSpan.Zero)
                {
                    break;
                }

                if (consumer.Consume(left < MaxPoll ? left : MaxPoll) is not { } record)
                {
                    continue;
                }

                firstRecord ??= timeProvider.GetTimestamp();
                foreach (var (topic, message) in Outputs(record, image, verdicts, kafka))
                {
                    producer.ProduceAsync(topic, message, cancellationToken).GetAwaiter().GetResult();
                }

                consumer.Commit(record); // offset + 1 with the record's leader epoch
                processed++;
            }
        }
        finally
        {
            consumer.Close();
        }

        NaiveLog.Finished(_logger, processed, expectedPosts, timeProvider.GetElapsedTime(started).TotalMilliseconds,
            firstRecord is { } first ? timeProvider.GetElapsedTime(first).TotalMilliseconds : 0);
        return processed;
    }

    /// <summary>The records to produce for one post, in order: verdict then flag, or the dead letter.</summary>
    private IEnumerable<(string Topic, Message<byte[]?, byte[]?> Message)> Outputs(
        ConsumeResult<byte[]?, byte[]?> record, float[] image, VerdictFactory verdicts, KafkaOptions kafka)
    {
        var contentType = PostRecords.Header(record.Message.Headers, PostHeaders.ContentType);
        try
        {
            preprocessor.Preprocess(record.Message.Value ?? [], contentType, image);
        }
        catch (ImageRejectedException e)
        {
            return [(kafka.DeadLetterTopic, DeadLetterRecords.Create(record, e.Reason, e.Message, _maxMessageBytes))];
        }

        float[] scores;
        try
        {
            scores = scorer.Score(image, 1);
            if (scores.Length != scorer.ScoreNames.Count)
            {
                throw new InvalidOperationException($"The scorer returned {scores.Length} scores for 1 image; expected {scorer.ScoreNames.Count}.");
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return [(kafka.DeadLetterTopic, DeadLetterRecords.Create(record, DeadLetterReasons.ScoringFailed, e.Message, _maxMessageBytes))];
        }

        var verdict = verdicts.Create(record, scores, timeProvider.GetUtcNow().ToUnixTimeMilliseconds());
        var message = VerdictRecords.Create(record, verdict);
        return verdict.Flagged
            ? [(kafka.VerdictsTopic, message), (kafka.FlagsTopic, FlagRecords.Create(record, message.Value!, _maxMessageBytes))]
            : [(kafka.VerdictsTopic, message)];
    }
}
