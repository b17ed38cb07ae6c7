namespace Moderation.Core.Scoring;

/// <summary>Scores a batch of pre-processed images with a model; created once, called per batch.</summary>
public interface IBatchScorer : IDisposable
{
    /// <summary>Names of the scores each image gets (e.g. <c>abnormal</c>), in the order of <see cref="Score"/>'s columns.</summary>
    IReadOnlyList<string> ScoreNames { get; }

    /// <summary>Scores <paramref name="count"/> images.</summary>
    /// <param name="images">float32 <c>[count,1,28,28]</c> in [−1,1], row-major.</param>
    /// <param name="count">Batch size N ≥ 1.</param>
    /// <returns>float32 <c>[count, ScoreNames.Count]</c>, row-major; higher = more suspicious.</returns>
    /// <exception cref="ArgumentException">The span is shorter than count·784.</exception>
    float[] Score(ReadOnlySpan<float> images, int count);
}
