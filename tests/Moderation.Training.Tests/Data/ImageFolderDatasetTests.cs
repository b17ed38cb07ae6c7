using Moderation.Core.Contracts;
using Moderation.Core.Imaging;
using Moderation.Training.Data;

namespace Moderation.Training.Tests.Data;

public sealed class ImageFolderDatasetTests
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0];
    private static readonly byte[] WebP = [.. "RIFF"u8, 0, 0, 0, 0, .. "WEBP"u8];

    [Fact]
    public void ReadsImageExtensionsInOrdinalOrderAndSkipsOthers()
    {
        using var folder = new TempFolder();
        File.WriteAllBytes(folder.File("b.jpg"), [.. Jpeg, 20]);
        File.WriteAllBytes(folder.File("a.PNG"), [.. Png, 10]);
        File.WriteAllBytes(folder.File("c.webp"), [.. WebP, 30]);
        File.WriteAllBytes(folder.File("d.jpeg"), [.. Jpeg, 40]);
        File.WriteAllText(folder.File("notes.txt"), "not an image");
        File.WriteAllBytes(folder.File("e.gif"), [.. "GIF89a"u8]);

        var data = new ImageFolderDataset(folder.Path, new MagicBytePreprocessor(size: 3)).Load();

        Assert.Equal(["a.PNG", "b.jpg", "c.webp", "d.jpeg"], data.Files.Select(Path.GetFileName));
        Assert.Equal((4, 3), (data.Count, data.Size));
        Assert.Equal(4 * 9, data.Images.Length);
        float[] expected = [.. new[] { 10, 20, 30, 40 }.SelectMany(v => Enumerable.Repeat(v / 127.5f - 1, 9))];
        Assert.Equal(expected, data.Images);
        Assert.Empty(data.Rejected);
    }

    [Fact]
    public void RejectedImagesAreListedWithTheirReason()
    {
        using var folder = new TempFolder();
        File.WriteAllBytes(folder.File("good.png"), [.. Png, 100]);
        File.WriteAllBytes(folder.File("fake.jpg"), [.. "hello"u8]);
        File.WriteAllBytes(folder.File("empty.png"), []);

        var data = new ImageFolderDataset(folder.Path, new MagicBytePreprocessor(size: 2)).Load();

        Assert.Equal(1, data.Count);
        Assert.Equal(4, data.Images.Length);
        Assert.Equal(
            [("empty.png", DeadLetterReasons.Empty), ("fake.jpg", DeadLetterReasons.UnsupportedType)],
            data.Rejected.Select(r => (Path.GetFileName(r.File), r.Reason)));
    }

    [Fact]
    public void SubFoldersAreReadOnlyWhenRecursive()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder.File("sub"));
        File.WriteAllBytes(folder.File("top.png"), [.. Png, 1]);
        File.WriteAllBytes(Path.Combine(folder.File("sub"), "inner.png"), [.. Png, 2]);
        var preprocessor = new MagicBytePreprocessor(size: 1);

        Assert.Equal(1, new ImageFolderDataset(folder.Path, preprocessor).Load().Count);
        Assert.Equal(2, new ImageFolderDataset(folder.Path, preprocessor, recursive: true).Load().Count);
    }

    [Fact]
    public void MissingFolderThrows() =>
        Assert.Throws<DirectoryNotFoundException>(() =>
            new ImageFolderDataset("/nonexistent/moderation", new MagicBytePreprocessor(1)).Load());

    [Fact]
    public void CancellationStopsLoading()
    {
        using var folder = new TempFolder();
        File.WriteAllBytes(folder.File("a.png"), [.. Png, 1]);
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.Throws<OperationCanceledException>(() =>
            new ImageFolderDataset(folder.Path, new MagicBytePreprocessor(1)).Load(cts.Token));
    }

    /// <summary>
    /// Sniffs PNG/JPEG/WebP magic bytes as the real preprocessor does and fills the image with the byte after the
    /// signature (x/127.5 − 1), so placement and order are visible. Decoding itself is Moderation.Imaging's job.
    /// </summary>
    private sealed class MagicBytePreprocessor(int size) : IImagePreprocessor
    {
        public int Size { get; } = size;

        public void Preprocess(ReadOnlySpan<byte> encoded, string? contentType, Span<float> destination)
        {
            if (encoded.IsEmpty) throw new ImageRejectedException(DeadLetterReasons.Empty, "no bytes");
            int signature = encoded.StartsWith(Png) ? Png.Length
                : encoded.StartsWith(Jpeg) ? Jpeg.Length
                : encoded.StartsWith(WebP) ? WebP.Length
                : throw new ImageRejectedException(DeadLetterReasons.UnsupportedType, "unknown magic bytes");
            destination[..(Size * Size)].Fill(encoded[signature] / 127.5f - 1);
        }
    }
}
