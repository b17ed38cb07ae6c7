using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Moderation.Streaming.Health;

/// <summary>
/// Readiness of the moderation worker (tag <see cref="StreamingHealth.ReadyTag"/>): healthy when the scorer is loaded
/// and at least one partition is assigned; degraded while scoring is paused by the circuit breaker; otherwise (not
/// started, no partition, stopping, fatal error) the registration's failure status.
/// </summary>
/// <param name="health">The worker's state.</param>
public sealed class StreamingReadinessCheck(StreamingHealth health) : IHealthCheck
{
    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var failure = context.Registration.FailureStatus;
        var data = health.ToData();
        var why = health.FatalError is { } fatal ? $"Fatal error: {fatal.Message}"
            : !health.ConsumeLoopRunning ? "Consume loop not running"
            : health.Stopping ? "Stopping"
            : !health.ScorerLoaded ? "Scorer not loaded"
            : health.AssignedPartitions < 1 ? "No partition assigned"
            : null;
        var result = why is not null ? new HealthCheckResult(failure, why, health.FatalError, data)
            : health.ScoringPaused ? HealthCheckResult.Degraded("Scoring paused: circuit breaker open", data: data)
            : HealthCheckResult.Healthy($"{health.AssignedPartitions} partition(s) assigned, model {health.ModelVersion}", data);
        return Task.FromResult(result);
    }
}
