using Moderation.Core.Contracts;

namespace Moderation.Review.Tests.Support;

/// <summary>Flagged verdicts as the moderation worker writes them (two scores, two thresholds, passed-through headers).</summary>
internal static class Verdicts
{
    public static Verdict Flag(string postId, long sourceOffset, string[]? reasons = null, string? source = null,
        string? userId = "user-1", double latencyMs = 42.5, int sourcePartition = 0, long scoredAtMs = 1_767_225_600_000)
    {
        reasons ??= ["abnormal"];
        var headers = new Dictionary<string, string>
        {
            [PostHeaders.ContentType] = "image/png",
            [PostHeaders.PostedAt] = (scoredAtMs - (long)latencyMs).ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        if (userId is not null)
        {
            headers[PostHeaders.UserId] = userId;
        }

        if (source is not null)
        {
            headers[PostHeaders.Source] = source;
        }

        return new Verdict
        {
            PostId = postId,
            Flagged = true,
            Reasons = reasons,
            Scores = new Dictionary<string, double>
            {
                ["abnormal"] = reasons.Contains("abnormal") ? 0.912 : 0.204,
                ["synthetic"] = reasons.Contains("synthetic") ? 0.871 : 0.117,
            },
            Thresholds = new Dictionary<string, double> { ["abnormal"] = 0.655, ["synthetic"] = 0.702 },
            ModelVersion = "fashion-mnist-shirt@3f9a1c2b7d4e",
            ScoredAtMs = scoredAtMs,
            LatencyMs = latencyMs,
            SourceTopic = Topics.Posts,
            SourcePartition = sourcePartition,
            SourceOffset = sourceOffset,
            Headers = headers,
        };
    }
}
