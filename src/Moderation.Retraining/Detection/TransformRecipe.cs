using System.ComponentModel.DataAnnotations;

namespace Moderation.Retraining.Detection;

/// <summary>How the GEOM transformation classifier (<c>TransformClassifierSpecs</c>) is trained on the normal fit
/// images: every image under each of the 8 dihedral transforms, labelled with its transform, shuffled, softmax
/// cross-entropy with Adam. Defaults from the prototype measurements in docs/evaluation/README.md (AUROC of the term
/// flat after about 4 epochs).</summary>
public sealed record TransformRecipe
{
    /// <summary>Channels of the first convolution; default 32.</summary>
    [Range(1, 512)] public int Width { get; init; } = 32;

    /// <summary>Passes over the fit images × 8 transforms; default 6.</summary>
    [Range(1, 1000)] public int Epochs { get; init; } = 6;

    /// <summary>Transformed images per Adam step; default 128.</summary>
    [Range(2, 4096)] public int BatchSize { get; init; } = 128;

    /// <summary>Adam step size; default 1e-3 (β = 0.9, 0.999).</summary>
    [Range(1e-7, 1.0)] public double LearningRate { get; init; } = 1e-3;
}
