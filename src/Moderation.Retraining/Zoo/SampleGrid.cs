using SkiaSharp;

namespace Moderation.Retraining.Zoo;

/// <summary>Tiles 28×28 images float32 in [−1,1] into one 8-bit grayscale PNG (Skia's libpng), for reports.</summary>
internal static class SampleGrid
{
    /// <summary>The first <paramref name="columns"/>·<paramref name="rows"/> images of <paramref name="images"/>, row-major,
    /// one pixel of gap; fewer images leave the rest black.</summary>
    public static unsafe byte[] Png(ReadOnlySpan<float> images, int count, int columns = 10, int rows = 4)
    {
        const int side = 28;
        int width = columns * (side + 1) - 1, height = rows * (side + 1) - 1;
        var pixels = new byte[width * height];
        for (int i = 0; i < Math.Min(count, columns * rows); i++)
        {
            int ox = i % columns * (side + 1), oy = i / columns * (side + 1);
            for (int y = 0; y < side; y++)
            for (int x = 0; x < side; x++)
                pixels[(oy + y) * width + ox + x] = (byte)Math.Round(Math.Clamp((images[i * side * side + y * side + x] + 1) * 127.5f, 0, 255));
        }
        fixed (byte* p = pixels)
        {
            using var pixmap = new SKPixmap(new SKImageInfo(width, height, SKColorType.Gray8, SKAlphaType.Opaque), (nint)p, width);
            using var png = pixmap.Encode(new SKPngEncoderOptions(SKPngEncoderFilterFlags.AllFilters, 9));
            return png?.ToArray() ?? throw new InvalidOperationException("Skia's PNG encoder failed");
        }
    }
}
