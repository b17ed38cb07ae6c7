using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Moderation.Cli.Hosting;
using Moderation.Core.Contracts;
using Moderation.Tools.Kafka.Broker;
using Moderation.Streaming.Configuration;
using Moderation.Tools.Kafka.Publishing;

namespace Moderation.Integration.Tests;

/// <summary>The service's HTTP surface over real HTTP: readiness follows partition assignment; /metrics (OpenTelemetry's
/// Prometheus exporter) counts posts.</summary>
[Collection(ModelCollection.Name)]
public sealed class ServiceEndpointsTests(ModelFixture model)
{
    [Fact]
    public async Task Ready_after_assignment_and_metrics_count_posts_in_prometheus_text()
    {
        using var broker = new EmbeddedBroker();
        broker.CreateTopic(Topics.Posts, 2); // readiness needs an assignment; the subscription alone creates no topic
        await using var app = ModerationServiceHost.Build(new Dictionary<string, string?>
        {
            ["Review:Enabled"] = "false", // the streaming path alone (the review side has its own tests)
            ["Kafka:BootstrapServers"] = broker.BootstrapServers,
            ["Model:Folder"] = model.Folder,
            ["Urls"] = "http://127.0.0.1:0",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        using var http = new HttpClient { BaseAddress = new Uri(address) };

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/healthz/live")).StatusCode);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        HttpStatusCode ready;
        while ((ready = (await http.GetAsync("/healthz/ready")).StatusCode) != HttpStatusCode.OK && DateTime.UtcNow < deadline)
            await Task.Delay(200);
        Assert.Equal(HttpStatusCode.OK, ready);

        var posts = PostSamples.Create("ep", 40, malformedEvery: 10);
        using (var publisher = new PostPublisher(Options.Create(new KafkaOptions { BootstrapServers = broker.BootstrapServers }), TimeProvider.System))
            await publisher.PublishManyAsync(posts);
        const string scope = "otel_scope_name=\"Moderation.Streaming\"";
        const string verdicts = $"moderation_verdicts_produced_total{{{scope}}} 36\n";
        string metrics = "";
        deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline && !(metrics = await http.GetStringAsync("/metrics")).Contains(verdicts))
            await Task.Delay(200);
        Assert.Contains(verdicts, metrics);
        Assert.Contains($"moderation_dead_lettered_total{{{scope},reason=\"corrupt\"}} 4\n", metrics);
        Assert.Contains("# TYPE moderation_post_to_verdict_latency_milliseconds histogram\n", metrics);
        Assert.Contains($"moderation_post_to_verdict_latency_milliseconds_count{{{scope}}} 36\n", metrics);
        await app.StopAsync();
    }
}
