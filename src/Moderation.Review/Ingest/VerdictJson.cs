using System.Text.Json;
using Moderation.Core.Contracts;
using Moderation.Review.Serialization;

namespace Moderation.Review.Ingest;

/// <summary>Parses the <c>moderation-verdict</c> header of a <c>moderation.flags</c> record into a <see cref="Verdict"/>, rejecting anything
/// the page could not render safely: oversized values, invalid JSON, missing members, nulls inside collections.</summary>
internal static class VerdictJson
{
    /// <summary>The verdict, or null with <paramref name="error"/> set.</summary>
    public static Verdict? TryParse(ReadOnlySpan<byte> value, int maxBytes, out string? error)
    {
        error = null;
        if (value.IsEmpty)
        {
            error = "empty value";
            return null;
        }

        if (value.Length > maxBytes)
        {
            error = $"value of {value.Length} bytes exceeds {maxBytes} bytes";
            return null;
        }

        Verdict? verdict;
        try
        {
            verdict = JsonSerializer.Deserialize(value, ReviewJsonContext.Default.Verdict);
        }
        catch (JsonException ex)
        {
            error = ex.Message;
            return null;
        }

        if (verdict is null || !IsComplete(verdict))
        {
            error = "null verdict, reason, score or header";
            return null;
        }

        // the source generator sets init-only members through an object initializer: a missing "headers" arrives as null
        return verdict.Headers is null ? verdict with { Headers = new Dictionary<string, string>() } : verdict;
    }

    // RespectNullableAnnotations rejects null members but not null collection elements or dictionary values.
    private static bool IsComplete(Verdict v) =>
        v.PostId is not null && v.ModelVersion is not null && v.SourceTopic is not null
        && v.Reasons is not null && v.Reasons.All(static r => r is not null)
        && v.Scores is not null && v.Thresholds is not null
        && (v.Headers is null || v.Headers.Values.All(static h => h is not null));
}
