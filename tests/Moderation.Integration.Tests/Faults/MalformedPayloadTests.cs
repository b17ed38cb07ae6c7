using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moderation.Cli.Hosting;
using Moderation.Core.Contracts;
using Moderation.Imaging;
using Moderation.Tools.Imaging.Samples;
using Moderation.Tools.Kafka.Broker;
using Moderation.Streaming.Configuration;
using Moderation.Streaming.Health;
using Moderation.Tools.Kafka.Publishing;
using Moderation.Tools.Kafka.Reading;
using Moderation.Training.Data;
using Xunit.Abstractions;

namespace Moderation.Integration.Tests.Faults;

/// <summary>Every kind of malformed payload, interleaved with valid posts, through the real service: nothing crashes,
/// each malformed post is dead-lettered with the reason its kind must get, each valid one gets a verdict.</summary>
[Collection(ModelCollection.Name)]
public sealed class MalformedPayloadTests(ModelFixture model, ITestOutputHelper output)
{
    private const int PerKind = 12; // 18 kinds → 216 malformed posts
    private const int Valid = 300;
    private const int Seed = 77;
    private const string KindHeader = "malformed-kind";

    [Fact]
    public async Task Malformed_posts_of_every_kind_are_dead_lettered_with_their_reason_and_valid_ones_between_them_get_verdicts()
    {
        var limits = new ImagingOptions { MaxEncodedBytes = MalformedPayloads.MinimumEncodedLimit }; // 1 MiB
        var image = FashionMnist.LoadTest().Image(0).ToArray();
        var malformed = MalformedPayloads.Generate(PerKind * MalformedPayloadKinds.All.Count, Seed, image, limits)
            .Select((p, i) => (Post: new Post($"bad-{i}", p.Bytes) { ContentType = p.ContentType, Headers = new Dictionary<string, string> { [KindHeader] = p.Kind } }, Payload: p))
            .ToList();
        var valid = PostSamples.Create("ok", Valid);
        var posts = Interleave(valid, malformed.Select(m => m.Post).ToList());

        using var broker = new EmbeddedBroker();
        // The mock broker keeps 5 MB per partition: spread the 1 MiB over-size posts and 260 KB deflate bombs.
        broker.CreateTopic(Topics.Posts, 16);
        await using var app = ModerationServiceHost.Build(new Dictionary<string, string?>
        {
            ["Review:Enabled"] = "false", // the streaming path alone (the review side has its own tests)
            ["Kafka:BootstrapServers"] = broker.BootstrapServers,
            ["Model:Folder"] = model.Folder,
            ["Imaging:MaxEncodedBytes"] = limits.MaxEncodedBytes.ToString(CultureInfo.InvariantCulture),
            ["Logging:LogLevel:Default"] = "Warning",
        });
        await app.StartAsync();
        // The publisher may send over-size posts (librdkafka's default message.max.bytes is 1,000,000); the service's
        // producer keeps its default, so their dead letters go out without the value (dlq-value-omitted).
        var publisherOptions = Options.Create(new KafkaOptions
        {
            BootstrapServers = broker.BootstrapServers,
            ProducerSettings = { ["message.max.bytes"] = (4 << 20).ToString(CultureInfo.InvariantCulture) },
        });
        using (var publisher = new PostPublisher(publisherOptions, TimeProvider.System))
            await publisher.PublishManyAsync(posts, maxInFlight: 100);

        var kafka = Options.Create(new KafkaOptions { BootstrapServers = broker.BootstrapServers });
        var results = await new VerdictReader(kafka, TimeProvider.System, NullLogger<VerdictReader>.Instance)
            .ReadAsync(posts.Count, TimeSpan.FromSeconds(90));
        var health = app.Services.GetRequiredService<StreamingHealth>();
        var (fatal, running) = (health.FatalError, health.ConsumeLoopRunning);
        await app.StopAsync();

        var reasons = results.DeadLetters.GroupBy(d => d.Reason).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}");
        output.WriteLine($"{posts.Count} posts: {results.Verdicts.Count} verdicts, {results.DeadLetters.Count} dead letters ({string.Join(", ", reasons)})");
        Assert.Null(fatal);
        Assert.True(running, "the consume loop stopped");
        Assert.True(results.Complete, $"only {results.DistinctPostIds} of {posts.Count} posts have an outcome");
        Assert.Equal(valid.Select(p => p.Id).Order(), results.Verdicts.Select(v => v.PostId).Order());
        Assert.Equal(malformed.Count, results.DeadLetters.Count);
        var deadLetters = results.DeadLetters.ToDictionary(d => d.PostId);
        foreach (var (post, payload) in malformed)
        {
            var deadLetter = deadLetters[post.Id];
            Assert.True(payload.ExpectedReason == deadLetter.Reason, $"{post.Id} ({payload.Kind}): {deadLetter.Reason}, expected {payload.ExpectedReason}: {deadLetter.Error}");
            Assert.Equal(payload.Kind, deadLetter.Headers[KindHeader]);
            if (payload.Kind == MalformedPayloadKinds.OverSize)
            {
                Assert.Null(deadLetter.Value);
                Assert.Equal(payload.Bytes.Length.ToString(CultureInfo.InvariantCulture), deadLetter.Headers[PostHeaders.DlqValueOmitted]);
            }
            else
            {
                Assert.Equal(payload.Bytes, deadLetter.Value ?? []);
            }
        }
    }

    /// <summary>Spreads the malformed posts evenly among the valid ones.</summary>
    private static List<Post> Interleave(List<Post> valid, List<Post> malformed)
    {
        var posts = new List<Post>(valid.Count + malformed.Count);
        var step = (double)valid.Count / malformed.Count;
        for (int v = 0, m = 0; v < valid.Count || m < malformed.Count;)
        {
            if (m < malformed.Count && (v >= valid.Count || m * step <= v)) posts.Add(malformed[m++]);
            else posts.Add(valid[v++]);
        }

        return posts;
    }
}
