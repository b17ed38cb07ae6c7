using Moderation.Core.Models;

namespace Moderation.Retraining;

/// <summary>What a retraining run wrote.</summary>
/// <param name="Folder">The model folder (<c>discriminator.onnx</c>, <c>generator.onnx</c>, <c>model-card.json</c>).</param>
/// <param name="Card">The model card written.</param>
/// <param name="TrainImagesPerSecond">GAN training throughput, real images per second.</param>
/// <param name="WallSeconds">Whole run, s.</param>
public sealed record RetrainingResult(string Folder, ModelCard Card, double TrainImagesPerSecond, double WallSeconds);
