using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moderation.Core.Contracts;
using Moderation.Integration.Tests.Faults;
using Moderation.Tools.Kafka.Broker;
using Moderation.Streaming.Configuration;
using Moderation.Tools.Kafka.Publishing;
using Moderation.Tools.Kafka.Reading;
using Xunit.Abstractions;

namespace Moderation.Integration.Tests;

/// <summary>Kill -9 the real <c>moderation serve</c> process mid-stream, start it again: every post ends with a verdict.</summary>
[Collection(ModelCollection.Name)]
public sealed class RestartSafetyTests(ModelFixture model, ITestOutputHelper output)
{
    private const int Partitions = 4;

    [Fact]
    public async Task Killed_service_resumes_from_stored_offsets_and_no_post_is_lost()
    {
        using var broker = new EmbeddedBroker();
        foreach (var topic in new[] { Topics.Posts, Topics.Verdicts, Topics.Flags, Topics.DeadLetter })
            broker.CreateTopic(topic, Partitions);
        var kafka = Options.Create(new KafkaOptions { BootstrapServers = broker.BootstrapServers });
        var posts = PostSamples.Create("rs", 3000);
        using (var publisher = new PostPublisher(kafka, TimeProvider.System))
            await publisher.PublishManyAsync(posts);
        var reader = new VerdictReader(kafka, TimeProvider.System, NullLogger<VerdictReader>.Instance);
        using var tail = new OutcomeTail(broker.BootstrapServers, Partitions);

        using (var first = ServeProcess.Start(broker.BootstrapServers, model.Folder, output))
        {
            // Kill without warning (SIGKILL) from the tail's thread the moment the 200th outcome is seen: part-way
            // through the backlog however fast the service drains it (re-reading the topics to watch progress was too
            // coarse: the service once finished all posts between two reads).
            var killed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            tail.Trigger(200, () =>
            {
                first.Kill();
                killed.TrySetResult();
            });
            Assert.True(await killed.Task.WaitAsync(TimeSpan.FromSeconds(60)).ContinueWith(t => t.IsCompletedSuccessfully), "no 200 outcomes in 60 s");
            int seen = tail.DistinctPosts;
            Assert.InRange(seen, 200, posts.Count - 1);
            output.WriteLine($"killed after {seen} posts had an outcome");
        }

        using (ServeProcess.Start(broker.BootstrapServers, model.Folder, output))
        {
            var results = await reader.ReadAsync(posts.Count, TimeSpan.FromSeconds(120));
            var handled = results.Verdicts.Select(v => v.PostId).Concat(results.DeadLetters.Select(d => d.PostId)).ToHashSet();
            var missing = posts.Select(p => p.Id).Where(id => !handled.Contains(id)).ToList();
            Assert.True(missing.Count == 0, $"{missing.Count} posts lost, e.g. {string.Join(", ", missing.Take(5))}");
            output.WriteLine($"duplicates after restart: {results.Verdicts.Count + results.DeadLetters.Count - handled.Count}");
        }
    }
}
