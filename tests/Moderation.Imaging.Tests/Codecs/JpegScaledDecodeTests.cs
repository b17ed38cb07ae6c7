using Moderation.Imaging.Codecs;
using Moderation.Imaging.Resampling;
using Moderation.Tools.Imaging;

namespace Moderation.Imaging.Tests.Codecs;

/// <summary>Large JPEGs are decoded at a DCT scale (1/2, 1/4, 1/8) when the caller resizes to a small target.</summary>
public sealed class JpegScaledDecodeTests
{
    private static readonly byte[] Mosaic = FashionMnistMosaic();
    private static readonly byte[] Jpeg = ImageEncoder.EncodeJpeg(Mosaic, 1024, 768, quality: 90);
    private readonly ImageDecoder decoder = new(new ImagingOptions());

    [Theory]
    [InlineData(0, 1024, 768)]   // no target: full size
    [InlineData(20, 128, 96)]    // 1/8: 96 ≥ 4·20
    [InlineData(28, 256, 192)]   // 1/8 would give 96 < 4·28; 1/4: 192 ≥ 112
    [InlineData(50, 512, 384)]   // 1/4 would give 192 < 200
    [InlineData(100, 1024, 768)] // 1/2 would give 384 < 400
    public void The_smallest_scale_that_keeps_four_decoded_pixels_per_output_pixel_is_chosen(int target, int width, int height)
    {
        using PooledGrayImage image = decoder.DecodePooled(Jpeg, "image/jpeg", target);

        Assert.Equal((width, height), (image.Width, image.Height));
    }

    [Fact]
    public void Png_is_decoded_at_full_size_whatever_the_target()
    {
        using PooledGrayImage image = decoder.DecodePooled(ImageEncoder.EncodePng(Mosaic, 1024, 768), null, 28);

        Assert.Equal((1024, 768), (image.Width, image.Height));
    }

    [Fact]
    public void Scaled_decode_then_box_filter_stays_close_to_full_decode_then_box_filter()
    {
        float[] full = new float[28 * 28], scaled = new float[28 * 28];
        GrayImage fullImage = decoder.Decode(Jpeg, null);
        BoxFilter.Resize(fullImage.Pixels.Span, 1024, 768, full, 28, 28);

        new ImagePreprocessor().Preprocess(Jpeg, null, scaled);

        // 1/4 scale (256×192). Measured: max 6.71, mean 0.81 gray levels (SkiaSharp 4.156.1).
        double[] errors = [.. full.Zip(scaled, (f, s) => Math.Abs(f - ((s + 1) * 127.5)))];
        Assert.True(errors.Max() < 10, $"max |error| {errors.Max():F2}");
        Assert.True(errors.Average() < 1.5, $"mean |error| {errors.Average():F3}");
        Assert.NotEqual(0, errors.Max()); // the scaled path was really taken
    }

    /// <summary>1024×768: the first 192 Fashion-MNIST test images, each upscaled 28→64 by nearest neighbour.</summary>
    private static byte[] FashionMnistMosaic()
    {
        byte[][] images = [.. Enumerable.Range(0, 192).Select(TestData.FashionMnist)];
        byte[] mosaic = new byte[1024 * 768];
        for (int y = 0; y < 768; y++)
        {
            for (int x = 0; x < 1024; x++)
            {
                mosaic[(y * 1024) + x] = images[((y / 64) * 16) + (x / 64)][((y % 64) * 28 / 64 * 28) + ((x % 64) * 28 / 64)];
            }
        }

        return mosaic;
    }
}
