using SkiaSharp;

namespace Moderation.Retraining.Tests.ShippedModel;

/// <summary>
/// Degenerate images drawn here, as 8-bit grayscale pixels of several sizes: flat images of every 5th gray level,
/// near-flat images (a level ± 3), pure noise (uniform, Gaussian, salt and pepper), stripes (three orientations, three
/// periods), lines (horizontal, vertical, diagonal; 1 and 3 px; light on dark and dark on light) and text on plain
/// backgrounds (DejaVu Sans from Debian's fonts-dejavu-core, drawn by SkiaSharp).
/// </summary>
internal static class DegenerateCorpus
{
    private const string FontFile = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

    /// <summary>Sizes every kind is drawn at: the model's own, a small square and a landscape photo size.</summary>
    public static readonly (int Width, int Height)[] Sizes = [(28, 28), (64, 64), (200, 120)];

    /// <summary>(kind, width, height, pixels) for every image.</summary>
    public static IEnumerable<(string Kind, int Width, int Height, byte[] Pixels)> All()
    {
        var random = new Random(2026);
        foreach (var (w, h) in Sizes)
        {
            for (int level = 0; level <= 255; level += 5) yield return ("flat", w, h, Fill(w, h, (_, _) => level));
            foreach (int level in new[] { 0, 40, 128, 200, 255 })
                yield return ("near-flat", w, h, Fill(w, h, (_, _) => level + random.Next(-3, 4)));
            yield return ("noise-uniform", w, h, Fill(w, h, (_, _) => random.Next(256)));
            yield return ("noise-gaussian", w, h, Fill(w, h, (_, _) => 128 + 40 * Gaussian(random)));
            yield return ("noise-salt-pepper", w, h, Fill(w, h, (_, _) => random.Next(2) * 255));
            foreach (int period in new[] { 2, 4, 8 })
            {
                yield return ("stripes-horizontal", w, h, Fill(w, h, (x, y) => y / (period / 2) % 2 * 255));
                yield return ("stripes-vertical", w, h, Fill(w, h, (x, y) => x / (period / 2) % 2 * 255));
                yield return ("stripes-diagonal", w, h, Fill(w, h, (x, y) => (x + y) / (period / 2) % 2 * 255));
            }
            foreach (int thickness in new[] { 1, 3 })
            foreach (var (ink, paper) in new[] { (255, 0), (0, 255) })
            {
                yield return ("line-horizontal", w, h, Fill(w, h, (x, y) => Math.Abs(y - h / 2) * 2 < thickness ? ink : paper));
                yield return ("line-vertical", w, h, Fill(w, h, (x, y) => Math.Abs(x - w / 2) * 2 < thickness ? ink : paper));
                yield return ("line-diagonal", w, h, Fill(w, h, (x, y) => Math.Abs(x * h - y * w) < thickness * Math.Max(w, h) / 2 ? ink : paper));
            }
            foreach (var text in new[] { "hello", "BUY NOW", "lorem ipsum dolor", "12345" })
            foreach (var (ink, paper) in new[] { (255, 0), (0, 255), (180, 90) })
                yield return ("text", w, h, Text(w, h, text, ink, paper));
        }
    }

    /// <summary>Text centred on a plain background, its size fitted to the image's width.</summary>
    public static byte[] Text(int width, int height, string text, int ink, int paper)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        using (var canvas = new SKCanvas(bitmap))
        using (var typeface = SKTypeface.FromFile(FontFile) ?? throw new FileNotFoundException("fonts-dejavu-core is not installed (scripts/setup.sh)", FontFile))
        using (var font = new SKFont(typeface, 10))
        using (var paint = new SKPaint { Color = new SKColor((byte)ink, (byte)ink, (byte)ink), IsAntialias = true })
        {
            canvas.Clear(new SKColor((byte)paper, (byte)paper, (byte)paper));
            font.Size = Math.Min(height * 0.6f, 10 * width * 0.9f / font.MeasureText(text));
            canvas.DrawText(text, width / 2f, height / 2f + font.Size / 3, SKTextAlign.Center, font, paint);
        }
        var rgba = bitmap.GetPixelSpan();
        var gray = new byte[width * height];
        for (int i = 0; i < gray.Length; i++) gray[i] = rgba[4 * i];
        return gray;
    }

    private static byte[] Fill(int width, int height, Func<int, int, double> value)
    {
        var pixels = new byte[width * height];
        for (int y = 0; y < height; y++)
        for (int x = 0; x < width; x++) pixels[y * width + x] = (byte)Math.Clamp(Math.Round(value(x, y)), 0, 255);
        return pixels;
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
