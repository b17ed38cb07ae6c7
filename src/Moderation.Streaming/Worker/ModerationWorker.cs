using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Moderation.Core.Imaging;
using Moderation.Core.Scoring;
using Moderation.Streaming.Configuration;
using Moderation.Streaming.Diagnostics;
using Moderation.Streaming.Health;
using Moderation.Streaming.Records;
using Moderation.Streaming.Resilience;

namespace Moderation.Streaming.Worker;

/// <summary>
/// The moderation service: consumes <see cref="KafkaOptions.PostsTopic"/> in consumer group
/// <see cref="KafkaOptions.GroupId"/> on a dedicated thread, decodes each micro-batch with the registered
/// <see cref="IImagePreprocessor"/>, scores it with one <see cref="IBatchScorer.Score"/> call of the model leased from
/// <see cref="IScoringModelSource"/> for that batch (so a hot swap lands between batches) on a dedicated scoring
/// thread (overlapping the decoding of the next batch and the acknowledgement of the previous ones), and produces
/// verdicts, flags and dead letters with an idempotent producer. Delivery is at-least-once: a post's offset is stored
/// only after all outputs of its batch and of every earlier batch were acknowledged.
/// </summary>
/// <remarks>
/// On a fatal Kafka error (or any unexpected failure) the worker logs it as critical, sets
/// <see cref="Environment.ExitCode"/> to 1 and calls <see cref="IHostApplicationLifetime.StopApplication"/>.
/// When the host stops it, the worker finishes the batch at the scorer and the outputs awaiting acknowledgement (within
/// <see cref="BatchingOptions.DrainTimeoutMs"/>), scores nothing more, commits its offsets and leaves the group. Its state is published in <see cref="StreamingHealth"/>.
/// </remarks>
public sealed class ModerationWorker(
    IOptions<KafkaOptions> kafka,
    IOptions<BatchingOptions> batching,
    IOptions<ResilienceOptions> resilience,
    IOptions<MonitoringOptions> monitoring,
    IImagePreprocessor preprocessor,
    IScoringModelSource models,
    StreamingMetrics metrics,
    StreamingHealth health,
    TimeProvider timeProvider,
    IHostApplicationLifetime lifetime,
    ILogger<ModerationWorker> logger) : BackgroundService
{
    /// <summary>Longest wait in ms for the output topics' metadata before consuming (bounded by the produce timeout).</summary>
    private const int WarmUpTimeoutMs = 5_000;

    /// <summary>Starts the consumer thread; the returned task completes when the thread has left the group.</summary>
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var completion = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() => RunConsumer(completion, stoppingToken))
        {
            Name = "moderation-consumer",
            IsBackground = true,
        };
        thread.Start();
        return completion.Task;
    }

    private void RunConsumer(TaskCompletionSource completion, CancellationToken stoppingToken)
    {
        health.LoopRunning(true);
        var failure = new FailureSignal(health.ReportFatal);
        using var drain = new CancellationTokenSource();
        using var registration = stoppingToken.Register(() =>
        {
            health.StopRequested();
            drain.CancelAfter(batching.Value.DrainTimeoutMs);
        });
        try
        {
            var options = resilience.Value;
            var kafkaOptions = kafka.Value;
            var decoder = new BatchDecoder(preprocessor, batching.Value.DecodeParallelism);
            var scoring = new ScoringStage(models, StreamingPipelines.Scoring(options, timeProvider, logger, metrics),
                TimeSpan.FromMilliseconds(options.BreakerBreakDurationMs));
            var initial = models.Current;
            _ = new VerdictFactory(new ModelDescriptor(initial.Version, initial.Thresholds), initial.ScoreNames); // thresholds vs scores, before consuming
            health.ScorerResolved(initial.Version);
            var outputConfig = KafkaClientConfigs.Output(kafkaOptions, options.ProduceTimeoutMs);
            using var output = new OutputProducer(
                outputConfig,
                StreamingPipelines.Produce(options, StreamingPipelines.AttemptTimeout(outputConfig), timeProvider, logger, metrics),
                metrics,
                error => failure.Report(new Confluent.Kafka.KafkaException(error)),
                logger);
            output.WarmUp([kafkaOptions.VerdictsTopic, kafkaOptions.FlagsTopic, kafkaOptions.DeadLetterTopic],
                TimeSpan.FromMilliseconds(Math.Min(options.ProduceTimeoutMs, WarmUpTimeoutMs)));
            var processor = new BatchProcessor(decoder, scoring, output, DeadLetterRecords.MaxMessageBytes(outputConfig),
                kafkaOptions, metrics, health, timeProvider, logger);
            using var loop = new ConsumeLoop(KafkaClientConfigs.Worker(kafkaOptions), kafkaOptions.PostsTopic, processor, batching.Value,
                monitoring.Value, metrics, health, timeProvider, failure, logger);
            loop.Run(stoppingToken, drain.Token);
        }
        catch (Exception e)
        {
            failure.Report(e);
        }
        finally
        {
            health.PartitionsAssigned(0);
            health.LoopRunning(false);
        }

        if (failure.Failure is { } fatal)
        {
            WorkerLog.Fatal(logger, fatal, fatal.Message);
            Environment.ExitCode = 1;
            lifetime.StopApplication();
        }

        WorkerLog.Stopped(logger);
        completion.TrySetResult();
    }
}
