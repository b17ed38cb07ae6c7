using System.IO.Compression;
using Moderation.Core.Imaging;

namespace Moderation.Imaging.Tests;

/// <summary>Fixture files and deterministic synthetic images for the tests.</summary>
internal static class TestData
{
    public static byte[] Fixture(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    /// <summary>Image <paramref name="index"/> of the Fashion-MNIST test set (<c>byte [28,28]</c>, from the
    /// dataset-fashion-mnist package; IDX format: 16-byte header, then 784 bytes per image).</summary>
    public static byte[] FashionMnist(int index)
    {
        using var file = File.OpenRead("/usr/share/datasets/fashion-mnist/t10k-images-idx3-ubyte.gz");
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        byte[] skipped = new byte[16 + (784 * index)];
        gzip.ReadExactly(skipped);
        byte[] image = new byte[784];
        gzip.ReadExactly(image);
        return image;
    }

    /// <summary>Uniform noise, the hardest case for lossless codecs (every byte value, no structure).</summary>
    public static byte[] Noise(int width, int height, int seed)
    {
        byte[] pixels = new byte[width * height];
        new Random(seed).NextBytes(pixels);
        return pixels;
    }

    /// <summary>A smooth diagonal gradient with a soft disc, the kind of content lossy codecs keep well.</summary>
    public static byte[] Smooth(int width, int height)
    {
        byte[] pixels = new byte[width * height];
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                double dx = (x - (width / 2.0)) / width;
                double dy = (y - (height / 2.0)) / height;
                double disc = 60 * Math.Exp(-8 * ((dx * dx) + (dy * dy)));
                pixels[(y * width) + x] = (byte)Math.Clamp(40 + (120.0 * x / width) + (50.0 * y / height) + disc, 0, 255);
            }
        }

        return pixels;
    }

    /// <summary>Runs <paramref name="action"/> and returns the <see cref="ImageRejectedException"/> it must throw.</summary>
    public static ImageRejectedException Rejects(Action action) => Assert.Throws<ImageRejectedException>(action);
}
