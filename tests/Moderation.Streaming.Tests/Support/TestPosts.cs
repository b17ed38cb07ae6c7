using Moderation.Core.Contracts;
using Moderation.Tools.Kafka.Publishing;

namespace Moderation.Streaming.Tests.Support;

/// <summary>Deterministic test posts: raw-pixel images with a per-post brightness spread over [0,255].</summary>
internal static class TestPosts
{
    public static string Id(int n) => $"post-{n:D5}";

    /// <summary>784 bytes around brightness (n·53 mod 256) with a ±8 ripple, so mean scores cover [0,1].</summary>
    public static byte[] Image(int n)
    {
        var image = new byte[RawPixelPreprocessor.Pixels];
        var level = n * 53 % 256;
        for (var i = 0; i < image.Length; i++)
        {
            image[i] = (byte)Math.Clamp(level + (i % 17) - 8, 0, 255);
        }

        return image;
    }

    public static Post Valid(int n) => new(Id(n), Image(n))
    {
        ContentType = "application/x-raw-gray",
        UserId = $"user-{n % 7}",
        Headers = new Dictionary<string, string> { [PostHeaders.Source] = n % 2 == 0 ? "normal" : "anomalous" },
    };
}
