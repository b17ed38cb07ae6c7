using System.Text;
using System.Text.Json;
using Moderation.Core.Contracts;
using Moderation.Tools.Kafka.Broker;
using Moderation.Streaming.Tests.Support;
using Xunit.Abstractions;

namespace Moderation.Streaming.Tests.Worker;

public sealed class VerdictContractTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Verdict_record_is_keyed_by_post_id_and_its_json_matches_the_verdict_contract()
    {
        using var broker = new EmbeddedBroker();
        broker.CreateTopic(Topics.Posts, 1);
        await using var host = await WorkerHost.StartAsync(broker, new MeanScorer(), output);
        var post = TestPosts.Valid(5);
        var delivery = await host.Publisher.PublishAsync(post);

        var record = Assert.Single(await RawTopic.ReadAsync(broker, Topics.Verdicts, 1, TimeSpan.FromSeconds(15)));

        Assert.Equal(post.Id, Encoding.UTF8.GetString(record.Message.Key!));
        using var json = JsonDocument.Parse(record.Message.Value);
        var root = json.RootElement;
        Assert.Equal(
            ["flagged", "headers", "latencyMs", "modelVersion", "postId", "reasons", "scoredAt", "scores",
             "sourceOffset", "sourcePartition", "sourceTopic", "thresholds"],
            root.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(post.Id, root.GetProperty("postId").GetString());
        var flagged = MeanScorer.Expected(post.Image) > WorkerHost.Threshold;
        Assert.Equal(flagged ? JsonValueKind.True : JsonValueKind.False, root.GetProperty("flagged").ValueKind);
        Assert.Equal(JsonValueKind.Array, root.GetProperty("reasons").ValueKind);
        Assert.Equal(MeanScorer.Expected(post.Image), root.GetProperty("scores").GetProperty(MeanScorer.ScoreName).GetDouble(), 5);
        Assert.Equal(WorkerHost.Threshold, root.GetProperty("thresholds").GetProperty(MeanScorer.ScoreName).GetDouble());
        Assert.Equal(WorkerHost.ModelVersion, root.GetProperty("modelVersion").GetString());
        var scoredAt = root.GetProperty("scoredAt").GetInt64();
        Assert.Equal(scoredAt - delivery.PostedAtMs, root.GetProperty("latencyMs").GetDouble());
        Assert.Equal(Topics.Posts, root.GetProperty("sourceTopic").GetString());
        Assert.Equal(0, root.GetProperty("sourcePartition").GetInt32());
        Assert.Equal(delivery.Offset, root.GetProperty("sourceOffset").GetInt64());
        Assert.Equal(post.UserId, root.GetProperty("headers").GetProperty(PostHeaders.UserId).GetString());
        var typed = JsonSerializer.Deserialize<Verdict>(record.Message.Value);
        Assert.Equal(post.Id, typed!.PostId);
    }
}
