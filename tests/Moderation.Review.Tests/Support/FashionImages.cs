using System.IO.Compression;
using Moderation.Tools.Imaging;

namespace Moderation.Review.Tests.Support;

/// <summary>Real images: Fashion-MNIST test images (Debian's <c>dataset-fashion-mnist</c>, IDX format: a 16-byte header,
/// then 28×28 bytes per image) encoded as PNG.</summary>
internal static class FashionImages
{
    private const string Path = "/usr/share/datasets/fashion-mnist/t10k-images-idx3-ubyte.gz";
    private const int Side = 28;

    private static readonly Lazy<byte[]> Pixels = new(() =>
    {
        Assert.True(File.Exists(Path), $"{Path} is missing: run scripts/setup.sh (apt-get install -y dataset-fashion-mnist).");
        using var gz = new GZipStream(File.OpenRead(Path), CompressionMode.Decompress);
        using var memory = new MemoryStream();
        gz.CopyTo(memory);
        return memory.ToArray();
    });

    /// <summary>Test image <paramref name="index"/> as PNG bytes.</summary>
    public static byte[] Png(int index) => ImageEncoder.EncodePng(Pixels.Value.AsSpan(16 + (index * Side * Side), Side * Side), Side, Side);
}
