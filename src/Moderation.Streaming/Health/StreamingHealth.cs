using Moderation.Core.Scoring;

namespace Moderation.Streaming.Health;

/// <summary>
/// What the moderation worker reports about itself: one singleton per host, written by the worker (its consume thread,
/// the host's stopping callback and librdkafka's threads) and read by <see cref="StreamingLivenessCheck"/>,
/// <see cref="StreamingReadinessCheck"/> and diagnostics. Every property is safe to read from any thread.
/// </summary>
public sealed class StreamingHealth
{
    /// <summary>Tag of the liveness check (map it with a tag predicate, e.g. on <c>/healthz/live</c>).</summary>
    public const string LiveTag = "live";

    /// <summary>Tag of the readiness check (map it with a tag predicate, e.g. on <c>/healthz/ready</c>).</summary>
    public const string ReadyTag = "ready";

    /// <summary>Registration name of <see cref="StreamingLivenessCheck"/>.</summary>
    public const string LiveCheckName = "moderation-streaming-live";

    /// <summary>Registration name of <see cref="StreamingReadinessCheck"/>.</summary>
    public const string ReadyCheckName = "moderation-streaming-ready";

    private readonly TimeProvider _timeProvider;
    private readonly IScoringModelSource? _models;
    private string? _modelVersion;
    private int _assignedPartitions;
    private int _loopRunning;
    private int _scoringPaused;
    private int _stopping;
    private FatalRecord? _fatal;

    /// <summary>Creates the state of a worker that has not started.</summary>
    /// <param name="timeProvider">Clock of <see cref="FatalErrorAt"/>.</param>
    /// <param name="models">Where the worker leases its models; when given, <see cref="ModelVersion"/> follows hot swaps
    /// at once (not only when the next batch is scored).</param>
    public StreamingHealth(TimeProvider timeProvider, IScoringModelSource? models = null)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _timeProvider = timeProvider;
        _models = models;
    }

    /// <summary>Version of the model new batches are scored with (after a hot swap, the new one); null until the worker
    /// resolved its model and checked it against the thresholds.</summary>
    public string? ModelVersion => Volatile.Read(ref _modelVersion) is { } resolved ? _models?.Current.Version ?? resolved : null;

    /// <summary>True once the worker resolved its <see cref="Core.Scoring.IBatchScorer"/> and validated the model's
    /// thresholds against its score names.</summary>
    public bool ScorerLoaded => ModelVersion is not null;

    /// <summary>Partitions of the posts topic currently assigned to this worker by its consumer group.</summary>
    public int AssignedPartitions => Volatile.Read(ref _assignedPartitions);

    /// <summary>True while the worker's consume thread runs (from its start until it has left the group).</summary>
    public bool ConsumeLoopRunning => Volatile.Read(ref _loopRunning) != 0;

    /// <summary>True while consumption is paused because the scoring circuit breaker is open.</summary>
    public bool ScoringPaused => Volatile.Read(ref _scoringPaused) != 0;

    /// <summary>True once the host asked the worker to stop (it then finishes its in-flight batch).</summary>
    public bool Stopping => Volatile.Read(ref _stopping) != 0;

    /// <summary>The last fatal error reported by the worker (it then stops the application), or null.</summary>
    public Exception? FatalError => Volatile.Read(ref _fatal)?.Error;

    /// <summary>When <see cref="FatalError"/> was reported (from the <see cref="TimeProvider"/>), or null.</summary>
    public DateTimeOffset? FatalErrorAt => Volatile.Read(ref _fatal)?.At;

    internal void ScorerResolved(string modelVersion) => Volatile.Write(ref _modelVersion, modelVersion);

    internal void LoopRunning(bool running) => Volatile.Write(ref _loopRunning, running ? 1 : 0);

    internal void PartitionsAssigned(int count) => Volatile.Write(ref _assignedPartitions, count);

    internal void Paused(bool paused) => Volatile.Write(ref _scoringPaused, paused ? 1 : 0);

    internal void StopRequested() => Volatile.Write(ref _stopping, 1);

    internal void ReportFatal(Exception error) => Volatile.Write(ref _fatal, new FatalRecord(error, _timeProvider.GetUtcNow()));

    /// <summary>A snapshot of the properties for <see cref="Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Data"/>.</summary>
    internal IReadOnlyDictionary<string, object> ToData()
    {
        var data = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["consumeLoopRunning"] = ConsumeLoopRunning,
            ["scorerLoaded"] = ScorerLoaded,
            ["assignedPartitions"] = AssignedPartitions,
            ["scoringPaused"] = ScoringPaused,
            ["stopping"] = Stopping,
        };
        if (ModelVersion is { } version)
        {
            data["modelVersion"] = version;
        }

        if (Volatile.Read(ref _fatal) is { } fatal)
        {
            data["fatalError"] = fatal.Error.Message;
            data["fatalErrorAt"] = fatal.At;
        }

        return data;
    }

    private sealed record FatalRecord(Exception Error, DateTimeOffset At);
}
