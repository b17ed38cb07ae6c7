using Moderation.Tools.Imaging;

namespace Moderation.Imaging.Benchmarks;

/// <summary>One gray image encoded as PNG, JPEG (quality 90) and lossy WebP (quality 90) with
/// <see cref="ImageEncoder"/>.</summary>
/// <param name="gray">The pixels, <c>byte [height,width]</c>.</param>
/// <param name="width">Width in pixels.</param>
/// <param name="height">Height in pixels.</param>
public sealed class EncodedSet(byte[] gray, int width, int height)
{
    /// <summary>8-bit gray PNG.</summary>
    public byte[] Png { get; } = ImageEncoder.EncodePng(gray, width, height);

    /// <summary>Baseline gray JPEG, quality 90.</summary>
    public byte[] Jpeg { get; } = ImageEncoder.EncodeJpeg(gray, width, height, quality: 90);

    /// <summary>Lossy WebP, quality 90.</summary>
    public byte[] WebP { get; } = ImageEncoder.EncodeWebP(gray, width, height, quality: 90f);
}
