using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moderation.Streaming.Broker;
using Moderation.Streaming.Configuration;
using Moderation.Streaming.Publishing;
using Moderation.Streaming.Reading;
using Xunit.Abstractions;

namespace Moderation.Integration.Tests;

/// <summary>Kill -9 the real <c>moderation serve</c> process mid-stream, start it again: every post ends with a verdict.</summary>
[Collection(ModelCollection.Name)]
public sealed class RestartSafetyTests(ModelFixture model, ITestOutputHelper output)
{
    [Fact]
    public async Task Killed_service_resumes_from_stored_offsets_and_no_post_is_lost()
    {
        using var broker = new EmbeddedBroker();
        var kafka = Options.Create(new KafkaOptions { BootstrapServers = broker.BootstrapServers });
        var posts = PostSamples.Create("rs", 12000);
        using (var publisher = new PostPublisher(kafka, TimeProvider.System))
            await publisher.PublishManyAsync(posts);
        var reader = new VerdictReader(kafka, TimeProvider.System, NullLogger<VerdictReader>.Instance);

        using (var first = ServeProcess.Start(broker.BootstrapServers, model.Folder, output))
        {
            // Wait until the service is part-way through, then kill it without warning (SIGKILL).
            var deadline = DateTime.UtcNow.AddSeconds(60);
            int seen = 0;
            while (DateTime.UtcNow < deadline && (seen = (await reader.ReadAsync(0, TimeSpan.FromSeconds(5))).DistinctPostIds) < 200)
                await Task.Delay(100);
            Assert.InRange(seen, 200, posts.Count - 1);
            first.Kill();
            output.WriteLine($"killed after {seen} verdicts");
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
