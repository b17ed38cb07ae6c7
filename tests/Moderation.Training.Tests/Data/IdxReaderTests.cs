using System.Buffers.Binary;
using System.IO.Compression;
using Moderation.Training.Data;

namespace Moderation.Training.Tests.Data;

public sealed class IdxReaderTests
{
    [Fact]
    public void TrainingSetHas60000ImagesOf28x28With6000PerClass()
    {
        var train = TestData.Train;
        Assert.Equal(60_000, train.Count);
        Assert.Equal((28, 28), (train.Height, train.Width));
        Assert.Equal(60_000 * 28 * 28, train.Pixels.Length);
        Assert.All(Enumerable.Range(0, 10), c => Assert.Equal(6_000, train.Labels.Count(l => l == c)));
        Assert.Equal(9, train.Labels[0]);
        Assert.Equal("Ankle boot", FashionMnist.ClassNames[train.Labels[0]]);
    }

    [Fact]
    public void TestSetHas10000ImagesWith1000PerClass()
    {
        var test = TestData.Test;
        Assert.Equal(10_000, test.Count);
        Assert.Equal((28, 28), (test.Height, test.Width));
        Assert.All(Enumerable.Range(0, 10), c => Assert.Equal(1_000, test.Labels.Count(l => l == c)));
        Assert.Equal(9, test.Labels[0]);
    }

    [Fact]
    public void PixelsSpanTheByteRange()
    {
        var first = TestData.Train.Image(0);
        Assert.Equal(784, first.Length);
        Assert.Equal(0, first.ToArray().Min());
        Assert.True(first.ToArray().Max() > 200, "an ankle boot has bright pixels");
    }

    [Fact]
    public void ReadsRawBigEndianIdx()
    {
        using var folder = new TempFolder();
        byte[] body = [0, 1, 2, 3, 4, 5, 250, 251, 252, 253, 254, 255];
        File.WriteAllBytes(folder.File("images"), [.. Header(2051, 2, 2, 3), .. body]);
        File.WriteAllBytes(folder.File("labels"), [.. Header(2049, 2), 7, 3]);

        var images = FashionMnist.Load(folder.File("images"), folder.File("labels"));

        Assert.Equal((2, 2, 3), (images.Count, images.Height, images.Width));
        Assert.Equal(body, images.Pixels);
        Assert.Equal([7, 3], images.Labels);
    }

    [Fact]
    public void ReadsGzippedIdxDetectedByMagic()
    {
        using var folder = new TempFolder();
        using (var gz = new GZipStream(File.Create(folder.File("labels.bin")), CompressionLevel.Fastest))
            gz.Write([.. Header(2049, 3), 1, 2, 3]);
        Assert.Equal([1, 2, 3], IdxReader.ReadLabels(folder.File("labels.bin")));
    }

    [Fact]
    public void LabelsFileAsImagesIsRejectedByMagic()
    {
        var labelsPath = Path.Combine(FashionMnist.DefaultFolder, "t10k-labels-idx1-ubyte.gz");
        var e = Assert.Throws<InvalidDataException>(() => IdxReader.ReadImages(labelsPath));
        Assert.Contains("magic number 2049", e.Message);
        Assert.Contains("expected 2051", e.Message);
        Assert.Contains(labelsPath, e.Message);
    }

    [Fact]
    public void TruncatedDataIsRejected()
    {
        using var folder = new TempFolder();
        File.WriteAllBytes(folder.File("images"), [.. Header(2051, 2, 2, 2), 1, 2, 3]);
        var e = Assert.Throws<InvalidDataException>(() => IdxReader.ReadImages(folder.File("images")));
        Assert.Contains("truncated: 3 of 8 bytes", e.Message);
    }

    [Fact]
    public void TrailingBytesAndShortHeadersAreRejected()
    {
        Assert.Throws<InvalidDataException>(() => IdxReader.ReadLabels(new MemoryStream([.. Header(2049, 1), 5, 6])));
        var e = Assert.Throws<InvalidDataException>(() => IdxReader.ReadImages(new MemoryStream([0, 0, 8])));
        Assert.Contains("header is truncated", e.Message);
    }

    [Fact]
    public void ImageAndLabelCountsMustAgree()
    {
        using var folder = new TempFolder();
        File.WriteAllBytes(folder.File("images"), [.. Header(2051, 1, 1, 1), 9]);
        File.WriteAllBytes(folder.File("labels"), [.. Header(2049, 2), 0, 1]);
        var e = Assert.Throws<InvalidDataException>(() => FashionMnist.Load(folder.File("images"), folder.File("labels")));
        Assert.Contains("1 images", e.Message);
    }

    private static byte[] Header(int magic, params int[] sizes)
    {
        var header = new byte[4 * (1 + sizes.Length)];
        BinaryPrimitives.WriteInt32BigEndian(header, magic);
        for (int i = 0; i < sizes.Length; i++) BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4 + 4 * i), sizes[i]);
        return header;
    }
}
