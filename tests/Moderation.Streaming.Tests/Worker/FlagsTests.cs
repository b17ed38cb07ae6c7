using System.Text;
using System.Text.Json;
using Moderation.Core.Contracts;
using Moderation.Streaming.Records;
using Moderation.Tools.Kafka.Broker;
using Moderation.Streaming.Tests.Support;
using Xunit.Abstractions;

namespace Moderation.Streaming.Tests.Worker;

public sealed class FlagsTests(ITestOutputHelper output)
{
    private static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Flags_topic_gets_exactly_the_flagged_subset_of_the_verdicts()
    {
        using var broker = new EmbeddedBroker();
        broker.CreateTopic(Topics.Posts, 2);
        await using var host = await WorkerHost.StartAsync(broker, new MeanScorer(), output);
        var posts = Enumerable.Range(0, 120).Select(TestPosts.Valid).ToList();

        await host.Publisher.PublishManyAsync(posts);
        var results = await host.Reader.ReadAsync(posts.Count, ReadTimeout);
        var expectedFlagged = posts.Where(p => MeanScorer.Expected(p.Image) > WorkerHost.Threshold).Select(p => p.Id).ToHashSet();
        var flags = await host.Reader.ReadFlagsAsync(expectedFlagged.Count, ReadTimeout);

        Assert.True(results.Complete);
        Assert.InRange(expectedFlagged.Count, 1, posts.Count - 1);
        Assert.Equal(expectedFlagged.Order(), results.Verdicts.Where(v => v.Flagged).Select(v => v.PostId).Order());
        Assert.Equal(expectedFlagged.Order(), flags.Select(f => f.PostId).Order());
        foreach (var flag in flags)
        {
            var verdict = Assert.Single(results.Verdicts, v => v.PostId == flag.PostId);
            Assert.True(flag.Flagged);
            Assert.Equal(verdict.ScoredAtMs, flag.ScoredAtMs);
            Assert.Equal(verdict.Scores, flag.Scores);
            Assert.Equal((verdict.SourcePartition, verdict.SourceOffset), (flag.SourcePartition, flag.SourceOffset));
        }

        // each flag record is the post itself: its key, its image bytes and headers as posted, plus the verdict header
        var records = await RawTopic.ReadAsync(broker, Topics.Flags, expectedFlagged.Count, ReadTimeout);
        Assert.Equal(expectedFlagged.Count, records.Select(r => Encoding.UTF8.GetString(r.Message.Key!)).Distinct().Count());
        foreach (var record in records)
        {
            var post = posts.Single(p => p.Id == Encoding.UTF8.GetString(record.Message.Key!));
            Assert.Equal(post.Image, record.Message.Value);
            Assert.Equal("application/x-raw-gray", PostRecords.Header(record.Message.Headers, PostHeaders.ContentType));
            Assert.Equal(post.UserId, PostRecords.Header(record.Message.Headers, PostHeaders.UserId));
            Assert.Equal(post.Headers![PostHeaders.Source], PostRecords.Header(record.Message.Headers, PostHeaders.Source));
            var verdict = JsonSerializer.Deserialize<Verdict>(PostRecords.Header(record.Message.Headers, PostHeaders.Verdict)!)!;
            Assert.Equal(post.Id, verdict.PostId);
            Assert.True(verdict.Flagged);
        }
    }
}
