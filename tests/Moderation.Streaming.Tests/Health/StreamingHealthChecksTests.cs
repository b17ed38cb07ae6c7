using Confluent.Kafka;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Moderation.Core.Contracts;
using Moderation.Tools.Kafka.Broker;
using Moderation.Streaming.Health;
using Moderation.Streaming.Tests.Support;
using Xunit.Abstractions;

namespace Moderation.Streaming.Tests.Health;

[Collection(ExitCodeCollection.Name)]
public sealed class StreamingHealthChecksTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Checks_are_unhealthy_before_start_healthy_once_a_partition_is_assigned_and_unhealthy_after_a_fatal_error()
    {
        using var broker = new EmbeddedBroker();
        broker.CreateTopic(Topics.Posts, 2);
        var previousExitCode = Environment.ExitCode;
        var settings = WorkerHost.Settings(broker, new Dictionary<string, string?>
        {
            // static membership: a fenced instance id is a fatal consumer error in librdkafka
            ["Kafka:ConsumerSettings:group.instance.id"] = "worker-1",
        });
        using var host = WorkerHost.Build(settings, new MeanScorer(), output);
        var probe = new HealthProbe(host);
        var state = host.Services.GetRequiredService<StreamingHealth>();
        try
        {
            var liveBefore = await probe.CheckAsync(StreamingHealth.LiveTag);
            var readyBefore = await probe.CheckAsync(StreamingHealth.ReadyTag);

            await host.StartAsync().WaitAsync(Bound);
            Assert.True(await Eventually.ReadAsync(() => state.ScorerLoaded, loaded => loaded, Bound));
            var readyJoining = await probe.CheckAsync(StreamingHealth.ReadyTag);
            var ready = await Eventually.ReadAsync(() => probe.CheckAsync(StreamingHealth.ReadyTag), e => e.Status == HealthStatus.Healthy, Bound);
            var live = await probe.CheckAsync(StreamingHealth.LiveTag);

            var stopping = new TaskCompletionSource();
            host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.Register(() => stopping.TrySetResult());
            broker.FailNextRequests(KafkaApiKey.Heartbeat, ErrorCode.FencedInstanceId);
            await stopping.Task.WaitAsync(Bound);
            var liveAfter = await probe.CheckAsync(StreamingHealth.LiveTag);
            var readyAfter = await probe.CheckAsync(StreamingHealth.ReadyTag);

            Assert.Equal((HealthStatus.Unhealthy, "Consume loop not running"), (liveBefore.Status, liveBefore.Description));
            Assert.Equal((HealthStatus.Unhealthy, "Consume loop not running"), (readyBefore.Status, readyBefore.Description));
            // the embedded broker holds a new group's first join for about 3 s
            Assert.Equal((HealthStatus.Unhealthy, "No partition assigned"), (readyJoining.Status, readyJoining.Description));
            Assert.Equal(HealthStatus.Healthy, ready.Status);
            Assert.Equal((2, WorkerHost.ModelVersion, true), (ready.Data["assignedPartitions"], ready.Data["modelVersion"], ready.Data["scorerLoaded"]));
            Assert.Equal(HealthStatus.Healthy, live.Status);
            Assert.Equal(HealthStatus.Unhealthy, liveAfter.Status);
            Assert.Equal(HealthStatus.Unhealthy, readyAfter.Status);
            var fatal = Assert.IsAssignableFrom<KafkaException>(liveAfter.Exception);
            Assert.Equal(ErrorCode.FencedInstanceId, fatal.Error.Code);
            Assert.StartsWith("Fatal error: ", liveAfter.Description, StringComparison.Ordinal);
            Assert.Same(fatal, state.FatalError);
            Assert.NotNull(state.FatalErrorAt);
        }
        finally
        {
            await host.StopAsync().WaitAsync(TimeSpan.FromSeconds(15));
            Environment.ExitCode = previousExitCode;
        }
    }
}
