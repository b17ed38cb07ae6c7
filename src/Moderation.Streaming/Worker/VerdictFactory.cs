using Confluent.Kafka;
using Moderation.Core.Contracts;
using Moderation.Core.Scoring;
using Moderation.Streaming.Records;

namespace Moderation.Streaming.Worker;

/// <summary>Builds <see cref="Verdict"/>s from score rows with the shared <see cref="VerdictRule"/>: flagged when any score &gt; its threshold.</summary>
public sealed class VerdictFactory
{
    private readonly ModelDescriptor _model;
    private readonly VerdictRule _rule;

    /// <summary>Maps each threshold of <paramref name="model"/> to its column of the score rows.</summary>
    /// <param name="model">Model version and thresholds written into every verdict.</param>
    /// <param name="scoreNames">Names of the score columns, in the order of a score row (<see cref="Core.Scoring.IBatchScorer.ScoreNames"/>).</param>
    /// <exception cref="InvalidOperationException">A threshold names a score the scorer does not produce.</exception>
    public VerdictFactory(ModelDescriptor model, IReadOnlyList<string> scoreNames)
    {
        _model = model;
        _rule = new VerdictRule(model.Thresholds, scoreNames, model.Version);
    }

    /// <summary>The verdict for <paramref name="record"/> given its score row (one value per score name).</summary>
    /// <param name="record">The post record (key, headers, topic, partition, offset).</param>
    /// <param name="scores">One score per name given to the constructor, in that order.</param>
    /// <param name="scoredAtMs">When the post was scored, Unix ms; <see cref="Verdict.LatencyMs"/> counts from the post's
    /// <c>posted-at</c> header (else its Kafka timestamp) to it.</param>
    public Verdict Create(ConsumeResult<byte[]?, byte[]?> record, ReadOnlySpan<float> scores, long scoredAtMs)
    {
        var (scoreMap, reasons) = _rule.Judge(scores);
        var postedAt = PostRecords.PostedAtMs(record) ?? scoredAtMs;
        return new Verdict
        {
            PostId = PostRecords.PostId(record),
            Flagged = reasons.Count > 0,
            Reasons = reasons,
            Scores = scoreMap,
            Thresholds = _rule.Thresholds,
            ModelVersion = _model.Version,
            ScoredAtMs = scoredAtMs,
            LatencyMs = scoredAtMs - postedAt,
            SourceTopic = record.Topic,
            SourcePartition = record.Partition.Value,
            SourceOffset = record.Offset.Value,
            Headers = PostRecords.HeaderMap(record.Message.Headers),
        };
    }
}
