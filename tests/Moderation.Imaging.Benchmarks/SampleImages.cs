using System.IO.Compression;

namespace Moderation.Imaging.Benchmarks;

/// <summary>The images the benchmarks decode: Fashion-MNIST test images (dataset-fashion-mnist package), alone at
/// 28×28 and as a 1024×768 mosaic of 16×12 images each upscaled to 64×64, so the large image has real edges and
/// texture rather than noise or flat colour.</summary>
public static class SampleImages
{
    private const string TestImages = "/usr/share/datasets/fashion-mnist/t10k-images-idx3-ubyte.gz";

    /// <summary>Fashion-MNIST test image 0 (an ankle boot), <c>byte [28,28]</c>.</summary>
    public static byte[] Gray28x28() => FashionMnist(1)[0];

    /// <summary>A 1024×768 mosaic of the first 192 Fashion-MNIST test images, each upscaled 28→64 by nearest
    /// neighbour, <c>byte [768,1024]</c>.</summary>
    public static byte[] Gray1024x768()
    {
        const int tile = 64, columns = 16, rows = 12, width = columns * tile;
        byte[][] images = FashionMnist(columns * rows);
        byte[] mosaic = new byte[width * rows * tile];
        for (int y = 0; y < rows * tile; y++)
        {
            for (int x = 0; x < width; x++)
            {
                byte[] image = images[((y / tile) * columns) + (x / tile)];
                mosaic[(y * width) + x] = image[((y % tile) * 28 / tile * 28) + ((x % tile) * 28 / tile)];
            }
        }

        return mosaic;
    }

    /// <summary>The first <paramref name="count"/> test images (IDX format: 16-byte header, 784 bytes per image).</summary>
    private static byte[][] FashionMnist(int count)
    {
        using var gzip = new GZipStream(File.OpenRead(TestImages), CompressionMode.Decompress);
        gzip.ReadExactly(new byte[16]);
        var images = new byte[count][];
        for (int i = 0; i < count; i++)
        {
            images[i] = new byte[784];
            gzip.ReadExactly(images[i]);
        }

        return images;
    }
}
