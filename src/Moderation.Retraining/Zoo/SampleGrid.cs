using SkiaSharp;

namespace Moderation.Retraining.Zoo;

/// <summary>Tiles 28×28 images float32 in [−1,1] into one 8-bit grayscale PNG (Skia's libpng), for reports and for the
/// zoo samples kept with a model; lossless for images quantised to 8 bits (<see cref="FamilySamples"/>), so
/// <see cref="Read"/> gives the tiles back exactly.</summary>
internal static class SampleGrid
{
    private const int Side = 28;

    /// <summary>The first <paramref name="columns"/>·<paramref name="rows"/> images of <paramref name="images"/>, row-major,
    /// one pixel of gap; fewer images leave the rest black.</summary>
    public static unsafe byte[] Png(ReadOnlySpan<float> images, int count, int columns = 10, int rows = 4)
    {
        int width = columns * (Side + 1) - 1, height = rows * (Side + 1) - 1;
        var pixels = new byte[width * height];
        for (int i = 0; i < Math.Min(count, columns * rows); i++)
        {
            int ox = i % columns * (Side + 1), oy = i / columns * (Side + 1);
            for (int y = 0; y < Side; y++)
            for (int x = 0; x < Side; x++)
                pixels[(oy + y) * width + ox + x] = (byte)Math.Round(Math.Clamp((images[i * Side * Side + y * Side + x] + 1) * 127.5f, 0, 255));
        }
        fixed (byte* p = pixels)
        {
            using var pixmap = new SKPixmap(new SKImageInfo(width, height, SKColorType.Gray8, SKAlphaType.Opaque), (nint)p, width);
            using var png = pixmap.Encode(new SKPngEncoderOptions(SKPngEncoderFilterFlags.AllFilters, 9));
            return png?.ToArray() ?? throw new InvalidOperationException("Skia's PNG encoder failed");
        }
    }

    /// <summary>The tiles of a grid written by <see cref="Png"/>, row-major, as float32 <c>[columns·rows,1,28,28]</c> in
    /// [−1,1] (v = byte/127.5 − 1).</summary>
    /// <exception cref="InvalidDataException">Not a PNG Skia decodes, or not the size of such a grid.</exception>
    public static float[] Read(byte[] png, int columns = 10, int rows = 4)
    {
        int width = columns * (Side + 1) - 1, height = rows * (Side + 1) - 1;
        using var codec = SKCodec.Create(new MemoryStream(png)) ?? throw new InvalidDataException("the sample grid is not an image Skia decodes");
        if (codec.Info.Width != width || codec.Info.Height != height)
            throw new InvalidDataException($"a {columns}×{rows} grid is {width}×{height} pixels, not {codec.Info.Width}×{codec.Info.Height}");
        using var bitmap = SKBitmap.Decode(codec, new SKImageInfo(width, height, SKColorType.Gray8, SKAlphaType.Opaque))
            ?? throw new InvalidDataException("the sample grid could not be decoded");
        var pixels = bitmap.GetPixelSpan();
        var images = new float[columns * rows * Side * Side];
        for (int i = 0; i < columns * rows; i++)
        {
            int ox = i % columns * (Side + 1), oy = i / columns * (Side + 1);
            for (int y = 0; y < Side; y++)
            for (int x = 0; x < Side; x++)
                images[i * Side * Side + y * Side + x] = pixels[(oy + y) * bitmap.RowBytes + ox + x] / 127.5f - 1;
        }
        return images;
    }
}
