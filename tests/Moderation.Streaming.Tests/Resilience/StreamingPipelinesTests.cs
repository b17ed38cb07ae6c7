using System.Diagnostics.Metrics;
using Confluent.Kafka;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Moderation.Core.Contracts;
using Moderation.Streaming.Configuration;
using Moderation.Streaming.Diagnostics;
using Moderation.Streaming.Resilience;
using Moderation.Streaming.Tests.Support;
using Moderation.Streaming.Worker;
using Polly;
using Polly.Timeout;

namespace Moderation.Streaming.Tests.Resilience;

public sealed class StreamingPipelinesTests : IDisposable
{
    private readonly ServiceProvider _services;
    private readonly MetricsRecorder _recorder;

    public StreamingPipelinesTests()
    {
        _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meters = _services.GetRequiredService<IMeterFactory>();
        _recorder = new MetricsRecorder(meters);
        Metrics = new StreamingMetrics(meters);
    }

    private StreamingMetrics Metrics { get; }

    public void Dispose()
    {
        _recorder.Dispose();
        _services.Dispose();
    }

    [Theory]
    [InlineData(ErrorCode.Local_MsgTimedOut, false, true)]
    [InlineData(ErrorCode.Local_QueueFull, false, true)]
    [InlineData(ErrorCode.NotEnoughReplicas, false, true)]
    [InlineData(ErrorCode.Local_MsgTimedOut, true, false)]
    [InlineData(ErrorCode.MsgSizeTooLarge, false, false)]
    [InlineData(ErrorCode.TopicAuthorizationFailed, false, false)]
    public void Only_non_fatal_transient_produce_errors_are_retried(ErrorCode code, bool fatal, bool transient) =>
        Assert.Equal(transient, StreamingPipelines.IsTransient(new Error(code, "test", fatal)));

    [Fact]
    public void Scoring_retries_then_reports_the_failure_while_the_breaker_stays_closed()
    {
        var options = new ResilienceOptions { ScoringMaxRetries = 2, ScoringRetryDelayMs = 1, BreakerMinimumThroughput = 100 };
        var scorer = new MeanScorer { FailFirst = int.MaxValue };
        var stage = new ScoringStage(FixedModel.Of(scorer), StreamingPipelines.Scoring(options, TimeProvider.System, NullLogger.Instance, Metrics), TimeSpan.FromSeconds(5));

        var outcome = stage.Score(new float[RawPixelPreprocessor.Pixels], 1, RawPixelPreprocessor.Pixels, CancellationToken.None);

        Assert.Equal(3, scorer.Calls);
        Assert.IsType<InvalidOperationException>(outcome.Failure);
        Assert.Null(outcome.RetryAfter);
        Assert.Equal(2, _recorder.Sum(StreamingMetrics.ScoringRetries, "error.type", typeof(InvalidOperationException).FullName!));
        Assert.Equal(0, _recorder.Sum(StreamingMetrics.BreakerTransitions));
    }

    [Fact]
    public void Open_breaker_reports_a_retry_delay_instead_of_a_failure_and_recovers_after_the_break()
    {
        var options = new ResilienceOptions
        {
            ScoringMaxRetries = 5, ScoringRetryDelayMs = 1, BreakerMinimumThroughput = 2, BreakerFailureRatio = 0.5,
            BreakerBreakDurationMs = 500,
        };
        var clock = new FixedClock(DateTimeOffset.UnixEpoch);
        var scorer = new MeanScorer { FailFirst = 2 };
        var stage = new ScoringStage(FixedModel.Of(scorer), StreamingPipelines.Scoring(options, clock, NullLogger.Instance, Metrics), TimeSpan.FromSeconds(9));
        var image = new float[RawPixelPreprocessor.Pixels];

        var broken = stage.Score(image, 1, RawPixelPreprocessor.Pixels, CancellationToken.None);
        var stillBroken = stage.Score(image, 1, RawPixelPreprocessor.Pixels, CancellationToken.None);
        clock.Now += TimeSpan.FromMilliseconds(501);
        var recovered = stage.Score(image, 1, RawPixelPreprocessor.Pixels, CancellationToken.None);

        Assert.Equal(TimeSpan.FromMilliseconds(500), broken.RetryAfter);
        Assert.Null(broken.Failure);
        Assert.NotNull(stillBroken.RetryAfter);
        Assert.Equal(3, scorer.Calls); // two failures opened the breaker, the trial call after the break succeeded
        Assert.Equal(0.5f, Assert.Single(recovered.Scores!));
        Assert.Equal(2, _recorder.Sum(StreamingMetrics.ScoringRetries));
        Assert.Equal((1, 1, 1), (_recorder.Sum(StreamingMetrics.BreakerTransitions, "state", "open"),
            _recorder.Sum(StreamingMetrics.BreakerTransitions, "state", "half_open"), _recorder.Sum(StreamingMetrics.BreakerTransitions, "state", "closed")));
    }

    [Fact]
    public void Scores_of_the_wrong_shape_are_a_scoring_failure()
    {
        var stage = new ScoringStage(FixedModel.Of(new ShapeBreakingScorer()), StreamingPipelines.Scoring(
            new ResilienceOptions { ScoringMaxRetries = 1, ScoringRetryDelayMs = 1 }, TimeProvider.System, NullLogger.Instance, Metrics), TimeSpan.FromSeconds(5));

        var outcome = stage.Score(new float[2 * RawPixelPreprocessor.Pixels], 2, RawPixelPreprocessor.Pixels, CancellationToken.None);

        Assert.Contains("returned 1 scores for 2 images", outcome.Failure!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Produce_attempts_past_the_timeout_are_counted_per_topic_and_retried()
    {
        var pipeline = StreamingPipelines.Produce(new ResilienceOptions { ProduceMaxRetries = 2, ProduceRetryDelayMs = 1 },
            TimeSpan.FromMilliseconds(100), TimeProvider.System, NullLogger.Instance, Metrics);
        var attempts = 0;

        await Assert.ThrowsAsync<TimeoutRejectedException>(() => ProduceAsync(pipeline, Topics.Verdicts, async token =>
        {
            attempts++;
            await Task.Delay(Timeout.Infinite, token); // no delivery report until the attempt is cancelled
        }));

        Assert.Equal(3, attempts);
        Assert.Equal(3, _recorder.Sum(StreamingMetrics.ProduceTimeouts, "topic", Topics.Verdicts));
        Assert.Equal(2, _recorder.Sum(StreamingMetrics.ProduceRetries, "error.type", "timeout"));
        Assert.Equal(2, _recorder.Sum(StreamingMetrics.ProduceRetries, "topic", Topics.Verdicts));
    }

    [Theory]
    [InlineData(null, 35_000)]        // ProduceTimeoutMs (30 s) is message.timeout.ms, plus the 5 s grace
    [InlineData("60000", 65_000)]     // an explicit message.timeout.ms wins and moves the backstop with it
    public void The_produce_attempt_timeout_is_a_backstop_after_librdkafkas_own_message_deadline(string? explicitMs, int expectedMs)
    {
        var kafka = new KafkaOptions { BootstrapServers = "127.0.0.1:9092" };
        if (explicitMs is not null) kafka.ProducerSettings["message.timeout.ms"] = explicitMs;
        var config = KafkaClientConfigs.Output(kafka, new ResilienceOptions().ProduceTimeoutMs);

        var attempt = StreamingPipelines.AttemptTimeout(config);

        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), attempt);
        Assert.True(attempt > TimeSpan.FromMilliseconds(config.MessageTimeoutMs!.Value));
    }

    [Fact]
    public async Task Transient_produce_error_is_retried_and_counted_with_its_error_code()
    {
        var pipeline = StreamingPipelines.Produce(new ResilienceOptions { ProduceMaxRetries = 3, ProduceRetryDelayMs = 1 }, TimeSpan.FromSeconds(30),
            TimeProvider.System, NullLogger.Instance, Metrics);
        var attempts = 0;

        await ProduceAsync(pipeline, Topics.Flags, _ => ++attempts == 1
            ? throw new ProduceException<byte[], byte[]>(new Error(ErrorCode.Local_QueueFull), new DeliveryResult<byte[], byte[]>())
            : Task.CompletedTask);

        Assert.Equal(2, attempts);
        Assert.Equal(1, _recorder.Sum(StreamingMetrics.ProduceRetries, "error.type", nameof(ErrorCode.Local_QueueFull)));
        Assert.Equal(1, _recorder.Sum(StreamingMetrics.ProduceRetries, "topic", Topics.Flags));
        Assert.Equal(0, _recorder.Sum(StreamingMetrics.ProduceTimeouts));
    }

    /// <summary>Runs <paramref name="attempt"/> through the produce pipeline the way the worker's producer does.</summary>
    private static async Task ProduceAsync(ResiliencePipeline pipeline, string topic, Func<CancellationToken, Task> attempt)
    {
        var context = ResilienceContextPool.Shared.Get(topic, CancellationToken.None);
        try
        {
            await pipeline.ExecuteAsync(async (c, a) => await a(c.CancellationToken), context, attempt);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private sealed class ShapeBreakingScorer : Core.Scoring.IBatchScorer
    {
        public IReadOnlyList<string> ScoreNames { get; } = ["abnormal"];

        public IReadOnlyList<int> ImageShape { get; } = [1, 28, 28];

        public float[] Score(ReadOnlySpan<float> images, int count) => [0f];

        public void Dispose()
        {
        }
    }
}
