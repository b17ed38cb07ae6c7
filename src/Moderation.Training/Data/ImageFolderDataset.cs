using Moderation.Core.Imaging;

namespace Moderation.Training.Data;

/// <summary>
/// Unlabelled training images from a folder: every <c>*.png</c>, <c>*.jpg</c>, <c>*.jpeg</c> and <c>*.webp</c> file
/// (extension case-insensitive), in ordinal order of path, decoded and resized by an <see cref="IImagePreprocessor"/>.
/// </summary>
/// <param name="folder">The folder to read.</param>
/// <param name="preprocessor">Decoder producing float32 <c>[1,Size,Size]</c> in [−1,1] per image.</param>
/// <param name="recursive">Also read sub-folders.</param>
public sealed class ImageFolderDataset(string folder, IImagePreprocessor preprocessor, bool recursive = false)
{
    private readonly IImagePreprocessor _preprocessor = preprocessor ?? throw new ArgumentNullException(nameof(preprocessor));

    /// <summary>File extensions read, lower case with the dot.</summary>
    public static IReadOnlySet<string> Extensions { get; } =
        new HashSet<string>([".png", ".jpg", ".jpeg", ".webp"], StringComparer.OrdinalIgnoreCase);

    /// <summary>The folder read.</summary>
    public string Folder { get; } = folder ?? throw new ArgumentNullException(nameof(folder));

    /// <summary>The image files that <see cref="Load"/> reads, full paths in ordinal order.</summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    public IReadOnlyList<string> Files()
    {
        if (!Directory.Exists(Folder)) throw new DirectoryNotFoundException($"image folder {Folder} does not exist");
        return [.. Directory.EnumerateFiles(Path.GetFullPath(Folder), "*",
                recursive ? SearchOption.AllDirectories : SearchOption.TopDirectoryOnly)
            .Where(f => Extensions.Contains(Path.GetExtension(f)))
            .Order(StringComparer.Ordinal)];
    }

    /// <summary>Reads and preprocesses every image; images the preprocessor rejects are listed, not fatal.</summary>
    /// <param name="cancellationToken">Checked between files.</param>
    /// <returns>Accepted images float32 <c>[Count,1,Size,Size]</c> in [−1,1], their files, and the rejected files.</returns>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public ImageFolderData Load(CancellationToken cancellationToken = default)
    {
        var files = Files();
        int size = _preprocessor.Size, pixels = size * size;
        var images = new float[(long)files.Count * pixels];
        var accepted = new List<string>(files.Count);
        var rejected = new List<RejectedImage>();
        foreach (var file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                _preprocessor.Preprocess(File.ReadAllBytes(file), contentType: null, images.AsSpan(accepted.Count * pixels, pixels));
                accepted.Add(file);
            }
            catch (ImageRejectedException e)
            {
                rejected.Add(new RejectedImage(file, e.Reason, e.Message));
            }
        }
        Array.Resize(ref images, accepted.Count * pixels);
        return new ImageFolderData(images, accepted.Count, size, accepted, rejected);
    }
}
