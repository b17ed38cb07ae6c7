using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Moderation.Streaming.Health;

/// <summary>
/// Liveness of the moderation worker (tag <see cref="StreamingHealth.LiveTag"/>): healthy while the consume thread runs
/// and no fatal error was reported; otherwise the registration's failure status (restart the process).
/// </summary>
/// <param name="health">The worker's state.</param>
public sealed class StreamingLivenessCheck(StreamingHealth health) : IHealthCheck
{
    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var failure = context.Registration.FailureStatus;
        var data = health.ToData();
        var result = health.FatalError is { } fatal
            ? new HealthCheckResult(failure, $"Fatal error: {fatal.Message}", fatal, data)
            : health.ConsumeLoopRunning
                ? HealthCheckResult.Healthy("Consume loop running", data)
                : new HealthCheckResult(failure, "Consume loop not running", data: data);
        return Task.FromResult(result);
    }
}
