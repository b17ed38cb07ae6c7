using Microsoft.Extensions.Logging;
using Moderation.Core.Contracts;
using Moderation.Core.Models;
using Moderation.Tools.Imaging;
using Moderation.Tools.Imaging.Samples;
using Moderation.Tools.Kafka.Publishing;
using Moderation.Training.Data;

namespace Moderation.Cli.Demo;

/// <summary>
/// Builds real demo posts: Fashion-MNIST test images of the model's normal classes and of the other classes (encoded
/// as PNG, JPEG and WebP in turn), generator samples (PNG) and malformed payloads. Every post carries its true source
/// in the <see cref="PostHeaders.Source"/> header.
/// </summary>
internal static class DemoPostFactory
{
    public static List<Post> Create(ModelCard card, string modelFolder, DemoMix mix, int seed, ILogger logger)
    {
        var test = FashionMnist.LoadTest();
        var normalClasses = card.Dataset.NormalClasses.ToHashSet();
        var random = new Random(seed);
        int[] normal = Shuffled(Enumerable.Range(0, test.Count).Where(i => normalClasses.Contains(test.Labels[i])), random);
        int[] other = Shuffled(Enumerable.Range(0, test.Count).Where(i => !normalClasses.Contains(test.Labels[i])), random);
        var posts = new List<Post>(mix.Total);
        for (int i = 0; i < mix.Normal; i++)
            posts.Add(Encode($"n-{seed}-{i}", test.Image(normal[i % normal.Length]), i, DemoSources.Normal));
        for (int i = 0; i < mix.Anomalous; i++)
            posts.Add(Encode($"a-{seed}-{i}", test.Image(other[i % other.Length]), i, DemoSources.Anomalous));

        using (var generator = new GeneratorSampler(Path.Combine(modelFolder, "generator.onnx"), logger))
        {
            var samples = generator.Sample(mix.Synthetic, seed);
            for (int i = 0; i < samples.Length; i++)
                posts.Add(Tag(new Post($"s-{seed}-{i}", ImageEncoder.EncodePng(samples[i], 28, 28)) { ContentType = "image/png" }, DemoSources.Synthetic));
        }

        var kinds = MalformedPayloadKinds.All.Where(k => k != MalformedPayloadKinds.OverSize);
        int m = 0;
        foreach (var bad in MalformedPayloads.Generate(mix.Malformed, seed, test.Image(normal[0]), kinds: kinds))
            posts.Add(Tag(new Post($"m-{seed}-{m++}", bad.Bytes) { ContentType = bad.ContentType }, DemoSources.Malformed, ("malformed-kind", bad.Kind)));

        return [.. posts.OrderBy(_ => random.Next())];
    }

    private static Post Encode(string id, ReadOnlySpan<byte> gray, int i, string source) => (i % 3) switch
    {
        0 => Tag(new Post(id, ImageEncoder.EncodePng(gray, 28, 28)) { ContentType = "image/png" }, source),
        1 => Tag(new Post(id, ImageEncoder.EncodeJpeg(gray, 28, 28, 90)) { ContentType = "image/jpeg" }, source),
        _ => Tag(new Post(id, ImageEncoder.EncodeWebPLossless(gray, 28, 28)) { ContentType = "image/webp" }, source),
    };

    private static Post Tag(Post post, string source, params (string Key, string Value)[] extra)
    {
        var headers = new Dictionary<string, string> { [PostHeaders.Source] = source };
        foreach (var (key, value) in extra) headers[key] = value;
        return post with { UserId = $"user-{post.Id.Sum(c => c) % 500}", Headers = headers };
    }

    private static int[] Shuffled(IEnumerable<int> items, Random random)
    {
        var array = items.ToArray();
        random.Shuffle(array);
        return array;
    }
}
