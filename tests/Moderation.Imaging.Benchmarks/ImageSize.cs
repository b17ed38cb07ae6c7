namespace Moderation.Imaging.Benchmarks;

/// <summary>A benchmark parameter: an image size, shown as <c>width×height</c> and ordered by pixel count.</summary>
/// <param name="Width">Width in pixels.</param>
/// <param name="Height">Height in pixels.</param>
public readonly record struct ImageSize(int Width, int Height) : IComparable<ImageSize>, IComparable
{
    /// <summary>Width·height.</summary>
    public long Pixels => (long)Width * Height;

    /// <inheritdoc />
    public int CompareTo(ImageSize other) => Pixels.CompareTo(other.Pixels);

    /// <inheritdoc />
    public int CompareTo(object? obj) => obj is ImageSize other ? CompareTo(other) : 1;

    /// <inheritdoc />
    public override string ToString() => $"{Width}x{Height}";
}
