using Confluent.Kafka;
using Moderation.Core.Contracts;
using Moderation.Streaming.Records;

namespace Moderation.Streaming.Worker;

/// <summary>Builds <see cref="Verdict"/>s from score rows: flagged when any score &gt; its threshold.</summary>
public sealed class VerdictFactory
{
    private readonly ModelDescriptor _model;
    private readonly IReadOnlyList<string> _scoreNames;
    private readonly int[] _thresholdColumns;
    private readonly Dictionary<string, double> _thresholds;

    /// <summary>Maps each threshold of <paramref name="model"/> to its column of the score rows.</summary>
    /// <param name="model">Model version and thresholds written into every verdict.</param>
    /// <param name="scoreNames">Names of the score columns, in the order of a score row (<see cref="Core.Scoring.IBatchScorer.ScoreNames"/>).</param>
    /// <exception cref="InvalidOperationException">A threshold names a score the scorer does not produce.</exception>
    public VerdictFactory(ModelDescriptor model, IReadOnlyList<string> scoreNames)
    {
        _model = model;
        _scoreNames = scoreNames;
        _thresholdColumns = new int[model.Thresholds.Count];
        _thresholds = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var t = 0; t < model.Thresholds.Count; t++)
        {
            var threshold = model.Thresholds[t];
            _thresholdColumns[t] = IndexOf(scoreNames, threshold.Reason);
            if (_thresholdColumns[t] < 0)
            {
                throw new InvalidOperationException(
                    $"Threshold '{threshold.Reason}' of model {model.Version} has no score; the scorer produces [{string.Join(", ", scoreNames)}].");
            }

            _thresholds[threshold.Reason] = threshold.Value;
        }
    }

    /// <summary>The verdict for <paramref name="record"/> given its score row (one value per score name).</summary>
    /// <param name="record">The post record (key, headers, topic, partition, offset).</param>
    /// <param name="scores">One score per name given to the constructor, in that order.</param>
    /// <param name="scoredAtMs">When the post was scored, Unix ms; <see cref="Verdict.LatencyMs"/> counts from the post's
    /// <c>posted-at</c> header (else its Kafka timestamp) to it.</param>
    public Verdict Create(ConsumeResult<byte[]?, byte[]?> record, ReadOnlySpan<float> scores, long scoredAtMs)
    {
        var scoreMap = new Dictionary<string, double>(_scoreNames.Count, StringComparer.Ordinal);
        for (var c = 0; c < _scoreNames.Count; c++)
        {
            scoreMap[_scoreNames[c]] = scores[c];
        }

        var reasons = new List<string>();
        for (var t = 0; t < _thresholdColumns.Length; t++)
        {
            var threshold = _model.Thresholds[t];
            if (scores[_thresholdColumns[t]] > threshold.Value)
            {
                reasons.Add(threshold.Reason);
            }
        }

        var postedAt = PostRecords.PostedAtMs(record) ?? scoredAtMs;
        return new Verdict
        {
            PostId = PostRecords.PostId(record),
            Flagged = reasons.Count > 0,
            Reasons = reasons,
            Scores = scoreMap,
            Thresholds = _thresholds,
            ModelVersion = _model.Version,
            ScoredAtMs = scoredAtMs,
            LatencyMs = scoredAtMs - postedAt,
            SourceTopic = record.Topic,
            SourcePartition = record.Partition.Value,
            SourceOffset = record.Offset.Value,
            Headers = PostRecords.HeaderMap(record.Message.Headers),
        };
    }

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (string.Equals(names[i], name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
