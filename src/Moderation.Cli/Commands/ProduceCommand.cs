using System.CommandLine;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Moderation.Cli.Demo;
using Moderation.Cli.Hosting;
using Moderation.Core.Models;
using Moderation.Streaming.Configuration;
using Moderation.Tools.Kafka.Publishing;

namespace Moderation.Cli.Commands;

/// <summary><c>produce</c>: publishes the demo's real posts (normal, other classes, generator samples, malformed).</summary>
internal static class ProduceCommand
{
    public static Command Create()
    {
        var bootstrap = CommonOptions.BootstrapServers();
        bootstrap.Required = true;
        var posts = new Option<int>("--posts") { Description = "Posts to publish", DefaultValueFactory = _ => 1000 };
        var model = CommonOptions.Model();
        var seed = CommonOptions.Seed();
        var ids = new Option<string?>("--ids-file") { Description = "Write 'post-id<TAB>source' lines here" };
        var command = new Command("produce", "Publish real posts to posts.images") { bootstrap, posts, model, seed, ids };
        command.SetAction(async (result, token) =>
        {
            using var logging = CliLogging.Create();
            var folder = result.GetValue(model)!;
            var (card, _) = ModelCardStore.LoadVerified(folder);
            var list = DemoPostFactory.Create(card, folder, DemoMix.For(result.GetValue(posts)), result.GetValue(seed), logging.CreateLogger("produce"));
            var kafka = Options.Create(new KafkaOptions { BootstrapServers = result.GetValue(bootstrap)! });
            using var publisher = new PostPublisher(kafka, TimeProvider.System, logging.CreateLogger<PostPublisher>());
            await publisher.PublishManyAsync(list, cancellationToken: token);
            if (result.GetValue(ids) is { } path)
                await File.WriteAllLinesAsync(path, list.Select(p => $"{p.Id}\t{p.Headers![Core.Contracts.PostHeaders.Source]}"), token);
            Console.WriteLine($"published {list.Count} posts");
            return 0;
        });
        return command;
    }
}
