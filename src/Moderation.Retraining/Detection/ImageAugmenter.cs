using SkiaSharp;

namespace Moderation.Retraining.Detection;

/// <summary>Applies an <see cref="AugmentationRecipe"/> to 28×28 images float32 in [−1,1], in place; seeded through
/// the <see cref="Random"/> it is given. Not thread-safe.</summary>
internal sealed class ImageAugmenter(AugmentationRecipe recipe, Random random)
{
    private const int Side = 28, Pixels = Side * Side;
    private readonly float[] _scratch = new float[Pixels];
    private readonly byte[] _gray = new byte[Pixels];

    /// <summary>Augments each of the <paramref name="count"/> images of <paramref name="images"/> (<c>[count,1,28,28]</c>).</summary>
    public void Apply(Span<float> images, int count)
    {
        for (int i = 0; i < count; i++)
        {
            var image = images.Slice(i * Pixels, Pixels);
            if (random.NextDouble() < recipe.BlurProbability) Blur(image, 0.3 + random.NextDouble() * (recipe.MaxBlurSigma - 0.3));
            if (random.NextDouble() < recipe.ResizeProbability) Resize(image, random.Next(18, 28));
            if (random.NextDouble() < recipe.NoiseProbability) Noise(image, 0.01 + random.NextDouble() * 0.03);
            if (random.NextDouble() < recipe.JpegProbability) Jpeg(image, random.Next(recipe.MinJpegQuality, 96));
            else Zoo.ZooTrainer.Quantise(image);
        }
    }

    /// <summary>Separable Gaussian blur, kernel radius ⌈3σ⌉, borders clamped.</summary>
    internal void Blur(Span<float> image, double sigma)
    {
        int radius = (int)Math.Ceiling(3 * sigma);
        var kernel = new float[2 * radius + 1];
        double sum = 0;
        for (int k = -radius; k <= radius; k++) sum += kernel[k + radius] = (float)Math.Exp(-k * k / (2 * sigma * sigma));
        for (int k = 0; k < kernel.Length; k++) kernel[k] /= (float)sum;
        for (int pass = 0; pass < 2; pass++)
        {
            for (int y = 0; y < Side; y++)
            for (int x = 0; x < Side; x++)
            {
                float v = 0;
                for (int k = -radius; k <= radius; k++)
                {
                    int xx = pass == 0 ? Math.Clamp(x + k, 0, Side - 1) : x, yy = pass == 1 ? Math.Clamp(y + k, 0, Side - 1) : y;
                    v += kernel[k + radius] * image[yy * Side + xx];
                }
                _scratch[y * Side + x] = v;
            }
            _scratch.CopyTo(image);
        }
    }

    /// <summary>Bilinear (half-pixel centres) resize to <paramref name="side"/>² and back to 28².</summary>
    internal void Resize(Span<float> image, int side)
    {
        var small = Bilinear(image, Side, side);
        Bilinear(small, side, Side).CopyTo(image);
    }

    private static float[] Bilinear(ReadOnlySpan<float> source, int from, int to)
    {
        var result = new float[to * to];
        double scale = (double)from / to;
        for (int y = 0; y < to; y++)
        for (int x = 0; x < to; x++)
        {
            double sy = Math.Clamp((y + 0.5) * scale - 0.5, 0, from - 1), sx = Math.Clamp((x + 0.5) * scale - 0.5, 0, from - 1);
            int y0 = (int)sy, x0 = (int)sx, y1 = Math.Min(y0 + 1, from - 1), x1 = Math.Min(x0 + 1, from - 1);
            double fy = sy - y0, fx = sx - x0;
            result[y * to + x] = (float)((1 - fy) * ((1 - fx) * source[y0 * from + x0] + fx * source[y0 * from + x1])
                + fy * ((1 - fx) * source[y1 * from + x0] + fx * source[y1 * from + x1]));
        }
        return result;
    }

    private void Noise(Span<float> image, double sigma)
    {
        for (int i = 0; i < image.Length; i++)
        {
            double u = 1 - random.NextDouble(), v = random.NextDouble(); // Box–Muller
            image[i] = Math.Clamp(image[i] + (float)(sigma * Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * v)), -1f, 1f);
        }
    }

    /// <summary>Encodes the image as an 8-bit grayscale JPEG with Skia and decodes it back.</summary>
    internal unsafe void Jpeg(Span<float> image, int quality)
    {
        for (int i = 0; i < Pixels; i++) _gray[i] = (byte)Math.Round(Math.Clamp((image[i] + 1) * 127.5f, 0, 255));
        SKData? encoded;
        fixed (byte* pixels = _gray)
        {
            using var pixmap = new SKPixmap(new SKImageInfo(Side, Side, SKColorType.Gray8, SKAlphaType.Opaque), (nint)pixels, Side);
            encoded = pixmap.Encode(new SKJpegEncoderOptions(quality));
        }
        using (encoded)
        using (var decoded = SKBitmap.Decode(encoded ?? throw new InvalidOperationException("Skia's JPEG encoder failed"), new SKImageInfo(Side, Side, SKColorType.Gray8, SKAlphaType.Opaque)))
        {
            var bytes = (decoded ?? throw new InvalidOperationException("Skia could not decode its own JPEG")).GetPixelSpan();
            for (int i = 0; i < Pixels; i++) image[i] = bytes[i] / 127.5f - 1;
        }
    }
}
