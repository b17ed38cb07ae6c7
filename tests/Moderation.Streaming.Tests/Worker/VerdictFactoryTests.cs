using Confluent.Kafka;
using Moderation.Core.Contracts;
using Moderation.Core.Models;
using Moderation.Streaming.Tests.Support;
using Moderation.Streaming.Worker;

namespace Moderation.Streaming.Tests.Worker;

public sealed class VerdictFactoryTests
{
    private static readonly ModelDescriptor Model = new("m@1", [Threshold("abnormal", 0.75), Threshold("synthetic", 0.25)]);

    [Theory]
    [InlineData(0.5f, 0.1f, new string[0])]
    [InlineData(0.75f, 0.25f, new string[0])] // equal to the threshold (exact in float32) is not over it
    [InlineData(0.76f, 0.1f, new[] { "abnormal" })]
    [InlineData(0.1f, 0.26f, new[] { "synthetic" })]
    [InlineData(0.9f, 0.9f, new[] { "abnormal", "synthetic" })]
    public void Post_is_flagged_with_the_names_of_the_scores_strictly_over_their_threshold(float abnormal, float synthetic, string[] reasons)
    {
        var factory = new VerdictFactory(Model, ["synthetic", "extra", "abnormal"]);
        var record = Support.Records.Consumed("p", [1], headers: Support.Records.Headers((PostHeaders.PostedAt, "1000")));

        var verdict = factory.Create(record, [synthetic, 0.99f, abnormal], scoredAtMs: 1250);

        Assert.Equal(reasons, verdict.Reasons);
        Assert.Equal(reasons.Length > 0, verdict.Flagged);
        Assert.Equal(3, verdict.Scores.Count);
        Assert.Equal(abnormal, verdict.Scores["abnormal"]);
        Assert.Equal(new Dictionary<string, double> { ["abnormal"] = 0.75, ["synthetic"] = 0.25 }, verdict.Thresholds);
        Assert.Equal((250.0, 1250L, "m@1"), (verdict.LatencyMs, verdict.ScoredAtMs, verdict.ModelVersion));
        Assert.Equal(("posts.images", 2, 7L), (verdict.SourceTopic, verdict.SourcePartition, verdict.SourceOffset));
    }

    [Fact]
    public void Latency_falls_back_to_the_kafka_timestamp_without_a_posted_at_header()
    {
        var factory = new VerdictFactory(Model, ["abnormal", "synthetic"]);
        var record = Support.Records.Consumed("p", [1], timestamp: new Timestamp(4000, TimestampType.CreateTime));

        Assert.Equal(600, factory.Create(record, [0f, 0f], scoredAtMs: 4600).LatencyMs);
    }

    [Fact]
    public void Threshold_for_a_score_the_scorer_does_not_produce_is_a_configuration_error()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new VerdictFactory(Model, ["abnormal"]));

        Assert.Contains("synthetic", error.Message, StringComparison.Ordinal);
    }

    private static ScoreThreshold Threshold(string reason, double value) =>
        new() { Reason = reason, Output = reason, Value = value, TargetFpr = 0.01 };
}
