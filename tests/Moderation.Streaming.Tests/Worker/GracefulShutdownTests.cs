using Microsoft.Extensions.DependencyInjection;
using Moderation.Core.Contracts;
using Moderation.Tools.Kafka.Broker;
using Moderation.Streaming.Health;
using Moderation.Streaming.Tests.Support;
using Xunit.Abstractions;

namespace Moderation.Streaming.Tests.Worker;

public sealed class GracefulShutdownTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Stopping_the_host_while_a_batch_is_in_the_scorer_finishes_that_batch_and_commits_its_offsets()
    {
        using var broker = new EmbeddedBroker();
        broker.CreateTopic(Topics.Posts, 1);
        var scorer = new GatedScorer();
        var host = await WorkerHost.StartAsync(broker, scorer, output);
        var posts = Enumerable.Range(0, 40).Select(TestPosts.Valid).ToList();
        await host.Publisher.PublishManyAsync(posts);
        var state = host.Host.Services.GetRequiredService<StreamingHealth>();

        var inFlight = await scorer.Entered.WaitAsync(Bound);
        var stopped = host.DisposeAsync().AsTask();
        Assert.True(await Eventually.ReadAsync(() => state.Stopping, stopping => stopping, Bound)); // the host asked the worker to stop
        scorer.Open();
        await stopped.WaitAsync(TimeSpan.FromSeconds(15));
        var results = await GroupOffsets.Reader(broker).ReadAsync(inFlight, Bound);
        var committed = GroupOffsets.Committed(broker, "moderation-tests", Topics.Posts, 1)[0];

        output.WriteLine($"in-flight batch: {inFlight} posts; committed offset {committed}");
        Assert.InRange(inFlight, 1, 16);
        Assert.Equal(1, scorer.Calls); // no batch after the stop
        Assert.Equal(posts.Take(inFlight).Select(p => p.Id), results.Verdicts.Select(v => v.PostId).Order());
        Assert.Equal(Enumerable.Range(0, inFlight).Select(o => (long)o), results.Verdicts.Select(v => v.SourceOffset).Order());
        Assert.Equal(inFlight, committed); // the next offset to consume is the first post after the batch
        Assert.False(state.ConsumeLoopRunning);
        Assert.Null(state.FatalError);
    }
}
