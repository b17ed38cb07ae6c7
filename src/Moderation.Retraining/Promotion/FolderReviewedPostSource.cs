using System.Runtime.CompilerServices;
using Moderation.Core.Review;

namespace Moderation.Retraining.Promotion;

/// <summary>
/// Reviewed posts kept as image files: <c>&lt;root&gt;/confirmed/*</c> (violations) and <c>&lt;root&gt;/dismissed/*</c>
/// (false positives); the post id is the file name without its extension, the content type follows the extension
/// (<c>.png</c>, <c>.jpg</c>/<c>.jpeg</c>, <c>.webp</c>; other files are skipped), the decision time is the file's
/// last write time, oldest first. For <c>retrain --reviewed DIR</c> (exported decisions, or hand-labelled examples)
/// until the review store's own source is wired in; a missing sub-folder means no decision of that kind.
/// </summary>
/// <param name="root">The folder holding <c>confirmed/</c> and <c>dismissed/</c>.</param>
public sealed class FolderReviewedPostSource(string root) : IReviewedPostSource
{
    /// <summary>Sub-folder of confirmed violations.</summary>
    public const string ConfirmedFolder = "confirmed";

    /// <summary>Sub-folder of dismissed false positives.</summary>
    public const string DismissedFolder = "dismissed";

    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".png"] = "image/png", [".jpg"] = "image/jpeg", [".jpeg"] = "image/jpeg", [".webp"] = "image/webp",
    };

    /// <inheritdoc />
    public async IAsyncEnumerable<ReviewedPost> ReadAsync(ReviewDecision decision, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var folder = Path.Combine(root, decision == ReviewDecision.Confirm ? ConfirmedFolder : DismissedFolder);
        if (!Directory.Exists(folder)) yield break;
        var files = Directory.GetFiles(folder).Where(f => ContentTypes.ContainsKey(Path.GetExtension(f)))
            .Select(f => (Path: f, At: new DateTimeOffset(File.GetLastWriteTimeUtc(f), TimeSpan.Zero)))
            .OrderBy(f => f.At).ThenBy(f => f.Path, StringComparer.Ordinal);
        foreach (var (path, at) in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
            yield return new ReviewedPost(Path.GetFileNameWithoutExtension(path), decision, bytes, ContentTypes[Path.GetExtension(path)], "unknown", at);
        }
    }
}
