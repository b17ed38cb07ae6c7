using Confluent.Kafka;
using Microsoft.Extensions.Logging.Abstractions;
using Moderation.Streaming.Configuration;
using Moderation.Streaming.Resilience;
using Moderation.Streaming.Tests.Support;
using Moderation.Streaming.Worker;

namespace Moderation.Streaming.Tests.Resilience;

public sealed class StreamingPipelinesTests
{
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
        var stage = new ScoringStage(scorer, StreamingPipelines.Scoring(options, TimeProvider.System, NullLogger.Instance), TimeSpan.FromSeconds(5));

        var outcome = stage.Score(new float[RawPixelPreprocessor.Pixels], 1, RawPixelPreprocessor.Pixels, CancellationToken.None);

        Assert.Equal(3, scorer.Calls);
        Assert.IsType<InvalidOperationException>(outcome.Failure);
        Assert.Null(outcome.RetryAfter);
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
        var stage = new ScoringStage(scorer, StreamingPipelines.Scoring(options, clock, NullLogger.Instance), TimeSpan.FromSeconds(9));
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
    }

    [Fact]
    public void Scores_of_the_wrong_shape_are_a_scoring_failure()
    {
        var stage = new ScoringStage(new ShapeBreakingScorer(), StreamingPipelines.Scoring(
            new ResilienceOptions { ScoringMaxRetries = 1, ScoringRetryDelayMs = 1 }, TimeProvider.System, NullLogger.Instance), TimeSpan.FromSeconds(5));

        var outcome = stage.Score(new float[2 * RawPixelPreprocessor.Pixels], 2, RawPixelPreprocessor.Pixels, CancellationToken.None);

        Assert.Contains("returned 1 scores for 2 images", outcome.Failure!.Message, StringComparison.Ordinal);
    }

    private sealed class ShapeBreakingScorer : Core.Scoring.IBatchScorer
    {
        public IReadOnlyList<string> ScoreNames { get; } = ["abnormal"];

        public float[] Score(ReadOnlySpan<float> images, int count) => [0f];

        public void Dispose()
        {
        }
    }
}
