using Confluent.Kafka;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Moderation.Core.Contracts;
using Moderation.Tools.Kafka.Broker;
using Moderation.Streaming.Configuration;
using Moderation.Streaming.Diagnostics;
using Moderation.Streaming.Health;
using Moderation.Streaming.Tests.Support;
using Moderation.Streaming.Worker;
using Xunit.Abstractions;

namespace Moderation.Streaming.Tests.Configuration;

public sealed class StreamingRegistrationTests(ITestOutputHelper output)
{
    [Fact]
    public void Only_the_bootstrap_servers_given_binds_the_documented_defaults_and_registers_the_services()
    {
        using var broker = new EmbeddedBroker();
        using var host = WorkerHost.Build(new Dictionary<string, string?> { ["Kafka:BootstrapServers"] = broker.BootstrapServers }, new MeanScorer(), output);

        var kafka = host.Services.GetRequiredService<IOptions<KafkaOptions>>().Value;
        var batching = host.Services.GetRequiredService<IOptions<BatchingOptions>>().Value;
        var resilience = host.Services.GetRequiredService<IOptions<ResilienceOptions>>().Value;

        Assert.Equal(("moderation", Topics.Posts, Topics.Verdicts, Topics.Flags, Topics.DeadLetter),
            (kafka.GroupId, kafka.PostsTopic, kafka.VerdictsTopic, kafka.FlagsTopic, kafka.DeadLetterTopic));
        Assert.Equal((64, 20, Math.Max(1, Environment.ProcessorCount - 1)), (batching.MaxBatchSize, batching.MaxBatchDelayMs, batching.DecodeParallelism));
        Assert.Equal(3, resilience.ScoringMaxRetries);
        Assert.Single(host.Services.GetServices<IHostedService>().OfType<ModerationWorker>());
        Assert.NotNull(host.Services.GetRequiredService<StreamingMetrics>());
        var monitoring = host.Services.GetRequiredService<IOptions<MonitoringOptions>>().Value;
        Assert.Equal((5000, 1000), (monitoring.ConsumerLagIntervalMs, monitoring.ConsumerLagQueryTimeoutMs));
        Assert.Equal(2000, resilience.ProduceRetryMaxDelayMs);
    }

    [Fact]
    public void Health_checks_are_registered_once_with_the_live_and_ready_tags_even_when_registration_runs_twice()
    {
        var services = new ServiceCollection();
        var configuration = new ConfigurationBuilder().Build();
        services.AddModerationStreaming(configuration);
        services.AddModerationStreaming(configuration);
        using var provider = services.BuildServiceProvider();

        var registrations = provider.GetRequiredService<IOptions<HealthCheckServiceOptions>>().Value.Registrations
            .ToDictionary(r => r.Name, r => r.Tags.Single());

        Assert.Equal(new Dictionary<string, string>
        {
            [StreamingHealth.LiveCheckName] = StreamingHealth.LiveTag,
            [StreamingHealth.ReadyCheckName] = StreamingHealth.ReadyTag,
        }, registrations);
        Assert.Single(services, d => d.ServiceType == typeof(StreamingHealth));
        Assert.Single(services, d => d.ImplementationType == typeof(ModerationWorker));
    }

    [Theory]
    [InlineData("Kafka:BootstrapServers", "", "BootstrapServers")]
    [InlineData("Batching:MaxBatchSize", "0", "MaxBatchSize")]
    [InlineData("Resilience:BreakerFailureRatio", "1.5", "BreakerFailureRatio")]
    [InlineData("Monitoring:ConsumerLagIntervalMs", "0", "ConsumerLagIntervalMs")]
    public async Task Invalid_options_fail_the_host_start(string key, string value, string member)
    {
        using var broker = new EmbeddedBroker();
        var settings = WorkerHost.Settings(broker, new Dictionary<string, string?> { [key] = value });
        using var host = WorkerHost.Build(settings, new MeanScorer(), output);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(member, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Passthrough_settings_reach_the_clients_but_cannot_weaken_the_delivery_guarantees()
    {
        var options = new KafkaOptions
        {
            BootstrapServers = "127.0.0.1:9",
            Settings = { ["socket.keepalive.enable"] = "true", ["enable.idempotence"] = "false" },
            ConsumerSettings = { ["session.timeout.ms"] = "7000", ["enable.auto.offset.store"] = "true", ["auto.offset.reset"] = "latest" },
            ProducerSettings = { ["linger.ms"] = "7", ["acks"] = "1", ["message.timeout.ms"] = "1234" },
        };

        var consumer = KafkaClientConfigs.Worker(options);
        var producer = KafkaClientConfigs.Producer(options, messageTimeoutMs: 30_000);

        Assert.Equal(("true", 7000, AutoOffsetReset.Latest), (consumer.Get("socket.keepalive.enable"), consumer.SessionTimeoutMs, consumer.AutoOffsetReset));
        Assert.Equal((false, true, "moderation"), (consumer.EnableAutoOffsetStore, consumer.EnableAutoCommit, consumer.GroupId));
        Assert.Equal((7.0, 1234), (producer.LingerMs, producer.MessageTimeoutMs));
        Assert.Equal((true, Acks.All), (producer.EnableIdempotence, producer.Acks));
        Assert.Null(producer.Get("session.timeout.ms"));
        Assert.Equal((1000, 1000), (consumer.ReconnectBackoffMaxMs, producer.ReconnectBackoffMaxMs));
        Assert.Equal(250, KafkaClientConfigs.Producer(new KafkaOptions { Settings = { ["reconnect.backoff.max.ms"] = "250" } }, 1000).ReconnectBackoffMaxMs);
    }
}
