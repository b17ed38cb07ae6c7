using System.Diagnostics.Metrics;

namespace Moderation.Streaming.Diagnostics;

/// <summary>
/// Instruments of the meter <see cref="MeterName"/> (System.Diagnostics.Metrics; collect them with a
/// <see cref="MeterListener"/>, <c>dotnet-counters</c> or OpenTelemetry). Created through <see cref="IMeterFactory"/>.
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
    /// <summary>Histogram of posts per scored batch.</summary>
    public const string BatchSize = "moderation.batch.size";
    /// <summary>Histogram of post-to-verdict latency in ms (scored-at minus posted-at).</summary>
    public const string Latency = "moderation.post_to_verdict.latency";

    private readonly Counter<long> _postsConsumed;
    private readonly Counter<long> _verdicts;
    private readonly Counter<long> _flags;
    private readonly Counter<long> _deadLettered;
    private readonly Counter<long> _pauses;
    private readonly Histogram<int> _batchSize;
    private readonly Histogram<double> _latency;

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
        _batchSize = meter.CreateHistogram<int>(BatchSize, "{post}", "Posts per scored batch");
        _latency = meter.CreateHistogram<double>(Latency, "ms", "Post-to-verdict latency");
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

    internal void RecordBatch(int size) => _batchSize.Record(size);
}
