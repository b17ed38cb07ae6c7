namespace Moderation.Imaging.Codecs;

/// <summary>In-place conversion of interleaved 8-bit RGBA (unpremultiplied) pixels to 8-bit gray.</summary>
/// <remarks>
/// Kept instead of Skia's own RGBA→Gray8 conversion, which weights R, G, B by BT.709 and ignores alpha (measured on
/// the rgb8.png/rgba8.png fixtures: up to 26.7 gray levels off BT.601; a fully transparent pixel stays dark instead
/// of white). Luma follows ITU-R BT.601 (the JFIF/JPEG convention, so PNG and WebP agree with a gray JPEG's Y):
/// Y = 0.299 R + 0.587 G + 0.114 B on the gamma-encoded (sRGB) values, in 16-bit fixed point with weights
/// 19595 + 38470 + 7471 = 65536 so that R = G = B maps to itself exactly. Transparent pixels are composited onto
/// white in the same gamma-encoded space: out = (Y·a + 255·(255 − a)) / 255, rounded to nearest.
/// Pixel i is written at byte i after bytes 4i … 4i+3 are read, so the conversion is safe in place.
/// </remarks>
internal static class GrayConversion
{
    private const int RedWeight = 19595;
    private const int GreenWeight = 38470;
    private const int BlueWeight = 7471;
    private const int Shift = 16;
    private const ulong CompositeDenominator = 255UL << Shift;

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
