using System.Diagnostics.Metrics;

namespace Moderation.Streaming.Diagnostics;

/// <summary>
/// Instruments of the meter <see cref="MeterName"/> (System.Diagnostics.Metrics; collect them with a
/// <see cref="MeterListener"/>, <c>dotnet-counters</c> or OpenTelemetry). Created through <see cref="IMeterFactory"/>.
/// Tag names follow the OpenTelemetry conventions where one exists (<c>error.type</c>).
/// </summary>
public sealed class StreamingMetrics
{
    /// <summary>Name of the meter.</summary>
    public const string MeterName = "Moderation.Streaming";
    /// <summary>Counter of posts consumed from the posts topic.</summary>
    public const string PostsConsumed = "moderation.posts.consumed";
    /// <summary>Counter of verdicts produced (acknowledged).</summary>
    public const string VerdictsProduced = "moderation.verdicts.produced";
    /// <summary>Counter of flagged verdicts produced to the flags topic.</summary>
    public const string FlagsProduced = "moderation.flags.produced";
    /// <summary>Counter of dead-lettered posts, tagged <c>reason</c> (a DeadLetterReasons value).</summary>
    public const string DeadLettered = "moderation.dead_lettered";
    /// <summary>Counter of times the scoring circuit breaker paused consumption.</summary>
    public const string ScoringPauses = "moderation.scoring.pauses";
    /// <summary>Counter of scoring retries, tagged <c>error.type</c> (full name of the scorer's exception type).</summary>
    public const string ScoringRetries = "moderation.scoring.retries";
    /// <summary>Counter of scoring circuit-breaker transitions, tagged <c>state</c>: <c>open</c>, <c>half_open</c> or <c>closed</c>.</summary>
    public const string BreakerTransitions = "moderation.scoring.breaker.transitions";
    /// <summary>Counter of produce retries, tagged <c>topic</c> and <c>error.type</c> (the librdkafka error code name,
    /// or <c>timeout</c> when the attempt ran past the produce timeout).</summary>
    public const string ProduceRetries = "moderation.produce.retries";
    /// <summary>Counter of produce attempts without a delivery report in time, tagged <c>topic</c>: the per-attempt
    /// timeout of the produce pipeline or librdkafka's <c>message.timeout.ms</c> (Local_MsgTimedOut).</summary>
    public const string ProduceTimeouts = "moderation.produce.timeouts";
    /// <summary>Counter of partition revocations (rebalances that took this worker's partitions). Batches finished while
    /// the group refuses their commits are delivered again to the next owner: each revocation can redo a few batches.</summary>
    public const string Revocations = "moderation.partitions.revocations";
    /// <summary>Histogram of posts per scored batch.</summary>
    public const string BatchSize = "moderation.batch.size";
    /// <summary>Histogram of post-to-verdict latency in ms: from the post's <c>posted-at</c> until the broker acknowledged
    /// its verdict (so it includes the produce acknowledgement, which the verdict's own <c>latencyMs</c> cannot).</summary>
    public const string Latency = "moderation.post_to_verdict.latency";
    /// <summary>Histogram of the duration in ms of one batch's pipeline stage, tagged <c>stage</c>: <see cref="StageDecode"/>,
    /// <see cref="StageScore"/>, <see cref="StageProduce"/> or <see cref="StageEndToEnd"/>.</summary>
    public const string StageDuration = "moderation.batch.stage.duration";
    /// <summary><see cref="StageDuration"/> tag value: decoding the batch's images (consume thread, in parallel).</summary>
    public const string StageDecode = "decode";
    /// <summary><see cref="StageDuration"/> tag value: the scorer call with its retries (scoring thread).</summary>
    public const string StageScore = "score";
    /// <summary><see cref="StageDuration"/> tag value: building, serialising and enqueueing the batch's outputs.</summary>
    public const string StageProduce = "produce";
    /// <summary><see cref="StageDuration"/> tag value: from closing the batch until every output was acknowledged.</summary>
    public const string StageEndToEnd = "end_to_end";
    /// <summary>Gauge of the consumer lag in messages per assigned partition (tags <c>topic</c>, <c>partition</c>): high
    /// watermark minus the group's committed position, sampled every <c>Monitoring:ConsumerLagIntervalMs</c>.</summary>
    public const string ConsumerLag = "moderation.consumer.lag";

    private readonly Counter<long> _postsConsumed;
    private readonly Counter<long> _verdicts;
    private readonly Counter<long> _flags;
    private readonly Counter<long> _deadLettered;
    private readonly Counter<long> _pauses;
    private readonly Counter<long> _scoringRetries;
    private readonly Counter<long> _breakerTransitions;
    private readonly Counter<long> _produceRetries;
    private readonly Counter<long> _produceTimeouts;
    private readonly Counter<long> _revocations;
    private readonly Histogram<int> _batchSize;
    private readonly Histogram<double> _latency;
    private readonly Histogram<double> _stage;
    private ConsumerLagTracker? _lag;

    /// <summary>Creates the meter and its instruments.</summary>
    public StreamingMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _postsConsumed = meter.CreateCounter<long>(PostsConsumed, "{post}", "Posts consumed");
        _verdicts = meter.CreateCounter<long>(VerdictsProduced, "{verdict}", "Verdicts produced");
        _flags = meter.CreateCounter<long>(FlagsProduced, "{verdict}", "Flagged verdicts produced");
        _deadLettered = meter.CreateCounter<long>(DeadLettered, "{post}", "Posts dead-lettered, by reason");
        _pauses = meter.CreateCounter<long>(ScoringPauses, "{pause}", "Consumption pauses while the scoring breaker is open");
        _scoringRetries = meter.CreateCounter<long>(ScoringRetries, "{retry}", "Scoring retries, by error type");
        _breakerTransitions = meter.CreateCounter<long>(BreakerTransitions, "{transition}", "Scoring circuit-breaker transitions, by new state");
        _produceRetries = meter.CreateCounter<long>(ProduceRetries, "{retry}", "Produce retries, by topic and error type");
        _produceTimeouts = meter.CreateCounter<long>(ProduceTimeouts, "{attempt}", "Produce attempts timed out, by topic");
        _revocations = meter.CreateCounter<long>(Revocations, "{revocation}", "Partition revocations (rebalances)");
        _batchSize = meter.CreateHistogram<int>(BatchSize, "{post}", "Posts per scored batch");
        _latency = meter.CreateHistogram<double>(Latency, "ms", "Post-to-verdict latency, until the verdict was acknowledged");
        _stage = meter.CreateHistogram<double>(StageDuration, "ms", "Duration of a batch's pipeline stage");
        meter.CreateObservableGauge(ConsumerLag, ObserveLag, "{message}", "Messages not yet committed, per assigned partition");
    }

    internal void RecordConsumed(int count) => _postsConsumed.Add(count);

    internal void RecordVerdict(bool flagged, double latencyMs)
    {
        _verdicts.Add(1);
        if (flagged)
        {
            _flags.Add(1);
        }

        _latency.Record(latencyMs);
    }

    internal void RecordDeadLetter(string reason) => _deadLettered.Add(1, new KeyValuePair<string, object?>("reason", reason));

    internal void RecordPause() => _pauses.Add(1);

    internal void RecordRevocation() => _revocations.Add(1);

    internal void RecordBatch(int size) => _batchSize.Record(size);

    internal void RecordStage(string stage, double milliseconds) => _stage.Record(milliseconds, new KeyValuePair<string, object?>("stage", stage));

    internal void RecordScoringRetry(string errorType) => _scoringRetries.Add(1, new KeyValuePair<string, object?>("error.type", errorType));

    internal void RecordBreakerTransition(string state) => _breakerTransitions.Add(1, new KeyValuePair<string, object?>("state", state));

    internal void RecordProduceRetry(string topic, string errorType) =>
        _produceRetries.Add(1, new KeyValuePair<string, object?>("topic", topic), new KeyValuePair<string, object?>("error.type", errorType));

    internal void RecordProduceTimeout(string topic) => _produceTimeouts.Add(1, new KeyValuePair<string, object?>("topic", topic));

    /// <summary>Makes <paramref name="tracker"/> the source of the lag gauge (one consumer per worker).</summary>
    internal void AttachLag(ConsumerLagTracker tracker) => Volatile.Write(ref _lag, tracker);

    /// <summary>Stops measuring <paramref name="tracker"/>'s partitions unless another tracker replaced it.</summary>
    internal void DetachLag(ConsumerLagTracker tracker) => Interlocked.CompareExchange(ref _lag, null, tracker);

    private IEnumerable<Measurement<long>> ObserveLag() => Volatile.Read(ref _lag)?.Measure() ?? [];
}
