namespace Moderation.Imaging.Tests;

/// <summary>The pixel patterns of Fixtures/make_fixtures.py and the expected gray values computed from them with the
/// textbook formulas (in double precision, independent of the decoder's fixed-point arithmetic).</summary>
internal static class FixturePatterns
{
    public const int Width = 40;
    public const int Height = 30;

    public static readonly (int R, int G, int B)[] Palette = [(255, 0, 0), (0, 255, 0), (0, 0, 255), (40, 40, 40)];
    public static readonly int[] PaletteAlpha = [255, 128, 255, 0];

    public static int Gray(int x, int y) => (4 * x) + (2 * y);

    public static (int R, int G, int B) Rgb(int x, int y) => (6 * x, 8 * y, 255 - (3 * x) - (3 * y));

    public static int Alpha(int x, int y) => Math.Min(255, (7 * x) + (3 * y));

    public static int PaletteIndex(int x, int y) => ((x / 10) + (y / 10)) % 4;

    /// <summary>ITU-R BT.601 luma.</summary>
    public static double Luma(int r, int g, int b) => (0.299 * r) + (0.587 * g) + (0.114 * b);

    /// <summary>Gray value <paramref name="value"/> with coverage <paramref name="alpha"/> over white.</summary>
    public static double OverWhite(double value, int alpha) => ((value * alpha) + (255.0 * (255 - alpha))) / 255.0;

    public static double ExpectedGray(int x, int y) => Gray(x, y);

    public static double ExpectedRgb(int x, int y)
    {
        (int r, int g, int b) = Rgb(x, y);
        return Luma(r, g, b);
    }

    public static double ExpectedGrayAlpha(int x, int y) => OverWhite(Gray(x, y), Alpha(x, y));

    public static double ExpectedRgba(int x, int y) => OverWhite(ExpectedRgb(x, y), Alpha(x, y));

    public static double ExpectedPalette(int x, int y)
    {
        int index = PaletteIndex(x, y);
        (int r, int g, int b) = Palette[index];
        return OverWhite(Luma(r, g, b), PaletteAlpha[index]);
    }
}
