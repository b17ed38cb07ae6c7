using Moderation.Core.Imaging;
using Moderation.Core.Scoring;

namespace Moderation.Scoring.Discriminator;

/// <summary>
/// The model's input shape is one fact, read from the ONNX model; the pre-processor's output (<c>Imaging:Size</c>,
/// gray, so <c>[1,Size,Size]</c>) must match it, or every batch would be cut at the wrong image boundaries.
/// </summary>
public static class ModelInputCheck
{
    /// <summary>Throws when <paramref name="preprocessor"/> does not produce <paramref name="scorer"/>'s image shape.</summary>
    /// <exception cref="InvalidOperationException">The shapes differ; the message names both and the setting to change.</exception>
    public static void EnsureMatches(IBatchScorer scorer, IImagePreprocessor preprocessor)
    {
        ArgumentNullException.ThrowIfNull(scorer);
        ArgumentNullException.ThrowIfNull(preprocessor);
        var shape = scorer.ImageShape;
        if (shape.Count == 3 && shape[0] == 1 && shape[1] == preprocessor.Size && shape[2] == preprocessor.Size) return;
        var fix = shape.Count == 3 && shape[0] == 1 && shape[1] == shape[2]
            ? $"set Imaging:Size to {shape[1]}"
            : "this pre-processor only produces one-channel square images [1,Size,Size]";
        throw new InvalidOperationException(
            $"The model takes images [{string.Join(',', shape)}] (its ONNX input metadata), but Imaging:Size = {preprocessor.Size} " +
            $"makes the pre-processor produce [1,{preprocessor.Size},{preprocessor.Size}]: {fix}.");
    }
}
