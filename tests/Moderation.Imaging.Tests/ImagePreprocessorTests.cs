using System.Collections.Concurrent;
using Moderation.Core.Contracts;
using Moderation.Core.Imaging;
using Moderation.Tools.Imaging;

namespace Moderation.Imaging.Tests;

public sealed class ImagePreprocessorTests
{
    private readonly ImagePreprocessor preprocessor = new();

    [Fact]
    public void Default_size_is_28()
    {
        Assert.Equal(28, ((IImagePreprocessor)preprocessor).Size);
    }

    [Fact]
    public void Png_56x56_becomes_2x2_means_scaled_to_minus_one_one()
    {
        byte[] source = TestData.Noise(56, 56, seed: 7);
        float[] tensor = new float[28 * 28];

        preprocessor.Preprocess(ImageEncoder.EncodePng(source, 56, 56), "image/png", tensor);

        for (int y = 0; y < 28; y++)
        {
            for (int x = 0; x < 28; x++)
            {
                double mean = (source[(2 * y * 56) + (2 * x)] + source[(2 * y * 56) + (2 * x) + 1]
                    + source[(((2 * y) + 1) * 56) + (2 * x)] + source[(((2 * y) + 1) * 56) + (2 * x) + 1]) / 4.0;
                Assert.Equal((mean / 127.5) - 1, tensor[(y * 28) + x], tolerance: 1e-6);
            }
        }
    }

    [Theory]
    [InlineData(0, -1.0)]
    [InlineData(255, 1.0)]
    [InlineData(51, -0.6)]
    public void Constant_images_map_through_x_over_127_5_minus_1(byte value, double expected)
    {
        byte[] source = Enumerable.Repeat(value, 50 * 70).ToArray();
        float[] tensor = new float[28 * 28];

        preprocessor.Preprocess(ImageEncoder.EncodeWebPLossless(source, 50, 70), null, tensor);

        Assert.All(tensor, v => Assert.Equal(expected, v, tolerance: 1e-6));
    }

    [Fact]
    public void Small_image_is_upsampled_and_only_the_first_size_squared_floats_are_written()
    {
        byte[] source = TestData.Noise(10, 7, seed: 10);
        float[] tensor = Enumerable.Repeat(float.NaN, (28 * 28) + 3).ToArray();

        preprocessor.Preprocess(ImageEncoder.EncodeWebPLossless(source, 10, 7), "image/webp", tensor);

        Assert.All(tensor[..(28 * 28)], v => Assert.InRange(v, -1f, 1f));
        Assert.All(tensor[(28 * 28)..], v => Assert.True(float.IsNaN(v)));
        // Corner outputs lie inside the corner input pixels (28 > 10, 28 > 7), so they copy them.
        Assert.Equal((source[0] / 127.5) - 1, tensor[0], tolerance: 1e-6);
        Assert.Equal((source[^1] / 127.5) - 1, tensor[(28 * 28) - 1], tolerance: 1e-6);
    }

    [Fact]
    public void Custom_size_is_honoured()
    {
        var small = new ImagePreprocessor(new ImagingOptions { Size = 4 });
        float[] tensor = new float[16];

        small.Preprocess(ImageEncoder.EncodePng(Enumerable.Repeat((byte)255, 64).ToArray(), 8, 8), null, tensor);

        Assert.Equal(4, small.Size);
        Assert.All(tensor, v => Assert.Equal(1f, v));
    }

    [Fact]
    public void Destination_shorter_than_size_squared_is_an_argument_error()
    {
        Assert.Throws<ArgumentException>(() => preprocessor.Preprocess(TestData.Fixture("gray8.png"), null, new float[783]));
    }

    [Fact]
    public void Rejections_surface_with_their_reason()
    {
        float[] tensor = new float[28 * 28];

        Assert.Equal(DeadLetterReasons.Empty, TestData.Rejects(() => preprocessor.Preprocess([], null, tensor)).Reason);
        Assert.Equal(DeadLetterReasons.UnsupportedType,
            TestData.Rejects(() => preprocessor.Preprocess(TestData.Fixture("gray8.png"), "image/gif", tensor)).Reason);
    }

    [Fact]
    public void Parallel_calls_give_the_same_tensors_as_sequential_calls()
    {
        string[] files = ["gray8.png", "rgba8.png", "gray8-adam7.png", "rgb420-q95.jpg", "rgb444-progressive-q90.jpg",
            "rgb-q90.webp", "rgba-q90.webp", "rgba-lossless.webp"];
        byte[][] inputs = files.Select(TestData.Fixture).ToArray();
        float[][] expected = inputs.Select(bytes =>
        {
            float[] tensor = new float[28 * 28];
            preprocessor.Preprocess(bytes, null, tensor);
            return tensor;
        }).ToArray();
        var mismatches = new ConcurrentBag<int>();

        Parallel.For(0, 800, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            int k = i % inputs.Length;
            float[] tensor = new float[28 * 28];
            preprocessor.Preprocess(inputs[k], null, tensor);
            if (!tensor.AsSpan().SequenceEqual(expected[k]))
            {
                mismatches.Add(k);
            }
        });

        Assert.Empty(mismatches);
    }
}
