namespace Moderation.Imaging;

/// <summary>A decoded 8-bit grayscale image, row-major, <c>byte [Height,Width]</c>, 0 black … 255 white.</summary>
public sealed class GrayImage
{
    /// <summary>Wraps <paramref name="pixels"/> (not copied).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A side is not positive.</exception>
    /// <exception cref="ArgumentException"><paramref name="pixels"/> does not hold width·height bytes.</exception>
    public GrayImage(int width, int height, byte[] pixels)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentNullException.ThrowIfNull(pixels);
        if (pixels.LongLength != (long)width * height)
        {
            throw new ArgumentException($"Expected {(long)width * height} pixels, got {pixels.LongLength}.", nameof(pixels));
        }

        Width = width;
        Height = height;
        Pixels = pixels;
    }

    /// <summary>Width in pixels.</summary>
    public int Width { get; }

    /// <summary>Height in pixels.</summary>
    public int Height { get; }

    /// <summary>Width·Height bytes, row after row from the top.</summary>
    public ReadOnlyMemory<byte> Pixels { get; }

    /// <summary>The pixel in column <paramref name="x"/> of row <paramref name="y"/>.</summary>
    public byte this[int x, int y] =>
        (uint)x < (uint)Width && (uint)y < (uint)Height
            ? Pixels.Span[(y * Width) + x]
            : throw new ArgumentOutOfRangeException(nameof(x), $"({x},{y}) is outside {Width}×{Height}.");
}
