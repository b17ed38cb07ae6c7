using System.CommandLine;
using System.Diagnostics;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Moderation.Cli.Demo;
using Moderation.Cli.Hosting;
using Moderation.Core.Contracts;
using Moderation.Core.Models;
using Moderation.Review.Auth;
using Moderation.Scoring.Discriminator;
using Moderation.Tools.Kafka.Broker;
using Moderation.Streaming.Configuration;
using Moderation.Tools.Kafka.Publishing;
using Moderation.Tools.Kafka.Reading;
using Spectre.Console;

namespace Moderation.Cli.Commands;

/// <summary><c>demo</c>: the whole path once, on the embedded broker by default.</summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var posts = new Option<int>("--posts") { Description = "Posts to publish (≥ 10)", DefaultValueFactory = _ => 1200 };
        var timeout = new Option<int>("--timeout-seconds") { Description = "How long to wait for every verdict", DefaultValueFactory = _ => 240 };
        var bootstrap = CommonOptions.BootstrapServers();
        var model = CommonOptions.Model();
        var provider = CommonOptions.ExecutionProvider();
        var seed = CommonOptions.Seed();
        var urls = new Option<string>("--urls") { Description = "HTTP address of the service (the review page is {address}/review)", DefaultValueFactory = _ => "http://127.0.0.1:0" };
        var keep = new Option<int>("--review-seconds") { Description = "Keep the service (and its review page) running this many seconds after the summary", DefaultValueFactory = _ => 0 };
        var command = new Command("demo", "Start the embedded broker and the moderation service, publish real posts, print what came out")
        {
            posts, timeout, bootstrap, model, provider, seed, urls, keep,
        };
        command.SetAction((result, token) => RunAsync(new DemoSettings(result.GetValue(posts), result.GetValue(timeout), result.GetValue(bootstrap),
            result.GetValue(model)!, result.GetValue(provider)!, result.GetValue(seed), result.GetValue(urls)!, result.GetValue(keep)), token));
        return command;
    }

    private static async Task<int> RunAsync(DemoSettings settings, CancellationToken cancellationToken)
    {
        var (postCount, timeoutSeconds, bootstrap, model, provider, seed) =
            (settings.Posts, settings.TimeoutSeconds, settings.Bootstrap, settings.Model, settings.Provider, settings.Seed);
        var wall = Stopwatch.StartNew();
        using var logging = CliLogging.Create();
        using var broker = bootstrap is null ? new EmbeddedBroker(1, logging.CreateLogger<EmbeddedBroker>()) : null;
        broker?.CreateTopic(Topics.Posts, EmbeddedBroker.AutoCreatedTopicPartitions); // as BrokerCommand does
        bootstrap ??= broker!.BootstrapServers;
        AnsiConsole.MarkupLine($"broker [blue]{bootstrap}[/]{(broker is null ? "" : " (embedded)")}");

        var (card, _) = ModelCardStore.LoadVerified(model);
        var mix = DemoMix.For(Math.Max(10, postCount));
        var posts = DemoPostFactory.Create(card, model, mix, seed, logging.CreateLogger("demo"));
        AnsiConsole.MarkupLine($"built {posts.Count} posts: {mix.Normal} normal ({string.Join('/', card.Dataset.NormalClassNames)}), {mix.Anomalous} other classes, {mix.Synthetic} generator samples, {mix.Malformed} malformed");

        // the review page needs a secret: a one-off password for this run only, printed below (never in `serve`)
        var password = ReviewPasswords.Generate();
        var reviewDb = Path.Combine(Path.GetTempPath(), $"moderation-demo-review-{Environment.ProcessId}.db");
        await using var app = ModerationServiceHost.Build(new Dictionary<string, string?>
        {
            ["Kafka:BootstrapServers"] = bootstrap,
            ["Kafka:GroupId"] = $"moderation-demo-{seed}-{Environment.ProcessId}",
            ["Model:Folder"] = model,
            ["Onnx:ExecutionProvider"] = provider,
            ["Logging:LogLevel:Default"] = "Warning",
            ["Urls"] = settings.Urls,
            ["Review:Database"] = $"Data Source={reviewDb}",
            ["Review:GroupId"] = $"moderation-demo-review-{Environment.ProcessId}",
            ["ReviewAuth:Users:0:Name"] = "demo",
            ["ReviewAuth:Users:0:PasswordHash"] = ReviewPasswords.Hash(password),
            ["ReviewAuth:Users:0:Role"] = ReviewRoles.Admin,
        });
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        AnsiConsole.MarkupLine($"review page [blue]{address}/review[/]: user [bold]demo[/], one-off password [bold]{password}[/] (store {reviewDb})");
        var scorer = app.Services.GetRequiredService<DiscriminatorScorer>();

        var kafka = Options.Create(new KafkaOptions { BootstrapServers = bootstrap });
        var reader = new VerdictReader(kafka, TimeProvider.System, logging.CreateLogger<VerdictReader>());
        using (var publisher = new PostPublisher(kafka, TimeProvider.System, logging.CreateLogger<PostPublisher>()))
        {
            // Warm-up: one post round trip, so the consumer has joined its group before the clock starts.
            await publisher.PublishAsync(posts[0] with { Id = $"warm-up-{Environment.ProcessId}" }, cancellationToken);
            var warm = await reader.ReadAsync(1, TimeSpan.FromSeconds(60), cancellationToken);
            AnsiConsole.MarkupLine($"service ready (warm-up post answered: {warm.Complete})");
            await publisher.PublishManyAsync(posts, cancellationToken: cancellationToken);
        }
        AnsiConsole.MarkupLine($"published {posts.Count} posts to posts.images; waiting for verdicts");
        var results = await reader.ReadAsync(posts.Count + 1, TimeSpan.FromSeconds(timeoutSeconds), cancellationToken);
        if (settings.ReviewSeconds > 0)
        {
            AnsiConsole.MarkupLine($"serving the review page for {settings.ReviewSeconds} s (Ctrl+C ends it)");
            try { await Task.Delay(TimeSpan.FromSeconds(settings.ReviewSeconds), cancellationToken); }
            catch (OperationCanceledException) { }
        }

        await app.StopAsync(CancellationToken.None);

        var summary = DemoSummary.From(posts, results);
        DemoSummaryPrinter.Print(summary, scorer.ModelVersion, scorer.ExecutionProvider, wall.Elapsed.TotalSeconds);
        if (summary.Missing > 0)
        {
            AnsiConsole.MarkupLine($"[red]{summary.Missing} posts have neither a verdict nor a dead-letter record[/]");
            return 1;
        }
        return Environment.ExitCode;
    }
}
