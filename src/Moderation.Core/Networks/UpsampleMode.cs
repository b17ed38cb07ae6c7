namespace Moderation.Core.Networks;

/// <summary>Interpolation of an <see cref="UpsampleSpec"/>.</summary>
public enum UpsampleMode
{
    /// <summary>Each output pixel copies the input pixel at ⌊out·(1/scale)⌋ (PyTorch <c>mode="nearest"</c>; ONNX
    /// <c>Resize</c> mode <c>nearest</c>, <c>asymmetric</c> coordinates, <c>floor</c> rounding).</summary>
    Nearest,

    /// <summary>Bilinear with half-pixel centres (PyTorch <c>mode="bilinear", align_corners=False</c>; ONNX <c>Resize</c>
    /// mode <c>linear</c>, <c>half_pixel</c> coordinates).</summary>
    Bilinear,
}
