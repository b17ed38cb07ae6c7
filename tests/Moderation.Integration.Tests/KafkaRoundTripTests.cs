using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moderation.Cli.Hosting;
using Moderation.Core.Contracts;
using Moderation.Tools.Kafka.Broker;
using Moderation.Streaming.Configuration;
using Moderation.Tools.Kafka.Publishing;
using Moderation.Tools.Kafka.Reading;

namespace Moderation.Integration.Tests;

/// <summary>The whole service in-process with real codecs, real ONNX Runtime and the Kafka protocol over loopback.</summary>
[Collection(ModelCollection.Name)]
public sealed class KafkaRoundTripTests(ModelFixture model)
{
    [Fact]
    public async Task Every_post_gets_one_verdict_keyed_by_post_id_and_malformed_ones_are_dead_lettered()
    {
        using var broker = new EmbeddedBroker();
        var kafka = Options.Create(new KafkaOptions { BootstrapServers = broker.BootstrapServers });
        await using var app = ModerationServiceHost.Build(new Dictionary<string, string?>
        {
            ["Review:Enabled"] = "false", // the streaming path alone (the review side has its own tests)
            ["Kafka:BootstrapServers"] = broker.BootstrapServers,
            ["Model:Folder"] = model.Folder,
            ["Logging:LogLevel:Default"] = "Warning",
        });
        await app.StartAsync();
        var posts = PostSamples.Create("rt", 300, malformedEvery: 25);
        using (var publisher = new PostPublisher(kafka, TimeProvider.System))
            await publisher.PublishManyAsync(posts);

        var results = await new VerdictReader(kafka, TimeProvider.System, NullLogger<VerdictReader>.Instance)
            .ReadAsync(posts.Count, TimeSpan.FromSeconds(60));
        await app.StopAsync();

        Assert.True(results.Complete, $"only {results.DistinctPostIds} of {posts.Count} posts were handled");
        var malformed = posts.Where(p => p.Headers![PostHeaders.Source] == "malformed").Select(p => p.Id).ToHashSet();
        Assert.Equal(12, malformed.Count);
        Assert.Equal(posts.Select(p => p.Id).Where(id => !malformed.Contains(id)).Order(), results.Verdicts.Select(v => v.PostId).Distinct().Order());
        Assert.Equal(malformed.Order(), results.DeadLetters.Select(d => d.PostId).Order());
        Assert.All(results.DeadLetters, d => Assert.Equal(DeadLetterReasons.Corrupt, d.Reason));

        // Scores are the ONNX outputs of the decoded image: the verdict's score equals −logit from libtorch.
        var first = results.Verdicts.First(v => v.PostId == "rt-0");
        var expected = -model.Discriminator.Forward(PixelsOf(posts[0]), 1).Output[0];
        Assert.Equal(expected, first.Scores["abnormal"], 3);
        Assert.Equal(first.Scores["abnormal"] > model.Threshold, first.Flagged);
        Assert.Equal(posts[0].Headers![PostHeaders.Source], first.Headers[PostHeaders.Source]);
        Assert.Equal("image/png", first.Headers[PostHeaders.ContentType]);
    }

    private static float[] PixelsOf(Post post)
    {
        var pixels = new float[784];
        new Moderation.Imaging.ImagePreprocessor().Preprocess(post.Image, post.ContentType, pixels);
        return pixels;
    }
}
