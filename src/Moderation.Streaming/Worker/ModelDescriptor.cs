using Moderation.Core.Models;

namespace Moderation.Streaming.Worker;

/// <summary>
/// What the worker needs to know about the model behind the registered <see cref="Core.Scoring.IBatchScorer"/>:
/// registered in DI by the caller (typically built from the model card).
/// </summary>
/// <param name="Version">Model version written into every verdict (model card name and ONNX SHA-256 prefix).</param>
/// <param name="Thresholds">One threshold per score to flag on; each <see cref="ScoreThreshold.Reason"/> must be one of
/// the scorer's <see cref="Core.Scoring.IBatchScorer.ScoreNames"/>. A post is flagged when any score &gt; its value.</param>
public sealed record ModelDescriptor(string Version, IReadOnlyList<ScoreThreshold> Thresholds);
