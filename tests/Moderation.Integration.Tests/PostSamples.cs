using Moderation.Core.Contracts;
using Moderation.Tools.Imaging;
using Moderation.Tools.Kafka.Publishing;
using Moderation.Training.Data;

namespace Moderation.Integration.Tests;

/// <summary>Real posts: Fashion-MNIST test images encoded as PNG/JPEG/WebP, plus a few malformed payloads.</summary>
internal static class PostSamples
{
    private static readonly Lazy<LabelledImages> Test = new(() => FashionMnist.LoadTest());

    public static List<Post> Create(string prefix, int count, int malformedEvery = 0)
    {
        var test = Test.Value;
        var posts = new List<Post>(count);
        for (int i = 0; i < count; i++)
        {
            var id = $"{prefix}-{i}";
            if (malformedEvery > 0 && i % malformedEvery == malformedEvery - 1)
            {
                var png = ImageEncoder.EncodePng(test.Image(i), 28, 28);
                posts.Add(new Post(id, png[..(png.Length / 2)]) { ContentType = "image/png", Headers = Source("malformed") });
                continue;
            }
            var image = test.Image(i % test.Count);
            var source = test.Labels[i % test.Count] == 1 ? "normal" : "other-classes";
            posts.Add((i % 3) switch
            {
                0 => new Post(id, ImageEncoder.EncodePng(image, 28, 28)) { ContentType = "image/png", Headers = Source(source) },
                1 => new Post(id, ImageEncoder.EncodeJpeg(image, 28, 28, 90)) { ContentType = "image/jpeg", Headers = Source(source) },
                _ => new Post(id, ImageEncoder.EncodeWebPLossless(image, 28, 28)) { ContentType = "image/webp", Headers = Source(source) },
            });
        }
        return posts;
    }

    private static Dictionary<string, string> Source(string source) => new() { [PostHeaders.Source] = source };
}
