using Moderation.Core.Imaging;
using Moderation.Core.Review;

namespace Moderation.Retraining.Promotion;

/// <summary>Reviewed posts of one decision, decoded with the service's pre-processor (so the challenger sees them as
/// the service will): float32 <c>[Count,1,Size,Size]</c> in [−1,1] in the source's order; images the pre-processor
/// rejects are listed with the reason, not fatal.</summary>
/// <param name="Images">The decoded images.</param>
/// <param name="Count">Decoded images.</param>
/// <param name="Size">Side in pixels.</param>
/// <param name="PostIds">Post id of each decoded image.</param>
/// <param name="Rejected">Post id and reason of each image the pre-processor rejected.</param>
public sealed record ReviewedImages(float[] Images, int Count, int Size, IReadOnlyList<string> PostIds, IReadOnlyList<(string PostId, string Reason)> Rejected)
{
    /// <summary>Reads and decodes every post of <paramref name="decision"/> from <paramref name="source"/>.</summary>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public static async Task<ReviewedImages> ReadAsync(IReviewedPostSource source, ReviewDecision decision, IImagePreprocessor preprocessor,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(preprocessor);
        int pixels = preprocessor.Size * preprocessor.Size;
        var images = new List<float>();
        var ids = new List<string>();
        var rejected = new List<(string, string)>();
        var buffer = new float[pixels];
        await foreach (var post in source.ReadAsync(decision, cancellationToken))
        {
            try
            {
                preprocessor.Preprocess(post.Image.Span, post.ContentType, buffer);
            }
            catch (ImageRejectedException e)
            {
                rejected.Add((post.PostId, $"{e.Reason}: {e.Message}"));
                continue;
            }

            images.AddRange(buffer);
            ids.Add(post.PostId);
        }

        return new ReviewedImages([.. images], ids.Count, preprocessor.Size, ids, rejected);
    }
}
