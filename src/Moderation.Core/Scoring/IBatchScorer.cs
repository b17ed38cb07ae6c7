namespace Moderation.Core.Scoring;

/// <summary>Scores a batch of pre-processed images with a model; created once, called per batch.</summary>
public interface IBatchScorer : IDisposable
{
    /// <summary>Names of the scores each image gets (e.g. <c>abnormal</c>), in the order of <see cref="Score"/>'s columns.</summary>
    IReadOnlyList<string> ScoreNames { get; }

    /// <summary>Shape of one image as the model declares it, <c>[C,H,W]</c> (e.g. <c>[1,28,28]</c> for the shipped
    /// discriminator, read from the ONNX model's input metadata). The pre-processor must produce exactly this shape.</summary>
    IReadOnlyList<int> ImageShape { get; }

    /// <summary>Scores <paramref name="count"/> images.</summary>
    /// <param name="images">float32 <c>[count,C,H,W]</c> (<see cref="ImageShape"/>) in [−1,1], row-major; the first
    /// count·C·H·W values are used.</param>
    /// <param name="count">Batch size N ≥ 1.</param>
    /// <returns>float32 <c>[count, ScoreNames.Count]</c>, row-major; higher = more suspicious.</returns>
    /// <exception cref="ArgumentException">The span is shorter than count·C·H·W.</exception>
    float[] Score(ReadOnlySpan<float> images, int count);
}
