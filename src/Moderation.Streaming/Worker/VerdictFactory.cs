using Confluent.Kafka;
using Moderation.Core.Contracts;
using Moderation.Core.Scoring;
using Moderation.Streaming.Records;

namespace Moderation.Streaming.Worker;

/// <summary>Builds <see cref="Verdict"/>s from score rows with the shared <see cref="VerdictRule"/>: flagged when any score &gt; its threshold.</summary>
internal sealed class VerdictFactory
{
    private readonly ModelDescriptor _model;
    private readonly VerdictRule _rule;

    /// <exception cref="InvalidOperationException">A threshold names a score the scorer does not produce.</exception>
    public VerdictFactory(ModelDescriptor model, IReadOnlyList<string> scoreNames)
    {
        _model = model;
        _rule = new VerdictRule(model.Thresholds, scoreNames, model.Version);
    }

    /// <summary>The verdict for <paramref name="record"/> given its score row (one value per score name).</summary>
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
