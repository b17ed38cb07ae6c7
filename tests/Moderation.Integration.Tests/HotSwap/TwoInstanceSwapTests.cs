using System.Diagnostics;
using Microsoft.Extensions.Options;
using Moderation.Core.Contracts;
using Moderation.Core.Models;
using Moderation.Streaming.Configuration;
using Moderation.Tools.Kafka.Broker;
using Moderation.Tools.Kafka.Publishing;
using Moderation.Tools.Kafka.Reading;
using Xunit.Abstractions;

namespace Moderation.Integration.Tests.HotSwap;

/// <summary>
/// Hot swap with real parts: two <c>moderation serve</c> processes in one consumer group on a model registry, a steady
/// stream of real posts through the embedded broker, and a promotion in the registry mid-stream.
/// </summary>
[Collection(ModelCollection.Name)]
public sealed class TwoInstanceSwapTests(ModelFixture model, ITestOutputHelper output)
{
    private const int Partitions = 4;
    private const int Chunk = 40;
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Both_instances_swap_mid_stream_and_every_post_gets_verdicts_each_naming_one_model()
    {
        using var broker = NewBroker();
        using var registry = new RegistryFixture(model.Folder);
        var promoted = registry.Add(RegistryFixture.ShippedFolder, minutes: 1);
        var (v1, v2) = (ModelCardStore.LoadVerified(model.Folder).Card.Version, ModelCardStore.LoadVerified(RegistryFixture.ShippedFolder).Card.Version);
        using var endpointA = new ServeEndpoint();
        using var endpointB = new ServeEndpoint();
        using var a = ServeProcess.Start(broker.BootstrapServers, model.Folder, output, Environment(registry), endpointA.Url);
        using var b = ServeProcess.Start(broker.BootstrapServers, model.Folder, output, Environment(registry), endpointB.Url);
        Assert.True(await Until(async () => await endpointA.ReadyAsync() && await endpointB.ReadyAsync()), "both instances ready with partitions");

        var posts = PostSamples.Create("swap", 6000);
        var kafka = Options.Create(new KafkaOptions { BootstrapServers = broker.BootstrapServers });
        using var publisher = new PostPublisher(kafka, TimeProvider.System);
        int published = 0, afterSwap = -1;
        var publishing = Task.Run(async () =>
        {
            // A steady stream (40 posts per 100 ms) until 800 posts have gone out after both instances swapped.
            for (var i = 0; i < posts.Count && !(Volatile.Read(ref afterSwap) >= 0 && i >= Volatile.Read(ref afterSwap) + 800); i += Chunk)
            {
                await publisher.PublishManyAsync(posts.GetRange(i, Chunk));
                Volatile.Write(ref published, i + Chunk);
                await Task.Delay(100);
            }
        });
        Assert.True(await Until(() => Task.FromResult(Volatile.Read(ref published) >= 800)), "the stream did not start");
        registry.Registry.Promote(promoted, DateTimeOffset.UtcNow);
        var promotedAt = Volatile.Read(ref published);
        var clock = Stopwatch.StartNew();
        Assert.True(await Until(async () => await endpointA.SwapsAsync("swapped") == 1 && await endpointB.SwapsAsync("swapped") == 1), "not both instances swapped");
        var swapSeconds = clock.Elapsed.TotalSeconds;
        // Posts from this index on were published after both instances had swapped (the chunk in flight is excluded).
        Volatile.Write(ref afterSwap, Volatile.Read(ref published) + Chunk);
        await publishing;
        var sent = Volatile.Read(ref published);
        Assert.True(sent >= afterSwap + 800, $"only {sent - afterSwap} posts after the swap");

        var results = await new VerdictReader(kafka, TimeProvider.System).ReadAsync(sent, TimeSpan.FromSeconds(120));
        var ids = posts.Take(sent).Select(p => p.Id).ToList();
        var byPost = results.Verdicts.GroupBy(v => v.PostId).ToDictionary(g => g.Key, g => g.ToList());
        var missing = ids.Where(id => !byPost.ContainsKey(id)).ToList();
        Assert.True(missing.Count == 0, $"{missing.Count} posts without a verdict, e.g. {string.Join(", ", missing.Take(5))}");
        Assert.Empty(results.DeadLetters);
        Assert.All(results.Verdicts, v => Assert.Contains(v.ModelVersion, new[] { v1, v2 }));
        var counts = results.Verdicts.GroupBy(v => v.ModelVersion).ToDictionary(g => g.Key, g => g.Count());
        Assert.True(counts.GetValueOrDefault(v1) > 0 && counts.GetValueOrDefault(v2) > 0, $"versions seen: {string.Join(", ", counts)}");
        var late = ids.Skip(afterSwap).SelectMany(id => byPost[id]).Where(v => v.ModelVersion != v2).ToList();
        Assert.True(late.Count == 0, $"{late.Count} verdicts of posts published after both swaps name {string.Join(", ", late.Select(v => v.ModelVersion).Distinct())}");
        // Per partition (one owner each, no rebalance): once a batch was scored by the new model, no later one by the old.
        foreach (var partition in results.Verdicts.GroupBy(v => v.SourcePartition))
        {
            var firstNew = partition.Where(v => v.ModelVersion == v2).Min(v => v.ScoredAtMs);
            Assert.DoesNotContain(partition, v => v.ModelVersion == v1 && v.ScoredAtMs > firstNew);
        }

        // Thresholds come from the model that scored: the old card has one score, the new one (the shipped model) three.
        Assert.All(results.Verdicts, v => Assert.Equal(v.ModelVersion == v1 ? 1 : 3, v.Thresholds.Count));
        Assert.False(a.HasExited || b.HasExited, "an instance exited");
        output.WriteLine($"posts {sent}, verdicts {results.Verdicts.Count} ({results.Verdicts.Count - byPost.Count} duplicates), {v1}: {counts[v1]}, {v2}: {counts[v2]}; " +
            $"promoted after post {promotedAt}, both swapped {swapSeconds:F1} s later (after post {afterSwap - Chunk}), {sent - afterSwap} posts after; missing {missing.Count}");
    }

    [Fact]
    public async Task A_promoted_model_of_the_wrong_input_shape_is_refused_and_the_old_one_keeps_serving()
    {
        using var broker = NewBroker();
        using var registry = new RegistryFixture(model.Folder);
        var wrong = RegistryFixture.WrongShapeModel();
        var bad = registry.Add(wrong, minutes: 1);
        Directory.Delete(wrong, recursive: true);
        var v1 = ModelCardStore.LoadVerified(model.Folder).Card.Version;
        using var endpoint = new ServeEndpoint();
        using var serve = ServeProcess.Start(broker.BootstrapServers, model.Folder, output, Environment(registry), endpoint.Url);
        Assert.True(await Until(endpoint.ReadyAsync), "the instance is not ready");

        registry.Registry.Promote(bad, DateTimeOffset.UtcNow);
        Assert.True(await Until(async () => await endpoint.SwapsAsync("refused", "wrong-shape") == 1), "no wrong-shape refusal counted");
        var kafka = Options.Create(new KafkaOptions { BootstrapServers = broker.BootstrapServers });
        var posts = PostSamples.Create("refused", 200);
        using (var publisher = new PostPublisher(kafka, TimeProvider.System))
            await publisher.PublishManyAsync(posts);
        var results = await new VerdictReader(kafka, TimeProvider.System).ReadAsync(posts.Count, TimeSpan.FromSeconds(60));

        Assert.True(results.Complete, $"only {results.DistinctPostIds} of {posts.Count} posts have an outcome");
        Assert.All(results.Verdicts, v => Assert.Equal(v1, v.ModelVersion));
        Assert.True(await endpoint.ReadyAsync(), "not ready after the refusal");
        Assert.Equal(0, await endpoint.SwapsAsync("swapped"));
        Assert.False(serve.HasExited);
        output.WriteLine($"wrong-shape version refused; {results.Verdicts.Count} verdicts, all {v1}");
    }

    private static EmbeddedBroker NewBroker()
    {
        var broker = new EmbeddedBroker();
        foreach (var topic in new[] { Topics.Posts, Topics.Verdicts, Topics.Flags, Topics.DeadLetter })
            broker.CreateTopic(topic, Partitions);
        return broker;
    }

    private static Dictionary<string, string> Environment(RegistryFixture registry) => new()
    {
        ["MODERATION_Model__Registry"] = registry.Registry.Root,
        ["MODERATION_Model__RegistryPollMs"] = "1000",
        ["MODERATION_Kafka__ConsumerSettings__fetch.wait.max.ms"] = "50",
    };

    private static async Task<bool> Until(Func<Task<bool>> condition)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > Bound) return false;
            await Task.Delay(100);
        }

        return true;
    }
}
