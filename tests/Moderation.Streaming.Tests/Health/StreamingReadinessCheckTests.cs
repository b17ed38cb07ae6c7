using Microsoft.Extensions.Diagnostics.HealthChecks;
using Moderation.Streaming.Health;

namespace Moderation.Streaming.Tests.Health;

public sealed class StreamingReadinessCheckTests
{
    public enum Step
    {
        None,
        Paused,
        Stopping,
        NoPartition,
        Fatal,
        LoopEnded,
    }

    [Theory]
    [InlineData(Step.None, HealthStatus.Healthy, "2 partition(s) assigned, model m@1")]
    [InlineData(Step.Paused, HealthStatus.Degraded, "Scoring paused: circuit breaker open")]
    [InlineData(Step.Stopping, HealthStatus.Unhealthy, "Stopping")]
    [InlineData(Step.NoPartition, HealthStatus.Unhealthy, "No partition assigned")]
    [InlineData(Step.Fatal, HealthStatus.Unhealthy, "Fatal error: fenced")]
    [InlineData(Step.LoopEnded, HealthStatus.Unhealthy, "Consume loop not running")]
    public async Task Ready_needs_a_loaded_scorer_and_an_assigned_partition_and_turns_degraded_while_scoring_is_paused(
        Step step, HealthStatus expected, string description)
    {
        var health = Running();
        switch (step)
        {
            case Step.Paused: health.Paused(true); break;
            case Step.Stopping: health.StopRequested(); break;
            case Step.NoPartition: health.PartitionsAssigned(0); break;
            case Step.Fatal: health.ReportFatal(new InvalidOperationException("fenced")); break;
            case Step.LoopEnded: health.LoopRunning(false); break;
        }

        var result = await new StreamingReadinessCheck(health).CheckHealthAsync(Context(HealthStatus.Unhealthy));

        Assert.Equal((expected, description), (result.Status, result.Description));
        Assert.Equal(health.AssignedPartitions, result.Data["assignedPartitions"]);
    }

    [Fact]
    public async Task Checks_fail_with_the_registrations_failure_status_and_liveness_ignores_partitions_and_pauses()
    {
        var health = Running();
        health.PartitionsAssigned(0);
        health.Paused(true);

        var ready = await new StreamingReadinessCheck(health).CheckHealthAsync(Context(HealthStatus.Degraded));
        var live = await new StreamingLivenessCheck(health).CheckHealthAsync(Context(HealthStatus.Degraded));

        Assert.Equal(HealthStatus.Degraded, ready.Status);
        Assert.Equal("No partition assigned", ready.Description);
        Assert.Equal((HealthStatus.Healthy, "Consume loop running"), (live.Status, live.Description));
    }

    [Fact]
    public async Task Scorer_not_resolved_yet_is_not_ready()
    {
        var health = new StreamingHealth(TimeProvider.System);
        health.LoopRunning(true);
        health.PartitionsAssigned(1);

        var result = await new StreamingReadinessCheck(health).CheckHealthAsync(Context(HealthStatus.Unhealthy));

        Assert.Equal((HealthStatus.Unhealthy, "Scorer not loaded"), (result.Status, result.Description));
        Assert.False(result.Data.ContainsKey("modelVersion"));
    }

    private static StreamingHealth Running()
    {
        var health = new StreamingHealth(TimeProvider.System);
        health.LoopRunning(true);
        health.ScorerResolved("m@1");
        health.PartitionsAssigned(2);
        return health;
    }

    private static HealthCheckContext Context(HealthStatus failureStatus) => new()
    {
        Registration = new HealthCheckRegistration("check", _ => throw new InvalidOperationException(), failureStatus, null),
    };
}
