using System.Globalization;
using System.Text;
using Confluent.Kafka;
using Moderation.Core.Contracts;
using Moderation.Review.Configuration;
using Moderation.Review.Store;
using Moderation.Streaming.Records;

namespace Moderation.Review.Ingest;

/// <summary>Turns a <see cref="Topics.Flags"/> record (the flagged post: image bytes, headers, verdict JSON in
/// <see cref="PostHeaders.Verdict"/>) into an <see cref="IncomingFlag"/>.</summary>
internal static class FlagRecordReader
{
    /// <summary>The flag to store, or null with <paramref name="error"/> set (no or invalid verdict header, a key that
    /// is not the verdict's post id).</summary>
    public static IncomingFlag? TryRead(ConsumeResult<byte[]?, byte[]?> record, ReviewOptions options, long receivedAtMs, out string? error)
    {
        var headers = record.Message.Headers;
        if (headers is null || !headers.TryGetLastBytes(PostHeaders.Verdict, out var json))
        {
            error = $"no {PostHeaders.Verdict} header";
            return null;
        }

        var verdict = VerdictJson.TryParse(json, options.MaxVerdictBytes, out error);
        if (verdict is null)
        {
            return null;
        }

        if (record.Message.Key is { } key && Encoding.UTF8.GetString(key) != verdict.PostId)
        {
            error = "the record key is not the verdict's post id";
            return null;
        }

        var image = record.Message.Value;
        var omitted = PostRecords.Header(headers, PostHeaders.FlagValueOmitted);
        var (state, length) = image switch
        {
            null => (ImageStates.Omitted, long.TryParse(omitted, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0),
            _ when image.Length > options.MaxImageBytes => (ImageStates.TooLarge, image.Length),
            _ => (ImageStates.Kept, (long)image.Length),
        };
        return new IncomingFlag(verdict, Encoding.UTF8.GetString(json), state == ImageStates.Kept ? image : null, length, state,
            PostRecords.Header(headers, PostHeaders.ContentType), receivedAtMs);
    }
}
