namespace Moderation.Imaging.Codecs;

/// <summary>In-place conversion of interleaved 8-bit gray+alpha, RGB and RGBA pixels to 8-bit gray.</summary>
/// <remarks>
/// Luma follows ITU-R BT.601 (the JFIF/JPEG convention, so PNG and WebP agree with JPEG's Y channel):
/// Y = 0.299 R + 0.587 G + 0.114 B on the gamma-encoded (sRGB) values, in 16-bit fixed point with weights
/// 19595 + 38470 + 7471 = 65536 so that R = G = B maps to itself exactly. Transparent pixels are composited onto
/// white in the same gamma-encoded space: out = (Y·a + 255·(255 − a)) / 255, rounded to nearest.
/// Each conversion writes pixel i at byte i after reading bytes c·i … c·i+c−1 (c ≥ 2), so it is safe in place.
/// </remarks>
internal static class GrayConversion
{
    private const int RedWeight = 19595;
    private const int GreenWeight = 38470;
    private const int BlueWeight = 7471;
    private const int Shift = 16;
    private const ulong CompositeDenominator = 255UL << Shift;

    public static void GrayAlphaToGray(Span<byte> pixels, int count)
    {
        for (int i = 0; i < count; i++)
        {
            int g = pixels[2 * i];
            int a = pixels[(2 * i) + 1];
            pixels[i] = (byte)(((g * a) + (255 * (255 - a)) + 127) / 255);
        }
    }

    public static void RgbToGray(Span<byte> pixels, int count)
    {
        for (int i = 0; i < count; i++)
        {
            int o = 3 * i;
            pixels[i] = (byte)(((RedWeight * pixels[o]) + (GreenWeight * pixels[o + 1]) + (BlueWeight * pixels[o + 2])
                + (1 << (Shift - 1))) >> Shift);
        }
    }

    public static void RgbaToGray(Span<byte> pixels, int count)
    {
        for (int i = 0; i < count; i++)
        {
            int o = 4 * i;
            ulong luma = (ulong)((RedWeight * pixels[o]) + (GreenWeight * pixels[o + 1]) + (BlueWeight * pixels[o + 2]));
            ulong a = pixels[o + 3];
            ulong composite = (luma * a) + (CompositeDenominator * (255 - a)) + (CompositeDenominator / 2);
            pixels[i] = (byte)(composite / CompositeDenominator);
        }
    }
}
