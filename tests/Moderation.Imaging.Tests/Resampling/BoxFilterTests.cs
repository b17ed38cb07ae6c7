using Moderation.Imaging.Resampling;

namespace Moderation.Imaging.Tests.Resampling;

public sealed class BoxFilterTests
{
    [Fact]
    public void Halving_averages_each_2x2_block_exactly()
    {
        byte[] source = TestData.Noise(56, 56, seed: 56);
        float[] output = new float[28 * 28];

        BoxFilter.Resize(source, 56, 56, output, 28, 28);

        for (int y = 0; y < 28; y++)
        {
            for (int x = 0; x < 28; x++)
            {
                int sum = source[(2 * y * 56) + (2 * x)] + source[(2 * y * 56) + (2 * x) + 1]
                    + source[(((2 * y) + 1) * 56) + (2 * x)] + source[(((2 * y) + 1) * 56) + (2 * x) + 1];
                Assert.Equal(sum / 4f, output[(y * 28) + x]);
            }
        }
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(40, 30)]
    [InlineData(97, 13)]
    [InlineData(28, 28)]
    [InlineData(3000, 2000)]
    public void Constant_image_stays_constant(int width, int height)
    {
        byte[] source = Enumerable.Repeat((byte)173, width * height).ToArray();
        float[] output = new float[28 * 28];

        BoxFilter.Resize(source, width, height, output, 28, 28);

        Assert.All(output, value => Assert.Equal(173f, value));
    }

    [Fact]
    public void Three_to_two_weights_partial_pixels_by_covered_area()
    {
        // Output pixel 0 covers input [0, 1.5) on each axis: pixel 0 fully, pixel 1 half. In 2-D the weights are
        // 1·1, 1·½, ½·1, ½·½ over an area of 1.5² = 2.25, i.e. (4·a + 2·b + 2·d + 1·e) / 9.
        byte[] source = [10, 20, 30, 40, 50, 60, 70, 80, 90];
        float[] output = new float[4];

        BoxFilter.Resize(source, 3, 3, output, 2, 2);

        Assert.Equal((4 * 10 + 2 * 20 + 2 * 40 + 50) / 9.0, output[0], tolerance: 1e-5);
        Assert.Equal((2 * 20 + 4 * 30 + 50 + 2 * 60) / 9.0, output[1], tolerance: 1e-5);
        Assert.Equal((2 * 40 + 50 + 4 * 70 + 2 * 80) / 9.0, output[2], tolerance: 1e-5);
        Assert.Equal((50 + 2 * 60 + 2 * 80 + 4 * 90) / 9.0, output[3], tolerance: 1e-5);
    }

    [Fact]
    public void Upsampling_two_to_three_blends_only_the_straddled_pixel()
    {
        // 2 → 3: outputs cover [0, ⅔), [⅔, 4⁄3), [4⁄3, 2): pure a, half a + half b, pure b.
        float[] output = new float[3];

        BoxFilter.Resize([0, 255], 2, 1, output, 3, 1);

        Assert.Equal([0f, 127.5f, 255f], output);
    }

    [Fact]
    public void Single_pixel_fills_the_whole_output()
    {
        float[] output = new float[28 * 28];

        BoxFilter.Resize([42], 1, 1, output, 28, 28);

        Assert.All(output, value => Assert.Equal(42f, value));
    }

    [Theory]
    [InlineData(40, 30, 28, 28)]
    [InlineData(13, 7, 28, 28)]
    [InlineData(100, 3, 7, 5)]
    [InlineData(29, 31, 28, 28)]
    public void Matches_the_two_dimensional_area_integral(int width, int height, int outWidth, int outHeight)
    {
        byte[] source = TestData.Noise(width, height, seed: width * height);
        float[] output = new float[outWidth * outHeight];

        BoxFilter.Resize(source, width, height, output, outWidth, outHeight);

        for (int i = 0; i < outHeight; i++)
        {
            for (int j = 0; j < outWidth; j++)
            {
                Assert.Equal(AreaMean(source, width, height, j, i, outWidth, outHeight), output[(i * outWidth) + j], tolerance: 1e-4);
            }
        }
    }

    [Fact]
    public void Rejects_short_spans_and_bad_sizes()
    {
        Assert.Throws<ArgumentException>(() => BoxFilter.Resize(new byte[5], 2, 3, new float[4], 2, 2));
        Assert.Throws<ArgumentException>(() => BoxFilter.Resize(new byte[6], 2, 3, new float[3], 2, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => BoxFilter.Resize(new byte[6], 0, 3, new float[4], 2, 2));
    }

    /// <summary>Reference: the mean of the input over the output pixel's footprint, integrated pixel by pixel in
    /// real coordinates (no separability, no integer scaling).</summary>
    private static double AreaMean(byte[] source, int width, int height, int j, int i, int outWidth, int outHeight)
    {
        double x0 = (double)j * width / outWidth, x1 = (double)(j + 1) * width / outWidth;
        double y0 = (double)i * height / outHeight, y1 = (double)(i + 1) * height / outHeight;
        double sum = 0;
        for (int y = (int)Math.Floor(y0); y < Math.Min(height, Math.Ceiling(y1)); y++)
        {
            double coverY = Math.Min(y1, y + 1) - Math.Max(y0, y);
            for (int x = (int)Math.Floor(x0); x < Math.Min(width, Math.Ceiling(x1)); x++)
            {
                double coverX = Math.Min(x1, x + 1) - Math.Max(x0, x);
                sum += coverX * coverY * source[(y * width) + x];
            }
        }

        return sum / ((x1 - x0) * (y1 - y0));
    }
}
